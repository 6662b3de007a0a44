import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createAnalyzer, type Analyzer } from '../src/analyze.ts'
import { buildArticle } from '../src/ingest/article.ts'
import { ingest } from '../src/ingest/ingest.ts'
import { enqueueIngest } from '../src/queue/enqueue.ts'
import { INGEST_QUEUE, openQueue } from '../src/queue/queue.ts'
import { openPostgresStore } from '../src/store/postgres/postgres.ts'
import { openSqliteStore } from '../src/store/sqlite/sqlite.ts'
import type { ArticleInput, Store } from '../src/store/store.ts'
import type { BenchCorpus } from './corpus.ts'

/** The PostgreSQL the bench writes to, in throwaway schemas. */
export const BENCH_PG_URL = process.env.CLAIMTRAIL_BENCH_DATABASE_URL ?? process.env.CLAIMTRAIL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** One measured ingest rate. */
export interface IngestRate {
  readonly label: string
  readonly docs: number
  readonly seconds: number
  readonly docsPerSecond: number
}

const BIN = fileURLToPath(new URL('../bin/claimtrail.js', import.meta.url))

function rate(label: string, docs: number, ms: number): IngestRate {
  return { label, docs, seconds: ms / 1000, docsPerSecond: docs / (ms / 1000) }
}

/** URL for a PostgreSQL schema of its own, through libpq's `options`. */
export function schemaUrl(url: string, schema: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
}

async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const s of schemas) await client.query(`drop schema if exists ${s} cascade`)
  } finally {
    await client.end()
  }
}

/**
 * The corpus as distinct documents: the PolNeAR texts repeat to reach the count, and a
 * repeat would be skipped by the ledger's content hash, so each copy gets its own line.
 */
export function distinctRecords(corpus: BenchCorpus, count: number): Array<{ id: string; text: string; published: string; outlet: string; url: string }> {
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`, text: `${corpus.texts[i % corpus.texts.length]}\n\n(bench copy ${i})\n`,
    published: '2016-10-01', outlet: `Outlet ${i % 12}`, url: `https://bench.example/${i}`,
  }))
}

async function timeIngest(label: string, jsonl: string, docs: number, store: Store, analyzer: Analyzer): Promise<IngestRate> {
  const t0 = performance.now()
  const summary = await ingest([jsonl], { store, analyzer: () => analyzer })
  const ms = performance.now() - t0
  if (summary.ingested !== docs) throw new Error(`${label}: ${summary.ingested} of ${docs} ingested (${summary.failed} failed)`)
  return rate(label, docs, ms)
}

async function timePuts(label: string, articles: readonly ArticleInput[], store: Store): Promise<IngestRate> {
  const t0 = performance.now()
  for (const a of articles) await store.putArticle(a)
  return rate(label, articles.length, performance.now() - t0)
}

/**
 * Ingest rates (BENCHMARKS.md §3): `claimtrail ingest` end to end (read, analyse, store)
 * into a temporary SQLite file and a temporary PostgreSQL schema, one core; and the store
 * alone (already analysed articles, one transaction each), which is what the database
 * must sustain when many workers analyse in parallel.
 */
export async function benchIngest(corpus: BenchCorpus, count: number, log: (s: string) => void): Promise<IngestRate[]> {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-ingest-'))
  const records = distinctRecords(corpus, count)
  const jsonl = join(dir, 'corpus.jsonl')
  writeFileSync(jsonl, records.map((r) => JSON.stringify(r)).join('\n') + '\n')
  const analyzer = createAnalyzer()
  for (const r of records.slice(0, 20)) analyzer.analyze(r.text, { id: 'warm-up' })
  const schemas = [`ct_bench_${randomBytes(4).toString('hex')}`, `ct_bench_${randomBytes(4).toString('hex')}`]
  const rates: IngestRate[] = []
  const say = (r: IngestRate) => {
    rates.push(r)
    log(`  ${r.label}: ${r.docsPerSecond.toFixed(1)} docs/s (${r.docs} docs, ${r.seconds.toFixed(1)} s)`)
  }
  try {
    let sqlite = openSqliteStore(join(dir, 'ingest.db'))
    try {
      say(await timeIngest('ingest into SQLite (analyse + store, 1 core)', jsonl, count, sqlite, analyzer))
    } finally {
      await sqlite.close()
    }
    let postgres = await openPostgresStore(BENCH_PG_URL, { schema: schemas[0] })
    try {
      say(await timeIngest('ingest into PostgreSQL (analyse + store, 1 core)', jsonl, count, postgres, analyzer))
    } finally {
      await postgres.close()
    }

    const articles = records.map((r) => buildArticle({ ...r, title: null, origin: r.id }, analyzer))
    sqlite = openSqliteStore(join(dir, 'store-only.db'))
    try {
      say(await timePuts('SQLite store alone (one transaction per article)', articles, sqlite))
    } finally {
      await sqlite.close()
    }
    postgres = await openPostgresStore(BENCH_PG_URL, { schema: schemas[1] })
    try {
      say(await timePuts('PostgreSQL store alone (one transaction per article)', articles, postgres))
      const size = await new pg.Pool({ connectionString: BENCH_PG_URL, max: 1 })
      try {
        const bytes = Number((await size.query(
          `select sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))) as b from pg_tables where schemaname = $1`, [schemas[1]])).rows[0].b)
        const claims = (await postgres.counts()).claims
        log(`  PostgreSQL ledger size: ${(bytes / 1024 / count).toFixed(1)} kB per article with its text, analysis, ${(claims / count).toFixed(1)} claims and indexes`)
      } finally {
        await size.end()
      }
    } finally {
      await postgres.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await dropSchemas(BENCH_PG_URL, schemas).catch(() => {})
  }
  return rates
}

function startWorkerProcess(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [BIN, 'worker', '--poll', '0.5'], { env, stdio: ['ignore', 'ignore', 'pipe'] })
  let text = ''
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      text += chunk
      if (/ready/.test(text)) resolve()
    })
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${text}`)))
  })
  return { child, ready }
}

/**
 * Queue throughput with `workers` worker processes on this machine: jobs enqueued, the
 * time from the first job to the last completion (workers started and their models
 * loaded beforehand), against PostgreSQL.
 */
export async function benchWorkers(corpus: BenchCorpus, count: number, workers: number, log: (s: string) => void): Promise<IngestRate> {
  const suffix = randomBytes(4).toString('hex')
  const storeSchema = `ct_bench_w_${suffix}`
  const queueSchema = `ct_bench_q_${suffix}`
  const url = schemaUrl(BENCH_PG_URL, storeSchema)
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-workers-'))
  const jsonl = join(dir, 'corpus.jsonl')
  writeFileSync(jsonl, distinctRecords(corpus, count).map((r) => JSON.stringify(r)).join('\n') + '\n')
  await (await openPostgresStore(BENCH_PG_URL, { schema: storeSchema })).close()
  const boss = await openQueue(BENCH_PG_URL, { schema: queueSchema })
  const procs = Array.from({ length: workers }, () => startWorkerProcess({ ...process.env, DATABASE_URL: url, CLAIMTRAIL_QUEUE_SCHEMA: queueSchema }))
  try {
    await Promise.all(procs.map((p) => p.ready))
    const t0 = performance.now()
    await enqueueIngest(boss, [jsonl])
    const client = new pg.Client({ connectionString: BENCH_PG_URL })
    await client.connect()
    try {
      for (;;) {
        const { rows } = await client.query(`select count(*) filter (where state = 'completed') as done, count(*) filter (where state = 'failed') as failed from ${queueSchema}.job where name = $1`, [INGEST_QUEUE])
        if (Number(rows[0].failed) > 0) throw new Error(`${rows[0].failed} jobs failed`)
        if (Number(rows[0].done) >= count) break
        await new Promise((r) => setTimeout(r, 100))
      }
    } finally {
      await client.end()
    }
    const r = rate(`${workers} worker process${workers > 1 ? 'es' : ''} (PostgreSQL, pg-boss queue)`, count, performance.now() - t0)
    log(`  ${r.label}: ${r.docsPerSecond.toFixed(1)} docs/s (${count} jobs, ${r.seconds.toFixed(1)} s)`)
    return r
  } finally {
    for (const p of procs) p.child.kill('SIGTERM')
    await Promise.all(procs.map((p) => new Promise((resolve) => (p.child.exitCode !== null ? resolve(null) : p.child.on('exit', resolve)))))
    await boss.stop({ graceful: false, wait: true })
    rmSync(dir, { recursive: true, force: true })
    await dropSchemas(BENCH_PG_URL, [storeSchema, queueSchema]).catch(() => {})
  }
}
