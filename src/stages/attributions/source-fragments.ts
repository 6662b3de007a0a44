/**
 * Source fragments of predictions (a `train-cv.ts --dump DIR`) against a PolNeAR split's gold,
 * counted as the exact score counts them (fragments de-duplicated per document), so that the
 * classes add up to the score's misses and false alarms:
 *
 * - a gold fragment no prediction matches: `boundary` (a predicted source fragment overlaps it),
 *   else by its attributions' cues: `cue right` (a prediction has one of them exactly, its source
 *   is elsewhere or absent), `cue extent` (a predicted cue overlaps one), `cue missed`;
 * - a predicted fragment gold does not have: `boundary`, else by its attribution's cue: `gold has
 *   none` (the cue is a gold cue without a source), `cue right` (gold's source is elsewhere),
 *   `cue extent`, `spurious` (the cue overlaps no gold cue).
 *
 * Boundary pairs are broken down by which edge differs and by the words in between (`+` words
 * the prediction has and gold does not, `-` the other way).
 *
 *   node --import tsx src/stages/attributions/source-fragments.ts --pred DIR
 *     [--data ../shared/data/polnear/train] [--examples CLASS] [--max 50]
 *
 * CLASS is one of the class names above with its side, e.g. `gold:cue right`, `pred:gold has
 * none`, or an edge pattern such as `end -who`. Examples print the text around the fragment with
 * gold's source in {braces}, the prediction's in [brackets] and the cues in <angles>.
 */
import { annDirPredictor, predictSplit } from '../../eval/polnear.ts'
import type { CodePointSpan } from '../../format/brat.ts'
import { markedLine, studyOptions, uniqueFragments } from './cue-pairs.ts'

const options = studyOptions(40)

const overlaps = (a: CodePointSpan, b: CodePointSpan) => a.start < b.end && b.start < a.end
const same = (a: CodePointSpan, b: CodePointSpan) => a.start === b.start && a.end === b.end
const key = (f: CodePointSpan) => `${f.start}:${f.end}`

const counts = new Map<string, number>()
const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1)
const edges = new Map<string, number>()
const examples = new Map<string, string[]>()

function words(cp: readonly string[], from: number, to: number): string {
  return cp.slice(from, to).join('').trim().replace(/\s+/gu, ' ')
}

/** A pattern for the words between two edges: the first word, lower-cased, and "…" for two or three more words, "……" for more. */
function pattern(s: string): string {
  const ws = s.split(' ')
  const first = ws[0].toLowerCase().replace(/[“”"]/gu, 'Q')
  return ws.length <= 1 ? first : ws.length <= 3 ? `${first} …` : `${first} ……`
}

function show(cp: readonly string[], g: readonly CodePointSpan[], p: readonly CodePointSpan[], cues: readonly CodePointSpan[], at: CodePointSpan): string {
  return markedLine(cp, at, [[g, '{', '}'], [p, '[', ']'], [cues, '<', '>']])
}

function example(k: string, name: string, text: () => string): void {
  if (options.examples !== k) return
  const list = examples.get(k) ?? []
  if (list.length < options.max) list.push(`${name}: ${text()}`)
  examples.set(k, list)
}

let goldN = 0
let predN = 0
for (const doc of predictSplit(options.data, annDirPredictor(options.pred))) {
  const cp = Array.from(doc.text)
  const gold = uniqueFragments(doc.gold, 'source')
  const pred = uniqueFragments(doc.predicted, 'source')
  const predKeys = new Set(pred.map(key))
  const goldKeys = new Set(gold.map(key))
  const goldCues = uniqueFragments(doc.gold, 'cue')
  const predCues = uniqueFragments(doc.predicted, 'cue')
  const allCues = [...goldCues, ...predCues]
  const view = (at: CodePointSpan) => () => show(cp, gold, pred, predCues, at)
  goldN += gold.length
  predN += pred.length
  for (const g of gold) {
    if (predKeys.has(key(g))) { add('gold:exact'); continue }
    const over = pred.filter((p) => overlaps(p, g) && !goldKeys.has(key(p)))
    if (over.length > 0) {
      add('gold:boundary')
      const p = over[0]
      const parts: string[] = []
      if (p.start < g.start) parts.push(`start +${pattern(words(cp, p.start, g.start))}`)
      if (p.start > g.start) parts.push(`start -${pattern(words(cp, g.start, p.start))}`)
      if (p.end > g.end) parts.push(`end +${pattern(words(cp, g.end, p.end))}`)
      if (p.end < g.end) parts.push(`end -${pattern(words(cp, p.end, g.end))}`)
      for (const part of parts) {
        edges.set(part, (edges.get(part) ?? 0) + 1)
        example(part, doc.name, view(g))
      }
      // which edges differ, "start-" (the prediction begins later) to "end+" (it ends later)
      const shape = `edges: ${parts.map((x) => x.split(' ')[0] + x.split(' ')[1][0]).join(' ')}`
      edges.set(shape, (edges.get(shape) ?? 0) + 1)
      continue
    }
    const cues = doc.gold.filter((a) => a.source.some((f) => same(f, g))).flatMap((a) => a.cue)
    const k = cues.some((c) => predCues.some((p) => same(p, c))) ? 'gold:cue right'
      : cues.some((c) => predCues.some((p) => overlaps(p, c))) ? 'gold:cue extent' : 'gold:cue missed'
    add(k)
    example(k, doc.name, () => show(cp, gold, pred, allCues, g))
  }
  for (const p of pred) {
    if (goldKeys.has(key(p))) continue
    if (gold.some((g) => overlaps(p, g) && !predKeys.has(key(g)))) { add('pred:boundary'); continue }
    const atts = doc.predicted.filter((a) => a.source.some((f) => same(f, p)))
    const cues = atts.flatMap((a) => a.cue)
    const right = doc.gold.filter((a) => a.cue.length > 0 && cues.some((c) => a.cue.some((x) => same(x, c))))
    const k = right.length > 0 ? (right.every((a) => a.source.length === 0) ? 'pred:gold has none' : 'pred:cue right')
      : cues.some((c) => goldCues.some((x) => overlaps(x, c))) ? 'pred:cue extent' : 'pred:spurious'
    add(k)
    example(k, doc.name, () => show(cp, gold, pred, allCues, p))
  }
}
const matched = counts.get('gold:exact') ?? 0
const pr = matched / predN
const rc = matched / goldN
console.log(`source fragments: gold ${goldN}, predicted ${predN}, matched ${matched}; P ${(100 * pr).toFixed(2)} R ${(100 * rc).toFixed(2)} F1 ${(200 * pr * rc / (pr + rc)).toFixed(2)}`)
for (const [k, n] of [...counts].sort()) console.log(`${String(n).padStart(6)}  ${k}`)
console.log('\nboundary edges (gold fragment against the first overlapping prediction):')
for (const [k, n] of [...edges].sort((a, b) => b[1] - a[1]).slice(0, 100)) console.log(`${String(n).padStart(6)}  ${k}`)
for (const [k, list] of examples) console.log(`\n${k}:\n${list.join('\n\n')}`)
