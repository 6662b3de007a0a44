/**
 * Source errors of predictions (a `train-cv.ts --dump DIR`) against a PolNeAR split's gold,
 * among predicted attributions whose cue is exactly a gold attribution's cue: source exact,
 * boundary (overlapping), wrong (both present, no overlap), missing, extra.
 *
 *   node --import tsx src/stages/attributions/source-errors.ts --pred DIR
 *     [--data ../shared/data/polnear/train] [--examples wrong|missing|extra|boundary] [--max 50]
 *
 * Examples print the text around the cue with gold's source in {braces}, the prediction's
 * in [brackets] and the cue in <angles>. Options and the pairing by cue: cue-pairs.ts.
 */
import { sameAll as sameSet } from '../../eval/errors.ts'
import { type CodePointSpan } from '../../format/brat.ts'
import { rightCuePairs, studyOptions } from './cue-pairs.ts'

const options = studyOptions(50)

const overlaps = (a: readonly CodePointSpan[], b: readonly CodePointSpan[]) =>
  a.some((x) => b.some((y) => Math.min(x.end, y.end) > Math.max(x.start, y.start)))

const counts = new Map<string, number>()
const examples: string[] = []
let pairs = 0
for (const { name, codePoints: cp, gold: g, predicted: p } of rightCuePairs(options)) {
  pairs++
  const kind = sameSet(g.source, p.source) ? 'exact'
    : g.source.length === 0 ? 'extra'
      : p.source.length === 0 ? 'missing'
        : overlaps(g.source, p.source) ? 'boundary' : 'wrong'
  counts.set(kind, (counts.get(kind) ?? 0) + 1)
  if (kind !== options.examples || examples.length >= options.max) continue
  const all = [...g.source, ...p.source, ...p.cue]
  let lo = Math.min(...all.map((f) => f.start))
  let hi = Math.max(...all.map((f) => f.end))
  while (lo > 0 && cp[lo - 1] !== '\n' && Math.max(...all.map((f) => f.start)) - lo < 200) lo--
  while (hi < cp.length && cp[hi] !== '\n' && hi - lo < 400) hi++
  let line = ''
  for (let i = lo; i < hi; i++) {
    for (const f of g.source) if (f.start === i) line += '{'
    for (const f of p.source) if (f.start === i) line += '['
    for (const f of p.cue) if (f.start === i) line += '<'
    line += cp[i]
    for (const f of p.cue) if (f.end === i + 1) line += '>'
    for (const f of p.source) if (f.end === i + 1) line += ']'
    for (const f of g.source) if (f.end === i + 1) line += '}'
  }
  examples.push(`${name}: ${line.replace(/\n+/gu, ' ⏎ ')}`)
}
console.log(`attributions with the cue right: ${pairs}`)
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${k}`)
if (examples.length > 0) console.log(`\n${examples.join('\n\n')}`)
