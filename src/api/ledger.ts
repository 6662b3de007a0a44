import { loadView, type LedgerView } from '../cli/commands/ledger-shared.ts'
import { canonicalSource } from '../reconcile/canonical.ts'
import { aliasResolver, type Figure } from '../reconcile/figures.ts'
import type { ClaimFilter, LedgerClaim, Store, StoredArticle } from '../store/store.ts'

/**
 * What the HTTP shells (API and web pages) read from the ledger, on top of the ledger's
 * own `loadView`: figure lookup by id or merged-away alias, the figure each claim
 * belongs to, and sources (the ledger has no per-source view yet, so this groups
 * claims by the reconcile's `canonicalSource`).
 */

export type { LedgerView }

// Reconciling reads every claim and article (0.5 s at 2,000 articles), and most
// requests need the same view: it is kept until the row counts change (an ingest, a
// decision, from this process or another) or it is older than VIEW_TTL_MS (a
// re-extraction elsewhere can change claims without changing counts).
const VIEW_TTL_MS = 10_000
const views = new WeakMap<Store, { readonly key: string; readonly at: number; readonly view: Promise<LedgerView> }>()

/** Reconcile the whole ledger (claims, story groups, decisions) into figures; cached, see above. */
export async function ledgerView(store: Store, filter: ClaimFilter = {}): Promise<LedgerView> {
  if (Object.keys(filter).length > 0) return loadView(store, filter)
  const counts = await store.counts()
  const key = `${counts.articles}/${counts.claims}/${counts.decisions}`
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
  /** Canonical name: the permalink key (`/sources/:name`). */
  readonly name: string
  /** The name as most often written. */
  readonly label: string
  readonly claims: number
  readonly articles: number
  readonly outlets: readonly string[]
  readonly first: string | null
  readonly last: string | null
  readonly categories: readonly string[]
}

/** The source a claim is attributed to (its resolved entity, else as written), canonical; null for the outlet's own voice. */
export function sourceKey(c: Pick<LedgerClaim, 'source' | 'sourceEntity'>): string | null {
  const name = c.sourceEntity ?? c.source
  if (name === null) return null
  const key = canonicalSource(name)
  return key === '' ? null : key
}

/** Group claims by source, most cited first. Claims in an outlet's own voice are not a source. */
export function summarizeSources(claims: readonly LedgerClaim[]): SourceSummary[] {
  const bySource = new Map<string, LedgerClaim[]>()
  for (const c of claims) {
    const key = sourceKey(c)
    if (key === null) continue
    const list = bySource.get(key)
    if (list) list.push(c)
    else bySource.set(key, [c])
  }
  const out: SourceSummary[] = []
  for (const [name, list] of bySource) {
    const spellings = new Map<string, number>()
    for (const c of list) {
      const s = c.sourceEntity ?? c.source ?? name
      spellings.set(s, (spellings.get(s) ?? 0) + 1)
    }
    const label = [...spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
    const dates = list.map((c) => c.asOf ?? c.published).filter((d): d is string => d !== null).sort()
    out.push({
      name, label, claims: list.length, articles: new Set(list.map((c) => c.articleKey)).size,
      outlets: [...new Set(list.map((c) => c.outlet).filter((o): o is string => o !== null))].sort(),
      first: dates[0] ?? null, last: dates[dates.length - 1] ?? null,
      categories: [...new Set(list.map((c) => c.category))].sort(),
    })
  }
  return out.sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name))
}

/** One source's summary and its claims, oldest first; null when no claim cites it. */
export function sourceDetail(view: Pick<LedgerView, 'claims'>, name: string): { summary: SourceSummary; claims: LedgerClaim[] } | null {
  const key = canonicalSource(name)
  const claims = view.claims.filter((c) => sourceKey(c) === key)
    .sort((a, b) => (a.asOf ?? a.published ?? '9999').localeCompare(b.asOf ?? b.published ?? '9999'))
  const summary = summarizeSources(claims)[0]
  return summary ? { summary, claims } : null
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

/** Expand `YYYY` or `YYYY-MM` to the first (or last) day it covers; `YYYY-MM-DD` is kept. */
export function expandDate(v: string | undefined, end: boolean): string | undefined {
  if (v === undefined) return undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v
  if (/^\d{4}-\d{2}$/.test(v)) return end ? `${v}-31` : `${v}-01`
  return end ? `${v}-12-31` : `${v}-01-01`
}
