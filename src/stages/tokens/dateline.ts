// The dateline that opens a wire story. Kept beside the tokens so that the attribution and
// claim stages share one reading of it without importing each other.
import type { TokenColumns } from '../../model/doc.ts'
import { DASHES, isDashBetween } from './marks.ts'
import { capitalised, MONTH_FORMS } from './calendar.ts'

// Module-level: tsx (esbuild) rewrites a \p{...} literal as `new RegExp(...)`, built anew on every call.
// A capitalised word, a number of up to four digits (a day, a year), a dot, comma or bracket,
// or a slash between two places ("LISBON/MADRID, Jan 21 (Reuters) -").
const DATELINE_WORD = /^(?:\p{Lu}[\p{L}'’.]*|\d{1,4}|[.,()/])$/u
const IN_CAPITALS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u
// A month's name, whole or cut ("Oct", "Oct."), and a day of it: a dateline that opens with its date.
const MONTH = new RegExp(`^(?:${MONTH_FORMS.map(capitalised).join('|')})\\.?$`)
const DAY = /^\d{1,2}$/

/**
 * The token index of the dash that ends a dateline opening tokens `[from, to)`, or -1:
 * "KYIV, June 18 -", "Pyongyang, November 14 (KCNA) --", "NAIROBI, 5 December 2025 (OCHA) -",
 * "GENEVA (Reuters) -", "WASHINGTON ―", "Oct 24 (CW) -". A place or a date, then capitalised
 * words, numbers, dots and commas (a date, a region) and perhaps an agency in brackets, then a
 * dash that is no hyphen inside a word ("US-led"). The place is one to three words before a
 * comma, or words in capitals ("GENEVA", "NEW YORK"), so that a headline's "Floods kill 40 -
 * Red Cross" is none; the date is a month's name and a day.
 */
// A module function, not a closure in datelineDash: tsx names every closure it creates
// (`__name`, a defineProperty of some 4,000 instructions), and this one ran per paragraph.
function wordOf(text: string, tokens: TokenColumns, t: number): string {
  return text.slice(tokens.start[t], tokens.end[t])
}

export function datelineDash(text: string, tokens: TokenColumns, from: number, to: number): number {
  if (from >= to) return -1
  let comma = from
  while (comma < to && comma < from + 3 && wordOf(text, tokens, comma) !== ',' && DATELINE_WORD.test(wordOf(text, tokens, comma))) comma++
  // a place in capitals need not be followed by a comma, but its words up to one are all in
  // capitals; a date need neither ("Oct 24 (CW) -")
  const isDate = from + 1 < to && MONTH.test(wordOf(text, tokens, from)) && DAY.test(wordOf(text, tokens, from + 1))
  let isCapitals = !isDate && !(comma > from && comma < to && wordOf(text, tokens, comma) === ',')
  if (isCapitals && !IN_CAPITALS.test(wordOf(text, tokens, from))) return -1
  for (let t = from + 1; t < to && t < from + 16; t++) {
    const w = wordOf(text, tokens, t)
    if (w === ',') isCapitals = false
    // (a hyphen inside a word, "US-led", ends the search: no dateline)
    if (DASHES.has(w)) return isDashBetween(w, tokens, t) ? t : -1
    if (w === '(') {
      // the agency in brackets, whatever its case ("(dpa)")
      let close = t + 1
      while (close < to && close < t + 6 && wordOf(text, tokens, close) !== ')') close++
      if (close >= to || wordOf(text, tokens, close) !== ')') return -1
      t = close
      continue
    }
    if (!DATELINE_WORD.test(w) || (isCapitals && !IN_CAPITALS.test(w))) return -1
  }
  return -1
}
