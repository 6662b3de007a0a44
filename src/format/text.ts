import { softLineBreaks } from '../stages/tokens/line-breaks.ts'
import type { JsonDocument, JsonQuantity } from './json.ts'
import { offsetMap } from './offsets.ts'

// One line per item: the report shows text with its white space runs made one space.
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()

/** Code-point indexes of the soft line breaks of hard-wrapped text (see softLineBreaks). */
function softBreakPoints(text: string): ReadonlySet<number> {
  const soft = softLineBreaks(text)
  if (soft === null) return new Set()
  const map = offsetMap(text)
  return new Set([...soft].map((k) => map.toCodePoint(k)))
}

function amount(q: JsonQuantity): string {
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 3 })
  const core = q.value !== null ? n(q.value) : `${n(q.low ?? 0)}–${n(q.high ?? 0)}`
  const unit = q.unit === '%' ? '%' : q.unit ? ` ${q.unit}` : ''
  const marks = [
    q.approx ? 'approx' : '', q.bound === 'at_least' ? 'at least' : q.bound === 'at_most' ? 'at most' : '',
    q.vague ? 'vague' : '',
  ].filter(Boolean)
  return `${core}${unit}${marks.length ? ` (${marks.join(', ')})` : ''}`
}

const LOWER_OR_DIGIT = /[\p{Ll}\d]/u

// The sentence around a span (code points into `chars`, the text split into code points
// once per report): from the previous sentence end to the next one. A full stop, question
// or exclamation mark ends a sentence unless something other than white space, a closing
// quotation mark or bracket follows it directly ("1.9", "U.S."), or the next word after
// spaces starts in lower case or with a digit ("a senior U.S. official" is one sentence).
function quoteAround(chars: readonly string[], start: number, end: number, soft: ReadonlySet<number>): string {
  const goesOn = (k: number) => {
    if (k + 1 >= chars.length) return false
    if (!/\s/.test(chars[k + 1])) return !/["'”’)\]]/.test(chars[k + 1])
    let n = k + 1
    while (n < chars.length && chars[n] === ' ') n++
    return n < chars.length && LOWER_OR_DIGIT.test(chars[n])
  }
  const ends = (k: number) => (/[.!?]/.test(chars[k]) && !goesOn(k)) || (chars[k] === '\n' && !soft.has(k))
  let s = start
  while (s > 0 && !ends(s - 1)) s--
  let e = end
  while (e < chars.length && !ends(e)) e++
  if (e < chars.length && chars[e] !== '\n') e++
  return oneLine(chars.slice(s, e).join(''))
}

/**
 * A readable report of one analysed document: each claim with its value, what is
 * counted, its source and cue and the sentence it came from; then the attributions.
 */
export function formatTextReport(doc: JsonDocument): string {
  const out: string[] = []
  const head = [doc.id, doc.title, doc.published].filter(Boolean).join(' · ')
  out.push(`# ${head}`)
  for (const w of doc.warnings ?? []) out.push(`warning: ${w}`)
  const quantities = new Map(doc.quantities.map((q) => [q.id, q]))
  const chars = [...doc.text]
  const soft = softBreakPoints(doc.text)
  out.push('', `## Claims (${doc.claims.length})`)
  for (const c of doc.claims) {
    const q = quantities.get(c.quantity)
    if (!q) continue
    const who = c.source === null ? 'no source (the text\'s own voice)'
      : `${c.source}${c.sourceEntity && c.sourceEntity !== c.source ? ` [${c.sourceEntity}]` : ''}${c.cue ? ` — cue "${c.cue}"` : ''}`
    out.push(
      `- ${amount(q)} · ${c.counted.category}: "${oneLine(c.counted.text)}"` +
      `${c.subject ? ` · subject ${c.subject}` : ''}${c.planned ? ' · planned' : ''}${c.additional ? ' · additional' : ''}${c.asOf ? ` · as of ${c.asOf}` : ''}`,
      `    source: ${who}`,
      `    quote:  "${quoteAround(chars, q.start, q.end, soft)}"`,
    )
  }
  out.push('', `## Attributions (${doc.attributions.length})`)
  for (const a of doc.attributions) {
    const content = a.content.map((c) => oneLine(c.text)).join(' … ')
    out.push(`- ${a.source ? a.source.text : '(no source)'}${a.source?.entity && a.source.entity !== a.source.text ? ` [${a.source.entity}]` : ''} —${a.cue.text}→ "${content.length > 160 ? `${content.slice(0, 157)}...` : content}"`)
  }
  out.push('', `## Quantities (${doc.quantities.length})`)
  out.push(doc.quantities.map((q) => `"${q.text}" = ${amount(q)}`).join('; ') || '(none)')
  return `${out.join('\n')}\n`
}
