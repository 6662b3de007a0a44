import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import pg from 'pg'
import { runCli } from '../../test/cli-helpers.ts'
import { openPostgresStore } from '../store/postgres/postgres.ts'
import type { Store } from '../store/store.ts'
import { INGEST_QUEUE, REEXTRACT_QUEUE } from './queue.ts'

// Two `claimtrail worker` processes against the local PostgreSQL: every document is
// stored exactly once, and the job of a worker killed with SIGKILL while it holds it
// is retried and finished by the other.

const PG_URL = process.env.CLAIMTRAIL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const BIN = fileURLToPath(new URL('../../bin/claimtrail.js', import.meta.url))
const suffix = randomBytes(5).toString('hex')
const storeSchema = `ct_worker_${suffix}`
const queueSchema = `ct_queue_${suffix}`
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-worker-'))
const children: ChildProcess[] = []

/** The URL the workers get: the ledger in its own schema, through libpq's `options`. */
const workerUrl = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${storeSchema}`)}`
const env = { ...process.env, DATABASE_URL: workerUrl, CLAIMTRAIL_QUEUE_SCHEMA: queueSchema }

after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    await client.query(`drop schema if exists ${storeSchema} cascade`)
    await client.query(`drop schema if exists ${queueSchema} cascade`)
  } finally {
    await client.end()
  }
})

interface WorkerProcess {
  readonly child: ChildProcess
  readonly pid: number
  /** Whether a stderr line so far matches `re`. */
  has(re: RegExp): boolean
  readonly stderr: () => string
  readonly exited: Promise<number | null>
}

function startWorker(extraEnv: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'worker', '--poll', '0.5', '--maintenance', '1'], {
    env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'],
  })
  children.push(child)
  let text = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => { text += chunk })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, pid: child.pid as number, exited, has: (re) => re.test(text), stderr: () => text }
}

interface JobRow { id: string; state: string; retry_count: number; data: { record?: { id: string }; key?: string }; output: { status?: string; worker?: string; key?: string } | null }

async function jobs(client: pg.Client, queue: string): Promise<JobRow[]> {
  return (await client.query(`select id, state, retry_count, data, output from ${queueSchema}.job where name = $1`, [queue])).rows
}

async function waitUntil(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`)
}

const DOCS = 20
const STALLED = 'report-07'

function writeCorpus(): void {
  for (let i = 0; i < DOCS; i++) {
    const id = `report-${String(i).padStart(2, '0')}`
    writeFileSync(join(dir, `${id}.txt`),
      `Report ${i}: about ${1000 + i * 37} North Korean troops have been sent to the Kursk region, ` +
      `according to Ukrainian military intelligence. Officials said ${20 + i} soldiers were killed in week ${i}.\n`)
  }
  // The same story under another name: one more job, no more articles.
  writeFileSync(join(dir, 'report-00-copy.txt'),
    'Report 0: about 1000 North Korean troops have been sent to the Kursk region, ' +
    'according to Ukrainian military intelligence. Officials said 20 soldiers were killed in week 0.\n')
}

test('two workers share the queue; a killed worker\'s job is retried by the other; nothing is duplicated', { timeout: 200_000 }, async (t) => {
  if (process.env.CLAIMTRAIL_SKIP_PG === '1') {
    t.skip('CLAIMTRAIL_SKIP_PG=1')
    return
  }
  writeCorpus()
  const store: Store = await openPostgresStore(PG_URL, { schema: storeSchema, poolSize: 2 })
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    // Both workers stall on the first attempt of one record, whichever takes it.
    const stall = { CLAIMTRAIL_TEST_STALL: `${STALLED}:60000` }
    const a = startWorker(stall)
    const b = startWorker(stall)
    const workersLog = () => `worker A:\n${a.stderr()}\nworker B:\n${b.stderr()}`
    // start-up only (tsx, the models): slow when the machine is shared, not a fault of the queue
    await waitUntil('both workers to be ready', async () => {
      if (a.child.exitCode !== null || b.child.exitCode !== null) throw new Error(`a worker exited\n${workersLog()}`)
      return a.has(/ready/) && b.has(/ready/)
    }, 90_000)

    // The expiry must outlast the time the test takes to see the stall and kill its
    // holder, or the holder's own timeout would fail the job first.
    const enq = await runCli(['enqueue', '--job-timeout', '8', dir], '', env)
    assert.equal(enq.status, 0, enq.stderr)
    assert.match(enq.stderr, new RegExp(`^${DOCS + 1} ingest jobs enqueued`))

    let stalledJob: JobRow | undefined
    await waitUntil('the stalled job to exist', async () => {
      stalledJob = (await jobs(client, INGEST_QUEUE)).find((j) => j.data.record?.id === STALLED)
      return stalledJob !== undefined
    }, 5_000)
    const started = new RegExp(`job ${stalledJob!.id} started`)
    await waitUntil('a worker to take the stalled job', async () => a.has(started) || b.has(started), 20_000)
    const holder = a.has(started) ? a : b
    const survivor = holder === a ? b : a
    holder.child.kill('SIGKILL')
    await holder.exited

    const killedAt = Date.now()
    await waitUntil('every ingest job to complete', async () => {
      const rows = await jobs(client, INGEST_QUEUE)
      return rows.length === DOCS + 1 && rows.every((j) => j.state === 'completed')
    }, 100_000).catch(async (e) => {
      const states = (await jobs(client, INGEST_QUEUE)).filter((j) => j.state !== 'completed').map((j) => `${j.id} ${j.state} retries=${j.retry_count}`)
      throw new Error(`${(e as Error).message}; not completed: ${states.join(', ')}\n${workersLog()}`)
    })

    console.log(`the killed worker's job completed ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`)
    const rows = await jobs(client, INGEST_QUEUE)
    const retried = rows.find((j) => j.id === stalledJob!.id)!
    assert.ok(retried.retry_count >= 1, 'the stalled job was retried')
    assert.equal(retried.output?.status, 'ingested')
    assert.match(retried.output?.worker ?? '', new RegExp(`:${survivor.pid}$`), 'the surviving worker finished it')
    const statuses = rows.map((j) => j.output?.status).sort()
    assert.deepEqual(statuses, [...Array(DOCS).fill('ingested'), 'skipped'].sort())

    const counts = await store.counts()
    assert.equal(counts.articles, DOCS)
    const ids = (await store.articles()).map((x) => x.sourceId).sort()
    assert.equal(new Set(ids).size, DOCS, 'no article stored twice')
    assert.ok(ids.includes(STALLED))
    assert.ok(counts.claims > 0, 'claims were extracted')

    // Re-extraction of everything through the queue leaves the same articles and claims.
    const re = await runCli(['enqueue', '--reextract'], '', env)
    assert.equal(re.status, 0, re.stderr)
    assert.match(re.stderr, new RegExp(`^${DOCS} reextract jobs enqueued`))
    await waitUntil('every reextract job to complete', async () => {
      const r = await jobs(client, REEXTRACT_QUEUE)
      return r.length === DOCS && r.every((j) => j.state === 'completed')
    }, 30_000)
    assert.ok((await jobs(client, REEXTRACT_QUEUE)).every((j) => j.output?.status === 'reextracted'))
    assert.deepEqual(await store.counts(), counts)

    survivor.child.kill('SIGTERM')
    assert.equal(await survivor.exited, 0, 'SIGTERM stops a worker cleanly')
  } finally {
    await client.end()
    await store.close()
  }
})

test('worker and enqueue refuse to run without a PostgreSQL DATABASE_URL', async () => {
  for (const cmd of ['worker', 'enqueue']) {
    const r = await runCli([cmd, ...(cmd === 'enqueue' ? ['x.txt'] : [])], '', { DATABASE_URL: 'sqlite:ledger.db' })
    assert.equal(r.status, 2)
    assert.match(r.stderr, /^claimtrail: \w+: the job queue lives in PostgreSQL; set DATABASE_URL=postgres:\/\/.*\n$/)
  }
})
