/**
 * The quantity lexer: one left-to-right pass over the text that cuts it into words,
 * numeric literals and single punctuation marks. Numeric literals are read here, at the
 * character level, so that "1,234,567.89", "12 000", "1.3e6", "3/4" and "192.168.1.2"
 * each become one token with a value (or an identifier flag) before the grammar runs.
 *
 * Every loop advances the position, and lookahead is bounded by the literal being read,
 * so lexing is linear in the text length.
 */
import { MONTHS } from './lexicon.ts'

/** What a token is. */
export type TokenKind = 'word' | 'num' | 'punct'

/** One token; offsets are UTF-16 code units into the text, half-open. */
export interface Token {
  readonly kind: TokenKind
  readonly start: number
  readonly end: number
  /** Whether white space separates this token from the previous one. */
  readonly isSpaced: boolean
  /** The text, lower-cased for words; the character for punctuation. */
  readonly lower: string
  /** The original text (case kept). */
  readonly raw: string
  /** For numbers: the value (NaN for identifiers). */
  readonly value: number
  /** For numbers: shape flags. */
  readonly num: NumShape | null
}

/** How a numeric literal was written. */
export interface NumShape {
  /** Digits only, no separator, sign, decimal, exponent or slash ("2024"). */
  readonly isPlain: boolean
  /** Number of digits before any separator or decimal point. */
  readonly leadDigits: number
  readonly isDecimal: boolean
  /** Written as a slash fraction ("3/4"). */
  readonly isSlash: boolean
  /** Written with an exponent ("1.3e6", "1.1^23"). */
  readonly isPower: boolean
  /** Dotted or slashed identifier or date ("192.168.1.2", "5/17/2018", "9/11"). */
  readonly isId: boolean
}

const SLASH_IDIOMS: ReadonlySet<string> = new Set(['9/11', '24/7', '7/7', '50/50', '4/20'])

/**
 * "the 2026/27 fiscal year", "2025/2026": a year and the next one, written as a season or a
 * fiscal year (no fraction has a numerator of four digits from 1900 on and such a denominator).
 */
function isSplitYear(first: number, second: string): boolean {
  if (first < 1900 || first > 2199) return false
  const next = (first + 1) % (second.length === 2 ? 100 : 10000)
  return (second.length === 2 || second.length === 4) && Number(second) === next
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Spaces that may separate digit groups ("40 000", "40\u202f000"). */
function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2009 ||
    c === 0x2007 || c === 0x200b || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x85
}

const LETTER = /\p{L}|\p{M}/u

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true
  if (c < 128 || Number.isNaN(c)) return false
  return LETTER.test(text[i])
}

/** Whether text[start, end) is all ASCII and holds no capital. */
function isLowerAscii(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k)
    if (c > 127 || (c >= 65 && c <= 90)) return false
  }
  return true
}

/** Count of digits starting at `i`. */
function digitRun(text: string, i: number): number {
  let j = i
  while (j < text.length && isDigit(text.charCodeAt(j))) j++
  return j - i
}

/** Split `text` into tokens. */
export function lex(text: string): Token[] {
  const tokens: Token[] = []
  const n = text.length
  let i = 0
  let isSpaced = true
  while (i < n) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      isSpaced = true
      i++
      continue
    }
    const prev = tokens.length > 0 ? tokens[tokens.length - 1] : null
    const startsNumber = isDigit(c) ||
      (c === 46 && i + 1 < n && isDigit(text.charCodeAt(i + 1)) && (prev === null || isSpaced ||
        prev.kind === 'punct'))
    if (startsNumber) {
      const t = readNumber(text, i, isSpaced, prev, tokens.length > 1 ? tokens[tokens.length - 2] : null)
      tokens.push(t)
      i = t.end
    } else if (isLetter(text, i)) {
      let j = i + 1
      while (j < n) {
        if (isLetter(text, j)) j++
        else if ((text[j] === "'" || text[j] === '’') && j + 1 < n && isLetter(text, j + 1)) j += 2
        else break
      }
      const raw = text.slice(i, j)
      // A word of lower-case ASCII letters is its own lower case: most words, and toLowerCase
      // costs a call into ICU when the text (so the slice) is stored two bytes a unit.
      tokens.push({ kind: 'word', start: i, end: j, isSpaced, lower: isLowerAscii(text, i, j) ? raw : raw.toLowerCase(), raw,
        value: NaN, num: null })
      i = j
    } else {
      // Keep surrogate pairs whole so a token never splits a code point.
      const len = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1
      const raw = text.slice(i, i + len)
      tokens.push({ kind: 'punct', start: i, end: i + len, isSpaced, lower: raw, raw,
        value: NaN, num: null })
      i += len
    }
    isSpaced = false
  }
  return tokens
}

function readNumber(text: string, start: number, isSpaced: boolean, prev: Token | null,
  prev2: Token | null): Token {
  const n = text.length
  let i = start
  const lead = digitRun(text, i)
  let digits = text.slice(i, i + lead)
  i += lead
  let isPlain = lead > 0
  let isDecimal = false
  let groups = 0
  // Comma groups: "1,234,567"; a first group of at most three digits, then exactly three.
  if (lead > 0 && lead <= 3) {
    while (text.charCodeAt(i) === 44 && digitRun(text, i + 1) === 3) {
      digits += text.slice(i + 1, i + 4)
      i += 4
      groups++
    }
  }
  // Space groups: "12 000", "1 414 021 100". Not after a month name: in "March 3 100
  // troops" the 3 is a day.
  const afterMonth = prev !== null && prev.kind === 'word' && MONTHS.has(prev.lower)
  if (groups === 0 && lead > 0 && lead <= 3 && !afterMonth) {
    while (i + 4 <= n && isGroupSpace(text.charCodeAt(i)) && digitRun(text, i + 1) === 3 &&
      !(text.charCodeAt(i + 4) === 47) && !(text.charCodeAt(i + 4) === 44 &&
        isDigit(text.charCodeAt(i + 5)))) {
      digits += text.slice(i + 1, i + 4)
      i += 4
      groups++
    }
  }
  if (groups > 0) isPlain = false
  let value = 0
  let isId = false
  let isPower = false
  let isSlash = false
  let literal = digits
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    const fl = digitRun(text, i + 1)
    const after = i + 1 + fl
    if (groups === 0 && text.charCodeAt(after) === 46 && isDigit(text.charCodeAt(after + 1))) {
      // Three or more dotted groups: an address, a version or a date, not a number.
      let j = after
      while (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) j += 1 + digitRun(text, j + 1)
      return idToken(text, start, j, isSpaced)
    }
    literal = `${digits || '0'}.${text.slice(i + 1, after)}`
    i = after
    isDecimal = true
    isPlain = false
  } else if (groups === 0 && lead > 0 && text.charCodeAt(i) === 44) {
    // Decimal comma ("5,00", "1,3"), but not inside a list ("22,24,26").
    const fl = digitRun(text, i + 1)
    const after = i + 1 + fl
    const inList = (text.charCodeAt(after) === 44 && isDigit(text.charCodeAt(after + 1))) ||
      (prev !== null && prev.lower === ',' && !isSpaced && prev2 !== null && prev2.kind === 'num' &&
        prev2.end === prev.start)
    if ((fl === 1 || fl === 2) && !inList && !isLetter(text, after)) {
      literal = `${digits}.${text.slice(i + 1, after)}`
      i = after
      isDecimal = true
      isPlain = false
    }
  }
  value = Number(literal)
  // Exponents: "1.3e6", "12.32e+14", "1.1^23", "1.1^--23".
  const e = text.charCodeAt(i)
  if ((e === 101 || e === 69) && lead + (isDecimal ? 1 : 0) > 0) {
    let j = i + 1
    let sign = ''
    if (text[j] === '+' || text[j] === '-') sign = text[j++]
    const el = digitRun(text, j)
    if (el > 0 && !isLetter(text, j + el)) {
      value = Number(`${literal}e${sign}${text.slice(j, j + el)}`)
      i = j + el
      isPower = true
      isPlain = false
    }
  } else if (e === 94) {
    let j = i + 1
    let negatives = 0
    while (text[j] === '+' || text[j] === '-') { if (text[j] === '-') negatives++; j++ }
    const el = digitRun(text, j)
    if (el > 0) {
      const exp = Number(text.slice(j, j + el)) * (negatives % 2 === 1 ? -1 : 1)
      value = Math.pow(value, exp)
      i = j + el
      isPower = true
      isPlain = false
    }
  } else if (e === 47 && isPlain && isDigit(text.charCodeAt(i + 1))) {
    const dl = digitRun(text, i + 1)
    const after = i + 1 + dl
    if (text.charCodeAt(after) === 47 && isDigit(text.charCodeAt(after + 1))) {
      let j = after
      while (text.charCodeAt(j) === 47 && isDigit(text.charCodeAt(j + 1))) j += 1 + digitRun(text, j + 1)
      return idToken(text, start, j, isSpaced)
    }
    const den = Number(text.slice(i + 1, after))
    const raw = text.slice(start, after)
    if (den === 0 || SLASH_IDIOMS.has(raw) || isSplitYear(value, text.slice(i + 1, after))) return idToken(text, start, after, isSpaced)
    value = value / den
    i = after
    isSlash = true
    isPlain = false
  }
  // Beyond what a double holds ("1e617"): not a number a text means literally.
  if (!Number.isFinite(value)) return idToken(text, start, i, isSpaced)
  const raw = text.slice(start, i)
  return {
    kind: 'num', start, end: i, isSpaced, lower: raw, raw, value,
    num: { isPlain, leadDigits: lead, isDecimal, isSlash, isPower, isId },
  }
}

function idToken(text: string, start: number, end: number, isSpaced: boolean): Token {
  const raw = text.slice(start, end)
  return {
    kind: 'num', start, end, isSpaced, lower: raw, raw, value: NaN,
    num: { isPlain: false, leadDigits: 0, isDecimal: false, isSlash: false, isPower: false, isId: true },
  }
}
