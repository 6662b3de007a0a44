/** When a figure holds, and whether it is planned (docs/figures.md, "asOf" and "planned"). */
import type { Quantity, Sentence } from '../../model/types.ts'
import {
  POS, VERB, AUX, ADV, ADP, NOUN, DET, CLAUSE_BREAKS, type Context, type Counted, tokenText, tokenRange,
  segments, within,
} from './context.ts'
import { INTENT_VERBS, MODALS, SPEECH_VERBS } from './lexicon.ts'

const EXPECTED = new Set(['expect', 'expected', 'due', 'plan', 'planned', 'scheduled', 'schedule'])

/** Whether a figure is about the future (docs/figures.md, "planned"). */
export function isFuture(c: Context, q: Quantity, a: number, counted: Counted, s: Sentence): boolean {
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
  let next = Math.max(counted.npEnd, counted.after)
  // "3,000 troops are expected to arrive"
  while (next < s.tokenEnd && c.tokens.pos[next] === AUX) next++
  if (next < s.tokenEnd && (EXPECTED.has(lemma[next]) || EXPECTED.has(tokenText(c, next).toLowerCase()))) return true
  // the rest of the figure's own clause: "..., and Pyongyang could send 25-30 thousand more
  // next year" does not make the figure before the comma planned
  let end = counted.after
  while (end < s.tokenEnd && !CLAUSE_BREAKS.has(tokenText(c, end))) end++
  const rest = c.text.slice(q.end, end < s.tokenEnd ? c.tokens.start[end] : s.end)
  return /\b(in the (coming|next) (days|weeks|months|years)|later this (week|month|year)|next (week|month|year))\b/i.test(rest)
}

const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'midnight', 'noon'])

// What may stand before a sentence-initial time: "As of", "By", "In".
const LEADING_POS = new Set([ADP, ADV, POS('SCONJ')])

// Words that open a clause about something else than the figure: "the first of which was
// sent in the fall of 2024" dates the first batch, not the 12,000 troops.
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where', 'when'])

/** Whether segment `k` of sentence `s` opens with an "-ing" participle ("making it ..."). */
function participleOpens(c: Context, seg: Int32Array, s: Sentence, k: number): boolean {
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    if (seg[t - s.tokenStart] !== k) continue
    let u = t
    while (u < s.tokenEnd && (tokenText(c, u) === ',' || c.tokens.pos[u] === ADV)) u++
    return u < s.tokenEnd && seg[u - s.tokenStart] === k && c.tokens.pos[u] === VERB && /ing$/i.test(tokenText(c, u))
  }
  return false
}

/** Whether segment `k` of sentence `s` says who speaks: a speech verb or an attribution's cue in it. */
function saysIn(c: Context, seg: Int32Array, s: Sentence, k: number): boolean {
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    if (seg[t - s.tokenStart] !== k) continue
    if (SPEECH_VERBS.has(c.tokens.lemma[t])) return true
    for (const att of c.attributions) for (const cue of att.cue) if (c.tokens.start[t] < cue.end && cue.start < c.tokens.end[t]) return true
  }
  return false
}

/**
 * The date a figure refers to or the date it was stated, from the time expressions of its
 * sentence: one in the figure's own comma-separated segment first ("killed last month",
 * "since October 2023"), then one that opens the sentence ("In July, ..."), then the
 * nearest elsewhere in the sentence, which dates the statement ("..., officials said on
 * Tuesday"). A time inside a relative clause ("the first of which was sent in the fall of
 * 2024") never attaches.
 */
export function findAsOf(c: Context, a: number, s: Sentence): string | null {
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
  for (const q of within(c.quantities, s)) {
    if (q.start < s.start || q.end > s.end || !hasVerb.has(own)) continue
    const k = seg[tokenRange(c, q, s)[0] - s.tokenStart]
    if (k !== own && hasVerb.has(k)) hasFigure.add(k)
  }
  let best: { value: string; rank: number; distance: number } | null = null
  for (const x of within(c.times, s)) {
    if (x.start < s.start || x.end > s.end) continue
    const [xa, xb] = tokenRange(c, x, s)
    // "Monday's earthquake", "Hamas's Oct. 7 attack": a time that owns or modifies a noun
    // dates that thing, not the figure
    if (xb < s.tokenEnd && /^['’]s$/.test(tokenText(c, xb))) continue
    if (xb < s.tokenEnd && xa > s.tokenStart && c.tokens.pos[xb] === NOUN && !PARTS_OF_DAY.has(c.tokens.lemma[xb]) &&
      (c.tokens.pos[xa - 1] === DET || /^['’]s?$/.test(tokenText(c, xa - 1)))) continue
    const k = seg[xa - s.tokenStart]
    if (isRelative.has(k) || (k !== own && hasFigure.has(k))) continue
    let isInitial = k === 0
    for (let t = s.tokenStart; t < xa && isInitial; t++) isInitial = LEADING_POS.has(c.tokens.pos[t])
    // elsewhere, a time dates the statement (", officials said on Tuesday") or the main
    // clause; a participle clause of its own ("making it the deadliest storm since Katrina
    // in 2005") dates itself
    if (k !== own && !isInitial && participleOpens(c, seg, s, k) && !saysIn(c, seg, s, k)) continue
    const rank = k === own ? 0 : isInitial ? 1 : 2
    const distance = Math.abs(x.start - c.tokens.start[a])
    if (best === null || rank < best.rank || (rank === best.rank && distance < best.distance)) best = { value: x.value, rank, distance }
  }
  return best?.value ?? null
}
