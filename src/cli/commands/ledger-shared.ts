import { formatEstimate as formatAmount } from '../../format/estimate.ts'
import { isDateBound } from '../../ingest/files.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import type { ReconcileOptions } from '../../reconcile/figures.ts'
import { openStore } from '../../store/open.ts'
import type { Store } from '../../store/store.ts'
import type { CliIo } from '../command.ts'

export { figureJson, findFigure, loadDecisions, loadView, storyGroups, type LedgerView } from '../../ledger/view.ts'

/** An estimate in a terminal table: ranges with a plain hyphen ("10,000-12,000"). */
export const formatEstimate = (p: Parameters<typeof formatAmount>[0]): string => formatAmount(p, '-')

/** Flags every ledger command takes. */
export const LEDGER_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const

/**
 * Open the ledger: `--db PATH` (SQLite) if given, else PostgreSQL when DATABASE_URL is set,
 * else ./claimtrail.db. Only commands that add articles (`create`) make a new SQLite file:
 * a listing with a mistyped --db says so instead of showing an empty ledger it just made.
 */
export async function openLedger(db: string | undefined, io: CliIo, options: { readonly create?: boolean } = {}): Promise<Store> {
  const mustExist = options.create !== true
  return openStore(db !== undefined ? { db, mustExist } : { env: io.env, mustExist })
}

/** Run `fn` with an open ledger, closing it afterwards whatever happens. */
export async function withLedger<T>(
  db: string | undefined, io: CliIo, fn: (store: Store) => Promise<T>, options: { readonly create?: boolean } = {},
): Promise<T> {
  const store = await openLedger(db, io, options)
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
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
 * Read `--limit N` (a whole number from 1; absent: no limit, every row) and `--offset N`
 * (rows to skip first, default 0), as the API's `limit` and `offset` page its listings.
 */
export function limitFlag(v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v.trim()) || Number(v) < 1) throw new ClaimtrailError('USAGE', `--limit ${v}: give a whole number of rows, 1 or more`)
  return Number(v)
}

/** Read `--offset N`; see {@link limitFlag}. */
export function offsetFlag(v: string | undefined): number {
  if (v === undefined) return 0
  if (!/^\d+$/.test(v.trim())) throw new ClaimtrailError('USAGE', `--offset ${v}: give a whole number of rows to skip, 0 or more`)
  return Number(v)
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

/** Parse a `--since`/`--until` flag: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the first (or last) day. */
export function dateFlag(v: string | undefined, name: string, end = false): string | undefined {
  if (v === undefined) return undefined
  const m = v.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/)
  // A month 13 or a 30 February would filter silently on a date that does not exist.
  if (!m || !isDateBound(v)) throw new ClaimtrailError('USAGE', `--${name} ${v}: use YYYY, YYYY-MM or YYYY-MM-DD`)
  if (m[3]) return v
  if (m[2]) return end ? `${v}-31` : `${v}-01`
  return end ? `${v}-12-31` : `${v}-01-01`
}
