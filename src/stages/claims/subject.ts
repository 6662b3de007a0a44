/** Whose the counted things are (docs/figures.md, "subject"). */
import type { CharSpan, Sentence } from '../../model/types.ts'
import {
  NOUN, PROPN, ADJ, VERB, AUX, ADV, ADP, PART, PRON, PUNCT, DET, PEOPLE_CATEGORIES, type Context, type Counted,
  tokenText, tokenRange, countryOf, entitiesIn, within, REACH, tokenEndingAfter, singularOf, pastTime, verbLemmas,
} from './context.ts'
import { MILITARY_PEOPLE, SENDING_VERBS } from './lexicon.ts'

/** The clause subject before token `verb`: the nearest named country or body followed by a verb. */
function clauseSubject(c: Context, s: Sentence, beforeToken: number): string | null {
  const limitChar = c.tokens.start[beforeToken]
  let best: string | null = null
  const reach = { start: c.tokens.start[Math.max(s.tokenStart, beforeToken - REACH)], end: limitChar }
  for (const e of within(c.entities, reach)) {
    if (e.start < s.start || e.end > limitChar) continue
    const country = countryOf(e)
    if (country === null) continue
    let [, after] = tokenRange(c, e, s)
    // "Russian forces suffered ...": the entity modifies the subject's head noun
    const nounLimit = after + 4
    while (after < s.tokenEnd && after < nounLimit && (c.tokens.pos[after] === NOUN || c.tokens.pos[after] === ADJ)) after++
    while (after < s.tokenEnd && c.tokens.pos[after] === ADV) after++
    after = pastTime(c, s, after)
    if (after < s.tokenEnd && (c.tokens.pos[after] === AUX || verbLemmas(c, after, s).length > 0)) best = country
  }
  return best
}

/** Whose the counted things are. */
export function findSubject(c: Context, counted: Counted, a: number, s: Sentence, si: number): string | null {
  const { pos, lemma } = c.tokens
  // "12,000 North Korean troops"
  const np = { start: c.tokens.end[a], end: c.tokens.end[counted.npEnd - 1] }
  for (const e of entitiesIn(c, np)) {
    const country = countryOf(e)
    if (country !== null) return country
  }
  // "Seoul estimates North Korean casualties in Russia at 4,700": a counted phrase before the
  // figure is owned by the country named right before its noun or inside it, not by the place after it
  if (counted.end <= c.tokens.start[a]) {
    for (const e of within(c.entities, { start: Math.max(s.start, counted.start - REACH), end: counted.end })) {
      const country = countryOf(e)
      if (country === null || e.start < s.start || e.end > counted.end) continue
      if (e.end >= counted.start || /^\s+$/.test(c.text.slice(e.end, counted.start))) return country
    }
  }
  // "Russia's 600,000 troops"
  if (a - 1 > s.tokenStart && /^['’]s$/.test(tokenText(c, a - 1))) {
    const owner = within(c.entities, { start: s.start, end: c.tokens.end[a - 2] }).find((e) => e.end === c.tokens.end[a - 2])
    if (owner !== undefined && countryOf(owner) !== null) return countryOf(owner)
  }
  // "Pyongyang has sent thousands of shells": the sender owns what it sends.
  if (counted.category === 'deployed' || counted.category === 'munitions') {
    let v = a - 1
    while (v >= s.tokenStart && (pos[v] === ADV || pos[v] === DET || pos[v] === ADJ)) v--
    // "has supplied Russia with up to 200 guns", "sent Moscow 300 shells": past the recipient
    // ("North Korea in 2024 sent": a verb after a time phrase that wink read as a noun)
    const isSending = (k: number) => verbLemmas(c, k, s).some((l) => SENDING_VERBS.has(l))
    for (let k = v; k >= s.tokenStart && k > a - 7; k--) {
      if (isSending(k)) { v = k; break }
      if (!(pos[k] === PROPN || pos[k] === NOUN || pos[k] === DET || lemma[k] === 'with' || lemma[k] === 'to')) break
    }
    if (v >= s.tokenStart && isSending(v)) {
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

// Verbs by which one side harms or takes the other's people: "Russian forces killed 300 soldiers".
const INFLICTING_VERBS = new Set(['kill', 'wound', 'injure', 'capture', 'eliminate', 'neutralise', 'neutralize', 'destroy', 'inflict', 'shoot'])

/**
 * "Russian forces had killed or wounded about 1,150 soldiers": the country whose forces are
 * the subject of an active verb of harm (also two coordinated ones) right before the figure
 * at token `a`, who are not the people counted; null when there is none ("300 soldiers were
 * killed", "Russia has lost 1,000 soldiers").
 */
export function inflictedBy(c: Context, s: Sentence, a: number): string | null {
  const { pos, lemma } = c.tokens
  let v = a - 1
  while (v >= s.tokenStart && (pos[v] === ADV || pos[v] === DET || pos[v] === ADJ)) v--
  if (v - 2 >= s.tokenStart && (lemma[v - 1] === 'or' || lemma[v - 1] === 'and') && pos[v - 2] === VERB && INFLICTING_VERBS.has(lemma[v - 2])) v -= 2
  if (v < s.tokenStart || pos[v] !== VERB || !INFLICTING_VERBS.has(lemma[v])) return null
  let aux = v
  while (aux - 1 >= s.tokenStart && (pos[aux - 1] === AUX || pos[aux - 1] === ADV || pos[aux - 1] === PART)) {
    // "were killed": passive, the people counted are its subject
    if (lemma[aux - 1] === 'be') return null
    aux--
  }
  return clauseSubject(c, s, aux)
}

// Categories that count people something happened to, where the place it happened names them.
export const VICTIM_CATEGORIES = new Set(['killed', 'wounded', 'casualties', 'missing', 'displaced'])

/**
 * Whether a counted phrase (a claim's `counted` span) names soldiers by one of its words,
 * its lemma or its plural ("soldiers have been killed", "troops", "marines"), not civilians
 * or workers: soldiers "killed in Ukraine" may be anyone's (`placeIn`, `inheritVictimPlace`),
 * and only soldiers take the article's one named force (`inheritArticleSubject`).
 */
export function namesSoldiers(c: Context, counted: CharSpan): boolean {
  for (let t = tokenEndingAfter(c, counted.start); t < c.tokens.count && c.tokens.start[t] < counted.end; t++) {
    // (wink leaves some plurals as their lemma: "marines")
    if (MILITARY_PEOPLE.has(c.tokens.lemma[t]) || MILITARY_PEOPLE.has(singularOf(c, t))) return true
  }
  return false
}

/** The source fragments of all attributions by start, and the furthest end among each one and those before it. */
interface SourceIndex { readonly starts: Int32Array; readonly maxEnd: Int32Array }

const sourceIndexes = new WeakMap<Context, SourceIndex>()

/** Whether some attribution's source fragment holds span `e`: by binary search, once per document sorted. */
function inSomeSource(c: Context, e: { start: number; end: number }): boolean {
  let index = sourceIndexes.get(c)
  if (index === undefined) {
    const fragments = c.attributions.flatMap((att) => att.source).sort((x, y) => x.start - y.start)
    const starts = Int32Array.from(fragments, (f) => f.start)
    const maxEnd = new Int32Array(fragments.length)
    let furthest = -1
    fragments.forEach((f, i) => { furthest = Math.max(furthest, f.end); maxEnd[i] = furthest })
    index = { starts, maxEnd }
    sourceIndexes.set(c, index)
  }
  // the last fragment that starts at or before the span: one of it or those before it ends at or after the span's end
  let lo = 0
  let hi = index.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (index.starts[mid] <= e.start) lo = mid + 1
    else hi = mid
  }
  return lo > 0 && index.maxEnd[lo - 1] >= e.end
}

/**
 * "The death toll in Gaza has passed 40,000", "The war in Sudan may have killed 150,000
 * people": people killed, hurt, missing or displaced in a country are that country's (for
 * figures of such people that name no soldiers and no owner; `findClaims`). The
 * country of the place after "in" nearest the figure in its sentence, outside who speaks
 * ("a US envoy in Geneva said").
 */
export function placeIn(c: Context, s: Sentence, a: number, holder: number | null): string | null {
  let best: string | null = null
  let bestDistance = Infinity
  const at = c.tokens.start[a]
  const end = c.tokens.end[a]
  // inside what someone says (`holder`, the attribution that holds the figure), the places
  // they name or that open the sentence before them ("In neighbouring Thailand, authorities
  // said 22 people ..."), not where they said it ("..., Perriello told reporters in Washington")
  let said: readonly { start: number; end: number }[] | null = null
  let speaks = Infinity
  const att = holder === null ? undefined : c.attributions[holder]
  if (att !== undefined && att.content.some((f) => f.start <= at && end <= f.end)) {
    said = att.content
    for (const f of att.cue) speaks = Math.min(speaks, f.start)
    for (const f of att.source) speaks = Math.min(speaks, f.start)
  }
  // places within reach of the figure: a sentence without full stops would otherwise make
  // every figure read all of it
  const reach = { start: c.tokens.start[Math.max(s.tokenStart, a - REACH)], end: c.tokens.end[Math.min(s.tokenEnd - 1, a + REACH)] }
  for (const e of within(c.entities, reach)) {
    if (e.start < s.start || e.end > s.end || (e.type !== 'GPE' && e.country === null) || e.type === 'NORP') continue
    const country = countryOf(e)
    if (country === null) continue
    if (said !== null && e.end > speaks && !said.some((f) => f.start <= e.start && e.end <= f.end)) continue
    const [first] = tokenRange(c, e, s)
    let t = first
    // "in eastern Libya", "in the Gaza Strip"
    while (t - 1 > s.tokenStart && first - t < 2 && (c.tokens.pos[t - 1] === DET || c.tokens.pos[t - 1] === ADJ)) t--
    if (t - 1 < s.tokenStart || c.tokens.lemma[t - 1] !== 'in') continue
    const distance = Math.abs(e.start - at)
    if (distance >= bestDistance || inSomeSource(c, e)) continue
    best = country
    bestDistance = distance
  }
  return best
}

// "Of that initial deployment, ...", "Among those troops, ...", "4,000 of them".
const BACK_DETERMINERS = new Set(['that', 'those', 'these', 'this', 'the', 'them'])

/** Whether the figure points back to something named before: a part of it ("of that ..."). */
export function refersBack(c: Context, s: Sentence, a: number, b: number): boolean {
  const { lemma } = c.tokens
  for (let t = s.tokenStart; t + 1 < a; t++) {
    if ((lemma[t] === 'of' || lemma[t] === 'among') && BACK_DETERMINERS.has(lemma[t + 1])) return true
  }
  return b + 1 < s.tokenEnd && lemma[b] === 'of' && BACK_DETERMINERS.has(lemma[b + 1])
}
