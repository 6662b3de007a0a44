/**
 * Where the attribution errors are: an error budget over scored PolNeAR documents, for
 * `claimtrail eval polnear --errors`. Exact-match F1 mixes three different failures (a
 * cue not found, a cue found with another extent, roles wrong around a right cue); this
 * separates them so that work goes where the points are.
 *
 * - Cue fragments (de-duplicated per document, as the exact score counts them): right;
 *   extent (a predicted cue that overlaps a gold one without matching it); spurious
 *   (overlaps no gold cue); missed (a gold cue no prediction overlaps).
 * - Around a right cue (a predicted attribution whose cue fragments equal a gold
 *   attribution's), the source: right (both absent counts), boundary (overlaps), wrong
 *   (no overlap), missing, extra; and the content fragments: right; near (the boundary
 *   next to the cue differs); far (only the boundary away from the cue differs); stray
 *   (overlaps no gold fragment of that attribution); missed (a gold fragment none
 *   overlaps). An attribution is whole when source and every content fragment are right.
 */
import type { BratAttribution, CodePointSpan } from '../format/brat.ts'
import type { ScoredDoc } from './polnear.ts'

/**
 * Counts of attribution errors by kind (see the module comment): `cue` over de-duplicated
 * cue fragments, `rightCue` over predicted attributions whose cue equals a gold one's.
 */
export interface ErrorBudget {
  readonly cue: { right: number; extent: number; spurious: number; missed: number; gold: number }
  readonly rightCue: {
    attributions: number
    whole: number
    source: { right: number; boundary: number; wrong: number; missing: number; extra: number }
    content: { right: number; near: number; far: number; stray: number; missed: number }
  }
}

const overlaps = (a: CodePointSpan, b: CodePointSpan) => a.start < b.end && b.start < a.end
const same = (a: CodePointSpan, b: CodePointSpan) => a.start === b.start && a.end === b.end
/** Whether two lists of fragments are the same spans, in order. */
export const sameAll = (a: readonly CodePointSpan[], b: readonly CodePointSpan[]) => a.length === b.length && a.every((f, i) => same(f, b[i]))
const keyOf = (fs: readonly CodePointSpan[]) => fs.map((f) => `${f.start}:${f.end}`).join(',')

function uniqueCues(atts: readonly BratAttribution[]): CodePointSpan[] {
  const seen = new Map<string, CodePointSpan>()
  for (const a of atts) for (const f of a.cue) seen.set(`${f.start}:${f.end}`, f)
  return [...seen.values()]
}

/** The error budget of `docs` (gold against predicted). */
export function errorBudget(docs: readonly ScoredDoc[]): ErrorBudget {
  const cue = { right: 0, extent: 0, spurious: 0, missed: 0, gold: 0 }
  const source = { right: 0, boundary: 0, wrong: 0, missing: 0, extra: 0 }
  const content = { right: 0, near: 0, far: 0, stray: 0, missed: 0 }
  let attributions = 0
  let whole = 0
  for (const doc of docs) {
    const gold = uniqueCues(doc.gold)
    const predicted = uniqueCues(doc.predicted)
    cue.gold += gold.length
    for (const p of predicted) {
      if (gold.some((g) => same(g, p))) cue.right++
      else if (gold.some((g) => overlaps(g, p))) cue.extent++
      else cue.spurious++
    }
    for (const g of gold) if (!predicted.some((p) => overlaps(g, p))) cue.missed++

    // Gold attributions by cue; two may share one ("X and Y said"): each is used once,
    // the one with the prediction's source first.
    const goldByCue = new Map<string, BratAttribution[]>()
    for (const a of doc.gold) {
      if (a.cue.length === 0) continue
      const k = keyOf(a.cue)
      const list = goldByCue.get(k)
      if (list === undefined) goldByCue.set(k, [a])
      else list.push(a)
    }
    for (const p of doc.predicted) {
      const candidates = p.cue.length === 0 ? undefined : goldByCue.get(keyOf(p.cue))
      if (candidates === undefined || candidates.length === 0) continue
      const at = Math.max(0, candidates.findIndex((c) => sameAll(c.source, p.source)))
      const g = candidates.splice(at, 1)[0]
      attributions++
      let ok = true
      if (g.source.length === 0 && p.source.length === 0) source.right++
      else if (g.source.length === 0) { source.extra++; ok = false } else if (p.source.length === 0) { source.missing++; ok = false } else if (sameAll(g.source, p.source)) source.right++
      else {
        ok = false
        if (g.source.some((x) => p.source.some((y) => overlaps(x, y)))) source.boundary++
        else source.wrong++
      }
      const cueStart = p.cue[0].start
      for (const f of p.content) {
        if (g.content.some((x) => same(x, f))) { content.right++; continue }
        ok = false
        const over = g.content.filter((x) => overlaps(x, f))
        if (over.length === 0) { content.stray++; continue }
        // The boundary next to the cue: the start of content after it, the end of content before it.
        const after = f.start >= cueStart
        const nearSame = over.some((x) => (after ? x.start === f.start : x.end === f.end))
        if (nearSame) content.far++
        else content.near++
      }
      for (const x of g.content) if (!p.content.some((f) => overlaps(x, f))) { content.missed++; ok = false }
      if (ok) whole++
    }
  }
  return { cue, rightCue: { attributions, whole, source, content } }
}

const share = (n: number, of: number) => (of === 0 ? '' : ` (${((100 * n) / of).toFixed(1)}%)`)

/** A plain-text report of an {@link ErrorBudget}. */
export function formatErrorBudget(b: ErrorBudget): string {
  const { cue, rightCue: r } = b
  const predicted = cue.right + cue.extent + cue.spurious
  const srcAll = r.source.right + r.source.boundary + r.source.wrong + r.source.missing + r.source.extra
  const conAll = r.content.right + r.content.near + r.content.far + r.content.stray
  return [
    'Error budget',
    `cue fragments: ${predicted} predicted, ${cue.gold} gold`,
    `  right ${cue.right}${share(cue.right, predicted)}; other extent ${cue.extent}${share(cue.extent, predicted)}; spurious ${cue.spurious}${share(cue.spurious, predicted)}`,
    `  gold missed (no predicted cue overlaps) ${cue.missed}${share(cue.missed, cue.gold)}`,
    `predicted attributions with a right cue: ${r.attributions}, wholly right ${r.whole}${share(r.whole, r.attributions)}`,
    `  source: right ${r.source.right}${share(r.source.right, srcAll)}, boundary ${r.source.boundary}, wrong ${r.source.wrong}, missing ${r.source.missing}, extra ${r.source.extra}`,
    `  content fragments: right ${r.content.right}${share(r.content.right, conAll)}, far boundary ${r.content.far}, near boundary ${r.content.near}, stray ${r.content.stray}; gold fragments missed ${r.content.missed}`,
  ].join('\n')
}
