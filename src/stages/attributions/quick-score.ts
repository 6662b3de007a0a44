import type { CharSpan } from '../../model/types.ts'

/** An attribution as fragments per role (UTF-16), predicted or gold. */
export interface ScoredAttribution {
  readonly source: readonly CharSpan[]
  readonly cue: readonly CharSpan[]
  readonly content: readonly CharSpan[]
}

const ROLES = ['source', 'cue', 'content'] as const

/**
 * Training-time scorer following BENCHMARKS.md section 1 (component exact and overlap
 * F1 per role, relation exact and lenient F1), so `train.ts` can print dev figures
 * without the CLI. The figures reported in docs come from `claimtrail eval polnear`.
 */
export function scoreAttributions(
  gold: ReadonlyArray<{ text: string; gold: readonly ScoredAttribution[] }>,
  predicted: ReadonlyArray<readonly ScoredAttribution[]>,
): Record<string, string> {
  const exact = { source: [0, 0, 0], cue: [0, 0, 0], content: [0, 0, 0] }
  const overlap = { source: [0, 0, 0, 0], cue: [0, 0, 0, 0], content: [0, 0, 0, 0] }
  const rel = { exact: 0, lenient: 0, pred: 0, gold: 0 }
  gold.forEach((g, d) => {
    const tokens: CharSpan[] = []
    for (const m of g.text.matchAll(/\w+|[^\w\s]/gu)) tokens.push({ start: m.index!, end: m.index! + m[0].length })
    const toks = (fs: readonly CharSpan[]) => {
      const set = new Set<number>()
      for (const f of fs) tokens.forEach((t, i) => { if (t.start >= f.start && t.end <= f.end) set.add(i) })
      return set
    }
    const pred = predicted[d]
    for (const role of ROLES) {
      const key = (f: CharSpan) => `${f.start}:${f.end}`
      const gs = new Map(g.gold.flatMap((a) => a[role]).map((f) => [key(f), f]))
      const ps = new Map(pred.flatMap((a) => a[role]).map((f) => [key(f), f]))
      let tp = 0
      for (const k of ps.keys()) if (gs.has(k)) tp++
      exact[role][0] += tp; exact[role][1] += ps.size; exact[role][2] += gs.size
      const gTok = toks([...gs.values()])
      const pTok = toks([...ps.values()])
      for (const f of ps.values()) {
        const t = toks([f])
        let c = 0
        for (const x of t) if (gTok.has(x)) c++
        overlap[role][0] += t.size === 0 ? 0 : c / t.size; overlap[role][1]++
      }
      for (const f of gs.values()) {
        const t = toks([f])
        let c = 0
        for (const x of t) if (pTok.has(x)) c++
        overlap[role][2] += t.size === 0 ? 0 : c / t.size; overlap[role][3]++
      }
    }
    const same = (a: readonly CharSpan[], b: readonly CharSpan[]) =>
      a.length === b.length && a.every((f, i) => f.start === b[i].start && f.end === b[i].end)
    const dice = (a: readonly CharSpan[], b: readonly CharSpan[]) => {
      if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0
      const x = toks(a)
      const y = toks(b)
      let c = 0
      for (const t of x) if (y.has(t)) c++
      return x.size + y.size === 0 ? 0 : (2 * c) / (x.size + y.size)
    }
    for (const mode of ['exact', 'lenient'] as const) {
      const used = new Set<number>()
      for (const p of pred) {
        const k = g.gold.findIndex((a, i) => !used.has(i) && (mode === 'exact'
          ? same(a.content, p.content) && same(a.source, p.source)
          : dice(a.content, p.content) >= 0.5 && dice(a.source, p.source) >= 0.5))
        if (k >= 0) { used.add(k); rel[mode]++ }
      }
    }
    rel.pred += pred.length
    rel.gold += g.gold.length
  })
  const f1 = (tp: number, np: number, ng: number) => (np + ng === 0 ? 0 : (200 * tp) / (np + ng))
  const out: Record<string, string> = {}
  for (const role of ROLES) {
    const [tp, np, ng] = exact[role]
    const [ps, pn, rs, rn] = overlap[role]
    const P = pn === 0 ? 0 : ps / pn
    const R = rn === 0 ? 0 : rs / rn
    out[role] = `exact P ${(100 * tp / np).toFixed(1)} R ${(100 * tp / ng).toFixed(1)} F ${f1(tp, np, ng).toFixed(1)}; overlap F ${(P + R === 0 ? 0 : 200 * P * R / (P + R)).toFixed(1)}`
  }
  out.relation = `exact F ${f1(rel.exact, rel.pred, rel.gold).toFixed(1)}; lenient F ${f1(rel.lenient, rel.pred, rel.gold).toFixed(1)} (pred ${rel.pred}, gold ${rel.gold})`
  return out
}
