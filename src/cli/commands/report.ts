import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { ClaimtrailError } from '../../model/errors.ts'
import { renderReport } from '../../web/report.ts'
import type { Command } from '../command.ts'
import { fileProblem } from './extract.ts'
import { findFigure, loadView, withLedger } from './ledger-shared.ts'

export const command: Command = {
  name: 'report',
  summary: 'Write one self-contained HTML page about a figure: timeline chart, evidence with citations, methodology.',
  usage: 'claimtrail report FIGURE -o FILE.html [--db PATH]   (FIGURE: an id, a label, or a unique part of one)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args], allowPositionals: true,
      options: { db: { type: 'string' }, out: { type: 'string', short: 'o' } },
    })
    if (positionals.length !== 1) throw new ClaimtrailError('USAGE', "report: give one figure (see 'claimtrail figures')")
    if (values.out === undefined) throw new ClaimtrailError('USAGE', 'report: give the output file with -o FILE.html')
    const out = values.out
    const figure = await withLedger(values.db, io, async (store) => findFigure(await loadView(store), positionals[0]))
    const ledger = values.db ?? (io.env.DATABASE_URL ? 'PostgreSQL' : './claimtrail.db')
    try {
      await writeFile(out, renderReport(figure, { generatedAt: new Date().toISOString(), ledger }))
    } catch (e) {
      throw new ClaimtrailError('BAD_INPUT', `cannot write ${out}: ${fileProblem(e)}`, { cause: e })
    }
    io.stderr.write(`wrote ${out}: ${figure.label} (${figure.points.length} estimates, ${figure.independentSources} independent sources)\n`)
    return 0
  },
}
