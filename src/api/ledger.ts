import { loadView, type LedgerView } from '../ledger/view.ts'
import { canonicalSource } from '../reconcile/canonical.ts'
import { aliasResolver, type Figure, type TimelinePoint } from '../reconcile/figures.ts'
import type { ClaimFilter, LedgerClaim, Store, StoredArticle } from '../store/store.ts'
import { formatEstimate } from '../format/estimate.ts'

/**
 * What the HTTP shells (API and web pages) read from the ledger, on top of the ledger's
 * own `loadView`: figure lookup by id or merged-away alias, the figure each claim
 * belongs to, and sources (the ledger has no per-source view yet, so this groups
 * claims by the reconcile's `canonicalSource`).
 */

export type { LedgerView }

// Reconciling reads every claim and article (0.5 s at 2,000 articles), and most
// requests need the same view: it is kept until the row counts change (an ingest, a
// decision or an undo, from this process or another) or it is older than VIEW_TTL_MS (a
// re-extraction elsewhere can change claims without changing counts).
const VIEW_TTL_MS = 10_000
const views = new WeakMap<Store, { readonly key: string; readonly at: number; readonly view: Promise<LedgerView> }>()

/** Reconcile the whole ledger (claims, story groups, decisions) into figures; cached, see above. */
export async function ledgerView(store: Store, filter: ClaimFilter = {}): Promise<LedgerView> {
  if (Object.keys(filter).length > 0) return loadView(store, filter)
  const counts = await store.counts()
  const key = `${counts.articles}/${counts.claims}/${counts.decisions}/${counts.undone}`
  const cached = views.get(store)
  if (cached && cached.key === key && Date.now() - cached.at < VIEW_TTL_MS) return cached.view
  const view = loadView(store)
  views.set(store, { key, at: Date.now(), view })
  view.catch(() => views.delete(store))
  return view
}

/** The figure with this id, or the one a merged-away id now resolves to; null if none. */
export function figureById(view: Pick<LedgerView, 'figures' | 'decisions'>, id: string): Figure | null {
  const resolved = aliasResolver(view.decisions)(id)
  return view.figures.find((f) => f.id === resolved) ?? view.figures.find((f) => f.aliases.includes(id)) ?? null
}

/** Claim key -> id of the figure that holds it. */
export function figureOfClaim(figures: readonly Figure[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const f of figures) for (const p of f.points) out.set(p.claimKey, f.id)
  return out
}

/** A source, as the source pages list it. */
export interface SourceSummary {
  /**
   * The permalink key (`/sources/:name`): the reconcile's origin of the source's points,
   * without its `source:` prefix for named sources ("nis"); generic sources stay scoped
   * to their story ("generic:officials@Kyiv Wire") and an outlet's own voice is
   * "voice:Outlet", as `claimtrail sources` groups them.
   */
  readonly name: string
  /** The name as most often written. */
  readonly label: string
  readonly claims: number
  readonly articles: number
  readonly outlets: readonly string[]
  readonly first: string | null
  readonly last: string | null
  readonly figures: readonly string[]
}

const NAMED = 'source:'

function nameOfOrigin(origin: string): string {
  return origin.startsWith(NAMED) ? origin.slice(NAMED.length) : origin
}

function originsOf(figures: readonly Figure[]): Map<string, { figure: string; point: TimelinePoint }[]> {
  const by = new Map<string, { figure: string; point: TimelinePoint }[]>()
  for (const f of figures) {
    for (const p of f.points) {
      const list = by.get(p.origin)
      if (list) list.push({ figure: f.id, point: p })
      else by.set(p.origin, [{ figure: f.id, point: p }])
    }
  }
  return by
}

function summarize(origin: string, list: readonly { figure: string; point: TimelinePoint }[]): SourceSummary {
  const spellings = new Map<string, number>()
  for (const { point: p } of list) {
    const s = p.source ?? `${p.outlet ?? 'unknown outlet'} (own voice)`
    spellings.set(s, (spellings.get(s) ?? 0) + 1)
  }
  const label = [...spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
  const dates = list.map(({ point: p }) => p.date).filter((d): d is string => d !== null).sort()
  return {
    name: nameOfOrigin(origin), label, claims: list.length, articles: new Set(list.map(({ point: p }) => p.articleKey)).size,
    outlets: [...new Set(list.map(({ point: p }) => p.outlet).filter((o): o is string => o !== null))].sort(),
    first: dates[0] ?? null, last: dates[dates.length - 1] ?? null, figures: [...new Set(list.map((x) => x.figure))],
  }
}

/** Every source of the ledger's figures (by the reconcile's origin), most cited first. */
export function summarizeSources(figures: readonly Figure[]): SourceSummary[] {
  return [...originsOf(figures)].map(([origin, list]) => summarize(origin, list))
    .sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name))
}

// Words an acronym leaves out: "Joint Chiefs of Staff" is JCS.
const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'a', 'an'])

/**
 * The one named origin whose initials are `name` ("NIS" for "National Intelligence
 * Service", when the ledger knows it only by its full name); undefined when `name` is not
 * upper-case letters or names no origin, or several.
 */
function byInitials(origins: readonly string[], name: string): string | undefined {
  if (!/^[A-Z]{2,8}$/.test(name)) return undefined
  const matches = origins.filter((o) => o.startsWith(NAMED) && o.slice(NAMED.length).split(/[\s-]+/)
    .filter((w) => w !== '' && !MINOR_WORDS.has(w)).map((w) => w[0]).join('') === name.toLowerCase())
  return matches.length === 1 ? matches[0] : undefined
}

/**
 * One source's summary and its claims, oldest first; null when none. `name` is a
 * summary's `name`, or a named source as written ("South Korea's NIS", "US officials"),
 * or the initials of one known only by its full name ("JCS" for "Joint Chiefs of Staff").
 */
export function sourceDetail(view: Pick<LedgerView, 'claims' | 'figures'>, name: string): { summary: SourceSummary; claims: LedgerClaim[] } | null {
  const origins = originsOf(view.figures)
  const origin = [name, `${NAMED}${name}`, `${NAMED}${canonicalSource(name)}`].find((o) => origins.has(o))
    ?? byInitials([...origins.keys()], name)
  if (origin === undefined) return null
  const list = origins.get(origin) ?? []
  const keys = new Set(list.map(({ point: p }) => p.claimKey))
  const claims = view.claims.filter((c) => keys.has(c.key))
    .sort((a, b) => (a.asOf ?? a.published ?? '9999').localeCompare(b.asOf ?? b.published ?? '9999'))
  return { summary: summarize(origin, list), claims }
}

/** What a search finds: figures by label or id, articles and claims by full text. */
export interface SearchResult {
  readonly figures: readonly Figure[]
  readonly articles: readonly StoredArticle[]
  readonly claims: readonly LedgerClaim[]
}

/** Search the ledger for a user's words. */
export async function searchLedger(store: Store, view: Pick<LedgerView, 'figures'>, q: string): Promise<SearchResult> {
  const [articles, claims] = await Promise.all([store.articles({ text: q }), store.claims({ text: q })])
  const needle = q.toLowerCase()
  const figures = view.figures.filter((f) => f.label.toLowerCase().includes(needle) || f.id.includes(needle))
  return { figures, articles, claims }
}

/**
 * Claims that read the same (one estimate of one figure, counting the same words, from the
 * same source and cue, in the same quote) grouped into one line: a wire story carried by
 * three outlets is one claim in three articles, not three identical lines (session 14). The
 * search page shows one line per group, and `GET /api/search` gives each claim its group
 * (session 14, ux14b). Groups keep the claims' order; each group's first claim comes first.
 */
export function sameClaimGroups(claims: readonly LedgerClaim[], figureOf: ReadonlyMap<string, string>): LedgerClaim[][] {
  const groups = new Map<string, LedgerClaim[]>()
  for (const c of claims) {
    const key = JSON.stringify([
      figureOf.get(c.key) ?? null, formatEstimate(c), c.countedText, c.category, c.planned, c.additional, c.asOf,
      c.source, c.sourceEntity, c.cue, c.quote.replace(/\s+/g, ' ').trim(),
    ])
    const group = groups.get(key)
    if (group) group.push(c)
    else groups.set(key, [c])
  }
  return [...groups.values()]
}

/** Expand `YYYY` or `YYYY-MM` to the first (or last) day it covers; `YYYY-MM-DD` is kept. */
export function expandDate(v: string | undefined, end: boolean): string | undefined {
  if (v === undefined) return undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v
  if (/^\d{4}-\d{2}$/.test(v)) return end ? `${v}-31` : `${v}-01`
  return end ? `${v}-12-31` : `${v}-01-01`
}
