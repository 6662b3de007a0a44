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

/** Calls `cases(open)` with an `open` that makes a store in a fresh schema named `prefix_<random>`. */
export function withPostgresSchemas(label: string, prefix: string, cases: (open: () => Promise<Store>) => void): void {
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
  cases(async () => {
    const schema = `${prefix}_${randomBytes(6).toString('hex')}`
    schemas.push(schema)
    return openPostgresStore(PG_TEST_URL, { schema, poolSize: 2 })
  })
}
