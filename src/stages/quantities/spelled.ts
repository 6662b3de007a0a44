/**
 * Spelled numbers: "two hundred and fifty", "twenty-one trillion three hundred",
 * "one and a half", "three twenty-fifths", "nine point nought four", "half a dozen".
 *
 * The parser first collects a run of number words (at most {@link MAX_RUN} items, so a
 * failed attempt costs a bounded amount of work), then reads a value from a prefix of the
 * run. Fractions follow the Recognizers-Text reading of English: the denominator is the
 * longest ordinal phrase at the end that leaves a numerator ("one hundred thirty fifths"
 * is 100/35, "twenty fifths" is 20/5), and "X and U <ordinal>" with a single digit word U
 * is a mixed number ("one hundred and three quarters" is 100.75).
 */
import type { Token } from './lexer.ts'
import { DOZEN_ABBREVIATIONS, NUMBER_WORDS, type NumberWord, type WordCat } from './lexicon.ts'

/** Longest run of number words the parser looks at; real numbers are far shorter. */
export const MAX_RUN = 24

/** One item of a run: a number word, or the digit literal that starts "322 hundred". */
interface Item {
  readonly cat: WordCat | 'digit'
  readonly value: number
  readonly word: NumberWord | null
  /** Token index. */
  readonly tok: number
}

/** What the spelled parser read. */
export interface SpelledResult {
  readonly value: number
  /** Token index after the last token read. */
  readonly next: number
  /** A fraction ("two thirds", "one and a half"). */
  readonly isFraction: boolean
  /** Number of number words read (1 for a lone "one"). */
  readonly wordCount: number
  /** The run ended on an ordinal that is not a fraction ("twenty-first"): not a quantity. */
  readonly isOrdinal: boolean
}

function wordAt(toks: readonly Token[], i: number): NumberWord | undefined {
  const t = toks[i]
  return t !== undefined && t.kind === 'word' ? NUMBER_WORDS.get(t.lower) : undefined
}

function isHyphen(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'punct' && (t.lower === '-' || t.lower === '–' || t.lower === '‐')
}

/** Collect the run of number words starting at token `i` (a digit literal may start it). */
function collectRun(toks: readonly Token[], i: number, startValue: number | null): Item[] {
  const items: Item[] = []
  let t = i
  if (startValue !== null) {
    items.push({ cat: 'digit', value: startValue, word: null, tok: i })
    t = i + 1
  }
  while (t < toks.length && items.length < MAX_RUN) {
    const tok = toks[t]
    if (isHyphen(tok) && items.length > 0 && items[items.length - 1].cat !== 'digit') {
      const w = wordAt(toks, t + 1)
      if (w !== undefined && w.cat !== 'and' && w.cat !== 'a' && w.cat !== 'point') { t++; continue }
      break
    }
    if (tok.kind === 'num') {
      // Digits after a scale word: "2 thousand 700". Integers of up to three digits only.
      const last = items.length > 0 ? items[items.length - 1] : null
      if (last !== null && (last.cat === 'scale' || last.cat === 'and') && items[0].cat === 'digit' &&
        tok.num!.isPlain && tok.raw.length <= 3) {
        items.push({ cat: 'digit', value: tok.value, word: null, tok: t })
        t++
        continue
      }
      break
    }
    if (tok.kind !== 'word') break
    let w = NUMBER_WORDS.get(tok.lower)
    if (w === undefined && items.length > 0 && DOZEN_ABBREVIATIONS.has(tok.lower)) w = NUMBER_WORDS.get('dozen')
    if (w === undefined) break
    const last = items.length > 0 ? items[items.length - 1] : null
    if (w.cat === 'a') {
      const okPlace = last === null || last.cat === 'and' ||
        (last.cat === 'ord' && last.word?.ord === 'half' && !last.word.isPlural)
      const nw = wordAt(toks, t + 1)
      const okNext = nw !== undefined && (nw.cat === 'hundred' || nw.cat === 'scale' ||
        nw.cat === 'dozen' || nw.cat === 'ord' || nw.cat === 'tens' || nw.cat === 'unit' || nw.cat === 'teen')
      if (!okPlace || !okNext) break
    } else if (w.cat === 'and') {
      const nw = wordAt(toks, t + 1)
      const nt = toks[t + 1]
      // "3 hundred and 21": digits may follow "and" after a digit-led hundred or scale.
      const digitsNext = nt !== undefined && nt.kind === 'num' && nt.num!.isPlain && nt.raw.length <= 3 &&
        last !== null && (last.cat === 'hundred' || last.cat === 'scale') && items[0].cat === 'digit'
      if (!digitsNext && (last === null || nw === undefined || nw.cat === 'and' || nw.cat === 'point')) break
    } else if (w.cat === 'point') {
      break
    }
    items.push({ cat: w.cat, value: w.value, word: w, tok: t })
    t++
  }
  return items
}

interface IntResult { readonly value: number; readonly used: number }

/**
 * Read an integer from items[from, to). Returns the longest prefix that ends on a number
 * word, with its value; `used` is 0 when none. With `isLoose`, "and" may join any two
 * groups ("twenty and three"), as inside fraction numerators.
 */
function readInteger(items: readonly Item[], from: number, to: number, isLoose: boolean): IntResult {
  let total = 0
  let group = 0
  let prev: Item['cat'] | null = null
  let lastScale = Infinity
  let best: IntResult = { value: 0, used: 0 }
  // What was read up to the last scale word, to fall back to when a group turns out to
  // belong to the next number.
  let bestAtScale = best
  let groupIsDigits = false
  // What was read before an "and" that no hundred or scale word has followed yet: "five hundred
  // and five hundred" is two numbers, read back to before the "and" when the second hundred comes.
  let bestBeforeAnd: IntResult | null = null
  for (let k = from; k < to; k++) {
    const it = items[k]
    let ok = true
    switch (it.cat) {
      case 'a':
        if (k !== from && prev !== 'and') ok = false
        else group += 1
        break
      case 'digit':
        // "4 thousand 3 hundred and 21": digits may also fill a group after a scale word.
        if (k === from) { group = it.value; groupIsDigits = true }
        else if ((prev === 'scale' || prev === 'and' || prev === 'hundred') && it.value < 1000 &&
          (prev !== 'hundred' || it.value < 100)) {
          group += it.value
          groupIsDigits = true
        } else ok = false
        break
      case 'unit':
        if (prev === 'unit' || prev === 'teen' || prev === 'digit' || prev === 'a' || prev === 'dozen') ok = false
        else group += it.value
        break
      case 'teen':
      case 'tens':
        if (prev === 'unit' || prev === 'teen' || prev === 'tens' || prev === 'digit' || prev === 'a' ||
          prev === 'dozen') ok = false
        else group += it.value
        break
      case 'hundred':
        if (prev === null || prev === 'hundred' || prev === 'and' || prev === 'scale' || prev === 'dozen') ok = false
        else if (!groupIsDigits && group >= 100) {
          ok = false
          if (bestBeforeAnd !== null) best = bestBeforeAnd
        } else group *= 100
        bestBeforeAnd = null
        break
      case 'scale':
        if (prev === null || prev === 'and') ok = false
        else if (group === 0 && total > 0 && it.value > lastScale) { total *= it.value; lastScale = it.value }
        else if (group === 0) ok = false
        // A larger scale after a finished one multiplies only a bare scale ("lakh crore");
        // "13 lakh and 2 crore" is two numbers, and so are "280 million and 960 million".
        else if (it.value >= lastScale && total > 0) { best = bestAtScale; ok = false }
        else if (it.value > lastScale) { total = (total + group) * it.value; group = 0; lastScale = it.value }
        else { total += group * it.value; group = 0; lastScale = it.value }
        groupIsDigits = false
        bestBeforeAnd = null
        break
      case 'dozen': {
        if (prev === null || prev === 'and' || prev === 'dozen' || prev === 'scale') { ok = false; break }
        // "three hundred and two dozens" is 300 + 2 * 12: a dozen multiplies the part
        // below a hundred.
        const tail = groupIsDigits ? group : group % 100
        group = tail === 0 ? group * 12 : group - tail + tail * 12
        break
      }
      case 'and':
        if (!(prev === 'hundred' || prev === 'scale' || prev === 'dozen' ||
          (isLoose && prev !== null && prev !== 'a'))) ok = false
        else if (prev === 'hundred') bestBeforeAnd = best
        break
      default:
        ok = false
    }
    if (!ok) break
    prev = it.cat
    if (it.cat !== 'and' && it.cat !== 'a') best = { value: total + group, used: k - from + 1 }
    if (it.cat === 'scale') bestAtScale = best
  }
  return best
}

/** Whether items[k..o] is an ordinal phrase usable as a denominator; its value or NaN. */
function denominatorValue(items: readonly Item[], k: number, o: number): number {
  const ord = items[o].word!
  if (k === o) return ord.value === 1 ? NaN : ord.value
  const first = items[k]
  if (first.cat !== 'unit' && first.cat !== 'teen' && first.cat !== 'tens') return NaN
  // Never split a compound: in "ninety-five hundred fifths" the five belongs to ninety.
  if (first.cat === 'unit' && k > 0 && items[k - 1].cat === 'tens') return NaN
  if (ord.ord === 'hundredOrd' || ord.ord === 'scaleOrd' || ord.ord === 'half') return NaN
  let end = o
  if (items[end - 1].cat === 'and') end--
  const pre = readInteger(items, k, end, false)
  if (pre.used !== end - k) return NaN
  const lastCat = items[end - 1].cat
  const okJoin = ord.ord === 'unitOrd'
    ? lastCat === 'tens' || lastCat === 'hundred' || lastCat === 'scale'
    : lastCat === 'hundred' || lastCat === 'scale'
  if (!okJoin) return NaN
  if (end !== o && !(lastCat === 'hundred' || lastCat === 'scale')) return NaN
  return pre.value + ord.value
}

/**
 * A fraction read from items[0..o]: `whole + part` for a mixed number, `part` alone
 * otherwise. `wholeScale` is the scale word that ends the whole part ("three million and
 * a half"), 0 when there is none.
 */
interface Fraction { readonly whole: number; readonly part: number; readonly wholeScale: number }

/** Try to read items[0..o] as a fraction; null when it is none. */
function readFraction(items: readonly Item[], o: number): Fraction | null {
  const ord = items[o].word!
  for (let k = 1; k <= o; k++) {
    const den = denominatorValue(items, k, o)
    if (Number.isNaN(den)) continue
    // Mixed number: "X and U <ordinal>", U a single digit word or "a".
    if (k >= 3 && items[k - 2].cat === 'and' && (items[k - 1].cat === 'unit' || items[k - 1].cat === 'a')) {
      const whole = readInteger(items, 0, k - 2, true)
      if (whole.used === k - 2) {
        if (ord.ord === 'scaleOrd' || ord.ord === 'hundredOrd') continue
        const wholeScale = items[k - 3].cat === 'scale' ? items[k - 3].value : 0
        return { whole: whole.value, part: items[k - 1].value / den, wholeScale }
      }
    }
    if (items[k - 1].cat === 'and') continue
    let numerator: number
    if (k === 1 && items[0].cat === 'a') numerator = 1
    else {
      const r = readInteger(items, 0, k, true)
      if (r.used !== k) continue
      numerator = r.value
    }
    if ((ord.ord === 'scaleOrd' || ord.ord === 'hundredOrd') && items[0].cat !== 'a') continue
    if (!ord.isPlural && numerator !== 1) continue
    return { whole: 0, part: numerator / den, wholeScale: 0 }
  }
  return null
}

/** The value of a fraction, with the scale word that follows it, if any (0 for none). */
function fractionValue(f: Fraction, scaleAfter: number): number {
  // "one and a half million" is 1.5e6, "one billion and a half million" 1e9 + 0.5e6, and
  // "three million and a half" 3.5e6 (Recognizers-Text's readings).
  if (scaleAfter > 0) return f.wholeScale > 0 ? f.whole + f.part * scaleAfter : (f.whole + f.part) * scaleAfter
  return f.wholeScale > 0 ? f.whole + f.part * f.wholeScale : f.whole + f.part
}

/**
 * Read a spelled number at token `i`; `startValue` is the value of a digit literal at `i`
 * that spelled scale words may follow ("322 hundred", "3 dozens"). Returns null when no
 * number starts there. `followsEnd` tells whether the token after a given index ends a
 * phrase (end, punctuation or "of"); "a third" is a fraction only then ("a third time" is
 * an ordinal).
 */
export function readSpelled(toks: readonly Token[], i: number, startValue: number | null,
  followsEnd: (next: number) => boolean): SpelledResult | null {
  const items = collectRun(toks, i, startValue)
  if (items.length === 0) return null

  // "half a dozen", "half a million", "half million", "quarter million"
  if (items.length >= 2 && items[0].cat === 'ord' && items[0].word?.ord === 'half' && !items[0].word.isPlural) {
    const s = items[1].cat === 'a' ? 2 : 1
    const it = items[s]
    if (it !== undefined && (it.cat === 'scale' || it.cat === 'dozen' || (it.cat === 'hundred' && s === 2))) {
      const v = it.cat === 'dozen' ? 12 : it.value
      return { value: v / items[0].word.value, next: items[s].tok + 1, isFraction: true, wordCount: s + 1, isOrdinal: false }
    }
  }

  const o = items.findIndex((it) => it.cat === 'ord')
  if (o >= 0) {
    const f = o > 0 ? readFraction(items, o) : null
    const isLoneA = items[0].cat === 'a' && !items[o].word!.isPlural
    const scaleFollows = o + 1 < items.length && items[o + 1].cat === 'scale'
    if (f !== null && (!isLoneA || scaleFollows || followsEnd(items[o].tok + 1))) {
      if (scaleFollows) {
        return { value: fractionValue(f, items[o + 1].value), next: items[o + 1].tok + 1, isFraction: true,
          wordCount: o + 2, isOrdinal: false }
      }
      return { value: fractionValue(f, 0), next: items[o].tok + 1, isFraction: true, wordCount: o + 1, isOrdinal: false }
    }
    // Not a fraction: the ordinal and the words that belong to it are not a number. A
    // scale ordinal keeps the number before it ("two millionth" reads "two").
    const ord = items[o].word!
    let cut = o
    if (ord.ord !== 'scaleOrd' && ord.ord !== 'hundredOrd') {
      for (let k = 0; k < o; k++) {
        if (!Number.isNaN(denominatorValue(items, k, o))) { cut = k; break }
      }
    }
    const r = readInteger(items, 0, cut, false)
    if (r.used === 0) return { value: NaN, next: items[o].tok + 1, isFraction: false, wordCount: 0, isOrdinal: true }
    return { value: r.value, next: items[r.used - 1].tok + 1, isFraction: false, wordCount: r.used, isOrdinal: false }
  }

  const r = readInteger(items, 0, items.length, false)
  if (r.used === 0) return null
  // "nine point nought four", "two hundred point seventy-one"
  const afterInt = items[r.used - 1].tok + 1
  const pt = toks[afterInt]
  if (pt !== undefined && pt.kind === 'word' && pt.lower === 'point') {
    const dec = readDecimalWords(toks, afterInt + 1)
    if (dec !== null) {
      return { value: r.value + Number(`0.${dec.digits}`), next: dec.next, isFraction: false,
        wordCount: r.used + 1, isOrdinal: false }
    }
  }
  return { value: r.value, next: afterInt, isFraction: false, wordCount: r.used, isOrdinal: false }
}

/** Digits spelled after "point": "nought four" is "04", "seventy-one" is "71". */
function readDecimalWords(toks: readonly Token[], i: number): { digits: string; next: number } | null {
  let digits = ''
  let t = i
  while (t < toks.length) {
    const w = wordAt(toks, t)
    if (w === undefined) break
    if (w.cat === 'unit' || w.cat === 'teen') { digits += String(w.value); t++; continue }
    if (w.cat === 'tens') {
      let v = w.value
      t++
      const hyph = isHyphen(toks[t]) ? 1 : 0
      const u = wordAt(toks, t + hyph)
      if (u !== undefined && u.cat === 'unit' && u.value > 0) { v += u.value; t += hyph + 1 }
      digits += String(v)
      continue
    }
    break
  }
  return digits === '' ? null : { digits, next: t }
}
