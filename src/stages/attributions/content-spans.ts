import { roleWindow, type RoleSpans, type Scratch } from './attributions.ts'
import { rerankEnd, loadEndRanker, type EndRanker } from './content-ranker.ts'
import { P_COMMA, P_FINAL, Q_CLOSE, Q_OPEN, type Prepared } from './features.ts'
import type { CueTokens } from './taggers.ts'

const RULES = (process.env.CT_RULES ?? 'abe').split('')

let defaultRanker: EndRanker | null | undefined

/** The committed content-end ranker, loaded on first use; null when there is none. */
export function defaultEndRanker(): EndRanker | null {
  if (defaultRanker === undefined) defaultRanker = process.env.CT_NORANK ? null : loadEndRanker()
  return defaultRanker
}

function inside(i: number, r: CueTokens): boolean {
  return i >= r.start && i < r.end
}

/** Adjust content boundaries to PolNeAR's conventions. */
export function refineContent(
  p: Prepared, cue: CueTokens, roles: RoleSpans, isCue: Uint8Array, ranker: EndRanker | null = null, sc?: Scratch,
): RoleSpans {
  let content = roles.content.map((r) => {
    let { start, end } = r
    const paraEnd = p.paraEnd[p.para[start]]
    let last = -1
    for (let i = start; i < end; i++) if (p.quote[i] >= Q_OPEN) last = i
    if (RULES.includes('a') && last >= 0 && p.quote[last] === Q_OPEN) {
      let j = end
      while (j < paraEnd && p.quote[j] !== Q_CLOSE && !inside(j, cue)) j++
      if (j < paraEnd && p.quote[j] === Q_CLOSE && j - end < 120) end = j + 1
    }
    if (RULES.includes('b') && p.quote[start] === Q_OPEN) {
      let j = start + 1
      while (j < end && p.quote[j] !== Q_CLOSE) j++
      if (j < end - 1 && p.punct[j - 1] === P_COMMA) end = j + 1
    }
    return end === r.end ? r : { start, end }
  })
  if (RULES.includes('e') && content.length === 1) {
    // "A," he said. "B." : the second quotation continues the first.
    const c = content[0]
    if (c.end <= cue.start && p.quote[c.start] === Q_OPEN && p.quote[c.end - 1] === Q_CLOSE && p.punct[c.end - 2] === P_COMMA) {
      const paraEnd = p.paraEnd[p.para[cue.start]]
      let j = cue.end
      while (j < paraEnd && p.punct[j] !== P_FINAL && p.quote[j] < Q_OPEN && !(isCue[j] && !inside(j, cue))) j++
      if (j < paraEnd && p.punct[j] === P_FINAL && j + 1 < paraEnd && p.quote[j + 1] === Q_OPEN) {
        let k = j + 2
        while (k < paraEnd && p.quote[k] !== Q_CLOSE && !isCue[k]) k++
        if (k < paraEnd && p.quote[k] === Q_CLOSE) content = [c, { start: j + 1, end: k + 1 }]
      }
    }
  }
  if (ranker !== null && sc !== undefined) {
    const win = roleWindow(p, cue)
    const em = { scores: sc.em, from: win.start, to: win.end }
    content = content.map((r, i) => {
      if (r.start < cue.end) return r
      const next = i + 1 < content.length ? content[i + 1].start : p.n
      const e = rerankEnd(ranker, p, cue, r.start, r.end, next, isCue, em)
      return e === r.end ? r : { start: r.start, end: e }
    })
  }
  return { source: roles.source, content }
}
