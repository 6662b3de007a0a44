/**
 * Store write rate, without analysis: analyse a JSONL corpus once, then time look-up plus
 * commit of every article into a fresh SQLite file and a fresh PostgreSQL schema.
 *
 * Usage: node --import tsx src/store/store-bench.ts CORPUS.jsonl [POSTGRES_URL]
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createAnalyzer } from '../analyze.ts'
import { buildArticle } from '../ingest/article.ts'
import { readInputs } from '../ingest/files.ts'
import { openPostgresStore } from './postgres/postgres.ts'
import { openSqliteStore } from './sqlite/sqlite.ts'
import type { ArticleInput, Store } from './store.ts'

async function timeWrites(store: Store, articles: readonly ArticleInput[]): Promise<number> {
  const started = performance.now()
  for (const a of articles) {
    await store.findArticle({ url: a.url, contentHash: a.contentHash })
    await store.putArticle(a)
  }
  return articles.length / ((performance.now() - started) / 1000)
}

const [corpus, pgUrl = 'postgres://postgres@127.0.0.1:5432/test'] = process.argv.slice(2)
if (!corpus) {
  process.stderr.write('usage: node --import tsx src/store/store-bench.ts CORPUS.jsonl [POSTGRES_URL]\n')
  process.exit(2)
}
const analyzer = createAnalyzer()
const articles: ArticleInput[] = []
let unreadable = 0
for await (const r of readInputs([corpus])) {
  try {
    if (r.ok) articles.push(buildArticle(r.record, analyzer))
    else unreadable++
  } catch {
    unreadable++
  }
}
if (unreadable > 0) process.stdout.write(`${unreadable} documents could not be read or analysed; left out\n`)
const claims = articles.reduce((n, a) => n + a.claims.length, 0)
process.stdout.write(`${articles.length} articles, ${claims} claims, analysed in advance\n`)

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-store-bench-'))
try {
  const sqlite = openSqliteStore(join(dir, 'bench.db'))
  process.stdout.write(`sqlite:     ${(await timeWrites(sqlite, articles)).toFixed(0)} articles/s\n`)
  await sqlite.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const schema = `ct_bench_${randomBytes(4).toString('hex')}`
const postgres = await openPostgresStore(pgUrl, { schema })
try {
  process.stdout.write(`postgresql: ${(await timeWrites(postgres, articles)).toFixed(0)} articles/s\n`)
} finally {
  await postgres.close()
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  await client.query(`drop schema ${schema} cascade`)
  await client.end()
}
