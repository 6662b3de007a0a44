import type { Attribution, CharSpan } from '../../model/types.ts'
import { coveredBy } from './transcripts.ts'
import { DASHES } from '../tokens/marks.ts'

/**
 * Signed quotations: a quotation followed by a dash and a name, the way letters pages,
 * reader panels and pull quotes credit their speakers:
 *
 *   “He represents our greatest shame.” ― Sonya Herridge
 *
 * The dash is the cue, the name the source and the quotation, with its marks, the
 * content (PolNeAR marks them so: 24 such attributions in one dev article). The cue
 * tagger cannot learn this from PolNeAR train, where a dash never follows a closing
 * quotation mark, so it is a rule. It requires the closing mark: tweets embedded as
 * "text — Name (@handle) date" are not quotations and PolNeAR mostly leaves them alone.
 */

// The dashes of a signature: every dash of `DASHES` but the single hyphen, which this rule
// has never read as a signature's dash (a regular-expression alternation: "--|—|–|―").
const SIGNATURE_DASH = [...DASHES].filter((d) => d !== '-').join('|')
const CLOSING = '”"»’\''
const OPENING = '“"«‘\'”'
// Words that may sit inside a name without a capital ("Oscar de la Hoya").
const NAME_PARTICLES = new Set(['de', 'del', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'dos', 'du', 'bin', 'al', 'y'])
const MAX_NAME_WORDS = 6
const MAX_QUOTE_CHARS = 3000

// '\r' too: a line of a CRLF text ends in it.
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\u00a0' || c === '\u2009' || c === '\u202f'
// More of a name after a full stop: white space, then a letter.
const MORE_NAME = /[\s\u00a0]+\p{L}/uy

/** The name after a signature dash: capitalised words up to the end of the line, a comma or a full stop. */
function nameAfter(text: string, from: number, lineEnd: number): CharSpan | null {
  let i = from
  while (i < lineEnd && isSpace(text[i])) i++
  const start = i
  let words = 0
  let end = start
  const word = /[\p{L}][\p{L}\p{M}'’.-]*/uy
  for (;;) {
    word.lastIndex = i
    const m = word.exec(text)
    if (m === null || i >= lineEnd) break
    let w = m[0]
    // A full stop ends the name unless more of the name follows ("Oscar P. Quintero", "Dr. Amina Yusuf").
    if (w.endsWith('.') && !moreNameAt(text, i + w.length, lineEnd)) w = w.slice(0, -1)
    const capital = /^\p{Lu}/u.test(w)
    if (!capital && !NAME_PARTICLES.has(w.toLowerCase())) return null
    if (++words > MAX_NAME_WORDS) return null
    i += w.length
    if (capital) end = i
    let j = i
    while (j < lineEnd && isSpace(text[j])) j++
    if (j === i || j >= lineEnd) { i = j; break }
    i = j
  }
  if (words === 0 || end === start) return null
  // What may follow the name: nothing, a full stop, or ", <where or who>" to the line's end.
  let k = end
  while (k < lineEnd && (isSpace(text[k]) || text[k] === '.')) k++
  if (k < lineEnd && text[k] !== ',') return null
  return { start, end }
}

/** Whether a name goes on at `from`, on the line that ends at `lineEnd` (read without slicing the rest of the line). */
function moreNameAt(text: string, from: number, lineEnd: number): boolean {
  MORE_NAME.lastIndex = from
  return MORE_NAME.exec(text) !== null && MORE_NAME.lastIndex <= lineEnd
}

/**
 * Where the quotation that closes at `close` opens, within its line; -1 if it does not.
 * An opening mark more than MAX_QUOTE_CHARS back is not looked for: the caller rejects it.
 */
function quoteOpening(text: string, lineStart: number, close: number): number {
  let i = lineStart
  while (i < close && isSpace(text[i])) i++
  if (OPENING.includes(text[i]) && i < close) return i
  const stop = Math.max(lineStart, close - MAX_QUOTE_CHARS - 1)
  for (let k = close - 1; k >= stop; k--) if (text[k] === '“' || text[k] === '«') return k
  return -1
}

/**
 * The signed quotations of `text` that `known` does not already cover, each as an
 * attribution of kind 'direct' whose resolved source is the signature's name.
 */
export function findSignatures(text: string, known: readonly Attribution[]): Attribution[] {
  const out: Attribution[] = []
  // Read only when a signature is found: most texts have none.
  let covered: Set<number> | null = null
  const taken = (s: CharSpan) => {
    covered ??= coveredBy(known, (a) => [...a.cue, ...a.source])
    for (let i = s.start; i < s.end; i++) if (covered.has(i)) return true
    return false
  }
  const dash = new RegExp(SIGNATURE_DASH, 'g')
  let doneLine = -1
  // The line of the last dash: dashes come in text order, so each line is found once
  // (a search per dash made a long line without newlines quadratic).
  let lineStart = 0
  let lineEnd = -1
  for (let m = dash.exec(text); m !== null; m = dash.exec(text)) {
    const d = m.index
    if (d >= lineEnd) {
      lineStart = text.lastIndexOf('\n', d - 1) + 1
      lineEnd = text.indexOf('\n', d)
      if (lineEnd < 0) lineEnd = text.length
    }
    if (lineStart === doneLine) continue
    const dashEnd = d + m[0].length
    // The closing mark right before the dash, on this line or ending the last line before it with text.
    let c = d - 1
    while (c >= lineStart && isSpace(text[c])) c--
    let quoteStart = lineStart
    if (c < lineStart) {
      c = lineStart - 2
      while (c >= 0 && (isSpace(text[c]) || text[c] === '\n' || text[c] === '\r')) c--
      if (c < 0) continue
      quoteStart = text.lastIndexOf('\n', c) + 1
    }
    if (!CLOSING.includes(text[c])) continue
    const open = quoteOpening(text, quoteStart, c)
    if (open < 0 || c - open > MAX_QUOTE_CHARS || c - open < 2) continue
    const name = nameAfter(text, dashEnd, lineEnd)
    if (name === null) continue
    const cue = { start: d, end: dashEnd }
    if (taken(cue) || taken(name)) continue
    out.push({
      source: [name], cue: [cue], content: [{ start: open, end: c + 1 }],
      kind: 'direct', sourceEntity: text.slice(name.start, name.end),
    })
    doneLine = lineStart
  }
  return out
}
