/**
 * A census of source errors by the cue they hang on: each predicted attribution is paired with
 * the gold attribution that has exactly its cue ("right"), else with the first not yet taken whose
 * cue overlaps it ("extent": the tagger found the cue with another extent). For each pair the
 * source is exact, too long (covers gold's and more), too short (inside gold's), shifted (overlaps,
 * neither inside the other), another phrase (no overlap: a wrong antecedent, by side of the cue),
 * missing (gold has one, the prediction none) or extra (the prediction has one, gold none). Gold
 * attributions no predicted cue overlaps are counted by whether their source fragment is matched
 * anyway (another attribution of the document carries the same span, as the exact score counts).
 *
 *   node --import tsx src/stages/attributions/source-census.ts --pred DIR
 *     [--data ../shared/data/polnear/train] [--examples right:too long|extent:missing|...] [--max 40]
 *
 * Examples print the text around the cue with gold's source in {braces}, the prediction's in
 * [brackets], the predicted cue in <angles> and gold's cue in «guillemets».
 */
import { sameAll } from '../../eval/errors.ts'
import { annDirPredictor, predictSplit } from '../../eval/polnear.ts'
import type { BratAttribution, CodePointSpan } from '../../format/brat.ts'
import { markedLine, studyOptions, uniqueFragments } from './cue-pairs.ts'

const options = studyOptions(40)
const overlap = (a: readonly CodePointSpan[], b: readonly CodePointSpan[]) =>
  a.some((x) => b.some((y) => Math.min(x.end, y.end) > Math.max(x.start, y.start)))
const lo = (s: readonly CodePointSpan[]) => Math.min(...s.map((f) => f.start))
const hi = (s: readonly CodePointSpan[]) => Math.max(...s.map((f) => f.end))

/** The kind of a source against gold's. */
export function sourceKind(g: readonly CodePointSpan[], p: readonly CodePointSpan[], cue: readonly CodePointSpan[]): string {
  if (g.length === 0 && p.length === 0) return 'both none'
  if (sameAll(g, p)) return 'exact'
  if (g.length === 0) return 'extra'
  if (p.length === 0) return 'missing'
  if (!overlap(g, p)) {
    const c = cue[0].start
    const gb = hi(g) <= c
    const pb = hi(p) <= c
    return gb !== pb ? 'another phrase, other side' : 'another phrase, same side'
  }
  const gl = lo(g), gr = hi(g), pl = lo(p), pr = hi(p)
  if (pl <= gl && pr >= gr) return 'too long'
  if (pl >= gl && pr <= gr) return 'too short'
  return 'shifted'
}

const counts = new Map<string, number>()
const examples: string[] = []
const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1)
for (const doc of predictSplit(options.data, annDirPredictor(options.pred))) {
  const cp = Array.from(doc.text)
  const used = new Set<BratAttribution>()
  const predKeys = new Set(uniqueFragments(doc.predicted, 'source').map((f) => `${f.start}:${f.end}`))
  const pairs: Array<[string, BratAttribution, BratAttribution]> = []
  for (const p of doc.predicted) {
    const g = doc.gold.find((x) => !used.has(x) && sameAll(x.cue, p.cue))
    if (g !== undefined) { used.add(g); pairs.push(['right', g, p]) }
  }
  for (const p of doc.predicted) {
    if (pairs.some(([, , q]) => q === p)) continue
    const g = doc.gold.find((x) => !used.has(x) && overlap(x.cue, p.cue))
    if (g !== undefined) { used.add(g); pairs.push(['extent', g, p]) } else add(`spurious cue: source ${p.source.length > 0 ? 'given' : 'none'}`)
  }
  for (const [how, g, p] of pairs) {
    const kind = sourceKind(g.source, p.source, p.cue)
    // a fragment-level view: is gold's source matched anyway, by this or another attribution?
    const scored = g.source.length > 0 && g.source.every((f) => predKeys.has(`${f.start}:${f.end}`)) ? ' (gold span matched elsewhere)' : ''
    const k = `${how}: ${kind}${kind === 'exact' || kind === 'both none' ? '' : scored}`
    add(k)
    if (options.examples !== undefined && k.startsWith(options.examples) && examples.length < options.max) {
      const at = (g.source[0] ?? p.source[0] ?? p.cue[0])
      examples.push(`${doc.name}: ${markedLine(cp, at, [[g.source, '{', '}'], [p.source, '[', ']'], [p.cue, '<', '>'], [g.cue, '«', '»']])}`)
    }
  }
  for (const g of doc.gold) {
    if (used.has(g)) continue
    add(`cue missed: ${g.source.length === 0 ? 'gold has no source' : g.source.every((f) => predKeys.has(`${f.start}:${f.end}`)) ? 'source matched by another attribution' : 'source lost'}`)
  }
}
for (const [k, n] of [...counts].sort()) console.log(`${String(n).padStart(6)}  ${k}`)
if (examples.length > 0) console.log(`\n${examples.join('\n\n')}`)
