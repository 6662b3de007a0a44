/** When a figure holds, and whether it is planned (docs/figures.md, "asOf" and "planned"). */
import type { Quantity, Sentence, TimeExpression } from '../../model/types.ts'
import {
  POS, VERB, AUX, ADV, ADP, ADJ, NOUN, NUM, PROPN, DET, PRON, CCONJ, CLAUSE_BREAKS, type Context, type Counted, tokenText, tokenRange,
  segments, within, tokenEndingAfter, REACH, sentenceDateline,
} from './context.ts'
import { INTENT_VERBS, MODALS, SPEECH_VERBS } from './lexicon.ts'
import { isFundedAfter } from './counted.ts'
import { headlineEnd } from '../tokens/line-breaks.ts'
import { MONTH_CUTS, PERIOD_COUNT_WORDS, WEEKDAY_NAMES } from '../tokens/calendar.ts'
import { hasFutureModal, isProjectionAt, SCHEDULE_WORDS } from '../tokens/tense.ts'
import { Q_IN } from '../tokens/quotations.ts'

// The head of a figure about what is to come: "its growth forecast", "the bank's projections".
const FORECAST_HEAD = /\b(?:forecast|projection)s?$/i

/** Whether token t, before the figure at token `a` in sentence `s`, says what is to come. */
function isFutureWord(c: Context, t: number, a: number, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  // "the plan" is no plan to do anything: intention words count as verbs only
  return MODALS.has(lemma[t]) ||
    (INTENT_VERBS.has(lemma[t]) && (pos[t] === VERB || pos[t] === AUX)) || (lemma[t] === 'go' && lemma[t + 1] === 'to') ||
    isIntentReadAsNoun(c, t, s) || isForecastersSee(c, t, s) ||
    // "has asked Brussels for a further 500 million euros" (not "asked 1,000 voters")
    (lemma[t] === 'ask' && pos[t] === VERB && [t + 1, t + 2, t + 3].some((k) => k < a && lemma[k] === 'for')) ||
    // "The complex is to produce 500 thousand tons": "be to" and a verb
    (lemma[t] === 'to' && t - 1 >= s.tokenStart && lemma[t - 1] === 'be' && pos[t - 1] === AUX && pos[t + 1] === VERB) ||
    // a headline's "Steelmaker Arvon to cut 2,500 jobs": "to" and a verb after its subject is what is to come
    (lemma[t] === 'to' && t - 1 >= s.tokenStart && (pos[t - 1] === NOUN || pos[t - 1] === PROPN) && pos[t + 1] === VERB &&
      c.tokens.start[t] < headlineEnd(c.text)) ||
    // a headline's "Donors pledge $2.1 billion": a verb of intent right before the figure, after
    // its subject, which the tagger may read as a noun of a compound
    (INTENT_VERBS.has(lemma[t]) && t === a - 1 && t - 1 >= s.tokenStart && (pos[t - 1] === NOUN || pos[t - 1] === PROPN) &&
      c.tokens.start[t] < headlineEnd(c.text))
}

// Nouns of a figure aimed for: "the government's target of 4.5 percent".
const TARGET_NOUNS = new Set(['target', 'goal', 'aim'])

/**
 * "Clinton was also the target of $768,000 in direct mail attacks": a target that someone is (the
 * noun phrase right after "be" or "become") is who a deed aims at, and the figure measures the
 * deed, done ("its target of 2 percent", "set a target of 1 million" stay aims). The noun at
 * token `noun`.
 */
function isTargetOfDeed(c: Context, noun: number, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  let k = noun - 1
  // ("was also the target of": past adverbs)
  while (k >= s.tokenStart && (pos[k] === DET || pos[k] === ADJ || pos[k] === ADV)) k--
  return k >= s.tokenStart && (lemma[k] === 'be' || lemma[k] === 'become')
}

// Those whose trade is forecasting: "Economists polled by Reuters see a deficit of 5.2 percent".
const FORECASTERS = /^(?:economist|analyst|forecaster|strategist|trader|investor|market)s?$/i

/**
 * "Economists polled by Reuters see a budget deficit of 5.2 percent of GDP this year": "see" is a
 * verb of forecast when forecasters are its subject, right before it or before a participle's
 * phrase ("polled by Reuters", "surveyed by the bank"); what they see is to come. ("Doctors see
 * 300 patients a day" is no forecast; wink may tag "Economists" as a name, so the word is read.)
 */
function isForecastersSee(c: Context, t: number, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  if (lemma[t] !== 'see' || pos[t] !== VERB) return false
  for (let k = t - 1; k >= s.tokenStart && k >= t - 6; k--) {
    // (the forecasters head the subject, in no phrase of a preposition: "Residents near the
    // market see" is no forecast)
    if (FORECASTERS.test(tokenText(c, k)) && (k === t - 1 || (pos[k + 1] === VERB && /ed$/i.test(tokenText(c, k + 1))))) {
      let before = k - 1
      while (before >= s.tokenStart && (pos[before] === DET || pos[before] === ADJ)) before--
      return before < s.tokenStart || pos[before] !== ADP
    }
    if (!(pos[k] === NOUN || pos[k] === PROPN || pos[k] === ADP || pos[k] === DET || (pos[k] === VERB && /ed$/i.test(tokenText(c, k))))) return false
  }
  return false
}

// Owners before a noun: "its plans to send" is a noun's plan, no verb of intent.
const POSSESSIVE_PRONOUNS = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their'])

/**
 * "The ministry will buy 400,000 doses and plans to send teams to 120 villages": a present "-s"
 * form of a verb of intent that wink reads as a plural noun, with "to" and a verb after it, and
 * no determiner, adjective or owner before it ("the plans to send", "its plans to send" are nouns).
 */
function isIntentReadAsNoun(c: Context, t: number, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  if (!INTENT_VERBS.has(lemma[t]) || pos[t] !== NOUN || !/s$/i.test(tokenText(c, t)) || t + 2 >= s.tokenEnd) return false
  if (lemma[t + 1] !== 'to' || pos[t + 2] !== VERB) return false
  return t > s.tokenStart && pos[t - 1] !== DET && pos[t - 1] !== ADJ && !POSSESSIVE_PRONOUNS.has(lemma[t - 1]) && !/^['’]s?$/.test(tokenText(c, t - 1))
}

/** Whether the headline clause before the comma at token `comma` holds a subject's "to" and a verb ("Firm X to invest"). */
function isHeadlineToVerbBefore(c: Context, s: Sentence, comma: number): boolean {
  if (c.tokens.start[comma] >= headlineEnd(c.text)) return false
  for (let t = comma - 1; t > s.tokenStart; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) return false
    if (c.tokens.lemma[t] === 'to' && (c.tokens.pos[t - 1] === NOUN || c.tokens.pos[t - 1] === PROPN) && c.tokens.pos[t + 1] === VERB) return true
  }
  return false
}

/** Whether a figure is about the future (docs/figures.md, "planned"). */
export function isFuture(c: Context, q: Quantity, a: number, counted: Counted, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  // "seeks $4.2 billion and is only 23 percent funded": how much is funded is the state now
  if (q.kind === 'percent' && isFundedAfter(c, tokenRange(c, q, s)[1], s)) return false
  // "UNHCR's appeal for this year, US$ 31 million, is ...": money set off as the appeal's amount is asked for
  if (q.kind === 'money' && isAppealApposition(c, a, s)) return true
  if (isPastReckoning(c, a, s)) return false
  for (let t = a - 1; t >= s.tokenStart && t >= a - 8; t--) {
    // 'would give "between $200 million and $300 million"': a quotation that opens right at the
    // figure continues the clause before it
    if (t === a - 1 && (tokenText(c, t) === '"' || tokenText(c, t) === '“') && t - 1 >= s.tokenStart && pos[t - 1] === VERB) continue
    if (CLAUSE_BREAKS.has(tokenText(c, t))) {
      // a headline's "Firm X to invest 2.4 billion euros, create 1,200 jobs": a bare verb after
      // the comma goes on with the "to" and verb before it
      if (tokenText(c, t) === ',' && isHeadlineToVerbBefore(c, s, t) && pos[t + 1] === VERB && tokenText(c, t + 1) === lemma[t + 1]) return true
      break
    }
    if (isFutureWord(c, t, a, s)) return true
  }
  // "cut its growth forecast to 0.8 percent (from 1.3 percent)": a forecast is about what is to
  // come (the head of what is counted, also for the figure it is compared with, whose noun is
  // left out)
  if (FORECAST_HEAD.test(c.text.slice(counted.start, counted.end))) return true
  // in the predicate only a modal: "soldiers will be deployed", not "people have sought refuge"
  for (let t = counted.npEnd; t < counted.after; t++) if (MODALS.has(lemma[t])) return true
  if (isBeToInPredicate(c, counted, s)) return true
  // "above the government's target of 4.5 percent", "a goal of 1 million doses": the figure a
  // target names is aimed for, still to come ("93 percent of the annual target" is a share of
  // one, done)
  if (a - 2 >= s.tokenStart && lemma[a - 1] === 'of' && TARGET_NOUNS.has(lemma[a - 2]) && pos[a - 2] === NOUN && !isTargetOfDeed(c, a - 2, s)) return true
  // "an appeal for $48 million", "appealed for $12 million": money asked for is still to come
  if (q.kind === 'money' && a - 2 >= s.tokenStart && lemma[a - 1] === 'for' && lemma[a - 2] === 'appeal') return true
  // "About C$1.5 billion of that will go to ...": past a part's "of that"
  const b = tokenRange(c, q, s)[1]
  // "2.5 billion euros will come as grants": a modal right after the figure
  // ("400,000 more would arrive")
  if (b < s.tokenEnd && (MODALS.has(lemma[b]) || (lemma[b] === 'more' && b + 1 < s.tokenEnd && MODALS.has(lemma[b + 1])))) return true
  if (b + 2 < s.tokenEnd && lemma[b] === 'of' && (pos[b + 1] === PRON || pos[b + 1] === DET) && MODALS.has(lemma[b + 2])) return true
  // "another 1,500 expected soon", "10,000 troops due to arrive"
  let next = Math.max(counted.npEnd, counted.after)
  // ("40,000 doses of vaccine were expected": past an "of" phrase the noun phrase left out)
  if (next + 1 < s.tokenEnd && lemma[next] === 'of' && (pos[next + 1] === NOUN || pos[next + 1] === PROPN)) {
    next++
    while (next < s.tokenEnd && (pos[next] === NOUN || pos[next] === PROPN || pos[next] === ADJ)) next++
  }
  // "3,000 troops are expected to arrive"
  while (next < s.tokenEnd && c.tokens.pos[next] === AUX) next++
  if (next < s.tokenEnd && (SCHEDULE_WORDS.has(lemma[next]) || SCHEDULE_WORDS.has(tokenText(c, next).toLowerCase()))) return true
  if (isInScheduledSubject(c, a, tokenRange(c, q, s)[1], s)) return true
  if (isProjectedPredicate(c, counted.npEnd, s) || isProjectedPredicate(c, tokenRange(c, q, s)[1], s)) return true
  // the rest of the figure's own clause: "..., and Pyongyang could send 25-30 thousand more
  // next year" does not make the figure before the comma planned
  let end = counted.after
  // ("a budget of 17.6 trillion rupees ($62.5 billion) for the next fiscal year": past an amount in brackets)
  const pastBrackets = (t: number): number => {
    if (tokenText(c, t) !== '(') return t
    let k = t + 1
    while (k < s.tokenEnd && k < t + 8 && tokenText(c, k) !== ')') k++
    return k < s.tokenEnd && tokenText(c, k) === ')' ? k + 1 : t
  }
  end = pastBrackets(end)
  while (end < s.tokenEnd && !CLAUSE_BREAKS.has(tokenText(c, end)) && !opensClause(c, end, s)) end = pastBrackets(end + 1)
  const rest = c.text.slice(q.end, end < s.tokenEnd ? c.tokens.start[end] : s.end)
  return AHEAD_PERIOD.test(rest)
}

// Verbs of a sum worked out from the clause before: "which would leave 90 missing", "which would mean 40 dead"
const RECKONING_VERBS = new Set(['leave', 'mean', 'put', 'make'])
// Nouns of a plan: "a deal, which would mean 5,000 jobs", "the bill, which would leave ..."
const PLAN_NOUNS = new Set(['plan', 'deal', 'proposal', 'bill', 'measure', 'budget', 'law', 'agreement', 'scheme', 'package', 'reform', 'project', 'policy', 'cut', 'cuts', 'offer', 'programme', 'program', 'treaty', 'accord'])
const PAST_AUX = new Set(['had', 'was', 'were', 'did'])

/**
 * "About 175 people had boarded the boat, which would leave as many as 90 people missing": a
 * figure right after ", which would leave" (or "mean", "put", "make") is a sum worked out
 * from a past clause before the comma, not a plan: that clause has a past verb ("had
 * boarded", "carried") and no modal, and the comma does not follow a noun of a plan ("a deal,
 * which would mean 5,000 jobs" stays planned).
 */
function isPastReckoning(c: Context, a: number, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  const v = a - 1
  if (v - 3 < s.tokenStart || !RECKONING_VERBS.has(lemma[v]) || lemma[v - 1] !== 'would' || lemma[v - 2] !== 'which' || tokenText(c, v - 3) !== ',') return false
  const comma = v - 3
  if (PLAN_NOUNS.has(lemma[comma - 1]) || PLAN_NOUNS.has(tokenText(c, comma - 1).toLowerCase())) return false
  let isPast = false
  for (let t = comma - 1; t >= s.tokenStart && !CLAUSE_BREAKS.has(tokenText(c, t)); t--) {
    const w = tokenText(c, t).toLowerCase()
    if (MODALS.has(lemma[t]) || MODALS.has(w) || INTENT_VERBS.has(lemma[t])) return false
    if ((pos[t] === VERB || pos[t] === AUX) && (PAST_AUX.has(w) || /ed$/.test(w))) isPast = true
  }
  return isPast
}

/**
 * "A vaccination campaign targeting 1.1 million people in two states is scheduled to begin on
 * 20 February", "A drive to vaccinate 640,000 children against measles is due to start in May":
 * a figure inside the subject of a clause (before its first finite verb: only a participle in
 * "-ing" or an infinitive before it, from the clause's start) whose verb is "be" and a word of
 * schedule ("scheduled", "due", "expected", "planned") is planned. The figure at tokens [a, b).
 */
function isInScheduledSubject(c: Context, a: number, b: number, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  for (let t = a - 1; t >= s.tokenStart && !CLAUSE_BREAKS.has(tokenText(c, t)); t--) {
    if (pos[t] === AUX || MODALS.has(lemma[t])) return false
    if (pos[t] === VERB && !/ing$/i.test(tokenText(c, t)) && !(t - 1 >= s.tokenStart && lemma[t - 1] === 'to')) return false
    // ("that", "which", "who": a relative clause before the figure has a finite verb of its own)
    if (lemma[t] === 'that' || lemma[t] === 'which' || lemma[t] === 'who') return false
  }
  for (let t = b; t < s.tokenEnd && t < b + 12 && !CLAUSE_BREAKS.has(tokenText(c, t)); t++) {
    if (pos[t] === VERB) return false
    if (pos[t] !== AUX) continue
    if (lemma[t] !== 'be' || t + 1 >= s.tokenEnd) return false
    return SCHEDULE_WORDS.has(lemma[t + 1]) || SCHEDULE_WORDS.has(tokenText(c, t + 1).toLowerCase())
  }
  return false
}

/** Whether money at token `a` stands after a comma in apposition to a noun phrase whose head is "appeal" (no verb between). */
function isAppealApposition(c: Context, a: number, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  if (a - 2 < s.tokenStart || tokenText(c, a - 1) !== ',') return false
  for (let t = a - 2; t >= s.tokenStart && t >= a - 10; t--) {
    if (pos[t] === VERB || pos[t] === AUX || CLAUSE_BREAKS.has(tokenText(c, t))) return false
    if (lemma[t] === 'appeal' && pos[t] === NOUN) return true
  }
  return false
}

// "in the coming days", "later this year", "next month", "for the next fiscal year"; ("to support the response over the
// next three months": a count of them, after "over" too)
const AHEAD_PERIOD = new RegExp(`\\b((in|over|during|within) the (coming|next) ((\\d{1,2}|${PERIOD_COUNT_WORDS.join('|')}) )?(days|weeks|months|years)|later this (week|month|year)|next ((fiscal|financial|budget) )?(week|month|year))\\b`, 'i')

/**
 * Whether token `t` is a conjunction that opens a clause of its own: "and that the state would
 * build", "and they will", "and the state would" (a subject and an auxiliary), not "and 300 tanks".
 */
function opensClause(c: Context, t: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  if (pos[t] !== CCONJ || t + 1 >= s.tokenEnd) return false
  if (lemma[t + 1] === 'that' || (pos[t + 1] === PRON && lemma[t + 1] !== 'it')) return true
  if (pos[t + 1] !== DET) return false
  let k = t + 2
  while (k < s.tokenEnd && k < t + 6 && (pos[k] === NOUN || pos[k] === PROPN)) k++
  // (an auxiliary, not a verb: "since his campaign and the RNC struck a deal in May" coordinates the subject)
  return k > t + 2 && k < s.tokenEnd && pos[k] === AUX
}

/**
 * Whether the figure's clause is in the future tense: "will" or "shall" before the number in
 * its clause or in its predicate ("5,000 troops will be deployed"). Narrower than `isFuture`:
 * "In April, Trump called Ford's plans to open a $1.6 billion plant" is a plan told in the past.
 */
export function isFutureTense(c: Context, a: number, counted: Counted, s: Sentence): boolean {
  // the clause before the figure: at most eight tokens, back to a clause break
  let from = a
  while (from > s.tokenStart && from > a - 8 && !CLAUSE_BREAKS.has(tokenText(c, from - 1))) from--
  return hasFutureModal(c.tokens, from, a) || hasFutureModal(c.tokens, counted.npEnd, counted.after) || isBeToInPredicate(c, counted, s) ||
    isProjectedPredicate(c, counted.npEnd, s)
}

/**
 * "An estimated 410,000 people in the south are projected to face famine", "About 52,000 are
 * likely to need treatment": from token `t` (right after the figure's noun phrase), past a
 * phrase of place or age ("in the south", "under the age of five") and the auxiliaries, a word
 * of projection and "to".
 */
function isProjectedPredicate(c: Context, t: number, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  let k = t
  // (past a phrase of place or age: "in the south", "under the age of five")
  if (k + 1 < s.tokenEnd && pos[k] === ADP) {
    let m = k + 1
    while (m < s.tokenEnd && m < k + 8 && (pos[m] === DET || pos[m] === ADJ || pos[m] === NOUN || pos[m] === PROPN || pos[m] === NUM || pos[m] === ADP ||
      (pos[m] === ADV && pos[m - 1] === DET))) m++
    if (m > k + 1 && m < s.tokenEnd && pos[m] === AUX) k = m
  }
  if (k >= s.tokenEnd || pos[k] !== AUX) return false
  while (k < s.tokenEnd && (pos[k] === AUX || pos[k] === ADV) && !isProjectionAt(c.text, c.tokens, k)) k++
  return k + 1 < s.tokenEnd && isProjectionAt(c.text, c.tokens, k)
}

/** "2,000 soldiers are to be sent", "500 engineers are to arrive": "be to" and a verb, active or passive, in the predicate. */
function isBeToInPredicate(c: Context, counted: Counted, s: Sentence): boolean {
  const { lemma, pos } = c.tokens
  for (let t = counted.npEnd; t + 2 < s.tokenEnd && t < counted.after; t++) {
    // ("are to be" at the sentence's end: the token after it is the next sentence's)
    const isPassive = lemma[t + 2] === 'be' && t + 3 < s.tokenEnd && pos[t + 3] === VERB
    if (lemma[t] === 'be' && pos[t] === AUX && lemma[t + 1] === 'to' && (pos[t + 2] === VERB || isPassive)) return true
  }
  return false
}

const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'midnight', 'noon'])

// What may stand before a sentence-initial time: "As of", "By", "In".
const LEADING_POS = new Set([ADP, ADV, POS('SCONJ')])

// Words that open a clause about something else than the figure: "the first of which was
// sent in the fall of 2024" dates the first batch, not the 12,000 troops.
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where', 'when'])

/** What `findAsOf` reads of a sentence's comma-separated segments, computed once per sentence. */
interface SentenceSegments {
  readonly seg: Int32Array
  /** Per segment: a relative word within its first five tokens ("the first of which ..."). */
  readonly relative: Uint8Array
  readonly hasVerb: Uint8Array
  readonly hasFigure: Uint8Array
  /** Per segment: it opens with an "-ing" participle ("making it ..."). */
  readonly participle: Uint8Array
  /** Per segment: a speech verb or an attribution's cue in it. */
  readonly says: Uint8Array
  /** Per segment: it opens a comparison with an earlier figure ("up from 51,000 four years ago"). */
  readonly comparison: Uint8Array
  /** The first token of the sentence that may not stand before a sentence-initial time. */
  readonly leadEnd: number
}

const segmentCache = new WeakMap<Context, Map<number, SentenceSegments>>()

function sentenceSegments(c: Context, s: Sentence): SentenceSegments {
  let perDoc = segmentCache.get(c)
  if (perDoc === undefined) { perDoc = new Map(); segmentCache.set(c, perDoc) }
  const cached = perDoc.get(s.tokenStart)
  if (cached !== undefined) return cached
  const seg = segments(c, s)
  const n = (seg.length > 0 ? seg[seg.length - 1] : 0) + 1
  const relative = new Uint8Array(n)
  const hasVerb = new Uint8Array(n)
  const hasFigure = new Uint8Array(n)
  const participle = new Uint8Array(n)
  const says = new Uint8Array(n)
  const comparison = new Uint8Array(n)
  const cues = cueTokens(c)
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    const k = seg[t - s.tokenStart]
    const pos = c.tokens.pos[t]
    if (pos === VERB || pos === AUX) hasVerb[k] = 1
    if (SPEECH_VERBS.has(c.tokens.lemma[t]) || cues[t] === 1) says[k] = 1
    if (t !== s.tokenStart && seg[t - 1 - s.tokenStart] === k) continue
    // the segment's first tokens
    for (let u = t; u < s.tokenEnd && u < t + 5 && seg[u - s.tokenStart] === k; u++) {
      if (RELATIVES.has(c.tokens.lemma[u])) relative[k] = 1
    }
    let u = t
    while (u < s.tokenEnd && tokenText(c, u) === ',') u++
    if (u + 1 < s.tokenEnd && seg[u + 1 - s.tokenStart] === k && COMPARISON_OPENERS.has(`${c.tokens.lemma[u]} ${c.tokens.lemma[u + 1]}`)) comparison[k] = 1
    while (u < s.tokenEnd && (tokenText(c, u) === ',' || c.tokens.pos[u] === ADV)) u++
    if (u < s.tokenEnd && seg[u - s.tokenStart] === k && c.tokens.pos[u] === VERB && /ing$/i.test(tokenText(c, u))) participle[k] = 1
  }
  for (const q of within(c.quantities, s)) {
    if (q.start < s.start || q.end > s.end) continue
    hasFigure[seg[tokenRange(c, q, s)[0] - s.tokenStart]] = 1
  }
  let leadEnd = s.tokenStart
  while (leadEnd < s.tokenEnd && LEADING_POS.has(c.tokens.pos[leadEnd])) leadEnd++
  const out = { seg, relative, hasVerb, hasFigure, participle, says, comparison, leadEnd }
  perDoc.set(s.tokenStart, out)
  return out
}

// Words that open a comparison with an earlier figure: "up from 51,000 four years ago".
const COMPARISON_OPENERS = new Set(['up from', 'down from', 'compare with', 'compare to', 'compared with', 'compared to'])

/**
 * Whether the time at token `xa`, after the figure at `a` in its segment, follows "than"
 * ("40 per cent fewer than in the record year of 2024"): it dates what the figure is
 * compared with, not the figure.
 */
function isComparedTime(c: Context, s: Sentence, seg: Int32Array, a: number, xa: number): boolean {
  // right before the time or before a preposition ("than last year", "than in the record
  // year of 2024"), not before a noun phrase ("fewer votes than Al Gore in 2000": the time dates both)
  const { lemma } = c.tokens
  // "1.3 times more than same period of last year", "up 20 percent over the same period of
  // last year": the same period of another year is what is compared with
  if (xa - 3 > a && lemma[xa - 1] === 'of' && /^(period|time|month|quarter|week)$/.test(lemma[xa - 2]) && lemma[xa - 3] === 'same' &&
    seg[xa - 3 - s.tokenStart] === seg[a - s.tokenStart]) return true
  for (let t = xa - 1; t > a && t >= xa - 6; t--) {
    if (seg[t - s.tokenStart] !== seg[a - s.tokenStart] || c.tokens.pos[t] === VERB || c.tokens.pos[t] === AUX) return false
    // ("than the last year", in translation)
    if (lemma[t] === 'than') return t + 1 === xa || c.tokens.pos[t + 1] === ADP || (t + 2 === xa && c.tokens.pos[t + 1] === DET)
  }
  return false
}

const cueCache = new WeakMap<Context, Uint8Array>()

/** 1 for the tokens of the document's attribution cues, computed once per document. */
function cueTokens(c: Context): Uint8Array {
  let mask = cueCache.get(c)
  if (mask !== undefined) return mask
  mask = new Uint8Array(c.tokens.count)
  for (const att of c.attributions) {
    for (const cue of att.cue) {
      for (let t = tokenEndingAfter(c, cue.start); t < c.tokens.count && c.tokens.start[t] < cue.end; t++) mask[t] = 1
    }
  }
  cueCache.set(c, mask)
  return mask
}

// "its first title since 1996", "the highest since 1998", "the deadliest storm since 2005"
const RECORD_WORD = /^(?:first|most|\p{L}{3,}iest|highest|lowest|largest|biggest|greatest|worst|best|smallest|strongest|longest|fewest)$/iu

// How many tokens before "since" a superlative may stand.
const RECORD_REACH = 14

/**
 * Whether the time at token `xa` is "since X" after a superlative or "first" within the
 * `RECORD_REACH` tokens before it, in its clause: it frames a record ("the highest since 1998", "the largest
 * for a Test in the city since 2010"), it does not date the figure. It does date a figure at token `a` in a
 * clause on the time itself ("the deadliest since 1985, when a storm killed 900": the earlier event's figure).
 */
function isRecordFrame(c: Context, s: Sentence, xa: number, xb: number, a: number): boolean {
  if (a > xb && xb + 1 < s.tokenEnd && tokenText(c, xb) === ',' && c.tokens.lemma[xb + 1] === 'when') return false
  // ("the lowest since he took office in May 2025": a time inside a clause after "since")
  let since = xa
  while (since > s.tokenStart && since > xa - 6 && c.tokens.lemma[since] !== 'since' && !CLAUSE_BREAKS.has(tokenText(c, since - 1))) since--
  if (c.tokens.lemma[since] !== 'since') return false
  // ("the largest the Commission has imposed on a single company in a cartel case since 2018":
  // a relative clause on the superlative runs longer)
  for (let t = since - 1; t >= s.tokenStart && t >= since - RECORD_REACH; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) return false
    if (RECORD_WORD.test(tokenText(c, t))) return true
  }
  return false
}

/**
 * The date a figure refers to or the date it was stated, from the time expressions of its
 * sentence: one in the figure's own comma-separated segment first ("killed last month",
 * "since October 2023"), then one that opens the sentence ("In July, ..."), then the
 * nearest elsewhere in the sentence, which dates the statement ("..., officials said on
 * Tuesday") or the main clause, but not a participle clause of its own ("making it the
 * deadliest storm since Katrina in 2005"). A time inside a relative clause ("the first of
 * which was sent in the fall of 2024") never attaches, nor a time that owns or modifies a
 * noun ("Monday's earthquake", "Hamas's Oct. 7 attack"), nor one of a comparison with an
 * earlier figure ("up from 51,000 four years ago", "fewer than in 2024"). Times are looked for within
 * REACH tokens of the figure and at the sentence's opening.
 */
export function findAsOf(c: Context, a: number, s: Sentence, isFutureTense = false): string | null {
  const info = sentenceSegments(c, s)
  const { seg } = info
  const own = seg[a - s.tokenStart]
  // A segment with a figure of its own dates that figure ("..., and Pyongyang could send
  // 25,000 more next year"), not this one; a list item with no verb ("..., three tanks and
  // 17 artillery pieces on Sunday") shares the date of its list.
  // ("Yesterday we received 58 wounded, and 11 of them died": a part of the figure before,
  // "N of them", shares its date)
  // (past the figure's own words, "up to 12", "1.2 million", not past a comma: "25 rebels, many of them")
  let part = a + 1
  while (part < s.tokenEnd && part < a + 4 && c.tokens.lemma[part] !== 'of' && !CLAUSE_BREAKS.has(tokenText(c, part))) part++
  const isPartOfPrior = part + 1 < s.tokenEnd && c.tokens.lemma[part] === 'of' && c.tokens.lemma[part + 1] === 'them'
  const ownHasVerb = info.hasVerb[own] === 1 && !isPartOfPrior
  const from = c.tokens.start[Math.max(s.tokenStart, a - REACH)]
  const to = c.tokens.end[Math.min(s.tokenEnd - 1, a + REACH)]
  const opening = from > s.start ? within(c.times, { start: s.start, end: c.tokens.end[Math.min(s.tokenEnd - 1, info.leadEnd + 4)] }) : []
  let best: { value: string; rank: number; distance: number; time: TimeExpression } | null = null
  // "LONDON, Jan 15 - Russia lost ... last year": the dateline dates the writing, not the figure
  const dash = sentenceDateline(c, s)
  const cues = cueTokens(c)
  for (const x of [...opening, ...within(c.times, { start: from, end: to })]) {
    if (x.start < s.start || x.end > s.end) continue
    const [xa, xb] = tokenRange(c, x, s)
    if (xa < dash || isRecordFrame(c, s, xa, xb, a)) continue
    // '"In total, 5,857 have now been freed," he wrote': a speaker's "now" inside a quotation is
    // when they spoke, which is no day the text gives
    if (/^now$/i.test(c.text.slice(x.start, x.end)) && c.quotations()[xa] === Q_IN) continue
    // ("won Sunday's runoff with 54.6 percent", "68.1 percent in the 2021 election": a time that
    // owns or modifies an election dates its results, as `isElection` reads them)
    // (near the figure only: "The top donors of the 2012 election, ..., directing $20 million" is not)
    // ("71.3 percent of the registered voters cast ballots in last week's presidential election":
    // farther after the figure in its own segment; not before it: "was leading Friday's
    // election with 44.1 percent after 61 percent of ballots had been counted")
    const isNear = Math.abs(xa - a) <= ELECTION_REACH || (seg[xa - s.tokenStart] === own && xa > a && xa - a <= 3 * ELECTION_REACH)
    if (xb < s.tokenEnd && /^['’]s$/.test(tokenText(c, xb)) && !(isNear && isElection(c, s, xb + 1))) continue
    if (xb < s.tokenEnd && xa > s.tokenStart && c.tokens.pos[xb] === NOUN && !PARTS_OF_DAY.has(c.tokens.lemma[xb]) &&
      (c.tokens.pos[xa - 1] === DET || /^['’]s?$/.test(tokenText(c, xa - 1))) && !isRelativeAbout(c, s, xb, a) && !(isNear && isElection(c, s, xb))) continue
    // ("would invest 2.4 billion euros ($2.7 billion) in two wind farms by 2030": the clause goes on
    // past an aside in brackets)
    const k = isPastAside(c, s, seg, own, xa) ? own : seg[xa - s.tokenStart]
    // ("struck ... on Tuesday, killing 27": a participle clause right after its main clause
    // tells of the same event, even when the main clause has a figure of its own)
    // (past other participle clauses of the same event: "..., killing 11 people, cutting power
    // to about 200,000 homes")
    const isParticipleOf = (info.participle[own] === 1 && k < own && isParticipleRun(info.participle, k + 1, own)) ||
      (k === own - 1 && isGappedParticiple(c, s, seg, own, a))
    if (k !== own && (info.relative[k] === 1 || (ownHasVerb && info.hasVerb[k] === 1 && info.hasFigure[k] === 1 && !isParticipleOf))) continue
    // "Some 94,000 ballots were declared invalid, up from 51,000 four years ago": a
    // comparison's time dates the earlier figure only
    if ((k !== own && info.comparison[k] === 1 && info.hasFigure[k] === 1) || (k === own && xa > a && isComparedTime(c, s, seg, a, xa))) continue
    // "built 2,400 homes and that the state would build 9,000 by next year": a clause of its own after the figure
    if (k === own && xa > a && clauseBetween(c, s, a, xa)) continue
    // "..., as rescue teams reached villages that had been cut off since the weekend": a time in
    // a relative clause of another segment dates what that clause tells
    if (k !== own && isInRelativeClause(c, s, seg, xa)) continue
    // "The United States, the largest donor last year, made no pledge, but ... would give $200
    // million": a time in an apposition (a segment with no verb that opens with a determiner
    // after a name or noun) dates what the apposition says of that noun
    if (k !== own && isApposition(c, s, seg, info.hasVerb, k)) continue
    const isInitial = k === 0 && xa <= info.leadEnd
    if (k !== own && !isInitial && info.participle[k] === 1 && info.says[k] === 0) continue
    const rank = k === own ? 0 : isInitial ? 1 : 2
    // "said on Wednesday that 5,000 had been killed since ... February 24, 2022": in one
    // clause the time of the speech verb dates the statement, the other one the figure
    const isSpeechTime = xa > s.tokenStart && (SPEECH_VERBS.has(c.tokens.lemma[xa - 1]) || cues[xa - 1] === 1)
    // ("delivered 150,000 doses this year and that 400,000 more would arrive by April": a time
    // before the clause that holds the figure dates it only when its own clause has none; "fired
    // 112 drones on Tuesday night and that 97 of them had been shot down")
    const isOtherClause = k === own && xa < a && clauseBetween(c, s, xb - 1, a)
    const distance = Math.abs(x.start - c.tokens.start[a]) + (isSpeechTime || isOtherClause ? c.text.length : 0)
    if (best === null || rank < best.rank || (rank === best.rank && distance < best.distance)) best = { value: x.value, rank, distance, time: x }
  }
  if (best === null) return null
  // (a time elsewhere in the sentence dates the statement, which is past: "..., he said in March";
  // so does one with a speech verb or cue between it and the figure: "In March, the ministry said
  // it will send 4,000 soldiers")
  if (isFutureTense && best.rank < 2 && !isSaidBetween(c, s, cues, best.time, a)) return aheadOfPublication(c, best.time)
  return best.value
}

/**
 * "... had been killed since January, and at least 700 kidnapped": whether the figure at token
 * `a` opens segment `own` after a comma and "and"/"or" and its
 * only verb is a participle right after it (perhaps past a noun: "and 700 villagers kidnapped")
 * with no auxiliary of its own, while the segment before has an auxiliary before a verb ("had been
 * killed"): the clause leaves out that auxiliary, so it is the same clause told on, and a time of
 * the segment before dates it as well. ("..., and 700 people died" has a verb of its own in the
 * past tense; wink tags both as verbs, so the auxiliary before tells the shared clause.)
 */
function isGappedParticiple(c: Context, s: Sentence, seg: Int32Array, own: number, a: number): boolean {
  const { pos } = c.tokens
  const at = (t: number) => seg[t - s.tokenStart]
  let t = a - 1
  while (t > s.tokenStart && at(t) === own && (pos[t] === ADP || pos[t] === ADV)) t--
  if (t - 1 < s.tokenStart || at(t) !== own || pos[t] !== CCONJ || tokenText(c, t - 1) !== ',' || at(t - 1) !== own) return false
  // past the figure's own tokens ("at least 700") and a noun
  let v = a + 1
  while (v < s.tokenEnd && at(v) === own && (pos[v] === NUM || pos[v] === NOUN || pos[v] === ADJ || pos[v] === ADV || pos[v] === ADP)) v++
  if (v >= s.tokenEnd || at(v) !== own || pos[v] !== VERB || !/(ed|en)$/i.test(tokenText(c, v))) return false
  for (let k = v + 1; k < s.tokenEnd && at(k) === own; k++) if (pos[k] === VERB || pos[k] === AUX) return false
  let hasAuxBefore = false
  for (let k = t - 2; k >= s.tokenStart && at(k) === own - 1; k--) {
    if (pos[k] === VERB && k - 1 >= s.tokenStart && pos[k - 1] === AUX) hasAuxBefore = true
  }
  return hasAuxBefore
}

/** Whether every segment in [from, to) is a participle clause. */
function isParticipleRun(participle: ArrayLike<number>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (participle[k] !== 1) return false
  return true
}

/** Whether segment `k` is an apposition: ", the largest donor last year," (no verb, a determiner after a comma that follows a noun). */
function isApposition(c: Context, s: Sentence, seg: Int32Array, hasVerb: Uint8Array, k: number): boolean {
  if (hasVerb[k] === 1) return false
  let t = s.tokenStart
  while (t < s.tokenEnd && seg[t - s.tokenStart] !== k) t++
  if (t >= s.tokenEnd || t - 1 < s.tokenStart) return false
  const comma = tokenText(c, t) === ',' ? t : t - 1
  if (tokenText(c, comma) !== ',' || comma - 1 < s.tokenStart || comma + 1 >= s.tokenEnd) return false
  const before = c.tokens.pos[comma - 1]
  const first = comma + 1
  // (and a comma that closes it)
  let end = first
  while (end < s.tokenEnd && seg[end - s.tokenStart] === k && tokenText(c, end) !== ',') end++
  return (before === PROPN || before === NOUN) && c.tokens.pos[first] === DET && seg[first - s.tokenStart] === k &&
    end < s.tokenEnd && tokenText(c, end) === ','
}

/**
 * Whether token `t` lies in the segment right after an aside in round brackets that follows
 * segment `own` ("2.4 billion euros ($2.7 billion) in two wind farms by 2030"): the two
 * segments are one clause.
 */
function isPastAside(c: Context, s: Sentence, seg: Int32Array, own: number, t: number): boolean {
  if (seg[t - s.tokenStart] !== own + 2) return false
  let open = t
  while (open > s.tokenStart && seg[open - 1 - s.tokenStart] >= own + 1) open--
  let close = open
  while (close < t && seg[close - s.tokenStart] === own + 1) close++
  return tokenText(c, open) === '(' && tokenText(c, close) === ')'
}

// How many tokens an election's time may stand from the figure it dates.
const ELECTION_REACH = 6
// Nouns of an election, whose results a time that owns or modifies them dates.
const ELECTION_NOUNS = new Set(['election', 'runoff', 'run-off', 'rerun', 'referendum', 'ballot', 'primary', 'vote', 'poll', 'caucus', 'plebiscite'])

/**
 * Whether an election noun, perhaps after one adjective ("presidential"), stands at token `t`
 * (the tagger may read "primary" itself as an adjective: an election unless a noun follows, "primary school").
 */
function isElection(c: Context, s: Sentence, t: number): boolean {
  if (t >= s.tokenEnd) return false
  const isAdjective = c.tokens.pos[t] === ADJ && t + 1 < s.tokenEnd
  if (isAdjective && (ELECTION_NOUNS.has(c.tokens.lemma[t + 1]) || c.tokens.pos[t + 1] === NOUN)) return ELECTION_NOUNS.has(c.tokens.lemma[t + 1])
  return ELECTION_NOUNS.has(c.tokens.lemma[t])
}

/** Whether a speech verb or a cue stands between the time `x` and the figure at token `a`, or right before the time. */
function isSaidBetween(c: Context, s: Sentence, cues: Uint8Array, x: TimeExpression, a: number): boolean {
  const [xa, xb] = tokenRange(c, x, s)
  // (a cue the attribution stage reads in "are projected to face famine" is the projection
  // itself, no statement with a time of its own: neither its auxiliary nor its word of projection)
  const isProjection = (t: number) => isProjectionAt(c.text, c.tokens, t) || (c.tokens.pos[t] === AUX && isProjectionAt(c.text, c.tokens, t + 1))
  const isSaid = (t: number) => (SPEECH_VERBS.has(c.tokens.lemma[t]) || cues[t] === 1) && !isProjection(t)
  if (xa > s.tokenStart && isSaid(xa - 1)) return true
  // (not the figure's own hedge: "An estimated 640,000 people are projected to ... between July
  // and October")
  const figureEnd = quantityEndAt(c, a)
  for (let t = Math.min(xb, a + 1); t < Math.max(xa, a); t++) if ((t < a || c.tokens.start[t] >= figureEnd) && isSaid(t)) return true
  return false
}

/** The end (a UTF-16 offset) of the quantity that starts at token `a`, or the token's end. */
function quantityEndAt(c: Context, a: number): number {
  const start = c.tokens.start[a]
  for (const q of c.quantities) if (q.start === start) return q.end
  return c.tokens.end[a]
}

/** Whether a conjunction that opens a clause of its own (`opensClause`) stands between tokens `a` and `xa`. */
function clauseBetween(c: Context, s: Sentence, a: number, xa: number): boolean {
  for (let t = a + 1; t < xa; t++) if (opensClause(c, t, s)) return true
  return false
}

/**
 * "the 2019 flood that killed 80 people": whether the noun at token `noun`, which a year
 * modifies, is what a relative clause right after it is about, and the figure at `a` is in it.
 */
function isRelativeAbout(c: Context, s: Sentence, noun: number, a: number): boolean {
  let t = noun + 1
  while (t < s.tokenEnd && t < noun + 3 && c.tokens.pos[t] === NOUN) t++
  if (t >= s.tokenEnd || (c.tokens.lemma[t] !== 'that' && c.tokens.lemma[t] !== 'which') || a <= t || a > t + 6) return false
  for (let k = t + 1; k < a; k++) if (CLAUSE_BREAKS.has(tokenText(c, k))) return false
  return c.tokens.pos[t + 1] === VERB || c.tokens.pos[t + 1] === AUX
}

/** Whether a relative word ("which", "who", "that" after a noun) stands before token `xa` in its segment. */
function isInRelativeClause(c: Context, s: Sentence, seg: Int32Array, xa: number): boolean {
  const k = seg[xa - s.tokenStart]
  for (let t = xa - 1; t > s.tokenStart && seg[t - s.tokenStart] === k; t--) {
    const lemma = c.tokens.lemma[t]
    if (lemma === 'which' || lemma === 'who' || lemma === 'whom' || (lemma === 'that' && c.tokens.pos[t - 1] === NOUN &&
      // ("villages that had been cut off"; not "estimates that Russia has suffered")
      (c.tokens.pos[t + 1] === AUX || c.tokens.pos[t + 1] === VERB || c.tokens.pos[t + 1] === ADV))) return true
  }
  return false
}

// Month and weekday names as written, and words that put a time in the past whatever the tense.
const MONTH_NAME = new RegExp(`\\b(?:${MONTH_CUTS.join('|')})[a-z]*\\b`, 'i')
const WEEKDAY_NAME = new RegExp(`\\b(?:${WEEKDAY_NAMES.join('|')})\\b`, 'i')
const PAST_WORDS = /\b(?:last|since|past|previous|ago|earlier)\b/i

/**
 * "By the end of March, 5,000 troops will be deployed", published in July: the times stage
 * reads a month named without a year as the nearest or the last one, and a weekday as the last
 * one unless a modal of the future tense stands before it ("will meet on Monday"), but a figure
 * in the future tense in the same clause holds in the next. A month (or a day of a month) with
 * no year written, resolved before the publication date, is moved a year ahead, and a weekday
 * alone ("On Monday, 4,000 soldiers will be sent") a week ahead; one after "last" or "since" is
 * left as it is.
 */
function aheadOfPublication(c: Context, x: TimeExpression): string {
  const value = x.value
  const published = c.published
  const words = c.text.slice(x.start, x.end)
  // ("are projected to face famine between June and September", published in May: a period of
  // months the times stage resolves to the year of its last such period, a year alone)
  const isMonthsYear = value.length === 4 && MONTH_NAME.test(words)
  if (published === null || (value.length < 7 && !isMonthsYear) || value.endsWith('-02-29')) return value
  if (PAST_WORDS.test(words) || value >= published.slice(0, value.length)) return value
  if (!/\d/.test(words) && !MONTH_NAME.test(words) && WEEKDAY_NAME.test(words) && value.length === 10) {
    const next = new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8)) + 7))
    return next.toISOString().slice(0, 10)
  }
  if (/\d{4}/.test(words) || !MONTH_NAME.test(words)) return value
  return `${Number(value.slice(0, 4)) + 1}${value.slice(4)}`
}
