import type { LedgerClaim } from '../store/store.ts'

/**
 * Claims with their citations as CSV or JSON rows: outlet, URL, date and the exact
 * quote for every row, and the figure each claim belongs to.
 */

/** One exported claim. */
export interface ExportRow {
  readonly figure: string | null
  readonly category: string
  readonly value: number | null
  readonly low: number | null
  readonly high: number | null
  readonly approx: boolean
  readonly bound: string | null
  readonly unit: string | null
  readonly quantityText: string
  readonly counted: string
  readonly subject: string | null
  readonly source: string | null
  readonly cue: string | null
  readonly asOf: string | null
  readonly published: string | null
  readonly outlet: string | null
  readonly url: string | null
  readonly title: string | null
  readonly articleKey: string
  readonly claimKey: string
  readonly quote: string
}

/** The export row of a claim. */
export function exportRow(c: LedgerClaim, figure: string | null): ExportRow {
  return {
    figure, category: c.category, value: c.value, low: c.low, high: c.high, approx: c.approx, bound: c.bound,
    unit: c.unit, quantityText: c.quantityText, counted: c.countedText, subject: c.subject,
    source: c.sourceEntity ?? c.source, cue: c.cue, asOf: c.asOf, published: c.published, outlet: c.outlet,
    url: c.url, title: c.title, articleKey: c.articleKey, claimKey: c.key, quote: c.quote,
  }
}

const COLUMNS: readonly (keyof ExportRow)[] = [
  'figure', 'category', 'value', 'low', 'high', 'approx', 'bound', 'unit', 'quantityText', 'counted', 'subject',
  'source', 'cue', 'asOf', 'published', 'outlet', 'url', 'title', 'articleKey', 'claimKey', 'quote',
]

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return ''
  let s = String(v)
  // A cell starting with = + - @ is a formula to spreadsheet programs (CSV injection,
  // OWASP): quoted text from an article must stay text.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** RFC 4180 CSV with a header row, CRLF line ends. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))]
  return lines.join('\r\n') + '\r\n'
}
