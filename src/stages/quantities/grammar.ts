/**
 * The quantity grammar: reads hedges and bounds, a number (digits, spelled words, scale
 * words, fractions, vague amounts), its unit (percent, currency, measure, "times"), and a second
 * number when the two form a range. It then drops what is not a count in news text:
 * years, dates, times, ages, model numbers, labels, ordinals, identifiers and "one" used
 * as a pronoun. The decisions are listed in docs/quantities.md.
 *
 * Linear time: the scanner tries a quantity at each token; every attempt looks at a
 * bounded number of tokens ahead (a few modifier words, a spelled run of at most
 * `MAX_RUN` words, one range partner), and the scan resumes after whatever the attempt
 * consumed.
 */
import type { Amount, Bound, CharSpan, Quantity, QuantityKind } from '../../model/types.ts'
import { lex, type Token } from './lexer.ts'
import {
  ATTACHED_SCALES, CAPITALIZED_LABELS, CURRENCY_ABBREVIATIONS, CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS,
  DOLLAR_PREFIXES, DOZEN_ABBREVIATIONS, LABEL_WORDS, MEASURE_UNIT_PAIRS, MEASURE_UNITS, MODAL_WORDS,
  MODIFIERS, MONTHS, MULTIPLIER_ADJECTIVES,
  MULTIPLIER_FOLLOWERS, MULTIPLIER_WORDS, NUMBER_WORDS, ONE_PRONOUN_AFTER, ONE_PRONOUN_BEFORE,
  SPACED_SCALES, STREET_WORDS, TIME_WORDS,
} from './lexicon.ts'
import { readSpelled } from './spelled.ts'
import { isPartOfCount } from '../tokens/parts.ts'

// Auxiliaries after a hedge that follows its number ("120 thousand approximately were sent").
const AUXILIARIES_AFTER_HEDGE: ReadonlySet<string> = new Set(['was', 'were', 'is', 'are', 'has', 'have', 'had', 'will', 'would'])

/** A quantity and the span of its number proper, without hedge, bound or currency. */
export interface ScannedQuantity {
  readonly quantity: Quantity
  /** The number with its sign, scale word and percent sign ("1.2 million", "12%"). */
  readonly core: CharSpan
}

/** A number as read, before units and context are looked at. */
interface Num {
  value: number
  /** Token index of the first token of the number (after any sign). */
  first: number
  /** Token index after the number. */
  next: number
  isSpelled: boolean
  /** Bare digits with nothing glued or scaled ("2024"): a candidate year. */
  isPlainDigits: boolean
  hasScale: boolean
  /** The scale word's factor ("2 million": 1e6), 1 when there is none. */
  scale: number
  isFraction: boolean
  wordCount: number
}

/** The unit read after a number; `coreNext` is where the number's core ends. */
interface Unit {
  readonly next: number
  /** Token index after the core: past a percent sign, before a currency or measure word. */
  readonly coreNext: number
  readonly kind: QuantityKind
  readonly unit: string | null
  readonly hasUnit: boolean
}

/** Why a number is not a quantity; the scan skips to `next`. */
interface Skip { readonly skip: true; readonly next: number }

const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ['hundreds', 100], ['thousands', 1e3], ['millions', 1e6], ['billions', 1e9], ['trillions', 1e12],
])
const VAGUE_SINGULARS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['dozen', 12],
  ['hundreds', 100], ['thousands', 1e3], ['millions', 1e6], ['billions', 1e9],
])
/** Words before "half" that make it a period or a part, not a share ("the first half"). */
const HALF_PERIOD_WORDS: ReadonlySet<string> = new Set([
  'first', 'second', 'last', 'latter', 'other', 'final', 'back', 'front', 'top', 'bottom', 'better',
])
/** Words after which a bare "estimated" is a hedge ("with estimated 300"), not a verb. */
const ESTIMATED_AFTER: ReadonlySet<string> = new Set([
  'an', 'the', 'some', 'with', 'of', 'by', 'to', 'for', 'and', 'or', 'from', 'at', 'in', 'on', 'among', 'including', 'killing',
  'killed', 'leaving', 'left', 'displacing', 'displaced', 'affecting', 'affected', 'involving', 'another', 'are', 'were', 'is', 'was',
])
/** Words before "from X to Y" that make it one range rather than a change. */
const RANGE_VERBS: ReadonlySet<string> = new Set([
  'ranging', 'range', 'ranges', 'ranged', 'vary', 'varies', 'varying', 'varied', 'anywhere',
  'estimates', 'estimated', 'somewhere',
])
/**
 * Words of change before "by X to Y" ("rose by 40 to 500", "an increase of 3,000": the change
 * and the level it reached are two figures; "killed by 10 to 15 gunmen" is one range).
 */
const CHANGE_WORDS: ReadonlySet<string> = new Set([
  'rise', 'rises', 'rose', 'risen', 'rising', 'increase', 'increases', 'increased', 'increasing',
  'grow', 'grows', 'grew', 'grown', 'growing', 'climb', 'climbs', 'climbed', 'climbing',
  'jump', 'jumps', 'jumped', 'jumping', 'swell', 'swells', 'swelled', 'swollen', 'swelling',
  'surge', 'surges', 'surged', 'soar', 'soars', 'soared', 'fall', 'falls', 'fell', 'fallen', 'falling',
  'drop', 'drops', 'dropped', 'dropping', 'decline', 'declines', 'declined', 'declining',
  'decrease', 'decreases', 'decreased', 'shrink', 'shrinks', 'shrank', 'shrunk', 'dip', 'dipped',
  'raise', 'raised', 'raising', 'lower', 'lowered', 'reduce', 'reduced', 'cut', 'cuts', 'boost', 'boosted',
  'up', 'down', 'higher',
])
/**
 * Whether "estimated" after token `prev` is the verb after a subject: after a word that is no
 * hedge's ("The agency estimated 300"), or after a year that ends a time phrase ("The agency
 * in 2024 estimated 300"); "an estimated 300", "with estimated 300" are hedges.
 */
function isAfterSubject(prev: Token | undefined): boolean {
  if (prev === undefined) return false
  if (prev.kind === 'word') return !ESTIMATED_AFTER.has(prev.lower)
  return prev.kind === 'num' && FOUR_DIGITS.test(prev.raw) && prev.value >= 1800 && prev.value <= 2100
}
const FOUR_DIGITS = /^\d{4}$/
/** Owners between "one of" and the number of the whole it is part of ("one of the 12 hostages"). */
const YEAR_CONTEXT_WORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'to', 'through', 'until', 'when', 'election', 'elections', 'campaign', 'census',
  'season', 'budget', 'levels', 'level', 'figures', 'data', 'report', 'survey', 'war',
])

function isWord(t: Token | undefined, lower?: string): boolean {
  return t !== undefined && t.kind === 'word' && (lower === undefined || t.lower === lower)
}

function isPunct(t: Token | undefined, ch?: string): boolean {
  return t !== undefined && t.kind === 'punct' && (ch === undefined || t.lower === ch)
}

function isDash(t: Token | undefined): boolean {
  return isPunct(t) && (t!.lower === '-' || t!.lower === '–' || t!.lower === '‐')
}

function isMinus(t: Token | undefined): boolean {
  return isPunct(t) && (t!.lower === '-' || t!.lower === '−')
}

function isCapitalized(t: Token): boolean {
  const c = t.raw.charCodeAt(0)
  return c >= 65 && c <= 90
}

/** Lower-cased words that can open a quantity: modifiers, number words, vague and multiplier words. */
const STARTER_WORDS: ReadonlySet<string> = new Set([
  ...MODIFIERS.keys(), ...NUMBER_WORDS.keys(), ...MULTIPLIER_WORDS.keys(), ...MULTIPLIER_ADJECTIVES.keys(),
  ...VAGUE_PLURALS.keys(), 'dozens', 'tens', 'several', 'between', 'minus', 'negative', 'percent',
  'percents', 'percentage', 'per',
])
/** Punctuation that can open a quantity: currency symbols, a minus sign, "~". */
const STARTER_PUNCT: ReadonlySet<string> = new Set([...CURRENCY_SYMBOLS.keys(), '-', '−', '~'])

/** Whether a word is a currency code or a dollar prefix ("USD", "US" of "US$"); both tables are in capitals. */
function isCodeOrDollarPrefix(raw: string): boolean {
  const c = raw.charCodeAt(0)
  return c >= 65 && c <= 90 && (CURRENCY_CODES.has(raw) || DOLLAR_PREFIXES.has(raw) || CURRENCY_ABBREVIATIONS.has(raw))
}

/** Drop binary floating-point noise: 65.4 * 1e9 is 65400000000, not 65400000000.00001. */
function tidy(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(15)) : v
}

/** Whether token `t` is a capitalized word. */
function isCapitalizedWord(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && isCapitalized(t)
}

/** Whether token `i` is a number with decimals that are not all zero ("1.3", not "2.0"): a multiplier's, since it counts no occasions. */
function isFractionAt(toks: readonly Token[], i: number): boolean {
  return i >= 0 && toks[i].kind === 'num' && /^\d+\.\d*[1-9]\d*$/.test(toks[i].raw)
}

/** Scanner state for one text. */
class Scanner {
  readonly toks: Token[]
  constructor(readonly text: string) {
    this.toks = lex(text)
  }

  /** Whether the phrase ends before token `i` (end, punctuation other than a dash, or "of"). */
  endsAt = (i: number): boolean => {
    const t = this.toks[i]
    return t === undefined || (t.kind === 'punct' && !isDash(t)) || isWord(t, 'of')
  }

  /** Every quantity, left to right; each attempt resumes after what the last consumed. */
  scan(): ScannedQuantity[] {
    const out: ScannedQuantity[] = []
    const toks = this.toks
    let i = 0
    while (i < toks.length) {
      const t = toks[i]
      // Most tokens cannot open a quantity; one set lookup rules them out (the currency
      // codes and dollar prefixes are in capitals: a word not opening with A-Z is none).
      if (t.kind === 'word' ? !STARTER_WORDS.has(t.lower) && !isCodeOrDollarPrefix(t.raw)
        : t.kind === 'punct' && !STARTER_PUNCT.has(t.lower)) {
        i++
        continue
      }
      const r = this.tryAt(i)
      if ('skip' in r) i = Math.max(r.next, i + 1)
      else {
        out.push(r.found)
        i = Math.max(r.next, i + 1)
      }
    }
    return out
  }

  /** Try a quantity starting at token `i`. */
  tryAt(i: number): Skip | { found: ScannedQuantity; next: number } {
    const toks = this.toks
    let k = i
    let isApprox = false
    let bound: Bound = null
    let currency: string | null = null
    let isNegative = false
    let signStart = -1
    let isBetween = false
    let betweenAt = -1
    let hasModifier = false
    for (let step = 0; step < 5 && k < toks.length; step++) {
      const t = toks[k]
      if (t.kind === 'word') {
        const mods = MODIFIERS.get(t.lower)
        let matched = 0
        if (mods !== undefined) {
          for (const m of mods) {
            // "The agency estimated 300 soldiers died": after a subject "estimated" is the verb
            // (a cue), not a hedge; "an estimated 300", "with estimated 300" are hedges
            // ("The agency in 2024 estimated 300": after a year that ends a time phrase, too)
            if (m.words.length === 1 && t.lower === 'estimated' && isAfterSubject(toks[k - 1])) continue
            let ok = true
            for (let w = 0; w < m.words.length; w++) {
              if (!isWord(toks[k + w], m.words[w])) { ok = false; break }
            }
            if (ok) {
              matched = m.words.length
              isApprox ||= m.isApprox
              bound = m.bound ?? bound
              break
            }
          }
        }
        if (matched > 0) { k += matched; hasModifier = true; continue }
        if (t.lower === 'between' && !isBetween) { isBetween = true; betweenAt = k; k++; continue }
        if ((t.lower === 'minus' || t.lower === 'negative') && !isNegative) {
          // "plus or minus 4 points" is a margin, not a negative number.
          if (isWord(toks[k - 1], 'or') && isWord(toks[k - 2], 'plus')) { k++; continue }
          isNegative = true; signStart = t.start; k++; continue
        }
        if (CURRENCY_CODES.has(t.raw) && currency === null && toks[k + 1]?.kind === 'num') {
          currency = t.raw; k++; continue
        }
        const abbreviated = CURRENCY_ABBREVIATIONS.get(t.raw)
        if (abbreviated !== undefined && currency === null && toks[k + 1]?.kind === 'num') {
          currency = abbreviated; k++; continue
        }
        if (DOLLAR_PREFIXES.has(t.raw) && currency === null && isPunct(toks[k + 1], '$') &&
          !toks[k + 1].isSpaced) {
          currency = DOLLAR_PREFIXES.get(t.raw)!; k += 2; continue
        }
        break
      }
      if (t.kind === 'punct') {
        const cur = CURRENCY_SYMBOLS.get(t.lower)
        if (cur !== undefined && currency === null) {
          currency = cur; k++; continue
        }
        if (t.lower === '~' && !isApprox) { isApprox = true; k++; continue }
        const next = toks[k + 1]
        if (isMinus(t) && !isNegative && next !== undefined && next.kind === 'num') {
          // A minus sign: "-5" after a space, or "- 1 4/5" opening the text. A dash glued
          // to a word ("KN-23") or a number ("25,000-30,000") is not a sign.
          const prev = toks[k - 1]
          const glued = !next.isSpaced && (prev === undefined || t.isSpaced || isPunct(prev, '(')) &&
            !(prev !== undefined && prev.kind === 'num' && !t.isSpaced)
          const atTextStart = k === 0
          if (glued || atTextStart) { isNegative = true; signStart = t.start; k++; continue }
        }
        break
      }
      break
    }
    if (k >= toks.length) return { skip: true, next: i + 1 }

    const head = toks[k]
    // Vague amounts and multipliers are words that stand alone.
    if (head.kind === 'word') {
      const vague = this.readVague(k)
      if (vague !== null) {
        return this.finish(i, vague.next, {
          amount: { kind: 'range', low: vague.low, high: vague.high }, kind: 'count', unit: null,
          isApprox, bound, isVague: true, coreStart: head.start,
        })
      }
      const mult = this.readMultiplierWord(k)
      if (mult !== null && !isNegative && currency === null) {
        return this.finish(i, k + 1, {
          amount: { kind: 'point', value: mult }, kind: 'multiplier', unit: 'times', isApprox, bound,
          isVague: false, coreStart: head.start,
        })
      }
      const pctOf = this.readPercentOf(k)
      if (pctOf !== null) {
        return this.finish(i, pctOf.next, {
          amount: { kind: 'point', value: (isNegative ? -1 : 1) * pctOf.value }, kind: 'percent',
          unit: '%', isApprox, bound, isVague: false, coreStart: signStart >= 0 ? signStart : head.start,
        })
      }
    }

    const a = this.readNumber(k, currency !== null, hasModifier)
    if ('skip' in a) return a.next > i + 1 ? a : { skip: true, next: i + 1 }
    if (isNegative) a.value = -a.value
    let j = a.next

    // Context that makes the number a year, a date, a time, an age, a label or a pronoun.
    const excluded = this.excludedAt(i, k, a, currency !== null, hasModifier || isNegative)
    if (excluded !== null) return { skip: true, next: excluded }

    const unitA = this.readUnit(j)
    j = unitA.next
    let coreNext = unitA.coreNext
    let kind: QuantityKind = unitA.kind
    let unit = unitA.unit
    if (currency !== null) { kind = 'money'; unit = currency }

    // Fractions written "one over three", "one out of three".
    const frac = kind === 'count' && !a.hasScale ? this.readOverFraction(j, a) : null
    if (frac !== null) {
      a.value = frac.value
      j = frac.next
      coreNext = j
    }

    let amount: Amount = { kind: 'point', value: a.value }
    // A range: "25,000-30,000", "between 11,000 and 12,000", "10,000 to 12,000".
    const range = frac === null && kind !== 'multiplier' ? this.readRange(i, j, a, isBetween) : null
    if (range !== null) {
      const b = range.b
      const unitB = this.readUnit(b.next)
      let low = a.value
      // "25-30 thousand", "between 1 and 2 million": the scale of the second number
      // applies to the first unless that would make the range run backwards.
      if (!a.hasScale && b.hasScale && !unitA.hasUnit && a.value * b.scale <= b.value) {
        low = a.value * b.scale
      }
      // "by 0.1 percentage points to 1.8 percent": a change and the level it reached, in two
      // units, are two figures, not a range
      const sameUnit = !unitA.hasUnit || !unitB.hasUnit || (unitA.kind === unitB.kind && unitA.unit === unitB.unit)
      if (low < b.value && sameUnit) {
        amount = { kind: 'range', low, high: b.value }
        j = unitB.next
        coreNext = unitB.coreNext
        if (unitB.hasUnit && !unitA.hasUnit) { kind = unitB.kind; unit = unitB.unit }
        if (currency !== null) { kind = 'money'; unit = currency }
        if (range.currency !== null && currency === null) { kind = 'money'; unit = range.currency }
      } else if (isBetween) {
        // "between 3 and 2": no range; report the first number without "between".
        return this.finishFrom(betweenAt + 1, a, j, coreNext, amount, kind, unit, isApprox, bound, signStart)
      }
    } else if (isBetween) {
      return this.finishFrom(betweenAt + 1, a, j, coreNext, amount, kind, unit, isApprox, bound, signStart)
    }

    // Hedges and bounds written after the number: "100 or so", "10,000 or more", "10,000+".
    const post = this.readPostModifier(j)
    if (post !== null) {
      j = post.next
      isApprox ||= post.isApprox
      bound = post.bound ?? bound
    }
    if (this.isAgeAfter(j)) return { skip: true, next: j }
    return this.finish(i, j, {
      amount, kind, unit, isApprox, bound, isVague: false,
      coreStart: signStart >= 0 ? signStart : toks[a.first].start, coreNext,
    })
  }

  /** A point quantity from token `start`, for a "between" that found no range. */
  private finishFrom(start: number, a: Num, j: number, coreNext: number, amount: Amount, kind: QuantityKind,
    unit: string | null, isApprox: boolean, bound: Bound, signStart: number): { found: ScannedQuantity; next: number } {
    return this.finish(start, j, {
      amount, kind, unit, isApprox, bound, isVague: false,
      coreStart: signStart >= 0 ? signStart : this.toks[a.first].start, coreNext,
    })
  }

  /**
   * Build the quantity spanning tokens [i, next); its core ends before token `coreNext`
   * (default `next`): currency words, measure units and trailing hedges are outside it.
   */
  private finish(i: number, next: number, q: {
    amount: Amount; kind: QuantityKind; unit: string | null; isApprox: boolean; bound: Bound;
    isVague: boolean; coreStart: number; coreNext?: number
  }): { found: ScannedQuantity; next: number } {
    const toks = this.toks
    const start = toks[i].start
    const end = toks[next - 1].end
    const coreEnd = toks[(q.coreNext ?? next) - 1].end
    const amount: Amount = q.amount.kind === 'point'
      ? { kind: 'point', value: tidy(q.amount.value) }
      : { kind: 'range', low: tidy(q.amount.low), high: tidy(q.amount.high) }
    const quantity: Quantity = {
      start, end, amount, kind: q.kind, isApprox: q.isApprox, bound: q.bound,
      isVague: q.isVague, unit: q.unit,
    }
    return { found: { quantity, core: { start: q.coreStart, end: coreEnd } }, next }
  }

  /**
   * A number at token `k`: digits with scale, or spelled words. `hasModifier` lets a lone
   * "half" count ("more than half").
   */
  readNumber(k: number, hasCurrency: boolean, hasModifier: boolean): Num | Skip {
    const toks = this.toks
    const t = toks[k]
    if (t === undefined) return { skip: true, next: k }
    if (t.kind === 'num') {
      const shape = t.num!
      if (shape.isId) return { skip: true, next: k + 1 }
      let value = t.value
      let j = k + 1
      let hasScale = false
      let scale = 1
      let isFraction = shape.isSlash
      // "2.340 residential houses", "1.250 persons" (translated text that groups thousands with a
      // dot): three decimals before a plural count noun are thousands, as no count of houses or
      // persons has a fraction
      if (!hasCurrency && /^[1-9]\d{0,2}\.\d{3}$/.test(t.raw) && this.isCountNounAhead(j)) value = t.value * 1000
      const nx = toks[j]
      // "2  1/4": a whole number and a slash fraction.
      if (nx !== undefined && nx.kind === 'num' && nx.num!.isSlash && nx.isSpaced && Number.isInteger(value) &&
        !shape.isSlash && !shape.isDecimal) {
        value += nx.value
        j++
        isFraction = true
      }
      const after = toks[j]
      if (after !== undefined && after.kind === 'word' && !after.isSpaced) {
        const attached = ATTACHED_SCALES.get(after.raw) ??
          (after.raw === 'm' && (hasCurrency || this.isPluralNounAt(j + 1)) ? 1e6 : undefined)
        // "5G" is a network generation, "10G" ten giga.
        const isGeneration = after.raw === 'G' && value < 10 && !shape.isDecimal
        const word = NUMBER_WORDS.get(after.lower)
        if (attached !== undefined && !isGeneration) scale = attached
        else if (word !== undefined && word.cat === 'scale') scale = word.value
        else if (DOZEN_ABBREVIATIONS.has(after.lower) || after.lower === 'dozen') scale = 12
        else {
          // Ordinals ("21st"), decades ("1990s"), units glued to digits ("240mm", "3D").
          return { skip: true, next: j + 1 }
        }
        value *= scale
        j++
        hasScale = true
        if (isWord(toks[j]) && !toks[j].isSpaced) return { skip: true, next: j + 1 }
      } else if (isDash(after) && !after.isSpaced && isWord(toks[j + 1]) && !toks[j + 1].isSpaced &&
        NUMBER_WORDS.get(toks[j + 1].lower)?.cat === 'scale') {
        // "a $400-million-a-year business"
        scale = NUMBER_WORDS.get(toks[j + 1].lower)!.value
        value *= scale
        j += 2
        hasScale = true
      } else if (after !== undefined && after.kind === 'word') {
        const spaced = SPACED_SCALES.get(after.raw)
        const w = NUMBER_WORDS.get(after.lower)
        // "340 M23 rebels": a letter glued to digits or letters after it is a name, not a scale
        const glued = toks[j + 1]
        const isNamePart = glued !== undefined && !glued.isSpaced && (glued.kind === 'num' || glued.kind === 'word')
        if (spaced !== undefined && !(after.raw === 'G' && value < 10) && !isNamePart) {
          scale = spaced
          value *= spaced
          j++
          hasScale = true
        } else if ((w !== undefined && (w.cat === 'hundred' || w.cat === 'scale' || w.cat === 'dozen' ||
          w.cat === 'ord')) || DOZEN_ABBREVIATIONS.has(after.lower)) {
          let r = readSpelled(toks, j - 1, value, this.endsAt)
          // "$3 million two weeks before", "5 billion three years ago": after digits and a scale
          // word, a spelled unit, teen or tens that no scale word closes is a number of its own
          // ("3 million two hundred thousand" and "2 thousand 300" stay whole)
          const lastWord = r === null || r.next <= j + 1 ? undefined : NUMBER_WORDS.get(toks[r.next - 1].lower)
          if (r !== null && w !== undefined && w.cat === 'scale' && lastWord !== undefined &&
            (lastWord.cat === 'unit' || lastWord.cat === 'teen' || lastWord.cat === 'tens')) {
            r = { ...r, value: value * w.value, next: j + 1, isFraction: false }
          }
          if (r !== null && !r.isOrdinal && r.next > j) {
            if (!r.isFraction && value !== 0) scale = r.value / value
            value = r.value
            j = r.next
            hasScale = !r.isFraction
            isFraction ||= r.isFraction
          }
        }
      }
      if (!Number.isFinite(value)) return { skip: true, next: j }
      return {
        value, first: k, next: j, isSpelled: false,
        isPlainDigits: shape.isPlain && !hasScale && !isFraction && j === k + 1,
        hasScale, scale, isFraction, wordCount: 0,
      }
    }
    if (t.kind !== 'word') return { skip: true, next: k + 1 }
    const w = NUMBER_WORDS.get(t.lower)
    if (w === undefined) return { skip: true, next: k + 1 }
    const r = readSpelled(toks, k, null, this.endsAt)
    if (r === null) return { skip: true, next: k + 1 }
    if (r.isOrdinal) {
      // A lone "half" counts after a hedge or bound ("more than half") or before "of".
      // "the first half of the year" is a period, not a share.
      const b = toks[k - 1]
      const isPeriod = isWord(b) && HALF_PERIOD_WORDS.has(b.lower)
      if (t.lower === 'half' && r.next === k + 1 && !isPeriod && (hasModifier || isWord(toks[k + 1], 'of'))) {
        return { value: 0.5, first: k, next: k + 1, isSpelled: true, isPlainDigits: false, hasScale: false,
          scale: 1, isFraction: true, wordCount: 1 }
      }
      return { skip: true, next: r.next }
    }
    let hasScale = false
    let scale = 1
    for (let x = k; x < r.next; x++) {
      const xw = toks[x].kind === 'word' ? NUMBER_WORDS.get(toks[x].lower) : undefined
      if (xw !== undefined && (xw.cat === 'scale' || xw.cat === 'hundred')) { hasScale = true; scale = xw.value }
    }
    return {
      value: r.value, first: k, next: r.next, isSpelled: true, isPlainDigits: false, hasScale, scale,
      isFraction: r.isFraction, wordCount: r.wordCount,
    }
  }

  /**
   * Token index to skip to when the number at `k` is not a count, or null. A second
   * number glued by a dash to an excluded one ("September 16-19", "2015-16") is skipped
   * with it.
   */
  excludedAt(i: number, k: number, a: Num, hasCurrency: boolean, hasModifier: boolean): number | null {
    let x = this.excludedReason(i, k, a, hasCurrency, hasModifier)
    if (x === null) return null
    const toks = this.toks
    while (isDash(toks[x]) && !toks[x].isSpaced && toks[x + 1]?.kind === 'num' && !toks[x + 1].isSpaced) x += 2
    return x
  }

  /** Where the exclusion that applies to the number at `k` ends, or null. */
  private excludedReason(i: number, k: number, a: Num, hasCurrency: boolean, hasModifier: boolean): number | null {
    const toks = this.toks
    const t = toks[k]
    const before = toks[i - 1]
    const after = toks[a.next]
    if (t.kind === 'num') {
      const b1 = toks[k - 1]
      if (i === k && b1 !== undefined && !t.isSpaced) {
        // Model numbers and glued identifiers: "KN-23", "Su-27", "G20", "#5".
        // "+1 222 333 4444" is a phone number; "+5%" a change.
        if (isPunct(b1, '+') && !isPunct(after, '%') && !isWord(after, 'percent')) return this.skipDigitGroups(a.next)
        if (b1.kind === 'word' || isPunct(b1, '#')) return a.next
        if (isDash(b1) && isWord(toks[k - 2]) && !b1.isSpaced) return a.next
        if (isPunct(b1, '/') || isPunct(b1, '.') || isPunct(b1, ':') || isPunct(b1, '=')) return a.next
        // Attribute values in markup: tweet-id="783499116076687360".
        if ((isPunct(b1, '"') || isPunct(b1, "'")) && isPunct(toks[k - 2], '=')) return a.next
      }
      // List markers: "5. TALIBAN CLOSING", "2) Welfare reform" opening a line.
      if (t.num!.isPlain && a.next === k + 1 && i === k && (isPunct(after, '.') || isPunct(after, ')')) &&
        !after.isSpaced && isCapitalizedWord(toks[a.next + 1]) && this.isLineStart(k)) return a.next + 1
      // Scores: "decided by 5-to-4 votes".
      if (isDash(after) && isWord(toks[a.next + 1], 'to') && isDash(toks[a.next + 2]) &&
        toks[a.next + 3]?.kind === 'num') return a.next + 4
      // Street addresses: "1600 Pennsylvania Avenue", "115 Spring St.".
      if (t.num!.isPlain && a.next === k + 1) {
        for (let x = a.next; x < a.next + 3 && isCapitalizedWord(toks[x]) && toks[x].isSpaced; x++) {
          const w = toks[x + 1]
          if (isWord(w) && isCapitalized(w) && STREET_WORDS.has(w.lower)) return x + 2
        }
      }
      // Longer than a double holds exactly: an identifier.
      if (t.num!.isPlain && t.raw.length > 15) return a.next
      // Decades and heights: "the 90’s", "6'3".
      if ((isPunct(after, '’') || isPunct(after, "'")) && !after.isSpaced && toks[a.next + 1] !== undefined &&
        !toks[a.next + 1].isSpaced && (isWord(toks[a.next + 1], 's') || toks[a.next + 1].kind === 'num')) {
        return a.next + 2
      }
      // Scores and votes: "voted 19-15", "a 5-4 decision" (a range never runs backwards).
      if (isDash(after) && !after.isSpaced && toks[a.next + 1]?.kind === 'num' && !toks[a.next + 1].isSpaced &&
        toks[a.next + 1].value <= a.value && a.wordCount === 0 && !a.hasScale) return a.next + 2
      // Ages in apposition: "Keith Lamont Scott, 43, was killed".
      if (isPunct(before, ',') && isCapitalizedWord(toks[i - 2]) && t.num!.isPlain && a.value <= 120 &&
        a.next === k + 1 && (isPunct(after, ',') || isPunct(after, '―') || isPunct(after, '—') ||
          isPunct(after, '–'))) return a.next
      // Clock times: "3:30", "10 a.m.", "10pm" (glued letters were already rejected).
      if (isPunct(after, ':') && !after.isSpaced && toks[a.next + 1]?.kind === 'num' &&
        !toks[a.next + 1].isSpaced) return a.next + 2
      if (isWord(after) && TIME_WORDS.has(after.lower)) return a.next + 1
      if ((isWord(after, 'a') || isWord(after, 'p')) && isPunct(toks[a.next + 1], '.') &&
        isWord(toks[a.next + 2], 'm')) return a.next + 3
      // Phone numbers and ISO dates: "555-1234", "2024-10-05".
      if (isDash(after) && !after.isSpaced && toks[a.next + 1]?.kind === 'num' && !toks[a.next + 1].isSpaced) {
        const b = toks[a.next + 1]
        const third = toks[a.next + 2]
        if (isDash(third) && !third.isSpaced && toks[a.next + 3]?.kind === 'num') return a.next + 4
        if (t.num!.isPlain && b.num!.isPlain && t.raw.length === 3 && b.raw.length === 4) return a.next + 2
      }
    }
    // Dates: "Sept. 11", "11 September". Month names are capitalized in news text,
    // which keeps "may" the verb out.
    const mb = isPunct(toks[k - 1], '.') ? toks[k - 2] : toks[k - 1]
    if (i === k && mb !== undefined && mb.kind === 'word' && MONTHS.has(mb.lower) && isCapitalized(mb)) {
      // "Nov. 6 to 10", "Sept. 12 through 14": the second day goes with the first.
      const c = toks[a.next]
      if ((isWord(c, 'to') || isWord(c, 'through') || isWord(c, 'and') || isDash(c)) &&
        toks[a.next + 1]?.kind === 'num' && toks[a.next + 1].value <= 31) return a.next + 2
      return a.next
    }
    if (isWord(after) && MONTHS.has(after.lower) && isCapitalized(after) && a.value >= 1 && a.value <= 31 &&
      Number.isInteger(a.value) && !hasModifier) return a.next
    if (isWord(after, 'of') && isWord(toks[a.next + 1]) && MONTHS.has(toks[a.next + 1].lower) &&
      isCapitalized(toks[a.next + 1]) && !hasModifier) return a.next
    // Labels: "Article 4", "Resolution 2397", "No. 5".
    const lb = isPunct(before, '.') ? toks[i - 2] : before
    if (lb !== undefined && lb.kind === 'word' && (LABEL_WORDS.has(lb.lower) ||
      (CAPITALIZED_LABELS.has(lb.lower) && isCapitalized(lb))) && !hasModifier && !hasCurrency) {
      return a.next
    }
    // Ages: "from the age of 17", "aged 40", "a 17-year-old".
    if (isWord(before, 'aged') || isWord(before, 'ages') || isWord(before, 'age') ||
      (isWord(before, 'of') && (isWord(toks[i - 2], 'age') || isWord(toks[i - 2], 'ages')))) {
      // "ages 17 to 25", "aged between 18 and 30"
      const c = toks[a.next]
      if ((isWord(c, 'to') || isWord(c, 'and')) && toks[a.next + 1]?.kind === 'num') return a.next + 2
      return a.next
    }
    if (isWord(before, 'between') && (isWord(toks[i - 2], 'aged') || isWord(toks[i - 2], 'ages')) &&
      isWord(after, 'and') && toks[a.next + 1]?.kind === 'num') return a.next + 2
    if (this.isAgeAfter(a.next)) return a.next
    // Years: "in 1953", "the 2016 election", "2015-16".
    if (a.isPlainDigits && t.raw.length === 4 && a.value >= 1800 && a.value <= 2100 && !hasCurrency) {
      const unit = this.readUnit(a.next)
      const countContext = unit.hasUnit || (hasModifier && isWord(after) && !isCapitalized(after) &&
        !YEAR_CONTEXT_WORDS.has(after.lower))
      if (!countContext) {
        if ((isDash(after) || isWord(after, 'to')) && toks[a.next + 1]?.kind === 'num') return a.next + 2
        return a.next
      }
    }
    // "one" as a pronoun or in an idiom: "one of the most", "no one", "one day".
    if (a.isSpelled && a.wordCount === 1 && t.lower === 'one' && !hasModifier && !this.readUnit(a.next).hasUnit) {
      if (isWord(before) && ONE_PRONOUN_BEFORE.has(before.lower)) return a.next
      // "an innocent one", "the last one": a determiner and an adjective before it.
      const b2 = toks[i - 2]
      if (isWord(before) && !NUMBER_WORDS.has(before.lower) && isWord(b2) &&
        (b2.lower === 'a' || b2.lower === 'an' || b2.lower === 'the' || b2.lower === 'this' ||
          b2.lower === 'that' || b2.lower === 'every' || b2.lower === 'each')) return a.next
      if (isWord(after) && ONE_PRONOUN_AFTER.has(after.lower) && !this.opensPartOfCount(a.next)) return a.next
      if (isDash(after) && !after.isSpaced && isWord(toks[a.next + 1]) &&
        !NUMBER_WORDS.has(toks[a.next + 1].lower)) return a.next + 2
    }
    if (a.isSpelled && !hasModifier) {
      // Names: "Ground Zero", "Air Force One", "Formula One".
      if (isCapitalized(t) && isCapitalizedWord(before) && t.isSpaced) return a.next
      // Idioms glued by hyphens: "hole-in-one".
      if (isDash(toks[k - 1]) && !t.isSpaced && isWord(toks[k - 2]) && !toks[k - 1].isSpaced &&
        !NUMBER_WORDS.has(toks[k - 2].lower)) return a.next
    }
    return null
  }

  /**
   * "One of the 12 hostages", "one of its forty crew": "one" with "of", an owner and a number
   * after it is a part of a count, a figure of one (the number frames it); "one of the most"
   * and "one of them" stay pronouns. The rule is `isPartOfCount` (tokens/parts.ts), with
   * this lexer's numbers.
   */
  private opensPartOfCount(of: number): boolean {
    const toks = this.toks
    return isPartOfCount((k) => isWord(toks[k]) ? toks[k].lower : undefined, (k) => this.isPartNumber(k), of)
  }

  /** Whether token `k` is the number of a whole a part is taken from: digits, or a unit, teen or tens. */
  private isPartNumber(k: number): boolean {
    const toks = this.toks
    const n = toks[k]
    if (n === undefined) return false
    // (not an ordinal: "one of the 20th century's greatest atrocities")
    if (n.kind === 'num') return !(isWord(toks[k + 1]) && !toks[k + 1].isSpaced)
    const cat = isWord(n) ? NUMBER_WORDS.get(n.lower)?.cat : undefined
    return cat === 'unit' || cat === 'teen' || cat === 'tens'
  }

  /**
   * Whether token `j` looks like a counted plural noun ("people", "refugees"): then "3m"
   * before it is three million, while "a 3m wall" and "1m isn't" stay metres.
   */
  /** Whether a plural noun that is no unit follows at `j`, or after one lower-case word ("residential houses"). */
  private isCountNounAhead(j: number): boolean {
    const t = this.toks[j]
    if (t === undefined || MEASURE_UNITS.has(t.lower) || MEASURE_UNIT_PAIRS.has(t.lower)) return false
    if (this.isPluralNounAt(j)) return true
    const u = this.toks[j + 1]
    return t.kind === 'word' && !isCapitalized(t) && !STARTER_WORDS.has(t.lower) && u !== undefined &&
      !MEASURE_UNITS.has(u.lower) && this.isPluralNounAt(j + 1)
  }

  private isPluralNounAt(j: number): boolean {
    const t = this.toks[j]
    if (t === undefined || t.kind !== 'word' || !t.isSpaced || isCapitalized(t)) return false
    if (t.lower === 'people' || t.lower === 'men' || t.lower === 'women' || t.lower === 'children') return true
    return t.lower.length > 3 && t.lower.endsWith('s') && !t.lower.endsWith('ss') && !t.lower.endsWith("'s")
  }

  /** Whether token `k` opens a line (or the text). */
  private isLineStart(k: number): boolean {
    const prev = this.toks[k - 1]
    if (prev === undefined) return true
    return this.text.slice(prev.end, this.toks[k].start).includes('\n')
  }

  /** Past the digit groups of a phone number: "+1 (222) 333-4444". */
  private skipDigitGroups(j: number): number {
    const toks = this.toks
    let x = j
    for (;;) {
      const t = toks[x]
      if (t === undefined) return x
      if (t.kind === 'num') { x++; continue }
      if ((isDash(t) || isPunct(t, '.') || isPunct(t, '(') || isPunct(t, ')')) && toks[x + 1] !== undefined &&
        (toks[x + 1].kind === 'num' || isPunct(toks[x + 1], '('))) { x++; continue }
      return x
    }
  }

  /** "17-year-old", "40 years old", "17 years of age". */
  isAgeAfter(j: number): boolean {
    const toks = this.toks
    let x = j
    if (isDash(toks[x])) x++
    const y = toks[x]
    if (!isWord(y, 'year') && !isWord(y, 'years')) return false
    x++
    if (isDash(toks[x])) x++
    if (isWord(toks[x], 'old') || isWord(toks[x], 'olds')) return true
    return isWord(toks[x], 'of') && isWord(toks[x + 1], 'age')
  }

  /** Percent, currency, multiplier or fold marker after a number. */
  readUnit(j: number): Unit {
    const toks = this.toks
    const t = toks[j]
    const none: Unit = { next: j, coreNext: j, kind: 'count', unit: null, hasUnit: false }
    if (t === undefined) return none
    if (isPunct(t, '%') || isPunct(t, '％')) return { next: j + 1, coreNext: j + 1, kind: 'percent', unit: '%', hasUnit: true }
    if (t.kind === 'word') {
      let pj = -1
      if (t.lower === 'percent' || t.lower === 'percents' || t.lower === 'percentage' || t.lower === 'pct') pj = j + 1
      else if (t.lower === 'per' && isWord(toks[j + 1], 'cent')) pj = j + 2
      if (pj >= 0) {
        if (isWord(toks[pj], 'points') || isWord(toks[pj], 'point')) {
          return { next: pj + 1, coreNext: pj + 1, kind: 'percent', unit: 'pp', hasUnit: true }
        }
        return { next: pj, coreNext: pj, kind: 'percent', unit: '%', hasUnit: true }
      }
      if (t.lower === 'us' && isWord(toks[j + 1], 'dollars')) return { next: j + 2, coreNext: j, kind: 'money', unit: 'USD', hasUnit: true }
      // the IMF's unit of account ("760 million special drawing rights"), ISO 4217 XDR
      if (t.lower === 'special' && isWord(toks[j + 1], 'drawing') && isWord(toks[j + 2], 'rights')) {
        return { next: j + 3, coreNext: j, kind: 'money', unit: 'XDR', hasUnit: true }
      }
      const cw = CURRENCY_WORDS.get(t.lower)
      if (cw !== undefined) {
        if (t.lower === 'pounds' && isWord(toks[j + 1], 'sterling')) return { next: j + 2, coreNext: j, kind: 'money', unit: cw, hasUnit: true }
        return { next: j + 1, coreNext: j, kind: 'money', unit: cw, hasUnit: true }
      }
      if (CURRENCY_CODES.has(t.raw)) return { next: j + 1, coreNext: j, kind: 'money', unit: t.raw, hasUnit: true }
      // (a number with decimals counts no occasions: "which is 1.3 times of the plan")
      if (t.lower === 'times' && (isFractionAt(toks, j - 1) || (MULTIPLIER_FOLLOWERS.has(toks[j + 1]?.lower ?? '') && toks[j + 1].kind === 'word'))) {
        return { next: j + 1, coreNext: j + 1, kind: 'multiplier', unit: 'times', hasUnit: true }
      }
      if (t.lower === 'fold') return { next: j + 1, coreNext: j + 1, kind: 'multiplier', unit: 'times', hasUnit: true }
      const pair = MEASURE_UNIT_PAIRS.get(t.lower)?.get(toks[j + 1]?.lower ?? '')
      if (pair !== undefined && toks[j + 1].kind === 'word') return { next: j + 2, coreNext: j, kind: 'count', unit: pair, hasUnit: true }
      const measure = MEASURE_UNITS.get(t.lower)
      if (measure !== undefined) return { next: j + 1, coreNext: j, kind: 'count', unit: measure, hasUnit: true }
    }
    if (isDash(t) && !t.isSpaced && isWord(toks[j + 1], 'fold')) {
      return { next: j + 2, coreNext: j + 2, kind: 'multiplier', unit: 'times', hasUnit: true }
    }
    return none
  }

  /** "one over three", "1 over 3", "one out of three": a fraction, or null. */
  readOverFraction(j: number, a: Num): { value: number; next: number } | null {
    const toks = this.toks
    let x = j
    const isOver = isWord(toks[x], 'over')
    const isOutOf = isWord(toks[x], 'out') && isWord(toks[x + 1], 'of')
    if (!isOver && !isOutOf) return null
    x += isOver ? 1 : 2
    const b = this.readNumber(x, false, false)
    if ('skip' in b || b.value === 0) return null
    // News reads "2000 over 3 years" as a bound on 3; only a phrase that ends after the
    // denominator, with a spelled side or a numerator of one, is a fraction.
    if (!this.endsAt(b.next) || isWord(toks[b.next], 'of')) return null
    if (isOver && !(a.isSpelled || b.isSpelled || a.value === 1)) return null
    if (isOutOf && !(a.isSpelled && b.isSpelled)) return null
    return { value: a.value / b.value, next: b.next }
  }

  /** The second number of a range, or null. */
  readRange(i: number, j: number, a: Num, isBetween: boolean): { b: Num; currency: string | null } | null {
    const toks = this.toks
    const c = toks[j]
    if (c === undefined) return null
    let x: number
    let changeBy = false
    if (isBetween) {
      if (!isWord(c, 'and')) return null
      x = j + 1
    } else if (isDash(c) || isPunct(c, '—')) {
      if (a.isSpelled || isPunct(c, '—')) return null
      x = j + 1
    } else if (isWord(c, 'to')) {
      // "rose from 10,000 to 12,000" states two figures, not a range; "ranging from
      // 10,000 to 12,000" states one.
      if (isWord(toks[i - 1], 'from') && !(isWord(toks[i - 2]) && RANGE_VERBS.has(toks[i - 2].lower))) return null
      // "rose by 40 to 500": after a change, "by" gives the change and "to" the level it
      // reached (docs/figures.md, "Session 8"), unless the second number reads as the upper
      // end of the first ("cut by 40 to 50 percent", checked below); "rose 10 to 15 percent"
      // stays a range
      changeBy = isWord(toks[i - 1], 'by') && isWord(toks[i - 2]) && CHANGE_WORDS.has(toks[i - 2].lower)
      x = j + 1
    } else return null
    let currency: string | null = null
    const cs = toks[x]
    if (cs !== undefined && cs.kind === 'punct' && CURRENCY_SYMBOLS.has(cs.lower)) {
      currency = CURRENCY_SYMBOLS.get(cs.lower)!
      x++
    }
    const bt = toks[x]
    if (bt === undefined || (bt.kind !== 'num' && bt.kind !== 'word')) return null
    if (bt.kind === 'num' && isDash(c) && bt.isSpaced !== c.isSpaced && bt.isSpaced) return null
    const b = this.readNumber(x, currency !== null, false)
    if ('skip' in b) return null
    // a change and a level: the level is not within a few times the change
    if (changeBy && !(b.value > a.value && b.value <= 3 * a.value)) return null
    if (this.excludedAt(x, x, b, currency !== null, false) !== null) return null
    return { b, currency }
  }

  /** "or so", "or more", "or fewer", "plus", "+" after a number. */
  readPostModifier(j: number): { next: number; isApprox: boolean; bound: Bound } | null {
    const toks = this.toks
    const t = toks[j]
    if (t === undefined) return null
    if (isPunct(t, '+') && !t.isSpaced) return { next: j + 1, isApprox: false, bound: 'at_least' }
    if (isDash(t) && !t.isSpaced && isWord(toks[j + 1], 'plus')) return { next: j + 2, isApprox: false, bound: 'at_least' }
    if (isWord(t, 'or') || isWord(t, 'and')) {
      const n = toks[j + 1]
      if (isWord(t, 'or') && (isWord(n, 'so') || isWord(n, 'thereabouts'))) return { next: j + 2, isApprox: true, bound: null }
      if (isWord(n, 'more') || isWord(n, 'above') || isWord(n, 'over')) return { next: j + 2, isApprox: false, bound: 'at_least' }
      if (isWord(n, 'fewer') || isWord(n, 'less') || isWord(n, 'below') || isWord(n, 'under')) {
        return { next: j + 2, isApprox: false, bound: 'at_most' }
      }
    }
    // "2 thousand 700 approximately": a hedge after the number, as translations write it.
    // ("amounted to 120 thousand approximately were dispatched": before an auxiliary too, which
    // opens no number the hedge could belong to)
    if (isWord(t, 'approximately') && (this.endsAt(j + 1) || AUXILIARIES_AFTER_HEDGE.has(toks[j + 1]?.lower ?? ''))) return { next: j + 1, isApprox: true, bound: null }
    return null
  }

  /** Vague amounts: "thousands", "tens of thousands", "several hundred", "a few dozen". */
  readVague(k: number): { low: number; high: number; next: number } | null {
    const toks = this.toks
    const t = toks[k]
    let lo: number
    let hiEx: number
    let j: number
    const plural = VAGUE_PLURALS.get(t.lower)
    if (plural !== undefined) {
      lo = 2 * plural; hiEx = 10 * plural; j = k + 1
    } else if (t.lower === 'dozens') {
      // "dozens" stops where "hundreds" starts.
      return { low: 24, high: 99, next: k + 1 }
    } else if (t.lower === 'tens') {
      if (!(isWord(toks[k + 1], 'of') && VAGUE_PLURALS.has(toks[k + 2]?.lower ?? '') && toks[k + 2].kind === 'word')) return null
      lo = 20; hiEx = 100; j = k + 1
    } else {
      let mlo: number
      let mhi: number
      if (t.lower === 'several') { mlo = 3; mhi = 10; j = k + 1 }
      else if (t.lower === 'a' && isWord(toks[k + 1], 'few')) { mlo = 2; mhi = 5; j = k + 2 }
      else if (t.lower === 'a' && isWord(toks[k + 1], 'couple')) {
        mlo = 2; mhi = 3; j = isWord(toks[k + 2], 'of') ? k + 3 : k + 2
      } else return null
      let x = 1
      const s = j
      while (j < toks.length && j - s < 4 && isWord(toks[j]) && VAGUE_SINGULARS.has(toks[j].lower)) {
        x *= VAGUE_SINGULARS.get(toks[j].lower)!
        j++
      }
      if (j === s) return null
      // "a few" reaches 5x; "several" up to just below 10x.
      return { low: mlo * x, high: t.lower === 'several' ? mhi * x - 1 : mhi * x, next: j }
    }
    // At most two links ("hundreds of thousands of millions" is as far as prose goes).
    for (let links = 0; links < 2 && isWord(toks[j], 'of') && isWord(toks[j + 1]) &&
      VAGUE_PLURALS.has(toks[j + 1].lower); links++) {
      const s = VAGUE_PLURALS.get(toks[j + 1].lower)!
      lo *= s; hiEx *= s; j += 2
    }
    return { low: lo, high: hiEx - 1, next: j }
  }

  /** "doubled", "tripled", "threefold", "double the", "twice as": the factor, or null. */
  readMultiplierWord(k: number): number | null {
    const toks = this.toks
    const t = toks[k]
    const v = MULTIPLIER_WORDS.get(t.lower)
    if (v !== undefined) return v
    const adj = MULTIPLIER_ADJECTIVES.get(t.lower)
    if (adj === undefined) return null
    const n = toks[k + 1]
    if (isWord(n) && MULTIPLIER_FOLLOWERS.has(n.lower)) return adj
    // "the number could double within weeks"
    const p = toks[k - 1]
    if (isWord(p) && MODAL_WORDS.has(p.lower) && t.lower !== 'twice' && t.lower !== 'thrice') return adj
    return null
  }

  /** "percent of 10", "per cent of twenty-two": Recognizers-Text's reversed percent. */
  readPercentOf(k: number): { value: number; next: number } | null {
    const toks = this.toks
    const t = toks[k]
    let j: number
    if (t.lower === 'percent' || t.lower === 'percents' || t.lower === 'percentage') j = k + 1
    else if (t.lower === 'per' && isWord(toks[k + 1], 'cent')) j = k + 2
    else return null
    // Only at the head of a phrase: "a small percent of 10 people" is not 10%.
    const before = toks[k - 1]
    if (before !== undefined && before.kind !== 'punct') return null
    if (!isWord(toks[j], 'of')) return null
    const b = this.readNumber(j + 1, false, false)
    if ('skip' in b) return null
    return { value: b.value, next: b.next }
  }
}

/**
 * Every quantity in `text` with the span of its number proper. The spans are sorted and
 * do not overlap.
 */
export function scanQuantities(text: string): ScannedQuantity[] {
  return new Scanner(text).scan()
}
