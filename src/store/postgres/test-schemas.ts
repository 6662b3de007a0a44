/**
 * For test files: run a suite against PostgreSQL stores, each in a schema of its own that is
 * dropped when the file ends, so test files running at once never share tables. The server
 * is `CLAIMTRAIL_TEST_DATABASE_URL` (the local `test` database by default);
 * `CLAIMTRAIL_SKIP_PG=1` skips the suite with a note instead.
 */
import { randomBytes } from 'node:crypto'
import { after, test } from 'node:test'
import pg from 'pg'
import type { Store } from '../store.ts'
import { openPostgresStore } from './postgres.ts'

export const PG_TEST_URL = process.env.CLAIMTRAIL_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A fresh schema: its name, a `DATABASE_URL` that points a child process (CLI, server) at it, and a store in it. */
export interface PostgresSchema {
  readonly name: string
  /** The server URL with libpq's `options` setting the search path to this schema. */
  readonly url: string
  readonly open: () => Promise<Store>
}

/**
 * Calls `cases(open, schema)`: `open` makes a store in a fresh schema named `prefix_<random>`;
 * `schema` makes such a schema without opening it, for tests that hand its URL to another
 * process. Every schema made is dropped when the file ends.
 */
export function withPostgresSchemas(
  label: string, prefix: string, cases: (open: () => Promise<Store>, schema: () => PostgresSchema) => void,
): void {
  if (process.env.CLAIMTRAIL_SKIP_PG === '1') {
    test(`${label}: postgres`, { skip: 'CLAIMTRAIL_SKIP_PG=1' }, () => {})
    return
  }
  const schemas: string[] = []
  after(async () => {
    if (schemas.length === 0) return
    const client = new pg.Client({ connectionString: PG_TEST_URL })
    await client.connect()
    try {
      for (const s of schemas) await client.query(`drop schema if exists ${s} cascade`)
    } finally {
      await client.end()
    }
  })
  const schema = (): PostgresSchema => {
    const name = `${prefix}_${randomBytes(6).toString('hex')}`
    schemas.push(name)
    const url = `${PG_TEST_URL}${PG_TEST_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${name}`)}`
    return { name, url, open: () => openPostgresStore(PG_TEST_URL, { schema: name, poolSize: 2 }) }
  }
  cases(() => schema().open(), schema)
}
