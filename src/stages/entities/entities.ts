import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { isGluedHyphen, POS_TAGS, type Doc, type TokenColumns } from '../../model/doc.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Entity, EntityType, Sentence } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'
import { TITLES } from '../tokens/tokens.ts'

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
    throw new ClaimtrailError('BAD_INPUT', `${origin}: cannot read the gazetteer file (${(e as Error).message})`, { cause: e })
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
  'programme', 'program', 'fund', 'authority', 'alliance', 'coalition', 'federation', 'association',
])
const MEDIA_HEADS = new Set(['news', 'times', 'post', 'journal', 'herald', 'telegraph', 'guardian', 'tribune', 'tv', 'radio', 'daily'])

// Capitalised words that are not names on their own.
const NOT_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'western', 'eastern', 'northern', 'southern', 'european', 'asian',
  'african', 'arab', 'i', 'mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.', 'god', 'new', 'photos',
  'various', 'several', 'many', 'most', 'some', 'other', 'others', 'both', 'each', 'every', 'all', 'few',
])

const CONTINUE_POS = new Set(['VERB', 'AUX', 'ADP', 'PRON', 'ADV', 'SCONJ', 'DET'])

/** Look up the longest gazetteer match that starts at token `i` and ends on a token boundary. */
function matchAt(
  tokenPieces: readonly string[][], i: number, sentenceEnd: number,
  gazetteer: Gazetteer,
): { end: number; match: AliasMatch } | null {
  let node: TrieNode | undefined = gazetteer.root
  let best: { end: number; match: AliasMatch } | null = null
  const docPieces: string[] = []
  for (let t = i; t < sentenceEnd && node !== undefined; t++) {
    // A name does not jump over white space inside what the alias writes as one word.
    for (const p of tokenPieces[t]) {
      node = node.next.get(p.toLowerCase())
      docPieces.push(p)
      if (node === undefined) break
    }
    if (node === undefined) break
    for (const m of node.matches) {
      if (casesAgree(m, docPieces)) { best = { end: t + 1, match: m }; break }
    }
  }
  return best
}

function casesAgree(m: AliasMatch, docPieces: readonly string[]): boolean {
  if (m.isCaseSensitive) return m.pieces.every((p, k) => p === docPieces[k])
  const a = m.pieces[0][0]
  const d = docPieces[0][0]
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
  const tokenPieces: string[][] = []
  for (let t = 0; t < tokens.count; t++) tokenPieces.push(pieces(text.slice(tokens.start[t], tokens.end[t])))
  const covered = new Uint8Array(tokens.count)
  const found: Array<Entity & { tokenStart: number; tokenEnd: number }> = []
  const seen = new Set<string>()
  for (const s of sentences) {
    for (let t = s.tokenStart; t < s.tokenEnd;) {
      const hit = matchAt( tokenPieces, t, s.tokenEnd, gazetteer)
      if (hit !== null && isAccepted(hit, t, s, tokens, tokenPieces, seen)) {
        const { entry } = hit.match
        if (hit.match.kind !== 'short') seen.add(entry.canonical)
        found.push({
          start: tokens.start[t], end: tokens.end[hit.end - 1], type: entry.type,
          canonical: entry.canonical, country: entry.country, tokenStart: t, tokenEnd: hit.end,
        })
        covered.fill(1, t, hit.end)
        t = hit.end
      } else {
        t++
      }
    }
  }
  // Gazetteer matches by the token they end before, for the demonym-plus-name merge.
  const endingAt = new Map<number, Entity & { tokenStart: number; tokenEnd: number }>()
  for (const k of found) endingAt.set(k.tokenEnd, k)
  const absorbed = new Set<Entity>()
  const runs = sentences.flatMap((s) => properNounRuns(text, tokens, s, covered, endingAt, absorbed))
  // A demonym merged into an organisation's name ("Russian Defence Ministry") is not kept apart.
  const all = [...found.filter((k) => !absorbed.has(k)), ...runs]
  all.sort((a, b) => a.start - b.start)
  return all.map(({ start, end, type, canonical, country }) => ({ start, end, type, canonical, country }))
}

function isAccepted(
  hit: { end: number; match: AliasMatch }, t: number, s: Sentence, tokens: TokenColumns,
  tokenPieces: readonly string[][], seen: ReadonlySet<string>,
): boolean {
  const { kind, entry } = hit.match
  if (kind === 'full') return true
  const next = hit.end < s.tokenEnd ? hit.end : -1
  // "Kim Jong Nam" is someone else: a truncated or short name must not run on.
  if (next >= 0 && tokens.pos[next] === PROPN && isCapitalised(tokenPieces[next][0] ?? '')) return false
  if (kind === 'partial') return true
  const isAfterTitle = t > s.tokenStart && TITLE_WORDS.has(tokens.lemma[t - 1])
  return seen.has(entry.canonical) || isAfterTitle
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

function properNounRuns(
  text: string, tokens: TokenColumns, s: Sentence, covered: Uint8Array,
  endingAt: ReadonlyMap<number, Entity & { tokenStart: number; tokenEnd: number }>, absorbed: Set<Entity>,
): Array<Entity & { tokenStart: number; tokenEnd: number }> {
  const out: Array<Entity & { tokenStart: number; tokenEnd: number }> = []
  const isNameToken = (t: number) => tokens.pos[t] === PROPN && covered[t] === 0 &&
    isCapitalised(text[tokens.start[t]]) && /\p{L}/u.test(text[tokens.start[t]])
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    if (!isNameToken(t)) continue
    let end = t + 1
    // "Ministry of Defence": one "of" between capitalised words stays inside the name.
    for (;;) {
      if (end < s.tokenEnd && isNameToken(end)) { end++; continue }
      if (end + 1 < s.tokenEnd && tokens.lemma[end] === 'of' && isNameToken(end + 1)) { end += 2; continue }
      // "Lee Jae-sung", "Park Min-ho": a given name in two syllables joined by a hyphen, the
      // second in lower case, which the tagger does not read as a proper noun
      if (end - t >= 2 && end + 1 < s.tokenEnd && isSyllableAfterHyphen(text, tokens, end)) { end += 2; continue }
      break
    }
    let from = t
    // The head of "Ministry of Emergency Situations" or "Bank of Korea" is the word before
    // "of", not the last word: it says whether the name is a body.
    let headAt = end - 1
    for (let k = t + 1; k < end - 1; k++) if (tokens.lemma[k] === 'of') { headAt = k - 1; break }
    // "General Staff", "Chief Directorate": a body's name may start with a title word
    const isBody = ORG_HEADS.has(tokens.lemma[headAt]) || MEDIA_HEADS.has(tokens.lemma[headAt])
    // "Security Council Secretary Sergei Shoigu": the name is what follows the last title
    for (let k = end - 2; k >= t && !isBody; k--) if (TITLE_WORDS.has(tokens.lemma[k])) { from = k + 1; break }
    while (from < end && !isBody && TITLE_WORDS.has(tokens.lemma[from])) from++
    const hasTitle = !isBody && (from > t || (t > s.tokenStart && TITLE_WORDS.has(tokens.lemma[t - 1])))
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
      const prev = endingAt.get(run.from) ?? (isPossessive ? endingAt.get(run.from - 1) : undefined)
      if (prev !== undefined && (prev.type === 'NORP' || prev.type === 'GPE')) {
        country = prev.country
        if (prev.type === 'NORP' && prev.tokenEnd === run.from) { start = prev.tokenStart; absorbed.add(prev) }
      }
    }
    const span = { start: tokens.start[start], end: tokens.end[run.end - 1] }
    out.push({ ...span, type, canonical: text.slice(span.start, span.end), country, tokenStart: start, tokenEnd: run.end })
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
