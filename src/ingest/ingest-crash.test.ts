import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import Sqlite from 'better-sqlite3'
import pg from 'pg'

// End-to-end through the real CLI and the real analyzer: the crash must be a real process death.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')
const BIN = join(ROOT, 'bin/claimtrail.js')
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-crash-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const N = 400
const corpus = join(dir, 'corpus.jsonl')
writeFileSync(corpus, Array.from({ length: N }, (_, i) => JSON.stringify({
  id: `doc-${i}`, published: '2025-01-09', outlet: `Outlet ${i % 7}`, url: `https://news.example/${i}`,
  text: `KYIV - About ${1000 + i} North Korean soldiers were killed or wounded in Kursk, Ukrainian officials said on Thursday, ` +
    `in report number ${i}. Another ${i + 5} were captured, according to the General Staff. ` +
    `Analysts said the figure for item ${i} could not be verified independently.`,
})).join('\n') + '\n')

function ingest(db: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  const target = db === '' ? [] : ['--db', db]
  return spawn(process.execPath, [BIN, 'ingest', corpus, ...target], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } })
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = ''
  child.stderr?.on('data', (d) => { stderr += d })
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })))
}

function articleCount(db: string): number {
  try {
    const conn = new Sqlite(db, { readonly: true, fileMustExist: true })
    try {
      conn.pragma('busy_timeout = 2000')
      return (conn.prepare('select count(*) as n from articles').get() as { n: number }).n
    } finally {
      conn.close()
    }
  } catch {
    return 0
  }
}

/** Every article stored once, each with exactly the claims its stored analysis lists, and a sound file. */
function assertConsistent(db: string): void {
  const conn = new Sqlite(db, { readonly: true })
  try {
    assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok')
    const rows = conn.prepare(`select a.source_id, a.analysis, (select count(*) from claims c where c.article_id = a.id) as n from articles a`).all() as { source_id: string; analysis: string; n: number }[]
    assert.equal(rows.length, N)
    assert.equal(new Set(rows.map((r) => r.source_id)).size, N)
    for (const r of rows) assert.equal(r.n, (JSON.parse(r.analysis) as { claims: unknown[] }).claims.length, `claims of ${r.source_id}`)
  } finally {
    conn.close()
  }
}

test('kill -9 in the middle of an ingest, run it again: nothing lost, nothing duplicated', { timeout: 180_000 }, async () => {
  const db = join(dir, 'killed.db')
  const child = ingest(db)
  const done = exited(child)
  let seen = 0
  for (let i = 0; i < 3000 && seen < 20; i++) {
    await sleep(20)
    seen = articleCount(db)
  }
  child.kill('SIGKILL')
  const first = await done
  assert.equal(first.signal, 'SIGKILL', `the ingest ended before it could be killed: ${first.stderr}`)
  const atKill = articleCount(db)
  assert.ok(atKill > 0 && atKill < N, `killed midway (${atKill} of ${N} stored)`)
  const second = await exited(ingest(db))
  assert.equal(second.code, 0, second.stderr)
  assert.match(second.stderr, new RegExp(`${N - atKill} ingested, ${atKill} skipped, 0 failed`))
  assertConsistent(db)
})

test('two ingests of one corpus into one SQLite file at once: each article stored once', { timeout: 180_000 }, async () => {
  const db = join(dir, 'concurrent.db')
  const [a, b] = await Promise.all([exited(ingest(db)), exited(ingest(db))])
  assert.equal(a.code, 0, a.stderr)
  assert.equal(b.code, 0, b.stderr)
  const ingested = [a, b].map((r) => Number(r.stderr.match(/(\d+) ingested/)?.[1] ?? NaN))
  assert.equal(ingested[0] + ingested[1], N)
  assertConsistent(db)
})

const PG_URL = process.env.CLAIMTRAIL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

test('kill -9 in the middle of an ingest into PostgreSQL, run it again: nothing lost, nothing duplicated',
  { timeout: 180_000, skip: process.env.CLAIMTRAIL_SKIP_PG === '1' ? 'CLAIMTRAIL_SKIP_PG=1' : false }, async () => {
    const schema = `ct_crash_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    try {
      await admin.query(`create schema ${schema}`)
      const env = { DATABASE_URL: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` }
      const count = async (): Promise<number> => {
        try {
          return Number((await admin.query(`select count(*) as n from ${schema}.articles`)).rows[0].n)
        } catch {
          return 0
        }
      }
      const child = ingest('', env)
      const done = exited(child)
      let seen = 0
      for (let i = 0; i < 3000 && seen < 20; i++) {
        await sleep(20)
        seen = await count()
      }
      child.kill('SIGKILL')
      const first = await done
      assert.equal(first.signal, 'SIGKILL', `the ingest ended before it could be killed: ${first.stderr}`)
      const atKill = await count()
      assert.ok(atKill > 0 && atKill < N, `killed midway (${atKill} of ${N} stored)`)
      const second = await exited(ingest('', env))
      assert.equal(second.code, 0, second.stderr)
      assert.match(second.stderr, new RegExp(`${N - atKill} ingested, ${atKill} skipped, 0 failed`))
      const rows = (await admin.query(`select a.source_id, a.analysis, (select count(*) from ${schema}.claims c where c.article_id = a.id) as n from ${schema}.articles a`)).rows as { source_id: string; analysis: string; n: string }[]
      assert.equal(rows.length, N)
      assert.equal(new Set(rows.map((r) => r.source_id)).size, N)
      for (const r of rows) assert.equal(Number(r.n), (JSON.parse(r.analysis) as { claims: unknown[] }).claims.length, `claims of ${r.source_id}`)
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`)
      await admin.end()
    }
  })
