import type { Doc, LayerName } from '../model/doc.ts'
import { ClaimtrailError } from '../model/errors.ts'
import type { Stage } from './stage.ts'

/** What {@link Pipeline.runMany} made of one document: the analysed Doc, or why it failed. */
export type RunOutcome =
  | { readonly ok: true; readonly doc: Doc }
  | { readonly ok: false; readonly error: ClaimtrailError }

/** An ordered list of stages whose requirements were checked when it was built. */
export interface Pipeline {
  readonly stages: readonly Stage[]
  /** Run every stage over the document; errors name the stage and the document. */
  readonly run: (doc: Doc) => Doc
  /**
   * Run every stage over a batch of documents, a stage over all of them before the next
   * stage: the same Docs as {@link run} gives one by one, in order. A document a stage fails
   * on gets its error (as `run` would throw it) and no further stages; the others go on.
   */
  readonly runMany: (docs: readonly Doc[]) => RunOutcome[]
}

/** One stage over one document, with the errors `run` and `runMany` report. */
function runStage(stage: Stage, doc: Doc, id: string): Doc {
  let out: Doc
  try {
    out = stage.run(doc)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    throw new ClaimtrailError('PIPELINE',
      `stage "${stage.name}" failed on document "${id}": ${reason}`, { cause: e })
  }
  for (const layer of stage.assigns) {
    if (!out.has(layer)) {
      throw new ClaimtrailError('PIPELINE',
        `stage "${stage.name}" did not assign layer "${layer}" on document "${id}"`)
    }
  }
  return out
}

/**
 * Build a pipeline, checking at start-up that every stage's `requires` is assigned by an
 * earlier stage and that no two stages assign the same layer.
 *
 * @example
 * const pipeline = createPipeline([tokens, quantities])
 * const analysed = pipeline.run(Doc.create('About 4,000 were hurt.', { id: 'x' }))
 */
export function createPipeline(stages: readonly Stage[]): Pipeline {
  const assigned = new Map<LayerName, string>()
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!assigned.has(need)) {
        throw new ClaimtrailError('PIPELINE',
          `stage "${stage.name}" requires layer "${need}", which no earlier stage assigns; ` +
          'add the stage that assigns it before this one')
      }
    }
    for (const layer of stage.assigns) {
      const owner = assigned.get(layer)
      if (owner !== undefined) {
        throw new ClaimtrailError('PIPELINE',
          `stages "${owner}" and "${stage.name}" both assign layer "${layer}"`)
      }
      assigned.set(layer, stage.name)
    }
  }
  const frozen = Object.freeze([...stages])
  return {
    stages: frozen,
    run(doc: Doc): Doc {
      let current = doc
      for (const stage of frozen) current = runStage(stage, current, doc.id)
      return current
    },
    // A stage's models (the taggers' weight tables, wink-nlp's lexicon, chrono-node's
    // expressions) stay in the processor's caches while it reads a batch, where one
    // document at a time lets the other stages push them out between its turns: the
    // taggers' rows cost about twice as much inside the pipeline as alone (session 16,
    // docs/benchmarks.md).
    runMany(docs: readonly Doc[]): RunOutcome[] {
      const out: RunOutcome[] = docs.map((doc) => ({ ok: true, doc }))
      for (const stage of frozen) {
        for (let i = 0; i < out.length; i++) {
          const o = out[i]
          if (!o.ok) continue
          try {
            out[i] = { ok: true, doc: runStage(stage, o.doc, docs[i].id) }
          } catch (e) {
            out[i] = { ok: false, error: e as ClaimtrailError }
          }
        }
      }
      return out
    },
  }
}
