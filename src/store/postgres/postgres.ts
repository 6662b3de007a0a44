import { Kysely, PostgresDialect, sql, type SqlBool } from 'kysely'
import pg from 'pg'
import { ClaimtrailError } from '../../model/errors.ts'
import { createKyselyStore } from '../kysely-store.ts'
import { MIGRATIONS } from '../migrations.ts'
import type { Database } from '../schema.ts'
import type { Store } from '../store.ts'

/** Options for {@link openPostgresStore}. */
export interface PostgresOptions {
  /** Schema to create and use (default: the server's search_path). Tests use a random one. */
  readonly schema?: string
  /** Connections in the pool (default 4). */
  readonly poolSize?: number
}

// Any constant: the advisory lock that serialises migrations across processes.
const MIGRATION_LOCK = 727_274_001

/** Where the URL points, without the password, for messages. */
function describe(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || 5432}${u.pathname}`
  } catch {
    return 'DATABASE_URL'
  }
}

/**
 * Open (migrating as needed) a PostgreSQL ledger. Migrations run in one transaction
 * under an advisory lock, so concurrent processes do not race.
 *
 * @example
 * const store = await openPostgresStore('postgres://postgres@127.0.0.1:5432/test')
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const schema = options.schema
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new ClaimtrailError('USAGE', `schema name "${schema}" must be lower-case letters, digits and _`)
  }
  const pool = new pg.Pool({
    connectionString: url, max: options.poolSize ?? 4, connectionTimeoutMillis: 10_000,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  })
  // A network error on a connection would otherwise crash the process: an idle one's is
  // emitted by the pool, a checked-out one's by its client (the server stopping during a
  // query); the query itself fails too, and that failure is what gets reported.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  try {
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      if (schema !== undefined) await client.query(`create schema if not exists ${schema}`)
      await client.query('create table if not exists claimtrail_migrations (id text primary key, applied_at text not null)')
      const done = new Set((await client.query('select id from claimtrail_migrations')).rows.map((r) => r.id as string))
      for (const m of MIGRATIONS) {
        if (done.has(m.id)) continue
        for (const stmt of m.postgres) await client.query(stmt)
        await client.query('insert into claimtrail_migrations (id, applied_at) values ($1, $2)', [m.id, new Date().toISOString()])
      }
      await client.query('commit')
    } catch (e) {
      await client.query('rollback').catch(() => {})
      throw e
    } finally {
      client.release()
    }
  } catch (e) {
    await pool.end().catch(() => {})
    const reason = (e as Error).message || (e as { code?: string }).code || String(e)
    throw new ClaimtrailError('STORE', `cannot use PostgreSQL at ${describe(url)}: ${reason}; check DATABASE_URL and that the server runs`, { cause: e })
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return createKyselyStore(db, {
    backend: 'postgres',
    articleText: (q) => sql<SqlBool>`articles.search @@ plainto_tsquery('english', ${q})`,
    claimText: (q) => sql<SqlBool>`claims.search @@ plainto_tsquery('english', ${q})`,
    writeTransaction: (kdb, fn) => kdb.transaction().execute(fn),
    describeError: (e) => {
      const reason = (e as Error).message || (e as { code?: string }).code || String(e)
      const code = (e as { code?: unknown }).code
      // Connection refused or reset, the server shutting down (57P01-57P03), or a pool that
      // cannot reach it: the server, not the request, is the problem.
      const isGone = (typeof code === 'string' && (/^57P0[123]$/.test(code) || code.startsWith('ECONN') || code === 'ETIMEDOUT' || code === 'ENOTFOUND'))
        || /Connection terminated|timeout exceeded when trying to connect/i.test(reason)
      return isGone
        ? `cannot reach PostgreSQL at ${describe(url)} (${reason}); check that the server runs`
        : `PostgreSQL at ${describe(url)}: ${reason}`
    },
    close: async () => {},
  })
}
