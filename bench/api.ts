import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAnalyzer } from '../src/analyze.ts'
import { startServer } from '../src/api/server.ts'
import { buildArticle } from '../src/ingest/article.ts'
import { openSqliteStore } from '../src/store/sqlite/sqlite.ts'
import type { BenchCorpus } from './corpus.ts'
import { distinctRecords } from './ingest.ts'

/** What the load generator measured for one endpoint. */
export interface LoadResult {
  readonly label: string
  readonly requests: number
  readonly errors: number
  readonly seconds: number
  readonly requestsPerSecond: number
  readonly p50Ms: number
  readonly p99Ms: number
}

/** What the load generator is asked to do (passed to the child as JSON). */
interface LoadPlan {
  readonly label: string
  readonly url: string
  readonly method: 'GET' | 'POST'
  /** A file of request bodies, one JSON per line, sent in turn (POST). */
  readonly bodiesFile?: string
  readonly connections: number
  readonly seconds: number
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}

/**
 * The load generator: `connections` loops, each sending its next request when the last
 * answered (closed loop, keep-alive connections), for `seconds`. Runs in its own
 * process so that it does not share the server's event loop or core accounting.
 */
async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const bodies = plan.bodiesFile ? readFileSync(plan.bodiesFile, 'utf8').split('\n').filter(Boolean) : []
  const latencies: number[] = []
  let errors = 0
  let next = 0
  const deadline = performance.now() + plan.seconds * 1000
  const t0 = performance.now()
  const loop = async () => {
    while (performance.now() < deadline) {
      const body = bodies.length > 0 ? bodies[next++ % bodies.length] : undefined
      const start = performance.now()
      try {
        const res = await fetch(plan.url, {
          method: plan.method, body, headers: body ? { 'content-type': 'application/json' } : undefined,
        })
        await res.arrayBuffer()
        if (!res.ok) errors++
      } catch {
        errors++
      }
      latencies.push(performance.now() - start)
    }
  }
  await Promise.all(Array.from({ length: plan.connections }, loop))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return {
    label: plan.label, requests: latencies.length, errors, seconds,
    requestsPerSecond: latencies.length / seconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99),
  }
}

function runLoadProcess(plan: LoadPlan): Promise<LoadResult> {
  const self = fileURLToPath(import.meta.url)
  const child = spawn(process.execPath, ['--import', 'tsx', self, 'load', JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (d: string) => { out += d })
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`))
      else resolve(JSON.parse(out) as LoadResult)
    })
  })
}

/**
 * API throughput (issue 7): `claimtrail serve`'s app over a SQLite ledger of `articles`
 * distinct PolNeAR dev articles, loaded from a second process on loopback with
 * keep-alive connections: GET /api/figures (reconciles the whole ledger per request)
 * and POST /api/extract (analyses one article per request).
 */
export async function benchApi(corpus: BenchCorpus, articles: number, log: (s: string) => void, seconds = 10, connections = 8): Promise<LoadResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-api-'))
  const store = openSqliteStore(join(dir, 'api.db'))
  const analyzer = createAnalyzer()
  try {
    const records = distinctRecords(corpus, articles)
    for (const r of records) await store.putArticle(buildArticle({ ...r, title: null, origin: r.id }, analyzer))
    const counts = await store.counts()
    log(`  ledger: ${counts.articles} articles, ${counts.claims} claims (SQLite); ${connections} keep-alive connections, ${seconds} s per endpoint`)
    const server = await startServer({ store, port: 0, analyzer: () => analyzer })
    try {
      const bodiesFile = join(dir, 'bodies.jsonl')
      writeFileSync(bodiesFile, corpus.texts.slice(0, 200).map((text, i) => JSON.stringify({ id: `x${i}`, text })).join('\n') + '\n')
      const results: LoadResult[] = []
      for (const plan of [
        { label: 'GET /api/figures', url: `${server.url}/api/figures`, method: 'GET' as const },
        { label: 'POST /api/extract', url: `${server.url}/api/extract`, method: 'POST' as const, bodiesFile },
      ]) {
        const r = await runLoadProcess({ ...plan, connections, seconds })
        results.push(r)
        log(`  ${r.label}: ${r.requestsPerSecond.toFixed(1)} requests/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms (${r.requests} requests, ${r.errors} errors)`)
      }
      return results
    } finally {
      await server.close()
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

// Run as the load-generating child: `node --import tsx bench/api.ts load '<plan json>'`.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'load') {
  const result = await generateLoad(JSON.parse(process.argv[3]) as LoadPlan)
  process.stdout.write(JSON.stringify(result) + '\n')
}
