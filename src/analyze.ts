import { Doc, type DocMeta } from './model/doc.ts'
import type { ClaimtrailError } from './model/errors.ts'
import { createPipeline, type Pipeline, type RunOutcome } from './pipeline/pipeline.ts'
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
  /**
   * Analyse a batch of documents, each stage over the whole batch in turn (as spaCy's
   * `nlp.pipe`): the same Docs as {@link analyze} one by one, in order, and faster for
   * many documents ({@link ANALYZE_BATCH}). A document that fails gets its error, as
   * `analyze` would throw it; the others are analysed.
   */
  analyzeMany(docs: ReadonlyArray<{ readonly text: string; readonly meta: Partial<DocMeta> & { id: string } }>): RunOutcome[]
}

/**
 * How many documents to hand {@link Analyzer.analyzeMany} at a time. In one process (CPU time,
 * docs/benchmarks.md, session 16) batches of 8 PolNeAR dev texts took 0.93 of the time of one
 * document at a time, of 16 0.86, of 32 0.78-0.84 (train texts: 0.89); the pool's batches are 32
 * as well.
 */
export const ANALYZE_BATCH = 32

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
  const analyzeUnsupported = (doc: Doc): Doc => {
    let d = unsupported.run(doc)
      .withWarning(`language "${doc.get('language').code}" is not supported yet: no entities, quantities or claims extracted`)
    for (const layer of EMPTY_FOR_UNSUPPORTED) d = d.withLayer(layer, [])
    return d
  }
  return {
    pipeline,
    analyze(text, meta) {
      const doc = language.run(Doc.create(text, meta))
      return doc.get('language').isSupported ? pipeline.run(doc) : analyzeUnsupported(doc)
    },
    analyzeMany(inputs) {
      const docs = inputs.map(({ text, meta }) => language.run(Doc.create(text, meta)))
      // (as in `analyze`, an error before the pipeline, in making the Doc, is thrown)
      // (the order does not matter to the tokens stage: wink's learnt words are not found
      // again, docs/tokens.md "Session 16", so the supported documents run as one batch)
      const outcomes: RunOutcome[] = new Array(docs.length)
      const supported = docs.flatMap((doc, i) => (doc.get('language').isSupported ? [i] : []))
      const run = pipeline.runMany(supported.map((i) => docs[i]))
      supported.forEach((i, k) => { outcomes[i] = run[k] })
      for (let i = 0; i < docs.length; i++) {
        if (outcomes[i] !== undefined) continue
        try {
          outcomes[i] = { ok: true, doc: analyzeUnsupported(docs[i]) }
        } catch (e) {
          outcomes[i] = { ok: false, error: e as ClaimtrailError }
        }
      }
      return outcomes
    },
  }
}
