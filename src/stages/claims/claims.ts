import type { Doc } from '../../model/doc.ts'
import type { CharSpan, Claim, Quantity, Sentence } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'
import { headlineEnd } from '../tokens/line-breaks.ts'
import {
  PEOPLE_CATEGORIES, VERB, AUX, DET, ADJ, ADP, PROPN, CLAUSE_BREAKS, type Context, type Counted, standingFor, tokenRange, tokenText, sentenceIndex, countryOf, contains, within, createContext,
  singularOf, tokenEndingAfter, type Source,
} from './context.ts'
import { findCounted, isFramingTotal, isRelativeFramedTotal, opensPartOfCount } from './counted.ts'
import { EQUIPMENT, LABOUR_PEOPLE, MILITARY_PEOPLE, OTHER_PEOPLE } from './lexicon.ts'
import { findSubject, inflictedBy, namesSoldiers, placeIn, refersBack, VICTIM_CATEGORIES } from './subject.ts'
import { isFuture, isFutureTense, findAsOf } from './when.ts'
import { isAdditional } from './additional.ts'
import { findSource, isInSourceOrCue, isPollShare } from './source.ts'

// Module-level: tsx (esbuild) rewrites a \p{...} literal as `new RegExp(...)`, which inside
// a function is built anew on every call.
const STARTS_WITH_LETTER = /^\p{L}/u
const HYPHEN_LETTER = /^[-‐–]\p{L}/u

// Below this, a count of "other" things is mostly discourse ("the two sides", "three days").
const MIN_OTHER_COUNT = 10

function amountKey(q: Quantity): string {
  return q.amount.kind === 'point' ? `=${q.amount.value}` : `${q.amount.low}..${q.amount.high}`
}

function isEquipment(c: Context, counted: Counted): boolean {
  for (let t = counted.npStart; t < counted.npEnd; t++) if (EQUIPMENT.has(c.tokens.lemma[t])) return true
  return false
}

// Units whose small amounts are still figures ("9 gigawatts of capacity", "3 tonnes of
// explosives"), unlike small distances ("5 km from the border").
const AMOUNT_UNITS = new Set(['GW', 'MW', 'kW', 'TWh', 'GWh', 'MWh', 't'])
// Units of length (the quantities stage's codes): a distance, depth or height is no figure
const LENGTH_UNITS = new Set(['km', 'mi', 'm', 'cm'])

/** The source fields of a claim, for a figure that another figure's source gives. */
function sourceOfClaim(claim: Claim): Source {
  return { attribution: claim.attribution, source: claim.source, cue: claim.cue, sourceEntity: claim.sourceEntity }
}

// What stands between a figure (and its counted noun) and a part of it: ", including".
const INCLUDING_BETWEEN = /^[^,.;]*,\s*including\s*$/

// A wire correction's opening: "(Corrects death toll to 11 from 13)", "Correction: ...".
const CORRECTION_OPENING = /^\W*(?:corrects|correcting|correction)\b/i
// A source that is the article's own withdrawn text: "A photo caption in an earlier version of this story".
const EARLIER_VERSION = /\b(?:earlier|previous|original) version\b/i

/**
 * Whether a correction withdraws the figure at token `a`: the "from" figure of a correction line
 * ("(Corrects death toll to 11 from 13)") or a figure an earlier version of the article gave on
 * no one's word ("A photo caption in an earlier version of this story said 40 homes were
 * destroyed"; "An earlier version, citing a local official, said 40" is the official's).
 */
function isWithdrawn(c: Context, s: Sentence, a: number, source: CharSpan | null): boolean {
  if (a > s.tokenStart && c.tokens.lemma[a - 1] === 'from' && CORRECTION_OPENING.test(c.text.slice(s.start, c.tokens.start[a]))) return true
  return source !== null && EARLIER_VERSION.test(c.text.slice(source.start, source.end))
}

function isSmall(q: Quantity): boolean {
  if (q.unit !== null && AMOUNT_UNITS.has(q.unit)) return false
  return !q.isVague && (q.amount.kind === 'point' ? q.amount.value : q.amount.high) < MIN_OTHER_COUNT
}

/** A claim found, with its sentence and what it counts. */
interface Figure {
  readonly claim: Claim
  readonly sentence: number
  readonly counted: Counted
}

/**
 * Bind each quantity that states a figure about something counted to what it counts, whose
 * it is, when, and who says it. See docs/figures.md for the rules.
 */
export function findClaims(doc: Doc): Claim[] {
  const c: Context = createContext(doc)
  const quantities = doc.get('quantities')
  const claims: Claim[] = []
  // quantities whose subject is the place where it happened (`placeIn`), which the article's other such figures may take
  const placed = new Set<number>()
  // countries whose forces harm the people a quantity counts ("Russian forces had killed 300 soldiers")
  const inflicters = new Map<number, string>()
  let previous: Figure | null = null
  // the claims of the current sentence so far, in order
  const figuresBefore: Figure[] = []
  for (let qi = 0; qi < quantities.length; qi++) {
    const q = quantities[qi]
    if (c.sentences.length === 0 || c.tokens.count === 0) break
    if (/\d(st|nd|rd|th)\b/i.test(doc.slice(q))) continue
    // "240mm", "T-90M": digits glued to letters are calibres and model numbers.
    if (/\d$/.test(doc.slice(q)) && STARTS_WITH_LETTER.test(doc.text.slice(q.end, q.end + 1))) continue
    // "a 40-year career", "a 30-minute interview": a number inside a compound adjective
    if (HYPHEN_LETTER.test(doc.text.slice(q.end, q.end + 2))) continue
    // "the 9·19 military agreement", "14.02.2025": digits glued to digits by a dot or a colon
    // are dates and codes
    if (/\d[·.:/]$/u.test(doc.text.slice(Math.max(0, q.start - 2), q.start)) || /^[·.:/]\d/u.test(doc.text.slice(q.end, q.end + 2))) continue
    if (within(c.times, { start: q.start - 200, end: q.end + 200 }).some((x) => x.start < q.end && q.start < x.end)) continue
    // "winds of 120 mph (195 km/h)": a speed measures how fast, it counts nothing; nor does a
    // length ("at a depth of 10 km", "the missiles flew about 400 kilometres"; an area counts)
    if (SPEED.test(doc.text.slice(q.end, q.end + 24)) || (q.unit !== null && LENGTH_UNITS.has(q.unit))) continue
    // "a magnitude 8.0 tremor killed 519 people", "measuring 6.8 on the Richter scale": a
    // quake's strength is a measure, as a depth is
    // "Spending by function, in billions of rand: health 301.7": the unit a table is written in
    if (q.isVague && /\bin\s+$/i.test(doc.text.slice(Math.max(0, q.start - 4), q.start)) && UNIT_HEADING_AFTER.test(doc.text.slice(q.end, q.end + 32))) continue
    if (MAGNITUDE_BEFORE.test(doc.text.slice(Math.max(0, q.start - 12), q.start)) || RICHTER_AFTER.test(doc.text.slice(q.end, q.end + 24))) continue
    if (isInSourceOrCue(c, q) && !isPollShare(c, q)) continue
    // "a margin of error of plus or minus 4 percentage points", "+/- 4 percent": a poll's
    // precision, not a figure about anything counted
    if (MARGIN_OF_ERROR.test(doc.text.slice(Math.max(0, q.start - 48), q.start))) continue
    const si = sentenceIndex(c, q.start)
    const s = c.sentences[si]
    const [a, b] = tokenRange(c, q, s)
    // "one of the most militarized societies" ("One of the 12 hostages was killed" is a part of a count)
    if (q.amount.kind === 'point' && q.amount.value === 1 && c.tokens.lemma[b] === 'of' && !opensPartOfCount(c, b, s)) continue
    if (isFramingTotal(c, a, b, s)) continue
    let prior = previous !== null && previous.sentence === si ? previous.counted : null
    if (prior === null) figuresBefore.length = 0
    // "At least 143,000 people ... are sheltering in 212 centres, the agency said, up from about
    // 98,000 on Monday": what a revision after ", up from" compares is the last figure of the
    // sentence that is no place's count (one after "in", "at", ...: where the others are)
    let earlier = previous?.counted.category ?? null
    if (prior !== null && figuresBefore.length > 1 && isUpDownFrom(c, a, s)) {
      const compared = [...figuresBefore].reverse().find((f) => !isPlacing(c, quantities[f.claim.quantity], s))
      if (compared !== undefined && compared.counted !== prior) { prior = compared.counted; earlier = compared.counted.category }
    }
    const found = findCounted(c, q, a, b, s, prior, earlier)
    if (found === null) continue
    // "337 drones over the territory of 12 regions, including 126 over the Moscow region": a
    // part placed in one of the things the figure before counts is a part of what those hold,
    // the figure before that one
    const holder: Figure | undefined = prior !== null && found.start === prior.start && placedInOneOf(c, prior, b, s) ? figuresBefore.at(-2) : undefined
    const counted: Counted = holder === undefined ? found : standingFor(holder.counted, b)
    if (counted.category === 'other' && q.kind === 'count' && isSmall(q) && !isEquipment(c, counted)) continue
    if (counted.category === 'other' && q.kind === 'count' && !namesPeople(c, counted) && isRelativeFramedTotal(c, a, b, s)) continue
    // "one soldier is lying on the hospital bed": one person present is someone in the story,
    // not a deployment (one killed or captured is still a toll)
    if (counted.category === 'deployed' && q.kind === 'count' && q.amount.kind === 'point' && q.amount.value === 1) continue
    let source = findSource(c, q, s, a)
    if (isWithdrawn(c, s, a, source.source)) continue
    // "raised the death toll to 31, up from 22 a day earlier": the figure a revision is
    // compared with is given by whoever gives the one before it
    // the figure before in the same sentence, and what stands between it (and its counted noun) and this one
    const before = previous !== null && previous.sentence === si ? previous.claim : null
    const between = before === null ? '' : doc.text.slice(Math.max(quantities[before.quantity].end, before.counted.end), q.start)
    if (source.source === null && before !== null && before.source !== null && isComparedFrom(c, a, s, quantities[before.quantity].end)) {
      source = sourceOfClaim(before)
    }
    // "The police put the turnout at 90,000, including 12,000 in the capital": a part after
    // ", including" right after a figure is given by whoever gives that figure
    const included = before !== null && INCLUDING_BETWEEN.test(between) ? before : null
    if (included !== null && source.source === null && included.source !== null) source = sourceOfClaim(included)
    let subject = findSubject(c, counted, a, s, si) ?? holder?.claim.subject ?? null
    // (soldiers only: a force that kills civilians says nothing of whose soldiers are hurt)
    const inflicter = PEOPLE_CATEGORIES.has(counted.category) && namesSoldiers(c, counted) ? inflictedBy(c, s, a) : null
    if (inflicter !== null) inflicters.set(qi, inflicter)
    if (subject === null && VICTIM_CATEGORIES.has(counted.category) && !namesSoldiers(c, counted)) {
      subject = placeIn(c, s, a, source.attribution)
      if (subject !== null) placed.add(qi)
    }
    // A figure that shares the counted thing of the one before shares its owner too, and so
    // does a part of it ("11,078 Palestinians had been killed ..., including 4,506 children").
    const isPart = a - 1 >= s.tokenStart && (c.tokens.lemma[a - 1] === 'including' || c.tokens.lemma[a - 1] === 'include')
    if (subject === null && prior !== null && (counted.start === prior.start || isPart) && previous !== null) subject = previous.claim.subject
    // "100 North Korean soldiers have been killed and nearly 1,000 wounded": a figure that
    // names no people of its own counts the same people as the one before it.
    if (subject === null && prior !== null && previous !== null && PEOPLE_CATEGORIES.has(counted.category) &&
      PEOPLE_CATEGORIES.has(previous.claim.counted.category) && !namesPeople(c, counted)) {
      subject = previous.claim.subject
    }
    // "Of that initial deployment, about 4,000 soldiers ...": the figure continues the
    // previous sentence's when it names no country of its own (the source's does not count).
    if (subject === null && previous !== null && previous.sentence === si - 1 && previous.claim.subject !== null &&
      refersBack(c, s, a, b) &&
      PEOPLE_CATEGORIES.has(counted.category) && PEOPLE_CATEGORIES.has(previous.claim.counted.category) &&
      !within(c.entities, { start: s.start, end: c.tokens.start[a] }).some((e) => countryOf(e) !== null && !(source.source !== null && contains(source.source, e)))) {
      subject = previous.claim.subject
    }
    // ("By August North Korea had sent 6 million rounds": the times stage reads a deadline in a past clause back)
    let asOf = findAsOf(c, a, s, isFutureTense(c, a, counted, s))
    let isPlanned = isFuture(c, q, a, counted, s) || (asOf !== null && c.published !== null && asOf.slice(0, 7) > c.published.slice(0, 7))
    // "would raise the minimum wage by 15 percent and spend 2.4 billion euros": a verb
    // coordinated with the planned one before it, with no subject of its own, is planned too
    if (!isPlanned && before !== null && before.isPlanned) {
      const beforeEnd = tokenRange(c, quantities[before.quantity], s)[1]
      if (coordinatedVerb(c, beforeEnd, a) || isGappedConjunct(c, beforeEnd, a)) isPlanned = true
    }
    // "1.7 million children are likely to be malnourished this year, including 430,000 who ...":
    // a part of a projected figure is projected too
    if (included !== null && included.isPlanned) isPlanned = true
    // "pledged 7 billion euros ($7.5 billion)": an amount in brackets right after another is
    // the same figure written again, in another currency or unit: it holds when that one does
    // ("would pay 50 million pesos ($12,000)": past the currency the counted noun names)
    if (before !== null && /^\s*\(\s*$/.test(between)) {
      asOf = before.asOf
      isPlanned = before.isPlanned
      // ("The ministry put the damage at 2.1 billion pesos ($37 million)": and whoever gives that one gives it)
      if (source.source === null && before.source !== null) source = sourceOfClaim(before)
    }
    const claim: Claim = {
      quantity: qi, attribution: source.attribution,
      counted: { start: counted.start, end: counted.end, category: counted.category },
      subject, isPlanned, isAdditional: isAdditional(c, q, a, b, s), source: source.source, sourceEntity: source.sourceEntity, cue: source.cue, asOf,
    }
    previous = { claim, sentence: si, counted }
    figuresBefore.push(previous)
    claims.push(claim)
  }
  return inheritVictimPlace(inheritArticleSubject(dedupe(claims, quantities, headlineEnd(doc.text)), c, inflicters), c, placed)
}

/**
 * Whether the figure at token `a` is what the figure before (ending at offset `before`) is
 * compared with: after ", up from" or ", down from" (perhaps with "a revised"), or after
 * "from" right after that figure ("to 0.8 percent from 1.3 percent").
 */
function isComparedFrom(c: Context, a: number, s: Sentence, before: number): boolean {
  let t = a - 1
  while (t > s.tokenStart && (c.tokens.pos[t] === DET || c.tokens.pos[t] === ADJ)) t--
  if (t <= s.tokenStart || c.tokens.lemma[t] !== 'from') return false
  return c.tokens.end[t - 1] === before || (t - 1 > s.tokenStart && /^(up|down)$/.test(c.tokens.lemma[t - 1]) && tokenText(c, t - 2) === ',')
}

/** Whether ", up from" or ", down from" (perhaps with "a revised") comes right before token `a`. */
function isUpDownFrom(c: Context, a: number, s: Sentence): boolean {
  let t = a - 1
  while (t > s.tokenStart && (c.tokens.pos[t] === DET || c.tokens.pos[t] === ADJ)) t--
  return t - 2 >= s.tokenStart && c.tokens.lemma[t] === 'from' && /^(up|down)$/.test(c.tokens.lemma[t - 1]) && tokenText(c, t - 2) === ','
}

/** Whether quantity `q` is the object of a preposition of place ("sheltering in 212 centres"). */
function isPlacing(c: Context, q: Quantity, s: Sentence): boolean {
  const [a] = tokenRange(c, q, s)
  return a - 1 >= s.tokenStart && PLACING.has(c.tokens.lemma[a - 1]) && c.tokens.pos[a - 1] === ADP
}

// Prepositions that place a part in a place: "126 over the Moscow region", "40 in the city".
const PLACING = new Set(['over', 'in', 'across', 'on', 'at', 'near', 'inside'])

/**
 * Whether the phrase after a number whose noun is left out (at token `b`) places it in one of
 * the things the figure before counts (`prior`): "12 regions, including 126 over the Moscow
 * region" (the phrase's head is the singular of the prior's).
 */
function placedInOneOf(c: Context, prior: Counted, b: number, s: Sentence): boolean {
  if (prior.npEnd <= prior.npStart || b >= s.tokenEnd || !PLACING.has(c.tokens.lemma[b])) return false
  const thing = singularOf(c, prior.npEnd - 1)
  for (let t = b + 1; t < s.tokenEnd && t <= b + 5; t++) {
    if (c.tokens.pos[t] === VERB || c.tokens.pos[t] === AUX || CLAUSE_BREAKS.has(tokenText(c, t))) return false
    if (singularOf(c, t) === thing && tokenText(c, t).toLowerCase() === thing) return true
  }
  return false
}

const SPEED = /^(?:\s*(?:mph|kph|km\/h|kmh|knots|(?:miles|kilometres|kilometers|km) (?:per|an) hour)\b|\/h\b)/i

const UNIT_HEADING_AFTER = /^\s+of\s+(?:[\p{L}$€£¥]+\s?){1,3}[:)]/u
const MAGNITUDE_BEFORE = /\bmagnitude[- ]?$/i
const RICHTER_AFTER = /^ on the Richter scale\b/i

const MARGIN_OF_ERROR = /(margin of (sampling )?error( of| is| was)?( plus or( minus)?| \+\/-| ±)?|\+\/-|±)\s*$/i

const PEOPLE_WORDS = new Set([...MILITARY_PEOPLE, ...LABOUR_PEOPLE, ...OTHER_PEOPLE])

// Whether the counted words name people of any kind ("soldiers", "workers", "civilians").
function namesPeople(c: Context, counted: CharSpan): boolean {
  for (let t = tokenEndingAfter(c, counted.start); t < c.tokens.count && c.tokens.start[t] < counted.end; t++) {
    if (PEOPLE_WORDS.has(c.tokens.lemma[t]) || PEOPLE_WORDS.has(singularOf(c, t)) || PEOPLE_WORDS.has(tokenText(c, t).toLowerCase())) return true
  }
  return false
}

// Countries whose forces the article names: "North Korean troops", "Russia's soldiers".
function forcesNamed(c: Context): Set<string> {
  const out = new Set<string>()
  for (const e of c.entities) {
    const country = countryOf(e)
    if (country === null) continue
    // the first word after the mention, past a possessive
    let t = tokenAt(c, e.end)
    if (t < c.tokens.count && /^['’]s?$/.test(c.text.slice(c.tokens.start[t], c.tokens.end[t]))) t++
    if (t < c.tokens.count && MILITARY_PEOPLE.has(c.tokens.lemma[t])) out.add(country)
  }
  return out
}

// Index of the first token that starts at or after `offset`.
function tokenAt(c: Context, offset: number): number {
  let lo = 0
  let hi = c.tokens.count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (c.tokens.start[mid] < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * People killed, hurt, missing or displaced with no owner named take the one country the
 * article's other such figures are placed in ("Flooding in eastern Libya kills thousands"
 * ... "At least 5,300 people have died"); with two or more countries, none.
 */
function inheritVictimPlace(claims: readonly Claim[], c: Context, placed: ReadonlySet<number>): Claim[] {
  const isVictims = (claim: Claim) => VICTIM_CATEGORIES.has(claim.counted.category) && !namesSoldiers(c, claim.counted)
  // "millions of refugees around the globe": a figure its sentence puts in the world at large
  // (by sentence, read once: a long sentence may hold many figures)
  const worldwide = new Map<number, boolean>()
  const isWorldwide = (claim: Claim) => {
    const si = sentenceIndex(c, c.quantities[claim.quantity].start)
    let is = worldwide.get(si)
    if (is === undefined) {
      const s = c.sentences[si]
      is = WORLDWIDE.test(c.text.slice(s.start, s.end))
      worldwide.set(si, is)
    }
    return is
  }
  // only a place the text gives ("in Gaza"): "11,078 Palestinians had been killed" says
  // nothing of whose the other dead of the article are ("Israel says 1,200 killed")
  const places = new Set(claims.filter((claim) => placed.has(claim.quantity) && isVictims(claim)).map((claim) => claim.subject))
  if (places.size !== 1) return [...claims]
  const [place] = places
  return claims.map((claim) => claim.subject === null && isVictims(claim) && !isWorldwide(claim) ? { ...claim, subject: place } : claim)
}

// Words by which a sentence puts its figure in the world at large, not in one country.
// (in lower case, or opening the sentence: "the World Health Organization" is a name)
const WORLDWIDE = /\b(?:globe|global|globally|worldwide|world|countries)\b|\b(?:Globally|Worldwide|Around the world)\b/

/**
 * An article about one country's forces often names them once and then says "3,000
 * soldiers were wounded". A figure about soldiers with no subject of its own takes the
 * article's when the article speaks of one country's forces only (in its figures and in
 * phrases like "North Korean troops"); with two countries in play it stays unknown rather
 * than guessed, and civilians never inherit a country's forces. Nor do soldiers when the
 * article's one force is the one that harms soldiers ("Russian forces had killed or wounded
 * about 1,150 soldiers", `inflicters` by quantity): those are the other side's, which the
 * text would have to name.
 */
function inheritArticleSubject(claims: readonly Claim[], c: Context, inflicters: ReadonlyMap<number, string>): Claim[] {
  const isSoldiers = (claim: Claim) => PEOPLE_CATEGORIES.has(claim.counted.category) && namesSoldiers(c, claim.counted)
  if (!claims.some((claim) => claim.subject === null && isSoldiers(claim))) return [...claims]
  const subjects = forcesNamed(c)
  for (const claim of claims) if (claim.subject !== null && isSoldiers(claim)) subjects.add(claim.subject)
  if (subjects.size !== 1) return [...claims]
  const [subject] = subjects
  if ([...inflicters.values()].includes(subject)) return [...claims]
  return claims.map((claim) => claim.subject === null && isSoldiers(claim) ? { ...claim, subject } : claim)
}

/**
 * Whether the figure at token `a` is the object of a bare verb coordinated with the clause
 * of the figure that ends at token `from`: "and spend 2.4 billion", with no subject or
 * finite verb of its own between.
 */
function coordinatedVerb(c: Context, from: number, a: number): boolean {
  for (let t = from; t + 1 < a; t++) {
    if (c.tokens.lemma[t] !== 'and') continue
    const v = t + 1
    const word = tokenText(c, v)
    if (c.tokens.pos[v] !== VERB || word.toLowerCase() !== c.tokens.lemma[v]) return false
    for (let k = v + 1; k < a; k++) if (c.tokens.pos[k] === VERB || c.tokens.pos[k] === AUX) return false
    return true
  }
  return false
}

/**
 * "pledged 510 million euros, Germany 300 million euros and Britain 120 million pounds": a
 * figure right after a name that opens a conjunct (after a comma or "and", the verb left out)
 * right after the figure before stands in that figure's clause. `from` is the token after the
 * figure before, `a` the figure's first token.
 */
function isGappedConjunct(c: Context, from: number, a: number): boolean {
  let t = from
  if (t < a && tokenText(c, t) === ',') t++
  if (t < a && c.tokens.lemma[t] === 'and') t++
  if (t === from || t >= a || a - t > 3) return false
  for (let k = t; k < a; k++) if (c.tokens.pos[k] !== PROPN || c.timeAt[k] !== 0 || !/^\p{Lu}/u.test(tokenText(c, k))) return false
  return true
}

/**
 * One claim per figure: the same amount, category and subject (a missing subject matches
 * any) repeated in an article is one claim; the attributed mention wins over an unattributed
 * one, and an attributed mention in the body over one in the headline; otherwise the first.
 */
function dedupe(claims: readonly Claim[], quantities: readonly Quantity[], headline: number): Claim[] {
  const kept: Claim[] = []
  // "At least 1,500 soldiers arrived, with another 1,500 expected": a planned figure or one
  // with another bound is another figure
  const keyOf = (claim: Claim) => {
    const q = quantities[claim.quantity]
    return `${amountKey(q)}|${q.bound}|${claim.counted.category}|${claim.isPlanned}|${claim.isAdditional}`
  }
  // indices into `kept` by key, so a long document does not compare every pair
  const byKey = new Map<string, number[]>()
  for (const claim of withHeadlinePlans(claims, quantities, headline, keyOf)) {
    const key = keyOf(claim)
    const candidates = byKey.get(key) ?? []
    const i = candidates.find((j) => kept[j].subject === null || claim.subject === null || kept[j].subject === claim.subject)
    if (i === undefined) {
      byKey.set(key, [...candidates, kept.length])
      kept.push(claim)
      continue
    }
    const k = kept[i]
    const subject = k.subject ?? claim.subject
    // a headline's figure is told again, whole and with its source, in the body
    const fromHeadline = quantities[k.quantity].start < headline && quantities[claim.quantity].start >= headline
    kept[i] = (k.source === null || fromHeadline) && claim.source !== null ? { ...claim, subject } : { ...k, subject }
  }
  return kept.sort((x, y) => x.quantity - y.quantity)
}

/**
 * "EU to lend Ukraine 90 billion euros; Britain adds 2.3bn pounds" over "Britain pledged 2.3
 * billion pounds for next year": a headline's tense tells nothing of the plan (its present tense
 * stands for what the body tells), so a headline figure that is not planned, whose amount, bound
 * and category a planned figure of the body repeats, is that figure, planned. (A body figure that
 * is not planned leaves the headline's as it is.)
 */
function withHeadlinePlans(claims: readonly Claim[], quantities: readonly Quantity[], headline: number, keyOf: (claim: Claim) => string): readonly Claim[] {
  const planned = new Set<string>()
  for (const claim of claims) if (claim.isPlanned && quantities[claim.quantity].start >= headline) planned.add(keyOf(claim))
  if (planned.size === 0) return claims
  return claims.map((claim) => quantities[claim.quantity].start < headline && !claim.isPlanned &&
    planned.has(keyOf({ ...claim, isPlanned: true })) ? { ...claim, isPlanned: true } : claim)
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
