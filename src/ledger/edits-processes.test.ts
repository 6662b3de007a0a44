// The undo race across processes (edits.test.ts races two undos inside one process): two
// `claimtrail figure undo ID` processes on one ledger, SQLite file or PostgreSQL schema. The
// test holds the lock an undo takes (SQLite's write lock, PostgreSQL's lock on `decisions`)
// until both processes wait for it, then lets them go at once: one undoes the edit, the other
// is told in one line and exits with status 1, and the edit is undone once.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs'
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

/** `claimtrail figure undo ID` in a process of its own, and its exit. */
function undoProcess(id: number, args: readonly string[], env: NodeJS.ProcessEnv): { pid: number; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, 'figure', 'undo', String(id), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => { stdout += d })
  child.stderr.on('data', (d) => { stderr += d })
  return { pid: child.pid ?? -1, exited: new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr }))) }
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

/** Waits until `isReady` holds, polling every 50 ms, for at most `ms`. */
async function until(isReady: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await isReady()) return true
  return false
}

function assertOneWins(exits: readonly Exit[], id: number): void {
  const byCode = [...exits].sort((a, b) => (a.code ?? 9) - (b.code ?? 9))
  assert.deepEqual(byCode.map((e) => e.code), [0, 1], exits.map((e) => e.stderr).join('\n'))
  assert.match(byCode[0].stdout, new RegExp(`^undone edit #${id}: `))
  // the loser is told in one line: undone meanwhile (a true race) or already undone (it came second)
  assert.match(byCode[1].stderr, new RegExp(`^claimtrail: edit #${id}.* (?:was undone meanwhile, by another request|was already undone at .*); nothing to do\\n$`))
}

test('two undo processes at once on one SQLite file: one undoes the edit, the other is told', { timeout: 60_000 }, async () => {
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
    // both have the ledger open (where /proc tells; elsewhere this waits its time out), then a
    // moment to reach the lock
    const hasOpen = (pid: number) => {
      try {
        return readdirSync(`/proc/${pid}/fd`).some((fd) => { try { return readlinkSync(`/proc/${pid}/fd/${fd}`) === db } catch { return false } })
      } catch {
        return false
      }
    }
    await until(() => runs.every((r) => hasOpen(r.pid)), 20_000)
    await new Promise((r) => setTimeout(r, 300))
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
  test('two undo processes at once on one PostgreSQL schema: one undoes the edit, the other is told', { timeout: 60_000 }, async () => {
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
      const isRace = await until(waiting, 30_000)
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
