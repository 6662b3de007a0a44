import { parseArgs } from 'node:util'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Command } from '../command.ts'
import { dateFlag, findFigure, LEDGER_OPTIONS, TUNING_OPTIONS, tuningFlags, loadView, withLedger, writeJsonLines } from './ledger-shared.ts'

/** Columns of the CSV export, in order; the JSON export uses the same names. */
export const EXPORT_COLUMNS = [
  'figure', 'label', 'category', 'subject', 'date', 'published', 'value', 'low', 'high', 'approx', 'bound', 'unit',
  'text', 'source', 'status', 'outlet', 'url', 'title', 'quote', 'claim', 'article', 'storyGroup',
] as const

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  // A leading =, +, - or @ makes spreadsheets evaluate the cell; a quote mark disarms it.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** `claimtrail export`: every point with its citation, as CSV or JSON. */
export const command: Command = {
  name: 'export',
  summary: 'Export every point of every figure with its citation (outlet, URL, date, quote) as CSV or JSON.',
  usage: 'claimtrail export [--format csv|json] [--db PATH] [--figure FIGURE] [--since DATE] [--until DATE] [--tolerance 0.1] [--window DAYS]',
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { ...LEDGER_OPTIONS, ...TUNING_OPTIONS, format: { type: 'string', default: 'csv' }, figure: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' } },
    })
    const format = values.json ? 'json' : values.format
    if (format !== 'csv' && format !== 'json') throw new ClaimtrailError('USAGE', `--format ${format}: use csv or json`)
    const since = dateFlag(values.since, 'since')
    const until = dateFlag(values.until, 'until', true)
    return withLedger(values.db, io, async (store) => {
      const view = await loadView(store, {}, tuningFlags(values))
      const figures = values.figure !== undefined ? [findFigure(view, values.figure)] : view.figures
      const rows = figures.flatMap((f) => f.points
        .filter((p) => (since === undefined || (p.published ?? '') >= since) && (until === undefined || (p.published ?? '') <= until))
        .map((p) => ({
          figure: f.id, label: f.label, category: f.category, subject: f.subject, date: p.date, published: p.published,
          value: p.value, low: p.low, high: p.high, approx: p.approx, bound: p.bound, unit: p.unit, text: p.text,
          source: p.source, status: p.status, outlet: p.outlet, url: p.url, title: p.title, quote: p.quote,
          claim: p.claimKey, article: p.articleKey, storyGroup: p.storyGroup,
        })))
      if (format === 'json') {
        writeJsonLines(io, rows)
        return 0
      }
      io.stdout.write(EXPORT_COLUMNS.join(',') + '\r\n')
      for (const r of rows) io.stdout.write(EXPORT_COLUMNS.map((c) => csvField(r[c])).join(',') + '\r\n')
      return 0
    })
  },
}
