import { ClaimtrailError } from '../../model/errors.ts'
import { aliasResolver, buildFigures, type Decision, type Figure, type ReconcileOptions } from '../../reconcile/figures.ts'
import { groupNearDuplicates } from '../../reconcile/independence.ts'
import { openStore } from '../../store/open.ts'
import type { ClaimFilter, LedgerClaim, Store, StoredArticle } from '../../store/store.ts'
import type { CliIo } from '../command.ts'

/** Flags every ledger command takes. */
export const LEDGER_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const

/** Open the ledger: `--db PATH` (SQLite) if given, else PostgreSQL when DATABASE_URL is set, else ./claimtrail.db. */
export async function openLedger(db: string | undefined, io: CliIo): Promise<Store> {
  return openStore(db !== undefined ? { db } : { env: io.env })
}

/** Run `fn` with an open ledger, closing it afterwards whatever happens. */
export async function withLedger<T>(db: string | undefined, io: CliIo, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openLedger(db, io)
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

/** Stored decisions, checked: a row that is not a decision is a damaged ledger, said so. */
export async function loadDecisions(store: Store): Promise<Decision[]> {
  const rows = await store.decisions()
  return rows.map((r) => {
    const d = r.body as Decision
    if (typeof d !== 'object' || d === null || !['merge', 'split', 'rename'].includes(d.kind)) {
      throw new ClaimtrailError('STORE', `decision ${r.id} is not a merge, split or rename; the ledger may be damaged`)
    }
    return d
  })
}

/** Story groups of all stored articles: article key -> representative article key. */
export function storyGroups(articles: readonly StoredArticle[]): Map<string, string> {
  return groupNearDuplicates(articles.map((a) => ({ key: a.key, signature: a.signature, order: `${a.published ?? '9999'} ${a.key}` })))
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

/** Flags that tune agreement: `--tolerance` (relative, e.g. 0.1) and `--window` (days). */
export const TUNING_OPTIONS = {
  tolerance: { type: 'string' },
  window: { type: 'string' },
} as const

/** Read the tuning flags; absent ones keep reconcile's defaults. */
export function tuningFlags(values: { tolerance?: string; window?: string }): Pick<ReconcileOptions, 'tolerance' | 'windowDays'> {
  const out: { tolerance?: number; windowDays?: number } = {}
  if (values.tolerance !== undefined) {
    const t = Number(values.tolerance)
    if (!(t >= 0 && t < 1)) throw new ClaimtrailError('USAGE', `--tolerance ${values.tolerance}: give a fraction from 0 to below 1 (0.1 is 10%)`)
    out.tolerance = t
  }
  if (values.window !== undefined) {
    const w = Number(values.window)
    if (!(Number.isInteger(w) && w >= 0)) throw new ClaimtrailError('USAGE', `--window ${values.window}: give whole days, 0 or more`)
    out.windowDays = w
  }
  return out
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

/** Write objects as JSON lines. */
export function writeJsonLines(io: CliIo, rows: readonly unknown[]): void {
  for (const r of rows) io.stdout.write(JSON.stringify(r) + '\n')
}

/** Shorten text to `max` characters with an ellipsis. */
export function clip(s: string | null | undefined, max: number): string {
  const t = (s ?? '').replace(/\s+/g, ' ').trim()
  return t.length <= max ? t : t.slice(0, Math.max(0, max - 1)) + '…'
}

/** Write a plain-text table: a header row, a rule, aligned columns (right-aligned where asked). */
export function writeTable(io: CliIo, headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): void {
  if (rows.length === 0) {
    io.stdout.write('(none)\n')
    return
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)))
  const line = (cells: readonly string[]): string => cells.map((c, i) => {
    const pad = widths[i] - [...c].length
    return rightAligned.includes(i) ? ' '.repeat(pad) + c : c + ' '.repeat(pad)
  }).join('  ').trimEnd()
  io.stdout.write([line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n')
}

const FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** An estimate as people write it: "~12,000", "10,000-12,000", "≥3,000". */
export function formatEstimate(p: { value: number | null; low: number | null; high: number | null; approx: boolean; bound: string | null; unit?: string | null }): string {
  const body = p.value !== null ? FORMAT.format(p.value)
    : p.low !== null && p.high !== null ? `${FORMAT.format(p.low)}-${FORMAT.format(p.high)}` : '?'
  const prefix = (p.bound === 'at_least' ? '≥' : p.bound === 'at_most' ? '≤' : '') + (p.approx ? '~' : '')
  const unit = p.unit && p.unit !== 'times' ? (p.unit === '%' ? '%' : ` ${p.unit}`) : ''
  return prefix + body + unit
}

/** The figure as the JSON contract of `figures --json` gives it. */
export function figureJson(f: Figure): Record<string, unknown> {
  const dated = f.points.filter((p) => p.date !== null)
  const last = f.points[f.points.length - 1]
  return {
    id: f.id, label: f.label, category: f.category, subject: f.subject, counted: f.counted, planned: f.planned,
    points: f.points.length, independentSources: f.independentSources, independentReports: f.independentReports,
    status: f.status, first: dated[0]?.date ?? null, last: dated[dated.length - 1]?.date ?? null,
    latest: last ? formatEstimate(last) : null, aliases: f.aliases,
  }
}

/** Parse a `--since`/`--until` flag: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the first (or last) day. */
export function dateFlag(v: string | undefined, name: string, end = false): string | undefined {
  if (v === undefined) return undefined
  const m = v.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/)
  if (!m) throw new ClaimtrailError('USAGE', `--${name} ${v}: use YYYY, YYYY-MM or YYYY-MM-DD`)
  if (m[3]) return v
  if (m[2]) return end ? `${v}-31` : `${v}-01`
  return end ? `${v}-12-31` : `${v}-01-01`
}
