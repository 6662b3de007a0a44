import { Doc, type DocMeta } from './model/doc.ts'
import { createPipeline, type Pipeline } from './pipeline/pipeline.ts'
import { attributionsStage, loadAttributionModel } from './stages/attributions/attributions.ts'
import { claimsStage } from './stages/claims/claims.ts'
import { entitiesStage, loadGazetteer } from './stages/entities/entities.ts'
import { languageStage } from './stages/language/language.ts'
import { quantitiesStage } from './stages/quantities/quantities.ts'
import { timesStage } from './stages/times/times.ts'
import { loadWink, tokensStage } from './stages/tokens/tokens.ts'

/** Options for {@link createAnalyzer}. */
export interface AnalyzerOptions {
  /** A user gazetteer file (JSON) that extends the bundled one. */
  readonly gazetteerFile?: string
  /** An attribution model file other than the committed one. */
  readonly attributionModelFile?: string
}

/** Runs the whole extraction pipeline over documents. Load once, reuse for many. */
export interface Analyzer {
  readonly pipeline: Pipeline
  /** Analyse one document: text plus what is known of it. */
  analyze(text: string, meta: Partial<DocMeta> & { id: string }): Doc
}

// Documents in unsupported languages skip the English stages: running an English model over
// Korean text yields garbage claims, and an empty answer with a warning is honest.
const EMPTY_FOR_UNSUPPORTED = ['entities', 'quantities', 'times', 'attributions', 'claims'] as const

/**
 * Load the models and build the extraction pipeline: language, tokens, entities,
 * quantities, times, attributions, claims.
 *
 * @example
 * const analyzer = createAnalyzer()
 * const doc = analyzer.analyze('About 4,000 were hurt, officials said.', { id: 'x', published: '2025-01-09' })
 * doc.get('claims')
 */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const nlp = loadWink()
  const gazetteer = loadGazetteer(options.gazetteerFile)
  const attributionModel = loadAttributionModel(options.attributionModelFile)
  const language = languageStage()
  const tokens = tokensStage(nlp)
  const pipeline = createPipeline([
    tokens, entitiesStage(gazetteer), quantitiesStage(), timesStage('with-quantities'),
    attributionsStage(attributionModel), claimsStage(),
  ])
  const unsupported = createPipeline([tokens])
  return {
    pipeline,
    analyze(text, meta) {
      const doc = language.run(Doc.create(text, meta))
      const lang = doc.get('language')
      if (lang.isSupported) return pipeline.run(doc)
      let d = unsupported.run(doc)
        .withWarning(`language "${lang.code}" is not supported yet: no entities, quantities or claims extracted`)
      for (const layer of EMPTY_FOR_UNSUPPORTED) d = d.withLayer(layer, [])
      return d
    },
  }
}
