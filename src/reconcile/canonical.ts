/**
 * Canonical forms that decide which claims measure the same thing: the counted noun's
 * head ("soldiers", "troops", "personnel" are one thing when counting deployments), the
 * source's name, and slugs for stable figure ids.
 */

/** Categories that count people in or around armed forces. */
const PERSONNEL_CATEGORIES = new Set(['deployed', 'killed', 'wounded', 'casualties', 'captured', 'missing'])

// Nouns that name the same counted thing. Military personnel nouns collapse into
// "troops": reports say "soldiers", "troops", "personnel" or "servicemen" for one figure.
const SYNONYMS: Record<string, string> = {
  troop: 'troops', troops: 'troops', soldier: 'troops', personnel: 'troops', serviceman: 'troops',
  servicemen: 'troops', servicemember: 'troops', fighter: 'troops', force: 'troops', forces: 'troops',
  combatant: 'troops', militant: 'troops', army: 'troops', military: 'troops', infantry: 'troops', infantryman: 'troops',
  infantrymen: 'troops', men: 'troops', commando: 'troops', conscript: 'troops', recruit: 'troops',
  officer: 'officers', general: 'generals',
  worker: 'workers', laborer: 'workers', labourer: 'workers', labor: 'workers', labour: 'workers',
  engineer: 'engineers', builder: 'workers', deminer: 'engineers', sapper: 'engineers',
  civilian: 'civilians', resident: 'civilians', staff: 'staff',
  person: 'people', people: 'people', individual: 'people', refugee: 'people',
  shell: 'shells', round: 'shells', ammunition: 'shells', munition: 'shells', shot: 'shells',
  missile: 'missiles', rocket: 'rockets', launcher: 'rocket launchers', howitzer: 'artillery systems',
  gun: 'artillery systems', artillery: 'artillery systems', container: 'containers', drone: 'drones',
  tank: 'tanks', vehicle: 'vehicles',
}

// Words that say what happened to the counted things, not what they are; they never make a head.
const EVENT_WORDS = new Set([
  'casualty', 'casualties', 'dead', 'death', 'deaths', 'killed', 'wounded', 'injured', 'loss', 'losses',
  'live', 'lives', 'body', 'bodies', 'prisoner', 'prisoners', 'pow', 'pows', 'captive', 'captives',
  'missing', 'injury', 'injuries', 'fatality', 'fatalities',
])

// Words of a toll: what they count is people, whoever they were.
// A phrase that is only the verb ("Flooding kills thousands", "150,000 may have died") names no soldiers either.
const TOLL_WORDS = new Set(['toll', 'death', 'deaths', 'dead', 'fatalities', 'fatality', 'body', 'bodies', 'lives', 'kills', 'die', 'died', 'dies'])

// Function words and verbs after which a counted phrase stops naming the thing counted.
const STOP = new Set([
  'of', 'that', 'who', 'which', 'have', 'has', 'had', 'were', 'was', 'are', 'is', 'be', 'been', 'in', 'to',
  'from', 'for', 'by', 'at', 'on', 'with', 'and', 'or', 'into', 'since', 'during', 'while',
])
const DETERMINERS = new Set([
  'the', 'a', 'an', 'some', 'about', 'around', 'more', 'than', 'another', 'additional', 'further', 'extra', 'other',
  // Pronouns point elsewhere; they never name what is counted.
  'them', 'they', 'those', 'these', 'it', 'its', 'their', 'all', 'each',
  // Number words belong to the quantity, not to what is counted.
  'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'dozen', 'dozens',
])

/** A crude English lemma for plural nouns: enough to equate "shells" and "shell". */
export function lemma(word: string): string {
  const w = word.toLowerCase()
  if (w.length <= 3 || w.endsWith('ss') || w.endsWith('us') || w === 'personnel' || w === 'people') return w
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y'
  if (/(?:ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('s')) return w.slice(0, -1)
  return w
}

/**
 * The canonical head of a counted phrase: "North Korean soldiers have been killed" ->
 * "troops", "artillery shells" -> "shells". Personnel categories without a head noun
 * ("4,000 casualties") count troops, as the reports this tool reads mostly mean, unless
 * the phrase is a toll ("the death toll", "deaths": people) or opens with a plural noun
 * of its own ("migrants died": migrant).
 */
export function countedHead(countedText: string, category: string): string {
  const tokens = countedText.toLowerCase().match(/[\p{L}]+(?:['’-][\p{L}]+)*/gu) ?? []
  // The head of an English noun phrase is its last noun: "artillery shells" counts shells.
  let head: string | null = null
  for (const t of tokens) {
    if (STOP.has(t)) break
    head = SYNONYMS[t] ?? SYNONYMS[lemma(t)] ?? head
  }
  if (head !== null) return head
  for (const t of tokens) {
    const canon = SYNONYMS[t] ?? SYNONYMS[lemma(t)]
    if (canon) return canon
  }
  if (PERSONNEL_CATEGORIES.has(category)) {
    // "migrants died or went missing": a plural noun that opens the phrase is what it counts
    const first = tokens.find((t) => !DETERMINERS.has(t))
    if (first !== undefined && !EVENT_WORDS.has(first) && !TOLL_WORDS.has(first) && !STOP.has(first) && first.endsWith('s') && lemma(first) !== first) return lemma(first)
    // "the death toll", "deaths", "bodies": a toll counts people, not troops
    if (tokens.some((t) => TOLL_WORDS.has(t))) return 'people'
    return 'troops'
  }
  if (category === 'displaced') return 'people'
  let last: string | null = null
  for (const t of tokens) {
    if (STOP.has(t)) break
    if (DETERMINERS.has(t) || EVENT_WORDS.has(t)) continue
    last = lemma(t)
  }
  return last ?? category
}

/** A URL-safe slug: lower case ASCII words joined by hyphens. */
export function slug(s: string): string {
  const out = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/['’]s\b/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return out === '' ? 'unknown' : out
}

/** A comparable form of a source name: lower case, no leading article or possessive noise. */
export function canonicalSource(name: string): string {
  let s = name.normalize('NFKC').replace(/\s+/g, ' ').trim()
  // "South Korea's National Intelligence Service (NIS)": the acronym is the stable name.
  const acronym = s.match(/\(([A-Z][A-Z0-9&.-]{1,9})\)/)
  if (acronym) return acronym[1].replace(/\./g, '').toLowerCase()
  // "Petra Vandrel, 52, said": an age set off by commas is no part of who speaks
  s = s.replace(/,\s*\d{1,3}\s*(?:,|$)/g, ' ')
  s = s.toLowerCase().replace(/^(?:the|a|an)\s+/, '').replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ')
  return s.trim()
}

/**
 * Whether a source names someone identifiable ("Ukraine's military intelligence",
 * "Western officials", "Kim Jong Un") rather than a generic or pronoun source
 * ("officials", "a source", "he"). Two outlets quoting "officials" may quote different
 * people; two quoting "the NIS" quote one source.
 */
export function isNamedSource(name: string): boolean {
  const ws = name.trim().split(/\s+/)
  return ws.some((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && /^(?:The|A|An|He|She|They|It|We|I|Officials?|Sources?)$/.test(w)))
}
