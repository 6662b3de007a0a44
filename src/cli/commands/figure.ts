import { parseArgs } from 'node:util'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Decision } from '../../reconcile/figures.ts'
import type { CliIo, Command } from '../command.ts'
import { blockersOf, describeEdit, editJson, editOf, editTime, loadEdits, recordEdit, undoEdit } from '../../ledger/edits.ts'
import type { Store } from '../../store/store.ts'
import { clip, findFigure, LEDGER_OPTIONS, limitFlag, loadView, withLedger, writeJsonLines, writeTable } from './ledger-shared.ts'

const USAGE = 'claimtrail figure merge FIGURE INTO | figure split FIGURE --claims KEY,KEY... [--id NEW_ID] [--label LABEL] | figure rename FIGURE LABEL | figure history [--limit N] | figure undo [EDIT_ID]  [--db PATH] [--json]'

const LIST_HINT = "'claimtrail figure history'"

/** `claimtrail figure merge|split|rename|history|undo`: edit figures, list the edits, undo one. */
export const command: Command = {
  name: 'figure',
  summary: 'Merge, split or rename figures (kept across re-ingest and reextract); list the edits (history) and undo one (undo).',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args], allowPositionals: true,
      options: { ...LEDGER_OPTIONS, claims: { type: 'string' }, id: { type: 'string' }, label: { type: 'string' }, limit: { type: 'string' } },
    })
    const [action, ...rest] = positionals
    if (values.limit !== undefined && action !== 'history') throw new ClaimtrailError('USAGE', '--limit goes with figure history')
    if (action === 'history' || action === 'undo') {
      if (action === 'history' && rest.length > 0) throw new ClaimtrailError('USAGE', `figure history takes no argument (got "${rest[0]}"); --limit N shows the N most recent edits`)
      if (action === 'undo' && rest.length > 1) throw new ClaimtrailError('USAGE', 'figure undo: give one EDIT_ID, or none for the most recent edit')
      const limit = limitFlag(values.limit)
      const id = action === 'undo' && rest.length === 1 ? editIdArg(rest[0]) : undefined
      return withLedger(values.db, io, (store) => (action === 'history' ? history(store, io, values.json, limit) : undo(store, io, values.json, id)))
    }
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
        throw new ClaimtrailError('USAGE', `figure: ${action === undefined ? 'give an action, merge, split, rename, history or undo' : `unknown action "${action}"`}; usage: ${USAGE}`)
      }
      const edit = editOf(await recordEdit(store, view.figures, decision))
      if (values.json) writeJsonLines(io, [{ id: edit.id, ...decision }])
      else io.stdout.write(`recorded edit #${edit.id}: ${describeEdit(edit)} (to undo: claimtrail figure undo ${edit.id})\n`)
      return 0
    })
  },
}

function editIdArg(arg: string): number {
  const m = /^#?(\d{1,15})$/.exec(arg.trim())
  if (m === null) throw new ClaimtrailError('USAGE', `figure undo: "${arg}" is not an edit id; give the number ${LIST_HINT} shows (or none for the most recent edit)`)
  return Number(m[1])
}

/** The edits, newest first, with whether each applies and what stands in the way of undoing it. */
async function history(store: Store, io: CliIo, json: boolean, limit: number | undefined): Promise<number> {
  const edits = await loadEdits(store)
  const shown = edits.slice().reverse().slice(0, limit)
  const blockers = blockersOf(edits, shown)
  if (json) {
    writeJsonLines(io, shown.map((e) => editJson(e, blockers.get(e.id))))
    return 0
  }
  writeTable(io, ['edit', 'made', 'state', 'what'], shown.map((e) => {
    const blocked = blockers.get(e.id) ?? []
    const state = e.undoneAt !== null ? `undone ${editTime(e.undoneAt)}`
      : blocked.length > 0 ? `applies (undo #${blocked[blocked.length - 1]} first)` : 'applies'
    return [`#${e.id}`, editTime(e.createdAt), state, clip(describeEdit(e), 110)]
  }))
  if (limit !== undefined && edits.length > limit) io.stderr.write(`${limit} of ${edits.length} edits shown; raise --limit to see more\n`)
  return 0
}

async function undo(store: Store, io: CliIo, json: boolean, id: number | undefined): Promise<number> {
  const edit = await undoEdit(store, id, { listHint: LIST_HINT })
  if (json) writeJsonLines(io, [editJson(edit)])
  else io.stdout.write(`undone edit #${edit.id}: ${describeEdit(edit)}; the figures are as they were without it\n`)
  return 0
}

function nextSplitId(id: string, taken: readonly string[]): string {
  for (let n = 2; ; n++) if (!taken.includes(`${id}~${n}`)) return `${id}~${n}`
}
