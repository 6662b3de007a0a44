import { defineStage, type Stage } from '../../pipeline/stage.ts'

/** The stage that assigns `times`, resolved against `doc.meta.published`. (First version: none.) */
export function timesStage(): Stage {
  return defineStage({
    name: 'times', requires: ['tokens', 'sentences'], assigns: ['times'],
    run: (doc) => doc.withLayer('times', []),
  })
}
