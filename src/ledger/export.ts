import type { Figure } from '../reconcile/figures.ts'

/*
 * The export of the ledger: every point of every figure with its citation (outlet, URL,
 * date, exact quote). `claimtrail export` and the web app's CSV/JSON buttons both write
 * these rows.
 */

/** Columns of the CSV export, in order; the JSON export uses the same names. */
export const EXPORT_COLUMNS = [
  'figure', 'label', 'category', 'subject', 'date', 'published', 'value', 'low', 'high', 'approx', 'bound', 'unit',
  'text', 'source', 'status', 'outlet', 'url', 'title', 'quote', 'claim', 'article', 'storyGroup',
] as const

/** One exported point, keyed by the export columns. */
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], unknown>

/** Filters of an export; dates bound the publication date, inclusive. */
export interface ExportFilter {
  readonly since?: string
  readonly until?: string
  readonly category?: string
}

/** The export rows of some figures. */
export function exportRows(figures: readonly Figure[], filter: ExportFilter = {}): ExportRow[] {
  return figures.filter((f) => filter.category === undefined || f.category === filter.category).flatMap((f) => f.points
    .filter((p) => (filter.since === undefined || (p.published ?? '') >= filter.since) && (filter.until === undefined || (p.published ?? '') <= filter.until))
    .map((p) => ({
      figure: f.id, label: f.label, category: f.category, subject: f.subject, date: p.date, published: p.published,
      value: p.value, low: p.low, high: p.high, approx: p.approx, bound: p.bound, unit: p.unit, text: p.text,
      source: p.source, status: p.status, outlet: p.outlet, url: p.url, title: p.title, quote: p.quote,
      claim: p.claimKey, article: p.articleKey, storyGroup: p.storyGroup,
    })))
}

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  // A leading =, +, - or @ makes spreadsheets evaluate the cell; a quote mark disarms it.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(rows: readonly ExportRow[]): string {
  return [EXPORT_COLUMNS.join(','), ...rows.map((r) => EXPORT_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\r\n') + '\r\n'
}
