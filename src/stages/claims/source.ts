/** Who states a figure: the attribution that holds it, or a simple fallback (docs/figures.md, "Source"). */
import type { Attribution, CharSpan, Entity, Quantity, Sentence } from '../../model/types.ts'
import {
  NOUN, PRON, PROPN, ADJ, VERB, AUX, ADV, PART, DET, CCONJ, NUM, ADP, SCONJ, PUNCT, CLAUSE_BREAKS, type Context,
  type Source, tokenText, overlapsTime, contains, spanOf, entitiesIn, entitiesHolding, isHyphenJoin, PUNCT_ONLY, sentenceIndex, tokenEndingAfter, REACH, within, pastTime, verbLemmas,
  PLAIN_WORD, passiveSizingVerb,
} from './context.ts'
import { LABOUR_PEOPLE, MILITARY_PEOPLE, OTHER_PEOPLE, SIZING_VERBS, SPEECH_VERBS } from './lexicon.ts'
import { headlineEnd } from '../tokens/line-breaks.ts'
import { SUBJECT_PRONOUNS } from '../tokens/tokens.ts'
import { isCompoundNoun } from '../tokens/compounds.ts'
import { isDashBetween, POSSESSIVE_MARK } from '../tokens/marks.ts'
import { datelineDash } from '../tokens/dateline.ts'


// Module-level: tsx (esbuild) rewrites a \p{...} literal as `new RegExp(...)`, built anew on every call.
const HAS_LETTER = /\p{L}/u
const CAPITALISED = /^\p{Lu}/u

function hull(fragments: readonly CharSpan[]): CharSpan | null {
  if (fragments.length === 0) return null
  // (a loop, not Math.min over a mapped copy: the figure rules take the hull of every
  // attribution for every figure)
  let start = fragments[0].start
  let end = fragments[0].end
  for (let i = 1; i < fragments.length; i++) {
    if (fragments[i].start < start) start = fragments[i].start
    if (fragments[i].end > end) end = fragments[i].end
  }
  return { start, end }
}

// Honorifics before a name.
const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?$/

// Nothing, or spaces and punctuation only.
const PUNCT_ONLY_OR_EMPTY = /^[\s\p{P}]*$/u

// A hyphen and a lower-case letter right after a name: the name opens a compound modifier.
const COMPOUND_MODIFIER = /^[-‐]\p{Ll}/u

// Prepositions that end the head of a source noun phrase ("Amina Yusuf of the Norwegian
// Refugee Council", "a spokesman for the command").
const HEAD_ENDS = new Set(['of', 'for', 'from', 'at', 'with'])

/**
 * The named entity a source span stands for: a name before the first preposition outside
 * a name ("Amina Yusuf of the Norwegian Refugee Council" is Amina Yusuf), else its head, or
 * its only named part.
 */
function sourceEntityOf(c: Context, span: CharSpan | null): string | null {
  if (span === null) return null
  // "the Hamas-run health ministry", "the Saudi-led coalition", "a Moscow-based think tank": a
  // name glued by a hyphen to the word after it modifies the body; it is not who speaks
  const inside = entitiesIn(c, span).filter((e) => e.canonical !== null && !COMPOUND_MODIFIER.test(c.text.slice(e.end, e.end + 2)))
  const first = firstToken(c, span)
  if (first >= 0 && inside.length > 1) {
    let t = first
    while (t < c.tokens.count && c.tokens.start[t] < span.end &&
      !(HEAD_ENDS.has(c.tokens.lemma[t]) && !inside.some((e) => e.start < c.tokens.start[t] && c.tokens.end[t] < e.end))) t++
    const cut = t < c.tokens.count ? c.tokens.start[t] : span.end
    const before = inside.filter((e) => e.end <= cut && (e.type === 'PERSON' || e.type === 'ORG' || e.type === 'MEDIA' || e.type === 'OTHER'))
    // "The Bank of Japan", "the University of Chicago": an organisation word before "of"
    // and a place is one name, not the organisation word alone.
    const after = inside.find((e) => e.start >= cut)
    // ("The General Staff of Ukraine's Armed Forces" is the General Staff: the place does not end it)
    const onePlaceName = after !== undefined && after.type === 'GPE' && before.length > 0 && before[before.length - 1].type !== 'PERSON' &&
      c.text.slice(after.end, span.end).trim() === ''
    if (cut < span.end && before.length > 0 && !onePlaceName) return before[before.length - 1].canonical
  }
  // "the Alliance to Reclaim Our Schools (AROS)": the acronym in the closing bracket ends it
  const end = c.text[span.end - 1] === ')' ? span.end - 1 : span.end
  const bodies = inside.filter((e) => e.type === 'ORG' || e.type === 'MEDIA' || e.type === 'PERSON')
  const placed = inside.filter((e) => e.type === 'GPE' || e.type === 'NORP')
  // ("the health ministry in Gaza": the place that ends it is not who speaks)
  const body = bodies.length === 0 ? placeBody(c, span, placed) : null
  if (body !== null) return body
  const head = inside.find((e) => e.end === end)
  // "the Nepal Red Cross Society": a place written just before a name the gazetteer does not
  // know is part of that name, not who speaks
  const placeBefore = head === undefined || head.type !== 'OTHER' ? undefined
    : placed.find((e) => e.end + 1 === head.start && c.text[e.end] === ' ' && e.start >= span.start)
  if (head !== undefined && placeBefore !== undefined) return c.text.slice(placeBefore.start, head.end)
  // "A Defense Intelligence Agency briefing in Washington": the place "in" which a named body
  // or person speaks is not who speaks
  if (head !== undefined && head.type === 'GPE' && bodies.length > 0) {
    let k = tokenEndingAfter(c, head.start) - 1
    if (k > 0 && c.tokens.lemma[k] === 'the') k--
    const speaker = k > 0 && c.tokens.lemma[k] === 'in' ? bodies.filter((e) => e.end <= c.tokens.start[k]).at(-1) : undefined
    if (speaker !== undefined) return speaker.canonical
  }
  // ("the president of Ukraine" is a person, not the country)
  const isRole = placed.length > 0 && bodies.length === 0 && definiteRoleHead(c, span) >= 0
  if (head !== undefined && !(isRole && (head.type === 'GPE' || head.type === 'NORP'))) return head.canonical
  // "the World Health Organization (WHO)": a name and its acronym are one body
  if (bodies.length > 0 && bodies.every((e) => e.canonical === bodies[0].canonical)) return bodies[0].canonical
  const places = new Set(placed.map((e) => e.canonical))
  // "Sea-Watch, a German charity", "Cameron Easley for Morning Consult": a name the
  // entities stage could not type, written before any place, is who speaks
  // ("Federal and state officials": a word capitalised as its sentence's first is no name)
  const opensSentence = (e: { start: number; end: number }) => PLAIN_WORD.test(c.text.slice(e.start, e.end)) &&
    c.sentences[sentenceIndex(c, e.start)].start === e.start
  const named = inside.find((e) => e.type === 'OTHER' && placed.every((p) => e.end <= p.start) && !opensSentence(e))
  if (named !== undefined && bodies.length === 0) return named.canonical
  return places.size === 1 && bodies.length === 0 && !isRole ? [...places][0] : null
}


/**
 * The head token of a source that is one person by a definite role ("the Ukrainian
 * president", "Ukraine's defence minister", "the president of Ukraine"): a singular role
 * (`PERSON_ROLES`) after "the" or after a place's possessive that opens the span, as its last
 * word or the word before "of"; -1 for any other source. A nationality or country that
 * describes such a person is not who speaks; an indefinite one ("a US official", "Ukrainian
 * officials") speaks for it and stays the country.
 */
function definiteRoleHead(c: Context, span: CharSpan): number {
  const first = firstToken(c, span)
  let head = lastToken(c, span)
  if (first < 0 || head < 0) return -1
  for (let t = first + 1; t < head; t++) if (c.tokens.lemma[t] === 'of') { head = t - 1; break }
  // (the text, not the lemma: "officials" is no one person)
  if (head <= first || !PERSON_ROLES.has(tokenText(c, head).toLowerCase())) return -1
  if (c.tokens.lemma[first] === 'the') return head
  const opener = c.entities.find((e) => e.start === c.tokens.start[first])
  const isPossessive = opener !== undefined && (opener.type === 'GPE' || opener.type === 'NORP') &&
    POSSESSIVE_MARK.test(c.text.slice(opener.end, opener.end + 3))
  return isPossessive ? head : -1
}

// Common names of bodies that a place or demonym before them makes a name ("the Gaza health
// ministry", "the Sudanese army"); "government", "officials" and "forces" stand for the
// country itself and are left to it.
const BODY_HEADS = new Set([
  'ministry', 'military', 'army', 'navy', 'force', 'police', 'department', 'agency', 'office', 'command',
  'directorate', 'service', 'committee', 'commission', 'council', 'guard',
])
// Module-level: tsx (esbuild) rewrites a \p{...} literal as `new RegExp(...)`, built anew on every call.
const LOWER_WORD = /^\p{Ll}+$/u

/**
 * "The Gaza health ministry", "the Ukrainian defence ministry", "Israel's military", "the
 * health ministry in Gaza": a place or demonym (`placed`, the span's GPE and NORP
 * entities), perhaps a possessive, up to three words in lower case and a body's common name
 * (`BODY_HEADS`), or those words and "in" or "of" a place that ends the span, is that body,
 * named as a name is written, place first ("Gaza Health Ministry", "Israel's Military");
 * null for any other span.
 */
function placeBody(c: Context, span: CharSpan, placed: readonly Entity[]): string | null {
  let t = firstToken(c, span)
  let last = lastToken(c, span)
  if (t < 0 || last < 0) return null
  if (c.tokens.pos[t] === DET) t++
  let place = placed.find((e) => e.start === c.tokens.start[t])
  let owner: string
  if (place !== undefined) {
    owner = c.text.slice(place.start, place.end)
    t = tokenEndingAfter(c, place.end)
    if (t <= last && /^['’]s?$/.test(tokenText(c, t))) { owner += tokenText(c, t); t++ }
  } else {
    // "the health ministry in Gaza"
    place = placed.find((e) => e.end === span.end && e.type === 'GPE')
    if (place === undefined) return null
    let k = tokenEndingAfter(c, place.start) - 1
    if (k > t && c.tokens.lemma[k] === 'the') k--
    if (k <= t || (c.tokens.lemma[k] !== 'in' && c.tokens.lemma[k] !== 'of')) return null
    owner = c.text.slice(place.start, place.end)
    last = k - 1
  }
  if (!BODY_HEADS.has(c.tokens.lemma[last]) || !LOWER_WORD.test(tokenText(c, last)) || t > last || last - t > 3) return null
  // "the Ukrainian air force" is a body; "Russian forces", "Israeli security forces" are the
  // country's, as the note on BODY_HEADS says (the lemma of "forces" is "force")
  if (tokenText(c, last) === 'forces') return null
  const words = [owner]
  for (let k = t; k <= last; k++) {
    const word = tokenText(c, k)
    if (!LOWER_WORD.test(word) || (k < last && c.tokens.pos[k] !== NOUN && c.tokens.pos[k] !== ADJ)) return null
    words.push(word[0].toUpperCase() + word.slice(1))
  }
  return words.join(' ')
}

// Heads of a source span that name who speaks, so that a resolved name may stand for them.
const AGENT_NOUNS = new Set([
  'agency', 'ministry', 'service', 'office', 'government', 'committee', 'council', 'army', 'military',
  'command', 'lawmaker', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'minister',
  'leader', 'chief', 'organisation', 'organization', 'group', 'intelligence', 'broadcaster', 'outlet',
  'newspaper', 'media', 'medium', 'authority', 'administration', 'headquarters', 'staff', 'directorate',
  'company', 'firm', 'charity', 'commission', 'bank', 'fund', 'programme', 'program', 'institute', 'department',
  'bureau', 'union', 'alliance', 'court', 'party', 'mayor', 'governor', 'commander', 'general', 'secretary',
  'ambassador', 'envoy', 'senator', 'chairman', 'chairwoman', 'director', 'premier', 'chancellor', 'prosecutor',
])

/** The first token inside a span, or -1. */
function firstToken(c: Context, span: CharSpan): number {
  const t = tokenEndingAfter(c, span.start)
  return t < c.tokens.count && c.tokens.start[t] < span.end ? t : -1
}

/**
 * The claim's source span from the attribution's: an apposition after a name is not the
 * source ("Andriy Bondar, a spokesman for the eastern command," is Andriy Bondar), nor a
 * relative clause after a noun ("A NATO official, who spoke on condition of anonymity,"),
 * nor punctuation at its edges. A name coordinated with names ("Lee, Kim and Park") is kept
 * whole: the apposition is a common noun phrase after the comma.
 */
function withoutApposition(c: Context, span: CharSpan | null): CharSpan | null {
  if (span === null) return null
  let first = firstToken(c, span)
  if (first < 0) return span
  let end = first
  while (end < c.tokens.count && c.tokens.start[end] < span.end) end++
  // "... through June, the IPC, a U.N.-backed monitor, said": a time that ends the content,
  // read into the source before its comma, is not who speaks
  let timeEnd = first
  while (timeEnd < end && overlapsTime(c, timeEnd)) timeEnd++
  if (timeEnd > first && timeEnd + 1 < end && tokenText(c, timeEnd) === ',') first = timeEnd + 1
  let named = false
  for (let t = first; t < end - 1; t++) {
    if (c.tokens.pos[t] === PROPN) named = true
    // ("Jean-Marc Diallo, UNHCR's representative in Chad": an owner's name opens it too)
    if (tokenText(c, t) === ',' && named && t > first && c.tokens.pos[t - 1] === PROPN &&
      (c.tokens.pos[t + 1] === DET || c.tokens.pos[t + 1] === ADJ || c.tokens.pos[t + 1] === NOUN ||
      (c.tokens.pos[t + 1] === PROPN && t + 2 < end && /^['’]s$/.test(tokenText(c, t + 2))))) { end = t; break }
    // "The mine's operator, Carbones del Altiplano,", "The speaker , Premier of the Cabinet ,": a
    // name after a common noun names it (not a list of speakers: "the police, Interpol and Europol")
    if (tokenText(c, t) === ',' && t > first && c.tokens.pos[t - 1] === NOUN && c.tokens.pos[t + 1] === PROPN &&
      !isInName(c, t - 1) && !hasConjunctionIn(c, t + 1, end)) { end = t; break }
    // "The assessment, prepared for NATO defence ministers,": a participle phrase describes it
    if (tokenText(c, t) === ',' && t > first && (c.tokens.pos[t - 1] === NOUN || c.tokens.pos[t - 1] === PROPN) &&
      c.tokens.pos[t + 1] === VERB && /(?:ed|en|wn)$/i.test(tokenText(c, t + 1))) { end = t; break }
    // "A NATO official, who spoke on condition of anonymity,": a relative clause describes the speaker
    // ("The Citizens' Election Watch, which deployed ...": a word of a name whatever its tag)
    if (tokenText(c, t) === ',' && t > first && (c.tokens.lemma[t + 1] === 'who' || c.tokens.lemma[t + 1] === 'which') &&
      (c.tokens.pos[t - 1] === NOUN || c.tokens.pos[t - 1] === PROPN || isInName(c, t - 1) || (t - 1 > first && /^[A-Z]/.test(tokenText(c, t - 1))))) { end = t; break }
  }
  // "Ukraine's military on Tuesday said", "The ministry last week reported": a time phrase
  // between the speaker and the cue dates the statement; it is not who speaks
  // ("a poll released last week", "A study published in July": the time of a participle
  // phrase stays with it, as the figure sets annotate; "The October" is no speaker)
  let timeStart = end
  while (timeStart - 1 > first && overlapsTime(c, timeStart - 1)) timeStart--
  if (timeStart < end && timeStart - 1 > first && c.tokens.pos[timeStart - 1] === ADP && !overlapsTime(c, timeStart - 1)) timeStart--
  // (a word of a name is a name whatever its tag: "The Red Cross on Monday", "Cross" read as a verb)
  const head = isInName(c, timeStart - 1) ? PROPN : c.tokens.pos[timeStart - 1]
  let hasParticiple = false
  for (let t = first; t < timeStart; t++) if (c.tokens.pos[t] === VERB && !isInName(c, t)) hasParticiple = true
  if (timeStart < end && timeStart > first && (head === NOUN || head === PROPN || head === PRON) && !hasParticiple) end = timeStart
  return spanOf(c, first, end) ?? span
}

/** Whether a token of lemma `word` stands in tokens [from, to). */
function hasLemmaIn(c: Context, word: string, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (c.tokens.lemma[t] === word) return true
  return false
}

/** Whether "and" or "or" stands in tokens [from, to). */
function hasConjunctionIn(c: Context, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (c.tokens.lemma[t] === 'and' || c.tokens.lemma[t] === 'or') return true
  return false
}

/** Whether token `t` is a word of a name of two words or more that the entities stage found. */
function isInName(c: Context, t: number): boolean {
  return entitiesHolding(c, t).some((e) => e.start < c.tokens.start[t] || c.tokens.end[t] < e.end)
}

// Lemmas of cues that say what someone does or means to do, not what they state.
const DEED_CUES = new Set([
  'agree', 'plan', 'seek', 'pass', 'approve', 'want', 'intend', 'aim', 'decide', 'vote', 'pledge',
  'promise', 'offer', 'propose', 'request', 'demand', 'hope', 'try', 'prepare', 'adopt', 'allocate',
  // "Authorities had ordered the evacuation of 350,000 residents": an order is a deed
  'order',
  // "The club signed him for a reported 60 million euros": signing a player or a deal is a deed
  'sign',
  // "The court fined the firms 4 million crowns" (`isFine`), "sentenced him to ...": a court's ruling is a deed
  'sentence',
])

/** Whether every verb of a cue is a verb of intent or deed. */
function isDeedCue(c: Context, cue: readonly CharSpan[]): boolean {
  let deeds = 0
  for (const f of cue) {
    for (let t = firstToken(c, f); t >= 0 && t < c.tokens.count && c.tokens.start[t] < f.end; t++) {
      const pos = c.tokens.pos[t]
      if (pos !== VERB && pos !== NOUN && pos !== ADJ) continue
      // "It admitted 420 patients last week": a hospital takes people in, it confesses nothing
      // (nor does a country that "added 11.2 million jobs" speak: "added" with a number after it)
      const isAdmission = (c.tokens.lemma[t] === 'admit' || c.tokens.lemma[t] === 'add') && isNumberObject(c, t + 1)
      // (wink's lemma of "fined" is "fin")
      const isFine = /^fin(?:e|es|ed|ing)$/i.test(tokenText(c, t)) && pos === VERB
      if (!DEED_CUES.has(c.tokens.lemma[t]) && !isAdmission && !isFine) return false
      deeds++
    }
  }
  return deeds > 0
}

// What a number's noun phrase after a verb may hold: "1.4 million formal jobs last year".
const OBJECT_POS = new Set([NUM, ADJ, NOUN, PROPN, ADV, DET])

/**
 * Whether a number at token `t` opens the object of the verb before it ("added 1.4 million
 * jobs last year"), not the subject of a clause said ("He added 5,000 more troops would be
 * needed": a verb after its noun phrase).
 */
function isNumberObject(c: Context, t: number): boolean {
  const pos = c.tokens.pos
  if (t >= c.tokens.count || pos[t] !== NUM) return false
  let k = t + 1
  while (k < c.tokens.count && OBJECT_POS.has(pos[k])) k++
  return k >= c.tokens.count || (pos[k] !== AUX && pos[k] !== VERB)
}

// Cues of asking: "Prosecutors had sought a fine of", "the lawyers demanded".
const ASKING_CUES = new Set(['seek', 'request', 'demand'])

/**
 * "Prosecutors had sought a fine of 150 million crowns": people who ask for an amount (a
 * person, or a head that names people or a person's role) state it; a body or an appeal that
 * seeks or requests money acts ("The agency has requested $630 million", "The appeal seeks").
 */
function isPersonAsking(c: Context, att: Attribution): boolean {
  const source = hull(att.source)
  if (source === null) return false
  for (const f of att.cue) {
    for (let t = firstToken(c, f); t >= 0 && t < c.tokens.count && c.tokens.start[t] < f.end; t++) {
      if (c.tokens.pos[t] === VERB && !ASKING_CUES.has(c.tokens.lemma[t])) return false
    }
  }
  if (entitiesIn(c, source).some((e) => e.type === 'PERSON')) return true
  const head = lastToken(c, source)
  if (head < 0 || (c.tokens.pos[head] !== NOUN && c.tokens.pos[head] !== PROPN)) return false
  // ("Prosecutors" opening a sentence is read as a name and keeps its plural)
  const word = c.tokens.pos[head] === PROPN ? c.tokens.lemma[head].replace(/s$/, '') : c.tokens.lemma[head]
  return PERSON_TITLES.has(word) || MILITARY_PEOPLE.has(word) || LABOUR_PEOPLE.has(word) || OTHER_PEOPLE.has(word)
}

/** "It is said", "it was reported": an impersonal source names no one. */
function isImpersonal(c: Context, span: CharSpan | null): boolean {
  if (span === null) return false
  const t = firstToken(c, span)
  return t >= 0 && c.tokens.end[t] >= span.end && c.tokens.lemma[t] === 'it' &&
    t + 1 < c.tokens.count && c.tokens.lemma[t + 1] === 'be'
}

/** The last token inside a span. */
function lastToken(c: Context, span: CharSpan): number {
  let lo = 0
  let hi = c.tokens.count - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (c.tokens.start[mid] < span.end) lo = mid
    else hi = mid - 1
  }
  return c.tokens.start[lo] >= span.start ? lo : -1
}

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whose', 'whom'])
const NP_POS = new Set([DET, ADJ, NOUN, PROPN, CCONJ, NUM, PART])

// Nouns of a statement in "As the statement of X, ..." (translated text for "according to X").
const STATEMENT_NOUNS = new Set(['statement', 'report', 'announcement', 'information', 'data', 'word', 'assessment'])

/** After "As (the) statement of" opening a sentence, the token where its source starts, or -1. */
function asStatementOf(c: Context, t: number, end: number): number {
  const { lemma } = c.tokens
  if (lemma[t] !== 'as') return -1
  let k = t + 1
  if (k < end && (lemma[k] === 'the' || lemma[k] === 'a' || lemma[k] === 'an')) k++
  if (k < end && (lemma[k] === 'per')) k++
  return k + 1 < end && STATEMENT_NOUNS.has(lemma[k]) && lemma[k + 1] === 'of' ? k + 2 : -1
}

// Words that open a clause of the writer's after a speech clause.
const CLAUSE_OPENERS = new Set(['while', 'and', 'but', 'as', 'after', 'although', 'though', 'whereas', 'because', 'when', 'since'])

// Prepositions that may join the parts of a subject before its speech verb.
const INNER_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'in'])

// Possessive pronouns that open a noun phrase ("its foreign policy chief").
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our'])

/** The end of a source noun phrase from `t` ("the intelligence service of Seoul"), or `t`. */
function nounPhraseEnd(c: Context, t: number, end: number): number {
  const { pos, lemma } = c.tokens
  let e = t
  for (;;) {
    // (a time phrase after it is none of it: "The ministry last week put ...")
    if (e > t && e < end && overlapsTime(c, e)) return e
    if (e < end && (NP_POS.has(pos[e]) || isHyphenJoin(c, e) || (e === t && POSSESSIVES.has(lemma[e])))) { e++; continue }
    // one "of"/"for" inside the phrase, between nouns ("a spokesman for the command")
    if (e > t && e + 1 < end && (lemma[e] === 'of' || lemma[e] === 'for') && NP_POS.has(pos[e + 1])) { e += 2; continue }
    return e
  }
}

/**
 * Whether token `t` is a speech verb. The tagger reads a participle that ends a clause as an
 * adjective at times ("the General Staff is informed", "informed the deputy mayor"), so an
 * "-ed" word is taken by its stem.
 */
function isSpeechVerb(c: Context, t: number): boolean {
  const { pos, lemma } = c.tokens
  if (pos[t] === VERB || pos[t] === AUX) return SPEECH_VERBS.has(lemma[t])
  if (pos[t] !== ADJ) return false
  const w = tokenText(c, t).toLowerCase()
  return w.endsWith('ed') && (SPEECH_VERBS.has(w.slice(0, -2)) || SPEECH_VERBS.has(w.slice(0, -1)))
}

const namesSomeone = (c: Context, from: number, to: number): boolean => {
  for (let t = from; t < to; t++) if (c.tokens.pos[t] === NOUN || c.tokens.pos[t] === PROPN) return true
  return to - from === 1 && c.tokens.pos[from] === PRON
}

/** The span of token `v`, as a cue. */
const cueSpan = (c: Context, v: number): CharSpan => ({ start: c.tokens.start[v], end: c.tokens.end[v] })

/**
 * A comma-separated segment `[from, to)` that only says who spoke: "X said", "X told
 * reporters in Geneva", "X is informed" (the tail after the verb holds no other verb and
 * no "that": ", officials said that ..." opens new content), or the inverted "informed the
 * deputy mayor". In a headline (`isHeadline`), "X says" / "X claims" / "X reports" whose
 * verb the tagger read as a plural noun counts too. Returns the source and cue spans.
 */
function speechSegment(c: Context, from: number, to: number, isHeadline = false, isFinal = false): { source: CharSpan; cue: CharSpan } | null {
  const { pos, lemma } = c.tokens
  if (from >= to) return null
  // "..., Ukraine claims", "..., state media reports": a headline's present-tense speech verb,
  // which the tagger reads as a plural noun after a noun
  // ("think tank estimates": the tagger reads the first word of a compound noun as a verb)
  const opening = from + 1 < to && isCompoundNoun(lemma[from], lemma[from + 1]) ? from + 1 : from
  if (isHeadline && to - 1 > from && pos[to - 1] === NOUN && SPEECH_VERBS.has(lemma[to - 1]) && /s$/.test(tokenText(c, to - 1))) {
    const npEnd = nounPhraseEnd(c, opening, to - 1)
    const source = npEnd === to - 1 && namesSomeone(c, from, npEnd) ? spanOf(c, from, npEnd) : null
    if (source !== null) return { source, cue: cueSpan(c, to - 1) }
  }
  // "..., humanitarian partners estimate.": at the sentence's end, the base form of a speech
  // verb that the tagger reads as a noun after a plural noun ("partners", not "the UN estimate")
  if (isFinal && to - 2 > from && pos[to - 1] === NOUN && SPEECH_VERBS.has(lemma[to - 1]) &&
    tokenText(c, to - 1).toLowerCase() === lemma[to - 1] && pos[to - 2] === NOUN && isPluralNoun(c, to - 2)) {
    const npEnd = nounPhraseEnd(c, opening, to - 1)
    const source = npEnd === to - 1 && namesSomeone(c, from, npEnd) ? spanOf(c, from, npEnd) : null
    if (source !== null) return { source, cue: cueSpan(c, to - 1) }
  }
  // inverted: "informed the deputy mayor", "said the ministry"
  if (isSpeechVerb(c, from)) {
    const npEnd = nounPhraseEnd(c, from + 1, to)
    const source = npEnd === to ? spanOf(c, from + 1, npEnd) : null
    if (source !== null && namesSomeone(c, from + 1, npEnd)) return { source, cue: cueSpan(c, from) }
  }
  let npEnd = pos[from] === PRON && !POSSESSIVES.has(lemma[from]) ? from + 1 : nounPhraseEnd(c, opening, to)
  // "the ministry informed": a participle the tagger read as an adjective closes the segment
  if (npEnd === to && to - 1 > from && pos[to - 1] === ADJ && isSpeechVerb(c, to - 1)) npEnd = to - 1
  if (npEnd === from || !namesSomeone(c, from, npEnd)) return null
  let verb = npEnd
  let isPassive = false
  while (verb < to && (pos[verb] === AUX && !SPEECH_VERBS.has(lemma[verb]) || pos[verb] === ADV)) {
    if (lemma[verb] === 'be') isPassive = true
    verb++
  }
  // "..., data showed on Tuesday.": at the sentence's end, a count, survey or report that shows
  // is the source as a speaker is (a figure and its own verb before it: "GDP grew 0.3 percent")
  const isDataShowing = isFinal && !isPassive && verb < to && pos[verb] === VERB && FINDING_VERBS.has(lemma[verb]) &&
    lemma[verb] !== 'put' && isDataPhrase(c, from, npEnd)
  if (verb >= to || !(isSpeechVerb(c, verb) || isDataShowing)) return null
  // "..., it was reported": "it" with a passive speech verb names no one
  if (isPassive && npEnd === from + 1 && lemma[from] === 'it') return null
  // "the property damage is estimated 200 million dollar" states a figure of its own
  if (isPassive && verb + 1 < to) return null
  for (let t = verb + 1; t < to; t++) {
    if (overlapsTime(c, t)) continue
    if (pos[t] === VERB || pos[t] === AUX || pos[t] === NUM || lemma[t] === 'that' || pos[t] === SCONJ) return null
  }
  const source = spanOf(c, from, npEnd)
  return source === null ? null : { source, cue: cueSpan(c, verb) }
}

/** Whether token `t` is a plural noun: "partners", "agencies" (its text is not its lemma and ends in "s"). */
function isPluralNoun(c: Context, t: number): boolean {
  const w = tokenText(c, t).toLowerCase()
  return /[^s]s$/.test(w) && w !== c.tokens.lemma[t]
}

// Module functions, not closures: tsx names every closure it creates (`__name`, a
// defineProperty of some 4,000 instructions), and these were made once per figure.
// A speech verb as the cue of "Officials said (that) ..." at the start of the sentence
// (wink tags a speech verb after a plural subject as a noun at times: "Officials estimate")
// ("The report found ...": a noun after a bare determiner is the subject, not its verb)
function isSubjectCue(c: Context, s: Sentence, a: number, t: number): boolean {
  const { pos, lemma } = c.tokens
  return isSpeechVerb(c, t) || (SPEECH_VERBS.has(lemma[t]) &&
    pos[t] === NOUN && t + 1 < a && pos[t + 1] !== ADP && pos[t + 1] !== PUNCT && t > 0 && pos[t - 1] !== DET && !isVerbAfter(c, t + 1, a)) ||
    // "The State Ministry of Health reports 37 civilians killed", "Local television reports at
    // least 9 dead": a present "-s" form read as a noun, right before the figure
    // ("MSF reports treating 96 patients": past a gerund of what was done)
    (SPEECH_VERBS.has(lemma[t]) && pos[t] === NOUN && (t + 1 === a || (t + 2 === a && pos[t + 1] === VERB && /ing$/i.test(tokenText(c, t + 1)))) &&
      t > s.tokenStart && pos[t - 1] !== DET && /s$/.test(tokenText(c, t)) && tokenText(c, t) !== lemma[t]) ||
    verbLemmas(c, t, s).some((l) => SPEECH_VERBS.has(l))
}

/** Whether a verb follows at token `t`, past adverbs, before the figure at `a` ("Kano state alone accounted for": "state" is the subject's noun). */
function isVerbAfter(c: Context, t: number, a: number): boolean {
  while (t < a && c.tokens.pos[t] === ADV) t++
  return t < a && c.tokens.pos[t] === VERB
}

// An inner "of"/"for" between nouns of the subject (up to two): "Chairman of the junta told"
function isInnerOf(c: Context, inner: number, opening: number, a: number, t: number): boolean {
  const { pos, lemma } = c.tokens
  return inner < 2 && t > opening && t + 1 < a && INNER_PREPOSITIONS.has(lemma[t]) && NP_POS.has(pos[t + 1]) && !overlapsTime(c, t + 1)
}

/**
 * The simple fallback when no attribution holds the figure: "according to X" in the
 * sentence, ", X said." at its end, or "X said (that)" at its start.
 */
function fallbackSource(c: Context, s: Sentence, a: number): Source | null {
  const { pos, lemma } = c.tokens
  let best: { source: CharSpan; cue: CharSpan; distance: number } | null = null
  // within reach of the figure: a sentence without full stops would otherwise make every
  // figure read all of it
  const last = Math.min(s.tokenEnd, a + REACH)
  for (let t = Math.max(s.tokenStart, a - REACH); t + 1 < last; t++) {
    // "according to X", and "Per X," opening a sentence
    const cueEnd = lemma[t] === 'accord' && lemma[t + 1] === 'to' ? t + 2
      : lemma[t] === 'per' && t === s.tokenStart ? t + 1
      : t === s.tokenStart ? asStatementOf(c, t, s.tokenEnd) : -1
    if (cueEnd < 0) continue
    let e = cueEnd
    // up to the clause's end or a relative clause ("a European officer who follows ...")
    while (e < s.tokenEnd && e - t < 12 && !CLAUSE_BREAKS.has(tokenText(c, e)) && tokenText(c, e) !== '.' &&
      !RELATIVE_PRONOUNS.has(lemma[e])) e++
    while (e > cueEnd && (pos[e - 1] === CCONJ || pos[e - 1] === ADP || pos[e - 1] === DET)) e--
    const source = spanOf(c, cueEnd, e)
    if (source === null || isWritersClauseAfter(c, source, a)) continue
    const distance = Math.abs(t - a)
    if (best === null || distance < best.distance) {
      best = { source, cue: { start: c.tokens.start[t], end: c.tokens.end[cueEnd - 1] }, distance }
    }
  }
  if (best === null) {
    // ", US officials said." after the figure: the first comma-separated segment after it
    // that is a speech clause ("a senior Pentagon official told reporters", "the General
    // Staff is informed", "informed the deputy mayor")
    let end = last
    while (end > s.tokenStart && PUNCT_ONLY.test(tokenText(c, end - 1))) end--
    const isHeadline = c.tokens.start[a] < headlineEnd(c.text)
    for (let k = a + 1; k < end && best === null; k++) {
      if (tokenText(c, k) !== ',') continue
      let segEnd = k + 1
      while (segEnd < end && tokenText(c, segEnd) !== ',') segEnd++
      // a segment cut by the reach, not by its sentence, may go on with more
      if (segEnd === end && last < s.tokenEnd) break
      const found = speechSegment(c, k + 1, segEnd, isHeadline, segEnd === end && end === s.tokenEnd - 1)
      if (found !== null) best = { ...found, distance: 0 }
    }
  }
  if (best === null) {
    // "Gunmen killed 5 people said police.": an inverted speech clause run on without its
    // comma, a bare noun phrase to the sentence's end past a time ("said police on Tuesday")
    const found = runOnInversion(c, a, last, s)
    if (found !== null) best = { ...found, distance: 0 }
  }
  if (best === null) {
    // "Our own losses, he said, amounted to two tanks": a speech clause between commas before the figure
    for (let k = a - 1; k > s.tokenStart && k >= a - REACH && best === null; k--) {
      if (tokenText(c, k) !== ',') continue
      let open = k - 1
      while (open > s.tokenStart && k - open < 10 && tokenText(c, open) !== ',') open--
      if (open <= s.tokenStart || tokenText(c, open) !== ',') continue
      // "..., the agency said, while 60 others remain trapped": a new clause after it is the writer's
      if (pos[k + 1] === SCONJ || pos[k + 1] === CCONJ || CLAUSE_OPENERS.has(lemma[k + 1])) break
      const found = speechSegment(c, open + 1, k)
      if (found !== null) best = { ...found, distance: 0 }
    }
  }
  if (best === null) {
    // "Officials said (that) ..." at the start of the sentence
    // (wink tags a speech verb after a plural subject as a noun at times: "Officials estimate")
    // ("The report found ...": a noun after a bare determiner is the subject, not its verb)
    // ("The ministry in 2024 said": a speech verb after a time phrase, read as a noun)
    // "Oct 24 (CW) - The United States said": a dateline before a dash is not the source
    const dateline = datelineDash(c.text, c.tokens, s.tokenStart, a)
    let opening = dateline >= 0 ? dateline + 1 : s.tokenStart
    // "07:15 GMT - Local television reports ...": nor the timestamp of a live blog's entry
    const stamp = dateline < 0 ? TIMESTAMP.exec(c.text.slice(s.start, Math.min(s.end, s.start + 24))) : null
    if (stamp !== null) while (opening < a && c.tokens.start[opening] < s.start + stamp[0].length) opening++
    // "Also ministry informed", "But officials said": a leading adverb or conjunction
    while (opening < a && (pos[opening] === ADV || pos[opening] === CCONJ)) opening++
    let verb = opening
    // up to two inner "of"/"for" between nouns stay in the phrase ("Chairman of the junta
    // told", "Ministry of Defense of Russia informed")
    let inner = 0
    // ("Economists at Goldman Sachs estimate", "Officials in Kyiv say")
    // (a time phrase after the subject is none of it: "The ministry in 2024 said", "Officials last week said")
    while (verb < a && (NP_POS.has(pos[verb]) || isHyphenJoin(c, verb) || (verb > opening && isHyphenJoin(c, verb - 1)) || isInnerOf(c, inner, opening, a, verb)) &&
      !(verb > opening && (isSubjectCue(c, s, a, verb) || overlapsTime(c, verb)))) {
      if (pos[verb] === ADP) inner++
      verb++
    }
    let npEnd = verb
    if (verb > opening) verb = pastTime(c, s, verb)
    // "Officials, speaking on condition of anonymity, said ...": past a participle's phrase
    // between commas with no other verb (as `recordingSource` passes it)
    if (verb > opening && verb + 2 < a && tokenText(c, verb) === ',' && pos[verb + 1] === VERB && /ing$/i.test(tokenText(c, verb + 1))) {
      let k = verb + 2
      while (k < a && k < verb + 10 && tokenText(c, k) !== ',' && pos[k] !== VERB && pos[k] !== AUX) k++
      if (k < a && tokenText(c, k) === ',') verb = k + 1
    }
    let isPassive = false
    while (verb < a && pos[verb] === AUX) { if (lemma[verb] === 'be') isPassive = true; verb++ }
    // ("The October report exceeded": a determiner before a time names no one)
    if (verb > opening && verb < a && isSubjectCue(c, s, a, verb) && namesSomeone(c, opening, npEnd) && !isDashAside(c, s, verb, a)) {
      // "But a Homeland Security Department official said": the conjunction is not the source
      let first = opening
      while (first < npEnd && (pos[first] === CCONJ || pos[first] === ADV || PUNCT_ONLY.test(tokenText(c, first)))) first++
      // "The minister was told by aides that ...": the agent of a passive speaks, not its
      // subject, who was spoken to. (Without an agent the subject stays: in translated state
      // media "The Ukraine side is told that ..." is what the Ukraine side says.)
      const agentEnd = isPassive && verb + 2 < a && lemma[verb + 1] === 'by' ? nounPhraseEnd(c, verb + 2, a) : -1
      if (agentEnd > verb + 2 && namesSomeone(c, verb + 2, agentEnd)) { first = verb + 2; npEnd = agentEnd }
      // "The fire service's confirmed toll is 9": a cue that is a participle before the noun the
      // subject owns ("'s" before it) makes the owner the source, without its "'s"
      else if (npEnd - 1 > first && /^['’]s?$/.test(tokenText(c, npEnd - 1)) && verb + 1 < a && pos[verb + 1] === NOUN) npEnd--
      const source = spanOf(c, first, npEnd)
      if (source !== null && HAS_LETTER.test(c.text.slice(source.start, source.end))) {
        best = { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] }, distance: 0 }
      }
    }
  }
  best ??= headlineTag(c, s, a) ?? recordingSource(c, s, a)
  if (best === null || isRespondents(c, best.source) || isFigureOfThings(c, best.source, best.cue)) return null
  // "..., the group said, compared with $2,700 ...": a speech clause the attribution stage
  // read too names whom "the group" stands for
  const cue = best.cue
  const same = c.attributions.findIndex((x) => x.cue.some((f) => f.start === cue.start && f.end === cue.end))
  const sourceEntity = same >= 0 ? resolvedName(c, c.attributions[same], best.source) : sourceEntityOf(c, best.source) ?? bodyBefore(c, best.source)
  return { attribution: null, source: best.source, cue: best.cue, sourceEntity }
}

/**
 * "The attack left 5 people dead said police on Tuesday": a "said" after the figure, with no
 * comma before it, followed by a noun phrase that reaches the end of the sentence (`last`, a
 * time there left out) is an inverted speech clause that lost its comma. Returns its source
 * and cue. "5 people said police had beaten them" is no such clause: the phrase after "said"
 * goes on with a verb.
 */
const SAID = /^(?:said|says|say)$/i
// Words after "said" that say what, not who: "said the same of Mr. Trump", "said so"
const NO_SPEAKER_WORDS = new Set(['same', 'so', 'nothing', 'something', 'anything', 'otherwise', 'much', 'little'])

function runOnInversion(c: Context, a: number, last: number, s: Sentence): { source: CharSpan; cue: CharSpan } | null {
  const { pos } = c.tokens
  let end = last
  if (end < s.tokenEnd) return null
  while (end > a && PUNCT_ONLY.test(tokenText(c, end - 1))) end--
  while (end > a + 1 && (overlapsTime(c, end - 1) || (pos[end - 1] === ADP && overlapsTime(c, end)))) end--
  for (let k = a + 1; k < end; k++) {
    if (CLAUSE_BREAKS.has(tokenText(c, k))) return null
    // (wink may tag "said" after a participle as an adjective: "12 people wounded said police")
    if (!SAID.test(tokenText(c, k))) continue
    // ("64 percent who say the same of Sanders": a subject of its own; "the same" names no one)
    if (PUNCT_ONLY.test(tokenText(c, k - 1)) || pos[k - 1] === PRON || RELATIVE_PRONOUNS.has(c.tokens.lemma[k - 1])) return null
    for (let t = k + 1; t < end; t++) if (NO_SPEAKER_WORDS.has(c.tokens.lemma[t])) return null
    const npEnd = nounPhraseEnd(c, k + 1, end)
    const source = npEnd === end && namesSomeone(c, k + 1, npEnd) ? spanOf(c, k + 1, npEnd) : null
    return source === null ? null : { source, cue: cueSpan(c, k) }
  }
  return null
}

/**
 * Whether `att` is such a run-on inversion read the other way round: its source the clause
 * before "said" (which holds a figure), its content the noun phrase after it ("The attack left
 * 5 people dead" -said-> "police"). Its source holds no source.
 */
function isRunOnMisread(c: Context, att: Attribution): boolean {
  const source = hull(att.source)
  const cue = hull(att.cue)
  const content = hull(att.content)
  if (source === null || cue === null || content === null || content.start < cue.end || source.end > cue.start) return false
  const v = firstToken(c, cue)
  if (v < 0 || lastToken(c, cue) !== v || !SAID.test(tokenText(c, v)) || c.text.slice(source.end, cue.start).trim() !== '') return false
  const s = c.sentences[sentenceIndex(c, cue.start)]
  let last = v + 1
  while (last < s.tokenEnd && c.tokens.start[last] < s.end) last++
  const found = runOnInversion(c, v - 1, last, s)
  return found !== null && found.source.start <= content.start && content.end <= found.source.end + 1
}

/** Whether token `t` is a dash between words, not a hyphen inside one (`isDashBetween` in marks.ts). */
const isDash = (c: Context, t: number) => isDashBetween(tokenText(c, t), c.tokens, t)

// The dashes of each document, found once: a long sentence (a text without full stops) made
// every figure's `isDashAside` walk all of it.
const DASH_TOKENS = new WeakMap<Context, Int32Array>()

/** The tokens of the document that are dashes between words (`isDash`), in order. */
function dashTokens(c: Context): Int32Array {
  let found = DASH_TOKENS.get(c)
  if (found === undefined) {
    const list: number[] = []
    // (every dash is one or two code units long: no text is sliced for longer tokens)
    for (let t = 0; t < c.tokens.count; t++) if (c.tokens.end[t] - c.tokens.start[t] <= 2 && isDash(c, t)) list.push(t)
    found = Int32Array.from(list)
    DASH_TOKENS.set(c, found)
  }
  return found
}

/** The index of the first entry of ascending `sorted` that is at least `t` (its length when none is). */
function firstAtOrAfter(sorted: Int32Array, t: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Whether the figure at token `a` stands in an aside of the writer's set off by dashes after
 * the speech verb at `verb`, a clause with a verb of its own: "Mr. Furman acknowledged that
 * overhauling business taxes - the United States' corporate tax rate of 35 percent is the
 * highest of any advanced economy - carried ..." (PolNeAR train gold leaves the aside out of
 * Furman's content). An apposition between dashes, with no verb, is still what is said:
 * "The Tax Policy Center estimates that the top 1 percent of taxpayers -- those with adjusted
 * gross incomes of more than $750,000 -- would face ...".
 */
function isDashAside(c: Context, s: Sentence, verb: number, a: number): boolean {
  // (dashes pair up from the verb on: the figure is inside an aside after an odd number of them)
  const dashes = dashTokens(c)
  const first = firstAtOrAfter(dashes, verb + 1)
  const after = firstAtOrAfter(dashes, a)
  const before = after - first
  const open = before > 0 ? dashes[after - 1] : -1
  const next = firstAtOrAfter(dashes, a + 1)
  const close = next < dashes.length ? Math.min(dashes[next], s.tokenEnd) : s.tokenEnd
  if (before % 2 === 0 || close >= s.tokenEnd) return false
  // a finite verb: an auxiliary, or a verb that does not modify a noun after it ("adjusted gross incomes")
  for (let t = open + 1; t < close; t++) {
    const pos = c.tokens.pos[t]
    if (pos === AUX || (pos === VERB && c.tokens.pos[t + 1] !== NOUN && c.tokens.pos[t + 1] !== ADJ)) return true
  }
  return false
}

// Words of the label a news site puts after a headline's dash: "Live Updates", "As It Happened".
const PAGE_LABEL_WORDS = new Set(['live', 'latest', 'update', 'updates', 'blog', 'as', 'it', 'happened', 'news'])

/**
 * "Floods kill 40 in Kenya - Red Cross", "Russia lost 1,200 troops in a day - Ukrainian
 * military": a headline that ends in a dash and a short name is that name's, for the
 * figures before the dash (the dash is the cue). The name holds a proper noun or a
 * demonym, with no verb; null for anything else.
 */
function headlineTag(c: Context, s: Sentence, a: number): { source: CharSpan; cue: CharSpan; distance: number } | null {
  const headline = headlineEnd(c.text)
  if (c.tokens.start[a] >= headline) return null
  let end = s.tokenEnd
  while (end > a && c.tokens.start[end - 1] >= headline) end--
  let dash = end - 1
  while (dash > a && end - dash <= 6 && !isDash(c, dash)) dash--
  if (dash <= a || end - dash > 6 || dash + 1 >= end) return null
  let named = false
  for (let t = dash + 1; t < end; t++) {
    // (a capitalised word goes in whatever its tag: "Red Cross", where "Cross" is read as a verb)
    const isCapital = CAPITALISED.test(tokenText(c, t))
    if (!NP_POS.has(c.tokens.pos[t]) && !isCapital) return null
    if (c.tokens.pos[t] === PROPN || isCapital) named = true
  }
  // "- Live Updates", "- As It Happened", "- Latest": a news site's label for a live page, no one
  let isLabel = true
  for (let t = dash + 1; t < end && isLabel; t++) isLabel = PAGE_LABEL_WORDS.has(tokenText(c, t).toLowerCase())
  if (isLabel) return null
  const source = spanOf(c, dash + 1, end)
  if (source === null) return null
  named ||= entitiesIn(c, source).length > 0
  return named ? { source, cue: { start: c.tokens.start[dash], end: c.tokens.end[dash] }, distance: 0 } : null
}

// Verbs by which a body keeps a count of its own: "The IOM recorded 2,300 deaths".
const RECORD_VERBS = new Set(['record', 'register', 'count', 'document', 'tally', 'log', 'verify', 'list'])
// Verbs by which a count, survey or report states a figure: "A Reuters tally shows ...".
const FINDING_VERBS = new Set(['show', 'find', 'indicate', 'reveal', 'put', 'suggest'])
// Heads of a subject that is itself a count: "a tally", "figures", "a survey".
const DATA_NOUNS = new Set([
  'tally', 'count', 'data', 'figure', 'statistic', 'survey', 'study', 'report', 'census', 'estimate',
  'analysis', 'record', 'poll', 'assessment', 'toll', 'number',
  // (wink's lemma of "data")
  'datum',
])
// Nouns after "give" that make it a statement of a figure: "has given a figure of 45".
const FIGURE_NOUNS = new Set(['figure', 'toll', 'number', 'estimate', 'count', 'tally'])
// Verbs by which a body revises a count or forecast of its own: "raised the death toll to 31".
const REVISING_VERBS = new Set(['raise', 'lift', 'cut', 'lower', 'revise', 'reduce', 'increase', 'upgrade', 'downgrade', 'trim'])
// What a body revises: its toll, count, estimate or forecast.
const REVISED_NOUNS = new Set(['toll', 'count', 'tally', 'estimate', 'forecast', 'projection', 'outlook', 'figure'])
// Participles that attach who made a count to it: "figures released by the ministry".
const MADE_BY = new Set(['release', 'publish', 'compile', 'collect', 'issue', 'gather'])

// Whether the noun phrase [from, to) is a count ("Figures", "a tally"), by its last noun.
function isDataPhrase(c: Context, from: number, to: number): boolean {
  const { pos, lemma } = c.tokens
  // a sentence-initial plural is read as a proper noun and keeps its "s" ("Figures")
  for (let t = to - 1; t >= from; t--) if (pos[t] === NOUN || pos[t] === PROPN) return DATA_NOUNS.has(lemma[t]) || DATA_NOUNS.has(lemma[t].replace(/s$/, ''))
  return false
}

// "... the health ministry show 1,200 cases": a verb of the list read as a noun ends the subject
function isVerbReadAsNoun(c: Context, first: number, t: number): boolean {
  const { pos, lemma } = c.tokens
  return t > first && pos[t] === NOUN && (RECORD_VERBS.has(lemma[t]) || FINDING_VERBS.has(lemma[t])) &&
    t + 1 < c.tokens.count && (pos[t + 1] === NUM || pos[t + 1] === DET || pos[t + 1] === ADJ)
}

/**
 * "The IOM recorded 2,300 deaths", "A Reuters tally shows at least 340 killed", "Figures
 * released by the health ministry show ...", "The Red Crescent has given a figure of 45",
 * "The ministry put the death toll at 87": the subject of a verb of counting, or a count
 * that shows a figure, states the figure after the verb. The subject must name a body (a
 * proper noun, or the head of an agent: "the ministry", "police"); a count as subject
 * names it by who made it ("by X", "from X", "released by X", "A Reuters tally"). A
 * leading adverbial ("In March,") is skipped. "Figures show", "The report found", "counted
 * on", "recorded a song" by a band and "Rescuers found 12 bodies" state no one's figure.
 */
function recordingSource(c: Context, s: Sentence, a: number): { source: CharSpan; cue: CharSpan; distance: number } | null {
  const { pos, lemma } = c.tokens
  // ("MANILA, Feb 10 (Reuters) - The coast guard raised ...": after the dateline)
  const dateline = datelineDash(c.text, c.tokens, s.tokenStart, a)
  let first = dateline >= 0 ? dateline + 1 : s.tokenStart
  // "In March, ...", "Last year, ...": an opening adverbial with no verb, up to its comma
  if (pos[first] === ADP || pos[first] === ADV) {
    let k = first
    while (k < a && k < first + 8 && tokenText(c, k) !== ',' && pos[k] !== VERB && pos[k] !== AUX) k++
    if (k < a && tokenText(c, k) === ',') first = k + 1
  }
  while (first < a && (pos[first] === CCONJ || PUNCT_ONLY.test(tokenText(c, first)))) first++
  let npEnd = nounPhraseEnd(c, first, a)
  // A name the tagger cut ("Human Rights Watch", "Watch" read as a verb) runs to its end.
  // Entities are sorted and do not overlap, so only those from the first that ends after the
  // phrase's start can reach past its end; a scan of all of them for every figure made a
  // long text quadratic.
  for (let i = firstEndingAfter(c.entities, c.tokens.start[first]); i < c.entities.length; i++) {
    const e = c.entities[i]
    if (e.start >= c.tokens.end[Math.max(first, npEnd - 1)]) break
    if (e.end > c.tokens.start[npEnd]) {
      while (npEnd < a && c.tokens.start[npEnd] < e.end) npEnd++
    }
  }
  if (npEnd === first || !namesSomeone(c, first, npEnd)) return null
  const subjectIsData = isDataPhrase(c, first, npEnd)
  // "figures released by the ministry", "a survey by the World Food Programme"
  if (subjectIsData) {
    let k = npEnd
    if (k < a && MADE_BY.has(lemma[k])) k++
    if (k + 1 < a && (lemma[k] === 'by' || lemma[k] === 'from')) {
      const byEnd = nounPhraseEnd(c, k + 1, a)
      if (byEnd > k + 1) npEnd = byEnd
    }
  }
  for (let t = first + 1; t < npEnd; t++) if (isVerbReadAsNoun(c, first, t)) { npEnd = t; break }
  // "Officials in Kherson put ...": where the body sits is part of it
  // ("Economists at the Kiel institute put ...": a name after "the" too)
  if (npEnd + 1 < a && (lemma[npEnd] === 'in' || lemma[npEnd] === 'at') &&
    (pos[npEnd + 1] === PROPN || (npEnd + 2 < a && pos[npEnd + 1] === DET && pos[npEnd + 2] === PROPN))) {
    npEnd = nounPhraseEnd(c, npEnd + 1, a)
  }
  let verb = npEnd
  let apposedName = false
  // "The Armed Conflict Location and Event Data Project (ACLED) has recorded": an acronym in brackets is passed over
  if (verb + 2 < a && tokenText(c, verb) === '(') {
    let close = verb + 1
    while (close < a && close < verb + 5 && tokenText(c, close) !== ')') close++
    if (close < a && tokenText(c, close) === ')') verb = close + 1
  }
  // "The army's casualty figures, which have not been independently verified, put ...":
  // a relative clause between commas is passed over, not taken into the source
  // (", whose figures the government disputes,": on "whose" too)
  if (verb + 1 < a && tokenText(c, verb) === ',' && (lemma[verb + 1] === 'which' || lemma[verb + 1] === 'who' || lemma[verb + 1] === 'whose')) {
    let k = verb + 2
    while (k < a && tokenText(c, k) !== ',') k++
    if (k < a) verb = k + 1
  } else if (verb + 2 < a && tokenText(c, verb) === ',' && (pos[verb + 1] === PROPN || (pos[verb + 1] === DET && pos[verb + 2] === PROPN))) {
    // "Chad's refugee commission, CNARR, put ...", "The rebels, the Popular Front, gave ...":
    // a name between commas is the body's own ("Frontex, the EU border agency, counted":
    // with the common nouns after a name that opens it too)
    let k = verb + 1
    const isDescribed = pos[k] === DET
    if (isDescribed) k++
    while (k < a && k < verb + 8 && (pos[k] === PROPN || (lemma[k] === 'of' && pos[k + 1] === PROPN) ||
      (isDescribed && k > verb + 2 && (pos[k] === NOUN || pos[k] === ADJ)))) k++
    if (k < a && tokenText(c, k) === ',') { verb = k + 1; apposedName = true }
  } else if (verb + 1 < a && tokenText(c, verb) === ',' && pos[verb + 1] === ADP) {
    // "The Ukrainian Navy, in a separate list, counts ...": a short phrase with no verb, too
    let k = verb + 1
    while (k < a && k < verb + 8 && tokenText(c, k) !== ',' && pos[k] !== VERB && pos[k] !== AUX) k++
    if (k < a && tokenText(c, k) === ',') verb = k + 1
  } else if (verb + 2 < a && tokenText(c, verb) === ',' && pos[verb + 1] === VERB && /ing$/i.test(tokenText(c, verb + 1))) {
    // "Local officials, speaking on condition of anonymity, put ...", "The army, citing
    // hospital records, put ...": a participle's phrase between commas, with no other verb
    let k = verb + 2
    while (k < a && k < verb + 9 && tokenText(c, k) !== ',' && pos[k] !== VERB && pos[k] !== AUX) k++
    if (k < a && tokenText(c, k) === ',') verb = k + 1
  }
  // "The agency in 2023 recorded 2,300 deaths": a time phrase after the subject
  verb = pastTime(c, s, verb)
  while (verb < a && (pos[verb] === AUX || pos[verb] === ADV)) verb++
  if (verb >= a || a - verb > 12) return null
  // "The IOM recorded the deaths at sea, and 300 more went missing": a figure past a clause
  // break is in another clause, not what the verb counted.
  // ("put the number higher, at 57,500": a comma before "at" breaks no clause)
  const atComma = a - 2 > verb && lemma[a - 1] === 'at' && tokenText(c, a - 2) === ',' ? a - 2 : -1
  for (let t = verb + 1; t < a; t++) if (CLAUSE_BREAKS.has(tokenText(c, t)) && t !== atComma) return null
  let named = apposedName
  for (let t = first; t < npEnd; t++) if (pos[t] === PROPN || AGENT_NOUNS.has(lemma[t]) || AUTHORITY_NOUNS.has(lemma[t])) named = true
  // (a verb after a time phrase that wink read as a noun is taken by its base: "in 2024 found")
  const v = pos[verb] === NOUN ? verbLemmas(c, verb, s).find((l) => RECORD_VERBS.has(l) || FINDING_VERBS.has(l) || l === 'give') ?? lemma[verb] : lemma[verb]
  const next = verb + 1 < a ? lemma[verb + 1] : ''
  let ok = false
  if (RECORD_VERBS.has(v)) ok = named && next !== 'on' && next !== 'down'
  else if (FINDING_VERBS.has(v)) {
    // a count states a figure for whoever made it: "Figures show ..." alone names no one
    ok = named && (subjectIsData || v === 'put')
    // "put the death toll at 87": only with the figure after "at"
    // ("put its losses at 14 soldiers killed and 31 wounded": a figure coordinated with it too)
    if (v === 'put') ok &&= a > 0 && (lemma[a - 1] === 'at' || (lemma[a - 1] === 'and' && hasLemmaIn(c, 'at', verb + 1, a - 1)))
  } else if (v === 'give') {
    let k = verb + 1
    if (k < a && pos[k] === DET) k++
    // ("gave an earlier toll of 296": wink reads "earlier" there as an adverb)
    while (k < a && (pos[k] === ADJ || lemma[k] === 'earlier')) k++
    ok = named && k < a && FIGURE_NOUNS.has(lemma[k])
  } else if (REVISING_VERBS.has(v) && lemma[a - 1] === 'to') {
    // "The governor raised the death toll to 31", "The bank cut its growth forecast to 0.9
    // percent": who revises a count or a forecast of their own states it
    let k = verb + 1
    // ("its 2027 inflation forecast": a year before the noun is part of the phrase)
    while (k < a - 1 && (pos[k] === DET || pos[k] === PRON || pos[k] === ADJ || (pos[k] === NOUN && !REVISED_NOUNS.has(lemma[k])) ||
      (pos[k] === NUM && overlapsTime(c, k)))) k++
    ok = named && k < a - 1 && REVISED_NOUNS.has(lemma[k]) && pos[k] === NOUN
    // "Officials revised the number of dead to 19": "revise" is said of figures alone, so
    // the number of anything it revises is a count of theirs
    if (!ok && v === 'revise' && k < a - 1 && k > verb + 1 && lemma[k - 1] === 'number' && lemma[k] === 'of') ok = named
  }
  if (!ok) return null
  const source = spanOf(c, first, npEnd)
  return source === null ? null : { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] }, distance: 0 }
}

/**
 * "The party said its own monitors had recorded turnout of no more than 58 percent": a content
 * that opens (past "that") with a body that counts, records or puts a figure (the shapes of
 * {@link recordingSource}) has that body as the figure's source, inside what the outer
 * speaker says. A pronoun ("it recorded") stands for the outer speaker and is left to it.
 */
function innerRecorder(c: Context, att: Attribution, s: Sentence, a: number): { source: CharSpan; cue: CharSpan } | null {
  const content = hull(att.content)
  if (content === null) return null
  let k = firstToken(c, content)
  if (k >= 0 && c.tokens.lemma[k] === 'that') k++
  if (k <= s.tokenStart || k >= a || c.tokens.start[k] < s.start) return null
  if (c.tokens.pos[k] === PRON && (c.tokens.pos[k + 1] === AUX || c.tokens.pos[k + 1] === VERB)) return null
  // (only a content after the cue: in "Malawi has recorded 9,214 cases, WHO said" the speaker
  // after the figure gives it)
  const cue = hull(att.cue)
  if (cue === null || cue.end > content.start) return null
  const found = recordingSource(c, { ...s, start: c.tokens.start[k], tokenStart: k }, a)
  if (found === null || firstToken(c, found.source) !== k) return null
  // A body or a person ("its own monitors", "the election commission", "the UN"): a place that
  // records ("said the Americas had recorded 1.2 million cases") is where the figure was
  // counted, not who counted it
  const { pos, lemma } = c.tokens
  const head = lastToken(c, found.source)
  const isBody = (pos[head] === NOUN && (AGENT_NOUNS.has(lemma[head]) || AUTHORITY_NOUNS.has(lemma[head]))) ||
    entitiesIn(c, found.source).some((e) => e.type === 'ORG' || e.type === 'PERSON' || e.type === 'MEDIA')
  if (!isBody) return null
  // the figure in the verb's own object: no other verb or clause between ("had counted 38
  // percent ... and alleged that some 12,000 ballots had been cast")
  for (let t = lastToken(c, found.cue) + 1; t < a; t++) {
    if (pos[t] === VERB || pos[t] === AUX || pos[t] === SCONJ || lemma[t] === 'that') return null
  }
  return found
}

/**
 * "a strike that the labour ministry counted at 212,000", "the crowd, which police estimated
 * at 30,000": the subject of a relative clause whose verb sizes its antecedent at the figure
 * (at token `a`), when the subject names a body or person.
 */
function relativeCounter(c: Context, s: Sentence, a: number): { source: CharSpan; cue: CharSpan } | null {
  const { pos, lemma } = c.tokens
  if (a - 4 < s.tokenStart || lemma[a - 1] !== 'at') return null
  let verb = a - 2
  while (verb > s.tokenStart && pos[verb] === ADV) verb--
  if (pos[verb] !== VERB || !SIZING_VERBS.has(lemma[verb])) return null
  let k = verb - 1
  while (k > s.tokenStart && (pos[k] === AUX || pos[k] === ADV)) k--
  const end = k + 1
  while (k > s.tokenStart && end - k < 6 && (pos[k] === DET || pos[k] === ADJ || pos[k] === NOUN || pos[k] === PROPN)) k--
  if (lemma[k] !== 'that' && lemma[k] !== 'which') return null
  const start = k + 1
  if (start >= end || !namesSomeone(c, start, end)) return null
  let named = false
  for (let t = start; t < end; t++) if (pos[t] === PROPN || AGENT_NOUNS.has(lemma[t]) || AUTHORITY_NOUNS.has(lemma[t]) || PERSON_TITLES.has(lemma[t])) named = true
  const source = named ? spanOf(c, start, end) : null
  return source === null ? null : { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] } }
}

/**
 * "was estimated by the International Organization for Migration at more than 36,000", "was
 * put at 20,000 by the agency": the agent of a passive verb of sizing ("be" and a verb of
 * `SIZING_VERBS`) whose "at" holds the figure at token `a`, when the agent names someone.
 */
function passiveSizer(c: Context, s: Sentence, a: number, q: Quantity): { source: CharSpan; cue: CharSpan } | null {
  const { pos, lemma } = c.tokens
  if (a - 3 < s.tokenStart || lemma[a - 1] !== 'at') return null
  const isSized = (v: number) => v > s.tokenStart && pos[v] === VERB && SIZING_VERBS.has(lemma[v]) && lemma[v - 1] === 'be'
  let from = -1
  let to = -1
  let verb = -1
  if (isSized(a - 2)) {
    // the agent after the figure: "at 20,000 by the agency"
    const b = tokenEndingAfter(c, q.end)
    if (b + 1 < s.tokenEnd && lemma[b] === 'by') { verb = a - 2; from = b + 1; to = nounPhraseEnd(c, b + 1, s.tokenEnd) }
  } else {
    verb = passiveSizingVerb(c, s, a - 2)
    from = verb + 2
    to = verb < 0 ? -1 : nounPhraseEnd(c, from, a - 1)
    // the agent runs up to "at"
    if (to !== a - 1) return null
  }
  if (verb < 0 || to <= from || !namesSomeone(c, from, to)) return null
  const source = spanOf(c, from, to)
  return source === null ? null : { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] } }
}

/**
 * "a senior NATO official said last week that ..., and put Ukraine's daily losses at roughly
 * 300": a verb of sizing with no subject of its own, coordinated after a speech clause of its
 * sentence, has that speaker. Returns the attribution's index, or -1.
 */
function coordinatedSizing(c: Context, s: Sentence, a: number): number {
  const { pos, lemma } = c.tokens
  if (a - 3 < s.tokenStart || lemma[a - 1] !== 'at') return -1
  let verb = -1
  for (let t = a - 2; t > s.tokenStart + 1 && t >= a - 10; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) return -1
    if (pos[t] === VERB && SIZING_VERBS.has(lemma[t])) { verb = t; break }
  }
  if (verb < 0 || lemma[verb - 1] !== 'and' || tokenText(c, verb - 2) !== ',') return -1
  const before = c.tokens.start[verb - 2]
  let found = -1
  c.attributions.forEach((att, i) => {
    const cue = hull(att.cue)
    if (cue === null || att.source.length === 0 || cue.start < s.start || cue.end > before) return
    if (found < 0 || cue.start > hull(c.attributions[found].cue)!.start) found = i
  })
  return found
}

/**
 * "..., while the company's economists put the figure at no more than 600 million euros": the
 * subject of an active verb of sizing ("put", "estimate", "count" ... "at" the figure) in the
 * figure's clause states it, when no attribution holds the figure. The subject is the noun
 * phrase right before the verb (with an owner's "'s"), a name or a common noun.
 */
function sizingSubject(c: Context, s: Sentence, a: number): { source: CharSpan; cue: CharSpan } | null {
  const { pos, lemma } = c.tokens
  if (a - 3 < s.tokenStart || lemma[a - 1] !== 'at') return null
  let verb = -1
  for (let t = a - 2; t > s.tokenStart && t >= a - 10; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) return null
    if (pos[t] === VERB && SIZING_VERBS.has(lemma[t])) { verb = t; break }
  }
  if (verb < 0) return null
  // past the auxiliaries of an active verb ("had put"); a passive one ("was put") names no subject
  // (and past adverbs among them: "had earlier put")
  let end = verb
  while (end - 1 > s.tokenStart && (pos[end - 1] === AUX || pos[end - 1] === ADV)) {
    if (lemma[end - 1] === 'be') return null
    end--
  }
  let start = end
  while (start - 1 >= s.tokenStart && end - start < 6 && (NP_POS.has(pos[start - 1]) || /^['’]s$/.test(tokenText(c, start - 1)))) start--
  if (start === end || (pos[end - 1] !== NOUN && pos[end - 1] !== PROPN)) return null
  // ("An assessment seen by Reuters puts ... at": a noun phrase after a preposition is no subject)
  if (start - 1 >= s.tokenStart && pos[start - 1] === ADP) return null
  const source = spanOf(c, start, end)
  return source === null ? null : { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] } }
}

// How far after "proposed" its object may hold the figure.
const PROPOSAL_REACH = 10

/**
 * "The minister also proposed raising the levy to 12 percent": the subject of an active
 * "proposed" states a figure in its object (within `PROPOSAL_REACH` tokens, no clause break
 * between), when no attribution holds it: a proposal is its maker's. The subject is a personal
 * pronoun or the noun phrase right before the verb (past adverbs: "also"), not one after a
 * preposition; a passive ("was proposed") names none.
 */
function proposalSubject(c: Context, s: Sentence, a: number): { source: CharSpan; cue: CharSpan } | null {
  const { pos, lemma } = c.tokens
  let verb = -1
  for (let t = a - 1; t > s.tokenStart && t >= a - PROPOSAL_REACH; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) return null
    if (pos[t] === VERB && lemma[t] === 'propose' && /ed$/i.test(tokenText(c, t))) { verb = t; break }
  }
  if (verb < 0 || (verb + 1 < s.tokenEnd && lemma[verb + 1] === 'by')) return null
  // ("A plan proposed last year would cut 5,000 jobs": a verb of its own between is another
  // clause's; a gerund or an infinitive is the proposal: "proposed raising", "proposed to cut")
  for (let t = verb + 1; t < a; t++) {
    // (not a participle glued by a hyphen: "value-added tax")
    if (pos[t] === AUX || (pos[t] === VERB && !/ing$/i.test(tokenText(c, t)) && lemma[t - 1] !== 'to' && !/-$/.test(tokenText(c, t - 1)))) return null
  }
  let end = verb
  while (end - 1 > s.tokenStart && (pos[end - 1] === AUX || pos[end - 1] === ADV)) {
    if (lemma[end - 1] === 'be') return null
    end--
  }
  if (end - 1 < s.tokenStart) return null
  let start = end
  // a personal pronoun may be the proposer: "He also proposed raising the tax to 16 percent"
  if (pos[end - 1] === PRON && SUBJECT_PRONOUNS.has(tokenText(c, end - 1).toLowerCase())) {
    start = end - 1
  } else {
    while (start - 1 >= s.tokenStart && end - start < 6 && (NP_POS.has(pos[start - 1]) || /^['’]s$/.test(tokenText(c, start - 1)))) start--
    if (start === end || (pos[end - 1] !== NOUN && pos[end - 1] !== PROPN)) return null
    if (start - 1 >= s.tokenStart && pos[start - 1] === ADP) return null
  }
  const source = spanOf(c, start, end)
  return source === null ? null : { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] } }
}

// Nouns of a reckoning that an owner makes: "the Commission's own estimate was 3.4 billion euros".
const ESTIMATE_NOUNS = new Set(['estimate', 'calculation', 'projection', 'forecast', 'reckoning', 'tally', 'count'])

/**
 * "The agency's own estimate, published in May, was 1.2 million": a noun of estimating with an
 * owner ("'s" or a possessive) as the subject of "be" right before the figure at token `a` (past
 * adverbs) states the figure, when no attribution holds it; the source is the noun phrase. With
 * no owner ("The estimate was 1.2 million") the estimate is nobody's.
 */
function estimateSubject(c: Context, s: Sentence, a: number): { source: CharSpan; cue: CharSpan } | null {
  const { pos, lemma } = c.tokens
  let be = a - 1
  while (be > s.tokenStart && pos[be] === ADV) be--
  if (be - 2 < s.tokenStart || lemma[be] !== 'be') return null
  // past an aside between commas ("..., set out in its decision, was")
  let head = be - 1
  if (tokenText(c, head) === ',') {
    let t = head - 1
    while (t > s.tokenStart && t > head - 10 && tokenText(c, t) !== ',') t--
    if (tokenText(c, t) !== ',') return null
    head = t - 1
  }
  if (head < s.tokenStart || pos[head] !== NOUN || !ESTIMATE_NOUNS.has(lemma[head])) return null
  let start = head
  let isOwned = false
  while (start - 1 >= s.tokenStart && head - start < 6) {
    const text = tokenText(c, start - 1)
    if (/^['’]s?$/.test(text) || POSSESSIVES.has(text.toLowerCase())) isOwned = true
    else if (!NP_POS.has(pos[start - 1]) && lemma[start - 1] !== 'own') break
    start--
  }
  if (!isOwned) return null
  const source = spanOf(c, start, head + 1)
  return source === null ? null : { source, cue: { start: c.tokens.start[head], end: c.tokens.end[head] } }
}

/** The index of the first of `spans` (sorted, not overlapping) that ends after `offset`. */
function firstEndingAfter(spans: readonly CharSpan[], offset: number): number {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid].end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

// Common names of bodies that keep counts, besides AGENT_NOUNS (which has "agency", "authority").
const AUTHORITY_NOUNS = new Set(['police', 'authorities', 'monitor', 'observer', 'observatory', 'watchdog', 'coalition', 'mission', 'hospital'])

/** The source of a figure: the innermost attribution whose content holds it, else the fallback. */
export function findSource(c: Context, q: Quantity, s: Sentence, a: number): Source {
  return tableRowSource(c, q) ?? gappedSpeaker(c, s, a) ?? withGappedName(c, s, a, withFullerName(c, sourceOf(c, q, s, a)))
}

// Verbs by which a body gives a count it made: "police count 380,000".
const COUNTING_VERBS = new Set(['count', 'estimate', 'tally', 'record'])

/**
 * "police say 24,000, organisers 110,000": a gapped conjunct after a figure that a speech or
 * counting verb right before it gives (the verb left out the second time) has its own speaker,
 * the one to three nouns between the comma (or "and") and the figure.
 */
function gappedSpeaker(c: Context, s: Sentence, a: number): Source | null {
  const { pos, lemma } = c.tokens
  let k = a - 1
  while (k > s.tokenStart && k >= a - 3 && (pos[k] === NOUN || pos[k] === PROPN || pos[k] === ADJ || pos[k] === DET)) k--
  if (k === a - 1 || k <= s.tokenStart || (tokenText(c, k) !== ',' && lemma[k] !== 'and') || pos[k + 1] === DET) return null
  let n = k - 1
  if (n > s.tokenStart && tokenText(c, n) === ',' && lemma[k] === 'and') n--
  if (pos[n] !== NUM) return null
  while (n > s.tokenStart && pos[n] === NUM) n--
  // (a speaker's verb: "Marchers numbered 9,000, onlookers 40,000" names no one)
  if (pos[n] !== VERB || !(SPEECH_VERBS.has(lemma[n]) || COUNTING_VERBS.has(lemma[n]))) return null
  const source = spanOf(c, k + 1, a)
  return source === null ? null : { attribution: null, source, cue: null, sourceEntity: sourceEntityOf(c, source) }
}

// A row of a table written out as lines: a short capitalised label, a colon, and a number first
// ("Kasai: 311 dead, 920 injured").
const TABLE_ROW = /^[ \t]*\p{Lu}[^\n:]{0,40}:[ \t]+\d[^\n]{0,80}$/u

/**
 * "Deaths by district, according to the health ministry:" and rows "Kasai: 311 dead, 920
 * injured" under it: every figure of a row is the speaker's of an attribution whose cue is on
 * the line the rows hang from (a line ending in a colon), not the row's label, which the
 * attribution stage may read as a speaker. Rows under a line with no such attribution are left
 * to the other rules (the text's own table, a transcript's turns), and so are rows of a label and
 * one number ("Tanks: 10,912"), which `listSource` reads.
 */
function tableRowSource(c: Context, q: Quantity): Source | null {
  const lineOf = (at: number) => {
    const start = c.text.lastIndexOf('\n', at - 1) + 1
    const nl = c.text.indexOf('\n', at)
    return { start, end: nl < 0 ? c.text.length : nl }
  }
  let line = lineOf(q.start)
  // (a row of a label and one number, "Tanks: 10,912", is `listSource`'s)
  const row = c.text.slice(line.start, line.end)
  if (!TABLE_ROW.test(row) || LIST_LINE.test(row)) return null
  for (let guard = 0; guard < 40 && line.start > 0; guard++) {
    line = lineOf(line.start - 1)
    const words = c.text.slice(line.start, line.end)
    if (TABLE_ROW.test(words)) continue
    if (!/:\s*$/.test(words)) return null
    const i = c.attributions.findIndex((x) => x.source.length > 0 && x.cue.length > 0 && x.cue[0].start >= line.start && x.cue[0].end <= line.end)
    return i >= 0 ? sourceFrom(c, i) : null
  }
  return null
}

/**
 * "Kassala has reported 2,960 cases and 81 deaths, Gedaref 1,745 cases and 52 deaths, and
 * Khartoum 1,120 cases": in a gapped list each conjunct's name stands where the first
 * conjunct's source stands, with the verb left out, so it is the source of its conjunct's
 * figures. A conjunct is what follows a comma (and perhaps "and"): a capitalised name, then a
 * number, with no verb up to the figure. Only when the attribution's own source is a name.
 */
function withGappedName(c: Context, s: Sentence, a: number, found: Source): Source {
  if (found.attribution === null || found.source === null) return found
  const { pos, lemma } = c.tokens
  const first = firstToken(c, found.source)
  if (first < 0 || pos[first] !== PROPN || !CAPITALISED.test(tokenText(c, first))) return found
  const content = hull(c.attributions[found.attribution].content)
  let t = a - 1
  while (t > s.tokenStart && t >= a - 12 && tokenText(c, t) !== ',' && tokenText(c, t) !== ';' && pos[t] !== VERB && pos[t] !== AUX) t--
  if (t <= s.tokenStart || (tokenText(c, t) !== ',' && tokenText(c, t) !== ';')) return found
  if (content === null || c.tokens.start[t] < content.start) return found
  let k = t + 1
  if (lemma[k] === 'and') k++
  const nameStart = k
  while (k < a && pos[k] === PROPN && CAPITALISED.test(tokenText(c, k)) && c.timeAt[k] === 0) k++
  if (k === nameStart || k - nameStart > 3 || pos[k] !== NUM) return found
  const span = { start: c.tokens.start[nameStart], end: c.tokens.end[k - 1] }
  if (span.start <= found.source.start) return found
  return { ...found, source: span, sourceEntity: sourceEntityOf(c, span) }
}

/**
 * "The General Staff said" after "Ukraine's General Staff said": a body's short name, a
 * run of two or more capitalised words the entities stage found with no country of its own,
 * is the canonical name of the nearest body before it in the article whose canonical name
 * begins or ends with those words ("Ukraine's General Staff": General Staff of the Armed
 * Forces of Ukraine; "the Tax Policy Center" after the Urban-Brookings Tax Policy Center). A
 * name inside the fuller one ("Armed Forces") is another body.
 */
function withFullerName(c: Context, found: Source): Source {
  const name = found.sourceEntity
  if (found.source === null || name === null || !name.includes(' ')) return found
  const own = entitiesIn(c, found.source).find((e) => e.canonical === name)
  if (own === undefined || own.type !== 'ORG' || own.country !== null) return found
  const short = name.toLowerCase()
  let fuller: string | null = null
  for (let i = 0; i < c.entities.length && c.entities[i].end <= found.source.start; i++) {
    const e = c.entities[i]
    if (e.type !== 'ORG' || e.canonical === null || e.canonical === name) continue
    // (by the canonical name, not the words written: "the U.N. Security Council" is the
    // United Nations to the gazetteer, which "the Security Council" is not)
    const canonical = e.canonical.toLowerCase()
    if (canonical.startsWith(`${short} `) || canonical.endsWith(` ${short}`)) fuller = e.canonical
  }
  return fuller === null ? found : { ...found, sourceEntity: fuller }
}

/**
 * "The United States made no pledge, but a State Department official said Washington would
 * give $200 million": whether another attribution that holds the figure has its source and cue
 * between the cue of `att` and the start of its content. The nearer speaker states the
 * figure; the content of `att` ran past them (an inner speaker inside the content is not
 * between: "X said Y told lawmakers ...").
 */
function isCueBetween(c: Context, att: Attribution, q: Quantity): boolean {
  const cue = hull(att.cue)
  const content = hull(att.content)
  if (cue === null || content === null || content.start < cue.end) return false
  return c.attributions.some((other) => {
    if (other === att || other.source.length === 0 || !other.content.some((f) => holdsFigure(f, q))) return false
    const span = hull([...other.source, ...other.cue])
    // (set off from the first cue by a comma or a conjunction: ", but a State Department official
    // said"; not the first cue's own object, "told The Huffington Post:")
    return span !== null && span.start >= cue.end && span.end <= content.start && /[,;]|\b(?:but|and|while)\b/.test(c.text.slice(cue.end, span.start))
  })
}

/**
 * "Rebel commanders, fearing reprisals, recorded 40 deaths": a participle that opens an aside
 * right after its subject's comma and says nothing (no speech verb: "Officials, saying ..." do) is no
 * cue; the verb after the aside ({@link recordingSource}) is.
 */
function isAsideParticipleCue(c: Context, att: Attribution): boolean {
  const cue = hull(att.cue)
  const source = hull(att.source)
  // (right after the source's comma: not "Judges convicted two men, finding that ...", nor
  // "Save the Children said, warning that ...")
  if (cue === null || source === null || !/^\s*,\s*$/.test(c.text.slice(source.end, cue.start))) return false
  const t = firstToken(c, cue)
  if (t < 1 || lastToken(c, cue) !== t || !/ing$/i.test(tokenText(c, t)) || tokenText(c, t - 1) !== ',') return false
  return !SPEECH_VERBS.has(c.tokens.lemma[t])
}

/**
 * "Yemen: cholera cases top 41,000", "Sudan: Flash Update No. 4": a place before a colon is
 * what a headline or a report is about, not who speaks (a person's label is: "Erdogan: quake
 * toll tops 8,500", "Sultan: We have 310 patients").
 */
function isPlaceLabel(c: Context, att: Attribution): boolean {
  const cue = hull(att.cue)
  const source = hull(att.source)
  if (cue === null || source === null || c.text.slice(cue.start, cue.end) !== ':') return false
  return entitiesIn(c, source).some((e) => e.start === source.start && e.end === source.end && e.type === 'GPE')
}

function sourceOf(c: Context, q: Quantity, s: Sentence, a: number): Source {
  // "she said 800,000 had joined a strike that the ministry counted at 212,000": the body that
  // counts in a relative clause states the figure it counts, inside what another says
  const counter = relativeCounter(c, s, a)
  if (counter !== null) return { attribution: null, source: counter.source, cue: counter.cue, sourceEntity: sourceEntityOf(c, counter.source) ?? bodyBefore(c, counter.source) }
  // "The number of people who fled was estimated by the IOM at more than 36,000": the agent
  // of a passive verb of sizing states the figure
  const sizer = passiveSizer(c, s, a, q)
  if (sizer !== null) return { attribution: null, source: sizer.source, cue: sizer.cue, sourceEntity: sourceEntityOf(c, sizer.source) ?? bodyBefore(c, sizer.source) }
  // The innermost attribution that names who speaks: a sourceless one inside another ("X is
  // expected to send 25,000 troops, Ukraine's military intelligence said"; "It is said,
  // ...") passes the figure to the one around it, or to the fallback.
  // A cue of intent or deed ("Russia and Ukraine agreed to exchange 1,000 prisoners",
  // "The appeal seeks $4.2 billion") names who acts, not who states the figure: a speaker
  // around it ("..., a Turkish official told reporters") is the source, and with none the
  // figure is the text's own unless the fallback finds one.
  // "..., according to the school's principal, though the police put the figure at 87": a
  // body that sizes the figure in a clause of contrast of its own states it
  const contrasting = contrastRecorder(c, s, a)
  if (contrasting !== null) return { attribution: null, source: contrasting.source, cue: contrasting.cue, sourceEntity: sourceEntityOf(c, contrasting.source) ?? bodyBefore(c, contrasting.source) }
  let best = -1
  let bestSize = Infinity
  let sourceless = -1
  let sourcelessSize = Infinity
  let isAfterQuote = false
  c.attributions.forEach((att, i) => {
    // (first the cheap test: a content that does not hold the figure is no quotation before it either)
    if (!att.content.some((f) => holdsFigure(f, q))) return
    if (isPastQuote(c, att, q)) { isAfterQuote = true; return }
    if (isModifierCue(c, att) || isWritersClauseAfter(c, hull([...att.source, ...att.cue]), a) || isPlaceLabel(c, att) || isAsideParticipleCue(c, att)) return
    if (isCueBetween(c, att, q)) return
    const size = att.content.reduce((n, f) => n + f.end - f.start, 0)
    if (att.source.length === 0 || isImpersonal(c, hull(att.source)) || (isDeedCue(c, att.cue) && !isPersonAsking(c, att)) || isBareFigure(c, hull(att.source)) || isFigureAfterCue(c, att) ||
      isRespondents(c, hull(att.source)) || isFigureOfThings(c, hull(att.source), hull(att.cue)) || isPassiveInstrument(c, att)) {
      if (size < sourcelessSize) { sourceless = i; sourcelessSize = size }
      return
    }
    if (size < bestSize) { best = i; bestSize = size }
  })
  if (best >= 0) {
    const inner = innerRecorder(c, c.attributions[best], s, a)
    if (inner !== null) return { attribution: null, source: inner.source, cue: inner.cue, sourceEntity: sourceEntityOf(c, inner.source) ?? bodyBefore(c, inner.source) }
    return sourceFrom(c, best)
  }
  // (the sentence whose subject holds the quotation is the writer's)
  if (isAfterQuote) return { attribution: null, source: null, cue: null, sourceEntity: null }
  const contrast = butContinued(c, s, a)
  if (contrast >= 0) return sourceFrom(c, contrast)
  const trailing = trailingWith(c, s, a)
  if (trailing >= 0) return sourceFrom(c, trailing)
  const coordinated = coordinatedSizing(c, s, a)
  if (coordinated >= 0) return sourceFrom(c, coordinated)
  const subject = sizingSubject(c, s, a)
  if (subject !== null) return { attribution: null, source: subject.source, cue: subject.cue, sourceEntity: sourceEntityOf(c, subject.source) ?? bodyBefore(c, subject.source) }
  const proposer = proposalSubject(c, s, a)
  if (proposer !== null) return { attribution: null, source: proposer.source, cue: proposer.cue, sourceEntity: sourceEntityOf(c, proposer.source) }
  const estimate = estimateSubject(c, s, a)
  if (estimate !== null) return { attribution: null, source: estimate.source, cue: estimate.cue, sourceEntity: sourceEntityOf(c, estimate.source) }
  return fallbackSource(c, s, a) ?? characterizedBy(c, s, a) ?? listSource(c, q, a) ?? turnSource(c, q) ?? forecastContinued(c, s) ??
    { attribution: sourceless >= 0 ? sourceless : null, source: null, cue: sourceless >= 0 ? hull(c.attributions[sourceless].cue) : null, sourceEntity: null }
}

/**
 * "North Korea has moved about 1,500 soldiers to Russia in what South Korea's spy agency
 * described as the first stage of a larger deployment": the "what" of "in what X described
 * (called, termed, said was) ..." is the event of the clause before it, so the one who
 * describes it is the one who tells of it, figures and all. The attribution of "X described"
 * holds only the description (as PolNeAR marks it: "what | a hate crime" for "in what
 * officials called a hate crime"), so the figure is bound here: the first "in what" after the
 * figure in its clause (no ";" and no conjunction after a comma between them, which open a
 * clause of their own), with an attribution whose source opens right after "what". Only when
 * the figure has no source otherwise.
 */
function characterizedBy(c: Context, s: Sentence, a: number): Source | null {
  const { lemma, pos } = c.tokens
  const last = Math.min(s.tokenEnd, a + REACH)
  for (let t = a + 1; t + 2 < last; t++) {
    if (tokenText(c, t) === ';' || (pos[t] === CCONJ && tokenText(c, t - 1) === ',')) return null
    if (lemma[t] !== 'in' || tokenText(c, t + 1).toLowerCase() !== 'what') continue
    const after = c.tokens.start[t + 2]
    const i = c.attributions.findIndex((att) => att.source.length > 0 && hull(att.source)!.start === after &&
      att.cue.some((f) => f.start >= after))
    return i >= 0 ? sourceFrom(c, i) : null
  }
  return null
}

// Modals of a forecast: "North Korea would triple ...", "prices will rise ...".
const FORECAST_MODALS = new Set(['will', 'would'])

/**
 * "Ukrainian authorities suggested that North Korea would triple the number of its troops.
 * This will send another 25,000-30,000 soldiers ...": a sentence that opens with "This",
 * "That" or "It" and a modal of the future ("will", "would") right after a sentence, in the
 * same paragraph, that ends in what a named speaker forecasts (a content with "will" or
 * "would" that runs to that sentence's end, past a speech clause after it) carries on the
 * forecast, so its figures are that speaker's. Only when the figure has no source of its own.
 */
function forecastContinued(c: Context, s: Sentence): Source | null {
  const { lemma, pos } = c.tokens
  const first = s.tokenStart
  if (first + 2 >= s.tokenEnd || !/^(?:This|That|It)$/.test(tokenText(c, first)) || pos[first] !== PRON) return null
  if (pos[first + 1] !== AUX || !FORECAST_MODALS.has(lemma[first + 1])) return null
  const si = sentenceIndex(c, c.tokens.start[first])
  if (si === 0 || c.sentences[si - 1].paragraph !== s.paragraph) return null
  const prev = c.sentences[si - 1]
  // (the last token of the sentence before its closing punctuation and quotation marks)
  let last = prev.tokenEnd - 1
  while (last > prev.tokenStart && pos[last] === PUNCT) last--
  let found = -1
  c.attributions.forEach((att, i) => {
    const content = hull(att.content)
    const whole = hull([...att.source, ...att.cue, ...att.content])
    if (content === null || whole === null || whole.start < prev.start || whole.end > prev.end || att.source.length === 0) return
    // (past the speech clause only its time: "..., Ukrainian intelligence said on Tuesday.")
    let end = last
    while (end > prev.tokenStart && c.tokens.start[end] >= whole.end && (c.timeAt[end] === 1 || pos[end] === ADP)) end--
    if (whole.end < c.tokens.end[end]) return
    if (isImpersonal(c, hull(att.source)) || isDeedCue(c, att.cue)) return
    let modal = false
    for (let t = firstToken(c, content); t >= 0 && t < prev.tokenEnd && c.tokens.start[t] < content.end && !modal; t++) {
      modal = pos[t] === AUX && FORECAST_MODALS.has(lemma[t])
    }
    if (modal) found = i
  })
  return found < 0 ? null : sourceFrom(c, found)
}

// Words that open a clause of contrast after a comma: ", though the police put the figure at 87".
const CONTRAST_OPENERS = new Set(['though', 'although', 'whereas', 'while', 'but'])

/**
 * ", though the police put the figure at 87": the body of {@link recordingSource} that opens a
 * clause of contrast after a comma, with the figure (at token `a`) in that clause.
 */
function contrastRecorder(c: Context, s: Sentence, a: number): { source: CharSpan; cue: CharSpan } | null {
  for (let t = a - 2; t > s.tokenStart && t >= a - 16; t--) {
    if (!CONTRAST_OPENERS.has(c.tokens.lemma[t]) || tokenText(c, t - 1) !== ',') continue
    const found = recordingSource(c, { ...s, start: c.tokens.start[t + 1], tokenStart: t + 1 }, a)
    return found !== null && firstToken(c, found.source) === t + 1 ? found : null
  }
  return null
}

/**
 * "About 300,000 people had returned, she said, but 1.2 million remained in camps", "...,
 * the state government said on Wednesday, but at least 25 children remain in captivity": a
 * figure that opens the clause right after ", but", which follows a speech clause set after
 * its content (a source and cue, perhaps a time or a short phrase after the cue: "in a
 * statement"), completes the speaker's contrast: the index of that attribution, or -1.
 */
function butContinued(c: Context, s: Sentence, a: number): number {
  const { pos, lemma } = c.tokens
  if (a - 2 <= s.tokenStart || lemma[a - 1] !== 'but' || tokenText(c, a - 2) !== ',') return -1
  const comma = c.tokens.start[a - 2]
  return c.attributions.findIndex((att) => {
    const cue = hull(att.cue)
    const source = hull(att.source)
    const content = hull(att.content)
    if (cue === null || source === null || content === null || cue.end > comma || content.end > source.start || source.start < s.start) return false
    // (only a time or a short phrase with no verb between the cue and the comma)
    let t = tokenEndingAfter(c, cue.end)
    for (let n = 0; t < a - 2; t++, n++) if (n >= 6 || pos[t] === VERB || pos[t] === AUX || CLAUSE_BREAKS.has(tokenText(c, t))) return false
    return true
  })
}

// Words that open a clause of the writer's after a source and its cue (not "but", which
// completes the speaker's contrast: "..., she said, but 1.2 million remained in camps").
const WRITERS_OPENERS = new Set(['and', 'while', 'whereas'])

/**
 * "Fighting has forced 120,000 people from their homes, according to OCHA, and some 85,000
 * have crossed into Ethiopia": a clause that opens after a source and cue that close a clause
 * of the writer's (`speech`, before the figure at token `a`) with ", and" and a subject of its
 * own is the writer's too, even when the attribution's content runs on into it.
 */
function isWritersClauseAfter(c: Context, speech: CharSpan | null, a: number): boolean {
  if (speech === null || speech.end > c.tokens.start[a]) return false
  const s = c.sentences[sentenceIndex(c, c.tokens.start[a])]
  // (a speech clause that opens the sentence, "Officials said 300 were killed, and 200
  // wounded", may hold the whole of it: only one after the writer's first clause closes it)
  if (speech.start < s.start || firstToken(c, speech) <= s.tokenStart + 1) return false
  for (let t = lastToken(c, speech) + 1; t + 2 <= a; t++) {
    if (tokenText(c, t) !== ',' || !WRITERS_OPENERS.has(c.tokens.lemma[t + 1])) continue
    const next = c.tokens.pos[t + 2]
    if (next !== VERB && next !== AUX && next !== ADV) return true
    // ("..., the U.N. says, and nearly 12 million have fled": a hedge that opens a figure)
    if (next === ADV && t + 3 < c.tokens.count && c.tokens.pos[t + 3] === NUM) return true
  }
  return false
}

/**
 * Whether a content fragment holds the figure: all of it, or its number with the bound before
 * it cut ("County officials say at least 600 homes ...": the attribution stage may begin the
 * content inside "at least").
 */
function holdsFigure(f: CharSpan, q: Quantity): boolean {
  return contains(f, q) || (f.start > q.start && f.start < q.end && f.end >= q.end)
}

/**
 * "The case fatality ratio among confirmed cases is 36 percent": a cue that is a participle
 * before a noun ("confirmed cases", "reported deaths") modifies it; it reports nothing.
 */
function isModifierCue(c: Context, att: Attribution): boolean {
  if (att.cue.length !== 1) return false
  const first = firstToken(c, att.cue[0])
  const last = lastToken(c, att.cue[0])
  if (first !== last || first < 1 || last + 1 >= c.tokens.count || c.tokens.pos[last + 1] !== NOUN) return false
  const pos = c.tokens.pos[first]
  // (after a preposition or determiner wink may still tag it a verb: "among confirmed cases")
  return pos === ADJ || (pos === VERB && /ed$/i.test(tokenText(c, first)) && (c.tokens.pos[first - 1] === ADP || c.tokens.pos[first - 1] === DET))
}

/**
 * "A video of the minister telling a rally that "300,000 migrants crossed" has been viewed 1.2
 * million times": a content that opens with a quotation ends where the quotation closes; a verb
 * after the closing mark is the predicate of the sentence's subject, the writer's.
 */
function isPastQuote(c: Context, att: Attribution, q: Quantity): boolean {
  const f = att.content.find((x) => contains(x, q))
  if (f === undefined) return false
  const before = c.text.slice(f.start, q.start)
  const quote = /^((?:that\s+)?["“][^"“”]*["”])\s*(?:\p{L}+\s+){0,4}$/u.exec(before)
  if (quote === null) return false
  const next = tokenEndingAfter(c, f.start + quote[1].length)
  return next < c.tokens.count && (c.tokens.pos[next] === AUX || c.tokens.pos[next] === VERB)
}

/**
 * "Only about 900 cases have been confirmed by tests, because ..., said Dr. Paul Mensah": the
 * agent of a passive cue that is a thing (no name, no body, no people, no report) is how
 * something was done, not who says so.
 */
function isPassiveInstrument(c: Context, att: Attribution): boolean {
  const cue = hull(att.cue)
  const source = hull(att.source)
  if (cue === null || source === null || cue.end > source.start) return false
  let isPassive = false
  for (let t = firstToken(c, cue); t >= 0 && t < c.tokens.count && c.tokens.start[t] < cue.end; t++) {
    if (c.tokens.pos[t] === AUX && c.tokens.lemma[t] === 'be') isPassive = true
  }
  if (!isPassive || entitiesIn(c, source).length > 0) return false
  // the agent's own noun phrase: up to a comma or a clause of its own
  let head = -1
  for (let t = firstToken(c, source); t >= 0 && t < c.tokens.count && c.tokens.start[t] < source.end; t++) {
    const pos = c.tokens.pos[t]
    if (pos === PROPN || pos === PRON) return false
    if (pos === NOUN) head = t
    else if (pos !== DET && pos !== ADJ) break
  }
  if (head < 0) return false
  const word = c.tokens.lemma[head]
  return !AGENT_NOUNS.has(word) && !AUTHORITY_NOUNS.has(word) && !SPEAKER_NOUNS.has(word) && !DATA_NOUNS.has(word) &&
    !MILITARY_PEOPLE.has(word) && !LABOUR_PEOPLE.has(word) && !OTHER_PEOPLE.has(word) && !PERSON_TITLES.has(word)
}

/**
 * "while 5 percent prefer Johnson and 1 percent support Stein": a source that is only a
 * figure is a share of people polled, not someone who states the figures after it.
 */
function isBareFigure(c: Context, source: CharSpan | null): boolean {
  if (source === null) return false
  const text = c.text.slice(source.start, source.end)
  const start = source.start + (text.length - text.trimStart().length)
  const end = source.end - (text.length - text.trimEnd().length)
  return within(c.quantities, { start, end }).some((x) => x.start <= start && end <= x.end)
}

// Verbs whose subject speaks, whatever noun names it.
const SAYING_VERBS = new Set(['say', 'tell', 'add', 'ask', 'warn', 'insist', 'explain', 'recall', 'write'])

// Nouns of who may speak besides people and bodies: "Two sources said", "Three polls show".
const SPEAKER_NOUNS = new Set([
  'source', 'analyst', 'expert', 'witness', 'researcher', 'economist', 'observer', 'poll', 'survey', 'study', 'report',
  'document', 'memo', 'letter', 'statement',
])

/**
 * "More than 1,100 firefighters, backed by 14 water-bombing aircraft, were ...", "Some 94,000
 * ballots were declared invalid": a span that opens with a figure (not "one", not a name that
 * opens with a number word) and names no one (no name, pronoun, people, body or speaker noun)
 * is a figure of things, not someone who speaks; not before a cue of saying (`SAYING_VERBS`),
 * whose subject speaks whatever noun names it ("Two neighbours said", "Four judges told").
 */
function isFigureOfThings(c: Context, source: CharSpan | null, cue: CharSpan | null): boolean {
  if (source === null) return false
  const first = firstToken(c, source)
  if (first < 0) return false
  // "Two neighbours said", "Four judges told reporters": who says or tells speaks, whatever the noun
  if (cue !== null) {
    for (let t = firstToken(c, cue); t >= 0 && t < c.tokens.count && c.tokens.start[t] < cue.end; t++) if (SAYING_VERBS.has(c.tokens.lemma[t])) return false
  }
  const at = c.tokens.start[first]
  // ("one slide said": "one" is a determiner; "Zero Hedge said": a name that opens with a number word)
  const opening = within(c.quantities, source).find((q) => q.start <= at && q.end > at)
  if (opening === undefined || (opening.amount.kind === 'point' && opening.amount.value === 1)) return false
  if (entitiesIn(c, source).some((e) => e.start <= at && e.end > opening.end)) return false
  for (let t = first; t < c.tokens.count && c.tokens.start[t] < source.end; t++) {
    const lemma = c.tokens.lemma[t]
    // ("Zero Hedge": a capitalised word after the figure is a name the entities stage missed)
    if (c.tokens.start[t] >= opening.end && CAPITALISED.test(tokenText(c, t))) return false
    if (c.tokens.pos[t] === PROPN || c.tokens.pos[t] === PRON || MILITARY_PEOPLE.has(lemma) || LABOUR_PEOPLE.has(lemma) ||
      OTHER_PEOPLE.has(lemma) || AGENT_NOUNS.has(lemma) || AUTHORITY_NOUNS.has(lemma) || SPEAKER_NOUNS.has(lemma)) return false
  }
  return true
}

// A line of a list: a short label, a colon or dash, a number and nothing else.
const LIST_LINE = /^[^\n:–—]{1,60}\s*[:–—-]\s*[^\n]{0,40}\d[\d,.]*\s*[.;,]?\s*$/
// A bulleted line with a figure: "- 340 fighters killed;", "• 23 mortars seized".
const BULLET_LINE = /^[ \t]*[-–—•*][ \t]+[^\n]{0,80}\d[^\n]{0,80}$/
// Verbs by which a body gives a list of figures: "The General Staff listed the losses as:".
const LISTING_VERBS = new Set([...RECORD_VERBS, 'give', 'publish', 'release', 'provide', 'put', 'report', 'say', 'announce', 'state'])

/**
 * "The General Staff listed the losses as follows:\nTanks: 870\nArtillery systems: 1,210": a
 * figure on a line of a list takes the speaker of the line that opens the list (a line that
 * ends with a colon, past the list's other lines): a noun phrase that names someone, then a
 * verb of listing, counting or speech. A list the text opens itself ("Losses as of
 * Monday:") has none.
 */
function listSource(c: Context, q: Quantity, a: number): Source | null {
  const lineOf = (at: number) => {
    const start = c.text.lastIndexOf('\n', at - 1) + 1
    const nl = c.text.indexOf('\n', at)
    return { start, end: nl < 0 ? c.text.length : nl }
  }
  let line = lineOf(q.start)
  // ("- 112 wounded;", "• 4 armoured vehicles and 17 pickup trucks destroyed": a bulleted line)
  const isBulleted = BULLET_LINE.test(c.text.slice(line.start, line.end))
  if (!isBulleted && (a === 0 || !/^[:–—-]$/.test(tokenText(c, a - 1)))) return null
  if (!isBulleted && !LIST_LINE.test(c.text.slice(line.start, line.end))) return null
  for (let guard = 0; guard < 40 && line.start > 0; guard++) {
    line = lineOf(line.start - 1)
    const words = c.text.slice(line.start, line.end)
    if (isBulleted ? BULLET_LINE.test(words) : LIST_LINE.test(words)) continue
    if (!/:\s*$/.test(words)) return null
    // "In a communique, army spokesman X listed the losses as follows:": the speaker of an
    // attribution whose cue is on the opening line
    if (isBulleted) {
      const i = c.attributions.findIndex((x) => x.source.length > 0 && x.cue.length > 0 && x.cue[0].start >= line.start && x.cue[0].end <= line.end)
      if (i >= 0) return sourceFrom(c, i)
    }
    // the opening line's speaker
    const from = tokenEndingAfter(c, line.start)
    let to = from
    while (to < c.tokens.count && c.tokens.start[to] < line.end) to++
    let first = from
    while (first < to && (c.tokens.pos[first] === CCONJ || c.tokens.pos[first] === ADV)) first++
    const npEnd = nounPhraseEnd(c, first, to)
    if (npEnd === first || !namesSomeone(c, first, npEnd)) return null
    let verb = npEnd
    while (verb < to && (c.tokens.pos[verb] === AUX || c.tokens.pos[verb] === ADV)) verb++
    if (verb >= to || c.tokens.pos[verb] !== VERB || !LISTING_VERBS.has(c.tokens.lemma[verb])) return null
    const source = spanOf(c, first, npEnd)
    if (source === null) return null
    return { attribution: null, source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] }, sourceEntity: sourceEntityOf(c, source) }
  }
  return null
}

// A speaker's label that opens a paragraph of an interview printed as turns: "Sultan: We have ...".
// (one run of blanks before a quotation mark and one after it: "[ \t]*["“]?[ \t]*" backtracks
// over every split of a long run of blanks, quadratic in its length)
const TURN_LABEL_SOURCE = `^[ \\t]*(?:["“][ \\t]*)?(\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){0,2}):[ \\t]+`
const TURN_LABEL = new RegExp(TURN_LABEL_SOURCE, 'u')

/**
 * "Q: How many patients are you treating?\n\nSultan: We have 310 patients ...": a figure in a
 * paragraph that opens with a label and a colon is the labelled speaker's, when the label is
 * a person the entities stage found (or a surname it resolved to a fuller name) and another
 * paragraph opens with another label (turns of a transcript, not a line of a list). Upper-case
 * labels ("WALLACE:") are the attribution stage's (`transcripts.ts`).
 */
function turnSource(c: Context, q: Quantity): Source | null {
  const start = c.text.lastIndexOf('\n', q.start - 1) + 1
  const m = TURN_LABEL.exec(c.text.slice(start, q.start))
  // ("Clinton: 547." is a line of a table, not a turn)
  const nl = c.text.indexOf('\n', q.start)
  if (m === null || LIST_LINE.test(c.text.slice(start, nl < 0 ? c.text.length : nl))) return null
  const label = { start: start + m[0].indexOf(m[1]), end: start + m[0].indexOf(m[1]) + m[1].length }
  if (m[1] === 'A') return answerSource(c, label)
  // (a person, or a name the entities stage read as the surname of a fuller one: "Okafor" after "Grace Okafor")
  const person = c.entities.find((e) => e.start === label.start && e.end === label.end &&
    (e.type === 'PERSON' || (e.type === 'OTHER' && e.canonical !== null && e.canonical.endsWith(` ${m[1]}`))))
  if (person === undefined) return null
  // another label opens another paragraph (the first line of the text too)
  const other = new RegExp(TURN_LABEL_SOURCE, 'gmu')
  let hasOther = false
  for (let x = other.exec(c.text); x !== null && !hasOther; x = other.exec(c.text)) hasOther = x[1] !== m[1]
  if (!hasOther) return null
  return { attribution: null, source: label, cue: { start: label.end, end: label.end + 1 }, sourceEntity: person.canonical ?? m[1] }
}

// A paragraph that opens with "Q:", the question of an interview printed as turns.
const QUESTION_LABEL = /^[ \t]*Q:[ \t]/m
// A name of two or three capitalised words the gazetteer may not know ("Marta Lindqvist").
const PERSON_SHAPE = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}$/u
// What comes before the person an interview's writer spoke to: "we spoke to", "I sat down
// with", "interviewed", then at most three capitalised words or "the" ("we spoke to Mayor").
// Only the writer's "we" or "I": in "Anna Berg spoke to Tom Hale" the one who speaks is interviewed.
const INTERVIEWED = /(?:\b(?:[Ww]e|I)\s+(?:\p{Ll}+\s+)?(?:spoke|talked|sat down|met)\s+(?:to|with)|\binterviewed)\s+(?:(?:the|\p{Lu}[\p{L}.]*)\s+){0,3}$/u
// What comes after the interviewee's name, past an apposition: "told", "spoke to", "said in an interview".
const INTERVIEWEE = /^(?:,[^,.\n]{1,80},)?\s+(?:told|tells|(?:spoke|talked|speaks|talks)\s+(?:to|with)|sat down with|said in an interview)\b/u

/**
 * "Q: How much is frozen?\nA: About 210 billion euros ...": an answer labelled "A" is the
 * interviewee's, the first person the text names before its first question ("Marta Lindqvist,
 * the EU's envoy, spoke to us ..."); none when no "Q:" turn or no such person.
 */
function answerSource(c: Context, label: CharSpan): Source | null {
  const question = QUESTION_LABEL.exec(c.text)
  if (question === null || question.index > label.start) return null
  // (a name the gazetteer does not know comes as a run of capitalised words: one of two or three
  // words with an apposition after it, "Marta Lindqvist, the EU's envoy", names a person)
  const intro = c.entities.filter((e) => e.end <= question.index && (e.type === 'PERSON' ||
    (e.type === 'OTHER' && PERSON_SHAPE.test(c.text.slice(e.start, e.end)))))
  // The interviewee as the introduction presents them ("we spoke to X", "X told Y in an
  // interview"), else the first person it names, an untyped name only with an apposition after it.
  const person = intro.find((e) => INTERVIEWED.test(c.text.slice(Math.max(0, e.start - 60), e.start))) ??
    intro.find((e) => INTERVIEWEE.test(c.text.slice(e.end, e.end + 120))) ??
    intro.find((e) => e.type === 'PERSON' || c.text.startsWith(', ', e.end))
  if (person === undefined) return null
  return { attribution: null, source: { start: person.start, end: person.end }, cue: label, sourceEntity: person.canonical ?? c.text.slice(person.start, person.end) }
}

/**
 * "according to the prosecution, which said ...", "said Mary Okoro, who added that ...": a
 * relative pronoun that is the whole source stands for the noun phrase before its comma;
 * any other span is returned as it is.
 */
function antecedent(c: Context, span: CharSpan | null): CharSpan | null {
  if (span === null) return null
  const t = firstToken(c, span)
  // ("..., 15 deaths, WHO says": the acronym of the World Health Organization is a name)
  if (t < 2 || lastToken(c, span) !== t || (c.tokens.lemma[t] !== 'which' && c.tokens.lemma[t] !== 'who') || tokenText(c, t) === 'WHO' || tokenText(c, t - 1) !== ',') return span
  const end = t - 1
  let start = end
  while (start - 1 >= 0 && start > end - 8 && (NP_POS.has(c.tokens.pos[start - 1]) || isHyphenJoin(c, start - 1) || /^['’]s$/.test(tokenText(c, start - 1))) &&
    c.tokens.pos[start - 1] !== CCONJ && c.tokens.pos[start - 1] !== NUM) start--
  const last = end - 1
  if (start === end || (c.tokens.pos[last] !== NOUN && c.tokens.pos[last] !== PROPN)) return span
  return spanOf(c, start, end) ?? span
}

/** The source of a figure that attribution `i` states. */
function sourceFrom(c: Context, i: number): Source {
  const att = c.attributions[i]
  const cue = hull(att.cue)
  const whole = withHyphenedStart(c, withWholeName(c, citedByVersion(c, antecedent(c, hull(att.source)), cue), cue))
  const source = withoutTimestamp(c, withoutApposition(c, whole))
  return { attribution: i, source, cue, sourceEntity: appositionName(c, source, whole) ?? resolvedName(c, att, source) }
}

/**
 * "The mine's operator, Carbones del Altiplano,": the name in an apposition cut from a common
 * noun's source span is the name that source resolves to.
 */
function appositionName(c: Context, source: CharSpan | null, whole: CharSpan | null): string | null {
  if (source === null || whole === null || source.end >= whole.end) return null
  const rest = { start: source.end, end: whole.end }
  const first = firstToken(c, rest)
  if (first < 0 || tokenText(c, first) !== ',') return null
  let next = first + 1
  // (past an honorific: ", Mr. Guajardo Villarreal")
  if (next >= 0 && next + 1 < c.tokens.count && HONORIFIC.test(tokenText(c, next))) next += tokenText(c, next + 1) === '.' ? 2 : 1
  if (next < 0 || next >= c.tokens.count || c.tokens.pos[next] !== PROPN || c.tokens.start[next] >= whole.end) return null
  // (a name that fills the apposition, not a title with a name in it: "Premier of the Cabinet")
  const name = entitiesIn(c, rest).find((e) => e.start === c.tokens.start[next] && e.canonical !== null && PUNCT_ONLY_OR_EMPTY.test(c.text.slice(e.end, whole.end)))
  return name?.canonical ?? null
}

// A live blog's entry time before its first words: "11:45 - ", "15:20 GMT — ".
const TIMESTAMP = /^\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,5}))?\s*[-–—:|]\s*/i

/** A source span without the timestamp that opens a live blog's entry ("11:45 - The mayor"). */
function withoutTimestamp(c: Context, span: CharSpan | null): CharSpan | null {
  if (span === null) return null
  const m = TIMESTAMP.exec(c.text.slice(span.start, span.end))
  return m === null || m[0].length >= span.end - span.start ? span : { start: span.start + m[0].length, end: span.end }
}

// "An earlier version, citing a local official, said": the aside after a version of the text.
const CITING_ASIDE = /^\s*(?:of\s+(?:this|the)\s+(?:story|article|report|text)\s*)?,\s*citing\s+([^,;]{2,80}?)\s*,\s*$/i
// "..., citing a police officer." closing the sentence of a version's figure.
const CITING_TAIL = /,\s*citing\s+([^,;.\n]{2,80}?)\s*[.;](?:\s|$)/i

/**
 * "An earlier version, citing a local official, said 40 people had been killed": a correction
 * notice's version of the article gave the figure it retracts on another's word, so the one
 * cited in the aside between that version and the cue is the source.
 */
function citedByVersion(c: Context, span: CharSpan | null, cue: CharSpan | null): CharSpan | null {
  if (span === null || cue === null || cue.start < span.end) return span
  const head = lastToken(c, span)
  if (head < 0 || !(VERSION_NOUNS.has(c.tokens.lemma[head]) || VERSION_OF_TEXT.test(c.text.slice(span.start, span.end)))) return span
  const between = c.text.slice(span.end, cue.start)
  const m = CITING_ASIDE.exec(between)
  if (m === null) {
    // ("An earlier version of this story said 25 people had died, citing a police officer.": the
    // one cited at the end of the sentence)
    const after = c.text.slice(cue.end, cue.end + 240)
    const t = CITING_TAIL.exec(after)
    return t === null || /[.!?]\s/.test(after.slice(0, t.index)) ? span : { start: cue.end + t.index + t[0].indexOf(t[1], t[0].search(/citing/i) + 6), end: cue.end + t.index + t[0].indexOf(t[1], t[0].search(/citing/i) + 6) + t[1].length }
  }
  const start = span.end + between.indexOf(m[1], between.search(/citing/i) + 6)
  return { start, end: start + m[1].length }
}

const VERSION_NOUNS = new Set(['version', 'edition'])
// "An earlier version of this story": a version named with the text it is of.
const VERSION_OF_TEXT = /\b(?:version|edition)\s+of\s+(?:this|the)\s+(?:story|article|report|text)$/i

/**
 * "Commander-in-chief Oleksandr Syrskyi said", whose source the attribution stage cut at a
 * hyphen ("chief Oleksandr Syrskyi"): a source span right after a hyphen glued to a word on
 * both sides starts at the first word of the hyphenated compound.
 */
function withHyphenedStart(c: Context, span: CharSpan | null): CharSpan | null {
  if (span === null || span.start < 2 || c.text.charAt(span.start - 1) !== '-' || !/[\p{L}\p{N}]/u.test(c.text.charAt(span.start))) return span
  const m = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-$/u.exec(c.text.slice(Math.max(0, span.start - 60), span.start))
  return m === null ? span : { start: span.start - m[0].length, end: span.end }
}

/**
 * "The Red Cross in Geneva on Monday said", whose source the attribution stage cut to "The
 * Red" (the tagger reads "Cross" as a verb): a source span that ends inside a name the
 * entities stage found runs to the name's end, unless the name reaches into the cue.
 */
function withWholeName(c: Context, span: CharSpan | null, cue: CharSpan | null): CharSpan | null {
  if (span === null) return null
  // (entities that start inside the span and end past it: within a reach of its end)
  const cut = within(c.entities, { start: span.start, end: span.end + 80 }).find((e) => e.start < span.end && span.end < e.end)
  if (cut === undefined || (cue !== null && cue.start < cut.end && cut.start < cue.end)) return span
  return { start: span.start, end: cut.end }
}

/**
 * Whom a source span names: our reading of the span wins; the attribution stage's resolved
 * name is kept when it names a known entity (a pronoun resolved to "Kim Jong Un"), not when
 * it only repeats the source's words ("Western officials"). Only for a pronoun or a body's
 * common name ("He", "the agency"): "The report" resolved to a place is no source.
 */
function resolvedName(c: Context, att: Attribution, source: CharSpan | null): string | null {
  // ("the president of Ukraine": the role before "of" is the head)
  const role = source === null ? -1 : definiteRoleHead(c, source)
  const head = source === null ? -1 : role >= 0 ? role : lastToken(c, source)
  const isResolvable = head >= 0 && (c.tokens.pos[head] === PRON || AGENT_NOUNS.has(c.tokens.lemma[head]))
  // ("According to the commission" resolved to the campaign manager quoted before it: a body is no person)
  const isBody = head >= 0 && c.tokens.pos[head] !== PRON && !PERSON_ROLES.has(c.tokens.lemma[head])
  const isPersonForBody = isBody && att.sourceEntity !== null && isPersonName(c, att.sourceEntity)
  // ("..., said Colonel Arif Rahman, director general of the Border Guard. ..., he said": "he"
  // resolved to the body of the apposition is the person before it; a paper is a body too:
  // "..., said Olena Kovalenko, a correspondent for the Kyiv Independent")
  const isBodyForPerson = head >= 0 && /^(he|she)$/.test(c.tokens.lemma[head]) && att.sourceEntity !== null && !isPersonName(c, att.sourceEntity) &&
    isBodyEntity(c, att.sourceEntity) && personBefore(c, source, head) !== null
  // ("the health minister said" resolved to the "World Cup" before it: a person's role stands
  // for no event or thing, only for a person or a body)
  const isRoleForThing = head >= 0 && PERSON_ROLES.has(c.tokens.lemma[head]) && att.sourceEntity !== null &&
    !isPersonName(c, att.sourceEntity) && !isBodyEntity(c, att.sourceEntity) && !isCalledBySurname(c, att.sourceEntity)
  const known = isResolvable && att.sourceEntity !== null && c.canonicals.has(att.sourceEntity) && !isPersonForBody && !isBodyForPerson &&
    !isRoleForThing && !isDatelineAgency(c, att.sourceEntity)
  return sourceEntityOf(c, source) ?? bodyBefore(c, source) ?? itBefore(c, source, head, att.sourceEntity) ?? (known ? att.sourceEntity : null) ??
    (isRoleForThing ? roleNamedAfter(c, source!) : null) ??
    (isPersonForBody ? sameWordsBefore(c, source!) : null) ?? personBefore(c, source, head)
}

/** Whether a name is a body's: an organisation, a place, a people, or a name in a role's "of" phrase. */
function isBodyEntity(c: Context, name: string): boolean {
  return c.entities.some((e) => e.canonical === name &&
    (e.type === 'ORG' || e.type === 'GPE' || e.type === 'NORP' || e.type === 'MEDIA' || (e.type === 'OTHER' && isOfBody(c, e))))
}

/**
 * Whether a name of two or more words that the entities stage could not type is also written
 * as its last word alone ("Chris Christie" ... "Christie said"): people are, events and things
 * ("the World Cup") are not.
 */
function isCalledBySurname(c: Context, name: string): boolean {
  const last = /(\S+)$/.exec(name)
  if (last === null || last[1].length === name.length) return false
  return c.entities.some((e) => e.canonical === name && c.text.slice(e.start, e.end) === last[1])
}

// How far after a role "the health minister" looks for the person named with that role.
const ROLE_NAME_REACH = 1500

/**
 * "..., the health minister said. ... Health Minister Afi Mensah told ...": a person's role
 * with "the" ("the health minister") is the person named later in the article right after the
 * same words used as a title; null when none is.
 */
function roleNamedAfter(c: Context, source: CharSpan): string | null {
  const m = /^the\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)$/iu.exec(c.text.slice(source.start, source.end))
  if (m === null) return null
  const role = m[1].toLowerCase().replace(/\s+/g, ' ')
  for (const e of within(c.entities, { start: source.end, end: source.end + ROLE_NAME_REACH })) {
    if (e.start < source.end || e.type !== 'PERSON' || e.canonical === null) continue
    const before = c.text.slice(Math.max(0, e.start - role.length - 1), e.start).toLowerCase().replace(/\s+/g, ' ')
    if (before === `${role} ` && !/[\p{L}]/u.test(c.text.charAt(e.start - role.length - 2))) return e.canonical
  }
  return null
}

// How many sentences back "it" looks for the body it stands for.
const IT_SENTENCES = 2

/**
 * "..., according to the Nepal Red Cross Society. It estimated that ...": "it" that the
 * attribution stage resolved to a place (`resolved`) written inside the nearest earlier source
 * of the last sentences that is no pronoun and no person stands for that source, by the name
 * the source resolves to (the body's whole name, not the place inside it); null otherwise.
 */
function itBefore(c: Context, source: CharSpan | null, head: number, resolved: string | null): string | null {
  if (source === null || head < 0 || c.tokens.lemma[head] !== 'it' || resolved === null) return null
  const earliest = sentenceIndex(c, source.start) - IT_SENTENCES
  let best: { span: CharSpan; name: string | null } | null = null
  for (const att of c.attributions) {
    const span = hull(att.source)
    if (span === null || span.end > source.start || sentenceIndex(c, span.start) < earliest || (best !== null && span.end <= best.span.end)) continue
    const last = lastToken(c, span)
    if (last < 0 || c.tokens.pos[last] === PRON) continue
    const name = sourceEntityOf(c, span)
    if (entitiesIn(c, span).some((e) => e.type === 'PERSON') || (name !== null && isPersonName(c, name)) || PERSON_ROLES.has(c.tokens.lemma[last])) continue
    best = { span, name }
  }
  if (best === null || best.name === resolved) return best?.name ?? null
  const isPlaceInside = entitiesIn(c, best.span).some((e) => (e.type === 'GPE' || e.type === 'NORP') && e.canonical === resolved)
  return isPlaceInside ? best.name : null
}

// An agency in a dateline's brackets: "PARIS, Sept 17 (Reuters) -".
const DATELINE_AGENCY = /^\)\s*(?:[-–—]|--)/

/**
 * Whether every mention of `name` is the agency of a dateline ("(Reuters) -"): the wire that
 * carries the story, which "the company" or "the agency" in it does not stand for.
 */
function isDatelineAgency(c: Context, name: string): boolean {
  const mentions = c.entities.filter((e) => e.canonical === name)
  return mentions.length > 0 && mentions.every((e) => c.text.charAt(e.start - 1) === '(' && DATELINE_AGENCY.test(c.text.slice(e.end, e.end + 4)))
}

// "director general of the Fire Service and Civil Defence": a name in a role's "of" phrase
const OF_PHRASE = /\bof\s+(?:the\s+)?(?:[\p{Lu}][\p{L}'’-]*\s+(?:and\s+)?){0,5}$/u

/** Whether an untyped name is written in a role's "of" phrase, as bodies are ("head of the Fire Service and Civil Defence"). */
function isOfBody(c: Context, e: Entity): boolean {
  return OF_PHRASE.test(c.text.slice(Math.max(0, e.start - 60), e.start))
}

/**
 * "UNHCR spokesperson Eujin Byun told reporters ... The agency said ... It needs $86 million,
 * she said": "he" or "she" that the attribution stage left unresolved is the person named as
 * the nearest source before it (within a few sentences), past sources that are bodies.
 */
function personBefore(c: Context, source: CharSpan | null, head: number): string | null {
  if (source === null || head < 0 || !/^(he|she)$/.test(c.tokens.lemma[head])) return null
  let found: { end: number; name: string } | null = null
  for (const other of c.attributions) {
    const span = hull(other.source)
    if (span === null || span.end > source.start || span.end < source.start - 600) continue
    // the person the span names ("Brigadier General Main Uddin", which the attribution stage
    // may have resolved to the body of the apposition after it), else the stage's own reading
    const named = entitiesIn(c, span).filter((e) => e.type === 'PERSON' && e.canonical !== null).at(-1)?.canonical ?? null
    const name = named ?? (other.sourceEntity !== null && isPersonEntity(c, other.sourceEntity) ? other.sourceEntity : null)
    if (name === null) continue
    if (found === null || span.end > found.end) found = { end: span.end, name }
  }
  return found?.name ?? null
}

/**
 * The name an earlier source written with the same words ("the commission") was resolved to,
 * when that name is no person's: the same words name the same body in one article.
 */
function sameWordsBefore(c: Context, source: CharSpan): string | null {
  const words = c.text.slice(source.start, source.end).toLowerCase()
  let found: string | null = null
  for (const other of c.attributions) {
    const span = hull(other.source)
    if (span === null || span.end > source.start || other.sourceEntity === null || !c.canonicals.has(other.sourceEntity)) continue
    if (c.text.slice(span.start, span.end).toLowerCase() === words && !isPersonName(c, other.sourceEntity)) found = other.sourceEntity
  }
  return found
}

// Heads of AGENT_NOUNS that name a person, who may resolve to a person's name; the others name bodies.
const PERSON_ROLES = new Set([
  'lawmaker', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'minister', 'leader', 'chief',
  'mayor', 'governor', 'commander', 'general', 'secretary', 'ambassador', 'envoy', 'senator', 'chairman',
  'chairwoman', 'director', 'premier', 'chancellor', 'prosecutor',
])
// Titles written before a person's name in a source: "campaign manager Tomas Berg".
const PERSON_TITLES = new Set([...PERSON_ROLES, 'manager', 'economist', 'analyst', 'adviser', 'advisor', 'researcher', 'candidate', 'judge', 'captain', 'coach'])

/**
 * Whether the text presents `name` as a person: an entity typed as one, or a source span
 * that ends with the name after a title in lower case ("campaign manager Tomas Berg").
 */
function isPersonName(c: Context, name: string): boolean {
  if (isPersonEntity(c, name)) return true
  return c.attributions.some((other) => {
    const span = hull(other.source)
    if (span === null || !c.text.slice(span.start, span.end).endsWith(name)) return false
    const t = tokenEndingAfter(c, span.end - name.length) - 1
    return t >= 0 && c.tokens.start[t] >= span.start && PERSON_TITLES.has(tokenText(c, t))
  })
}

/** Whether an entity typed as a person has the canonical name `name`. */
function isPersonEntity(c: Context, name: string): boolean {
  return c.entities.some((e) => e.type === 'PERSON' && e.canonical === name)
}

// How many sentences back "the ministry" looks for the body it was introduced as.
const BODY_SENTENCES = 3

/**
 * "The Gaza health ministry said ... The ministry said": "the" and a body's common name
 * is the nearest body named by a place with that head (`placeBody`) in an earlier source of
 * the last few sentences; null when there is none.
 */
function bodyBefore(c: Context, source: CharSpan | null): string | null {
  if (source === null) return null
  const first = firstToken(c, source)
  const last = lastToken(c, source)
  if (first < 0 || last !== first + 1 || c.tokens.lemma[first] !== 'the' || !BODY_HEADS.has(c.tokens.lemma[last])) return null
  const head = tokenText(c, last).toLowerCase()
  const earliest = sentenceIndex(c, source.start) - BODY_SENTENCES
  let best: { end: number; name: string } | null = null
  for (const { span, sentence, body } of sourceFacts(c)) {
    if (span === null || span.end > source.start || (best !== null && span.end <= best.end) || sentence < earliest) continue
    if (body !== null && body.toLowerCase().endsWith(` ${head}`)) best = { end: span.end, name: body }
  }
  return best?.name ?? namedBodyBefore(c, source, head)
}

/** What `bodyBefore` and `namedBodyBefore` read of an attribution's source. */
interface SourceFacts {
  /** The source's hull, null for none. */
  readonly span: CharSpan | null
  /** The index of the sentence it starts in. */
  readonly sentence: number
  /** The body a place names in it (`placeBody`), or null. */
  readonly body: string | null
  /** The entities inside it that have a canonical name. */
  readonly named: readonly Entity[]
}

// Per document, read once: every "the ministry" of a long text read every source before it anew.
const SOURCE_FACTS = new WeakMap<Context, readonly SourceFacts[]>()

/** {@link SourceFacts} of each of the document's attributions, in their order. */
function sourceFacts(c: Context): readonly SourceFacts[] {
  let facts = SOURCE_FACTS.get(c)
  if (facts === undefined) {
    facts = c.attributions.map((att) => {
      const span = hull(att.source)
      if (span === null) return { span, sentence: -1, body: null, named: [] }
      const inside = entitiesIn(c, span)
      const placed = inside.filter((e) => e.type === 'GPE' || e.type === 'NORP')
      const named = inside.filter((e) => e.canonical !== null)
      return { span, sentence: sentenceIndex(c, span.start), body: placeBody(c, span, placed), named }
    })
    SOURCE_FACTS.set(c, facts)
  }
  return facts
}

/**
 * "according to the Ministry of Metal Industry ... the ministry informed": the one body the
 * article named before as a source with a name that opens with the head and "of" (none when
 * it named two).
 */
function namedBodyBefore(c: Context, source: CharSpan, head: string): string | null {
  const names = new Set<string>()
  for (const { span, named: inside } of sourceFacts(c)) {
    if (span === null || span.end > source.start) continue
    for (const e of inside) {
      const name = e.canonical!.toLowerCase()
      // ("the National Mining Agency said ... the agency said", "the Malawi Electoral Commission
      // said ... The commission put": a name that ends with the head, as written capitalised)
      if (name.startsWith(`${head} of `) || (name.endsWith(` ${head}`) && c.text.slice(e.start, e.end).endsWith(head[0].toUpperCase() + head.slice(1)))) names.add(e.canonical!)
    }
  }
  return names.size === 1 ? [...names][0] : null
}

// Words that open a phrase adding figures to a statement: ", with 4,715 injured".
const ADDING = new Set(['with', 'including', 'include'])

/**
 * "The toll has risen to 3,085, the government said on Thursday, with 4,715 injured and
 * 341 still missing": a figure in a "with" or "including" phrase that follows a speech
 * clause closing its sentence (content before the cue, then the source and cue, perhaps a
 * time) is part of what that source said. Returns the attribution's index, or -1.
 */
function trailingWith(c: Context, s: Sentence, a: number): number {
  const { pos, lemma } = c.tokens
  const sentenceStart = c.tokens.start[s.tokenStart]
  const figureStart = c.tokens.start[a]
  for (let i = 0; i < c.attributions.length; i++) {
    const att = c.attributions[i]
    const cue = hull(att.cue)
    if (cue === null || cue.start < sentenceStart || cue.end > figureStart) continue
    const content = hull(att.content)
    const source = hull(att.source)
    if (content === null || source === null || content.end > Math.min(cue.start, source.start)) continue
    // from the end of the speech clause: at most a time or a short phrase ("in a statement"), a comma, the opening word
    let t = Math.max(lastToken(c, cue), lastToken(c, source)) + 1
    const limit = t + 6
    while (t < a && t < limit && tokenText(c, t) !== ',' && pos[t] !== VERB && pos[t] !== AUX) t++
    if (t + 1 >= a || tokenText(c, t) !== ',' || !ADDING.has(lemma[t + 1])) continue
    // the figure is in that phrase: no clause of its own opens before it
    let k = t + 2
    while (k < a && pos[k] !== AUX && pos[k] !== SCONJ && !RELATIVE_PRONOUNS.has(lemma[k]) && tokenText(c, k) !== ';') k++
    if (k === a) return i
  }
  return -1
}

/**
 * "58 percent of registered voters said they ...", "A full 79 percent of Democrats say
 * ...": a share that opens the source of an attribution is the poll's figure about the
 * people it asked, not one of them speaking (docs/figures.md, "Session 7").
 */
export function isPollShare(c: Context, q: Quantity): boolean {
  return q.kind === 'percent' && c.attributions.some((att) => att.source.some((f) => opensWithShare(c, f, q)))
}

/**
 * Whether span `f` opens with the percentage `q` and "of" after it, with only determiners,
 * adjectives and adverbs before it ("Just 28 percent of voters", "a full 79 percent of").
 */
function opensWithShare(c: Context, f: CharSpan, q: Quantity): boolean {
  if (q.kind !== 'percent' || q.start < f.start || q.end >= f.end) return false
  const after = tokenEndingAfter(c, q.end)
  if (after >= c.tokens.count || c.tokens.lemma[after] !== 'of') return false
  for (let t = tokenEndingAfter(c, f.start); t < c.tokens.count && c.tokens.end[t] <= q.start; t++) {
    const pos = c.tokens.pos[t]
    if (pos !== DET && pos !== ADJ && pos !== ADV) return false
  }
  return true
}

// "A strong majority of voters", "half of Republicans": a part of those a poll asked.
const POLLED_PART = /^(?:(?:a|an|the)\s+)?(?:\p{L}+\s+)?(?:majority|minority|plurality|half|third|quarter|fifth)\s+of\b/iu

/**
 * Whether a source span is a part of those a poll asked ("46 percent of voters said yes",
 * "A strong majority of Democratic primary voters say ..."): what they say is the poll's
 * finding, so a figure in it is the poll's or the text's, never theirs.
 */
function isRespondents(c: Context, source: CharSpan | null): boolean {
  if (source === null) return false
  if (POLLED_PART.test(c.text.slice(source.start, source.end))) return true
  return within(c.quantities, source).some((q) => opensWithShare(c, source, q))
}

/**
 * Whether a quantity is part of who speaks ("two officials said"), not what is said. Not a
 * figure read as the source of a verb of belief ("Dozens feared dead", "300 believed killed"):
 * those are the people feared dead. Inside what another source says it is said again:
 * "according to the IOM, nearly 90,000 people have sought refuge" (the cue tagger may read
 * "have sought" as a cue of its own), "police said 20 witnesses told them" are figures the
 * outer source gives.
 */
export function isInSourceOrCue(c: Context, q: Quantity): boolean {
  return c.attributions.some((att) => (overlapsAny(att.source, q) && !isFearedFigure(c, att) && !isClauseBefore(c, att, q) && !isRunOnMisread(c, att)) || overlapsAny(att.cue, q)) &&
    !c.attributions.some((att) => att.content.some((f) => f.start <= q.start && q.end <= f.end))
}

// Verbs of belief in a passive that reads like a cue: "Dozens feared dead", "300 believed killed".
const BELIEF_CUES = new Set(['fear', 'believe', 'presume', 'think'])

function isFearedFigure(c: Context, att: Attribution): boolean {
  if (isFigureAfterCue(c, att)) return true
  if (!isBareFigure(c, hull(att.source))) return false
  const cue = hull(att.cue)
  const t = cue === null ? -1 : firstToken(c, cue)
  return t >= 0 && lastToken(c, cue!) === t && BELIEF_CUES.has(c.tokens.lemma[t]) && /ed$/i.test(tokenText(c, t))
}

/**
 * "The commission put the number higher, at 57,500, saying ...": a source span read for a
 * participle cue after it that holds a verb before the figure is a clause, whose figure is
 * what its subject states, not part of a name.
 */
function isClauseBefore(c: Context, att: Attribution, q: Quantity): boolean {
  const source = hull(att.source)
  if (source === null) return false
  for (let t = firstToken(c, source); t >= 0 && t < c.tokens.count && c.tokens.start[t] < q.start; t++) {
    if (c.tokens.pos[t] === VERB) return true
  }
  return false
}

/**
 * "Support for the party fell to 22 percent from 24 percent": a source that is a figure (or a
 * part of one: "24" of "24 percent") after the words read as its cue is what the sentence
 * counts, not who speaks ("Of 30 people polled, 24 said" has its cue after the figure).
 */
function isFigureAfterCue(c: Context, att: Attribution): boolean {
  const source = hull(att.source)
  const cue = hull(att.cue)
  if (source === null || cue === null || cue.end > source.start) return false
  return within(c.quantities, { start: source.start - 64, end: source.end + 64 }).some((x) => x.start <= source.start && source.end <= x.end)
}

function overlapsAny(spans: readonly CharSpan[], q: CharSpan): boolean {
  for (const f of spans) if (f.start < q.end && q.start < f.end) return true
  return false
}
