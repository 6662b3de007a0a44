import type { Quantity } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'

/** Every numeric expression in `text`, in order, with UTF-16 offsets. (First version: none.) */
export function findQuantities(_text: string): Quantity[] {
  return []
}

/** The stage that assigns `quantities`. */
export function quantitiesStage(): Stage {
  return defineStage({
    name: 'quantities', requires: ['tokens', 'sentences'], assigns: ['quantities'],
    run: (doc) => doc.withLayer('quantities', findQuantities(doc.text)),
  })
}
