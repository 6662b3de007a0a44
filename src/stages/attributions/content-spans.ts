import { roleWindow, type RoleSpans, type Scratch } from './attributions.ts'
import { loadEndRanker, rerankEnd, rerankStart, type EndRanker } from './content-ranker.ts'
import type { Prepared } from './features.ts'
import type { CueTokens } from './taggers.ts'

let committedRanker: EndRanker | null | undefined

/**
 * The committed boundary ranker (`models/attribution/content-end.bin`), read once on first
 * use; null when the file is absent, and content is then the role tagger's. Callers that
 * score another ranker pass it in instead (attributionsStage, extractAttributions).
 */
export function defaultEndRanker(): EndRanker | null {
  if (committedRanker === undefined) committedRanker = loadEndRanker()
  return committedRanker
}

/**
 * Move the far boundary of each content fragment to the ranker's choice: the end of a
 * fragment after the cue, the start of one before it ("“A,” he said"). The boundary next
 * to the cue stays the role tagger's. `sc` must still hold the role tagger's emission
 * scores for `cue` (call right after `findRoles`). Without a ranker, `roles` is returned.
 */
export function refineContent(
  p: Prepared, cue: CueTokens, roles: RoleSpans, isCue: Uint8Array, ranker: EndRanker | null, sc: Scratch,
): RoleSpans {
  if (ranker === null || roles.content.length === 0) return roles
  const win = roleWindow(p, cue)
  const em = { scores: sc.em, from: win.start, to: win.end }
  const content = roles.content.slice()
  for (let i = 0; i < content.length; i++) {
    const r = content[i]
    if (r.end <= cue.start) {
      // The far boundary moves no further than the fragment before it or the source.
      let prev = i > 0 ? content[i - 1].end : 0
      for (const s of roles.source) if (s.end <= r.start && s.end > prev) prev = s.end
      const start = rerankStart(ranker, p, cue, r.start, r.end, prev, isCue, em)
      if (start !== r.start) content[i] = { start, end: r.end }
    } else if (r.start >= cue.end) {
      let next = i + 1 < content.length ? content[i + 1].start : p.n
      for (const s of roles.source) if (s.start >= r.end && s.start < next) next = s.start
      const end = rerankEnd(ranker, p, cue, r.start, r.end, next, isCue, em)
      if (end !== r.end) content[i] = { start: r.start, end }
    }
  }
  return { source: roles.source, content }
}
