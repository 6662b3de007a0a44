import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes, createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import pg from 'pg'
import { createApp } from '../../src/api/app.ts'
import { patternAnalyzer } from '../../src/ingest/fixtures/pattern-analyzer.ts'
import { ingest } from '../../src/ingest/ingest.ts'
import { isClaimtrailError } from '../../src/model/errors.ts'
import { openPostgresStore } from '../../src/store/postgres/postgres.ts'
import { openSqliteStore } from '../../src/store/sqlite/sqlite.ts'
import { runCli, type CliRun } from '../cli-helpers.ts'
import { assertNoStack } from './checks.ts'

// The ledger itself failing, as users meet it: a read-only SQLite file, a mistyped --db,
// a DATABASE_URL that is not PostgreSQL, PostgreSQL stopping under a running process. Each
// gives one clear line (the API: 503 and one JSON line), stops rather than failing every
// document alike, and loses nothing stored.

const PG_URL = process.env.CLAIMTRAIL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const BIN = new URL('../../bin/claimtrail.js', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-ledger-failures-'))
// A reader that is not root must be able to reach the files (see readOnlyRun).
chmodSync(dir, 0o777)
after(() => rmSync(dir, { recursive: true, force: true }))

const A = 'SEOUL - About 11,000 North Korean troops are now in Russia, according to Seoul.'
const B = 'KYIV - Now 12,000 North Korean soldiers are in Kursk, according to Zelenskyy.'

function write(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  chmodSync(path, 0o644)
  return path
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

/**
 * Run the CLI on a ledger its user may read but not write. Root writes any file whatever
 * its mode, so as root the CLI runs as `nobody` (uid 65534) in a child process.
 */
function readOnlyRun(args: readonly string[]): CliRun | Promise<CliRun> {
  if (process.getuid?.() !== 0) return runCli(args)
  const r = spawnSync(process.execPath, [BIN, ...args], {
    uid: 65534, gid: 65534, encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH, HOME: dir }, timeout: 120_000,
  })
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

describe('a read-only SQLite ledger', () => {
  const db = join(dir, 'readonly.db')
  const before = async () => {
    const store = openSqliteStore(db)
    try {
      await ingest([write('a.txt', A)], { store, analyzer: () => patternAnalyzer(), published: '2024-11-13' })
    } finally {
      await store.close()
    }
    chmodSync(db, 0o444)
  }

  test('is listed; writes fail in one line each, stop at the first, and change nothing', { timeout: 240_000 }, async () => {
    await before()
    const hash = sha(db)
    const listed = await readOnlyRun(['figures', '--db', db, '--json'])
    assert.equal(listed.status, 0, listed.stderr)
    assert.match(listed.stdout, /deployed\/north-korea\/troops/)

    const rename = await readOnlyRun(['figure', 'rename', 'deployed/north-korea/troops', 'Troops', '--db', db])
    assert.equal(rename.status, 1, rename.stderr)
    assertNoStack(rename.stderr, 'figure rename')
    assert.doesNotMatch(rename.stderr, /internal error/)
    assert.match(rename.stderr, /^claimtrail: the ledger .*readonly\.db: the file is read-only .*permissions/)
    assert.equal(rename.stderr.trimEnd().split('\n').length, 1, rename.stderr)

    // Two new documents: the store, not the documents, is at fault, so one line, not two.
    const added = await readOnlyRun(['ingest', '--db', db, write('b.txt', B), write('c.txt', `${B} Later.`)])
    assert.equal(added.status, 1, added.stderr)
    assertNoStack(added.stderr, 'ingest')
    assert.equal(added.stderr.trimEnd().split('\n').length, 1, added.stderr)
    assert.match(added.stderr, /read-only/)

    const again = await readOnlyRun(['reextract', '--db', db])
    assert.equal(again.status, 1, again.stderr)
    assert.equal(again.stderr.trimEnd().split('\n').length, 1, again.stderr)
    assert.match(again.stderr, /read-only/)

    assert.equal(sha(db), hash, 'the ledger file is unchanged')
  })
})

describe('opening a ledger', () => {
  test('a listing with a mistyped --db says there is no ledger there, and creates none', async () => {
    const missing = join(dir, 'no-such-ledger.db')
    for (const args of [['figures'], ['claims'], ['articles'], ['sources'], ['export'], ['timeline', 'troops'], ['figure', 'rename', 'x', 'y'], ['reextract']]) {
      const r = await runCli([...args, '--db', missing])
      assert.equal(r.status, 1, `${args[0]}: ${r.stderr}`)
      assert.match(r.stderr, /^claimtrail: no ledger at .*no-such-ledger\.db; ingest articles into it first/, args[0])
      assert.ok(!existsSync(missing), `${args[0]} created ${missing}`)
    }
    // ingest makes the ledger it is asked to fill.
    const made = join(dir, 'new.db')
    const r = await runCli(['ingest', '--db', made, write('d.txt', A)])
    assert.equal(r.status, 0, r.stderr)
    assert.ok(existsSync(made))
  })

  test('a DATABASE_URL that is not a PostgreSQL URL is a usage error naming the variable', async () => {
    for (const url of ['mysql://db/claimtrail', 'claimtrail.db']) {
      const r = await runCli(['figures'], '', { DATABASE_URL: url })
      assert.equal(r.status, 2, r.stderr)
      assert.match(r.stderr, /^claimtrail: DATABASE_URL must be a PostgreSQL URL, postgres:\/\//)
    }
  })
})

/** A TCP relay to PostgreSQL that can be stopped, as if the server went away. */
async function relay(target: URL): Promise<{ url: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const live = createServer((client) => {
    const up = connect(Number(target.port || 5432), target.hostname)
    sockets.add(client)
    sockets.add(up)
    client.pipe(up).pipe(client)
    const drop = () => { client.destroy(); up.destroy() }
    client.on('error', drop)
    up.on('error', drop)
    client.on('close', drop)
    up.on('close', drop)
  })
  await new Promise<void>((resolve) => live.listen(0, '127.0.0.1', resolve))
  const port = (live.address() as AddressInfo).port
  const url = new URL(target.href)
  url.hostname = '127.0.0.1'
  url.port = String(port)
  return {
    url: url.href,
    stop: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => live.close(() => resolve()))
    },
  }
}

if (process.env.CLAIMTRAIL_SKIP_PG) {
  test('PostgreSQL stopping under a running process', { skip: 'CLAIMTRAIL_SKIP_PG=1' }, () => {})
} else {
  describe('PostgreSQL stopping under a running process', () => {
    const schema = `ct_fail_${randomBytes(4).toString('hex')}`
    after(async () => {
      const client = new pg.Client(PG_URL)
      await client.connect()
      await client.query(`drop schema if exists ${schema} cascade`)
      await client.end()
    })

    test('the API answers 503 in one JSON line; ingest stops with one error; what was stored stays', { timeout: 120_000 }, async () => {
      const r = await relay(new URL(PG_URL))
      const store = await openPostgresStore(r.url, { schema, poolSize: 2 })
      try {
        await ingest([write('pg-a.txt', A)], { store, analyzer: () => patternAnalyzer(), published: '2024-11-13' })
        const app = createApp({ store })
        assert.equal((await app.request('/api/figures')).status, 200)

        await r.stop()
        const res = await app.request('/api/figures')
        assert.equal(res.status, 503)
        const body = await res.json() as { error: { code: string; message: string } }
        assert.equal(body.error.code, 'STORE')
        assert.match(body.error.message, /^cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/\w+ .*check that the server runs$/)
        assert.doesNotMatch(body.error.message, /\n/)

        const failures: string[] = []
        await assert.rejects(
          ingest([write('pg-b.txt', B), write('pg-c.txt', `${B} Later.`)], {
            store, analyzer: () => patternAnalyzer(), onOutcome: (o) => { if (o.status === 'failed') failures.push(o.reason) },
          }),
          (e: unknown) => isClaimtrailError(e, 'STORE') && /cannot reach PostgreSQL/.test(e.message),
        )
        assert.deepEqual(failures, [], 'no document is blamed for the server going away')
      } finally {
        await store.close().catch(() => {})
      }
      const check = await openPostgresStore(PG_URL, { schema })
      try {
        assert.equal((await check.counts()).articles, 1, 'the article stored before is still there')
      } finally {
        await check.close()
      }
    })
  })
}
