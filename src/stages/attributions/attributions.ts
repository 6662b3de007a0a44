import { defineStage, type Stage } from '../../pipeline/stage.ts'

/** The trained attribution model. (First version: empty.) */
export interface AttributionModel {
  readonly version: string
}

/** Load the committed model from `models/attribution/`, or from `path`. */
export function loadAttributionModel(_path?: string): AttributionModel {
  return { version: 'none' }
}

/** The stage that assigns `attributions`. */
export function attributionsStage(_model: AttributionModel): Stage {
  return defineStage({
    name: 'attributions', requires: ['tokens', 'sentences', 'entities'], assigns: ['attributions'],
    run: (doc) => doc.withLayer('attributions', []),
  })
}
