import type { Doc, LayerName } from '../model/doc.ts'
import { ClaimtrailError } from '../model/errors.ts'
import type { Stage } from './stage.ts'

/** An ordered list of stages whose requirements were checked when it was built. */
export interface Pipeline {
  readonly stages: readonly Stage[]
  /** Run every stage over the document; errors name the stage and the document. */
  readonly run: (doc: Doc) => Doc
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
      for (const stage of frozen) {
        try {
          current = stage.run(current)
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e)
          throw new ClaimtrailError('PIPELINE',
            `stage "${stage.name}" failed on document "${doc.id}": ${reason}`, { cause: e })
        }
        for (const layer of stage.assigns) {
          if (!current.has(layer)) {
            throw new ClaimtrailError('PIPELINE',
              `stage "${stage.name}" did not assign layer "${layer}" on document "${doc.id}"`)
          }
        }
      }
      return current
    },
  }
}
