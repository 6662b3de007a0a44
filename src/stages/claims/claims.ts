import { POS_TAGS, type Doc, type TokenColumns } from '../../model/doc.ts'
import type {
  Attribution, Category, CharSpan, Claim, Entity, Quantity, Sentence, TimeExpression,
} from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'
import {
  CONTAINERS, INTENT_VERBS, LABOUR_PEOPLE, MODALS, MILITARY_PEOPLE, MONEY_NOUNS, NOT_COUNTED, NOUN_CATEGORY, OTHER_PEOPLE,
  PREDICATE_CATEGORY, SENDING_VERBS, SPEECH_VERBS, LOSS_VERBS,
} from './lexicon.ts'

const POS = (name: (typeof POS_TAGS)[number]) => POS_TAGS.indexOf(name)
const NOUN = POS('NOUN')
const PROPN = POS('PROPN')
const ADJ = POS('ADJ')
const VERB = POS('VERB')
const AUX = POS('AUX')
const ADV = POS('ADV')
const PART = POS('PART')
const PRON = POS('PRON')
const DET = POS('DET')
const CCONJ = POS('CCONJ')
const NUM = POS('NUM')
const ADP = POS('ADP')

const PEOPLE_CATEGORIES = new Set<Category>(['deployed', 'killed', 'wounded', 'casualties', 'captured', 'missing'])
const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”'])
// Below this, a count of "other" things is mostly discourse ("the two sides", "three days").
const MIN_OTHER_COUNT = 10

/** Everything the binding rules read, gathered once per document. */
interface Context {
  readonly text: string
  readonly tokens: TokenColumns
  readonly sentences: readonly Sentence[]
  readonly entities: readonly Entity[]
  readonly times: readonly TimeExpression[]
  readonly attributions: readonly Attribution[]
  readonly quantities: readonly Quantity[]
  readonly published: string | null
}

/** Where the counted things are and what they are. */
interface Counted extends CharSpan {
  readonly category: Category
  /** Token range of the noun phrase (without the predicate), for the subject search. */
  readonly npStart: number
  readonly npEnd: number
  /** Token after everything the claim reads (noun phrase and predicate). */
  readonly after: number
}

interface Source {
  readonly attribution: number | null
  readonly source: CharSpan | null
  readonly cue: CharSpan | null
  readonly sourceEntity: string | null
}

function tokenText(c: Context, t: number): string {
  return c.text.slice(c.tokens.start[t], c.tokens.end[t])
}

function isHyphenJoin(c: Context, t: number): boolean {
  const s = tokenText(c, t)
  return (s === '-' || s === '‐') && t > 0 && c.tokens.end[t - 1] === c.tokens.start[t] &&
    t + 1 < c.tokens.count && c.tokens.end[t] === c.tokens.start[t + 1]
}

function overlapsTime(c: Context, t: number): boolean {
  const s = c.tokens.start[t]
  const e = c.tokens.end[t]
  return c.times.some((x) => x.start < e && s < x.end)
}

function contains(outer: CharSpan, inner: CharSpan): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
}

/** Tokens overlapping a character span: `[first, end)`. */
function tokenRange(c: Context, span: CharSpan, s: Sentence): [number, number] {
  let a = s.tokenStart
  while (a < s.tokenEnd && c.tokens.end[a] <= span.start) a++
  let b = a
  while (b < s.tokenEnd && c.tokens.start[b] < span.end) b++
  return [a, Math.max(b, a + 1)]
}

function sentenceIndex(c: Context, pos: number): number {
  let lo = 0
  let hi = c.sentences.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (c.sentences[mid].start <= pos) lo = mid
    else hi = mid - 1
  }
  return lo
}

// Adverbs that do not modify a noun ("300 troops also ..." is not "also troops").
const ADVERBS = new Set(['also', 'still', 'now', 'then', 'already', 'even', 'just', 'only', 'reportedly', 'there', 'here', 'so', 'too', 'again', 'later', 'earlier', 'allegedly'])

/** The noun phrase right after token `from`: adjectives, nouns and hyphenated parts. */
function nounPhrase(c: Context, from: number, end: number): { start: number; head: number; end: number } | null {
  const { pos, lemma } = c.tokens
  let t = from
  let head = -1
  let conjunction = -1
  let headBefore = -1
  const limit = Math.min(end, from + 10)
  // "wounded soldiers": a participle right before a noun or adjective modifies it
  const isParticiple = (k: number) => pos[k] === VERB && (/(ed|en)$/i.test(tokenText(c, k)) || (head < 0 && /ing$/i.test(tokenText(c, k)))) &&
    k + 1 < limit && (pos[k + 1] === NOUN || pos[k + 1] === ADJ || pos[k + 1] === PROPN)
  while (t < limit) {
    if (overlapsTime(c, t)) break
    const p = pos[t]
    if (p === NOUN || p === PROPN) {
      head = t
    } else if (p === ADJ || (p === NUM && head < 0 && t > from) || (p === ADV && lemma[t] === 'more') || isParticiple(t) ||
      (p === ADV && head < 0 && !ADVERBS.has(lemma[t]) && t + 1 < limit && (pos[t + 1] === ADJ || pos[t + 1] === NOUN))) {
      // wink tags some adjectives as adverbs: "$2.5bn in new/ADV military aid"
      // modifiers: "armed personnel", "more soldiers"
    } else if (isHyphenJoin(c, t)) {
      t += 2
      head = pos[t - 1] === NOUN || pos[t - 1] === PROPN ? t - 1 : head
      continue
    } else if (p === VERB && t > from && isHyphenJoin(c, t - 1)) {
      // "munitions-related"
    } else if (p === CCONJ && t > from && t + 1 < limit &&
      (pos[t + 1] === NOUN || pos[t + 1] === ADJ || pos[t + 1] === PROPN || isParticiple(t + 1))) {
      // "ammunition or munitions-related materials", "dead and wounded soldiers"
      if (head >= 0 && conjunction < 0) { conjunction = t; headBefore = head }
    } else {
      break
    }
    t++
  }
  // "1.2 million armed personnel and forced military service": a second conjunct of
  // another kind is a second thing, not part of what the number counts.
  if (conjunction >= 0 && head > conjunction && kindOf(c, from, conjunction) !== kindOf(c, conjunction + 1, head + 1)) {
    head = headBefore
  }
  // "12,000 troops fight in Kursk": wink tags some verbs after a plural as nouns; a singular
  // head after a plural noun is taken for the verb it is.
  if (head > from && tokenText(c, head).toLowerCase() === lemma[head]) {
    for (let t = head - 1; t >= from; t--) {
      if ((pos[t] === NOUN || pos[t] === PROPN) && tokenText(c, t).toLowerCase() !== lemma[t] && !isHyphenJoin(c, t + 1)) { head = t; break }
    }
  }
  return head < 0 ? null : { start: from, head, end: head + 1 }
}

/** The lexical kind of the nouns in a token range: a category, military or other people, or none. */
function kindOf(c: Context, from: number, to: number): string {
  const { pos, lemma } = c.tokens
  for (let t = to - 1; t >= from; t--) {
    if (pos[t] !== NOUN && pos[t] !== PROPN) continue
    const cat = NOUN_CATEGORY.get(lemma[t]) ?? NOUN_CATEGORY.get(tokenText(c, t).toLowerCase())
    if (cat !== undefined) return cat
    if (MILITARY_PEOPLE.has(lemma[t])) return 'military'
    if (OTHER_PEOPLE.has(lemma[t])) return 'people'
  }
  // "materials" after "munitions-related": look at hyphenated modifiers too
  for (let t = from; t < to; t++) {
    const cat = NOUN_CATEGORY.get(lemma[t])
    if (cat !== undefined) return cat
  }
  return 'none'
}

function addSignal(signals: Set<Category>, word: string, surface?: string): void {
  // "missing" has the lemma "miss": the surface form carries the meaning
  const cat = PREDICATE_CATEGORY.get(word) ?? (surface === undefined ? undefined : PREDICATE_CATEGORY.get(surface.toLowerCase()))
  if (cat !== undefined) signals.add(cat)
}

/**
 * What a quantity counts: the noun phrase after it, extended by the predicate that says
 * what happened to the counted things when that predicate decides the category
 * ("soldiers have been killed or injured"). Null when nothing countable follows.
 */
function findCounted(c: Context, q: Quantity, a: number, b: number, s: Sentence, prior: Counted | null): Counted | null {
  const { pos, lemma } = c.tokens
  if (q.kind === 'percent' || q.kind === 'multiplier') return findShareCounted(c, q, a, b, s, prior)
  let from = b
  // "4,000 of them", "thousands of shells", "12,000 of its troops"
  if (from < s.tokenEnd && lemma[from] === 'of') {
    from++
    while (from < s.tokenEnd && (pos[from] === DET || (pos[from] === PRON && lemma[from] !== 'them'))) from++
    // "fewer than 5,000 of the roughly 20,000 people": the part counts what the whole counts
    let n = from
    while (n < s.tokenEnd && pos[n] === ADV) n++
    if (n < s.tokenEnd && pos[n] === NUM) {
      while (n < s.tokenEnd && pos[n] === NUM) n++
      from = n
    }
  }
  const signals = new Set<Category>()
  // "killed at least 50 people", "has sent thousands of shells"
  let v = a - 1
  while (v >= s.tokenStart && (pos[v] === ADV || pos[v] === DET || lemma[v] === 'at' || lemma[v] === 'least')) v--
  const verbBefore = v >= s.tokenStart && pos[v] === VERB ? v : -1
  if (verbBefore >= 0) addSignal(signals, lemma[verbBefore])
  // "We have buried around 200 of our soldiers"
  if (verbBefore >= 0 && lemma[verbBefore] === 'bury') signals.add('killed')

  if (q.kind === 'money') {
    let m = from
    if (m < s.tokenEnd && (lemma[m] === 'in' || lemma[m] === 'worth')) m++
    if (m < s.tokenEnd && lemma[m] === 'of') m++
    const np = nounPhrase(c, m, s.tokenEnd)
    const span = np === null ? { start: q.start, end: q.end } : { start: c.tokens.start[np.start], end: c.tokens.end[np.head] }
    return { ...span, category: 'money', npStart: np?.start ?? a, npEnd: np?.end ?? b, after: np?.end ?? b }
  }

  let np = from < s.tokenEnd && lemma[from] === 'them' ? { start: from, head: from, end: from + 1 } : nounPhrase(c, from, s.tokenEnd)
  if (np === null) {
    // "Of those soldiers, 5 were wounded": the number stands for the noun.
    const bare = new Set<Category>()
    // "nine of whom died": start after the pronoun
    let p = from > b && pos[from - 1] === PRON ? from : b
    while (p < s.tokenEnd && (lemma[p] === 'more' || lemma[p] === 'other')) p++
    const end = predicate(c, p, s, bare)
    if (end > 0) {
      const category = decideCategory(bare, [], false, true) ?? 'other'
      return { start: c.tokens.start[p], end: c.tokens.end[end - 1], category, npStart: b, npEnd: b, after: end }
    }
    // "died 300 and wounded 2,700": the verb before says what the number counts.
    if (verbBefore >= 0 && signals.size > 0) {
      const category = decideCategory(signals, [], false, true) ?? 'other'
      return { start: c.tokens.start[verbBefore], end: c.tokens.end[verbBefore], category, npStart: b, npEnd: b, after: b }
    }
    // "down from 10,000", "with another 1,500 expected": the same thing as the figure before.
    if (prior !== null && isElliptic(c, a, s)) return { ...prior, npStart: b, npEnd: b, after: b }
    return findCountedBefore(c, a, s)
  }
  if (NOT_COUNTED.has(lemma[np.head])) return null
  // "131 West 23rd Street", "58 Fortune 500 companies": a name after a number is not what
  // it counts, unless the name is a people ("millions of Americans").
  const headSpan = { start: c.tokens.start[np.head], end: c.tokens.end[np.head] }
  if (pos[np.head] === PROPN && !c.entities.some((e) => e.type === 'NORP' && contains(e, headSpan))) return null
  if (MONEY_NOUNS.has(lemma[np.head])) {
    return { start: c.tokens.start[np.start], end: c.tokens.end[np.head], category: 'money', npStart: np.start, npEnd: np.end, after: np.end }
  }
  // "containers of munitions": the container counts what it holds
  if (CONTAINERS.has(lemma[np.head]) && np.end + 1 < s.tokenEnd && lemma[np.end] === 'of') {
    const inner = nounPhrase(c, np.end + 1, s.tokenEnd)
    if (inner !== null) np = { start: np.start, head: inner.head, end: inner.end }
  }
  const heads: Category[] = []
  let isMilitary = false
  let isPeople = lemma[np.head] === 'them'
  let hasCountry = false
  for (let t = np.start; t < np.end; t++) {
    const cat = NOUN_CATEGORY.get(lemma[t])
    if (pos[t] === NOUN || pos[t] === PROPN) {
      if (cat !== undefined) heads.push(cat)
      // "fighter jets" are not fighters: what people they are is the head's
      const isHead = t === np.head
      if (isHead && MILITARY_PEOPLE.has(lemma[t])) isMilitary = true
      if (isHead && (OTHER_PEOPLE.has(lemma[t]) || LABOUR_PEOPLE.has(lemma[t]))) isPeople = true
      if (isHead && LABOUR_PEOPLE.has(lemma[t]) && hasCountry) isMilitary = true
      if (c.entities.some((e) => e.start === c.tokens.start[t] && (e.type === 'NORP' || e.type === 'GPE'))) hasCountry = true
    } else if (pos[t] === ADJ || pos[t] === VERB) {
      addSignal(signals, lemma[t], tokenText(c, t))
    }
  }
  // "lost 300 men" are casualties; "lost 300 tanks" are not people
  if (verbBefore >= 0 && LOSS_VERBS.has(lemma[verbBefore]) && (isMilitary || isPeople)) signals.add('casualties')
  // "enemy losses totalled 1,650 personnel", "the casualty ... is reached to 3800 persons"
  // "taken 11 servicemen prisoner"
  if (verbBefore >= 0 && lemma[verbBefore] === 'take' && np.end < s.tokenEnd && /^(prisoner|captive)$/.test(lemma[np.end])) signals.add('captured')
  const predicateEnd = predicate(c, np.end, s, signals)
  const category = decideCategory(signals, heads, isMilitary, isPeople)
  if (category === null) return null
  // ... unless the number itself says more ("the man loss was 58 persons dead")
  const named = category === 'other' || category === 'deployed' ? totalOf(c, a, s) : null
  if (named !== null && named.category !== 'munitions') return { ...named, npStart: np.start, npEnd: np.end, after: np.end }
  const end = predicateEnd > 0 && signals.size > 0 ? predicateEnd : np.end
  return {
    start: c.tokens.start[np.start], end: c.tokens.end[end - 1], category,
    npStart: np.start, npEnd: np.end, after: end,
  }
}

// Verbs by which a figure is the size of a noun before it: "losses totalled 1,650".
const TOTAL_VERBS = new Set(['total', 'reach', 'number', 'stand', 'exceed', 'top', 'hit', 'amount', 'rise', 'climb', 'be'])

/** The category noun whose total the number gives ("enemy losses on Sunday totalled 1,650"). */
function totalOf(c: Context, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  // "the loss of more than 150 persons", "the deaths of 12 soldiers"
  if (a - 2 >= s.tokenStart && lemma[a - 1] === 'of' && pos[a - 2] === NOUN) {
    const category = NOUN_CATEGORY.get(lemma[a - 2])
    if (category !== undefined && category !== 'munitions') {
      return { start: c.tokens.start[a - 2], end: c.tokens.end[a - 2], category, npStart: a - 2, npEnd: a - 1, after: a }
    }
  }
  let v = a - 1
  while (v >= s.tokenStart && (lemma[v] === 'to' || lemma[v] === 'at' || pos[v] === ADV)) v--
  if (v < s.tokenStart || !TOTAL_VERBS.has(lemma[v]) || (pos[v] !== VERB && pos[v] !== AUX)) return null
  return findCountedBefore(c, v + 1, s)
}

// What may join a number to an earlier figure it shares its counted thing with.
const FIGURE_NOUNS = new Set(['figure', 'estimate', 'total', 'count', 'tally', 'number'])
const ELLIPSIS_WORDS = new Set(['from', 'another', 'to', 'and', 'or', 'but', 'versus', 'vs', 'than', 'with'])

/** "down from 10,000", "with another 1,500 expected", "but 1.2 million remained": a number whose noun is left out. */
function isElliptic(c: Context, a: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  // "has given a figure of 11,300"
  if (a - 2 >= s.tokenStart && lemma[a - 1] === 'of' && FIGURE_NOUNS.has(lemma[a - 2])) return true
  for (let t = a - 1; t >= s.tokenStart && t >= a - 3; t--) {
    if (ELLIPSIS_WORDS.has(lemma[t])) return true
    if (pos[t] !== ADV && pos[t] !== DET && pos[t] !== ADJ) break
  }
  return false
}

// Nouns of money a percentage may be a share of.
const MONEY_CONTEXT = new Set([
  'budget', 'spending', 'expenditure', 'revenue', 'funding', 'fund', 'aid', 'money', 'cost',
  'debt', 'deficit', 'tax', 'salary', 'wage', 'income', 'gdp', 'price',
])

/**
 * What a percentage or a multiplier is of: "90 per cent of the population ... displaced",
 * "turnout reached 61.4%", "tripled its output of shells", "the number of applications
 * doubled". A share apposed to a figure ("1.9 million people, or about 90 per cent") or of
 * it ("60% of them") counts what that figure counts. Null when nothing is named.
 */
function findShareCounted(c: Context, q: Quantity, a: number, b: number, s: Sentence, prior: Counted | null): Counted | null {
  const { pos, lemma } = c.tokens
  const asCounted = (np: { start: number; head: number; end: number }, category: Category): Counted =>
    ({ start: c.tokens.start[np.start], end: c.tokens.end[np.head], category, npStart: np.start, npEnd: np.end, after: np.end })
  const categoryOf = (np: { start: number; head: number; end: number }): Category => {
    for (let t = np.start; t < np.end; t++) if (MONEY_CONTEXT.has(lemma[t]) || MONEY_NOUNS.has(lemma[t])) return 'money'
    const signals = new Set<Category>()
    const heads: Category[] = []
    let isMilitary = false
    for (let t = np.start; t < np.end; t++) {
      const cat = NOUN_CATEGORY.get(lemma[t])
      if (cat !== undefined) heads.push(cat)
      if (MILITARY_PEOPLE.has(lemma[t])) isMilitary = true
    }
    predicate(c, np.end, s, signals)
    return decideCategory(signals, heads, isMilitary, false) ?? 'other'
  }
  let from = b
  if (q.kind === 'multiplier') {
    while (from < s.tokenEnd && (pos[from] === DET || pos[from] === PRON) && lemma[from] !== 'them') from++
  } else {
    if (from >= s.tokenEnd || lemma[from] !== 'of') from = -1
    else from++
    // "60% of them", "or about 90 per cent of the population": a share of the figure before
    const isApposed = a - 1 >= s.tokenStart && (lemma[a - 1] === 'or' || lemma[a - 1] === 'of')
    if (prior !== null && ((from > 0 && /^(them|those|whom|these)$/.test(lemma[from] ?? '')) || isApposed)) {
      return { ...prior, npStart: b, npEnd: b, after: b }
    }
    while (from > 0 && from < s.tokenEnd && pos[from] === DET) from++
  }
  if (from > 0) {
    let np = nounPhrase(c, from, s.tokenEnd)
    // "the number of Russian troops", "its output of shells": the measure counts what it measures
    if (np !== null && np.end + 1 < s.tokenEnd && lemma[np.end] === 'of') {
      const inner = nounPhrase(c, np.end + 1 + (pos[np.end + 1] === DET ? 1 : 0), s.tokenEnd)
      if (inner !== null) np = { start: np.start, head: inner.head, end: inner.end }
    }
    if (np !== null) return asCounted(np, categoryOf(np))
  }
  // "Voter turnout reached 61.4%", "the number could double": the clause's noun before the number
  let t = a - 1
  while (t >= s.tokenStart && !CLAUSE_BREAKS.has(tokenText(c, t)) && pos[t] !== NOUN) t--
  if (t >= s.tokenStart && pos[t] === NOUN) {
    let start = t
    while (start - 1 >= s.tokenStart && (pos[start - 1] === NOUN || pos[start - 1] === ADJ || pos[start - 1] === PROPN)) start--
    const np = { start, head: t, end: t + 1 }
    // "The number of asylum applications doubled": back to what the number is of
    return asCounted(np, categoryOf(np))
  }
  // "with 18% earmarked for defence", "it is 7.5 percent more": a share of the figure before
  return prior === null ? null : { ...prior, npStart: b, npEnd: b, after: b }
}

// Verbs that pass on to the predicate after them: "remain missing", "are thought to have drowned", "were left homeless".
const COPULAS = new Set(['go', 'get', 'remain', 'stay', 'become', 'seem', 'appear', 'think', 'believe', 'fear', 'report', 'presume', 'leave', 'feel', 'say', 'know', 'confirm', 'have', 'live', 'seek', 'find', 'hold', 'keep'])
const PLACE_PREPOSITIONS = new Set(['in', 'into', 'to', 'at'])

/**
 * The predicate after the counted noun ("have been killed or injured", "who went missing",
 * "sent to Russia"): adds the categories it names to `signals` and returns the token after
 * it, or -1 when no category word follows.
 */
function predicate(c: Context, from: number, s: Sentence, signals: Set<Category>): number {
  const { pos, lemma } = c.tokens
  let p = from
  let end = -1
  // "1.9 million people, or about 90 per cent of the population, have been displaced"
  if (p + 1 < s.tokenEnd && tokenText(c, p) === ',' && (lemma[p + 1] === 'or' || lemma[p + 1] === 'including')) {
    let close = p + 2
    while (close < s.tokenEnd && close < p + 16 && tokenText(c, close) !== ',') close++
    if (close < s.tokenEnd && tokenText(c, close) === ',') p = close + 1
  }
  if (p < s.tokenEnd && (lemma[p] === 'who' || lemma[p] === 'that')) p++
  for (let guard = 0; p < s.tokenEnd && guard < 4; guard++) {
    const start = p
    while (p < s.tokenEnd && p - start < 6 && (pos[p] === AUX || pos[p] === ADV || pos[p] === PART || COPULAS.has(lemma[p]) ||
      // "remained in camps", "were moved to temporary shelters"
      (PLACE_PREPOSITIONS.has(lemma[p]) && p > start) || (pos[p] === DET && p > start) || ((pos[p] === ADJ || pos[p] === PROPN) && p > start && pos[p + 1] === NOUN))) p++
    if (p >= s.tokenEnd) break
    const word = lemma[p]
    const isTaken = word === 'take' && p + 1 < s.tokenEnd && /^(prisoner|captive)/.test(lemma[p + 1])
    const cat = isTaken ? 'captured' : PREDICATE_CATEGORY.get(word) ?? PREDICATE_CATEGORY.get(tokenText(c, p).toLowerCase())
    if (cat === undefined || (pos[p] !== VERB && pos[p] !== ADJ && pos[p] !== NOUN)) break
    signals.add(cat)
    p += isTaken ? 2 : 1
    end = p
    if (p < s.tokenEnd && (pos[p] === CCONJ || c.text.slice(c.tokens.start[p], c.tokens.end[p]) === ',') && p + 1 < s.tokenEnd) p++
    else break
  }
  return end
}

/** "The death toll rose to 4,000": the counted noun stands before the figure. */
function findCountedBefore(c: Context, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  for (let t = a - 1; t >= s.tokenStart && t >= a - 8; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) break
    // "the number of displaced to reach 150,000": an adjective used as a noun after "of"
    const isNominal = (pos[t] === ADJ || pos[t] === VERB) && t > s.tokenStart && (lemma[t - 1] === 'of' || pos[t - 1] === DET)
    if (pos[t] !== NOUN && !isNominal) continue
    const cat = NOUN_CATEGORY.get(lemma[t]) ?? NOUN_CATEGORY.get(tokenText(c, t).toLowerCase())
    if (cat === undefined || cat === 'munitions') continue
    let start = t
    while (start - 1 >= s.tokenStart && (pos[start - 1] === NOUN || pos[start - 1] === ADJ)) start--
    // "death toll" is killed; "casualty toll" stays casualties
    const category = lemma[t] === 'toll' ? NOUN_CATEGORY.get(lemma[start]) === 'casualties' ? 'casualties' : 'killed' : cat
    return { start: c.tokens.start[start], end: c.tokens.end[t], category, npStart: start, npEnd: t + 1, after: a }
  }
  return null
}

function decideCategory(signals: Set<Category>, heads: readonly Category[], isMilitary: boolean, isPeople: boolean): Category | null {
  if (heads.includes('munitions')) return 'munitions'
  const all = new Set<Category>([...signals, ...heads])
  if (all.has('casualties') || (all.has('killed') && all.has('wounded'))) return 'casualties'
  for (const cat of ['killed', 'wounded', 'captured', 'missing'] as const) if (all.has(cat)) return cat
  // troops moved or evacuated somewhere are redeployed, not displaced
  if (all.has('displaced')) return isMilitary ? 'deployed' : 'displaced'
  if (all.has('deployed') && (isMilitary || isPeople)) return 'deployed'
  if (isMilitary) return 'deployed'
  return 'other'
}

function countryOf(e: Entity): string | null {
  return e.country ?? (e.type === 'GPE' || e.type === 'NORP' ? e.canonical : null)
}

function entitiesIn(c: Context, span: CharSpan): Entity[] {
  return c.entities.filter((e) => contains(span, e))
}

/** The clause subject before token `verb`: the nearest named country or body followed by a verb. */
function clauseSubject(c: Context, s: Sentence, beforeToken: number): string | null {
  const limitChar = c.tokens.start[beforeToken]
  let best: string | null = null
  for (const e of c.entities) {
    if (e.start < s.start || e.end > limitChar) continue
    const country = countryOf(e)
    if (country === null) continue
    let [, after] = tokenRange(c, e, s)
    // "Russian forces suffered ...": the entity modifies the subject's head noun
    const nounLimit = after + 4
    while (after < s.tokenEnd && after < nounLimit && (c.tokens.pos[after] === NOUN || c.tokens.pos[after] === ADJ)) after++
    while (after < s.tokenEnd && c.tokens.pos[after] === ADV) after++
    if (after < s.tokenEnd && (c.tokens.pos[after] === VERB || c.tokens.pos[after] === AUX)) best = country
  }
  return best
}

/** Whose the counted things are. */
function findSubject(c: Context, counted: Counted, a: number, s: Sentence, si: number): string | null {
  const { pos, lemma } = c.tokens
  // "12,000 North Korean troops"
  const np = { start: c.tokens.end[a], end: c.tokens.end[counted.npEnd - 1] }
  for (const e of entitiesIn(c, np)) {
    const country = countryOf(e)
    if (country !== null) return country
  }
  // "Russia's 600,000 troops"
  if (a - 1 > s.tokenStart && /^['’]s$/.test(tokenText(c, a - 1))) {
    const owner = c.entities.find((e) => e.end === c.tokens.end[a - 2])
    if (owner !== undefined && countryOf(owner) !== null) return countryOf(owner)
  }
  // "Pyongyang has sent thousands of shells": the sender owns what it sends.
  if (counted.category === 'deployed' || counted.category === 'munitions') {
    let v = a - 1
    while (v >= s.tokenStart && (pos[v] === ADV || pos[v] === DET || pos[v] === ADJ)) v--
    if (v >= s.tokenStart && pos[v] === VERB && SENDING_VERBS.has(lemma[v])) {
      let aux = v
      while (aux - 1 >= s.tokenStart && (pos[aux - 1] === AUX || pos[aux - 1] === ADV || pos[aux - 1] === PART)) aux--
      const own = clauseSubject(c, s, aux)
      if (own !== null) return own
      // "This will send ...": a pronoun subject refers back to the previous sentence.
      const pronoun = aux - 1 >= s.tokenStart && (pos[aux - 1] === PRON || pos[aux - 1] === DET)
      if (pronoun && si > 0) return clauseSubject(c, c.sentences[si - 1], c.sentences[si - 1].tokenEnd - 1)
    }
  }
  // "North Korea is ... with an estimated 1.2 million armed personnel", "Russia has 600,000
  // troops", "Russia has lost 600,000 troops": what a country has, loses or suffers is its own.
  if (PEOPLE_CATEGORIES.has(counted.category)) {
    let v = a - 1
    while (v >= s.tokenStart && (pos[v] === ADV || pos[v] === DET || pos[v] === ADJ || pos[v] === AUX)) v--
    if (v >= s.tokenStart && (lemma[v] === 'with' || lemma[v] === 'have' || lemma[v] === 'lose' || lemma[v] === 'suffer')) {
      const owner = clauseSubject(c, s, v)
      if (owner !== null) return owner
    }
  }
  return null
}

const EXPECTED = new Set(['expect', 'expected', 'due', 'plan', 'planned', 'scheduled', 'schedule'])

function isFuture(c: Context, q: Quantity, a: number, counted: Counted, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  // "the plan" is no plan to do anything: intention words count as verbs only
  const isFutureWord = (t: number) => MODALS.has(lemma[t]) ||
    (INTENT_VERBS.has(lemma[t]) && (pos[t] === VERB || pos[t] === AUX)) || (lemma[t] === 'go' && lemma[t + 1] === 'to')
  for (let t = a - 1; t >= s.tokenStart && t >= a - 8; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) break
    if (isFutureWord(t)) return true
  }
  // in the predicate only a modal: "soldiers will be deployed", not "people have sought refuge"
  for (let t = counted.npEnd; t < counted.after; t++) if (MODALS.has(lemma[t])) return true
  // "another 1,500 expected soon", "10,000 troops due to arrive"
  const next = Math.max(counted.npEnd, counted.after)
  if (next < s.tokenEnd && (EXPECTED.has(lemma[next]) || EXPECTED.has(tokenText(c, next).toLowerCase()))) return true
  // the rest of the figure's own clause: "..., and Pyongyang could send 25-30 thousand more
  // next year" does not make the figure before the comma planned
  let end = counted.after
  while (end < s.tokenEnd && !CLAUSE_BREAKS.has(tokenText(c, end))) end++
  const rest = c.text.slice(q.end, end < s.tokenEnd ? c.tokens.start[end] : s.end)
  return /\b(in the (coming|next) (days|weeks|months|years)|later this (week|month|year)|next (week|month|year))\b/i.test(rest)
}

/** Comma-separated segment index of every token of a sentence. */
function segments(c: Context, s: Sentence): Int32Array {
  const out = new Int32Array(s.tokenEnd - s.tokenStart)
  let seg = 0
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) seg++
    out[t - s.tokenStart] = seg
  }
  return out
}

// What may stand before a sentence-initial time: "As of", "By", "In".
const LEADING_POS = new Set([ADP, ADV, POS('SCONJ')])

// Words that open a clause about something else than the figure: "the first of which was
// sent in the fall of 2024" dates the first batch, not the 12,000 troops.
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where'])

/**
 * The date a figure refers to or the date it was stated, from the time expressions of its
 * sentence: one in the figure's own comma-separated segment first ("killed last month",
 * "since October 2023"), then one that opens the sentence ("In July, ..."), then the
 * nearest elsewhere in the sentence, which dates the statement ("..., officials said on
 * Tuesday"). A time inside a relative clause ("the first of which was sent in the fall of
 * 2024") never attaches.
 */
function findAsOf(c: Context, a: number, s: Sentence): string | null {
  const seg = segments(c, s)
  const own = seg[a - s.tokenStart]
  const isRelative = new Set<number>()
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    const k = seg[t - s.tokenStart]
    const segStart = t === s.tokenStart || seg[t - 1 - s.tokenStart] !== k
    if (!segStart || k === own) continue
    for (let u = t; u < s.tokenEnd && u < t + 5 && seg[u - s.tokenStart] === k; u++) {
      if (RELATIVES.has(c.tokens.lemma[u])) isRelative.add(k)
    }
  }
  // A segment with a figure of its own dates that figure ("..., and Pyongyang could send
  // 25,000 more next year"), not this one.
  // A list item with no verb ("..., three tanks and 17 artillery pieces on Sunday") shares
  // the date of its list.
  const hasVerb = new Set<number>()
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    if (c.tokens.pos[t] === VERB || c.tokens.pos[t] === AUX) hasVerb.add(seg[t - s.tokenStart])
  }
  const hasFigure = new Set<number>()
  for (const q of c.quantities) {
    if (q.start < s.start || q.end > s.end || !hasVerb.has(own)) continue
    const k = seg[tokenRange(c, q, s)[0] - s.tokenStart]
    if (k !== own && hasVerb.has(k)) hasFigure.add(k)
  }
  let best: { value: string; rank: number; distance: number } | null = null
  for (const x of c.times) {
    if (x.start < s.start || x.end > s.end) continue
    const [xa] = tokenRange(c, x, s)
    const k = seg[xa - s.tokenStart]
    if (isRelative.has(k) || (k !== own && hasFigure.has(k))) continue
    let isInitial = k === 0
    for (let t = s.tokenStart; t < xa && isInitial; t++) isInitial = LEADING_POS.has(c.tokens.pos[t])
    const rank = k === own ? 0 : isInitial ? 1 : 2
    const distance = Math.abs(x.start - c.tokens.start[a])
    if (best === null || rank < best.rank || (rank === best.rank && distance < best.distance)) best = { value: x.value, rank, distance }
  }
  return best?.value ?? null
}

function hull(fragments: readonly CharSpan[]): CharSpan | null {
  if (fragments.length === 0) return null
  return { start: Math.min(...fragments.map((f) => f.start)), end: Math.max(...fragments.map((f) => f.end)) }
}

/** The named entity a source span stands for: its head, or its only named part. */
function sourceEntityOf(c: Context, span: CharSpan | null): string | null {
  if (span === null) return null
  const inside = entitiesIn(c, span).filter((e) => e.canonical !== null)
  const head = inside.find((e) => e.end === span.end)
  if (head !== undefined) return head.canonical
  const bodies = inside.filter((e) => e.type === 'ORG' || e.type === 'MEDIA' || e.type === 'PERSON')
  if (bodies.length === 1) return bodies[0].canonical
  const places = new Set(inside.filter((e) => e.type === 'GPE' || e.type === 'NORP').map((e) => e.canonical))
  return places.size === 1 && bodies.length === 0 ? [...places][0] : null
}

/** Trim a token range to a span, dropping edge punctuation. */
function spanOf(c: Context, from: number, to: number): CharSpan | null {
  let a = from
  let b = to
  while (a < b && /^\p{P}+$/u.test(tokenText(c, a))) a++
  while (b > a && /^\p{P}+$/u.test(tokenText(c, b - 1))) b--
  return a < b ? { start: c.tokens.start[a], end: c.tokens.end[b - 1] } : null
}

const NP_POS = new Set([DET, ADJ, NOUN, PROPN, CCONJ, NUM, PART])

/**
 * The simple fallback when no attribution holds the figure: "according to X" in the
 * sentence, ", X said." at its end, or "X said (that)" at its start.
 */
function fallbackSource(c: Context, s: Sentence, a: number): Source | null {
  const { pos, lemma } = c.tokens
  let best: { source: CharSpan; cue: CharSpan; distance: number } | null = null
  for (let t = s.tokenStart; t + 1 < s.tokenEnd; t++) {
    // "according to X", and "Per X," opening a sentence
    const cueEnd = lemma[t] === 'accord' && lemma[t + 1] === 'to' ? t + 2
      : lemma[t] === 'per' && t === s.tokenStart ? t + 1 : -1
    if (cueEnd < 0) continue
    let e = cueEnd
    while (e < s.tokenEnd && e - t < 12 && !CLAUSE_BREAKS.has(tokenText(c, e)) && tokenText(c, e) !== '.') e++
    const source = spanOf(c, cueEnd, e)
    if (source === null) continue
    const distance = Math.abs(t - a)
    if (best === null || distance < best.distance) {
      best = { source, cue: { start: c.tokens.start[t], end: c.tokens.end[cueEnd - 1] }, distance }
    }
  }
  if (best === null) {
    // ", US officials said." at the end of the sentence
    let end = s.tokenEnd
    while (end > s.tokenStart && /^\p{P}+$/u.test(tokenText(c, end - 1))) end--
    let verb = end - 1
    while (verb > a && (overlapsTime(c, verb) || pos[verb] === ADP)) verb--
    if (verb > a && pos[verb] === VERB && SPEECH_VERBS.has(lemma[verb])) {
      let from = verb
      while (from - 1 > a && NP_POS.has(pos[from - 1])) from--
      const isAfterComma = tokenText(c, from - 1) === ','
      const source = spanOf(c, from, verb)
      if (isAfterComma && source !== null) {
        best = { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] }, distance: 0 }
      }
    }
  }
  if (best === null) {
    // "Officials said (that) ..." at the start of the sentence
    // (wink tags a speech verb after a plural subject as a noun at times: "Officials estimate")
    const isCue = (t: number) => SPEECH_VERBS.has(lemma[t]) && (pos[t] === VERB ||
      (pos[t] === NOUN && t + 1 < a && pos[t + 1] !== ADP && pos[t + 1] !== POS('PUNCT')))
    let verb = s.tokenStart
    while (verb < a && NP_POS.has(pos[verb]) && !(verb > s.tokenStart && isCue(verb))) verb++
    while (verb < a && pos[verb] === AUX) verb++
    if (verb > s.tokenStart && verb < a && isCue(verb)) {
      // "But a Homeland Security Department official said": the conjunction is not the source
      let first = s.tokenStart
      while (first < verb && (pos[first] === CCONJ || pos[first] === ADV || /^\p{P}+$/u.test(tokenText(c, first)))) first++
      const source = spanOf(c, first, verb)
      if (source !== null && /\p{L}/u.test(c.text.slice(source.start, source.end))) {
        best = { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] }, distance: 0 }
      }
    }
  }
  if (best === null) return null
  return { attribution: null, source: best.source, cue: best.cue, sourceEntity: sourceEntityOf(c, best.source) }
}

function findSource(c: Context, q: Quantity, s: Sentence, a: number): Source {
  let best = -1
  let bestSize = Infinity
  c.attributions.forEach((att, i) => {
    if (!att.content.some((f) => contains(f, q))) return
    const size = att.content.reduce((n, f) => n + f.end - f.start, 0)
    if (size < bestSize) { best = i; bestSize = size }
  })
  if (best >= 0) {
    const att = c.attributions[best]
    const source = hull(att.source)
    // Our reading of the source span wins; the attribution stage's resolved name is kept when
    // it names a known entity (a pronoun resolved to "Kim Jong Un"), not when it only
    // repeats the source's words ("Western officials").
    const known = att.sourceEntity !== null && c.entities.some((e) => e.canonical === att.sourceEntity)
    return {
      attribution: best, source, cue: hull(att.cue),
      sourceEntity: sourceEntityOf(c, source) ?? (known ? att.sourceEntity : null),
    }
  }
  return fallbackSource(c, s, a) ?? { attribution: null, source: null, cue: null, sourceEntity: null }
}

function amountKey(q: Quantity): string {
  return q.amount.kind === 'point' ? `=${q.amount.value}` : `${q.amount.low}..${q.amount.high}`
}

function isSmall(q: Quantity): boolean {
  return !q.isVague && (q.amount.kind === 'point' ? q.amount.value : q.amount.high) < MIN_OTHER_COUNT
}

/** Whether a quantity is part of who speaks ("two officials said"), not what is said. */
function isInSourceOrCue(c: Context, q: Quantity): boolean {
  return c.attributions.some((att) => [...att.source, ...att.cue].some((f) => f.start < q.end && q.start < f.end))
}

// "Of that initial deployment, ...", "Among those troops, ...", "4,000 of them".
const BACK_DETERMINERS = new Set(['that', 'those', 'these', 'this', 'the', 'them'])

/** Whether the figure points back to something named before: a part of it ("of that ..."). */
function refersBack(c: Context, s: Sentence, a: number, b: number): boolean {
  const { lemma } = c.tokens
  for (let t = s.tokenStart; t + 1 < a; t++) {
    if ((lemma[t] === 'of' || lemma[t] === 'among') && BACK_DETERMINERS.has(lemma[t + 1])) return true
  }
  return b + 1 < s.tokenEnd && lemma[b] === 'of' && BACK_DETERMINERS.has(lemma[b + 1])
}

/**
 * Bind each quantity that states a figure about something counted to what it counts, whose
 * it is, when, and who says it. See docs/figures.md for the rules.
 */
export function findClaims(doc: Doc): Claim[] {
  const c: Context = {
    text: doc.text, tokens: doc.get('tokens'), sentences: doc.get('sentences'),
    entities: doc.get('entities'), times: doc.get('times'), attributions: doc.get('attributions'),
    quantities: doc.get('quantities'), published: doc.meta.published,
  }
  const quantities = doc.get('quantities')
  const claims: Claim[] = []
  let previous: { claim: Claim; sentence: number; counted: Counted } | null = null
  for (let qi = 0; qi < quantities.length; qi++) {
    const q = quantities[qi]
    if (c.sentences.length === 0 || c.tokens.count === 0) break
    if (/\d(st|nd|rd|th)\b/i.test(doc.slice(q))) continue
    // "240mm", "T-90M": digits glued to letters are calibres and model numbers.
    if (/\d$/.test(doc.slice(q)) && /^\p{L}/u.test(doc.text.slice(q.end, q.end + 1))) continue
    // "a 40-year career", "a 30-minute interview": a number inside a compound adjective
    if (/^[-‐–]\p{L}/u.test(doc.text.slice(q.end, q.end + 2))) continue
    // "the 9·19 military agreement", "14.02.2025": digits glued to digits by a dot or a colon
    // are dates and codes
    if (/\d[·.:/]$/u.test(doc.text.slice(Math.max(0, q.start - 2), q.start)) || /^[·.:/]\d/u.test(doc.text.slice(q.end, q.end + 2))) continue
    if (c.times.some((x) => x.start < q.end && q.start < x.end)) continue
    if (isInSourceOrCue(c, q)) continue
    const si = sentenceIndex(c, q.start)
    const s = c.sentences[si]
    const [a, b] = tokenRange(c, q, s)
    // "one of the most militarized societies"
    if (q.amount.kind === 'point' && q.amount.value === 1 && c.tokens.lemma[b] === 'of') continue
    const prior = previous !== null && previous.sentence === si ? previous.counted : null
    const counted = findCounted(c, q, a, b, s, prior)
    if (counted === null) continue
    if (counted.category === 'other' && q.kind === 'count' && isSmall(q)) continue
    let subject = findSubject(c, counted, a, s, si)
    // A figure that shares the counted thing of the one before shares its owner too.
    if (subject === null && prior !== null && counted.start === prior.start && previous !== null) subject = previous.claim.subject
    // "Of that initial deployment, about 4,000 soldiers ...": the figure continues the
    // previous sentence's when it names no country of its own.
    if (subject === null && previous !== null && previous.sentence === si - 1 && previous.claim.subject !== null &&
      refersBack(c, s, a, b) &&
      PEOPLE_CATEGORIES.has(counted.category) && PEOPLE_CATEGORIES.has(previous.claim.counted.category) &&
      !c.entities.some((e) => e.start >= s.start && e.end <= c.tokens.start[a] && countryOf(e) !== null)) {
      subject = previous.claim.subject
    }
    const asOf = findAsOf(c, a, s)
    const source = findSource(c, q, s, a)
    const isPlanned = isFuture(c, q, a, counted, s) || (asOf !== null && c.published !== null && asOf.slice(0, 7) > c.published.slice(0, 7))
    const claim: Claim = {
      quantity: qi, attribution: source.attribution,
      counted: { start: counted.start, end: counted.end, category: counted.category },
      subject, isPlanned, source: source.source, sourceEntity: source.sourceEntity, cue: source.cue, asOf,
    }
    previous = { claim, sentence: si, counted }
    claims.push(claim)
  }
  return dedupe(claims, quantities)
}

/**
 * One claim per figure: the same amount, category and subject (a missing subject matches
 * any) repeated in an article is one claim; the attributed mention wins over an unattributed
 * one, otherwise the first.
 */
function dedupe(claims: readonly Claim[], quantities: readonly Quantity[]): Claim[] {
  const kept: Claim[] = []
  for (const claim of claims) {
    const key = amountKey(quantities[claim.quantity])
    // "At least 1,500 soldiers arrived, with another 1,500 expected": a planned figure or one
    // with another bound is another figure
    const i = kept.findIndex((k) => amountKey(quantities[k.quantity]) === key &&
      k.counted.category === claim.counted.category && k.isPlanned === claim.isPlanned &&
      quantities[k.quantity].bound === quantities[claim.quantity].bound &&
      (k.subject === null || claim.subject === null || k.subject === claim.subject))
    if (i < 0) { kept.push(claim); continue }
    const k = kept[i]
    const subject = k.subject ?? claim.subject
    kept[i] = k.source === null && claim.source !== null ? { ...claim, subject } : { ...k, subject }
  }
  return kept.sort((x, y) => x.quantity - y.quantity)
}

/** The stage that assigns `claims`. */
export function claimsStage(): Stage {
  return defineStage({
    name: 'claims',
    requires: ['tokens', 'sentences', 'entities', 'quantities', 'times', 'attributions'],
    assigns: ['claims'],
    run: (doc) => doc.withLayer('claims', findClaims(doc)),
  })
}
