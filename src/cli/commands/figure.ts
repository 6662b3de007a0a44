import { parseArgs } from 'node:util'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Decision } from '../../reconcile/figures.ts'
import type { Command } from '../command.ts'
import { findFigure, LEDGER_OPTIONS, loadView, withLedger, writeJsonLines } from './ledger-shared.ts'

const USAGE = 'claimtrail figure merge FIGURE INTO | figure split FIGURE --claims KEY,KEY... [--id NEW_ID] [--label LABEL] | figure rename FIGURE LABEL  [--db PATH] [--json]'

/** `claimtrail figure merge|split|rename`: record a decision about figures. */
export const command: Command = {
  name: 'figure',
  summary: 'Merge, split or rename figures; decisions are kept across re-ingest and reextract.',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args], allowPositionals: true,
      options: { ...LEDGER_OPTIONS, claims: { type: 'string' }, id: { type: 'string' }, label: { type: 'string' } },
    })
    const [action, ...rest] = positionals
    return withLedger(values.db, io, async (store) => {
      const view = await loadView(store)
      let decision: Decision
      if (action === 'merge') {
        if (rest.length !== 2) throw new ClaimtrailError('USAGE', 'figure merge: give FIGURE and the figure to merge it INTO')
        const from = findFigure(view, rest[0])
        const into = findFigure(view, rest[1])
        if (from.id === into.id) {
          // findFigure follows earlier merges: name what the user typed, not only where it went.
          const already = rest[0] !== from.id && from.aliases.includes(rest[0]) ? `${rest[0]} is already merged into ${into.id}` : `${rest[0]} and ${rest[1]} are one figure, ${into.id}`
          throw new ClaimtrailError('USAGE', `figure merge: ${already}; nothing to do`)
        }
        decision = { kind: 'merge', figure: from.id, into: into.id }
      } else if (action === 'split') {
        if (rest.length !== 1 || values.claims === undefined) throw new ClaimtrailError('USAGE', 'figure split: give FIGURE and --claims KEY,KEY (keys from claimtrail timeline FIGURE --json)')
        const figure = findFigure(view, rest[0])
        const keys = values.claims.split(',').map((k) => k.trim()).filter((k) => k !== '')
        const inFigure = new Set(figure.points.map((p) => p.claimKey))
        const unknown = keys.filter((k) => !inFigure.has(k))
        if (unknown.length > 0) throw new ClaimtrailError('NOT_FOUND', `figure split: claim ${unknown[0]} is not in ${figure.id}`)
        if (keys.length === 0 || keys.length === inFigure.size) throw new ClaimtrailError('USAGE', 'figure split: name some, but not all, of the figure\'s claims')
        const newFigure = values.id ?? nextSplitId(figure.id, view.figures.map((f) => f.id))
        if (view.figures.some((f) => f.id === newFigure)) throw new ClaimtrailError('CONFLICT', `figure split: ${newFigure} already exists; merge into it instead`)
        decision = { kind: 'split', figure: figure.id, claimKeys: keys, newFigure, label: values.label ?? null }
      } else if (action === 'rename') {
        if (rest.length !== 2 || rest[1].trim() === '') throw new ClaimtrailError('USAGE', 'figure rename: give FIGURE and the new LABEL')
        decision = { kind: 'rename', figure: findFigure(view, rest[0]).id, label: rest[1].trim() }
      } else {
        throw new ClaimtrailError('USAGE', `figure: ${action === undefined ? 'give an action, merge, split or rename' : `unknown action "${action}"`}; usage: ${USAGE}`)
      }
      const stored = await store.addDecision(decision)
      if (values.json) writeJsonLines(io, [{ id: stored.id, ...decision }])
      else io.stdout.write(`recorded: ${describe(decision)}\n`)
      return 0
    })
  },
}

function nextSplitId(id: string, taken: readonly string[]): string {
  for (let n = 2; ; n++) if (!taken.includes(`${id}~${n}`)) return `${id}~${n}`
}

function describe(d: Decision): string {
  if (d.kind === 'merge') return `${d.figure} merged into ${d.into}`
  if (d.kind === 'split') return `${d.claimKeys.length} claim${d.claimKeys.length === 1 ? '' : 's'} split from ${d.figure} into ${d.newFigure}`
  return `${d.figure} renamed "${d.label}"`
}
