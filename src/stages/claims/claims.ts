import { defineStage, type Stage } from '../../pipeline/stage.ts'

/** The stage that assigns `claims`. (First version: none.) */
export function claimsStage(): Stage {
  return defineStage({
    name: 'claims',
    requires: ['tokens', 'sentences', 'entities', 'quantities', 'times', 'attributions'],
    assigns: ['claims'],
    run: (doc) => doc.withLayer('claims', []),
  })
}
