import { parseArgs } from 'node:util'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Command } from '../command.ts'
import { exportRows, toCsv } from '../../ledger/export.ts'
import { dateFlag, findFigure, LEDGER_OPTIONS, TUNING_OPTIONS, tuningFlags, loadView, withLedger, writeJsonLines } from './ledger-shared.ts'

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
    // (a bad --tolerance or --window is a usage error before any ledger is opened)
    const tuning = tuningFlags(values)
    return withLedger(values.db, io, async (store) => {
      const view = await loadView(store, {}, tuning)
      const figures = values.figure !== undefined ? [findFigure(view, values.figure)] : view.figures
      const rows = exportRows(figures, { since, until })
      if (format === 'json') {
        writeJsonLines(io, rows)
        return 0
      }
      io.stdout.write(toCsv(rows))
      return 0
    })
  },
}
