import { ClaimtrailError } from '../model/errors.ts'
import { aliasResolver, buildFigures, latestPoint, type Decision, type Figure, type ReconcileOptions } from '../reconcile/figures.ts'
import { groupNearDuplicates } from '../reconcile/independence.ts'
import type { ClaimFilter, LedgerClaim, Store, StoredArticle, StoredDecision } from '../store/store.ts'
import { formatEstimate } from '../format/estimate.ts'

/*
 * The ledger as the shells see it: stored claims, articles and decisions reconciled
 * into figures. The CLI, the HTTP API and the web app all read figures through here.
 */

/** A stored decision's body, checked: a row that is not a decision is a damaged ledger, said so. */
export function decisionOf(r: StoredDecision): Decision {
  const d = r.body as Decision
  if (typeof d !== 'object' || d === null || !['merge', 'split', 'rename'].includes(d.kind)) {
    throw new ClaimtrailError('STORE', `decision ${r.id} is not a merge, split or rename; the ledger may be damaged`)
  }
  return d
}

/** The decisions that apply, in the order made: every stored one but those undone. */
export async function loadDecisions(store: Store): Promise<Decision[]> {
  const rows = await store.decisions()
  return rows.filter((r) => r.undoneAt === null).map(decisionOf)
}

/**
 * Story groups of all stored articles: article key -> representative article key. The
 * representative (the "original" the others are copies of) is the earliest published;
 * among copies published the same day, the first stored: a wire story is usually read
 * before the sites that carry it, and a content hash says nothing about which came first.
 */
export function storyGroups(articles: readonly StoredArticle[]): Map<string, string> {
  return groupNearDuplicates(articles.map((a) => ({ key: a.key, signature: a.signature, order: `${a.published ?? '9999'} ${a.ingestedAt} ${a.key}` })))
}

/** Everything a figure view needs, computed from the store. */
export interface LedgerView {
  readonly figures: readonly Figure[]
  readonly claims: readonly LedgerClaim[]
  readonly decisions: readonly Decision[]
  readonly groups: ReadonlyMap<string, string>
}

/** Read claims, articles and decisions, and reconcile them into figures. */
export async function loadView(store: Store, filter: ClaimFilter = {}, tuning: Pick<ReconcileOptions, 'tolerance' | 'windowDays'> = {}): Promise<LedgerView> {
  const [claims, articles, decisions] = await Promise.all([store.claims(filter), store.articles(), loadDecisions(store)])
  const groups = storyGroups(articles)
  const articleOutlets = new Map(articles.map((a) => [a.key, a.outlet]))
  return { figures: buildFigures(claims, groups, decisions, { ...tuning, articleOutlets }), claims, decisions, groups }
}

/**
 * Find a figure by id, by a merged-away id, by label, or by a unique part of either.
 * Throws NOT_FOUND with suggestions when nothing or several figures match.
 */
export function findFigure(view: Pick<LedgerView, 'figures' | 'decisions'>, ref: string): Figure {
  const resolved = aliasResolver(view.decisions)(ref)
  const exact = view.figures.find((f) => f.id === resolved || f.aliases.includes(ref))
  if (exact) return exact
  const lower = ref.toLowerCase()
  const byLabel = view.figures.filter((f) => f.label.toLowerCase() === lower)
  if (byLabel.length === 1) return byLabel[0]
  const partial = view.figures.filter((f) => f.id.includes(lower) || f.label.toLowerCase().includes(lower))
  if (partial.length === 1) return partial[0]
  if (partial.length > 1) {
    throw new ClaimtrailError('NOT_FOUND', `"${ref}" matches ${partial.length} figures (${partial.slice(0, 4).map((f) => f.id).join(', ')}${partial.length > 4 ? ', …' : ''}); give the full id`)
  }
  throw new ClaimtrailError('NOT_FOUND', `no figure "${ref}"; run 'claimtrail figures' for the list`)
}

/** The figure as the JSON contract of `figures --json` gives it. */
export function figureJson(f: Figure): Record<string, unknown> {
  const dated = f.points.filter((p) => p.date !== null)
  const last = latestPoint(f.points)
  return {
    id: f.id, label: f.label, category: f.category, subject: f.subject, counted: f.counted, planned: f.planned, additional: f.additional,
    points: f.points.length, independentSources: f.independentSources, independentReports: f.independentReports,
    status: f.status, first: dated[0]?.date ?? null, last: dated[dated.length - 1]?.date ?? null,
    latest: last ? formatEstimate(last, '-') : null, aliases: f.aliases,
  }
}

