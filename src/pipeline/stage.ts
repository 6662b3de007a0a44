import type { Doc, LayerName } from '../model/doc.ts'

/**
 * A stage: a synchronous, pure function over a Doc that declares which layers it reads
 * (`requires`) and which it adds (`assigns`). Models and gazetteers are passed in when
 * the stage is created, never read from global state.
 */
export interface Stage {
  readonly name: string
  readonly requires: readonly LayerName[]
  readonly assigns: readonly LayerName[]
  readonly run: (doc: Doc) => Doc
}

/**
 * Declare a stage.
 *
 * @example
 * const noQuantities = defineStage({
 *   name: 'no-quantities', requires: [], assigns: ['quantities'],
 *   run: (doc) => doc.withLayer('quantities', []),
 * })
 */
export function defineStage(stage: Stage): Stage {
  return Object.freeze({ ...stage })
}
