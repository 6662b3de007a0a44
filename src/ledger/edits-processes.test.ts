// The undo race across processes (edits.test.ts races two undos inside one process): two
// `claimtrail figure undo ID` processes on one ledger, SQLite file or PostgreSQL schema. The
// test holds the lock an undo takes (SQLite's write lock, PostgreSQL's lock on `decisions`)
// until both processes wait for it, then lets them go at once: one undoes the edit, the other
// is told in one line and exits with status 1, and the edit is undone once.
// The waits are on conditions (both processes waiting, or one gone), not on fixed delays: on a
// loaded machine two processes took longer than any fixed delay to start (rev16).
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import Sqlite from 'better-sqlite3'
import pg from 'pg'
import { seedFixture } from '../api/test-fixture.ts'
import { PG_TEST_URL, withPostgresSchemas } from '../store/postgres/test-schemas.ts'
import { openSqliteStore } from '../store/sqlite/sqlite.ts'
import type { Store } from '../store/store.ts'
import { recordEdit } from './edits.ts'
import { loadView } from './view.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin', 'claimtrail.js')
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-undo-race-'))
after(() => rmSync(dir, { recursive: true, force: true }))

interface Exit { readonly code: number | null; readonly stdout: string; readonly stderr: string }

interface Run { readonly pid: number; readonly exited: Promise<Exit>; readonly hasExited: () => boolean }

/** `claimtrail figure undo ID` in a process of its own, and its exit. */
function undoProcess(id: number, args: readonly string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, [BIN, 'figure', 'undo', String(id), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let isGone = false
  child.stdout.on('data', (d) => { stdout += d })
  child.stderr.on('data', (d) => { stderr += d })
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code) => { isGone = true; resolve({ code, stdout, stderr }) }))
  return { pid: child.pid ?? -1, exited, hasExited: () => isGone }
}

/** A ledger with the fixture and one rename to undo; returns the edit's id. */
async function seededEdit(store: Store): Promise<number> {
  try {
    await seedFixture(store)
    return (await recordEdit(store, (await loadView(store)).figures, { kind: 'rename', figure: 'deployed/north-korea/troops', label: 'Raced' })).id
  } finally {
    await store.close()
  }
}

/** Waits until `isReady` holds (true) or `isOver` does (false), polling every 50 ms. */
async function until(isReady: () => boolean | Promise<boolean>, isOver: () => boolean): Promise<boolean> {
  for (;; await new Promise((r) => setTimeout(r, 50))) {
    if (await isReady()) return true
    if (isOver()) return false
  }
}

// SQLite's busy handler waits for a lock in short sleeps; an idle node process waits in epoll.
const HAS_WCHAN = existsSync('/proc/self/wchan')
const isAsleepOnLock = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/wchan`, 'utf8') === 'hrtimer_nanosleep'
  } catch {
    return false
  }
}
// Below the ledger's busy timeout (15 s, sqlite.ts): a process kept waiting longer gives up.
const SQLITE_HOLD_MS = 10_000

function assertOneWins(exits: readonly Exit[], id: number): void {
  const byCode = [...exits].sort((a, b) => (a.code ?? 9) - (b.code ?? 9))
  assert.deepEqual(byCode.map((e) => e.code), [0, 1], exits.map((e) => e.stderr).join('\n'))
  assert.match(byCode[0].stdout, new RegExp(`^undone edit #${id}: `))
  // the loser is told in one line: undone meanwhile (a true race) or already undone (it came second)
  assert.match(byCode[1].stderr, new RegExp(`^claimtrail: edit #${id}.* (?:was undone meanwhile, by another request|was already undone at .*); nothing to do\\n$`))
}

test('two undo processes at once on one SQLite file: one undoes the edit, the other is told', { timeout: 300_000 }, async () => {
  const db = join(dir, 'ledger.db')
  const id = await seededEdit(openSqliteStore(db))
  const env = { ...process.env }
  delete env.DATABASE_URL
  // hold the write lock that `undoDecision` takes (BEGIN IMMEDIATE) while the processes start
  const lock = new Sqlite(db)
  lock.exec('begin immediate')
  let released = false
  const release = () => { if (!released) { lock.exec('rollback'); lock.close(); released = true } }
  try {
    const runs = [undoProcess(id, ['--db', db], env), undoProcess(id, ['--db', db], env)]
    // until both wait for the lock (where /proc tells: asleep in SQLite's busy handler, seen
    // twice in a row), but not so long that the first to wait gives up, nor past an exit;
    // elsewhere a moment. If they do not race, the second is told the edit was already undone.
    let firstWaiting = Infinity
    let inARow = 0
    const bothWaiting = () => {
      const waiting = runs.filter((r) => isAsleepOnLock(r.pid)).length
      if (waiting > 0) firstWaiting = Math.min(firstWaiting, Date.now())
      inARow = waiting === 2 ? inARow + 1 : 0
      return inARow >= 2
    }
    const started = Date.now()
    await until(HAS_WCHAN ? bothWaiting : () => false,
      () => runs.some((r) => r.hasExited()) || Date.now() - firstWaiting > SQLITE_HOLD_MS || (!HAS_WCHAN && Date.now() - started > 2000))
    release()
    assertOneWins(await Promise.all(runs.map((r) => r.exited)), id)
  } finally {
    release()
  }
  const store = openSqliteStore(db)
  try {
    assert.equal((await store.counts()).undone, 1)
  } finally {
    await store.close()
  }
})

withPostgresSchemas('two undo processes at once', 'ct_undo_race', (_open, schema) => {
  test('two undo processes at once on one PostgreSQL schema: one undoes the edit, the other is told', { timeout: 300_000 }, async () => {
    const s = schema()
    const id = await seededEdit(await s.open())
    const env = { ...process.env, DATABASE_URL: s.url }
    const client = new pg.Client({ connectionString: PG_TEST_URL })
    await client.connect()
    try {
      // the lock `undoDecision` takes, held until both processes wait for it
      await client.query('begin')
      await client.query(`lock table ${s.name}.decisions in share row exclusive mode`)
      const runs = [undoProcess(id, [], env), undoProcess(id, [], env)]
      const waiting = async () => Number((await client.query(
        `select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relname = 'decisions' and not l.granted`, [s.name])).rows[0].n) === 2
      // (no deadline of its own: the processes wait for the lock as long as it is held, however
      // slowly they start; one that exits first is a failure, told below)
      const isRace = await until(waiting, () => runs.some((r) => r.hasExited()))
      await client.query('commit')
      const exits = await Promise.all(runs.map((r) => r.exited))
      assertOneWins(exits, id)
      assert.ok(isRace, 'both processes waited for the lock')
      assert.equal((await client.query(`select count(*) as n from ${s.name}.decisions where undone_at is not null`)).rows[0].n, '1')
    } finally {
      await client.end()
    }
  })
})
