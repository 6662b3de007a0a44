import { ClaimtrailError } from '../model/errors.ts'
import type { Decision, Figure } from '../reconcile/figures.ts'
import type { Store, StoredDecision } from '../store/store.ts'
import { decisionOf } from './view.ts'

/*
 * The edit log: the user's merges, splits and renames (the ledger's decisions), listed
 * and undone. Figures are recomputed from the decisions on every read, so undoing an
 * edit is leaving it out of the replay: the figures become what they were before it
 * (ids, labels, which claims each holds), whatever was ingested or re-extracted since.
 * An undone edit stays stored, marked with when it was undone. See docs/ledger.md,
 * "Session 13".
 */

/** A figure as an edit found it: kept with the edit, for the history. */
export interface FigureNote {
  readonly id: string
  readonly label: string
  /** How many claims it held. */
  readonly points: number
}

/** An edit as the shells list it. */
export interface Edit {
  readonly id: number
  readonly decision: Decision
  readonly createdAt: string
  /** When it was undone; null while it applies. */
  readonly undoneAt: string | null
  /** The figures it touched, as they were before it; null for edits made before session 13. */
  readonly before: readonly FigureNote[] | null
}

/** A stored decision as an {@link Edit}. */
export function editOf(r: StoredDecision): Edit {
  const notes = (r.before as { figures?: unknown } | null)?.figures
  return {
    id: r.id, decision: decisionOf(r), createdAt: r.createdAt, undoneAt: r.undoneAt,
    before: Array.isArray(notes) ? notes as FigureNote[] : null,
  }
}

/** Every edit, oldest first, undone ones included. */
export async function loadEdits(store: Store): Promise<Edit[]> {
  return (await store.decisions()).map(editOf)
}

/** The figures a decision names, as they are now: the note kept with it. */
function notesFor(figures: readonly Figure[], d: Decision): FigureNote[] {
  const ids = d.kind === 'merge' ? [d.figure, d.into] : [d.figure]
  return ids.flatMap((id) => {
    const f = figures.find((x) => x.id === id)
    return f ? [{ id: f.id, label: f.label, points: f.points.length }] : []
  })
}

/**
 * Store a decision with a note of the figures it touches as they are before it (from
 * `figures`, the view the shell validated the edit against).
 *
 * @example
 * const stored = await recordEdit(store, view.figures, { kind: 'rename', figure: 'deployed/north-korea/troops', label: 'NK troops' })
 * describeEdit(editOf(stored)) // 'renamed deployed/north-korea/troops from "North Korea troops deployed" to "NK troops"'
 */
export async function recordEdit(store: Store, figures: readonly Figure[], d: Decision): Promise<StoredDecision> {
  return store.addDecision(d, { figures: notesFor(figures, d) })
}

function quoted(note: FigureNote | undefined): string {
  return note === undefined ? '' : ` ("${note.label}", ${note.points} claim${note.points === 1 ? '' : 's'})`
}

/** One line saying what an edit did, with the figures' labels when the edit noted them. */
export function describeEdit(e: Pick<Edit, 'decision' | 'before'>): string {
  const d = e.decision
  const note = (id: string): FigureNote | undefined => e.before?.find((n) => n.id === id)
  if (d.kind === 'merge') return `merged ${d.figure}${quoted(note(d.figure))} into ${d.into}${quoted(note(d.into))}`
  if (d.kind === 'split') {
    const n = d.claimKeys.length
    return `split ${n} claim${n === 1 ? '' : 's'} from ${d.figure} into ${d.newFigure}${d.label === null ? '' : ` ("${d.label}")`}`
  }
  const old = note(d.figure)
  return `renamed ${d.figure}${old === undefined ? '' : ` from "${old.label}"`} to "${d.label}"`
}

/** An ISO time as the history shows it: minutes, UTC. */
export function editTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}

/**
 * What each applied edit touches: figure ids (as named and as they resolved through
 * earlier merges when it was replayed, as `buildFigures` replays them) and claim keys.
 */
function touches(applied: readonly Edit[]): Map<number, Set<string>> {
  const mergedInto = new Map<string, string>()
  const current = (id: string): string => {
    let cur = id
    for (let i = 0; i < 100 && mergedInto.has(cur); i++) cur = mergedInto.get(cur) as string
    return cur
  }
  const out = new Map<number, Set<string>>()
  for (const e of applied) {
    const d = e.decision
    const set = new Set<string>([`figure:${d.figure}`, `figure:${current(d.figure)}`])
    if (d.kind === 'merge') {
      const from = current(d.figure)
      const into = current(d.into)
      set.add(`figure:${d.into}`).add(`figure:${into}`)
      if (from !== into) mergedInto.set(from, into)
    } else if (d.kind === 'split') {
      set.add(`figure:${d.newFigure}`)
      for (const k of d.claimKeys) set.add(`claim:${k}`)
    }
    out.set(e.id, set)
  }
  return out
}

/**
 * The applied edits made after edit `id` that build on it: they name a figure it named
 * or made (directly or through a merge), or a claim it moved. Undoing `id` under them
 * would change what they did, so they are undone first (newest first). Edits that touch
 * other figures do not stand in the way.
 */
export function laterDependents(edits: readonly Edit[], id: number): Edit[] {
  const applied = edits.filter((e) => e.undoneAt === null)
  return dependentsIn(applied, touches(applied), id)
}

function dependentsIn(applied: readonly Edit[], touched: ReadonlyMap<number, ReadonlySet<string>>, id: number): Edit[] {
  const mine = touched.get(id)
  if (mine === undefined) return []
  const out: Edit[] = []
  // A later edit that builds on a dependent depends on this one too: grow the set.
  const reach = new Set(mine)
  for (const e of applied) {
    if (e.id <= id) continue
    const set = touched.get(e.id) as ReadonlySet<string>
    if ([...set].some((t) => reach.has(t))) {
      out.push(e)
      for (const t of set) reach.add(t)
    }
  }
  return out
}

/** Where a shell lists the edits, for messages: `'claimtrail figure history'`, `GET /api/edits`. */
export interface UndoOptions {
  readonly listHint: string
}

/** Refuse an undo of edit `id` the user cannot make: unknown, already undone, or built upon. */
export function checkUndo(edits: readonly Edit[], id: number, options: UndoOptions): void {
  const edit = edits.find((e) => e.id === id)
  if (edit === undefined) throw new ClaimtrailError('NOT_FOUND', `no edit #${id}; ${options.listHint} lists the edits`)
  // Messages name edits without their figures' labels: one line, and the history has the rest.
  const brief = (e: Edit): string => `#${e.id} (${describeEdit({ decision: e.decision, before: null })})`
  if (edit.undoneAt !== null) {
    throw new ClaimtrailError('CONFLICT', `edit ${brief(edit)} was already undone at ${editTime(edit.undoneAt)}; nothing to do`)
  }
  const later = laterDependents(edits, id)
  if (later.length > 0) {
    const list = later.slice().reverse().slice(0, 3).map(brief).join(', ')
    const which = later.length === 1 ? 'a later edit builds' : `${later.length} later edits build`
    throw new ClaimtrailError('CONFLICT', `edit ${brief(edit)} cannot be undone while ${which} on it: undo ${list}${later.length > 3 ? ', …' : ''} first${later.length > 1 ? ', newest first' : ''}`)
  }
}

/**
 * Undo edit `id`, or the most recent edit that applies when `id` is undefined. Checked and
 * marked in one write transaction. Returns the edit, now undone.
 *
 * @example
 * const undone = await undoEdit(store, undefined, { listHint: "'claimtrail figure history'" })
 */
export async function undoEdit(store: Store, id: number | undefined, options: UndoOptions): Promise<Edit> {
  let target = id
  if (target === undefined) {
    const applied = (await loadEdits(store)).filter((e) => e.undoneAt === null)
    if (applied.length === 0) throw new ClaimtrailError('NOT_FOUND', `nothing to undo: no merge, split or rename applies; ${options.listHint} lists the edits`)
    target = applied[applied.length - 1].id
  }
  const wanted = target
  return editOf(await store.undoDecision(wanted, (rows) => checkUndo(rows.map(editOf), wanted, options)))
}

/** An edit as JSON (`figure history --json`, `GET /api/edits`); `blockedBy` lists the later edits to undo first. */
export function editJson(e: Edit, blockedBy?: readonly number[]): Record<string, unknown> {
  return {
    id: e.id, ...e.decision, createdAt: e.createdAt, undoneAt: e.undoneAt, applied: e.undoneAt === null,
    description: describeEdit(e), before: e.before,
    ...(blockedBy === undefined ? {} : { undoable: e.undoneAt === null && blockedBy.length === 0, blockedBy }),
  }
}

/**
 * Each edit of `shown` (default: all) with the later applied edits standing in the way of
 * its undo (empty for undone edits). Linear per edit shown, so list a page, not thousands.
 */
export function blockersOf(edits: readonly Edit[], shown: readonly Edit[] = edits): Map<number, number[]> {
  const applied = edits.filter((e) => e.undoneAt === null)
  const touched = touches(applied)
  return new Map(shown.map((e) => [e.id, e.undoneAt === null ? dependentsIn(applied, touched, e.id).map((x) => x.id) : []]))
}
