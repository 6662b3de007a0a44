/**
 * Source errors of predictions (a `train-cv.ts --dump DIR`) against a PolNeAR split's gold,
 * among predicted attributions whose cue is exactly a gold attribution's cue: source exact,
 * boundary (overlapping), wrong (both present, no overlap), missing, extra; then the errors by
 * class (missing, spurious, wrong side of the cue, start or end wrong, by the side of the cue the
 * source lies on) and by shape (the class with the words between the edges that differ, as
 * source-fragments.ts patterns them).
 *
 *   node --import tsx src/stages/attributions/source-errors.ts --pred DIR
 *     [--data ../shared/data/polnear/train] [--examples wrong|missing|extra|boundary|SHAPE] [--max 50]
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
const shapes = new Map<string, number>()
const classes = new Map<string, number>()

/**
 * The class of a source error: missing, spurious (gold has none), on the wrong side of the cue,
 * another span on the same side, or the start, the end or both wrong, with the side of gold's source.
 */
function classOf(kind: string, g: readonly CodePointSpan[], p: readonly CodePointSpan[], cue: readonly CodePointSpan[]): string {
  const gs = side(g, cue)
  const ps = side(p, cue)
  if (kind === 'missing') return `missing source, gold ${gs}`
  if (kind === 'extra') return `spurious source (gold none), predicted ${ps}`
  if (kind === 'wrong') return gs === ps ? `another span, same side (${gs})` : 'wrong side of the cue'
  const start = g[0].start !== p[0].start
  const end = g[g.length - 1].end !== p[p.length - 1].end
  return `${start && end ? 'start and end' : start ? 'start' : end ? 'end' : 'fragments'} wrong, source ${gs}`
}
const examples: string[] = []

/** Which side of the cue a source lies on: before, after, around it, or none. */
function side(source: readonly CodePointSpan[], cue: readonly CodePointSpan[]): string {
  if (source.length === 0) return 'none'
  const c = cue[0]
  if (source.every((f) => f.end <= c.start)) return 'before'
  if (source.every((f) => f.start >= c.end)) return 'after'
  return 'around'
}

/** The first word of `s` lower-cased, with "…" for two or three more words and "……" for more. */
function pattern(s: string): string {
  const ws = s.trim().replace(/\s+/gu, ' ').split(' ')
  const first = ws[0].toLowerCase().replace(/[“”"]/gu, 'Q')
  return ws.length <= 1 ? first : ws.length <= 3 ? `${first} …` : `${first} ……`
}

/**
 * The shape of a source error: which side of the cue gold's and the prediction's sources lie
 * on, and for a boundary error which edge differs, the prediction's edge later (`+`) or
 * earlier (`-`), with the words in between (source-fragments.ts's patterns).
 */
function shapeOf(kind: string, cp: readonly string[], g: readonly CodePointSpan[], p: readonly CodePointSpan[], cue: readonly CodePointSpan[]): string[] {
  const gs = side(g, cue)
  const ps = side(p, cue)
  const cueWord = pattern(cp.slice(cue[0].start, cue[0].end).join(''))
  if (kind === 'missing') return [`missing, gold ${gs}, cue ${cueWord}`]
  if (kind === 'extra') return [`extra, ${ps}, cue ${cueWord}`]
  if (kind === 'wrong') return [gs !== ps ? `wrong side, gold ${gs}, predicted ${ps}` : `wrong, both ${gs}, predicted ${(p[0].start > g[0].start) === (gs === 'before') ? 'nearer the cue' : 'farther'}`]
  const words = (a: number, b: number) => pattern(cp.slice(a, b).join(''))
  const gl = g[0].start
  const gr = g[g.length - 1].end
  const pl = p[0].start
  const pr = p[p.length - 1].end
  const out: string[] = []
  if (pl < gl) out.push(`${gs}: start earlier +${words(pl, gl)}`)
  if (pl > gl) out.push(`${gs}: start later -${words(gl, pl)}`)
  if (pr > gr) out.push(`${gs}: end later +${words(gr, pr)}`)
  if (pr < gr) out.push(`${gs}: end earlier -${words(pr, gr)}`)
  if (out.length === 0) out.push(`${gs}: fragments differ`)
  return out
}
let pairs = 0
for (const { name, codePoints: cp, gold: g, predicted: p } of rightCuePairs(options)) {
  pairs++
  const kind = sameSet(g.source, p.source) ? 'exact'
    : g.source.length === 0 ? 'extra'
      : p.source.length === 0 ? 'missing'
        : overlaps(g.source, p.source) ? 'boundary' : 'wrong'
  counts.set(kind, (counts.get(kind) ?? 0) + 1)
  const shape = kind === 'exact' ? [] : shapeOf(kind, cp, g.source, p.source, p.cue)
  if (kind !== 'exact') { const k = classOf(kind, g.source, p.source, p.cue); classes.set(k, (classes.get(k) ?? 0) + 1) }
  for (const k of shape) shapes.set(k, (shapes.get(k) ?? 0) + 1)
  if ((kind !== options.examples && !shape.includes(options.examples ?? '')) || examples.length >= options.max) continue
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
console.log('\nclasses:')
for (const [k, n] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${k}`)
console.log('\nshapes (--examples takes one of these too):')
for (const [k, n] of [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 120)) console.log(`${String(n).padStart(6)}  ${k}`)
if (examples.length > 0) console.log(`\n${examples.join('\n\n')}`)
