import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { isGluedHyphen, POS_TAGS, type Doc, type TokenColumns } from '../../model/doc.ts'
import { ClaimtrailError, fileErrorReason } from '../../model/errors.ts'
import type { Entity, EntityType, Sentence } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'
import { TITLE_SMALL_WORDS, TITLES } from '../tokens/tokens.ts'
import { MONTH_NAMES, WEEKDAY_NAMES } from '../tokens/calendar.ts'

/** One known entity of the gazetteer file (see docs/figures.md for the format). */
export interface GazetteerEntry {
  readonly canonical: string
  readonly type: EntityType
  readonly country: string | null
  /** Names that always refer to the entity. */
  readonly aliases: readonly string[]
  /** Truncated names ("Kim Jong"): match unless the next token continues the name. */
  readonly partialAliases: readonly string[]
  /** Short names ("Kim"): match only after a full mention or right after a title word. */
  readonly shortAliases: readonly string[]
}

type AliasKind = 'full' | 'partial' | 'short'

interface AliasMatch {
  readonly entry: GazetteerEntry
  readonly kind: AliasKind
  /** The alias split into pieces, original case. */
  readonly pieces: readonly string[]
  /** All-caps aliases (KCNA, US, U.S.) match only in exactly that case. */
  readonly isCaseSensitive: boolean
}

interface TrieNode {
  readonly next: Map<string, TrieNode>
  matches: AliasMatch[]
}

/**
 * Names, aliases and types of known entities, indexed as a trie keyed by lower-cased
 * word pieces, so matching costs one Map lookup per piece whatever the gazetteer's size.
 */
export interface Gazetteer {
  readonly size: number
  readonly entries: readonly GazetteerEntry[]
  /** @internal the piece trie; built once by {@link buildGazetteer}. */
  readonly root: TrieNode
}

/** An entity while the stage builds it, with its tokens; linking may still rename or retype it. */
type Mention = { -readonly [K in keyof Entity]: Entity[K] } & {
  tokenStart: number
  tokenEnd: number
  /** Found as a run of capitalised words, not in the gazetteer: its canonical is its own text. */
  isRun: boolean
}

const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'MEDIA', 'NORP', 'TITLE', 'OTHER'] as const

const FileSchema = z.object({
  entities: z.array(z.object({
    canonical: z.string().min(1),
    type: z.enum(ENTITY_TYPES),
    country: z.string().min(1).nullable().optional(),
    aliases: z.array(z.string().min(1)).optional(),
    partialAliases: z.array(z.string().min(1)).optional(),
    shortAliases: z.array(z.string().min(1)).optional(),
  })),
})

// Word pieces: runs of letters/digits, or single other characters. Tokens and aliases are
// both cut this way, so "U.S." or "Jong-un" match whether the tokenizer keeps them whole or not.
const PIECE = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu

/** Split a string into word pieces, with typographic apostrophes made plain. */
export function pieces(text: string): string[] {
  return text.replace(/[\u2019\u2018`]/g, "'").match(PIECE) ?? []
}

/**
 * The {@link pieces} of every token, flat: token t's are `pieces[start[t]]` up to
 * `pieces[start[t + 1]]`, and `keys` holds them lower-cased (the trie's keys).
 */
interface TokenPieces {
  readonly pieces: readonly string[]
  readonly keys: readonly string[]
  readonly start: Int32Array
}

function tokenPieces(text: string, tokens: TokenColumns): TokenPieces {
  const all: string[] = []
  const keys: string[] = []
  const start = new Int32Array(tokens.count + 1)
  for (let t = 0; t < tokens.count; t++) {
    start[t] = all.length
    const s = tokens.start[t]
    const e = tokens.end[t]
    // Most tokens are one ASCII word or one printable ASCII mark other than the backtick
    // (which pieces() makes "'"): that is their only piece, and no regular expression runs.
    // A word with no capital is its own key: one string, whose hash the trie lookup and
    // the lower-case word set then share.
    let k = s
    let hasCapital = false
    for (; k < e; k++) {
      const u = text.charCodeAt(k)
      if (u >= 65 && u <= 90) hasCapital = true
      else if (!((u >= 48 && u <= 57) || (u >= 97 && u <= 122))) break
    }
    const c = text.charCodeAt(s)
    if ((k === e && e > s) || (e - s === 1 && c > 32 && c < 127 && c !== 96)) {
      const p = text.slice(s, e)
      all.push(p)
      keys.push(hasCapital ? p.toLowerCase() : p)
    } else {
      for (const p of pieces(text.slice(s, e))) { all.push(p); keys.push(p.toLowerCase()) }
    }
  }
  start[tokens.count] = all.length
  return { pieces: all, keys, start }
}

function parseEntries(json: unknown, origin: string): GazetteerEntry[] {
  const parsed = FileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ClaimtrailError('BAD_INPUT',
      `${origin}: not a gazetteer (${issue.path.join('.')}: ${issue.message}); see docs/figures.md for the format`)
  }
  return parsed.data.entities.map((e) => ({
    canonical: e.canonical, type: e.type, country: e.country ?? null,
    aliases: e.aliases ?? [e.canonical],
    partialAliases: e.partialAliases ?? [], shortAliases: e.shortAliases ?? [],
  }))
}

/**
 * Build a gazetteer from entries. Later entries win when two give the same alias, so a
 * user file can override the bundled names.
 */
export function buildGazetteer(entries: readonly GazetteerEntry[]): Gazetteer {
  const root: TrieNode = { next: new Map(), matches: [] }
  const add = (entry: GazetteerEntry, alias: string, kind: AliasKind) => {
    const ps = pieces(alias)
    if (ps.length === 0) return
    let node = root
    for (const p of ps) {
      const key = p.toLowerCase()
      let child = node.next.get(key)
      if (child === undefined) { child = { next: new Map(), matches: [] }; node.next.set(key, child) }
      node = child
    }
    const isCaseSensitive = /\p{Lu}/u.test(alias) && !/\p{Ll}/u.test(alias)
    const match = { entry, kind, pieces: ps, isCaseSensitive }
    node.matches = [match, ...node.matches.filter((m) => m.isCaseSensitive !== isCaseSensitive)]
  }
  for (const entry of entries) {
    for (const a of entry.aliases) add(entry, a, 'full')
    for (const a of entry.partialAliases) add(entry, a, 'partial')
    for (const a of entry.shortAliases) add(entry, a, 'short')
  }
  return { size: entries.length, entries, root }
}

const BUNDLED = new URL('./gazetteer.json', import.meta.url)

function readJson(path: string | URL, origin: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new ClaimtrailError('BAD_INPUT', `${origin}: cannot read the gazetteer file (${fileErrorReason(e)})`, { cause: e })
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new ClaimtrailError('BAD_INPUT', `${origin}: the gazetteer is not valid JSON (${(e as Error).message})`, { cause: e })
  }
}

/**
 * The bundled gazetteer (`gazetteer.json` beside this file), extended by an optional user
 * file in the same format; user entries override bundled ones that share an alias.
 *
 * @example
 * const gazetteer = loadGazetteer('my-names.json')
 */
export function loadGazetteer(userFile?: string): Gazetteer {
  const entries = parseEntries(readJson(BUNDLED, 'bundled gazetteer'), 'bundled gazetteer')
  if (userFile !== undefined) entries.push(...parseEntries(readJson(userFile, userFile), userFile))
  return buildGazetteer(entries)
}

const PROPN = POS_TAGS.indexOf('PROPN')

// Words that introduce a person: "President X", "leader X", "spokesman X".
const TITLE_WORDS = new Set([
  'president', 'leader', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'chairman',
  'chairwoman', 'secretary', 'general', 'gen', 'gen.', 'colonel', 'col', 'col.', 'commander',
  'chief', 'director', 'ambassador', 'envoy', 'senator', 'sen.', 'rep.', 'governor', 'mayor',
  'premier', 'chancellor', 'king', 'queen', 'prince', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.',
  'dr', 'dr.', 'counterpart', 'lawmaker', 'official', 'analyst', 'adviser', 'advisor', 'lieutenant',
  'captain', 'sergeant', 'major', 'admiral', 'marshal', 'head', 'deputy', 'aide', 'correspondent',
  'reporter', 'professor', 'researcher', 'expert', 'pope', 'sister', 'daughter', 'son', 'wife',
  // ("Budget Commissioner Piotr Serafin", "Brigadier General Main Uddin", "Judge Mette Lund")
  'commissioner', 'brigadier', 'inspector', 'superintendent', 'prosecutor', 'judge',
])
// The tokens stage keeps a title's period on it ("Rev.", "Sens.", "Gov."): those are titles too.
for (const t of TITLES) TITLE_WORDS.add(`${t.toLowerCase()}.`)

// Last words that make a capitalised name an organisation or a medium.
const ORG_HEADS = new Set([
  'agency', 'ministry', 'service', 'council', 'committee', 'party', 'army', 'forces', 'force',
  'command', 'university', 'institute', 'office', 'department', 'bank', 'company', 'corp',
  'corporation', 'inc', 'group', 'directorate', 'bureau', 'commission', 'assembly', 'parliament',
  'government', 'navy', 'guard', 'staff', 'foundation', 'center', 'centre', 'organization',
  'organisation', 'union', 'court', 'police', 'cabinet', 'administration', 'embassy', 'mission',
  'programme', 'program', 'fund', 'authority', 'alliance', 'coalition', 'federation', 'association', 'school', 'college',
])
const MEDIA_HEADS = new Set([
  'news', 'times', 'post', 'journal', 'herald', 'telegraph', 'guardian', 'tribune', 'tv', 'radio', 'daily',
  'independent', 'gazette', 'chronicle', 'observer',
])

// Capitalised words that are not names on their own.
const NOT_NAMES = new Set([
  ...MONTH_NAMES, ...WEEKDAY_NAMES, 'western', 'eastern', 'northern', 'southern', 'european', 'asian',
  'african', 'arab', 'i', 'mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.', 'god', 'new', 'photos',
  'various', 'several', 'many', 'most', 'some', 'other', 'others', 'both', 'each', 'every', 'all', 'few',
])

// Words of what a minister or director is of ("Foreign Affairs", "National Intelligence").
const PORTFOLIO_WORDS = new Set([
  'state', 'defense', 'defence', 'foreign', 'affairs', 'national', 'intelligence', 'homeland', 'security',
  'health', 'human', 'services', 'justice', 'interior', 'internal', 'home', 'education', 'energy',
  'treasury', 'commerce', 'labor', 'labour', 'agriculture', 'transportation', 'transport', 'veterans',
  'housing', 'urban', 'development', 'finance', 'economy', 'economic', 'trade', 'industry', 'public',
  'emergency', 'emergencies', 'situations', 'information', 'culture', 'environment', 'staff', 'war',
])

// Party labels written before a name.
const PARTY_WORDS = new Set(['democrat', 'democratic', 'republican', 'gop', 'libertarian', 'independent', 'labour', 'tory', 'conservative', 'liberal'])

// Words that follow a party label in the names of its bodies and events ("Republican
// National Convention", "Democratic Presidential Debate"), never a given name.
const PARTY_NAME_WORDS = new Set(['national', 'presidential', 'senatorial', 'congressional', 'political', 'federal', 'central'])

/**
 * Whether the words after a party label may be a person's name ("Democrat Hillary
 * Clinton", "Republican Trump"), not what names a body or an event ("Republican National
 * Convention", "Liberal Democrats", "GOP Debate": one word the article also writes in
 * lower case).
 */
function isNameAfterLabel(words: readonly string[], isCommonWord: (w: string) => boolean): boolean {
  // "Senator Dianne Feinstein, Democrat of California": left as the stage has read it
  if (words[0] === 'of') return true
  if (words.length === 1) return !NOT_PERSON_WORDS.has(words[0].toLowerCase()) && !isCommonWord(words[0])
  return looksLikePersonName(words) && !PARTY_NAME_WORDS.has(words[0].toLowerCase())
}

const CONTINUE_POS = new Set(['VERB', 'AUX', 'ADP', 'PRON', 'ADV', 'SCONJ', 'DET'])

/** Look up the longest gazetteer match that starts at token `i` and ends on a token boundary. */
function matchAt(
  tp: TokenPieces, i: number, sentenceEnd: number, gazetteer: Gazetteer,
): { end: number; match: AliasMatch } | null {
  const { keys, start } = tp
  let node: TrieNode | undefined = gazetteer.root
  const from = start[i]
  // Most tokens start no name: answer them with one lookup.
  if (from < start[i + 1] && !node.next.has(keys[from])) return null
  let best: { end: number; match: AliasMatch } | null = null
  for (let t = i; t < sentenceEnd && node !== undefined; t++) {
    // A name does not jump over white space inside what the alias writes as one word.
    for (let k = start[t]; k < start[t + 1]; k++) {
      node = node.next.get(keys[k])
      if (node === undefined) break
    }
    if (node === undefined) break
    for (const m of node.matches) {
      if (casesAgree(m, tp.pieces, from)) { best = { end: t + 1, match: m }; break }
    }
  }
  return best
}

/** Whether the document's pieces from `docPieces[from]` on are written as the alias allows. */
function casesAgree(m: AliasMatch, docPieces: readonly string[], from: number): boolean {
  if (m.isCaseSensitive) {
    for (let k = 0; k < m.pieces.length; k++) if (m.pieces[k] !== docPieces[from + k]) return false
    return true
  }
  const a = m.pieces[0][0]
  const d = docPieces[from][0]
  // "Turkey" the country, not "turkey"; "Nato" also as "NATO".
  return a === a.toLowerCase() || d !== d.toLowerCase()
}

function isCapitalised(s: string): boolean {
  const c = s[0]
  return c !== undefined && c !== c.toLowerCase()
}

/**
 * Find entities: gazetteer names by longest match over tokens, then capitalised proper-noun
 * runs the gazetteer does not know, with a guessed type and their own text as canonical.
 */
export function findEntities(doc: Doc, gazetteer: Gazetteer): Entity[] {
  const text = doc.text
  const tokens = doc.get('tokens')
  const sentences = doc.get('sentences')
  const tp = tokenPieces(text, tokens)
  const covered = new Uint8Array(tokens.count)
  // Words the document writes in lower case somewhere ("candidate", "notice"): read once, when first asked.
  let lowerWords: Set<string> | null = null
  const isCommonWord = (w: string) => {
    lowerWords ??= lowerCaseWords(tp.pieces)
    return lowerWords.has(w.toLowerCase())
  }
  let found: Array<Mention> = []
  const seen = new Set<string>()
  // A place's partial or short alias ("Jordan") that the article also writes after a given
  // name ("Jim Jordan") is that person's surname everywhere in it: by lower-cased word.
  const surnames = new Set<string>()
  const placeAliases: Array<{ mention: Mention; key: string }> = []
  // The token before the current match: one closure for the document, not one a match.
  let before = -1
  const mayBeGivenName = (w: string) => covered[before] === 0 && !isCommonWord(w)
  for (const s of sentences) {
    for (let t = s.tokenStart; t < s.tokenEnd;) {
      const hit = matchAt(tp, t, s.tokenEnd, gazetteer)
      if (hit === null) { t++; continue }
      before = t - 1
      const isPlaceAlias = hit.match.kind !== 'full' && hit.match.entry.type !== 'PERSON'
      if (isPlaceAlias && followsGivenName(hit.end, t, s, tokens, tp, mayBeGivenName)) {
        surnames.add(tp.keys.slice(tp.start[t], tp.start[t + 1]).join(' '))
      }
      if (isAccepted(hit, t, s, tokens, tp, seen, mayBeGivenName, (k) => isUntaggedName(text, tokens, k, isCommonWord))) {
        const { entry } = hit.match
        if (hit.match.kind !== 'short') seen.add(entry.canonical)
        const mention: Mention = {
          start: tokens.start[t], end: tokens.end[hit.end - 1], type: entry.type,
          canonical: entry.canonical, country: entry.country, tokenStart: t, tokenEnd: hit.end, isRun: false,
        }
        found.push(mention)
        if (isPlaceAlias) placeAliases.push({ mention, key: tp.keys.slice(tp.start[t], tp.start[hit.end]).join(' ') })
        covered.fill(1, t, hit.end)
        t = hit.end
      } else {
        t++
      }
    }
  }
  const asSurnames = new Set<Mention>()
  for (const { mention, key } of placeAliases) {
    if (!surnames.has(key)) continue
    asSurnames.add(mention)
    covered.fill(0, mention.tokenStart, mention.tokenEnd)
  }
  // in one pass: a splice per mention grows with the square of a long text's mentions
  if (asSurnames.size > 0) found = found.filter((k) => !asSurnames.has(k))
  // Gazetteer matches by the token they end before, for the demonym-plus-name merge.
  const endingAt = new Map<number, Mention>()
  const startingAt = new Map<number, Mention>()
  for (const k of found) { endingAt.set(k.tokenEnd, k); startingAt.set(k.tokenStart, k) }
  const absorbed = new Set<Entity>()
  // Capitalised words the document writes only before "'s" ("Moody's", "McDonald's"): read once, when first asked.
  let possessiveWords: Set<string> | null = null
  const isPossessiveOnly = (w: string) => {
    possessiveWords ??= possessiveOnlyWords(text, tokens)
    return possessiveWords.has(w)
  }
  const article = { isPossessiveOnly }
  const runs = sentences.flatMap((s) => properNounRuns(text, tokens, s, covered, isCommonWord, { endingAt, startingAt }, absorbed, article))
  // A demonym merged into an organisation's name ("Russian Defence Ministry") is not kept apart.
  const all = [...found.filter((k) => !absorbed.has(k)), ...runs]
  all.sort((a, b) => a.start - b.start)
  const linked = linkSurnames(text, tokens, sentences, all, isCommonWord)
  return linked.map(({ start, end, type, canonical, country }) => ({ start, end, type, canonical, country }))
}

// Words that make a capitalised run a body or a place rather than a person's name.
const NOT_PERSON_WORDS = new Set([
  'department', 'ministry', 'committee', 'council', 'caucus', 'league', 'party', 'university', 'college',
  'school', 'institute', 'center', 'centre', 'foundation', 'association', 'union', 'bank', 'news', 'times',
  'post', 'journal', 'press', 'agency', 'office', 'house', 'senate', 'congress', 'court', 'police', 'army',
  'forces', 'group', 'company', 'corp.', 'inc.', 'network', 'show', 'campaign', 'administration', 'county',
  'city', 'state', 'states', 'street', 'avenue', 'park', 'hall', 'museum', 'hospital', 'church', 'coalition',
  'commission', 'board', 'service', 'fund', 'organization', 'alliance', 'federation', 'program', 'project',
  'healthcare', 'islamic', 'christian', 'muslim', 'jewish', 'catholic', 'democrats', 'republicans',
])

// First words of place names ("South Florida", "New Hampshire", "San Diego").
const PLACE_OPENERS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'new', 'san',
  'santa', 'los', 'las', 'saint', 'st.', 'fort', 'lake', 'mount', 'port', 'upper', 'lower', 'greater', 'rhode',
])

// A surname: a capital and lower-case letters, with the capitals of "McConnell",
// "DuVernay", "O'Rourke" or a double name ("Ocasio-Cortez"); not "RT" or "PACs".
const SURNAME = /^(?:Mc|Mac|O['’]|D['’]|De|Di|Du|La|Le)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u
const POSSESSIVE = /['’]s$/u
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u
const ALL_CAPS = /^\p{Lu}+$/u

/**
 * Whether the words of an untyped name read as a person's: two to four capitalised words,
 * none all capitals, none of a body or place, not opening like a place name ("Henry
 * Crespo", not "Black Caucus", "South Florida" or "CNN Politics").
 */
export function looksLikePersonName(name: readonly string[]): boolean {
  // the particles of "Osama bin Laden", "Abdulmenam al-Ghaithi" are no words of their own
  const words = name.filter((w) => !NAME_PARTICLES.has(w)).map((w) => w.replace(PARTICLE_PREFIX, ''))
  return words.length >= 2 && words.length <= 4 && !PLACE_OPENERS.has(words[0].toLowerCase()) &&
    words.every((w) => NAME_WORD.test(w) && !ALL_CAPS.test(w) && !NOT_PERSON_WORDS.has(w.toLowerCase()))
}

/** Whether a mention is all its sentence `s` holds but closing marks: a heading ("Gender Equality."). */
function isHeading(text: string, tokens: TokenColumns, s: Sentence | undefined, e: Mention): boolean {
  if (s === undefined || s.tokenStart !== e.tokenStart) return false
  for (let t = e.tokenEnd; t < s.tokenEnd; t++) if (LETTER_OR_DIGIT.test(text.slice(tokens.start[t], tokens.end[t]))) return false
  return true
}

/**
 * Within-document coreference of people's surnames. Once an article has written a
 * person's full name ("Pat Caddell", "Spokeswoman Jessica Ditto"), a later bare surname
 * ("Caddell said") is that person: its canonical becomes the full name, and a title on
 * either mention ("Mr. Caddell") makes all of them PERSON. A surname the tagger did not
 * read as a proper noun ("Lynch said", tagged a verb) is found too, when the article never
 * writes the word in lower case. Of two full names with one surname ("Bill Clinton",
 * "Hillary Clinton"), the one written more often so far is meant, the later on a tie.
 * Gazetteer names keep their own canonical: only names found as proper-noun runs are
 * renamed, though a gazetteer person's full name introduces its surname like any other.
 * Names in a headline line (a first line with no closing mark) introduce nobody.
 */
function linkSurnames(
  text: string, tokens: TokenColumns, sentences: readonly Sentence[], all: Mention[],
  isCommonWord: (w: string) => boolean,
): Mention[] {
  interface Person { readonly members: Mention[]; mentions: number; last: number }
  const bySurname = new Map<string, Person[]>()
  const pick = (surname: string, before: number): Person | null => {
    let best: Person | null = null
    for (const person of bySurname.get(surname) ?? []) {
      if (person.members[0].start >= before) continue
      if (best === null || person.mentions > best.mentions || (person.mentions === best.mentions && person.last > best.last)) best = person
    }
    return best
  }
  // A new mention of a known person: it takes the person's canonical name, and a PERSON
  // on either side ("Ms. Ditto") makes every mention a PERSON.
  const join = (person: Person, e: Mention) => {
    const head = person.members[0]
    if (e.type === 'PERSON' && head.type !== 'PERSON') for (const m of person.members) m.type = 'PERSON'
    e.canonical = head.canonical
    e.type = head.type
    person.members.push(e)
    person.mentions++
    person.last = e.start
  }
  // A headline in title case ("Derelict Obama and Clinton;") writes no full names.
  // In hard-wrapped text a first line may just wrap: then the tokens stage ran the first
  // sentence on past it (docs/tokens.md).
  const firstBreak = text.indexOf('\n')
  const isHeadline = firstBreak > 0 && !/[.!?"”’]\s*$/.test(text.slice(0, firstBreak)) &&
    sentences.length > 0 && sentences[0].end <= firstBreak
  const headlineEnd = isHeadline ? firstBreak : 0
  const covered = new Uint8Array(tokens.count)
  for (const e of all) covered.fill(1, e.tokenStart, e.tokenEnd)
  // Surnames the tagger missed, read only once a full name has been registered.
  const extra: Mention[] = []
  // Whether the one-word mention at token t may be a surname. "Day" after "Labor Day",
  // "Coal" after "Patriot Coal": a word the article also writes in lower case is a noun;
  // "Day 1", "Don't": a number or a negation after the word makes it no name.
  const maySurname = (t: number) => {
    // SURNAME opens with a capital: an ASCII first unit that is not A-Z answers without a slice.
    const c = text.charCodeAt(tokens.start[t])
    if (c < 128 && (c < 65 || c > 90)) return false
    const w = text.slice(tokens.start[t], tokens.end[t])
    if (!SURNAME.test(w) || isCommonWord(w)) return false
    const next = t + 1 < tokens.count ? text.slice(tokens.start[t + 1], tokens.end[t + 1]) : ''
    return !/^\d/.test(next) && !/^n['’]t$/i.test(next)
  }
  const scanUntil = (limit: number, from: number) => {
    for (let t = from; t < tokens.count && tokens.start[t] < limit; t++) {
      // A known surname may look inflected ("Priebus" -> lemma "priebu") or open a sentence
      // like a plural ("Priebus has", which properNounRuns leaves out): that a full name ends
      // in it is evidence enough.
      if (covered[t] !== 0 || !maySurname(t)) continue
      if (tokens.pos[t] === PROPN ? NOT_NAMES.has(tokens.lemma[t]) : !isUntaggedName(text, tokens, t, isCommonWord, false)) continue
      const w = text.slice(tokens.start[t], tokens.end[t])
      const person = pick(w, tokens.start[t])
      if (person === null) continue
      const e: Mention = { start: tokens.start[t], end: tokens.end[t], type: 'OTHER', canonical: w, country: null, tokenStart: t, tokenEnd: t + 1, isRun: true }
      extra.push(e)
      join(person, e)
    }
  }
  // a gazetteer person's bare surname: whom its first bare mention was read as (null: the gazetteer's person)
  const bareSurnames = new Map<string, Person | null>()
  let scanned = 0
  // The sentence of the current mention: mentions come in text order, so it only moves on.
  let si = 0
  for (const e of all) {
    scanUntil(e.start, scanned)
    scanned = e.tokenEnd
    while (si < sentences.length && sentences[si].tokenEnd <= e.tokenStart) si++
    // A gazetteer name keeps its canonical; a gazetteer person's full name may still
    // introduce a surname the gazetteer does not list.
    if (!e.isRun && e.type !== 'PERSON') continue
    const words = (e.canonical ?? '').split(' ')
    // "Trump told Vogue" in an article about Ivanka Trump: a gazetteer person's bare surname,
    // first written after the article named someone else of that surname in full and before
    // it named the gazetteer's person in full, is that other person, there and after (the
    // first bare mention decides; "Eric Trump ... Donald Trump ... Trump said" keeps Donald)
    if (!e.isRun && words.length > 1 && e.tokenEnd === e.tokenStart + 1 && text.slice(e.start, e.end) === words[words.length - 1]) {
      const surname = words[words.length - 1]
      if (!bareSurnames.has(surname)) {
        const people = bySurname.get(surname) ?? []
        let other: Person | null = null
        if (!people.some((x) => x.members[0].canonical === e.canonical)) {
          for (const person of people) if (other === null || person.mentions > other.mentions) other = person
        }
        bareSurnames.set(surname, other)
      }
      const other = bareSurnames.get(surname) ?? null
      if (other !== null) { join(other, e); continue }
    }
    if (words.length === 1) {
      if (!e.isRun) continue
      if (!maySurname(e.tokenStart)) continue
      const person = pick(words[0], e.start)
      if (person !== null) join(person, e)
    } else if ((e.type === 'PERSON' || looksLikePersonName(words)) && e.start >= headlineEnd && !isHeading(text, tokens, sentences[si], e)) {
      // "al-Ghaithi" is "Ghaithi" when the article writes the surname alone
      const surname = words[words.length - 1].replace(PARTICLE_PREFIX, '')
      if (!SURNAME.test(surname) || words.some((w) => POSSESSIVE.test(w))) continue
      const same = (bySurname.get(surname) ?? []).find((x) => x.members[0].canonical === e.canonical)
      if (same !== undefined) join(same, e)
      else {
        let people = bySurname.get(surname)
        if (people === undefined) { people = []; bySurname.set(surname, people) }
        people.push({ members: [e], mentions: 1, last: e.start })
      }
    }
  }
  scanUntil(text.length, scanned)
  if (extra.length === 0) return all
  return [...all, ...extra].sort((a, b) => a.start - b.start)
}

function isAccepted(
  hit: { end: number; match: AliasMatch }, t: number, s: Sentence, tokens: TokenColumns,
  tp: TokenPieces, seen: ReadonlySet<string>, mayBeGivenName: (w: string) => boolean,
  isUntaggedNameAt: (t: number) => boolean,
): boolean {
  const { kind, entry } = hit.match
  const next = hit.end < s.tokenEnd ? hit.end : -1
  // "Ivanka Trump", "Melania Trump": a known person's surname after another given name is
  // someone else; so is a place's partial or short alias, a name people bear too ("Jim Jordan").
  if ((entry.type === 'PERSON' || kind !== 'full') && followsGivenName(hit.end, t, s, tokens, tp, mayBeGivenName)) return false
  if (kind === 'full') return true
  // "Kim Jong Nam" is someone else: a truncated or short name must not run on; a place's
  // not into any capitalised word ("Chad Day", where the tagger reads "Day" as a noun).
  if (next >= 0 && (tokens.pos[next] === PROPN || entry.type !== 'PERSON') && isCapitalised(tp.start[next] < tp.start[next + 1] ? tp.pieces[tp.start[next]] : '')) return false
  // ("Navy commander Lee Sun": nor into a word the tagger read as a noun that the article
  // writes capitalised only, as the name runs read it; "Lee" alone is not Lee Jae-myung there)
  if (next >= 0 && entry.type === 'PERSON' && isUntaggedNameAt(next)) return false
  if (kind === 'partial') return true
  const isAfterTitle = t > s.tokenStart && TITLE_WORDS.has(tokens.lemma[t - 1])
  return seen.has(entry.canonical) || isAfterTitle
}

/**
 * Whether the one token `t` (a match ending before `end`) comes right after a given name.
 * A capitalised word the article also writes in lower case is no given name ("Candidate
 * Trump"), nor is the end of another name ("the Washington Post Trump").
 */
function followsGivenName(
  end: number, t: number, s: Sentence, tokens: TokenColumns, tp: TokenPieces, mayBeGivenName: (w: string) => boolean,
): boolean {
  const prev = t - 1
  return end - t === 1 && prev >= s.tokenStart && tokens.pos[prev] === PROPN &&
    !TITLE_WORDS.has(tokens.lemma[prev]) && tokens.end[prev] < tokens.start[t] && isGivenName(tp, prev) &&
    mayBeGivenName(tp.pieces[tp.start[prev]])
}

const LOWER_START = /^\p{Ll}/u

/** The pieces that start with a lower-case letter. */
function lowerCaseWords(pieces: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const p of pieces) {
    // ASCII answers without the regular expression: only a-z is lower case there.
    const c = p.charCodeAt(0)
    if (c < 128 ? c >= 97 && c <= 122 : LOWER_START.test(p)) out.add(p)
  }
  return out
}

const GIVEN_NAME = /^\p{Lu}\p{Ll}+$/u

/** Whether token `t` reads as a given name: one capitalised word of letters, not all capitals. */
function isGivenName(tp: TokenPieces, t: number): boolean {
  if (tp.start[t + 1] - tp.start[t] !== 1) return false
  const w = tp.pieces[tp.start[t]]
  return w.length >= 2 && GIVEN_NAME.test(w)
}

// Words after a hyphen that make a compound adjective of a name ("Smith-led"), not a name.
const COMPOUND_TAILS = new Set(['led', 'run', 'based', 'born', 'made', 'like', 'style', 'era', 'held', 'owned', 'backed', 'linked', 'free', 'type'])

/** Whether token `h` is a hyphen glued between a name and a short lower-case syllable. */
function isSyllableAfterHyphen(text: string, tokens: TokenColumns, h: number): boolean {
  if (!isGluedHyphen(text, tokens, h)) return false
  const word = text.slice(tokens.start[h + 1], tokens.end[h + 1])
  const follows = tokens.end[h + 1] < text.length ? text[tokens.end[h + 1]] : ' '
  return /^[a-z]{1,5}$/.test(word) && !COMPOUND_TAILS.has(word) && !/[\p{L}\p{N}-]/u.test(follows)
}

// Module-level: a \p{...} literal inside a function is compiled anew on every call once
// tsx (esbuild) has rewritten it as `new RegExp(...)`.
const LETTER = /\p{L}/u

/** Whether token t is a capitalised proper noun no gazetteer match covers. */
function isNameToken(text: string, tokens: TokenColumns, covered: Uint8Array, t: number): boolean {
  if (tokens.pos[t] !== PROPN || covered[t] !== 0) return false
  const c = text.charCodeAt(tokens.start[t])
  // ASCII: only A-Z is a capital letter.
  if (c < 128) return c >= 65 && c <= 90
  return isCapitalised(text[tokens.start[t]]) && LETTER.test(text[tokens.start[t]])
}

/** Whether token t is a capitalised word, not tagged a proper noun, that the article never writes in lower case. */
function isUntaggedName(text: string, tokens: TokenColumns, t: number, isCommonWord: (w: string) => boolean, askLemma = true): boolean {
  if (tokens.pos[t] === PROPN) return false
  // Most tokens fail GIVEN_NAME on their first unit: an ASCII one that is not A-Z.
  const c = text.charCodeAt(tokens.start[t])
  if (c < 128 && (c < 65 || c > 90)) return false
  const w = text.slice(tokens.start[t], tokens.end[t])
  const lower = w.toLowerCase()
  // An inflected word ("Goes", "Leaders") is a headline's verb or noun, not a name.
  return GIVEN_NAME.test(w) && (!askLemma || tokens.lemma[t] === lower) && !NOT_NAMES.has(lower) && !isCommonWord(w)
}

// Particles written in lower case inside personal names (Arabic, Dutch, German, Iberian, Italian).
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'dos', 'das', 'del', 'della', 'ter'])

/** The Arabic article glued to a surname ("al-Ghaithi"), which the surname alone leaves out. */
export const PARTICLE_PREFIX = /^(?:al|el)-/

/** The token after a run of name particles from `t` ("al-", "von der"), or `t` when none starts there. */
function particlesEnd(text: string, tokens: TokenColumns, t: number, to: number): number {
  let k = t
  while (k < to && NAME_PARTICLES.has(text.slice(tokens.start[k], tokens.end[k]))) {
    k++
    if (k + 1 < to && isGluedHyphen(text, tokens, k)) k++
  }
  return k
}

const isUpperCase = (c: number) => c >= 65 && c <= 90

// Words that join a body's head to its remit ("Ministry of Labour", "Institute for Strategic Studies").
const REMIT_WORDS = new Set(['of', 'for'])

/** Whether the run [t, end) is a body's name with "of" or "for" in it ("Ministry of Labour", "Centre for Strategic"). */
function bodyOf(tokens: TokenColumns, t: number, end: number): boolean {
  for (let k = t + 1; k < end - 1; k++) if (REMIT_WORDS.has(tokens.lemma[k])) return ORG_HEADS.has(tokens.lemma[k - 1])
  return false
}

/**
 * The token after a body's "of" or "for" and an optional "the" at `at`, when a name goes on
 * there ("School of Hygiene", "Institute for the Study of War"); -1 otherwise.
 */
function remitAt(text: string, tokens: TokenColumns, covered: Uint8Array, at: number, to: number): number {
  if (at + 1 >= to || !REMIT_WORDS.has(tokens.lemma[at])) return -1
  const k = tokens.lemma[at + 1] === 'the' ? at + 2 : at + 1
  return k < to && isNameToken(text, tokens, covered, k) ? k : -1
}

/**
 * Whether token t is a capitalised body's head the tagger read as a common noun, with a
 * remit after it ("the London School of Hygiene", "School of Oriental and African Studies").
 */
function isBodyHead(text: string, tokens: TokenColumns, covered: Uint8Array, t: number, to: number): boolean {
  return tokens.pos[t] !== PROPN && covered[t] === 0 && isUpperCase(text.charCodeAt(tokens.start[t])) &&
    ORG_HEADS.has(tokens.lemma[t]) && remitAt(text, tokens, covered, t + 1, to) >= 0
}

const POSSESSIVE_MARK = /^['’]s$/u

/** Whether every word of sentence `s` but the short ones of `TITLE_SMALL_WORDS` is capitalised ("Wealthy Voters Abandon Republican Party for Hillary Clinton"). */
function isTitleCase(text: string, tokens: TokenColumns, s: Sentence): boolean {
  let words = 0
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    const c = text.charCodeAt(tokens.start[t])
    const isLower = c < 128 ? c >= 97 && c <= 122 : LOWER_START.test(text[tokens.start[t]])
    if (isLower && !TITLE_SMALL_WORDS.has(text.slice(tokens.start[t], tokens.end[t]))) return false
    if (!isLower && LETTER.test(text[tokens.start[t]])) words++
  }
  return words >= 3
}

/** The capitalised words of a text that every time come right before a possessive "'s" token. */
function possessiveOnlyWords(text: string, tokens: TokenColumns): Set<string> {
  const possessive = new Set<string>()
  const bare = new Set<string>()
  for (let t = 0; t < tokens.count; t++) {
    if (!isUpperCase(text.charCodeAt(tokens.start[t]))) continue
    const w = text.slice(tokens.start[t], tokens.end[t])
    if (t + 1 < tokens.count && tokens.start[t + 1] === tokens.end[t] && POSSESSIVE_MARK.test(text.slice(tokens.start[t + 1], tokens.end[t + 1]))) possessive.add(w)
    else bare.add(w)
  }
  for (const w of bare) possessive.delete(w)
  return possessive
}

// Tags of a word after "McDonald's" that possesses nothing: a verb, a preposition, a conjunction ("McDonald's said").
const UNPOSSESSING_POS = new Set(['VERB', 'AUX', 'ADP', 'CCONJ', 'SCONJ'].map((tag) => POS_TAGS.indexOf(tag as (typeof POS_TAGS)[number])))
const UNPOSSESSING_MARKS = new Set(['.', ',', ';', ':', ')'])
// Words that go on a company's name after its founder's possessive ("Moody's Analytics", "Macy's Inc").
const COMPANY_WORDS = new Set([
  'analytics', 'investors', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'group', 'holdings', 'ratings',
  'restaurants', 'stores', 'capital', 'partners', 'securities', 'insurance', 'bank', 'register', 'foods', 'entertainment',
  'industries', 'associates', 'brothers', 'international', 'ltd', 'ltd.', 'plc', 'llc',
])

/**
 * Whether the "'s" after the one-word name at token `t` is part of a company's name
 * ("Moody's Analytics", "McDonald's said", "Macy's."): the article writes the name only with
 * it (`isPossessiveOnly`), the name is shaped like a surname (a founder's: not "MSNBC's"),
 * and what follows is a company word or possesses nothing ("Moody's analysts", "Bornsten's
 * earlier missive", "Philadelphia's Union League" stay possessives). Returns the token after
 * the name, or -1.
 */
function possessiveNameEnd(
  text: string, tokens: TokenColumns, s: Sentence, t: number, isPossessiveOnly: (w: string) => boolean,
): number {
  const mark = t + 1
  if (mark >= s.tokenEnd || tokens.start[mark] !== tokens.end[t] || !POSSESSIVE_MARK.test(text.slice(tokens.start[mark], tokens.end[mark]))) return -1
  const word = text.slice(tokens.start[t], tokens.end[t])
  if (!SURNAME.test(word) || !isPossessiveOnly(word)) return -1
  const next = mark + 1
  if (next >= s.tokenEnd || UNPOSSESSING_POS.has(tokens.pos[next]) || UNPOSSESSING_MARKS.has(text.slice(tokens.start[next], tokens.end[next]))) return next
  return isUpperCase(text.charCodeAt(tokens.start[next])) && COMPANY_WORDS.has(tokens.lemma[next]) ? next + 1 : -1
}

function properNounRuns(
  text: string, tokens: TokenColumns, s: Sentence, covered: Uint8Array, isCommonWord: (w: string) => boolean,
  known: { readonly endingAt: ReadonlyMap<number, Mention>; readonly startingAt: ReadonlyMap<number, Mention> }, absorbed: Set<Entity>,
  article: { readonly isPossessiveOnly: (w: string) => boolean },
): Array<Mention> {
  // A headline in title case capitalises words that join no name ("Voters Abandon Republican
  // Party for Hillary Clinton"): a body's remit is not read there.
  const readsRemit = !isTitleCase(text, tokens, s)
  const out: Array<Mention> = []
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    if (!isNameToken(text, tokens, covered, t) && !(readsRemit && isBodyHead(text, tokens, covered, t, s.tokenEnd))) continue
    let end = t + 1
    // "Ministry of Defence": one "of" between capitalised words stays inside the name.
    for (;;) {
      if (end < s.tokenEnd && (isNameToken(text, tokens, covered, end) || (readsRemit && isBodyHead(text, tokens, covered, end, s.tokenEnd)))) { end++; continue }
      // "Institute for Strategic Studies", "Institute for the Study of War", "International
      // Committee of the Red Cross": a body's head, "of" or "for", perhaps "the", and a name
      if (readsRemit && ORG_HEADS.has(tokens.lemma[end - 1]) && tokens.lemma[end] !== 'of') {
        const remit = remitAt(text, tokens, covered, end, s.tokenEnd)
        if (remit >= 0) { end = remit + 1; continue }
      }
      // (not into another body: "Technology Directorate of the Department of Homeland Security")
      if (readsRemit && end + 2 < s.tokenEnd && tokens.lemma[end] === 'of' && tokens.lemma[end + 1] === 'the' && ORG_HEADS.has(tokens.lemma[end - 1]) &&
        isNameToken(text, tokens, covered, end + 2) && !ORG_HEADS.has(tokens.lemma[end + 2])) { end += 3; continue }
      // "Loretta Lynch": the tagger reads some surnames as verbs or nouns. Inside a name, a
      // capitalised word the article never writes in lower case goes on with it.
      if (end < s.tokenEnd && covered[end] === 0 && isUntaggedName(text, tokens, end, isCommonWord)) { end++; continue }
      if (end + 1 < s.tokenEnd && tokens.lemma[end] === 'of' && isNameToken(text, tokens, covered, end + 1)) { end += 2; continue }
      // "Department of Health and Human Services", "School of Hygiene and Tropical Medicine":
      // after a body's "of", "and" joins the two halves of its remit
      if (end + 1 < s.tokenEnd && (tokens.lemma[end] === 'and' || text.slice(tokens.start[end], tokens.end[end]) === '&') &&
        isNameToken(text, tokens, covered, end + 1) && bodyOf(tokens, t, end)) { end += 2; continue }
      // ("School of Oriental and African Studies": a capitalised adjective before the name goes with it)
      if (end + 2 < s.tokenEnd && tokens.lemma[end] === 'and' && covered[end + 1] === 0 && isUpperCase(text.charCodeAt(tokens.start[end + 1])) &&
        isNameToken(text, tokens, covered, end + 2) && bodyOf(tokens, t, end)) { end += 3; continue }
      // "Sea-Watch", "Hewlett-Packard": two capitalised words joined by a hyphen are one name
      if (end + 1 < s.tokenEnd && isGluedHyphen(text, tokens, end) && covered[end + 1] === 0 &&
        isUpperCase(text.charCodeAt(tokens.start[end + 1]))) { end += 2; continue }
      // "Abdulmenam al-Ghaithi", "Osama bin Laden", "Ursula von der Leyen": particles in lower
      // case between the parts of a person's name
      const past = particlesEnd(text, tokens, end, s.tokenEnd)
      if (past > end && past < s.tokenEnd && isNameToken(text, tokens, covered, past)) { end = past + 1; continue }
      // "Lee Jae-sung", "Park Min-ho": a given name in two syllables joined by a hyphen, the
      // second in lower case, which the tagger does not read as a proper noun
      if (end - t >= 2 && end + 1 < s.tokenEnd && isSyllableAfterHyphen(text, tokens, end)) { end += 2; continue }
      // "Park Min-ho" where the tagger read the family name as a noun: a short capitalised
      // word the article never writes in lower case, right before such a given name
      if (end - t === 1 && t > s.tokenStart && end + 1 < s.tokenEnd && isSyllableAfterHyphen(text, tokens, end) &&
        covered[t - 1] === 0 && tokens.end[t - 1] - tokens.start[t - 1] <= 5 && isUntaggedName(text, tokens, t - 1, isCommonWord)) {
        t--
        end += 2
        continue
      }
      // "Moody's Analytics", "McDonald's said": a company named after its founder
      if (end - t === 1) {
        const named = possessiveNameEnd(text, tokens, s, t, article.isPossessiveOnly)
        if (named === end + 2) { end = named; continue }
        if (named === end + 1) end = named
      }
      break
    }
    let from = t
    // The head of "Ministry of Emergency Situations" or "Bank of Korea" is the word before
    // "of", not the last word: it says whether the name is a body.
    let headAt = end - 1
    for (let k = t + 1; k < end - 1; k++) if (REMIT_WORDS.has(tokens.lemma[k])) { headAt = k - 1; break }
    // "General Staff", "Chief Directorate": a body's name may start with a title word
    const isBody = ORG_HEADS.has(tokens.lemma[headAt]) || MEDIA_HEADS.has(tokens.lemma[headAt])
    // "Security Council Secretary Sergei Shoigu": the name is what follows the last title
    for (let k = end - 2; k >= t && !isBody; k--) if (TITLE_WORDS.has(tokens.lemma[k])) { from = k + 1; break }
    while (from < end && !isBody && TITLE_WORDS.has(tokens.lemma[from])) from++
    const afterTitle = from > t
    if (!isBody) {
      // "Secretary of State Jon Husted", "Director of National Intelligence James Clapper":
      // what a title is of is not the name either; it is a portfolio's words, or one word.
      if (from > t && from + 2 < end && tokens.lemma[from] === 'of') {
        let k = from + 1
        while (k + 1 < end && (PORTFOLIO_WORDS.has(tokens.lemma[k]) || tokens.lemma[k] === 'and')) k++
        from = k > from + 1 ? k : from + 2
      }
      // "Democrat Hillary Clinton", "Republican Donald Trump": a party label before a name;
      // but "Republican National Convention", "Liberal Democrats" are names with the label.
      while (from + 1 < end && PARTY_WORDS.has(text.slice(tokens.start[from], tokens.end[from]).toLowerCase()) &&
        isNameAfterLabel(text.slice(tokens.start[from + 1], tokens.end[end - 1]).split(' '), isCommonWord)) from++
    }
    const hasTitle = !isBody && (afterTitle || (t > s.tokenStart && TITLE_WORDS.has(tokens.lemma[t - 1])))
    const run = { from, end }
    t = end - 1
    if (run.from >= run.end) continue
    const single = run.end - run.from === 1
    const lemma = tokens.lemma[run.from]
    if (single && NOT_NAMES.has(lemma)) continue
    // wink tags sentence-initial plural nouns ("Officials said", "Photos released") as PROPN.
    const atStart = run.from === s.tokenStart || /^["“'‘(]$/.test(text.slice(tokens.start[run.from - 1], tokens.end[run.from - 1]))
    if (single && atStart && !hasTitle && /s$/.test(text.slice(tokens.start[run.from], tokens.end[run.from])) &&
      run.end < s.tokenEnd && CONTINUE_POS.has(POS_TAGS[tokens.pos[run.end]])) continue
    const head = tokens.lemma[headAt >= run.from ? headAt : run.end - 1]
    let type: EntityType = 'OTHER'
    if (hasTitle) type = 'PERSON'
    else if (ORG_HEADS.has(head)) type = 'ORG'
    else if (MEDIA_HEADS.has(head)) type = 'MEDIA'
    let start = run.from
    let country: string | null = null
    // "Russian Defence Ministry", "Ukraine's Security Service": the country names the owner.
    if (type === 'ORG' || type === 'MEDIA') {
      const isPossessive = run.from - 1 > s.tokenStart && /^['’]s$/.test(text.slice(tokens.start[run.from - 1], tokens.end[run.from - 1]))
      const prev = known.endingAt.get(run.from) ?? (isPossessive ? known.endingAt.get(run.from - 1) : undefined)
      if (prev !== undefined && (prev.type === 'NORP' || prev.type === 'GPE')) {
        country = prev.country
        // "Russian Defence Ministry" is one name; so are a body and a paper named after their
        // country or city ("Israel Defense Forces", "Kyiv Independent"), but not "Ukraine's
        // Security Service"
        if (prev.tokenEnd === run.from) { start = prev.tokenStart; absorbed.add(prev) }
      }
    }
    let last = run.end
    // "Ministry of Defense of Russia", "Bank of Japan": a body of a country is one name
    const owner = (type === 'ORG' || type === 'MEDIA') && last + 1 < s.tokenEnd && tokens.lemma[last] === 'of' ? known.startingAt.get(last + 1) : undefined
    // ("General Staff of Ukraine's Armed Forces": a country that owns the name after it is
    // not the body's; "the Bank of Japan's governor" still is)
    const owns = owner !== undefined && owner.tokenEnd + 1 < s.tokenEnd &&
      /^['’]s?$/.test(text.slice(tokens.start[owner.tokenEnd], tokens.end[owner.tokenEnd])) && tokens.pos[owner.tokenEnd + 1] === PROPN
    if (owner !== undefined && owner.type === 'GPE' && owner.tokenEnd <= s.tokenEnd && !owns) {
      country ??= owner.country
      last = owner.tokenEnd
      absorbed.add(owner)
    }
    const start16 = tokens.start[start]
    const end16 = tokens.end[last - 1]
    // A name wrapped over two lines of hard-wrapped text is one name with one space.
    const own = text.slice(start16, end16)
    const canonical = own.includes('\n') ? own.replace(/\s+/g, ' ') : own
    // Written out rather than spread from a span: V8 builds a spread object literal slowly,
    // and this one is made for every name (over half of the stage's time on Node 20).
    out.push({ start: start16, end: end16, type, canonical, country, tokenStart: start, tokenEnd: last, isRun: true })
  }
  return out
}

/** The stage that assigns `entities`. */
export function entitiesStage(gazetteer: Gazetteer): Stage {
  return defineStage({
    name: 'entities', requires: ['tokens', 'sentences'], assigns: ['entities'],
    run: (doc) => doc.withLayer('entities', findEntities(doc, gazetteer)),
  })
}
