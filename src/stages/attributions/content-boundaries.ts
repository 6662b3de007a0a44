/**
 * Content boundary errors of predictions (a `train-cv.ts --dump DIR`, or any directory of
 * `.ann` files) against a PolNeAR split's gold: among predicted attributions whose cue is
 * exactly a gold attribution's cue, every content fragment that is not gold's is classified
 * by what went wrong (fragment missed or extra, fragments merged or split, or a boundary
 * too early or too late, on which side of the cue, and what kind of text lies between the
 * predicted and the gold boundary: quotation marks, "that", punctuation, a speech clause,
 * another sentence, a parenthetical, a dash, ", and ...", a comma clause, ...).
 *
 *   node --import tsx src/stages/attributions/content-boundaries.ts --pred DIR
 *     [--data ../shared/data/polnear/train] [--examples KIND] [--max 30]
 *
 * `--examples` prints up to `--max` cases of one kind (a row label of the table, or a
 * prefix of it) as `gold ‖ prediction` with the difference bracketed. Options and the
 * pairing by cue: cue-pairs.ts.
 */
import { sameAll as sameSet } from '../../eval/errors.ts'
import { type CodePointSpan } from '../../format/brat.ts'
import { rightCuePairs, studyOptions } from './cue-pairs.ts'

const options = studyOptions(30)

const QUOTES = /^["“”‘’'`]+$/u
const PUNCT = /^[.,;:!?"“”‘’'`\s]+$/u
const SPEECH = /^(said|says|say|told|tells|added|adds|wrote|writes|asked|noted|explained|according|argued|continued|insisted|stated|declared|claimed|reported|announced)$/iu
const PREPS = new Set(['in', 'on', 'at', 'for', 'by', 'with', 'from', 'during', 'after', 'before', 'about', 'of', 'to', 'over', 'since', 'as', 'into', 'against', 'amid', 'while', 'when', 'because', 'if', 'until', 'through', 'without', 'among'])
const TIME = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last|this|earlier|later|recently)$/iu

/** What kind of text `diff` is (the stretch between a predicted and a gold boundary). */
function kindOf(diff: string, atEnd: boolean): string {
  const t = diff.trim()
  if (t === '') return 'space'
  if (/\n/u.test(diff.trim())) return 'paragraph'
  if (QUOTES.test(t)) return 'quotation mark'
  if (PUNCT.test(t)) return 'punctuation'
  const words = t.replace(/^[^\p{L}\p{N}]+/u, '').split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w !== '')
  const first = (words[0] ?? '').toLowerCase()
  if (/^["“”‘’]?\s*that$/iu.test(t) || /^that\s*["“”‘’]?$/iu.test(t)) return '"that"'
  // Another sentence: a full stop (or ?!) followed by a capital or a quotation inside.
  if (/[.!?]["”’]?\s+["“‘]?[\p{Lu}\d]/u.test(t)) return 'another sentence'
  if (/^[(\[]/u.test(t) || /[)\]]$/u.test(t)) return 'parenthetical'
  if (/^[—–]|^--|^-\s/u.test(t) || /[—–]$|--$|\s-$/u.test(t)) return 'dash'
  const lead = t.replace(/^["“”‘’]+/u, '')
  if (/^,/u.test(lead) && words.some((w) => SPEECH.test(w))) return ', speech clause'
  if (words.some((w) => SPEECH.test(w)) && words.length <= 6) return 'speech clause'
  if (/^(,\s*)?(and|but|or)\b/iu.test(lead)) return '(,) and/but/or ...'
  if (/^[,;:]/u.test(lead) || /[,;:]$/u.test(lead)) {
    if (/^,\s*(who|which|where|whose)\b/iu.test(lead)) return ', relative clause'
    if (/^,\s*\p{L}+ing\b/iu.test(lead)) return ', participle'
    return 'comma clause'
  }
  if (/^(who|which|where|whose)$/iu.test(first)) return 'relative clause'
  if (atEnd && TIME.test(first)) return 'time'
  if (PREPS.has(first)) return `preposition (${words.length < 4 ? 'short' : 'long'})`
  if (/^(but|and|so|however|still|also|now|yet|then)$/iu.test(first) && words.length === 1) return 'leading word'
  return words.length <= 2 ? 'other, 1-2 words' : 'other, 3+ words'
}

const key = (f: CodePointSpan) => `${f.start}:${f.end}`
const overlap = (a: CodePointSpan, b: CodePointSpan) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))

const counts = new Map<string, number>()
const examples: string[] = []
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1)
let pairs = 0
let rightPairs = 0

for (const { codePoints: cp, gold: g, predicted: p } of rightCuePairs(options)) {
  const s = (a: number, b: number) => cp.slice(a, b).join('')
  pairs++
  if (sameSet(g.content, p.content)) { rightPairs++; continue }
  const cueStart = p.cue[0].start
  const goldKeys = new Set(g.content.map(key))
  const predKeys = new Set(p.content.map(key))
  const show = (label: string, gf: CodePointSpan | null, pf: CodePointSpan | null, a = -1, b = -1) => {
    if (options.examples === undefined || !label.startsWith(options.examples) || examples.length >= options.max) return
    const lo = Math.min(gf?.start ?? Infinity, pf?.start ?? Infinity, p.cue[0].start)
    const hi = Math.max(gf?.end ?? 0, pf?.end ?? 0, p.cue[p.cue.length - 1].end)
    let line = ''
    for (let i = lo; i < hi; i++) line += (i === a ? '[' : '') + cp[i] + (i + 1 === b ? ']' : '')
    examples.push(`${label}\n  text: ${line.replace(/\n+/gu, ' ⏎ ')}\n  cue: ${p.cue.map((f) => s(f.start, f.end)).join(' … ')}\n  gold: ${gf ? s(gf.start, gf.end) : '-'}\n  pred: ${pf ? s(pf.start, pf.end) : '-'}\n  all predicted: ${p.content.map((f) => s(f.start, f.end)).join(' ‖ ')}`)
  }
  // where a fragment lies: before or after the cue, in the cue's sentence, paragraph, quoted
  const where = (f: CodePointSpan) => {
    const before = f.end <= cueStart
    const lo = before ? f.end : p.cue[p.cue.length - 1].end
    const hi = before ? cueStart : f.start
    const between = s(lo, hi)
    const place = /\n/u.test(between) ? 'another paragraph' : /[.!?]["”’']*\s+["“'‘]*[\p{Lu}\d]/u.test(between) ? 'another sentence' : 'same sentence'
    return `${before ? 'before' : 'after'} cue, ${place}, ${/^["“'‘]/u.test(s(f.start, f.start + 1)) ? 'quoted' : 'unquoted'}`
  }
  for (const gf of g.content) {
    if (predKeys.has(key(gf))) continue
    const over = p.content.filter((pf) => overlap(pf, gf) > 0)
    if (over.length === 0) { const l = `fragment missed, ${where(gf)}`; bump(l); show(l, gf, null); continue }
    if (over.length > 1) { bump('gold fragment split in prediction'); show('gold fragment split', gf, over[0]); continue }
    const pf = over[0]
    const under = g.content.filter((x) => overlap(pf, x) > 0)
    if (under.length > 1) {
      // gold cuts a quotation or a passage into one fragment per sentence, white space between
      const bySpace = under.every((x, i) => i === 0 || s(under[i - 1].end, x.start).trim() === '')
      const l = `predicted fragment spans several gold (${bySpace ? 'gold split at white space' : 'gold leaves words out between'})`
      bump(l); show(l, gf, pf); continue
    }
    const side = gf.end <= cueStart ? 'before cue' : 'after cue'
    const wrong: string[] = []
    if (pf.start !== gf.start) {
      const early = pf.start < gf.start
      const diff = early ? s(pf.start, gf.start) : s(gf.start, pf.start)
      const label = `${side}, start ${early ? 'early' : 'late'}: ${kindOf(diff, false)}`
      wrong.push(label)
      show(label, gf, pf, Math.min(pf.start, gf.start), Math.max(pf.start, gf.start))
    }
    if (pf.end !== gf.end) {
      const long = pf.end > gf.end
      const diff = long ? s(gf.end, pf.end) : s(pf.end, gf.end)
      const label = `${side}, end ${long ? 'long' : 'short'}: ${kindOf(diff, true)}`
      wrong.push(label)
      show(label, gf, pf, Math.min(pf.end, gf.end), Math.max(pf.end, gf.end))
    }
    for (const w of wrong) bump(w)
    if (wrong.length === 2) bump(`(${side}: fragments with both ends wrong, also in the rows above)`)
  }
  for (const pf of p.content) {
    if (goldKeys.has(key(pf))) continue
    if (!g.content.some((gf) => overlap(pf, gf) > 0)) { const l = `fragment extra, ${where(pf)}`; bump(l); show(l, null, pf) }
  }
}

console.log(`attributions with the cue right: ${pairs}, content exact: ${rightPairs}`)
const rows = [...counts].sort((a, b) => b[1] - a[1])
for (const [k, n] of rows) console.log(`${String(n).padStart(6)}  ${k}`)
if (examples.length > 0) console.log(`\n${examples.join('\n\n')}`)
