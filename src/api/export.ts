import { csvField, EXPORT_COLUMNS } from '../cli/commands/export.ts'
import type { Figure } from '../reconcile/figures.ts'

/**
 * The export behind the web app's CSV/JSON buttons: the same rows and columns as
 * `claimtrail export` (every point of every figure with its citation: outlet, URL,
 * date, quote), built from the ledger's figures. The CLI builds its rows inside its
 * command, so the mapping is repeated here, column for column.
 */

/** One exported point, keyed by the CLI's export columns. */
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

/** RFC 4180 CSV with a header row and CRLF line ends, as `claimtrail export` writes it. */
export function toCsv(rows: readonly ExportRow[]): string {
  return [EXPORT_COLUMNS.join(','), ...rows.map((r) => EXPORT_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\r\n') + '\r\n'
}
