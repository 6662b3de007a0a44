import { parseArgs } from 'node:util'
import { ClaimtrailError } from '../../model/errors.ts'
import { CATEGORIES } from '../../model/types.ts'
import type { Command } from '../command.ts'
import { command as figureCommand } from './figure.ts'
import { clip, figureJson, LEDGER_OPTIONS, TUNING_OPTIONS, tuningFlags, loadView, withLedger, writeJsonLines, writeTable } from './ledger-shared.ts'

const STATUSES: readonly string[] = ['conflicting', 'revised', 'corroborated', 'single-source']

/** `claimtrail figures`: list figures with their status. */
export const command: Command = {
  name: 'figures',
  summary: 'List figures (what is counted) with how many independent sources give them and their status.',
  usage: 'claimtrail figures [--db PATH] [--json] [--category CATEGORY] [--status STATUS] [--subject NAME] [--tolerance 0.1] [--window DAYS] | figures history [--limit N] | figures undo [EDIT_ID]  (as figure history, figure undo)',
  async run(args, io) {
    // `figures history` and `figures undo` read as naturally as `figure history`: the same actions.
    const action = firstPositional(args)
    if (action === 'history' || action === 'undo') return figureCommand.run(args, io)
    const { values } = parseArgs({
      args: [...args],
      options: { ...LEDGER_OPTIONS, ...TUNING_OPTIONS, category: { type: 'string' }, status: { type: 'string' }, subject: { type: 'string' } },
    })
    // A mistyped filter would list nothing and look like an empty ledger.
    if (values.category !== undefined && !(CATEGORIES as readonly string[]).includes(values.category)) {
      throw new ClaimtrailError('USAGE', `--category ${values.category}: use one of ${CATEGORIES.join(', ')}`)
    }
    if (values.status !== undefined && !STATUSES.includes(values.status)) {
      throw new ClaimtrailError('USAGE', `--status ${values.status}: use one of ${STATUSES.join(', ')}`)
    }
    // (a bad --tolerance or --window is a usage error before any ledger is opened)
    const tuning = tuningFlags(values)
    return withLedger(values.db, io, async (store) => {
      const view = await loadView(store, {}, tuning)
      const figures = view.figures.filter((f) => (values.category === undefined || f.category === values.category)
        && (values.status === undefined || f.status === values.status)
        && (values.subject === undefined || (f.subject ?? '').toLowerCase().includes(values.subject.toLowerCase())))
      if (values.json) {
        writeJsonLines(io, figures.map(figureJson))
        return 0
      }
      writeTable(io, ['figure', 'label', 'points', 'sources', 'reports', 'status', 'from', 'to', 'latest'], figures.map((f) => {
        const j = figureJson(f)
        return [f.id, clip(f.label, 40), String(f.points.length), String(f.independentSources), String(f.independentReports),
          f.status, String(j.first ?? ''), String(j.last ?? ''), String(j.latest ?? '')]
      }), [2, 3, 4])
      return 0
    })
  },
}

// Flags of `figures` and of `figure history|undo` that take a value: the word after them is no action.
const VALUE_FLAGS = new Set(['--db', '--category', '--status', '--subject', '--tolerance', '--window', '--limit'])

function firstPositional(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (VALUE_FLAGS.has(args[i])) i++
    else if (!args[i].startsWith('-')) return args[i]
  }
  return undefined
}
