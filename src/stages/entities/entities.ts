import { defineStage, type Stage } from '../../pipeline/stage.ts'

/** Names, aliases and types of known entities. (First version: empty.) */
export interface Gazetteer {
  readonly size: number
}

/** The bundled gazetteer, extended by an optional user file. */
export function loadGazetteer(_userFile?: string): Gazetteer {
  return { size: 0 }
}

/** The stage that assigns `entities`. */
export function entitiesStage(_gazetteer: Gazetteer): Stage {
  return defineStage({
    name: 'entities', requires: ['tokens', 'sentences'], assigns: ['entities'],
    run: (doc) => doc.withLayer('entities', []),
  })
}
