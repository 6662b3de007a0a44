import { fileURLToPath } from 'node:url'
import type { Entity, EntityType } from '../../model/types.ts'
import { posId } from '../../model/doc.ts'
import { looksLikePersonName } from '../entities/entities.ts'
import { MONTH_NAMES, WEEKDAY_NAMES } from '../tokens/calendar.ts'
import { NAME_TITLE_TOKENS } from '../tokens/titles.ts'
import { POSSESSIVE_MARK } from '../tokens/marks.ts'
import { readModelFile } from './averaged.ts'
import { hashString, P_COMMA, type Prepared } from './features.ts'

const PROPN = posId('PROPN')
const CCONJ = posId('CCONJ')
const DET = posId('DET')
const ADJ = posId('ADJ')
const NOUN = posId('NOUN')
const PUNCT = posId('PUNCT')
const PART = posId('PART')
const VERB = posId('VERB')
const PERSONAL = new Set(['he', 'she', 'him', 'her', 'i', 'me', 'who'])
const RELATIVE_THINGS = new Set(['which', 'that'])
const COLLECTIVE = new Set(['they', 'them', 'it', 'we', 'us'])
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those'])
// Titles and honorifics dropped from the front of a named source ("President Barack
// Obama" -> "Barack Obama"): tokens/titles.ts, shared with the web app.
const TITLES = NAME_TITLE_TOKENS
// Capitalised proper nouns that never name a speaker (POS taggers mark them PROPN).
const NOT_SPEAKERS = new Set([...WEEKDAY_NAMES, ...MONTH_NAMES])
const TYPE_RANK: Partial<Record<EntityType, number>> = { PERSON: 3, MEDIA: 3, ORG: 3, GPE: 2, NORP: 1 }
const typeRank = (e: Entity) => TYPE_RANK[e.type] ?? 0
const GROUP_TYPES: ReadonlySet<EntityType> = new Set(['ORG', 'MEDIA', 'GPE', 'NORP'])
// Preference among compatible antecedents: who speaks is more often a body or a person
// than a country, and a country more often than a demonym ("Russian forces").
const KIND_RANK: Partial<Record<EntityType, number>> = { PERSON: 2, ORG: 2, MEDIA: 2, OTHER: 2, GPE: 1, NORP: 0 }
// Heads of definite nominals that stand for a person ("the mayor said").
const PERSON_NOUNS = new Set([
  'mayor', 'governor', 'president', 'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'official',
  'commander', 'general', 'chief', 'leader', 'secretary', 'ambassador', 'envoy', 'senator', 'lawmaker',
  'chairman', 'chairwoman', 'director', 'premier', 'chancellor', 'prosecutor', 'colonel', 'captain', 'head',
  'king', 'queen', 'diplomat', 'doctor', 'surgeon', 'judge', 'man', 'woman', 'candidate', 'nominee',
  'admiral', 'prince', 'princess', 'manager', 'executive', 'lawyer', 'attorney', 'adviser', 'advisor', 'aide',
  'analyst', 'expert', 'professor', 'economist', 'researcher', 'author', 'writer', 'reporter', 'correspondent',
  'host', 'pollster', 'strategist', 'activist', 'founder', 'owner', 'officer', 'soldier', 'sheriff',
  'inspector', 'investigator', 'resident', 'voter', 'supporter', 'critic', 'staffer', 'protester', 'student',
  'investor', 'billionaire', 'businessman', 'businesswoman', 'entrepreneur', 'mogul', 'comedian', 'actor',
  'actress', 'singer', 'celebrity', 'player', 'coach', 'pastor', 'priest', 'bishop', 'rabbi', 'imam', 'pope',
  'father', 'mother', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'widow', 'teacher', 'nurse',
  'veteran', 'farmer', 'worker', 'pilot', 'detective', 'congressman', 'congresswoman', 'senator-elect',
])
// Module-level: tsx (esbuild) rewrites a \p{...} literal as `new RegExp(...)`, which inside
// a function is built anew on every call.
const NON_LETTERS = /[^\p{L}]+/u
// what `titlesOf` strips from a title word
const NOT_TITLE_LETTERS = /[^\p{L}-]+/gu
// How many sentences back a pronoun or nominal looks for its antecedent.
const ANTECEDENT_SENTENCES = 3
// How many names back it looks at most: three sentences of news hold far fewer, but a text
// without full stops is one sentence however long, and every pronoun in it read all of it.
const ANTECEDENT_NAMES = 150

const LOOK_BACK = 3000

interface Range { readonly start: number; readonly end: number }

function wordAt(text: string, p: Prepared, i: number): string {
  return text.slice(p.tokens.start[i], p.tokens.end[i]).toLowerCase()
}

function trimTitles(text: string, p: Prepared, r: Range): string {
  let s = r.start
  while (s < r.end - 1 && TITLES.has(wordAt(text, p, s))) s++
  let e = r.end
  // A possessive or trailing punctuation is not part of the name.
  while (e > s + 1 && (p.tokens.pos[e - 1] === PUNCT || p.tokens.pos[e - 1] === PART)) e--
  return text.slice(p.tokens.start[s], p.tokens.end[e - 1])
}

/** Maximal proper-noun runs of a document in text order, computed once per document. */
const docRuns = new WeakMap<Prepared, Range[]>()

function allPropnRuns(text: string, p: Prepared): Range[] {
  let runs = docRuns.get(p)
  if (runs !== undefined) return runs
  runs = []
  const speaker = (i: number) => p.tokens.pos[i] === PROPN && p.isCap[i] === 1 && !NOT_SPEAKERS.has(wordAt(text, p, i))
  for (let i = 0; i < p.n; i++) {
    if (!speaker(i)) continue
    let e = i + 1
    while (e < p.n && p.sent[e] === p.sent[i] && speaker(e)) e++
    runs.push({ start: i, end: e })
    i = e - 1
  }
  docRuns.set(p, runs)
  return runs
}

/**
 * Proper-noun runs of the document before token `before`, nearest first; a run that
 * crosses `before` is cut there. Source resolution asks for them once per attribution, so
 * the document's runs are found once and sliced (scanning back from each source made the
 * stage quadratic in the attributions of a long article).
 */
function propnRuns(text: string, p: Prepared, before: number): Range[] {
  const all = allPropnRuns(text, p)
  // A news article's names lie within a few thousand tokens; the bound keeps a huge text linear.
  const stop = Math.max(0, before - LOOK_BACK)
  let hi = 0
  let lo = all.length
  while (hi < lo) { const m = (hi + lo) >> 1; if (all[m].start < before) hi = m + 1; else lo = m }
  const runs: Range[] = []
  for (let k = hi - 1; k >= 0 && all[k].end > stop; k--) {
    const r = all[k]
    runs.push(r.end > before ? { start: r.start, end: before } : r)
  }
  return runs
}

// Names of the document's proper-noun runs, titles trimmed: each is asked for by every
// later source that resolves a pronoun or a surname.
const trimmedNames = new WeakMap<Range, string>()

function runName(text: string, p: Prepared, r: Range): string {
  let name = trimmedNames.get(r)
  if (name === undefined) { name = trimTitles(text, p, r); trimmedNames.set(r, name) }
  return name
}

function entityName(text: string, e: Entity): string {
  return e.canonical ?? text.slice(e.start, e.end)
}

/**
 * The name a source refers to. Named sources give the canonical name of the longest
 * entity inside them, else their closing proper-noun run when a title or description
 * precedes it ("North Korean leader Kim Jong" -> "Kim Jong", "state media KCNA" ->
 * "KCNA"), else their own text with titles trimmed. Pronouns ("he", "they", "who") and
 * definite nominals ("the agency") take the nearest preceding compatible named mention:
 * an entity of a matching type when the entities layer has mentions, else a proper-noun
 * run, preferring one that already named a source. A bare surname expands to the fuller
 * name the article introduced it with ("Kim" -> "Kim Jong"). "which" and "that" give null:
 * their antecedent is rarely a name.
 */
export function resolveSource(
  text: string, p: Prepared, src: Range, entities: readonly Entity[], named: ReadonlySet<string>,
  content: readonly Range[] = [],
): string | null {
  // "The group, which was founded by John Smith,", "The firm, led by Maria Okafor,": a clause
  // set off after the source's head describes it, and the names in it are not who speaks
  const clause = describingClauseAt(text, p, src)
  if (clause > 0) return resolveSource(text, p, { start: src.start, end: clause }, entities, named, content)
  const s0 = p.tokens.start[src.start]
  const e0 = p.tokens.end[src.end - 1]
  const inside = entities.filter((e) => e.start >= s0 && e.end <= e0)
  let hasPropn = false
  let hasConj = false
  for (let i = src.start; i < src.end; i++) {
    if (p.tokens.pos[i] === PROPN) hasPropn = true
    if (p.tokens.pos[i] === CCONJ) hasConj = true
  }
  const first = wordAt(text, p, src.start)
  const single = src.end - src.start === 1
  if (single && first === 'which') return bodyBeforeWhich(text, p, src.start, entities)
  if (single && (RELATIVE_THINGS.has(first) || p.tokens.pos[src.start] === DET)) return null
  const isPronoun = single && (PERSONAL.has(first) || COLLECTIVE.has(first))
  // A nominal's head is its last word, or the word before "of" ("the former secretary of state").
  let headAt = src.end - 1
  for (let i = src.start + 2; i < src.end - 1; i++) if (wordAt(text, p, i) === 'of') { headAt = i - 1; break }
  // "the Ukrainian president", "Ukraine's president": a nationality or a country's possessive
  // before a person's role describes the one person who holds it, not who speaks
  const nationality = isPronoun ? null : roleNationality(text, p, src, inside, headAt)
  const isNominal = nationality !== null ||
    (!isPronoun && !hasPropn && inside.length === 0 && DEFINITE.has(first) && headAt - src.start < 4 && src.end - src.start <= 7)
  if (!isPronoun && !isNominal) {
    // "Philippe Lazzarini, the head of UNRWA, the UN agency": a name before an appositive
    // is the speaker, whatever bodies the appositive names.
    const comma = appositiveAt(p, src)
    const lead = inside.filter((e) => e.type !== 'GPE' && e.type !== 'NORP' && e.end <= comma)
    if (lead.length > 0 && !hasConj) return entityName(text, lead[lead.length - 1])
    if (inside.length > 0) {
      // The speaker is the person or organisation, not the nationality describing it
      // ("North Korean leader Kim Jong Un"); among equals, the head comes last.
      const best = inside.reduce((a, b) => (typeRank(b) >= typeRank(a) ? b : a))
      // A place or nationality names the speaker only as the head of the source ("said
      // North Korea"), not as a modifier ("US officials") or one of a pair.
      const isHead = !hasConj && text.slice(best.end, e0).trim().replace(/[,.]$/, '') === ''
      if (typeRank(best) === 3 || isHead) return entityName(text, best)
    }
    // An appositive after a name describes it ("Mitch McConnell, the majority leader").
    let end = src.end
    for (let i = src.start + 1; i < src.end; i++) {
      if (p.punct[i] !== P_COMMA) continue
      let named = false
      for (let k = src.start; k < i; k++) if (p.tokens.pos[k] === PROPN) named = true
      if (named) end = i
      break
    }
    while (end > src.start + 1 && p.tokens.pos[end - 1] === PUNCT) end--
    if (hasConj || p.tokens.pos[end - 1] !== PROPN) return trimTitles(text, p, { start: src.start, end })
    let start = end - 1
    while (start > src.start && p.tokens.pos[start - 1] === PROPN) start--
    const name = trimTitles(text, p, { start, end })
    if (NOT_SPEAKERS.has(name.toLowerCase())) return null
    return end - start > 1 ? name : fullerName(name, propnRuns(text, p, src.start), text, p)
  }
  const head = wordAt(text, p, headAt)
  // "the source", "the insiders", "The officials", "the voters": nobody the article names.
  if (isNominal && isUnnamedGroup(head)) return null
  if (isNominal && !PERSON_NOUNS.has(head) && !NAMED_KINDS.has(head)) {
    // "the campaign" after "the Sanders campaign", "the editorial board" after "the Wall
    // Street Journal editorial board": the name the phrase was introduced with.
    const owner = ownerBefore(text, p, src, entities)
    if (owner !== null) return owner
    // A document speaks for its maker, whom only a name written with it says ("the
    // report" after "an inspector general's report" is nobody named).
    if (DOCUMENT_HEADS.has(head)) return null
  }
  // "who" is the noun phrase right before it ("listeners who said", "Brinkley, a historian, who").
  if (single && first === 'who' && entities.length > 0) return relativeAntecedent(text, p, src.start, entities)
  // "the mayor", "the spokesman" stand for a person; "the ministry", "the company" for a body.
  const wantsPerson = PERSONAL.has(first) || (isNominal && PERSON_NOUNS.has(head))
  // "A NATO official, who spoke on condition of anonymity, said ... the official said": the
  // person the article did not name, not the last name it wrote
  if (isNominal && PERSON_NOUNS.has(head) && unnamedBefore(text, p, src.start, head)) return null
  // "..., according to a human rights organisation in contact with them. The organisation said":
  // the body the article did not name, not the country met before it. (Not after an appositive
  // or a predicate: "Greenpeace, an environmental group," and "Greenpeace is a group" name it.)
  if (isNominal && BODY_HEADS.has(head) && unnamedBefore(text, p, src.start, head, true)) return null
  if (entities.length > 0) {
    const best = antecedent(text, p, src, entities, named, wantsPerson, isNominal ? headAt : -1, content, nationality)
    if (best === null) return null
    // "the ministry", "the police": a body of that kind, not another body met before
    // ("the UN refugee agency ... The ministry put the toll at 87").
    const kind = NAMED_KINDS.get(head)
    if (isNominal && kind !== undefined && !kind.some((w) => namesHead(text, best, w))) return null
    return entityName(text, best)
  }
  const all = propnRuns(text, p, src.start)
  if (all.length === 0) return null
  const window = all.filter((r) => p.sent[src.start] - p.sent[r.start] <= 3)
  const pool = window.length > 0 ? window : all.slice(0, 1)
  const names = pool.map((r) => runName(text, p, r))
  // He and she want a person's name: two words or more, or the surname of one.
  const fits = names.map((n, k) => !wantsPerson || pool[k].end - pool[k].start >= 2 || hasLonger(n, all, text, p))
  let pick = names.findIndex((n, k) => fits[k] && named.has(n))
  if (pick < 0) pick = Math.max(0, fits.indexOf(true))
  return fullerName(names[pick], all, text, p)
}

/**
 * The entity a pronoun or definite nominal refers to, among the entities that end before
 * it. A compatible entity is a person for "he", "she" and person nouns ("the mayor"), a
 * body, medium or place for "it", "they" and other nominals ("the ministry"); a name the
 * entities stage could not type (OTHER) is compatible once it has named a source. Among
 * them, by priority: a name holding the nominal's head word ("the ministry" -> "Ministry
 * of Emergency Situations"), a name that already named a source (an article's speaker is
 * referred back to, not the place a figure is about: "Ukraine's General Staff said Russian
 * forces lost ... It said"), a body or person over a place and a place over a demonym,
 * then the nearest. Only the last few sentences are searched: an antecedent further back
 * is seldom what a pronoun means.
 */
function antecedent(
  text: string, p: Prepared, src: Range, entities: readonly Entity[], named: ReadonlySet<string>,
  wantsPerson: boolean, headAt: number, content: readonly Range[], nationality: string | null = null,
): Entity | null {
  // a nominal's head word ("ministry"), or null for a pronoun (headAt -1)
  const head = headAt < 0 ? null : wordAt(text, p, headAt)
  // Names inside the source's own quoted words are not who says it ("“... Obama had
  // will.i.am ...,” he said"); in reported speech they may be ("The IMF approved ..., the
  // fund said").
  const spoken = content.filter((r) => p.quote[r.start] !== 0)
    .map((r) => ({ start: p.tokens.start[r.start], end: p.tokens.end[r.end - 1] }))
  const s0 = p.tokens.start[src.start]
  const firstSent = p.sent[src.start] - ANTECEDENT_SENTENCES
  const word = wordAt(text, p, src.start)
  const gender = src.end - src.start === 1 ? PRONOUN_GENDER.get(word) ?? null : head !== null ? NOUN_GENDER.get(head) ?? null : null
  // the nominal's words before its head ("Democratic presidential" candidate), which a
  // title may share
  const modifiers: string[] = []
  for (let i = src.start + 1; i < headAt; i++) modifiers.push(wordAt(text, p, i))
  const plural = src.end - src.start === 1 && (word === 'they' || word === 'them')
  const isIt = src.end - src.start === 1 && word === 'it'
  const isBody = head !== null && BODY_HEADS.has(head)
  const people = peopleOf(text, p, entities)
  // Last words of the names that spoke, read only when a person's name is not among them as written.
  let namedLast: Set<string> | null = null
  // entities are in text order: walk back from the last one that starts before the source,
  // and stop at the window's edge, so a long article costs no more per pronoun than a short one
  let lo = 0
  let hi = entities.length
  while (lo < hi) { const m = (lo + hi) >> 1; if (entities[m].start < s0) lo = m + 1; else hi = m }
  let best: Entity | null = null
  let bestScore = -1
  for (let k = lo - 1; k >= 0 && lo - k <= ANTECEDENT_NAMES; k--) {
    const e = entities[k]
    if (sentenceOf(p, e.start) < firstSent) break
    if (e.end > s0 || spoken.some((r) => e.start >= r.start && e.end <= r.end)) continue
    const name = entityName(text, e)
    // "Putney" named a source as "Kerr Putney": the same person.
    const wasSource = named.has(name) || (people.isPerson(e) && (namedLast ??= new Set([...named].map(lastWord))).has(lastWord(name)))
    const fits = wantsPerson
      ? e.type === 'PERSON' || (e.type === 'OTHER' && (wasSource && /\s/.test(name) || people.isPerson(e)))
      // "they" is a body or a people, not one person nor a country (that is "it")
      : plural
        ? (e.type === 'ORG' || e.type === 'MEDIA' || e.type === 'NORP' || (e.type === 'OTHER' && wasSource)) && !people.isPerson(e)
        // "it" is no person; a nominal of a kind not listed may be ("the investor")
        // and a body's noun ("the administration") is no person either
        : (GROUP_TYPES.has(e.type) || (e.type === 'OTHER' && wasSource)) && !(isIt && people.isPerson(e)) &&
          // a body's noun is no one the lexicon or the article ("he", "Mrs.") gives a gender:
          // a name of two capitalised words alone may be a body's ("Homeland Security")
          !(isBody && (isNamedPerson(e, name) || people.genderOf(e) !== null))
    if (!fits) continue
    // "she" is not the man the article calls "he" (and the other way round).
    if (gender !== null && people.genderOf(e) === (gender === 'f' ? 'm' : 'f')) continue
    const titles = wantsPerson && head !== null ? titlesOf(text, p, entities).get(name) : undefined
    const hasHead = head !== null && (namesHead(text, e, head) || titles?.has(head) === true)
    // "the Ukrainian president" is a person the article named with that role ("President
    // Volodymyr Zelenskyy"), not another one met before nor one of another country
    if (nationality !== null && (!hasHead || isOfOtherCountry(text, e, titles, entities, nationality))) continue
    // A possessor ("a gun in Scott's hand") is seldom who a subject pronoun means.
    const isPossessor = /^['’]s\b/.test(text.slice(e.end, e.end + 3))
    let score = (hasHead ? 8 : 0) + (wasSource ? 4 : 0) + (KIND_RANK[e.type] ?? 0) - (isPossessor ? 1 : 0)
    if (hasHead && titles !== undefined) for (const m of modifiers) if (titles.has(m)) score += 8
    // walking back, the first of equal score is the nearest
    if (score > bestScore) { best = e; bestScore = score }
  }
  return best
}

/**
 * The country of the nationality or place that describes a person's role in a source ("the
 * Ukrainian president", "the Russian defence minister", "Ukraine's president", "the president
 * of Ukraine" -> Ukraine): a definite singular person noun (`PERSON_NOUNS`) whose only names
 * are demonyms or places of one country, after "the" or as the possessive that opens the
 * source. Null for any other source.
 */
function roleNationality(text: string, p: Prepared, src: Range, inside: readonly Entity[], headAt: number): string | null {
  if (inside.length === 0 || headAt - src.start > 4 || src.end - src.start > 7 || !PERSON_NOUNS.has(wordAt(text, p, headAt))) return null
  const headStart = p.tokens.start[headAt]
  // ("the president of Ukraine": the head is the word before "of")
  const ofAt = headAt < src.end - 1 ? p.tokens.end[headAt + 1] : headStart
  const countries = new Set<string>()
  for (const e of inside) {
    if ((e.type !== 'NORP' && e.type !== 'GPE') || (e.end > headStart && e.start < ofAt)) return null
    countries.add(e.country ?? entityName(text, e))
  }
  if (countries.size !== 1) return null
  // every proper noun is one of those names ("the Ukrainian Navy commander" names a body)
  for (let i = src.start; i < headAt; i++) {
    if (p.tokens.pos[i] === PROPN && !inside.some((e) => e.start <= p.tokens.start[i] && p.tokens.end[i] <= e.end)) return null
  }
  const opensWithPossessive = inside[0].start === p.tokens.start[src.start] && POSSESSIVE_MARK.test(text.slice(inside[0].end, inside[0].end + 3))
  if (!DEFINITE.has(wordAt(text, p, src.start)) && !opensWithPossessive) return null
  return [...countries][0]
}

/**
 * Whether a person is said to be of another country than `country`: by the gazetteer, or
 * by a demonym or place among the titles the article writes before their name ("Russian
 * President Vladimir Putin").
 */
function isOfOtherCountry(text: string, e: Entity, titles: ReadonlySet<string> | undefined, entities: readonly Entity[], country: string): boolean {
  if (e.type === 'PERSON' && e.country !== null) return e.country !== country
  if (titles === undefined) return false
  for (const place of entities) {
    if (place.type !== 'NORP' && place.type !== 'GPE') continue
    // titles are kept in lower case without marks ("Ukraine's" as "ukraines")
    const word = text.slice(place.start, place.end).toLowerCase().replace(NOT_TITLE_LETTERS, '')
    if ((titles.has(word) || titles.has(`${word}s`)) && (place.country ?? entityName(text, place)) !== country) return true
  }
  return false
}

// Heads of nominals that stand for a body, never for one person ("the administration").
const BODY_HEADS = new Set([
  'administration', 'government', 'agency', 'ministry', 'department', 'company', 'firm', 'organisation',
  'organization', 'group', 'committee', 'council', 'commission', 'office', 'service', 'bureau', 'campaign',
  'party', 'union', 'board', 'court', 'police', 'army', 'military', 'network', 'newspaper', 'paper',
  'station', 'channel', 'university', 'institute', 'bank', 'fund', 'authority', 'coalition', 'alliance',
  'charity', 'team', 'club', 'school', 'hospital', 'embassy', 'parliament', 'senate', 'congress', 'navy',
])

// Heads of definite nominals that stand only for a body whose name says what it is.
// The words a name holds for each ("The Israel Defense Forces said ... The army said").
const NAMED_KINDS = new Map<string, readonly string[]>([
  ['ministry', ['ministry', 'department']],
  ['police', ['police', 'constabulary', 'gendarmerie', 'nypd', 'lapd']],
  ['army', ['army', 'forces', 'military', 'idf']],
  ['navy', ['navy', 'naval', 'fleet']],
  ['court', ['court', 'tribunal']],
  ['parliament', ['parliament', 'knesset', 'duma', 'rada', 'assembly', 'congress', 'bundestag']],
  ['embassy', ['embassy']],
  ['senate', ['senate']],
  ['congress', ['congress']],
])

/** Whether an entity's name or mention holds the word `head`. */
function namesHead(text: string, e: Entity, head: string): boolean {
  return `${entityName(text, e)} ${text.slice(e.start, e.end)}`.toLowerCase().split(NON_LETTERS).includes(head)
}

const lastWord = (name: string) => name.slice(name.lastIndexOf(' ') + 1)

const docTitles = new WeakMap<Prepared, Map<string, Set<string>>>()
// Lower-case words inside titles before a name.
const TITLE_LINKS = new Set(['of', 'former', 'presidential', 'vice', 'deputy', 'state', 'front-runner', 'acting', 'then'])
// Person nouns that say a gender ("the actress", "the spokesman").
const NOUN_GENDER = new Map<string, Gender>([
  ...['actress', 'spokeswoman', 'chairwoman', 'woman', 'mother', 'daughter', 'wife', 'sister', 'widow', 'queen',
    'princess', 'congresswoman', 'businesswoman'].map((w): [string, Gender] => [w, 'f']),
  ...['spokesman', 'man', 'father', 'son', 'husband', 'brother', 'king', 'prince', 'congressman',
    'businessman'].map((w): [string, Gender] => [w, 'm']),
])

/**
 * The words of the titles each name is written after in a document ("RNC Chairman Reince
 * Priebus", "FBI Director James Comey"), so that "the chairman" finds Priebus where the
 * article later calls him by his surname alone.
 */
function titlesOf(text: string, p: Prepared, entities: readonly Entity[]): Map<string, Set<string>> {
  let titles = docTitles.get(p)
  if (titles !== undefined) return titles
  titles = new Map()
  for (const e of entities) {
    // the words right before the name that may make a title: capitalised ones, "of" and
    // the lower-case words titles are written with ("presidential candidate", "former
    // secretary of state"); "the governor endorsed Donald Trump" gives him no title
    const before = text.slice(Math.max(0, e.start - 60), e.start).split(/\s+/)
    const title: string[] = []
    for (let k = before.length - 1; k >= 0; k--) {
      const w = before[k]
      if (w === '') continue
      const lower = w.toLowerCase()
      if (!/^\p{Lu}/u.test(w) && !TITLE_LINKS.has(lower) && !PERSON_NOUNS.has(lower)) break
      title.push(lower.replace(NOT_TITLE_LETTERS, ''))
      if (/[,.;:]$/.test(w) && k < before.length - 1) break
    }
    if (title.length === 0) continue
    const name = entityName(text, e)
    const words = titles.get(name) ?? new Set<string>()
    for (const w of title) words.add(w)
    titles.set(name, words)
  }
  docTitles.set(p, titles)
  return titles
}

// Heads of definite nominals that stand for a text, a poll or a recording: they speak for
// whoever made them, which only a name written with them says ("the Pentagon report").
const DOCUMENT_HEADS = new Set([
  'report', 'letter', 'memo', 'memorandum', 'study', 'survey', 'poll', 'statement', 'document', 'documents',
  'filing', 'analysis', 'lawsuit', 'complaint', 'indictment', 'ruling', 'book', 'article', 'story', 'email',
  'video', 'ad', 'advertisement', 'release', 'tweet', 'post', 'footage', 'data', 'records', 'transcript',
  'assessment', 'review', 'audit', 'investigation', 'estimate', 'estimates', 'figures', 'tally', 'census',
])
// Platforms carry what others post: "a Facebook post" is not Facebook's.
const PLATFORMS = new Set(['facebook', 'twitter', 'instagram', 'youtube', 'tiktok', 'telegram', 'reddit', 'snapchat', 'whatsapp'])

/** Whether a nominal's head is people the article does not name: such a head, or a person noun's plural ("officials"). */
function isUnnamedGroup(head: string): boolean {
  return ANONYMOUS_HEADS.has(head) || (head.endsWith('s') && PERSON_NOUNS.has(head.slice(0, -1)))
}

/**
 * The name a definite nominal was introduced with: the nearest earlier mention of its
 * words ("campaign", "editorial board", compared by lemma) right after a proper name or a possessive one
 * ("the Sanders campaign", "Clinton's campaign"). An entity ending there gives its
 * canonical name, else the proper-noun run does.
 */
function ownerBefore(text: string, p: Prepared, src: Range, entities: readonly Entity[]): string | null {
  // by lemma, which the tokens stage gives in lower case: no string is made per token
  const lemma = p.tokens.lemma
  const words: string[] = []
  for (let i = src.start + 1; i < src.end; i++) words.push(lemma[i])
  if (words.length === 0) return null
  const stop = Math.max(1, src.start - LOOK_BACK)
  for (let j = src.start - words.length; j >= stop; j--) {
    let same = true
    // in lower case: "Fund" in "International Monetary Fund" is a name of its own
    for (let w = 0; w < words.length && same; w++) same = p.isCap[j + w] === 0 && lemma[j + w] === words[w]
    if (!same) continue
    // the name set after the phrase ("the abortion rights group NARAL")
    const after = j + words.length
    if (after < src.start && p.tokens.pos[after] === PROPN && p.isCap[after] === 1 && p.sent[after] === p.sent[j]) {
      const entity = entities.find((e) => e.start === p.tokens.start[after])
      if (entity !== undefined && entity.type !== 'NORP' && entity.type !== 'PERSON') return entityName(text, entity)
    }
    let k = j - 1
    if (k > 0 && p.tokens.pos[k] === PART) k--
    if (p.tokens.pos[k] !== PROPN || p.isCap[k] !== 1) continue
    const owner = wordAt(text, p, k)
    if (NOT_SPEAKERS.has(owner) || PLATFORMS.has(owner)) continue
    // A demonym or party word describes the phrase, it does not own it ("Republican
    // voters", "the Saudi prince"): the owner is a named body, person or place.
    const end = p.tokens.end[k]
    const entity = entities.find((e) => e.end === end)
    if (entity !== undefined) {
      if (entity.type === 'NORP') continue
      // "Aid groups warn ...": a word capitalised because it opens its sentence names no one
      const opens = k === 0 || p.sent[k - 1] !== p.sent[k]
      if (opens && entity.type === 'OTHER' && entity.start === p.tokens.start[k]) continue
      return entityName(text, entity)
    }
    // Untyped, a name of two words or more that does not open its sentence ("Exit polls").
    let s = k
    while (s > 0 && p.sent[s - 1] === p.sent[k] && p.tokens.pos[s - 1] === PROPN && p.isCap[s - 1] === 1) s--
    if (k > s && (s === 0 || p.sent[s - 1] === p.sent[s])) return runName(text, p, { start: s, end: k + 1 })
  }
  return null
}

// Heads of definite nominals for speakers an article does not name.
const ANONYMOUS_HEADS = new Set([
  'source', 'sources', 'insider', 'insiders', 'person', 'people', 'witness', 'witnesses', 'scientists', 'observers',
  'troops', 'locals', 'survivors', 'relatives', 'parents', 'sides', 'men', 'women',
])

/**
 * The name "who" stands for: an entity that ends right before it, or before the comma of
 * an appositive that runs to it ("Douglas Brinkley, a historian who"); null when the noun
 * phrase before it names no one ("black listeners who said").
 */
function relativeAntecedent(text: string, p: Prepared, who: number, entities: readonly Entity[]): string | null {
  const endsAt = (t: number) => entities.find((e) => e.end === p.tokens.end[t] && e.type !== 'GPE' && e.type !== 'NORP')
  let t = who - 1
  if (t >= 0 && p.punct[t] === P_COMMA) t--
  if (t < 0 || p.sent[t] !== p.sent[who]) return null
  const direct = endsAt(t)
  if (direct !== undefined) return entityName(text, direct)
  // back over an appositive (no verb, no other mark) to the comma after a name
  for (let k = t; k > 0 && who - k < 16 && p.sent[k] === p.sent[who]; k--) {
    if (p.tokens.pos[k] === VERB) return null
    if (p.punct[k] === P_COMMA) {
      const e = endsAt(k - 1)
      return e === undefined ? null : entityName(text, e)
    }
    if (p.punct[k] !== 0) return null
  }
  return null
}

/** A person's grammatical gender, as pronouns and honorifics show it. */
export type Gender = 'm' | 'f'
const PRONOUN_GENDER = new Map<string, Gender>([['he', 'm'], ['him', 'm'], ['his', 'm'], ['she', 'f'], ['her', 'f'], ['hers', 'f']])
// The pronouns' form hashes (Prepared.form): a token is read as a word only when its form
// hash is one of these, instead of slicing every token after a person's mention.
const PRONOUN_FORMS = new Set([...PRONOUN_GENDER.keys()].map(hashString))
const HONORIFIC_GENDER = new Map<string, Gender>([['mr.', 'm'], ['mr', 'm'], ['mrs.', 'f'], ['mrs', 'f'], ['ms.', 'f'], ['ms', 'f']])

/**
 * Who the people of a document are, for pronoun resolution, read once per document:
 * - a name the entities stage could not type (OTHER) is a person when it is two to four
 *   capitalised words with no word of a body or place ("Henry Crespo", not "Black
 *   Caucus"), or the last word of such a name met earlier ("Tompkins" after "Jimmy
 *   Tompkins"): the gazetteer knows few people, and a pronoun that may only take
 *   gazetteer persons skips most of an article's speakers;
 * - a person's gender, from the article itself: "Mr." or "Mrs."/"Ms." before a mention,
 *   and the gendered pronouns between a mention and the end of the next sentence, before
 *   any other name (at least twice as many of one kind, and at least one).
 */
class People {
  // Each person mention, with its name (what its gender is kept under).
  private readonly persons = new Map<Entity, string>()
  private readonly genders = new Map<string, Gender | null>()

  constructor(text: string, p: Prepared, entities: readonly Entity[], private readonly lexicon: GivenNames | null) {
    const surnames = new Set<string>()
    const counts = new Map<string, [number, number]>()
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k]
      const name = entityName(text, e)
      const words = name.split(/\s+/)
      const last = words[words.length - 1]
      let isPerson = e.type === 'PERSON'
      if (e.type === 'OTHER') {
        isPerson = (looksLikePersonName(words) && !isWholeSentence(p, e)) || (words.length === 1 && surnames.has(name))
      }
      if (!isPerson) continue
      // Gender is kept per name: the entities stage gives a bare surname the full name it
      // stands for ("Trump" -> "Donald Trump"), so "Ivanka Trump" keeps her own count.
      this.persons.set(e, name)
      surnames.add(last)
      const c = counts.get(name) ?? [0, 0]
      counts.set(name, c)
      const before = text.slice(Math.max(0, e.start - 5), e.start).trim().toLowerCase().split(/\s+/).pop() ?? ''
      const h = HONORIFIC_GENDER.get(before)
      if (h !== undefined) c[h === 'm' ? 0 : 1] += 2
      // Pronouns up to the end of the next sentence or the next name, whichever comes first.
      const nextName = k + 1 < entities.length ? entities[k + 1].start : text.length
      const t0 = tokenAfter(p, e.end)
      for (let t = t0; t < p.n && p.tokens.start[t] < nextName && p.sent[t] <= p.sent[t0] + 1; t++) {
        const g = PRONOUN_GENDER.get(p.tokens.lemma[t]) ?? (PRONOUN_FORMS.has(p.form[t]) ? PRONOUN_GENDER.get(wordAt(text, p, t)) : undefined)
        if (g !== undefined) c[g === 'm' ? 0 : 1]++
      }
    }
    for (const [name, [m, f]] of counts) {
      this.genders.set(name, m >= 1 && m >= 2 * f ? 'm' : f >= 1 && f >= 2 * m ? 'f' : null)
    }
  }

  isPerson(e: Entity): boolean {
    return this.persons.has(e)
  }

  /**
   * A person's gender: what the article says ("Mr.", "Mrs.", the pronouns after their
   * mentions), else what their given name says across PolNeAR train (`given-names.json`).
   */
  genderOf(e: Entity): Gender | null {
    const name = this.persons.get(e)
    if (name === undefined) return null
    const said = this.genders.get(name) ?? null
    if (said !== null || this.lexicon === null) return said
    // the person's own given name: "Ivanka Trump" is not "Donald Trump"
    const first = givenNameOf(name)
    return first === null ? null : this.lexicon.get(first) ?? null
  }

  /** Each person named in full with the gender the article gives them: their given name's vote. */
  votes(): Array<[string, Gender]> {
    const out: Array<[string, Gender]> = []
    for (const [name, g] of this.genders) {
      const first = givenNameOf(name)
      if (g !== null && first !== null) out.push([first, g])
    }
    return out
  }
}

/** Whether an entity is a person by its type or by a given name the lexicon knows ("Tim Malloy", not "Homeland Security"). */
function isNamedPerson(e: Entity, name: string): boolean {
  if (e.type === 'PERSON') return true
  const given = givenNameOf(name)
  return given !== null && defaultGivenNames()?.has(given) === true
}

/** The first word of a name of two words or more ("Amanda Carpenter" -> "Amanda"), else null. */
function givenNameOf(name: string): string | null {
  const space = name.search(/\s/)
  return space > 0 ? name.slice(0, space) : null
}

/** Given names and the gender PolNeAR train's articles give the people who bear them. */
export type GivenNames = ReadonlyMap<string, Gender>

const GIVEN_NAMES_PATH = fileURLToPath(new URL('../../../models/attribution/given-names.json', import.meta.url))
let givenNames: GivenNames | null | undefined

/**
 * The committed given-name lexicon (`models/attribution/given-names.json`, built by
 * `train-given-names.ts`), read once; null when the file is absent.
 */
export function defaultGivenNames(): GivenNames | null {
  if (givenNames === undefined) {
    const buf = readModelFile(undefined, GIVEN_NAMES_PATH, 'given-name lexicon')
    if (buf === null) givenNames = null
    else {
      const json = JSON.parse(buf.toString('utf8')) as { m: string[]; f: string[] }
      givenNames = new Map<string, Gender>([...json.m.map((n): [string, Gender] => [n, 'm']), ...json.f.map((n): [string, Gender] => [n, 'f'])])
    }
  }
  return givenNames
}

/**
 * The given names of a document's people with the gender the document itself gives them
 * (honorifics and pronouns after their mentions): the votes `train-given-names.ts` counts.
 */
export function givenNameVotes(text: string, p: Prepared, entities: readonly Entity[]): Array<[string, Gender]> {
  return new People(text, p, entities, null).votes()
}

const peopleCache = new WeakMap<Prepared, People>()

function peopleOf(text: string, p: Prepared, entities: readonly Entity[]): People {
  let people = peopleCache.get(p)
  if (people === undefined) { people = new People(text, p, entities, defaultGivenNames()); peopleCache.set(p, people) }
  return people
}

/** Whether a mention is all its sentence holds but a closing mark: a heading ("Gender Equality."). */
function isWholeSentence(p: Prepared, e: Entity): boolean {
  const first = tokenAfter(p, e.start)
  let last = tokenAfter(p, e.end)
  while (last < p.n && p.sent[last] === p.sent[first] && p.punct[last] !== 0) last++
  const opensSentence = first === 0 || p.sent[first - 1] !== p.sent[first]
  return opensSentence && (last >= p.n || p.sent[last] !== p.sent[first])
}

/** The first token that starts at or after a character offset. */
function tokenAfter(p: Prepared, offset: number): number {
  let lo = 0
  let hi = p.n
  while (lo < hi) { const m = (lo + hi) >> 1; if (p.tokens.start[m] < offset) lo = m + 1; else hi = m }
  return lo
}

/** The sentence of the token that starts at or covers a character offset. */
function sentenceOf(p: Prepared, offset: number): number {
  let lo = 0
  let hi = p.n - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (p.tokens.start[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return p.sent[lo]
}

// The words of each run's name, split once (asked for by every later surname).
const runWordLists = new WeakMap<Range, readonly string[]>()

function runWords(text: string, p: Prepared, r: Range): readonly string[] {
  let words = runWordLists.get(r)
  if (words === undefined) { words = runName(text, p, r).split(' '); runWordLists.set(r, words) }
  return words
}

/** A bare surname's fuller form: the earliest longer run that contains it. */
function fullerName(name: string, runs: Range[], text: string, p: Prepared): string {
  for (let k = runs.length - 1; k >= 0; k--) {
    const r = runs[k]
    if (r.end - r.start < 2) continue
    if (runWords(text, p, r).includes(name)) {
      const full = runName(text, p, r)
      if (full !== name) return full
    }
  }
  return name
}

function hasLonger(name: string, runs: Range[], text: string, p: Prepared): boolean {
  return runs.some((r) => r.end - r.start >= 2 && runWords(text, p, r).includes(name))
}

/**
 * The offset of the comma that sets off an appositive after a name at the start of a
 * source ("Philippe Lazzarini, the head of UNRWA"): a comma with a proper noun right before
 * it and a determiner or common noun after it. -1 when the source has none.
 */
function appositiveAt(p: Prepared, src: Range): number {
  for (let i = src.start + 1; i + 1 < src.end; i++) {
    if (p.punct[i] !== P_COMMA) continue
    const after = p.tokens.pos[i + 1]
    // "Grégoire Goodstein, who heads the IOM mission in Haiti,": a relative clause describes the name too
    const describes = after === DET || after === ADJ || after === NOUN || p.tokens.lemma[i + 1] === 'who'
    return p.tokens.pos[i - 1] === PROPN && describes ? p.tokens.start[i] : -1
  }
  return -1
}

const RELATIVES = new Set(['which', 'who', 'whose'])

/**
 * The token of the first comma in a source that opens a relative or participle clause
 * ("The group, which was founded by ...", "The firm, led by ..."), with words before it;
 * 0 when there is none.
 */
function describingClauseAt(text: string, p: Prepared, src: Range): number {
  for (let i = src.start + 1; i + 1 < src.end; i++) {
    if (p.punct[i] !== P_COMMA) continue
    if (RELATIVES.has(wordAt(text, p, i + 1)) || p.tokens.pos[i + 1] === VERB) return i
  }
  return 0
}

/**
 * ", which also said": "which" stands for the noun phrase right before its comma, and
 * names a speaker when that phrase holds an organisation or a medium ("a report by the
 * United Nations human rights office, which said" is the United Nations). Null otherwise:
 * "which" after a place, a person or a thing names no one.
 */
function bodyBeforeWhich(text: string, p: Prepared, which: number, entities: readonly Entity[]): string | null {
  const comma = which - 1
  if (comma < 1 || p.punct[comma] !== P_COMMA || p.sent[comma] !== p.sent[which]) return null
  let start = comma
  while (start > 0 && p.sent[start - 1] === p.sent[which] && comma - start < 8) {
    const pos = p.tokens.pos[start - 1]
    if (pos !== NOUN && pos !== PROPN && pos !== ADJ && pos !== DET && pos !== PART) break
    start--
  }
  if (start === comma || (p.tokens.pos[comma - 1] !== NOUN && p.tokens.pos[comma - 1] !== PROPN)) return null
  const from = p.tokens.start[start]
  const to = p.tokens.end[comma - 1]
  const bodies = entities.filter((e) => e.start >= from && e.end <= to && (e.type === 'ORG' || e.type === 'MEDIA'))
  return bodies.length > 0 ? entityName(text, bodies[bodies.length - 1]) : null
}

/**
 * Whether the last two sentences before token `at` introduce an unnamed person by the
 * head noun `head`: "a"/"an" within three words before it, and no name within eight words
 * after it ("A spokesman for the ministry, Ivan Petrov, said" names him). With
 * `isNamedBefore`, also none right before the article: a comma after a name or a form of
 * "be" ("Greenpeace, an environmental group", "Greenpeace is a group").
 */
function unnamedBefore(text: string, p: Prepared, at: number, head: string, isNamedBefore = false): boolean {
  const firstSent = p.sent[at] - 2
  for (let i = at - 1; i >= 0 && p.sent[i] >= firstSent; i--) {
    // (the length first: no slice for most tokens; `head` is a lexicon word in ASCII)
    if (p.tokens.end[i] - p.tokens.start[i] !== head.length || wordAt(text, p, i) !== head) continue
    let article = -1
    for (let k = i - 1; k >= 0 && k >= i - 3 && p.sent[k] === p.sent[i]; k--) {
      const w = wordAt(text, p, k)
      if (w === 'a' || w === 'an') article = k
    }
    if (article < 0) continue
    if (isNamedBefore && article > 0 && p.sent[article - 1] === p.sent[i] &&
      ((p.punct[article - 1] === P_COMMA && article > 1 && p.tokens.pos[article - 2] === PROPN) || p.tokens.lemma[article - 1] === 'be')) return false
    for (let k = i + 1; k < at && k <= i + 8 && p.sent[k] === p.sent[i]; k++) if (p.tokens.pos[k] === PROPN) return false
    return true
  }
  return false
}
