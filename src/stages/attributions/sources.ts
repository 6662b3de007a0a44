import type { Attribution, Entity, EntityType } from '../../model/types.ts'
import { posId } from '../../model/doc.ts'
import type { Prepared } from './features.ts'

const PROPN = posId('PROPN')
const PERSONAL = new Set(['he', 'she', 'him', 'her', 'i', 'me'])
const COLLECTIVE = new Set(['they', 'them', 'it', 'we', 'us'])
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those'])
// Titles and honorifics dropped from the front of a named source ("President Barack
// Obama" -> "Barack Obama"); the list is the common set in US and UK news style guides.
const TITLES = new Set([
  'president', 'vice', 'sen.', 'senator', 'rep.', 'representative', 'gov.', 'governor', 'mr.', 'mrs.',
  'ms.', 'dr.', 'prof.', 'professor', 'secretary', 'minister', 'prime', 'spokesman', 'spokeswoman',
  'spokesperson', 'gen.', 'general', 'col.', 'lt.', 'mayor', 'chairman', 'chairwoman', 'judge',
  'justice', 'attorney', 'former', 'leader', 'chief', 'director', 'candidate', 'nominee', 'the', 'a',
])
// Capitalised proper nouns that never name a speaker (POS taggers mark them PROPN).
const NOT_SPEAKERS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
])
const PERSON_TYPES: ReadonlySet<EntityType> = new Set(['PERSON'])
const GROUP_TYPES: ReadonlySet<EntityType> = new Set(['ORG', 'MEDIA', 'GPE', 'NORP'])

interface Range { readonly start: number; readonly end: number }

function wordAt(text: string, p: Prepared, i: number): string {
  return text.slice(p.tokens.start[i], p.tokens.end[i]).toLowerCase()
}

function trimTitles(text: string, p: Prepared, r: Range): string {
  let s = r.start
  while (s < r.end - 1 && TITLES.has(wordAt(text, p, s))) s++
  let e = r.end
  // A possessive or trailing punctuation is not part of the name.
  while (e > s + 1 && (p.tokens.pos[e - 1] === posId('PUNCT') || p.tokens.pos[e - 1] === posId('PART'))) e--
  return text.slice(p.tokens.start[s], p.tokens.end[e - 1])
}

/** Proper-noun runs of the document before token `before`, nearest first. */
function propnRuns(text: string, p: Prepared, before: number): Range[] {
  const runs: Range[] = []
  let i = before - 1
  while (i >= 0) {
    if (p.tokens.pos[i] !== PROPN || p.isCap[i] === 0 || NOT_SPEAKERS.has(wordAt(text, p, i))) { i--; continue }
    let s = i
    while (s - 1 >= 0 && p.tokens.pos[s - 1] === PROPN && p.isCap[s - 1] === 1 && p.sent[s - 1] === p.sent[i]
      && !NOT_SPEAKERS.has(wordAt(text, p, s - 1))) s--
    runs.push({ start: s, end: i + 1 })
    i = s - 1
  }
  return runs
}

function entityName(text: string, e: Entity): string {
  return e.canonical ?? text.slice(e.start, e.end)
}

/**
 * The name a source refers to. Named sources give their own text (titles trimmed, or the
 * canonical name of an entity inside them); pronouns ("he", "they") and definite
 * nominals ("the agency") take the nearest preceding compatible named mention: an entity
 * of a matching type when the entities layer has mentions, else a proper-noun run,
 * preferring one that already named a source and expanding a surname to the fuller
 * name it was first given with ("Kim" -> "Kim Jong").
 */
export function resolveSource(
  text: string, p: Prepared, src: Range, entities: readonly Entity[], earlier: readonly Attribution[],
): string | null {
  const s0 = p.tokens.start[src.start]
  const e0 = p.tokens.end[src.end - 1]
  const inside = entities.filter((e) => e.start >= s0 && e.end <= e0)
  let hasPropn = false
  for (let i = src.start; i < src.end; i++) if (p.tokens.pos[i] === PROPN) hasPropn = true
  const first = wordAt(text, p, src.start)
  const isPronoun = src.end - src.start === 1 && (PERSONAL.has(first) || COLLECTIVE.has(first))
  const isNominal = !isPronoun && !hasPropn && inside.length === 0 && DEFINITE.has(first) && src.end - src.start <= 4
  if (!isPronoun && !isNominal) {
    if (inside.length > 0) {
      const best = inside.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a))
      return entityName(text, best)
    }
    return trimTitles(text, p, src)
  }
  const wantsPerson = PERSONAL.has(first)
  if (entities.length > 0) {
    const types = wantsPerson ? PERSON_TYPES : GROUP_TYPES
    let best: Entity | null = null
    for (const e of entities) if (e.end <= s0 && types.has(e.type) && (best === null || e.start > best.start)) best = e
    return best === null ? null : entityName(text, best)
  }
  const named = new Set(earlier.map((a) => a.sourceEntity).filter((x): x is string => x !== null))
  const runs = propnRuns(text, p, src.start)
  if (runs.length === 0) return null
  const window = runs.filter((r) => p.sent[src.start] - p.sent[r.start] <= 3)
  const pool = window.length > 0 ? window : runs.slice(0, 1)
  const names = pool.map((r) => trimTitles(text, p, r))
  let pick = names.findIndex((n) => named.has(n))
  if (pick < 0) pick = wantsPerson ? Math.max(0, names.findIndex((n, k) => pool[k].end - pool[k].start >= 2 || hasLonger(n, runs, text, p))) : 0
  const name = names[pick]
  // A bare surname resolves to the fuller name the article introduced it with.
  for (let k = runs.length - 1; k >= 0; k--) {
    const full = trimTitles(text, p, runs[k])
    if (full !== name && full.split(' ').includes(name)) return full
  }
  return name
}

function hasLonger(name: string, runs: Range[], text: string, p: Prepared): boolean {
  return runs.some((r) => r.end - r.start >= 2 && trimTitles(text, p, r).split(' ').includes(name))
}
