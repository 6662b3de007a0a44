/**
 * What a figure counts and its category (docs/figures.md, "counted" and "category"):
 * the noun phrase after the number, the predicate that says what happened to it, and the
 * other shapes (bare numbers, totals, ellipsis, shares and multiples).
 */
import type { Category, Quantity, Sentence } from '../../model/types.ts'
import {
  NOUN, PROPN, ADJ, VERB, AUX, ADV, PART, PRON, DET, CCONJ, NUM, PUNCT, ADP, CLAUSE_BREAKS, PEOPLE_CATEGORIES, type Context,
  type Counted, standingFor, tokenText, countryOf, isHyphenJoin, overlapsTime, within, entitiesHolding, singularOf, verbLemmas, PLAIN_WORD, sentenceDateline,
  passiveSizingVerb, isTopicBefore,
} from './context.ts'
import {
  CONTAINERS, EQUIPMENT, LABOUR_PEOPLE, MILITARY_PEOPLE, MONEY_NOUNS, NOT_COUNTED, NOUN_CATEGORY,
  OTHER_PEOPLE, PREDICATE_CATEGORY, LOSS_VERBS, SERVICE_CONTEXT, SIZING_VERBS, WEAPON_SYSTEM_WORDS,
} from './lexicon.ts'
import { QUOTE_MARKS } from '../tokens/marks.ts'
import { isProjectionAt } from '../tokens/tense.ts'
import { isPartOfCount, PART_OWNERS } from '../tokens/parts.ts'

// A number used as a noun in the plural names a score, not things counted: "hit 23 fours and
// two sixes" (cricket), "rolled three sevens". ("tens of thousands" is read as one quantity.)
const NUMBER_NOUN = /^(?:ones|twos|threes|fours|fives|sixes|sevens|eights|nines|tens|elevens|twelves|twenties|fifties|hundreds)$/i

// Adverbs that do not modify a noun ("300 troops also ..." is not "also troops").
const ADVERBS = new Set(['also', 'still', 'now', 'then', 'already', 'even', 'just', 'only', 'reportedly', 'there', 'here', 'so', 'too', 'again', 'later', 'earlier', 'allegedly'])

/**
 * "wounded soldiers": whether token k is a participle right before a noun or adjective,
 * which it modifies ("-ing" only before the phrase's head, `head` < 0), within `limit`.
 */
function isModifyingParticiple(c: Context, k: number, head: number, limit: number): boolean {
  const pos = c.tokens.pos
  if (pos[k] !== VERB || !(/(ed|en)$/i.test(tokenText(c, k)) || (head < 0 && /ing$/i.test(tokenText(c, k)))) || k + 1 >= limit) return false
  // ("1,046 confirmed and probable cases", "confirmed and suspected cases": coordinated with an
  // adjective or another participle before the noun)
  let next = k + 1
  if (pos[next] === CCONJ && k + 2 < limit) {
    if (pos[k + 2] === ADJ) next = k + 2
    else if (pos[k + 2] === VERB && /ed$/i.test(tokenText(c, k + 2)) && k + 3 < limit) next = k + 3
  }
  return pos[next] === NOUN || pos[next] === ADJ || pos[next] === PROPN
}

/** The noun phrase right after token `from`: adjectives, nouns and hyphenated parts. */
function nounPhrase(c: Context, from: number, end: number): { start: number; head: number; end: number } | null {
  const { pos, lemma } = c.tokens
  let t = from
  let head = -1
  let conjunction = -1
  let headBefore = -1
  const limit = Math.min(end, from + 10)
  while (t < limit) {
    if (overlapsTime(c, t)) break
    const p = pos[t]
    if (p === NOUN || p === PROPN) {
      head = t
    } else if (p === ADJ || (p === NUM && head < 0 && t > from) || (p === ADV && lemma[t] === 'more') || isModifyingParticiple(c, t, head, limit) ||
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
      (pos[t + 1] === NOUN || pos[t + 1] === ADJ || pos[t + 1] === PROPN || isModifyingParticiple(c, t + 1, head, limit))) {
      // "ammunition or munitions-related materials", "dead and wounded soldiers"
      if (head >= 0 && conjunction < 0) { conjunction = t; headBefore = head }
    } else {
      break
    }
    t++
  }
  // "1.2 million armed personnel and forced military service": a second conjunct of
  // another kind is a second thing, not part of what the number counts.
  // ("Russian and North Korean soldiers" coordinates modifiers, not things: the first
  // conjunct has no noun of its own)
  // ("2,150 search and rescue personnel", "300 health and aid workers": a bare singular noun
  // of no kind before the conjunction is a modifier coordinated with the next one)
  if (conjunction >= 0) {
    const kindBefore = kindOf(c, from, conjunction)
    const isBareModifier = headBefore === from && conjunction === from + 1 &&
      tokenText(c, from).toLowerCase() === lemma[from] && kindBefore === 'none'
    if (head > conjunction && pos[headBefore] === NOUN && !isBareModifier && kindBefore !== kindOf(c, conjunction + 1, head + 1)) {
      head = headBefore
    }
  }
  // "12,000 troops fight in Kursk": wink tags some verbs after a plural as nouns; a singular
  // head after a plural noun is taken for the verb it is.
  if (head > from && tokenText(c, head).toLowerCase() === lemma[head]) {
    for (let t = head - 1; t >= from; t--) {
      // ("Some 1,400 people share 40 showers": "people" is a plural that looks like its lemma)
      if ((pos[t] === NOUN || pos[t] === PROPN) && (tokenText(c, t).toLowerCase() !== lemma[t] || lemma[t] === 'people') && !isHyphenJoin(c, t + 1)) { head = t; break }
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
export function findCounted(
  c: Context, q: Quantity, a: number, b: number, s: Sentence, prior: Counted | null, earlier: Category | null,
): Counted | null {
  const { pos, lemma } = c.tokens
  if (q.kind === 'percent' || q.kind === 'multiplier') {
    const share = findShareCounted(c, q, a, b, s, prior, earlier)
    // "The appeal is only 23 percent funded": a share funded is a share of money
    if (share !== null && q.kind === 'percent' && isFundedAfter(c, b, s)) return { ...share, category: 'money' }
    return share
  }
  let from = b
  // "4,000 of them", "thousands of shells", "12,000 of its troops"
  if (from < s.tokenEnd && lemma[from] === 'of') {
    from++
    while (from < s.tokenEnd && (pos[from] === DET || (pos[from] === PRON && lemma[from] !== 'them'))) from++
    // "11 of the country's 18 states": past the owner
    for (let k = from; k < s.tokenEnd && k < from + 4; k++) {
      if (/^['’]s$/.test(tokenText(c, k))) { from = k + 1; break }
      if (pos[k] !== NOUN && pos[k] !== PROPN && pos[k] !== ADJ) break
    }
    // "fewer than 5,000 of the roughly 20,000 people": the part counts what the whole counts
    let n = from
    while (n < s.tokenEnd && pos[n] === ADV) n++
    if (n < s.tokenEnd && pos[n] === NUM) {
      while (n < s.tokenEnd && pos[n] === NUM) n++
      from = n
    }
  }
  const signals = new Set<Category>()
  // "killed at least 50 people", "has sent thousands of shells", "lost many hundreds of soldiers"
  let v = a - 1
  // ('had lost "fewer than 20 men"': a quotation mark that opens at the figure)
  if (v >= s.tokenStart && (tokenText(c, v) === '"' || tokenText(c, v) === '“')) v--
  while (v >= s.tokenStart && (pos[v] === ADV || pos[v] === DET || lemma[v] === 'at' || lemma[v] === 'least' || lemma[v] === 'many')) v--
  // ("Belarus in 2023 sent 4,000 engineers": a verb after a time phrase that wink read as a noun)
  // ("The militia abducted at least 87 women": a past form the tagger does not know, read as a
  // noun, that names a category in its own form)
  const verbForms = v < s.tokenStart ? [] : pos[v] === NOUN && /ed$/.test(lemma[v]) && PREDICATE_CATEGORY.has(lemma[v]) ? [lemma[v]] : verbLemmas(c, v, s)
  const verbBefore = verbForms.length > 0 ? v : -1
  const verbLemma = verbForms.find((l) => PREDICATE_CATEGORY.has(l) || LOSS_VERBS.has(l) || JOINING_VERBS.has(l)) ?? verbForms[0] ?? ''
  if (verbBefore >= 0) addSignal(signals, verbLemma)
  // "Russia still holds about 8,000 Ukrainian soldiers": a country holding people of another
  // country holds them captive
  // (soldiers alone only where the text speaks of capture or civilians are held with them:
  // "Germany holds 35,000 American troops" is a deployment an ally hosts)
  if (verbBefore >= 0 && (verbLemma === 'hold' || verbLemma === 'keep') && isHeldByOther(c, verbBefore, b, s) &&
    (!isSoldiersHeld(c, b, s) || isTopicBefore(c, CAPTURE_TOPIC, c.tokens.end[s.tokenEnd - 1]) || isHeldWithCivilians(c, b, s))) {
    signals.add('captured')
  }
  // "It holds at least 12 American citizens": a pronoun that holds people of a country, in a
  // text that spoke of capture, holds them captive (a country's name as the holder is above)
  if (verbBefore >= 0 && (verbLemma === 'hold' || verbLemma === 'keep') && isPronounHolder(c, verbBefore, s) &&
    isCountryPeopleAt(c, b, s) && isTopicBefore(c, CAPTURE_TOPIC, c.tokens.end[s.tokenEnd - 1])) {
    signals.add('captured')
  }
  // "Reception centres were hosting 8,900 people", "Schools are housing 3,000": people a place of
  // refuge puts up are out of their homes
  if (verbBefore >= 0 && HOSTING_VERBS.has(lemma[verbBefore]) && isRefugeSubject(c, verbBefore, s)) signals.add('displaced')
  // "Crete alone received more than 2,900 people", "Lampedusa took in 1,700": people a place
  // receives, in a text that spoke of refugees, migrants or the displaced before, are arrivals
  if (v >= s.tokenStart && isReceivingPlace(c, v, s) && isTopicBefore(c, ARRIVALS_TOPIC, q.start)) signals.add('displaced')
  // "had killed or wounded about 1,150": both verbs before the number say what it counts
  // (not "300 soldiers died and wounded 2,700": the first verb has its own figure)
  const other = verbBefore - 2
  if (other >= s.tokenStart && pos[verbBefore - 1] === CCONJ && pos[other] === VERB &&
    (other - 1 < s.tokenStart || pos[other - 1] === AUX || pos[other - 1] === PRON || pos[other - 1] === PROPN)) {
    addSignal(signals, lemma[verbBefore - 2])
  }
  // "We have buried around 200 of our soldiers"
  if (verbBefore >= 0 && verbLemma === 'bury') signals.add('killed')

  if (q.kind === 'money') {
    let m = from
    if (m < s.tokenEnd && (lemma[m] === 'in' || lemma[m] === 'worth')) m++
    if (m < s.tokenEnd && lemma[m] === 'of') m++
    const np = nounPhrase(c, m, s.tokenEnd)
    const span = np === null ? { start: q.start, end: q.end } : { start: c.tokens.start[np.start], end: c.tokens.end[np.head] }
    return { ...span, category: 'money', npStart: np?.start ?? a, npEnd: np?.end ?? b, after: np?.end ?? b }
  }

  // "its estimate of at least 3,000 given a week ago": an estimate of the figure before
  if (prior !== null && a - 2 >= s.tokenStart && lemma[a - 1] === 'of' && FIGURE_NOUNS.has(lemma[a - 2])) {
    return standingFor(prior, b)
  }
  // (before the noun phrase after the number, which may run on into the list's next line)
  const label = listLabel(c, q, a, s)
  if (label !== null) return label
  // "fell four short of his hundred", "two shy of the record": a shortfall, not a count
  if (b + 1 < s.tokenEnd && (lemma[b] === 'short' || lemma[b] === 'shy') && lemma[b + 1] === 'of') return null
  let np = from < s.tokenEnd && lemma[from] === 'them' ? { start: from, head: from, end: from + 1 } : nounPhrase(c, from, s.tokenEnd)
  // "raising the toll from 24 given the night before": a participle of reporting that wink
  // tags as a noun is no counted noun
  if (np !== null && np.head === from && REPORTED_PARTICIPLES.has(tokenText(c, from).toLowerCase())) np = null
  if (np === null) {
    // "41 of the injured", "nine of the dead": a part of people named by what befell them
    const named = from > b && from < s.tokenEnd ? NOUN_CATEGORY.get(tokenText(c, from).toLowerCase()) : undefined
    if (named !== undefined && pos[from] !== NOUN) {
      return { start: c.tokens.start[from], end: c.tokens.end[from], category: named, npStart: from, npEnd: from + 1, after: from + 1 }
    }
    // "reported 3,905 and 3,118 cases respectively": a number coordinated with a number right
    // after it counts what that one counts
    if (from === b && b + 1 < s.tokenEnd && (lemma[b] === 'and' || lemma[b] === 'or') && pos[b + 1] === NUM) {
      let k = b + 1
      while (k < s.tokenEnd && pos[k] === NUM) k++
      const shared = nounPhrase(c, k, s.tokenEnd)
      if (shared !== null) {
        const heads: Category[] = []
        for (let t = shared.start; t < shared.end; t++) { const cat = NOUN_CATEGORY.get(lemma[t]); if (cat !== undefined) heads.push(cat) }
        const category = decideCategory(signals, heads, MILITARY_PEOPLE.has(lemma[shared.head]), OTHER_PEOPLE.has(lemma[shared.head])) ?? 'other'
        return { start: c.tokens.start[shared.start], end: c.tokens.end[shared.head], category, npStart: shared.start, npEnd: shared.end, after: b }
      }
    }
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
    // ("assign" sends only people it names: "let's assign one-half the total to each party")
    if (verbBefore >= 0 && signals.size > 0 && verbLemma !== 'assign') {
      const category = decideCategory(signals, [], false, true) ?? 'other'
      return { start: c.tokens.start[verbBefore], end: c.tokens.end[verbBefore], category, npStart: b, npEnd: b, after: b }
    }
    // "down from 10,000", "with another 1,500 expected": the same thing as the figure before.
    // ("21 people were still missing and 47 had been pulled out alive": with a clause of its
    // own the number counts the same people, not what befell the others)
    if (prior !== null && isElliptic(c, a, s)) {
      // ("12 people were killed and 40 injured, the mayor said, raising the toll from seven": the
      // noun right before "from" names what the number counts, not the figure before it)
      if (a - 2 >= s.tokenStart && lemma[a - 1] === 'from' && pos[a - 2] === NOUN && lemma[a - 2] === 'toll') {
        return { ...tollAt(c, s, a - 2, a), after: b }
      }
      // ("rescued 11 pupils, bringing the number freed so far to 76": the number names its own)
      const brought = a - 1 >= s.tokenStart && lemma[a - 1] === 'to' ? broughtNumberOf(c, s, a - 1) : null
      if (brought !== null) return brought
      return b < s.tokenEnd && pos[b] === AUX ? standingFor(crossedOrNoun(c, prior, b, s), b) : standingFor(prior, b)
    }
    // "police say 24,000, organisers 110,000": a gapped conjunct (a name or noun and a bare
    // number, right after the figure before and a comma or "and") counts what that figure counts
    if (prior !== null && (b >= s.tokenEnd || CLAUSE_BREAKS.has(tokenText(c, b)) || tokenText(c, b) === '.')) {
      let k = a - 1
      while (k > s.tokenStart && k >= a - 3 && (pos[k] === NOUN || pos[k] === PROPN || pos[k] === DET || pos[k] === ADJ)) k--
      if (k < a - 1 && k > s.tokenStart && (tokenText(c, k) === ',' || lemma[k] === 'and') && pos[k - 1] === NUM) return standingFor(prior, b)
    }
    // "..., warning that up to 250,000 could arrive": a bare number that opens a clause of its
    // own counts what the figure before it in the sentence counts
    if (prior !== null && b < s.tokenEnd && pos[b] === AUX) return standingFor(crossedOrNoun(c, prior, b, s), b)
    // "delivered 150,000 doses and that 400,000 more would arrive": "more" and a verb of its own
    if (prior !== null && b + 1 < s.tokenEnd && lemma[b] === 'more' && pos[b + 1] === AUX) return standingFor(prior, b + 1)
    // "had about 20,000 inhabitants; fewer than 900 remain": those of the figure before who stay
    if (prior !== null && b < s.tokenEnd && STAYING_VERBS.has(lemma[b]) && pos[b] === VERB) return standingFor(prior, b)
    // "gave a figure of 25,000", with no figure before in its sentence: a figure of something
    // unnamed ("The figure of 2,140 is an estimate" names one given before)
    if (a - 3 >= s.tokenStart && lemma[a - 1] === 'of' && FIGURE_NOUNS.has(lemma[a - 2]) && pos[a - 2] === NOUN && (lemma[a - 3] === 'a' || lemma[a - 3] === 'an')) {
      return { start: c.tokens.start[a - 2], end: c.tokens.end[a - 2], category: 'other', npStart: a - 2, npEnd: a - 1, after: b }
    }
    // "Of those, 1.8 million are projected to be in Emergency", "About 52,000 are likely to need
    // treatment": a bare number that opens its sentence and is projected stands for what the
    // last figure before counts
    if (prior === null && earlier !== null && opensSentence(c, a, s) && b + 1 < s.tokenEnd && pos[b] === AUX && isProjectionAt(c.text, c.tokens, b + 1)) {
      return { start: c.tokens.start[b], end: c.tokens.end[b + 2], category: earlier, npStart: b, npEnd: b, after: b + 3 }
    }
    // "the union said 1.2 million had taken part": a bare number that is who marched or took part counts people
    const joined = participants(c, b, s)
    if (joined > 0) return { start: c.tokens.start[b], end: c.tokens.end[joined - 1], category: 'other', npStart: b, npEnd: b, after: joined }
    // "gained roughly 1,300 square kilometres since ...": a measure counts itself
    if (q.unit !== null) return { start: q.start, end: q.end, category: 'other', npStart: b, npEnd: b, after: b }
    return (a - 1 >= s.tokenStart && lemma[a - 1] === 'to' ? broughtNumberOf(c, s, a - 1) : null) ??
      collectiveBefore(c, a, s) ?? putAt(c, a, s) ?? findCountedBefore(c, a, s) ?? levelSubject(c, a, s) ??
      capacityOf(c, a, s) ?? totalOfEarlier(c, a, s, earlier) ?? partitiveOpening(c, a, b, s) ?? comparedBack(c, a, s, earlier)
  }
  // "violated the truce 57 times", "exchanged fire at least 41 times": a count of the times
  // something was done counts the deed, the verb and its object before the number
  if (np.head === from && /^times$/i.test(tokenText(c, np.head))) {
    let t = a - 1
    while (t >= s.tokenStart && t >= a - 7 && pos[t] !== VERB && (pos[t] === DET || pos[t] === ADJ || pos[t] === NOUN ||
      pos[t] === PROPN || pos[t] === ADV || lemma[t] === 'at' || lemma[t] === 'least')) t--
    // (or a passive verb right before it: "has been viewed 1.2 million times")
    const isPassive = t === a - 1 && t - 1 >= s.tokenStart && lemma[t - 1] === 'be' && /ed$/i.test(tokenText(c, t))
    if (t >= s.tokenStart && (t < a - 1 || isPassive) && pos[t] === VERB && !COPULAS.has(lemma[t])) {
      return { start: c.tokens.start[t], end: c.tokens.end[np.head], category: 'other', npStart: np.start, npEnd: np.end, after: np.end }
    }
  }
  if ((NOT_COUNTED.has(lemma[np.head]) && !isPlacePoint(c, np)) || NUMBER_NOUN.test(tokenText(c, np.head))) return null
  // "has won 23 straight matches", "a 12 consecutive wins": a streak is a record, not a count
  if (np.head > np.start && STREAK_WORDS.has(lemma[np.start])) return null
  // "131 West 23rd Street", "58 Fortune 500 companies": a name after a number is not what
  // it counts, unless the name is a people ("millions of Americans").
  // (a people's name ends with the head: "Americans", "North Koreans")
  const headEnd = c.tokens.end[np.head]
  const isPeopleName = entitiesHolding(c, np.head).some((e) => e.type === 'NORP' && e.end === headEnd)
  if (pos[np.head] === PROPN && !isPeopleName) return null
  if (MONEY_NOUNS.has(lemma[np.head])) {
    return { start: c.tokens.start[np.start], end: c.tokens.end[np.head], category: 'money', npStart: np.start, npEnd: np.end, after: np.end }
  }
  // "containers of munitions": the container counts what it holds
  if (CONTAINERS.has(lemma[np.head]) && np.end + 1 < s.tokenEnd && lemma[np.end] === 'of') {
    const inner = nounPhrase(c, np.end + 1, s.tokenEnd)
    if (inner !== null) np = { start: np.start, head: inner.head, end: inner.end }
  }
  // "Two soldiers of North Korea army was taken alive": the owner belongs to the noun phrase
  // ("families of flood victim were moved", "members of staff were sent": a bare noun after "of", in translation too)
  if ((MILITARY_PEOPLE.has(lemma[np.head]) || LABOUR_PEOPLE.has(lemma[np.head]) || OTHER_PEOPLE.has(lemma[np.head])) &&
    np.end + 1 < s.tokenEnd && lemma[np.end] === 'of' && (pos[np.end + 1] === PROPN || pos[np.end + 1] === DET ||
      // (not "units of equipment", "teams of engineers": what a group word is of is what it counts)
      (pos[np.end + 1] === NOUN && !GENERIC_PEOPLE.has(lemma[np.head])))) {
    // "nine soldiers of the regiment is died"
    const owner = nounPhrase(c, np.end + 1 + (pos[np.end + 1] === DET ? 1 : 0), s.tokenEnd)
    if (owner !== null) np = { start: np.start, head: np.head, end: owner.end }
  }
  const heads: Category[] = []
  // "roughly 8,000 of them had been moved": them are what the figures before were about
  let isMilitary = lemma[np.head] === 'them' && earlier !== null && PEOPLE_CATEGORIES.has(earlier)
  let isPeople = lemma[np.head] === 'them'
  let hasCountry = false
  for (let t = np.start; t < np.end; t++) {
    const cat = NOUN_CATEGORY.get(lemma[t])
    if (pos[t] === NOUN || pos[t] === PROPN) {
      // ("now it's one life", "has nine lives": a life is a death only when it is lost or taken)
      if (cat !== undefined && (lemma[t] !== 'life' || isLifeTaken(c, v, np.end, s))) heads.push(cat)
      // "fighter jets" are not fighters: what people they are is the head's
      const isHead = t === np.head
      if (isHead && MILITARY_PEOPLE.has(lemma[t])) isMilitary = true
      if (isHead && (OTHER_PEOPLE.has(lemma[t]) || LABOUR_PEOPLE.has(lemma[t]))) isPeople = true
      if (isHead && LABOUR_PEOPLE.has(lemma[t]) && hasCountry) isMilitary = true
      const here = { start: c.tokens.start[t], end: c.tokens.end[np.end - 1] }
      if (within(c.entities, here).some((e) => e.start === here.start && (e.type === 'NORP' || e.type === 'GPE'))) hasCountry = true
    } else if (pos[t] === ADJ || pos[t] === VERB) {
      addSignal(signals, lemma[t], tokenText(c, t))
    }
  }
  if (isWeaponSystem(c, np.start, np.end)) heads.push('munitions')
  // "20 teams were sent to the tournament": a team is people sent to serve only where its
  // sentence speaks of rescue, relief or arms ("dispatched 43 rescue teams")
  if (TEAM_HEADS.has(lemma[np.head]) && !hasServiceContext(c, s)) { isMilitary = false; isPeople = false }
  // "recruited 30,000 new soldiers": people joining up are no deployment
  if (verbBefore >= 0 && JOINING_VERBS.has(verbLemma)) { isMilitary = false; isPeople = false }
  // "lost 300 men" are casualties; "lost 300 tanks" are not people
  if (verbBefore >= 0 && LOSS_VERBS.has(verbLemma) && (isMilitary || isPeople)) signals.add('casualties')
  // "taken 11 servicemen prisoner", "hold 40 soldiers captive"
  if (verbBefore >= 0 && (verbLemma === 'take' || verbLemma === 'hold' || verbLemma === 'keep') && np.end < s.tokenEnd &&
    /^(prisoner|captive|hostage)$/.test(lemma[np.end])) signals.add('captured')
  // "Kidnappers released 62 pupils", "freed 40 hostages": people set free were held (not
  // "released 40 patients", "freed 12 people from the rubble")
  if (verbBefore >= 0 && (verbLemma === 'release' || verbLemma === 'free') && pos[verbBefore] === VERB && (isPeople || isMilitary) &&
    !DISCHARGED.has(lemma[np.head]) && (np.end >= s.tokenEnd || lemma[np.end] !== 'from' || isHeldPlaceAfter(c, np.end + 1, s))) {
    signals.add('captured')
  }
  if (isFromHome(c, s, np.end)) signals.add('displaced')
  // "Evacuation orders cover about 32,000 residents": people an evacuation's subject reaches are displaced
  if (verbBefore >= 0 && signals.size === 0 && isPeople && !isMilitary && isEvacuationSubject(c, verbBefore, s)) signals.add('displaced')
  // "forced 40 households out", "drove 300 families out of the village"
  if (verbBefore >= 0 && (verbLemma === 'force' || verbLemma === 'drive') && np.end < s.tokenEnd && lemma[np.end] === 'out' && (isPeople || HOME_HEADS.has(lemma[np.head]))) signals.add('displaced')
  // "forcing some 12,000 residents and campers to leave", "forced 3,000 people to flee"
  // (past a second noun coordinated with the head: "residents and campers")
  const toAfter = np.end + 2 < s.tokenEnd && lemma[np.end] === 'and' && pos[np.end + 1] === NOUN ? np.end + 2 : np.end
  if (verbBefore >= 0 && verbLemma === 'force' && isPeople && toAfter + 1 < s.tokenEnd && lemma[toAfter] === 'to' &&
    (lemma[toAfter + 1] === 'flee' || (lemma[toAfter + 1] === 'leave' && leavesHome(c, toAfter + 2, s)))) signals.add('displaced')
  let predicateEnd = predicate(c, pastConjunct(c, np.end, s), s, signals)
  // "9,000 people have crossed into Chad": people, not troops or lorries, who cross are displaced
  if (predicateEnd < 0 && signals.size === 0 && isPeople && !isMilitary) {
    const crossed = crossing(c, pastConjunct(c, np.end, s), s)
    if (crossed > 0) { signals.add('displaced'); predicateEnd = crossed }
    // "28,700 people have reached Italy by sea", in a text about refugees or migrants: arrivals
    else {
      const arrived = arriving(c, pastConjunct(c, np.end, s), s)
      // ("157,652 migrants had arrived by sea" stays as `articles-dev` annotates it: a count of
      // migrants is of migrants, whatever their route)
      if (arrived > 0 && lemma[np.head] !== 'migrant' && isTopicBefore(c, ARRIVALS_TOPIC, c.tokens.end[arrived - 1])) { signals.add('displaced'); predicateEnd = arrived }
    }
  }
  // "about 600 workers were on the night shift", "6,000 people spent the night in tents"
  if (predicateEnd < 0 && signals.size === 0 && isPeople && !isMilitary) {
    const where = whereabouts(c, np.end, s, np.head)
    if (where !== null) { signals.add(where.category); predicateEnd = where.end }
  }
  // "More than 1,800 firefighters, backed by aircraft, were battling the blaze", "400 more
  // firefighters would arrive": responders at their work, or on their way to it, are deployed
  if (predicateEnd < 0 && signals.size === 0 && RESPONDERS.has(lemma[np.head])) {
    const worked = responderWork(c, np.end, s)
    if (worked > 0) { signals.add('deployed'); predicateEnd = worked }
  }
  // "Some 1,400 people share 40 showers" in a paragraph on a camp or reception centre, in a text
  // about refugees or migrants: people counted there in the present tense live there
  if (predicateEnd < 0 && signals.size === 0 && heads.length === 0 && isPeople && !isMilitary && verbBefore < 0 &&
    isLivingInRefuge(c, a, np.end, s)) signals.add('displaced')
  // "About 300 people in the border town were killed": past a place or origin phrase
  if (predicateEnd < 0 && signals.size === 0) {
    const past = pastModifier(c, np.end, s)
    if (past > np.end) predicateEnd = predicate(c, past, s, signals)
  }
  // "fired 140 missiles and 120 of them were shot down": them are the things of the figure before
  if (lemma[np.head] === 'them' && signals.size === 0 && prior !== null && !PEOPLE_CATEGORIES.has(prior.category) && prior.category !== 'displaced') {
    return { ...prior, npStart: np.start, npEnd: np.end, after: np.end }
  }
  // "At least 40 people were killed. Twelve of them were children.": a part of a toll that
  // says nothing of its own is more of that toll, not a count of troops
  // ("More than 1.1 million people have crossed into Chad, nearly 40,000 of them since May":
  // a part of the displaced is displaced)
  if (lemma[np.head] === 'them' && signals.size === 0 && earlier !== null && earlier !== 'deployed' && (PEOPLE_CATEGORIES.has(earlier) || earlier === 'displaced')) {
    signals.add(earlier)
  }
  // "dispatch 1,000 sappers ... and 5,000 military builders": a coordinated figure of people
  // that says nothing of its own shares what happens to the one before
  // (a deployment only to people who may be sent: "about 8,000 soldiers and some 16,000
  // civilians" are not civilians deployed)
  if (signals.size === 0 && heads.length === 0 && prior !== null && PEOPLE_CATEGORIES.has(prior.category) &&
    (isMilitary || isPeople) && a - 1 >= s.tokenStart && PART_OF_PRIOR.has(lemma[a - 1]) &&
    !(prior.category === 'deployed' && OTHER_PEOPLE.has(lemma[np.head]))) {
    signals.add(prior.category)
  }
  // "captured 40 tanks and 300 soldiers": people coordinated with things that a verb of capture
  // took were taken too (the things themselves are seized, below)
  if (signals.size === 0 && heads.length === 0 && prior !== null && prior.category === 'other' && (isMilitary || isPeople) &&
    a - 1 >= s.tokenStart && PART_OF_PRIOR.has(lemma[a - 1]) && isCaptureVerbBefore(c, prior.npStart, s)) {
    signals.add('captured')
  }
  let category = decideCategory(signals, heads, isMilitary, isPeople)
  if (category === null) return null
  // "detained 11 tankers", "40 tanks were captured": vehicles and ships that are captured are
  // seized things, not captives ("tanker" is no word of `EQUIPMENT`, which makes a small count
  // a figure: "with 14 helicopters and eight air tankers" stays no claim)
  if (category === 'captured' && !isMilitary && !isPeople && !heads.includes('captured') &&
    (EQUIPMENT.has(lemma[np.head]) || lemma[np.head] === 'tanker')) category = 'other'
  // "enemy losses totalled 1,650 personnel", "the casualty ... is reached to 3800 persons",
  // unless the number itself says more ("the man loss was 58 persons dead")
  const named = category === 'other' || category === 'deployed' ? totalOf(c, a, s) : null
  // ("the loss of 4.8 million jobs" counts jobs: a loss is a casualty only of people)
  const isLossOfThings = named !== null && lemma[named.npStart] === 'loss' && !isMilitary && !isPeople && lemma[np.head] !== 'life'
  if (named !== null && named.category !== 'munitions' && !isLossOfThings) return { ...named, npStart: np.start, npEnd: np.end, after: np.end }
  const end = predicateEnd > 0 && signals.size > 0 ? predicateEnd : np.end
  return {
    start: c.tokens.start[np.start], end: c.tokens.end[end - 1], category,
    npStart: np.start, npEnd: np.end, after: end,
  }
}

/**
 * Whether the "of" at token `of` opens the whole that a figure before it is part of: an owner
 * and a number ("One of the 12 hostages", "two of its 40 crew"; the number only frames it,
 * `isFramingTotal`). The rule is `isPartOfCount` (tokens/parts.ts), with wink's NUM tag for a
 * number, within sentence `s`.
 */
export function opensPartOfCount(c: Context, of: number, s: Sentence): boolean {
  return isPartOfCount((k) => k < s.tokenEnd ? c.tokens.lemma[k] : undefined, (k) => k < s.tokenEnd && c.tokens.pos[k] === NUM, of)
}

/** The quantities that end where token `k` ends ("35,000", "percent" of "22 percent"), within a reach before it. */
function quantitiesEndingAt(c: Context, k: number): Quantity[] {
  const end = c.tokens.end[k]
  return within(c.quantities, { start: c.tokens.start[k] - 64, end }).filter((x) => x.end === end)
}

/**
 * Whether the quantity at tokens `[a, b)` is a total that only frames a part named before it:
 * "87 of the 150 seats", "11 of the country's 18 states", "40,000 of its 110,000 residents
 * have fled". A total that says more of its own ("42 of the 48 drones Russia launched", "of
 * the roughly 20,000 people displaced by the quake": a participle or a clause after its noun)
 * is a figure.
 */
export function isFramingTotal(c: Context, a: number, b: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  const np = totalAfterPart(c, a, b, s)
  if (np === null) return false
  const next = np.end
  if (next >= s.tokenEnd) return true
  if ((pos[next] === VERB || pos[next] === ADJ) && /(?:ed|en|wn)$/i.test(tokenText(c, next))) return false
  if ((pos[next] === PROPN || pos[next] === PRON || lemma[next] === 'that' || lemma[next] === 'which' || lemma[next] === 'who') &&
    next + 1 < s.tokenEnd && (pos[next + 1] === VERB || pos[next + 1] === AUX || pos[next + 1] === PROPN)) return false
  // "the roughly 100 stations on which they were operating"
  if (next + 1 < s.tokenEnd && (lemma[next + 1] === 'which' || lemma[next + 1] === 'whom')) return false
  return true
}

/** The noun phrase of a total after a part ("87 of the 150 seats": "seats"), or null when the quantity at `[a, b)` is none. */
function totalAfterPart(c: Context, a: number, b: number, s: Sentence): { start: number; head: number; end: number } | null {
  const { pos, lemma } = c.tokens
  let t = a - 1
  if (t >= s.tokenStart && /^['’]s$/.test(tokenText(c, t))) {
    t--
    while (t > s.tokenStart && t >= a - 6 && (pos[t] === NOUN || pos[t] === PROPN || pos[t] === ADJ)) t--
  }
  if (t < s.tokenStart || !PART_OWNERS.has(lemma[t])) return null
  t--
  // ("80 percent of its 35,000 members": a share frames as a part does)
  const endsFigure = (k: number) => pos[k] === NUM || quantitiesEndingAt(c, k).length > 0
  if (t - 1 < s.tokenStart || lemma[t] !== 'of' || !endsFigure(t - 1)) return null
  return nounPhrase(c, b, s.tokenEnd)
}

/**
 * "11 of the 12 ferries that sank since 2021 were overloaded": a total after a part whose
 * noun a relative clause ("that", "which") with its own verb follows. The clause says what
 * the things counted share; `findClaims` drops such a total when it counts things, not
 * people, and no category of its own ("47 of the 52 drones launched" counts munitions).
 */
export function isRelativeFramedTotal(c: Context, a: number, b: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  const np = totalAfterPart(c, a, b, s)
  if (np === null || np.end + 1 >= s.tokenEnd) return false
  const next = np.end
  return (lemma[next] === 'that' || lemma[next] === 'which') && (pos[next + 1] === VERB || pos[next + 1] === AUX)
}

// Prepositions of a phrase that places or sources the counted people: "300 people in Gaza".
const MODIFIER_PREPOSITIONS = new Set(['in', 'from', 'at', 'near', 'across', 'inside', 'around', 'along', 'on'])

/**
 * "About 300 people in the border town were killed": the token after a short place or
 * origin phrase that follows the counted noun, when a verb comes next; else `t`.
 */
function pastModifier(c: Context, t: number, s: Sentence): number {
  const { pos, lemma } = c.tokens
  if (t + 1 >= s.tokenEnd || !MODIFIER_PREPOSITIONS.has(lemma[t])) return t
  let k = t + 1
  while (k < s.tokenEnd && k <= t + 6 && (pos[k] === DET || pos[k] === ADJ || pos[k] === NOUN || pos[k] === PROPN || isHyphenJoin(c, k))) k++
  if (k === t + 1 || k >= s.tokenEnd || (pos[k] !== AUX && pos[k] !== VERB)) return t
  return k
}

/**
 * What a bare number with a clause of its own counts (`nounOnly`), displaced when the people
 * of the figure before cross into a country ("forced 120,000 people from their homes, and some
 * 85,000 have crossed into Ethiopia").
 */
function crossedOrNoun(c: Context, prior: Counted, b: number, s: Sentence): Counted {
  const own = nounOnly(c, prior)
  if (own.category !== 'other' || crossing(c, b, s) < 0) return own
  for (let t = prior.npStart; t < prior.npEnd; t++) if (OTHER_PEOPLE.has(c.tokens.lemma[t])) return { ...own, category: 'displaced' }
  return own
}

/** What the figure before counts, its noun phrase only: its category from its nouns, not its predicate. */
function nounOnly(c: Context, prior: Counted): Counted {
  const { lemma } = c.tokens
  // a figure before with no noun of its own ("and 300 were wounded") has nothing else to give
  if (prior.npEnd <= prior.npStart) return prior
  const heads: Category[] = []
  let isMilitary = false
  let isPeople = false
  for (let t = prior.npStart; t < prior.npEnd; t++) {
    const cat = NOUN_CATEGORY.get(lemma[t])
    if (cat !== undefined) heads.push(cat)
    if (MILITARY_PEOPLE.has(lemma[t])) isMilitary = true
    if (OTHER_PEOPLE.has(lemma[t]) || LABOUR_PEOPLE.has(lemma[t])) isPeople = true
  }
  const end = Math.max(prior.npStart, prior.npEnd - 1)
  return {
    start: c.tokens.start[prior.npStart], end: c.tokens.end[end],
    category: decideCategory(new Set(), heads, isMilitary, isPeople) ?? 'other', npStart: prior.npStart, npEnd: prior.npEnd, after: prior.npEnd,
  }
}

/** "air defence systems", "two more Patriot systems", "missile batteries": a system that is a weapon. */
function isWeaponSystem(c: Context, from: number, to: number): boolean {
  let isWeapon = false
  for (let t = from; t < to; t++) {
    const word = tokenText(c, t).toLowerCase()
    if (WEAPON_SYSTEM_WORDS.has(c.tokens.lemma[t]) || WEAPON_SYSTEM_WORDS.has(word)) isWeapon = true
    else if (isWeapon && /^(system|systems|battery|batteries)$/.test(word)) return true
    // "27 machine guns", "anti-tank guns": a gun named by its kind is a weapon (a bare "gun" stays equipment)
    else if (/^guns?$/.test(word) && t > from && /^(?:machine|anti-tank|anti-aircraft|field)$/i.test(tokenText(c, t - 1))) return true
  }
  return false
}

/** "have crossed into Chad", "crossed the border": the token after "cross", or -1. */
function crossing(c: Context, from: number, s: Sentence): number {
  const { pos, lemma } = c.tokens
  let t = from
  if (t < s.tokenEnd && (lemma[t] === 'who' || lemma[t] === 'that')) t++
  while (t < s.tokenEnd && t < from + 4 && (pos[t] === AUX || pos[t] === ADV)) t++
  return t < s.tokenEnd && lemma[t] === 'cross' ? t + 1 : -1
}

/**
 * The end of "have reached Italy by sea", "arrived in Greece", "landed on Lampedusa" after the
 * people counted: a verb of arrival with a place (a name of a country or place, or "by sea")
 * after it. -1 when there is none.
 */
function arriving(c: Context, from: number, s: Sentence): number {
  const { pos, lemma } = c.tokens
  let t = from
  while (t < s.tokenEnd && t < from + 4 && (pos[t] === AUX || pos[t] === ADV)) t++
  if (t >= s.tokenEnd || pos[t] !== VERB || !ARRIVAL_VERBS.has(lemma[t])) return -1
  let k = t + 1
  // ("are arriving each day at the Adre crossing": past a time phrase)
  while (k < s.tokenEnd && k < t + 4 && (overlapsTime(c, k) || /^(?:each|every|day|daily|night|week)$/.test(lemma[k]))) k++
  if (k < s.tokenEnd && (lemma[k] === 'in' || lemma[k] === 'on' || lemma[k] === 'at')) k++
  let place = k < s.tokenEnd && pos[k] === PROPN && entitiesHolding(c, k).some((e) => e.type === 'GPE' || (e.type === 'OTHER' && countryOf(e) !== null))
  // ("at the Adre crossing", "at the border"): a border is where refugees arrive
  if (!place && lemma[k - 1] === 'at') {
    let n = k
    while (n < s.tokenEnd && n < k + 4 && (pos[n] === DET || pos[n] === PROPN || pos[n] === ADJ)) n++
    if (n < s.tokenEnd && BORDER_PLACES.has(tokenText(c, n).toLowerCase())) { place = true; k = n }
  }
  const bySea = /^\s*(?:\S+\s+){0,2}by (?:sea|boat)\b/i.test(c.text.slice(c.tokens.start[t + 1] ?? s.end, s.end))
  return place || bySea ? k + 1 : -1
}
const ARRIVAL_VERBS = new Set(['reach', 'arrive', 'land'])
const BORDER_PLACES = new Set(['border', 'crossing', 'frontier'])

// Heads of a group that may be a sports side as well as a crew sent to serve.
const TEAM_HEADS = new Set(['team', 'squad'])

/** Whether sentence `s` speaks of rescue, relief, policing or arms: a word of `SERVICE_CONTEXT` or a military people noun. */
function hasServiceContext(c: Context, s: Sentence): boolean {
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    const lemma = c.tokens.lemma[t]
    if (SERVICE_CONTEXT.has(lemma) || MILITARY_PEOPLE.has(lemma)) return true
  }
  return false
}

/**
 * Where the people counted at `from` are, when it decides their category: "were on the night
 * shift", "were on duty" (at work where something happened: deployed); "spent the night in
 * tents", "slept outdoors", "are sheltering in schools" (out of their homes: displaced).
 * Returns the category and the token after the phrase, or null.
 */
function whereabouts(c: Context, from: number, s: Sentence, head: number): { category: Category; end: number } | null {
  const { pos, lemma } = c.tokens
  const isLabour = LABOUR_PEOPLE.has(lemma[head])
  let t = from
  if (t < s.tokenEnd && (lemma[t] === 'who' || lemma[t] === 'that')) t++
  while (t < s.tokenEnd && t < from + 4 && (pos[t] === AUX || pos[t] === ADV) && lemma[t] !== 'on') t++
  if (t >= s.tokenEnd) return null
  // "40 firefighters were at the scene", "30 engineers are working on the line": people whose
  // work it is, at work where it happened (residents at the scene are not, nor "31 men were
  // working in that section", who may be anyone)
  if (isLabour && !GENERIC_PEOPLE.has(lemma[head]) && (lemma[t] === 'work' || (lemma[t] === 'at' && t + 2 < s.tokenEnd && pos[t + 1] === DET && WORK_PLACES.has(lemma[t + 2])))) {
    return { category: 'deployed', end: lemma[t] === 'work' ? t + 1 : t + 3 }
  }
  if (lemma[t] === 'on') {
    let k = t + 1
    while (k < s.tokenEnd && k < t + 4 && (pos[k] === DET || pos[k] === ADJ || (pos[k] === NOUN && lemma[k] !== 'shift' && lemma[k] !== 'duty'))) k++
    return k < s.tokenEnd && (lemma[k] === 'shift' || lemma[k] === 'duty') ? { category: 'deployed', end: k + 1 } : null
  }
  // "spent the night(s) in/outdoors", "slept in cars", "sheltered in a mosque"
  let k = t
  if (lemma[k] === 'spend' && k + 1 < s.tokenEnd) {
    k++
    if (pos[k] === DET || pos[k] === ADJ || pos[k] === NUM) k++
    if (k >= s.tokenEnd || (lemma[k] !== 'night' && lemma[k] !== 'nights')) return null
  } else if (lemma[k] !== 'sleep' && lemma[k] !== 'shelter') {
    return null
  }
  k++
  return k < s.tokenEnd && /^(in|at|outdoors|outside|under)$/.test(lemma[k]) ? { category: 'displaced', end: k + 1 } : null
}

// Where people whose work it is are sent: "at the scene", "at the site".
const WORK_PLACES = new Set(['scene', 'site'])
// Words of `LABOUR_PEOPLE` that name anyone: "men", "members", "staff".
const GENERIC_PEOPLE = new Set(['man', 'men', 'member', 'staff', 'unit', 'team', 'crew'])

// Heads that count people by their homes: "40 households", "300 families".
const HOME_HEADS = new Set(['household', 'family', 'home', 'house'])

// Words of a streak: "23 straight matches", "five consecutive wins".
const STREAK_WORDS = new Set(['straight', 'consecutive', 'successive'])

// Nouns of a number that names nothing counted: "the usual number", "last year's level".
const FIGURE_WORDS = new Set(['number', 'figure', 'total', 'level', 'count', 'average'])

// Participles of reporting after a figure: "24 given the night before", "95 reported a day earlier".
const REPORTED_PARTICIPLES = new Set(['given', 'reported', 'announced', 'recorded', 'cited', 'counted', 'confirmed', 'registered', 'published'])

// Verbs by which people join up: "recruited 30,000 new soldiers" counts no deployment.
const JOINING_VERBS = new Set(['recruit', 'enlist', 'conscript', 'draft', 'enrol', 'enroll'])

/**
 * "3,000 soldier-builders and shock brigade members were dispatched": the noun phrase
 * stopped at a second conjunct of another kind; the predicate after that conjunct is said of
 * both. Returns the token after the conjunct, or `t` when none follows (or it has a number
 * of its own: "300 soldiers and 20 tanks were sent").
 */
function pastConjunct(c: Context, t: number, s: Sentence): number {
  const { pos, lemma } = c.tokens
  if (t + 1 >= s.tokenEnd || (lemma[t] !== 'and' && lemma[t] !== 'or')) return t
  // ("Two soldiers and a civilian were killed": an article before the conjunct)
  const at = t + 2 < s.tokenEnd && pos[t + 1] === DET && (lemma[t + 1] === 'a' || lemma[t + 1] === 'an') ? t + 2 : t + 1
  const np = nounPhrase(c, at, s.tokenEnd)
  // ("a civilian", which wink tags as an adjective)
  if (np === null && at > t + 1 && (OTHER_PEOPLE.has(lemma[at]) || MILITARY_PEOPLE.has(lemma[at]) || LABOUR_PEOPLE.has(lemma[at]))) return at + 1
  if (np === null || np.start !== at || pos[at] === NUM) return t
  return np.end
}

// Line labels that count nothing ("Page: 12", "Phone: 0800 ...") are kept out by asking for a
// plural, a category noun, equipment or people.
const LIST_SEPARATORS = new Set([':', '-', '–', '—'])

/**
 * "Tanks: 10,912", "Artillery systems - 29,874": a line of a list or table whose only
 * words are a label and the number counts what the label names. The label opens its line
 * and is a short noun phrase; nothing but punctuation follows the number on the line (the
 * sentence splitter does not always end a sentence at a line break).
 */
function listLabel(c: Context, q: Quantity, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  const sep = a - 1
  if (sep <= s.tokenStart || !LIST_SEPARATORS.has(tokenText(c, sep))) return null
  const lineEnd = c.text.indexOf('\n', q.end)
  if (!/^[\s.,;]*$/.test(c.text.slice(q.end, lineEnd < 0 ? c.text.length : lineEnd))) return null
  const lineStart = c.text.lastIndexOf('\n', q.start - 1) + 1
  let first = sep
  while (first - 1 >= s.tokenStart && c.tokens.start[first - 1] >= lineStart) first--
  if (first === sep || sep - first > 5 || c.tokens.start[first] < lineStart) return null
  for (let t = first; t < sep; t++) if (pos[t] !== NOUN && pos[t] !== PROPN && pos[t] !== ADJ && !isHyphenJoin(c, t)) return null
  const head = sep - 1
  if (pos[head] !== NOUN && pos[head] !== PROPN) return null
  // a capitalised label is read as a name, whose lemma is the word itself ("Tanks")
  const singular = (t: number) => singularOf(c, t)
  const lem = singular(head)
  const isPlural = tokenText(c, head).toLowerCase() !== lem
  const heads: Category[] = []
  for (let t = first; t < sep; t++) {
    const cat = NOUN_CATEGORY.get(singular(t)) ?? NOUN_CATEGORY.get(tokenText(c, t).toLowerCase())
    if (cat !== undefined) heads.push(cat)
  }
  if (isWeaponSystem(c, first, sep)) heads.push('munitions')
  const isMilitary = MILITARY_PEOPLE.has(lem)
  const isPeople = OTHER_PEOPLE.has(lem) || LABOUR_PEOPLE.has(lem)
  if (!isPlural && heads.length === 0 && !EQUIPMENT.has(lem) && !isMilitary && !isPeople) return null
  const category = decideCategory(new Set(), heads, isMilitary, isPeople) ?? 'other'
  return { start: c.tokens.start[first], end: c.tokens.end[head], category, npStart: first, npEnd: sep, after: a + 1 }
}

// Participles by which a place is made for a number of people or things: "a hospital built for 140".
const CAPACITY_PARTICIPLES = new Set(['build', 'design', 'mean', 'intend', 'plan', 'equip'])

/**
 * "310 patients in a hospital built for 140", "a camp designed for 5,000": a bare number after
 * "for" and a participle of making counts what the place was made to hold (`other`), named by
 * the noun before the participle.
 */
function capacityOf(c: Context, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  // "hosting 8,900 people against a capacity of 5,200": a bare number after "capacity of"
  if (a - 2 >= s.tokenStart && lemma[a - 1] === 'of' && lemma[a - 2] === 'capacity' && pos[a - 2] === NOUN) {
    return { start: c.tokens.start[a - 2], end: c.tokens.end[a - 2], category: 'other', npStart: a - 2, npEnd: a - 1, after: a + 1 }
  }
  const v = a - 2
  if (v - 1 < s.tokenStart || lemma[a - 1] !== 'for' || !CAPACITY_PARTICIPLES.has(lemma[v]) || !/ed$|built$|meant$/i.test(tokenText(c, v))) return null
  if (pos[v - 1] !== NOUN) return null
  return { start: c.tokens.start[v - 1], end: c.tokens.end[a - 1], category: 'other', npStart: v - 1, npEnd: v, after: a + 1 }
}

/**
 * "Even adding them, the total comes to 113,200": a bare number after a total, tally or figure
 * with no "of" and a verb of amounting ("comes to", "stands at", "reaches", "was") counts what
 * the figure before it counts, in this sentence or an earlier one (`earlier`, its category).
 */
function totalOfEarlier(c: Context, a: number, s: Sentence, earlier: Category | null): Counted | null {
  const { pos, lemma } = c.tokens
  if (earlier === null) return null
  let v = a - 1
  while (v >= s.tokenStart && (lemma[v] === 'to' || lemma[v] === 'at' || pos[v] === ADV)) v--
  const isAmounting = v >= s.tokenStart && (pos[v] === VERB || pos[v] === AUX) &&
    (TOTAL_VERBS.has(lemma[v]) || (lemma[v] === 'come' && lemma[v + 1] === 'to'))
  if (!isAmounting) return null
  let t = v - 1
  while (t >= s.tokenStart && (pos[t] === AUX || pos[t] === ADV)) t--
  if (t < s.tokenStart) return null
  // (wink may read "the total" as an adjective)
  const isNoun = pos[t] === NOUN || (pos[t] === ADJ && t - 1 >= s.tokenStart && pos[t - 1] === DET)
  // ("Last month that figure was 9,000": a figure that names no noun refers back as a total does)
  if (!isNoun || (lemma[t] !== 'total' && lemma[t] !== 'tally' && lemma[t] !== 'figure')) return null
  return { start: c.tokens.start[t], end: c.tokens.end[t], category: earlier, npStart: t, npEnd: t + 1, after: a + 1 }
}

/**
 * "That compares with 870 in the same period last year": a bare number right after a sentence
 * that opens with "That", "This" or "It" and "compares with" (or "to") counts what the figure
 * before it counts (`earlier`, its category).
 */
function comparedBack(c: Context, a: number, s: Sentence, earlier: Category | null): Counted | null {
  const { pos, lemma } = c.tokens
  const open = s.tokenStart
  if (earlier === null || a !== open + 3 || !/^(?:That|This|It)$/.test(tokenText(c, open))) return null
  if (!/^compared?s?$/i.test(tokenText(c, open + 1)) || (lemma[open + 2] !== 'with' && lemma[open + 2] !== 'to')) return null
  if (pos[open + 1] !== VERB && pos[open + 1] !== NOUN) return null
  return { start: c.tokens.start[open], end: c.tokens.end[open], category: earlier, npStart: open, npEnd: open + 1, after: a + 1 }
}

/**
 * "Of the new cases, 11 were health workers", "Of the dead, nine were children": a bare number
 * that opens a clause of its own (a verb right after it) after a sentence-opening "Of" and a
 * determined noun phrase counts a part of what that phrase names. With no determiner ("Of
 * course, 11 were ...", "Of note, ...") the opening is no partitive.
 */
function partitiveOpening(c: Context, a: number, b: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  const open = s.tokenStart
  if (open + 3 >= a || lemma[open] !== 'of' || pos[open + 1] !== DET || tokenText(c, a - 1) !== ',') return null
  if (b >= s.tokenEnd || (pos[b] !== AUX && pos[b] !== VERB)) return null
  const np = nounPhrase(c, open + 2, a - 1)
  // ("Of the dead, ...": a people named by what befell them)
  const named = a - 1 === open + 3 ? NOUN_CATEGORY.get(tokenText(c, open + 2).toLowerCase()) : undefined
  if (np === null && named === undefined) return null
  if (np !== null && np.end !== a - 1) return null
  const head = np?.head ?? open + 2
  const category = named ?? NOUN_CATEGORY.get(lemma[head]) ?? 'other'
  return { start: c.tokens.start[open + 1], end: c.tokens.end[a - 2], category, npStart: open + 1, npEnd: a - 1, after: b }
}

// Nouns for a body of people whose size follows "of": "a crowd of 62,000", "a force of 3,000".
const COLLECTIVES = new Map([
  ['crowd', false], ['audience', false], ['population', false], ['gathering', false], ['congregation', false],
  ['workforce', false], ['force', true], ['contingent', true], ['garrison', true], ['army', true],
])

/** "in front of a crowd of 62,000", "a force of 3,000": the collective noun before "of" is what the figure counts. */
function collectiveBefore(c: Context, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  const t = a - 2
  if (t < s.tokenStart || lemma[a - 1] !== 'of' || pos[t] !== NOUN) return null
  const isMilitary = COLLECTIVES.get(lemma[t])
  if (isMilitary === undefined) return null
  return { start: c.tokens.start[t], end: c.tokens.end[t], category: isMilitary ? 'deployed' : 'other', npStart: t, npEnd: t + 1, after: a }
}

// Verbs whose subject is people who join in: "1.2 million had taken part", "300 marched", "90,000 joined".
const PARTICIPATION_VERBS = new Set(['march', 'protest', 'rally', 'demonstrate', 'attend', 'gather', 'vote', 'join'])

// Verbs by which a bare number is those of the figure before who stay: "fewer than 900 remain".
const STAYING_VERBS = new Set(['remain', 'stay', 'live'])

/** After a bare number at token `b`: the token after "(had) taken part", "marched", "voted", or -1. */
function participants(c: Context, b: number, s: Sentence): number {
  const { pos, lemma } = c.tokens
  let t = b
  while (t < s.tokenEnd && t < b + 3 && (pos[t] === AUX || pos[t] === ADV)) t++
  if (t >= s.tokenEnd || pos[t] !== VERB) return -1
  if (lemma[t] === 'take' && t + 1 < s.tokenEnd && lemma[t + 1] === 'part') return t + 2
  return PARTICIPATION_VERBS.has(lemma[t]) ? t + 1 : -1
}

// Verbs by which a source gives the size of a noun with "at": "put the turnout at 480,000".
const PUT_AT_VERBS = new Set(['put', 'estimate', 'peg', 'place', 'set', 'count'])

/**
 * "The interior ministry put the turnout at 480,000", "estimated the crowd at 20,000": the
 * object of a verb of estimating before "at" is what the figure counts ("put the number of
 * refugees at 2,000": what the number is of).
 */
function putAt(c: Context, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  if (a - 3 < s.tokenStart || lemma[a - 1] !== 'at') return null
  // ("put the number higher, at 57,500": a comma before "at")
  let t = tokenText(c, a - 2) === ',' ? a - 3 : a - 2
  // ("put the number of damaged homes at 3,800": past a participle before a noun)
  while (t > s.tokenStart && t >= a - 8 && (pos[t] === NOUN || pos[t] === ADJ || pos[t] === DET || pos[t] === PRON || lemma[t] === 'of' ||
    (lemma[t - 1] === 'of' && isModifyingParticiple(c, t, -1, a - 1)))) t--
  if (!PUT_AT_VERBS.has(lemma[t]) || pos[t] !== VERB) t = countObjectVerb(c, a, s)
  if (t < 0) return null
  // "a march that the police counted at 31,000": the object is the noun before the relative pronoun
  if (t + 1 >= a - 1) return relativeObject(c, t, s)
  let from = t + 1
  while (from < a - 1 && (pos[from] === DET || pos[from] === PRON)) from++
  if (COUNT_NOUNS.has(lemma[from]) && lemma[from + 1] === 'of') return countOf(c, s, from, a - 1, a)
  const np = nounPhrase(c, from, a - 1)
  if (np === null || NOT_COUNTED.has(lemma[np.head])) return null
  const heads: Category[] = []
  for (let k = np.start; k < np.end; k++) {
    const cat = NOUN_CATEGORY.get(lemma[k])
    if (cat !== undefined) heads.push(cat)
  }
  const category = decideCategory(new Set(), heads, MILITARY_PEOPLE.has(lemma[np.head]), OTHER_PEOPLE.has(lemma[np.head])) ?? 'other'
  return { start: c.tokens.start[np.start], end: c.tokens.end[np.head], category, npStart: np.start, npEnd: np.end, after: a }
}

// How many tokens "the number of ..." before "at" may run: "put the number of people abducted
// across the northwest in 2025 at" is 11.
const COUNT_OBJECT_REACH = 14

/**
 * "put the number of people abducted across the northwest in 2025 at between 3,500 and 4,000":
 * a verb of estimating whose object is "the number/total of" a noun that a participle and its
 * phrases of place and time follow, before the "at" right before the figure at token `a`. The
 * walk back passes nouns, names, numbers, adverbs (wink tags "northwest" as one), prepositions
 * other than "at" and a participle after a noun (or one read as a noun, as wink reads
 * "abducted" there); the verb's index, or -1. (Only with "the number of": a plain noun after a verb that is
 * no verb of estimating stays no object, "sent troops to the border at 5 am".)
 */
function countObjectVerb(c: Context, a: number, s: Sentence): number {
  const { pos, lemma } = c.tokens
  let t = tokenText(c, a - 2) === ',' ? a - 3 : a - 2
  while (t > s.tokenStart && t >= a - COUNT_OBJECT_REACH && lemma[t] !== 'at' && (pos[t] === NOUN || pos[t] === PROPN || pos[t] === ADJ ||
    pos[t] === DET || pos[t] === NUM || pos[t] === ADP || pos[t] === ADV || (pos[t] === VERB && /(ed|en)$/i.test(tokenText(c, t)) && pos[t - 1] === NOUN))) t--
  if (!PUT_AT_VERBS.has(lemma[t]) || pos[t] !== VERB) return -1
  let from = t + 1
  while (from < a - 1 && pos[from] === DET) from++
  return COUNT_NOUNS.has(lemma[from]) && lemma[from + 1] === 'of' ? t : -1
}

/**
 * The noun a relative pronoun before the clause of verb `v` stands for, as what the figure
 * counts: "a march that the police counted at", "the crowd, which organisers estimated at".
 */
function relativeObject(c: Context, v: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  let k = v - 1
  while (k > s.tokenStart && k >= v - 5 && (pos[k] === NOUN || pos[k] === PROPN || pos[k] === DET || pos[k] === ADJ || pos[k] === AUX)) k--
  if (k <= s.tokenStart || (lemma[k] !== 'that' && lemma[k] !== 'which')) return null
  let head = k - 1
  if (tokenText(c, head) === ',') head--
  if (head < s.tokenStart || pos[head] !== NOUN || NOT_COUNTED.has(lemma[head])) return null
  let start = head
  while (start - 1 >= s.tokenStart && (pos[start - 1] === NOUN || pos[start - 1] === ADJ)) start--
  const heads: Category[] = []
  for (let t = start; t <= head; t++) {
    const cat = NOUN_CATEGORY.get(lemma[t])
    if (cat !== undefined) heads.push(cat)
  }
  const category = decideCategory(new Set(), heads, MILITARY_PEOPLE.has(lemma[head]), OTHER_PEOPLE.has(lemma[head])) ?? 'other'
  return { start: c.tokens.start[start], end: c.tokens.end[head], category, npStart: start, npEnd: head + 1, after: v + 1 }
}

/** Whether "from their homes" follows at token `t` ("forced more than 700,000 Haitians from their homes"). */
function isFromHome(c: Context, s: Sentence, t: number): boolean {
  const { pos, lemma } = c.tokens
  return t + 2 < s.tokenEnd && lemma[t] === 'from' && (pos[t + 1] === PRON || pos[t + 1] === DET) && lemma[t + 2] === 'home'
}

// Words that join a figure of people to the one before as more of it or a part of it
// ("and 5,000 military builders", "including 4,506 children").
const PART_OF_PRIOR = new Set(['and', 'or', 'include', 'including'])

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
  // ('losses had been "up to 2,100 servicemen"': past a quotation mark that opens the figure)
  if (v >= s.tokenStart && QUOTE_MARKS.has(tokenText(c, v))) v--
  while (v >= s.tokenStart && (lemma[v] === 'to' || lemma[v] === 'at' || pos[v] === ADV)) v--
  if (v >= s.tokenStart && lemma[v + 1] === 'to') {
    const brought = broughtCategoryNoun(c, s, v + 1)
    if (brought !== null) return brought
  }
  if (v < s.tokenStart || !TOTAL_VERBS.has(lemma[v]) || (pos[v] !== VERB && pos[v] !== AUX)) return null
  return findCountedBefore(c, v + 1, s)
}

/**
 * "bringing the number freed so far to 76", "bringing the number killed to 40": a verb of
 * bringing whose object is "the number" and a participle of what befell people counts that
 * (the figure after "to", at token `to`), or null.
 */
function broughtNumberOf(c: Context, s: Sentence, to: number): Counted | null {
  const { pos, lemma } = c.tokens
  let verb = to - 1
  while (verb >= s.tokenStart && verb >= to - 8 && !CLAUSE_BREAKS.has(tokenText(c, verb)) && !(pos[verb] === VERB && BRINGING_VERBS.has(lemma[verb]))) verb--
  if (verb < s.tokenStart || pos[verb] !== VERB || !BRINGING_VERBS.has(lemma[verb])) return null
  for (let t = verb + 1; t + 1 < to; t++) {
    if (lemma[t] !== 'number' || pos[t + 1] !== VERB || !/(?:ed|en)$/i.test(tokenText(c, t + 1))) continue
    const done = lemma[t + 1] === 'free' || lemma[t + 1] === 'release' ? 'captured' : PREDICATE_CATEGORY.get(lemma[t + 1])
    if (done === undefined || done === 'deployed') return null
    return { start: c.tokens.start[t], end: c.tokens.end[t + 1], category: done, npStart: t, npEnd: t + 2, after: to + 1 }
  }
  return null
}

/**
 * "bringing Russia's total losses since 2022 to 650,000 personnel": the category noun that a
 * verb of bringing takes to the figure after "to" (at token `to`), or null.
 */
function broughtCategoryNoun(c: Context, s: Sentence, to: number): Counted | null {
  const { pos, lemma } = c.tokens
  let verb = to - 1
  while (verb >= s.tokenStart && verb >= to - 12 && !CLAUSE_BREAKS.has(tokenText(c, verb)) && !(pos[verb] === VERB && BRINGING_VERBS.has(lemma[verb]))) verb--
  if (verb < s.tokenStart || pos[verb] !== VERB || !BRINGING_VERBS.has(lemma[verb])) return null
  for (let t = verb + 1; t < to; t++) {
    if (pos[t] !== NOUN || c.timeAt[t] !== 0) continue
    const category = NOUN_CATEGORY.get(lemma[t])
    if (category === undefined || category === 'munitions') continue
    if (lemma[t] === 'toll') return tollAt(c, s, t, to + 1)
    return { start: c.tokens.start[t], end: c.tokens.end[t], category, npStart: t, npEnd: t + 1, after: to + 1 }
  }
  return null
}

// What may join a number to an earlier figure it shares its counted thing with.
const FIGURE_NOUNS = new Set(['figure', 'estimate', 'total', 'count', 'tally', 'number'])

const ELLIPSIS_WORDS = new Set(['from', 'another', 'to', 'and', 'or', 'but', 'versus', 'vs', 'against', 'than', 'with', 'include', 'including'])

/**
 * "down from 10,000", "with another 1,500 expected", "but 1.2 million remained", "and Malek
 * 1,876,950": a number whose noun is left out.
 */
function isElliptic(c: Context, a: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  // "has given a figure of 11,300"
  if (a - 2 >= s.tokenStart && lemma[a - 1] === 'of' && FIGURE_NOUNS.has(lemma[a - 2])) return true
  // "holds fewer than 180,000": a bound the quantity opens with is as "than" before it
  if (a + 2 < s.tokenEnd && lemma[a + 1] === 'than' && /^(?:fewer|more|less)$/i.test(tokenText(c, a)) && pos[a + 2] === NUM) return true
  for (let t = a - 1; t >= s.tokenStart && t >= a - 3; t--) {
    if (ELLIPSIS_WORDS.has(lemma[t])) return true
    // "Voss received 2,184,300 votes and Malek 1,876,950": a name whose verb and noun are left out
    if (pos[t] !== ADV && pos[t] !== DET && pos[t] !== ADJ && !(pos[t] === PROPN && t - 1 >= s.tokenStart && (lemma[t - 1] === 'and' || pos[t - 1] === PROPN))) break
  }
  return false
}

// Nouns of money a percentage may be a share of.
const MONEY_CONTEXT = new Set([
  'budget', 'spending', 'expenditure', 'revenue', 'funding', 'fund', 'aid', 'money', 'cost',
  'debt', 'deficit', 'tax', 'salary', 'wage', 'income', 'gdp', 'price',
  'profit', 'earnings', 'pay', 'bonus', 'pension', 'turnover',
])
// "22 per cent of the amount (has been received)": an amount of nothing named is money
// ("of the amount of rain" is rain)
const MONEY_HEADS = new Set(['amount', 'sum'])

/** Whether a noun (or a name that is no place) stands in `[from, t)`, as a modifier of the noun at `t`. */
function hasNounBefore(c: Context, from: number, t: number): boolean {
  // ("its British growth forecast": a place or demonym names whose economy, not what grows)
  for (let k = from; k < t; k++) {
    if ((c.tokens.pos[k] === NOUN || c.tokens.pos[k] === PROPN) && c.tokens.lemma[k] !== 'gdp' &&
      !entitiesHolding(c, k).some((e) => e.type === 'GPE' || e.type === 'NORP')) return true
  }
  return false
}

// Module functions, not closures in findShareCounted: tsx names every closure it creates
// (`__name`, a defineProperty of some 4,000 instructions), three a share.
function asCounted(c: Context, np: { start: number; head: number; end: number }, category: Category): Counted {
  return { start: c.tokens.start[np.start], end: c.tokens.end[np.head], category, npStart: np.start, npEnd: np.end, after: np.end }
}

// A share of "percent", of "years" or of a named place or person is no count: "5% in Ohio"
function isCountable(c: Context, np: { head: number }): boolean {
  return !NOT_COUNTED.has(c.tokens.lemma[np.head]) &&
    !entitiesHolding(c, np.head).some((e) => e.type === 'GPE' || e.type === 'PERSON')
}

function shareCategory(c: Context, s: Sentence, np: { start: number; head: number; end: number }, isOf: boolean): Category {
  const { pos, lemma } = c.tokens
  // "consumer prices rose 2.4 percent": the prices of what people buy are inflation, a rate (not
  // "its share price", money)
  for (let t = np.start; t < np.end; t++) {
    if ((MONEY_CONTEXT.has(lemma[t]) && !(lemma[t] === 'price' && t - 1 >= np.start && lemma[t - 1] === 'consumer')) || MONEY_NOUNS.has(lemma[t])) return 'money'
    // "4.5 percent of gross domestic product": GDP written out
    if (lemma[t] === 'product' && t - 1 >= np.start && (lemma[t - 1] === 'domestic' || lemma[t - 1] === 'national')) return 'money'
  }
  // "about 10 percent of the country's annual economic output": output in money (not "steel output")
  if (lemma[np.head] === 'output' && np.head - 1 >= np.start && lemma[np.head - 1] === 'economic') return 'money'
  // "its growth forecast", "Growth slowed to 0.9 percent", "expects output to fall": growth and
  // output that no noun before them names ("population growth", "steel output") are an
  // economy's, money as the economy's are
  const economic = np.head - 1 >= np.start && lemma[np.head] === 'forecast' ? np.head - 1 : np.head
  if ((lemma[economic] === 'growth' || lemma[economic] === 'output') && !hasNounBefore(c, np.start, economic)) return 'money'
  if (MONEY_HEADS.has(lemma[np.head])) return 'money'
  // "the economy grew 1.2 percent", "its shares fell 6 percent": what an economy makes and
  // the price of stock are money (not "a share of the vote": the plural or "stock")
  // ("disapproved of the handling of the economy and 29 percent approved": the economy is
  // what the share is of only when it is the share's subject or the whole after "of")
  const isWhole = isOf || (np.head + 1 < s.tokenEnd && (pos[np.head + 1] === VERB || pos[np.head + 1] === AUX))
  if (isWhole && (lemma[np.head] === 'economy' || /^(?:shares|stocks?)$/i.test(tokenText(c, np.head)))) return 'money'
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

// ("as GDP shrinks 0.4%": an acronym of money tagged as a name)
function isShareNoun(c: Context, s: Sentence, dash: number, k: number): boolean {
  const { pos, lemma } = c.tokens
  return pos[k] === NOUN || ((k === s.tokenStart || (dash >= 0 && k === dash + 1)) && isCapitalisedNoun(c, k)) || lemma[k] === 'gdp'
}

function inFigure(c: Context, k: number): boolean {
  return quantitiesEndingAt(c, k).some((x) => x.start <= c.tokens.start[k])
}

/**
 * What a percentage or a multiplier is of: "90 per cent of the population ... displaced",
 * "turnout reached 61.4%", "tripled its output of shells", "the number of applications
 * doubled". A share apposed to a figure ("1.9 million people, or about 90 per cent") or of
 * it ("60% of them") counts what that figure counts. Null when nothing is named.
 */
/** Whether a common noun stands in tokens [from, to). */
function hasNounIn(c: Context, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (c.tokens.pos[t] === NOUN) return true
  return false
}

/** Whether "funded" or "financed" follows token `b` ("23 percent funded", "is 40 per cent financed"). */
export function isFundedAfter(c: Context, b: number, s: Sentence): boolean {
  return b < s.tokenEnd && /^(?:funded|financed|underfunded)$/i.test(tokenText(c, b))
}

function findShareCounted(c: Context, q: Quantity, a: number, b: number, s: Sentence, prior: Counted | null, earlier: Category | null): Counted | null {
  const { pos, lemma } = c.tokens
  let from = b
  if (q.kind === 'multiplier') {
    while (from < s.tokenEnd && (pos[from] === DET || pos[from] === PRON) && lemma[from] !== 'them') from++
  } else {
    if (from >= s.tokenEnd || lemma[from] !== 'of') from = -1
    else from++
    // "60% of them", "or about 90 per cent of the population": a share of the figure before
    const isApposed = a - 1 >= s.tokenStart && (lemma[a - 1] === 'or' || lemma[a - 1] === 'of')
    // ("has received only 17 percent of it": of the amount before)
    if (prior !== null && ((from > 0 && /^(them|those|whom|these|it)$/.test(lemma[from] ?? '')) || isApposed)) {
      return standingFor(prior, b)
    }
    // "Donors pledged $1.5 billion. Less than 60 percent of it arrived": a share of "it" or
    // "them" with no figure before it in its sentence is a share of the last figure before
    // (no noun before it in its sentence that the pronoun could stand for: "these young kids, ...
    // the 99 percent of them")
    if (prior === null && earlier !== null && from > 0 && /^(them|it)$/.test(lemma[from] ?? '') && pos[from] === PRON && !hasNounIn(c, s.tokenStart, a)) {
      return { start: c.tokens.start[from], end: c.tokens.end[from], category: earlier, npStart: from, npEnd: from + 1, after: from + 1 }
    }
    // "85 percent of those registered at the crossing", "of those killed": the people a participle names
    if (prior === null && from > 0 && from + 1 < s.tokenEnd && lemma[from] === 'those' && (pos[from + 1] === VERB || lemma[from + 1] === 'who')) {
      const signals = new Set<Category>()
      const end = predicate(c, from + 1, s, signals)
      let last = from + 1
      while (last + 1 < s.tokenEnd && (pos[last + 1] === VERB || pos[last + 1] === ADV || lemma[last] === 'who')) last++
      // ("those registered at the crossing", "at the border": people who cross are displaced, as `crossing` reads them)
      for (let k = last + 1; k < s.tokenEnd && k <= last + 5 && signals.size === 0; k++) if (BORDER_WORDS.has(lemma[k]) || BORDER_WORDS.has(tokenText(c, k).toLowerCase())) signals.add('displaced')
      const category = decideCategory(signals, [], false, true) ?? 'other'
      return { start: c.tokens.start[from], end: c.tokens.end[Math.max(last, end - 1)], category, npStart: from, npEnd: last + 1, after: Math.max(last + 1, end) }
    }
    while (from > 0 && from < s.tokenEnd && pos[from] === DET) from++
  }
  if (from > 0) {
    let np = nounPhrase(c, from, s.tokenEnd)
    // "30 times the company's annual profit", "10 percent of the state's budget": a share of
    // what the owner has, not of the owner
    if (np !== null && np.end + 1 < s.tokenEnd && /^['’]s?$/.test(tokenText(c, np.end)) && pos[np.end] === PART) {
      const owned = nounPhrase(c, np.end + 1, s.tokenEnd)
      if (owned !== null) np = { start: np.start, head: owned.head, end: owned.end }
    }
    // "the number of Russian troops", "its output of shells": the measure counts what it measures
    if (np !== null && np.end + 1 < s.tokenEnd && lemma[np.end] === 'of') {
      const inner = nounPhrase(c, np.end + 1 + (pos[np.end + 1] === DET ? 1 : 0), s.tokenEnd)
      if (inner !== null) np = { start: np.start, head: inner.head, end: inner.end }
    }
    // "nearly four times the usual number": a share of a number that names nothing is of the figure before
    if (np !== null && prior !== null && FIGURE_WORDS.has(lemma[np.head]) && (np.end >= s.tokenEnd || lemma[np.end] !== 'of')) {
      return standingFor(prior, b)
    }
    if (np !== null) return isCountable(c, np) ? asCounted(c, np, shareCategory(c, s, np, true)) : null
  }
  // "Voter turnout reached 61.4%", "the number could double": the clause's noun before the number
  // ("Turnout was 63.8 percent": a common noun that opens the sentence is tagged as a name)
  // (or opens the sentence after its dateline: "BERLIN, Sept 15 (Reuters) - Support for ...")
  const dash = sentenceDateline(c, s)
  const standing = q.kind === 'percent' ? nameStanding(c, a, s) : null
  if (standing !== null) return standing
  let t = a - 1
  for (;;) {
    // ("its forecast for this year to 4.2 percent": past a time phrase, whose nouns count nothing)
    while (t >= s.tokenStart && !CLAUSE_BREAKS.has(tokenText(c, t)) && (!isShareNoun(c, s, dash, t) || c.timeAt[t] !== 0)) t--
    // "fell to 22 percent from 24 percent": the noun before is the unit of the figure before,
    // whose share this one is of the same thing
    if (prior !== null && t >= s.tokenStart && isShareNoun(c, s, dash, t) && NOT_COUNTED.has(lemma[t]) && inFigure(c, t)) {
      return standingFor(prior, b)
    }
    // "carried out the plan for eight months at 108.3 percent": past a duration to the noun before
    if (t - 1 >= s.tokenStart && isShareNoun(c, s, dash, t) && NOT_COUNTED.has(lemma[t]) && pos[t - 1] === NUM && !inFigure(c, t)) { t -= 2; continue }
    break
  }
  if (t >= s.tokenStart && isShareNoun(c, s, dash, t)) {
    let start = t
    while (start - 1 >= s.tokenStart && (pos[start - 1] === NOUN || pos[start - 1] === ADJ || pos[start - 1] === PROPN)) start--
    const np = { start, head: t, end: t + 1 }
    // "The number of asylum applications doubled": back to what the number is of
    return isCountable(c, np) ? asCounted(c, np, shareCategory(c, s, np, false)) : null
  }
  // "More than 20,000 people have fled ... Nearly 80 percent are women and children, she said": a
  // share that opens its sentence and is said to be people is a share of the last figure before
  if (prior === null && earlier !== null && isPeopleShareOpening(c, a, b, s)) {
    return { start: c.tokens.start[b + 1], end: c.tokens.end[b + 1], category: earlier, npStart: b + 1, npEnd: b + 2, after: b + 2 }
  }
  // "with 18% earmarked for defence", "it is 7.5 percent more": a share of the figure before
  return prior === null ? null : standingFor(prior, b)
}

/** Whether only hedges, "of those" and commas stand before token `a` in its sentence ("Of those, 1.8 million"). */
function opensSentence(c: Context, a: number, s: Sentence): boolean {
  const { pos } = c.tokens
  for (let t = s.tokenStart; t < a; t++) if (pos[t] !== ADV && pos[t] !== ADP && pos[t] !== DET && pos[t] !== PRON && tokenText(c, t) !== ',') return false
  return true
}

/**
 * "Nearly 80 percent are women and children": a percentage with only hedges before it in its
 * sentence, then "are"/"were" and a noun of people (`OTHER_PEOPLE`). A share that names what
 * it is of ("60 percent of them") is read before this; "40 percent are in debt" names no people.
 */
function isPeopleShareOpening(c: Context, a: number, b: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  for (let t = s.tokenStart; t < a; t++) if (pos[t] !== ADV && pos[t] !== ADP) return false
  if (b + 1 >= s.tokenEnd || lemma[b] !== 'be') return false
  return OTHER_PEOPLE.has(lemma[b + 1]) || OTHER_PEOPLE.has(tokenText(c, b + 1).toLowerCase())
}

// Where people registered or counted are people crossing into a country: "those registered at the crossing".
const BORDER_WORDS = new Set(['crossing', 'border', 'frontier'])

// Verbs by which a party or candidate stands at a share: "The Greens were at 12 percent",
// "the Liberals came second with 27 percent", "Voss received 38 percent".
const STANDING_VERBS = new Set(['be', 'stand', 'come', 'finish', 'poll', 'receive', 'win', 'get', 'take', 'score', 'garner', 'secure', 'trail'])

/**
 * A share right after a name and a verb of standing (`STANDING_VERBS`; "be" only with "at"
 * or "on"): the name's share of a vote or poll, when the share follows "at", "on" or "with" or
 * the name its article ("The Greens received 9 percent"). Not a place's ("In Ohio, 5 percent").
 */
function nameStanding(c: Context, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  let t = a - 1
  const preposition = t >= s.tokenStart && /^(at|on|with)$/.test(lemma[t]) ? lemma[t] : ''
  if (preposition !== '') t--
  let verb = -1
  // ("came second with", "finished a distant third with")
  for (let k = t; k >= s.tokenStart && k > t - 4; k--) {
    if ((pos[k] === VERB || pos[k] === AUX) && STANDING_VERBS.has(lemma[k])) { verb = k; break }
    if (pos[k] !== ADJ && pos[k] !== ADV && pos[k] !== DET && pos[k] !== NUM) return null
  }
  if (verb < 0 || (lemma[verb] === 'be' && preposition !== 'at' && preposition !== 'on')) return null
  let k = verb - 1
  while (k >= s.tokenStart && pos[k] === AUX) k--
  let start = k
  while (start >= s.tokenStart && pos[start] === PROPN) start--
  start++
  if (start > k) return null
  // ("Clinton received 38 percent", "Hillary Clinton won 31 percent": a bare name and a verb
  // alone stay no claim, as in session 8; a party with its article or a share after "at",
  // "on", "with" is a standing)
  if (preposition === '' && !(start - 1 >= s.tokenStart && pos[start - 1] === DET)) return null
  const span = { start: c.tokens.start[start], end: c.tokens.end[k] }
  // ("Turnout stood at 58 percent": a common noun capitalised as the sentence's first word)
  if (start === k && k === s.tokenStart && isCapitalisedNoun(c, k)) return null
  if (within(c.entities, { start: span.start - 80, end: span.end + 80 }).some((e) => (e.type === 'GPE' || e.type === 'NORP') && e.start < span.end && span.start < e.end)) return null
  return { ...span, category: 'other', npStart: start, npEnd: k + 1, after: a }
}

// What stands before a word inside a sentence: a lower-case letter or a comma, and a space.
const MID_SENTENCE = /[\p{Ll},;]\s+$/u

/**
 * Whether token `t`, tagged as a name, is a common noun capitalised as its sentence's first
 * word ("Turnout", "Inflation"): a plain word whose lemma is itself in lower case, which no
 * entity covers but the untyped run the entities stage makes of any capitalised word, and
 * which the text never writes capitalised inside a sentence, as it writes a name ("Clinton
 * received 38 percent"), and which no other name follows.
 */
function isCapitalisedNoun(c: Context, t: number): boolean {
  const word = tokenText(c, t)
  const span = { start: c.tokens.start[t], end: c.tokens.end[t] }
  if (c.tokens.pos[t] !== PROPN || !PLAIN_WORD.test(word) || c.tokens.lemma[t] !== word.toLowerCase()) return false
  // ("Hillary Clinton won 31 percent": the first word of a longer name)
  if (t + 1 < c.tokens.count && c.tokens.pos[t + 1] === PROPN) return false
  if (within(c.entities, span).some((e) => e.start < span.end && span.start < e.end && !(e.type === 'OTHER' && e.start === span.start && e.end === span.end))) return false
  for (let at = c.text.indexOf(word); at >= 0; at = c.text.indexOf(word, at + 1)) {
    if (at !== span.start && MID_SENTENCE.test(c.text.slice(Math.max(0, at - 3), at))) return false
  }
  return true
}

// Verbs that pass on to the predicate after them: "remain missing", "are thought to have drowned", "were left homeless".
const COPULAS = new Set(['go', 'get', 'remain', 'stay', 'become', 'seem', 'appear', 'think', 'believe', 'fear', 'report', 'presume', 'leave', 'feel', 'say', 'know', 'confirm', 'have', 'live', 'seek', 'find', 'hold', 'keep'])

const PLACE_PREPOSITIONS = new Set(['in', 'into', 'to', 'at'])

// Places where people out of their homes are put up: "taken to hotels", "moved to rest centres".
const REFUGE_PLACES = new Set(['hotel', 'hotels', 'shelter', 'shelters', 'centre', 'centres', 'center', 'centers', 'camp', 'camps', 'school', 'schools', 'tent', 'tents'])

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
  if (p + 1 < s.tokenEnd && tokenText(c, p) === ',' && (lemma[p + 1] === 'or' || /^including$/i.test(tokenText(c, p + 1)))) {
    let close = p + 2
    while (close < s.tokenEnd && close < p + 16 && tokenText(c, close) !== ',') close++
    if (close < s.tokenEnd && tokenText(c, close) === ',') p = close + 1
  }
  // "96 patients with gunshot wounds", "40 children with severe burns": people who have a wound
  // ("patients with severe dengue" have an illness)
  if (p + 1 < s.tokenEnd && lemma[p] === 'with' && isPeopleHead(c, from - 1)) {
    for (let k = p + 1; k < s.tokenEnd && k <= p + 3 && (pos[k] === NOUN || pos[k] === ADJ); k++) {
      if (WOUNDS.test(tokenText(c, k).toLowerCase())) { signals.add('wounded'); return k + 1 }
    }
  }
  if (p < s.tokenEnd && (lemma[p] === 'who' || lemma[p] === 'that')) p++
  for (let guard = 0; p < s.tokenEnd && guard < 4; guard++) {
    const start = p
    // "is not founded yet", "were never found": missing
    for (let k = p; k < s.tokenEnd && k < p + 4 && (pos[k] === AUX || pos[k] === PART || pos[k] === ADV); k++) {
      if ((lemma[k] === 'not' || lemma[k] === 'never') && k + 1 < s.tokenEnd &&
        (lemma[k + 1] === 'find' || lemma[k + 1] === 'found' || lemma[k + 1] === 'locate')) { signals.add('missing'); return k + 2 }
    }
    while (p < s.tokenEnd && p - start < 6 && (pos[p] === AUX || (pos[p] === ADV && !isCategoryAdverb(c, p, s)) || pos[p] === PART || COPULAS.has(lemma[p]) ||
      // "remained in camps", "were moved to temporary shelters"
      (PLACE_PREPOSITIONS.has(lemma[p]) && p > start) || (pos[p] === DET && p > start) || ((pos[p] === ADJ || pos[p] === PROPN) && p > start && pos[p + 1] === NOUN))) p++
    if (p >= s.tokenEnd) break
    const word = lemma[p]
    // "were treated for injuries", "were taken to hospital": hurt
    // ("treated for heat exhaustion", "for minor burns": past one modifier; "treated for cholera" is an illness)
    const harm = word === 'treat' && p + 2 < s.tokenEnd && lemma[p + 1] === 'for'
      ? [p + 2, p + 3].find((k) => k < s.tokenEnd && TREATED_HARMS.test(lemma[k]) && (k === p + 2 || pos[p + 2] === ADJ || pos[p + 2] === NOUN)) ?? -1
      : -1
    const isTreated = harm >= 0 ||
      (word === 'take' && p + 2 < s.tokenEnd && lemma[p + 1] === 'to' && /^hospitals?$/.test(lemma[p + 2 + (pos[p + 2] === DET ? 1 : 0)] ?? ''))
    // "remained in critical condition", "are in serious condition": hurt
    const isInCondition = word === 'condition' && p - 1 > start && /^(critical|serious|stable|grave|fair|poor)$/.test(lemma[p - 1])
    // "were still in hospital" (past the preposition, which the loop above skips)
    const isInHospital = (word === 'hospital' || word === 'hospitals') && p - 1 > start && lemma[p - 1] === 'in'
    if (isTreated || isInCondition || isInHospital) { signals.add('wounded'); end = harm >= 0 ? harm + 1 : isTreated ? p + 3 : p + 1; break }
    // "were taken to hotels", "were moved to rest centres": put up away from home
    if ((word === 'take' || word === 'move' || word === 'bring') && p + 1 < s.tokenEnd && lemma[p + 1] === 'to') {
      let k = p + 2
      while (k < s.tokenEnd && k < p + 5 && (pos[k] === DET || pos[k] === ADJ || (pos[k] === NOUN && !REFUGE_PLACES.has(lemma[k])))) k++
      if (k < s.tokenEnd && REFUGE_PLACES.has(lemma[k])) { signals.add('displaced'); end = k + 1; break }
    }
    // "have been forced from their homes", "were driven out of their homes", "were forced to flee":
    // displaced ("force" and "drive" name no category of their own)
    if ((word === 'force' || word === 'drive') && pos[p] === VERB && p + 1 < s.tokenEnd) {
      const from = lemma[p + 1] === 'out' && p + 2 < s.tokenEnd && lemma[p + 2] === 'of' ? p + 2 : p + 1
      const home = from === p + 2 ? (isFromHome(c, s, from) || (from + 2 < s.tokenEnd && (pos[from + 1] === PRON || pos[from + 1] === DET) && lemma[from + 2] === 'home')) : isFromHome(c, s, from)
      if (home) { signals.add('displaced'); end = from + 3; break }
      if (lemma[p + 1] === 'to' && p + 2 < s.tokenEnd && (lemma[p + 2] === 'flee' || (lemma[p + 2] === 'leave' && leavesHome(c, p + 3, s)))) { signals.add('displaced'); end = p + 3; break }
    }
    // "the 390 servicemen released on Friday", "have been freed from captivity": people set free
    // were held (not "released from hospital", "freed from the rubble")
    // (patients and the wounded "released" leave hospital: "40 patients were released on Monday")
    if (isSetFree(c, p, s) && isPeopleHead(c, from - 1) && !DISCHARGED.has(lemma[from - 1])) { signals.add('captured'); end = p + 1; break }
    // "8 persons are lost contact", "lost contact with 5 miners": missing (state media in translation)
    if (word === 'lose' && p + 1 < s.tokenEnd && lemma[p + 1] === 'contact') { signals.add('missing'); end = p + 2; break }
    // "6,700 relief camps are sheltering 700,000 people": what shelters others is no one displaced
    if ((word === 'shelter' || word === 'house' || word === 'host') && /ing$/i.test(tokenText(c, p)) && p + 1 < s.tokenEnd &&
      (pos[p + 1] === NUM || pos[p + 1] === DET || lemma[p + 1] === 'between' || lemma[p + 1] === 'about' || lemma[p + 1] === 'more' || lemma[p + 1] === 'some')) break
    const isTaken = word === 'take' && p + 1 < s.tokenEnd && /^(prisoner|captive|alive)/.test(lemma[p + 1])
    // "had become casualties": a category noun after a copula
    const nounCat = pos[p] === NOUN ? NOUN_CATEGORY.get(word) : undefined
    const cat = isTaken ? 'captured' : PREDICATE_CATEGORY.get(word) ?? PREDICATE_CATEGORY.get(tokenText(c, p).toLowerCase()) ??
      (nounCat === 'munitions' ? undefined : nounCat)
    // "Unemployment has fallen to 5 percent", "exports fell 3 percent": a verb of level, not soldiers who fell
    const isLevel = word === 'fall' && p + 1 < s.tokenEnd && (/^(to|by|from|below|under)$/.test(lemma[p + 1]) || pos[p + 1] === NUM)
    if (cat === undefined || isLevel || (pos[p] !== VERB && pos[p] !== ADJ && pos[p] !== NOUN && !isCategoryAdverb(c, p, s))) break
    // "two tremors killed more than 53,000 people", "three gunmen wounded the guards": who does
    // the harm is not harmed
    if (isActiveHarm(c, start, p, s)) break
    signals.add(cat)
    p += isTaken ? 2 : 1
    end = p
    if (p < s.tokenEnd && (pos[p] === CCONJ || c.text.slice(c.tokens.start[p], c.tokens.end[p]) === ',') && p + 1 < s.tokenEnd) p++
    else break
  }
  return end
}

/**
 * "left 5 people dead said police": wink tags "dead" as an adverb before a verb. A category
 * word tagged as an adverb that no adjective or adverb follows ("dead set", "dead wrong" are
 * adverbs) is the adjective of the predicate.
 */
function isCategoryAdverb(c: Context, k: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  if (pos[k] !== ADV || !PREDICATE_CATEGORY.has(lemma[k])) return false
  return k + 1 >= s.tokenEnd || (pos[k + 1] !== ADJ && pos[k + 1] !== ADV)
}

// Nouns before "points" that make them a score or a measure: "percentage points", "bonus points".
const SCORE_POINTS = new Set(['percentage', 'basis', 'bonus', 'match', 'break', 'game', 'set', 'penalty', 'ranking', 'rating', 'championship', 'league', 'index', 'grade', 'credit', 'loyalty', 'reward', 'skill', 'experience', 'talking', 'data', 'pressure', 'decimal', 'starting', 'turning', 'boiling', 'focal', 'vantage'])

/**
 * "61 oral rehydration points", "40 water points", "12 distribution points": "points" after a
 * noun that is no score's or measure's are places, counted.
 */
function isPlacePoint(c: Context, np: { start: number; head: number }): boolean {
  const { pos, lemma } = c.tokens
  const k = np.head - 1
  return lemma[np.head] === 'point' && /^points$/i.test(tokenText(c, np.head)) && k >= np.start && pos[k] === NOUN && !SCORE_POINTS.has(lemma[k])
}

/**
 * Whether the people after the verb at `v` (up to token `to` past the figure, "Ukrainian
 * soldiers") are named by a country or people other than the subject's, a country or people
 * right before the verb ("Russia still holds", "Kyiv is holding").
 */
function isHeldByOther(c: Context, v: number, from: number, s: Sentence): boolean {
  const { pos } = c.tokens
  let t = v - 1
  while (t >= s.tokenStart && (pos[t] === AUX || pos[t] === ADV)) t--
  if (t < s.tokenStart) return false
  const holder = entitiesHolding(c, t).map(countryOf).find((x) => x !== null)
  if (holder === undefined) return false
  let k = from
  while (k < s.tokenEnd && k < from + 4 && (pos[k] === ADJ || pos[k] === PROPN || pos[k] === NOUN)) {
    const held = entitiesHolding(c, k).map(countryOf).find((x) => x !== null)
    if (held !== undefined) return held !== holder && (MILITARY_PEOPLE.has(c.tokens.lemma[k + 1]) || OTHER_PEOPLE.has(c.tokens.lemma[k + 1]))
    k++
  }
  return false
}

// Words that say a text speaks of people taken or held against their will.
const CAPTURE_TOPIC = /\b(?:prisoners?|captiv\w*|captors?|captur\w*|POWs?|hostages?|detain\w*|detention|abduct\w*|kidnap\w*)\b/i

/**
 * Whether the subject of the verb at token `v` (past auxiliaries and adverbs) is a pronoun of a
 * group that opens its sentence ("It holds", "They still hold"), standing for a subject before
 * (not "the company said it holds", whose pronoun is the speaker).
 */
function isPronounHolder(c: Context, v: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  let t = v - 1
  while (t >= s.tokenStart && (pos[t] === AUX || pos[t] === ADV)) t--
  return t === s.tokenStart && pos[t] === PRON && (lemma[t] === 'it' || lemma[t] === 'they')
}

/** Whether the noun phrase from token `from` is people of a country ("12 American citizens", "40 Thai workers"). */
function isCountryPeopleAt(c: Context, from: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  for (let k = from; k < s.tokenEnd && k < from + 4 && (pos[k] === ADJ || pos[k] === PROPN || pos[k] === NOUN); k++) {
    if (entitiesHolding(c, k).some((e) => countryOf(e) !== null) && k + 1 < s.tokenEnd &&
      (OTHER_PEOPLE.has(lemma[k + 1]) || LABOUR_PEOPLE.has(lemma[k + 1]) || MILITARY_PEOPLE.has(lemma[k + 1]))) return true
  }
  return false
}

/** Whether the noun phrase from token `from` (past adjectives and names) is soldiers ("Eritrean soldiers", "American troops"). */
function isSoldiersHeld(c: Context, from: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  let k = from
  while (k < s.tokenEnd && k < from + 4 && (pos[k] === ADJ || pos[k] === PROPN)) k++
  return k < s.tokenEnd && MILITARY_PEOPLE.has(lemma[k])
}

/**
 * Whether the soldiers held from token `from` are held with civilians: "holds about 2,000
 * Eritrean soldiers and some 900 civilians" (a conjunction, then up to four determiners,
 * adverbs, numbers and adjectives, then people of `OTHER_PEOPLE`).
 */
function isHeldWithCivilians(c: Context, from: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  let k = from
  while (k < s.tokenEnd && k < from + 5 && pos[k] !== CCONJ) k++
  if (k >= s.tokenEnd || pos[k] !== CCONJ) return false
  let t = k + 1
  while (t < s.tokenEnd && t < k + 5 && (pos[t] === DET || pos[t] === ADV || pos[t] === NUM || pos[t] === ADJ)) t++
  return t < s.tokenEnd && OTHER_PEOPLE.has(lemma[t])
}

// Verbs by which lives are lost or taken: "claimed one life", "cost 40 lives", "took 12 lives".
const LIFE_TAKING_VERBS = new Set(['claim', 'cost', 'take', 'lose', 'end', 'sacrifice'])

/**
 * Whether lives counted are deaths: taken by the word at token `v` before the number (a verb,
 * or "cost", which wink may tag a noun) or by a verb after the noun phrase ending at token
 * `end`, past auxiliaries and adverbs ("300 lives were lost"); not a way of living ("now it's
 * one life", "led two lives").
 */
function isLifeTaken(c: Context, v: number, end: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  if (v >= s.tokenStart && (pos[v] === VERB || pos[v] === NOUN) &&
    (LIFE_TAKING_VERBS.has(lemma[v]) || LIFE_TAKING_VERBS.has(tokenText(c, v).toLowerCase()))) return true
  let k = end
  while (k < s.tokenEnd && k < end + 4 && (pos[k] === AUX || pos[k] === ADV || pos[k] === PART)) k++
  return k < s.tokenEnd && pos[k] === VERB && LIFE_TAKING_VERBS.has(lemma[k])
}

// Words before a count of people received that say the text is about people on the move.
const ARRIVALS_TOPIC = /\b(?:refugees?|migrants?|asylum|displaced|evacuees?)\b/i
// Common nouns of a place that receives people: "the island received ...".
const RECEIVING_PLACES = new Set(['island', 'port', 'city', 'town', 'country', 'region', 'province'])

/**
 * Whether the verb at (or, for "took in", ending at) token `v` is "receive", "welcome" or
 * "take in", and its subject right before it (past auxiliaries and adverbs: "Crete alone") is
 * a place: a name that is no person, body or people ("Crete", "Malta"), a place noun ("the
 * island") or a place of refuge.
 */
function isReceivingPlace(c: Context, v: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  let verb = v
  if (lemma[v] === 'in' && v - 1 >= s.tokenStart && lemma[v - 1] === 'take' && pos[v - 1] === VERB) verb = v - 1
  else if (pos[v] !== VERB || (lemma[v] !== 'receive' && lemma[v] !== 'welcome')) return false
  let t = verb - 1
  while (t >= s.tokenStart && (pos[t] === AUX || pos[t] === ADV)) t--
  if (t < s.tokenStart) return false
  const word = tokenText(c, t).toLowerCase()
  if (pos[t] === NOUN) return RECEIVING_PLACES.has(lemma[t]) || REFUGE_PLACES.has(word)
  if (pos[t] !== PROPN) return false
  const named = entitiesHolding(c, t)
  return named.length > 0 && named.every((e) => e.type === 'GPE' || (e.type === 'OTHER' && e.country === null))
}

/** Whether a verb of capture ("captured", "detained") stands before the number whose noun phrase opens at token `npStart` ("captured 40 tanks"). */
function isCaptureVerbBefore(c: Context, npStart: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  let t = npStart - 1
  while (t >= s.tokenStart && t >= npStart - 6 && (pos[t] === NUM || pos[t] === ADV || pos[t] === DET || lemma[t] === 'at' || lemma[t] === 'least')) t--
  return t >= s.tokenStart && pos[t] === VERB && PREDICATE_CATEGORY.get(lemma[t]) === 'captured'
}

// People sent to a fire, a flood or a collapse, and what they do there
const RESPONDERS = new Set(['firefighter', 'rescuer', 'paramedic', 'responder', 'diver', 'searcher', 'lifeguard'])
const RESPONDER_WORK = new Set(['battle', 'fight', 'tackle', 'search', 'comb', 'dig', 'work', 'arrive', 'join', 'contain', 'douse', 'deploy', 'help'])

/**
 * The end of a predicate of responders' work after a noun phrase ending at `t`: auxiliaries,
 * modals and adverbs, past one aside set off by commas ("firefighters, backed by aircraft,
 * were battling"), then a verb of `RESPONDER_WORK`. -1 when there is none.
 */
function responderWork(c: Context, t: number, s: Sentence): number {
  const { pos, lemma } = c.tokens
  if (t < s.tokenEnd && tokenText(c, t) === ',') {
    let k = t + 1
    while (k < s.tokenEnd && k < t + 10 && tokenText(c, k) !== ',') k++
    if (k >= s.tokenEnd || tokenText(c, k) !== ',') return -1
    t = k + 1
  }
  while (t < s.tokenEnd && (pos[t] === AUX || pos[t] === ADV)) t++
  return t < s.tokenEnd && pos[t] === VERB && RESPONDER_WORK.has(lemma[t]) ? t + 1 : -1
}

const REFUGE_WORDS = /\b(?:camps?|shelters?|centres?|centers?|tents?)\b/i
const PAST_FORM = /(?:ed|had|was|were|did)$/i

/**
 * "Conditions in the centre on Samos were "very difficult", a spokeswoman said. "Families with
 * small children sleep in tents. Some 1,400 people share 40 showers."": a count of people that
 * opens its sentence (past hedges, determiners and quotation marks) and whose verb after the
 * noun phrase at `npEnd` is in the present tense counts people who live in the place of refuge
 * that their paragraph, before the figure, speaks of, when the text before speaks of refugees,
 * migrants, asylum or the displaced (`ARRIVALS_TOPIC`).
 */
function isLivingInRefuge(c: Context, a: number, npEnd: number, s: Sentence): boolean {
  const { pos } = c.tokens
  for (let t = s.tokenStart; t < a; t++) if (pos[t] !== ADV && pos[t] !== DET && pos[t] !== PUNCT && pos[t] !== ADJ) return false
  if (npEnd >= s.tokenEnd || PAST_FORM.test(tokenText(c, npEnd)) || !(pos[npEnd] === VERB || pos[npEnd] === NOUN)) return false
  const start = c.tokens.start[a]
  const paragraph = c.text.lastIndexOf('\n', start)
  const before = c.text.slice(paragraph + 1, start)
  return REFUGE_WORDS.test(before) && isTopicBefore(c, ARRIVALS_TOPIC, start)
}

// Verbs by which a place puts people up.
const HOSTING_VERBS = new Set(['host', 'house', 'accommodate', 'shelter'])

/** Whether a place of refuge (`REFUGE_PLACES`) heads the subject before the verb at `v`, past auxiliaries and a place phrase ("Reception centres on the islands were"). */
function isRefugeSubject(c: Context, v: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  let t = v - 1
  while (t >= s.tokenStart && (pos[t] === AUX || pos[t] === ADV)) t--
  // "Zamzam camp, which hosted 500,000 people": a relative clause's place before its comma
  if (t - 2 >= s.tokenStart && (lemma[t] === 'which' || lemma[t] === 'that') && tokenText(c, t - 1) === ',') t -= 2
  for (let k = t; k >= s.tokenStart && k >= t - 6; k--) {
    // (the tagger may read a plural that opens the sentence, "Shelters", "Camps", as a verb or a name)
    const isPlace = REFUGE_PLACES.has(tokenText(c, k).toLowerCase()) && (pos[k] === NOUN || k === s.tokenStart)
    if (isPlace && (k === t || lemma[k + 1] === 'in' || lemma[k + 1] === 'on' || lemma[k + 1] === 'at' || lemma[k + 1] === 'across')) return true
    if (pos[k] === VERB || CLAUSE_BREAKS.has(tokenText(c, k))) return false
  }
  return false
}

// Words that open an object after a verb of harm: "killed more than 300", "wounded at least 12".
const OBJECT_OPENERS = new Set(['more', 'at', 'about', 'some', 'nearly', 'over', 'around', 'almost', 'up', 'dozens', 'hundreds', 'thousands', 'scores'])

/**
 * Whether the verb of harm at token `p` (with only "have" or adverbs from `start` to it) is
 * active and takes an object: a number that is no time ("killed 300", not "killed 2 days
 * ago"), a determiner, a pronoun or a bound ("killed more than 53,000 people").
 */
function isActiveHarm(c: Context, start: number, p: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  if (pos[p] !== VERB || (lemma[p] !== 'kill' && lemma[p] !== 'wound' && lemma[p] !== 'injure')) return false
  for (let t = start; t < p; t++) if (pos[t] !== ADV && lemma[t] !== 'have') return false
  const k = p + 1
  if (k >= s.tokenEnd) return false
  return (pos[k] === NUM && !overlapsTime(c, k)) || pos[k] === DET || (pos[k] === PRON && lemma[k] !== 'it') || OBJECT_OPENERS.has(lemma[k])
}

// People whose release is a discharge from care, not from being held.
const DISCHARGED = new Set(['patient', 'injured', 'wounded', 'casualty', 'casualties'])

// What people "forced to leave" and so displaced leave: where they live.
const HOMES_LEFT = new Set(['home', 'house', 'village', 'town', 'city', 'area', 'region', 'district', 'province', 'country', 'land', 'neighbourhood', 'neighborhood', 'camp', 'island'])

/**
 * Whether what follows "forced to leave" at token `t` is where people live: nothing (a mark, a
 * preposition: "forced to leave after the shelling"), a place's name, or a noun of `HOMES_LEFT`
 * ("their homes", "the area"); not "the factory", "their jobs" (wire copy of layoffs).
 */
function leavesHome(c: Context, t: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  if (t >= s.tokenEnd || pos[t] === PUNCT || pos[t] === ADP || pos[t] === CCONJ) return true
  let k = t
  while (k < s.tokenEnd && k < t + 4 && (pos[k] === DET || pos[k] === PRON || pos[k] === ADJ)) k++
  if (k >= s.tokenEnd) return true
  if (pos[k] === PROPN) return entitiesHolding(c, k).some((e) => e.type === 'GPE')
  return HOMES_LEFT.has(lemma[k]) || HOMES_LEFT.has(tokenText(c, k).toLowerCase().replace(/s$/, ''))
}

// Where people are held: "freed from captivity", "released from prison".
const HELD_PLACES = new Set(['captivity', 'prison', 'jail', 'detention', 'custody', 'camp', 'captor'])

/**
 * Whether "released" or "freed" at token `p` sets people free from being held: with no "from"
 * after it, or "from" a place of holding ("from Russian captivity"); not "released from
 * hospital" or "freed from the rubble".
 */
function isSetFree(c: Context, p: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  // (a participle: "the 390 servicemen released", "were freed"; not "parties to release")
  if (pos[p] !== VERB || !/^(?:released|freed)$/i.test(tokenText(c, p))) return false
  if (p + 1 >= s.tokenEnd || lemma[p + 1] !== 'from') return true
  return isHeldPlaceAfter(c, p + 2, s)
}

/** Whether a place of holding follows at token `t`, past determiners and adjectives ("Russian captivity", "the prison"). */
function isHeldPlaceAfter(c: Context, t: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  let k = t
  while (k < s.tokenEnd && k < t + 3 && (pos[k] === DET || pos[k] === ADJ || pos[k] === PROPN || pos[k] === PRON)) k++
  return k < s.tokenEnd && HELD_PLACES.has(lemma[k])
}

/** Whether token `t` names people: a word of the people lists, a people's name ("Ukrainians"), or a noun in "-men" ("fishermen"). */
function isPeopleHead(c: Context, t: number): boolean {
  if (t < 0) return false
  const lemma = c.tokens.lemma[t]
  return OTHER_PEOPLE.has(lemma) || MILITARY_PEOPLE.has(lemma) || LABOUR_PEOPLE.has(lemma) || /men$/i.test(tokenText(c, t)) ||
    NOUN_CATEGORY.get(lemma) === 'captured' || entitiesHolding(c, t).some((e) => e.type === 'NORP')
}

// Wounds people may be counted "with": "gunshot wounds", "shrapnel injuries", "severe burns".
const WOUNDS = /^(?:injury|injuries|wound|wounds|burns)$/
// What people are "treated for" that counts them with the injured: wounds, and the harm a fire,
// a heatwave or a cold snap does ("smoke inhalation", "heat exhaustion", "hypothermia").
const TREATED_HARMS = /^(?:injury|injuries|wound|wounds|burn|burns|inhalation|exhaustion|heatstroke|hypothermia|frostbite)$/

/**
 * Whether the noun phrase right before the verb at token `v` (its subject, up to four nouns,
 * adjectives and determiners) holds "evacuation": "Evacuation orders cover", "the evacuation
 * zone includes".
 */
function isEvacuationSubject(c: Context, v: number, s: Sentence): boolean {
  const { pos, lemma } = c.tokens
  // (past an adverb: "Evacuation orders now cover")
  const end = v - 1 >= s.tokenStart && pos[v - 1] === ADV ? v - 1 : v
  for (let t = end - 1; t >= s.tokenStart && t >= end - 4 && (pos[t] === NOUN || pos[t] === PROPN || pos[t] === ADJ || pos[t] === DET); t--) {
    if (lemma[t] === 'evacuation') return true
  }
  return false
}

/** "The death toll rose to 4,000": the counted noun stands before the figure. */
function findCountedBefore(c: Context, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  // "was estimated by the UN refugee agency at": the agent of a passive verb of sizing is not
  // what is counted; look before the verb
  const sized = a - 2 >= s.tokenStart && lemma[a - 1] === 'at' ? passiveSizingVerb(c, s, a - 2) : -1
  const before = sized >= 0 ? sized : a
  for (let t = before - 1; t >= s.tokenStart && t >= before - 8; t--) {
    // ('its own losses were "fewer than 300"': a quotation mark that opens the figure)
    if (t === a - 1 && QUOTE_MARKS.has(tokenText(c, t))) continue
    if (CLAUSE_BREAKS.has(tokenText(c, t))) break
    // "the number of displaced to reach 150,000": an adjective used as a noun after "of"
    // ("revising an earlier toll of 296": wink reads a noun after "an earlier" as a verb)
    const isNominal = (pos[t] === ADJ || pos[t] === VERB) && t > s.tokenStart && (lemma[t - 1] === 'of' || pos[t - 1] === DET ||
      (pos[t - 1] === ADV && t - 1 > s.tokenStart && pos[t - 2] === DET))
    if (pos[t] !== NOUN && !isNominal) continue
    const cat = NOUN_CATEGORY.get(lemma[t]) ?? NOUN_CATEGORY.get(tokenText(c, t).toLowerCase())
    if (cat === undefined || cat === 'munitions') continue
    if (lemma[t] === 'toll') return tollAt(c, s, t, a)
    let start = t
    while (start - 1 >= s.tokenStart && (pos[start - 1] === NOUN || pos[start - 1] === ADJ)) start--
    return { start: c.tokens.start[start], end: c.tokens.end[t], category: cat, npStart: start, npEnd: t + 1, after: a }
  }
  return numberOfSubject(c, a, s)
}

/** The toll ending at token `t` as what the figure at `a` counts: "death toll" is killed, "casualty toll" casualties. */
function tollAt(c: Context, s: Sentence, t: number, a: number): Counted {
  const { pos, lemma } = c.tokens
  let start = t
  while (start - 1 >= s.tokenStart && (pos[start - 1] === NOUN || pos[start - 1] === ADJ)) start--
  // the word before "toll" says what it counts ("the high casualty toll")
  const category = t - 1 >= start && NOUN_CATEGORY.get(lemma[t - 1]) === 'casualties' ? 'casualties' : 'killed'
  return { start: c.tokens.start[start], end: c.tokens.end[t], category, npStart: start, npEnd: t + 1, after: a }
}

// Verbs by which a clause's subject grows to or stands at the number after them.
const LEVEL_VERBS = new Set([...TOTAL_VERBS, 'increase', 'jump', 'grow', 'pass', 'surge', 'soar', 'swell', 'mount', 'surpass'])
// Nouns by which a subject is the count of what follows its "of".
const COUNT_NOUNS = new Set(['number', 'total', 'tally', 'count'])

/**
 * "The number of people killed by last week's earthquake has risen to 3,085": the subject
 * of a verb of level right before the number is "the number of" what it counts, however
 * long the subject runs; "The death toll from Monday's earthquake in Turkey has risen to
 * 3,400": so is a toll. The counted thing is the noun phrase after "of", and its
 * category that of the phrase and the predicate after it ("people killed").
 */
function numberOfSubject(c: Context, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  // "has revised the death toll from Hamas's Oct. 7 attack down to about 1,200": a toll in
  // the figure's clause, however far before it
  for (let t = a - 1; t >= s.tokenStart && t >= a - 16; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) break
    if (lemma[t] === 'toll' && pos[t] === NOUN) return tollAt(c, s, t, a)
  }
  let v = a - 1
  while (v >= s.tokenStart && (lemma[v] === 'to' || lemma[v] === 'at' || lemma[v] === 'above' || lemma[v] === 'over' || pos[v] === ADV)) v--
  if (v >= s.tokenStart && lemma[v + 1] === 'to') {
    const brought = broughtCount(c, a, s, v + 1)
    if (brought !== null) return brought
  }
  // "The number of people who left was estimated by the IOM at more than 36,000": a passive
  // verb of sizing, with its agent before "at"
  if (v >= s.tokenStart && lemma[v + 1] === 'at') {
    const sized = passiveSizingVerb(c, s, v)
    if (sized >= 0) v = sized
  }
  if (v < s.tokenStart || !(LEVEL_VERBS.has(lemma[v]) || (SIZING_VERBS.has(lemma[v]) && lemma[v - 1] === 'be')) || (pos[v] !== VERB && pos[v] !== AUX)) return null
  for (let t = v - 1; t >= s.tokenStart && t >= v - 30; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) return null
    // "The death toll from Monday's earthquake in Turkey has risen to 3,400": a toll far before its verb
    if (lemma[t] === 'toll' && pos[t] === NOUN) return tollAt(c, s, t, a)
    // ("Number of people killed has risen to 3,085": a headline's first word may read as a name)
    if (!COUNT_NOUNS.has(lemma[t]) || (pos[t] !== NOUN && !(t === s.tokenStart && pos[t] === PROPN)) || lemma[t + 1] !== 'of') continue
    return countOf(c, s, t, v, a)
  }
  return null
}

// Verbs of `LEVEL_VERBS` whose plural subject is what a bare number after them counts (not
// "be", nor "hit": "rockets hit 300" hit something the number counts).
const SUBJECT_LEVEL_VERBS = new Set([...LEVEL_VERBS].filter((v) => v !== 'be' && v !== 'hit'))
// Verbs of aspect before a verb of level: "cases to keep rising", "deaths continue to climb".
const ASPECT_VERBS = new Set(['keep', 'continue', 'start', 'begin'])

/**
 * "as cases pass 48,000", "We expect cases to keep rising until the end of April, to 80,000
 * or more": a bare number after a verb of level (`SUBJECT_LEVEL_VERBS`; "to", "past", "above"
 * or "over" between, or a time phrase between commas after the verb) counts the plural common
 * noun that is the verb's subject, right before the verb group.
 */
function levelSubject(c: Context, a: number, s: Sentence): Counted | null {
  const { pos, lemma } = c.tokens
  let v = a - 1
  while (v >= s.tokenStart && (lemma[v] === 'to' || lemma[v] === 'past' || lemma[v] === 'above' || lemma[v] === 'over' || pos[v] === ADV)) v--
  // "rising until the end of April, to 80,000": past the time phrase and its comma
  if (v > s.tokenStart && tokenText(c, v) === ',' && v < a - 1) {
    let k = v - 1
    while (k > s.tokenStart && k >= v - 8 && (overlapsTime(c, k) || pos[k] === ADP)) k--
    if (k < v - 1) v = k
  }
  // ("cholera cases top 41,000": wink reads "top" between a noun and the number as an adjective;
  // "Measles cases in Chad top 9,000": or a place's name, which the place phrase below passes)
  const isTopAfterNoun = v === a - 1 && v > s.tokenStart && /^tops?$/i.test(tokenText(c, v)) && (pos[v - 1] === NOUN || pos[v - 1] === PROPN)
  if (v <= s.tokenStart || !SUBJECT_LEVEL_VERBS.has(lemma[v]) || (pos[v] !== VERB && !isTopAfterNoun)) return null
  let t = v - 1
  while (t >= s.tokenStart && (pos[t] === AUX || pos[t] === ADV || pos[t] === PART || ASPECT_VERBS.has(lemma[t]))) t--
  // "Measles cases in northern Chad pass 9,000": past a place phrase after the subject
  for (let k = t; k > s.tokenStart && k >= t - 4; k--) {
    if (pos[k] === ADP && MODIFIER_PREPOSITIONS.has(lemma[k]) && k < t) { t = k - 1; break }
    if (pos[k] !== PROPN && pos[k] !== ADJ && pos[k] !== DET && pos[k] !== NOUN) break
  }
  const isSubjectNoun = pos[t] === NOUN || (t === s.tokenStart && isCapitalisedNoun(c, t))
  if (t < s.tokenStart || !isSubjectNoun || tokenText(c, t).toLowerCase() === singularOf(c, t)) return null
  let start = t
  while (start - 1 >= s.tokenStart && (pos[start - 1] === NOUN || pos[start - 1] === ADJ)) start--
  const heads: Category[] = []
  for (let k = start; k <= t; k++) {
    // ("Deaths rose to 40": a plural read as a name keeps its "s" in its lemma)
    const cat = NOUN_CATEGORY.get(lemma[k]) ?? NOUN_CATEGORY.get(singularOf(c, k))
    if (cat !== undefined) heads.push(cat)
  }
  const isPeople = OTHER_PEOPLE.has(lemma[t]) || LABOUR_PEOPLE.has(lemma[t])
  const category = decideCategory(new Set(), heads, MILITARY_PEOPLE.has(lemma[t]), isPeople) ?? 'other'
  return { start: c.tokens.start[start], end: c.tokens.end[t], category, npStart: start, npEnd: t + 1, after: a }
}

// Verbs that take a count to a level: "bring the number of dead to 640", "pushing the total to 675".
const BRINGING_VERBS = new Set(['bring', 'push', 'take', 'raise', 'lift'])

/**
 * "The deaths bring the number of people who have died this year to more than 640": a count
 * ("the number of", "the total of") that is the object of a verb of bringing, with "to" and
 * the figure after it (`to` is the token of "to").
 */
function broughtCount(c: Context, a: number, s: Sentence, to: number): Counted | null {
  const { pos, lemma } = c.tokens
  for (let t = to - 1; t >= s.tokenStart && t >= to - 30; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) return null
    if (!COUNT_NOUNS.has(lemma[t]) || pos[t] !== NOUN) continue
    let verb = t - 1
    while (verb >= s.tokenStart && verb >= t - 3 && (pos[verb] === DET || pos[verb] === ADJ || pos[verb] === PRON)) verb--
    if (verb < s.tokenStart || !BRINGING_VERBS.has(lemma[verb]) || pos[verb] !== VERB) return null
    return lemma[t + 1] === 'of' ? countOf(c, s, t, to, a) : null
  }
  return null
}

/** What "the number of ..." at token `t` counts, its noun phrase ending before token `v`, for the figure at `a`. */
function countOf(c: Context, s: Sentence, t: number, v: number, a: number): Counted | null {
  const { pos, lemma } = c.tokens
  let from = t + 2
  while (from < v && pos[from] === DET) from++
  const np = nounPhrase(c, from, v)
  if (np === null || NOT_COUNTED.has(lemma[np.head])) return null
  const signals = new Set<Category>()
  const heads: Category[] = []
  let isMilitary = false
  let isPeople = false
  for (let k = np.start; k < np.end; k++) {
    const cat = NOUN_CATEGORY.get(lemma[k])
    if (cat !== undefined && pos[k] === NOUN) heads.push(cat)
    if (k === np.head && MILITARY_PEOPLE.has(lemma[k])) isMilitary = true
    if (k === np.head && (OTHER_PEOPLE.has(lemma[k]) || LABOUR_PEOPLE.has(lemma[k]))) isPeople = true
  }
  if (isFromHome(c, s, np.end)) signals.add('displaced')
  let predicateEnd = predicate(c, np.end, s, signals)
  // "The number of people who crossed into Chad": people who cross are displaced, as a figure's own are
  if (predicateEnd < 0 && signals.size === 0 && isPeople && !isMilitary) {
    const crossed = crossing(c, np.end, s)
    if (crossed > 0) { signals.add('displaced'); predicateEnd = crossed }
  }
  const category = decideCategory(signals, heads, isMilitary, isPeople) ?? 'other'
  const end = predicateEnd > 0 && predicateEnd <= v ? predicateEnd : np.end
  return { start: c.tokens.start[np.start], end: c.tokens.end[end - 1], category, npStart: np.start, npEnd: np.end, after: a }
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
