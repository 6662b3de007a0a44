import { existsSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect, sql, type SqlBool } from 'kysely'
import { ClaimtrailError } from '../../model/errors.ts'
import { createKyselyStore, fts5Query } from '../kysely-store.ts'
import { MIGRATIONS } from '../migrations.ts'
import type { Database } from '../schema.ts'
import type { Store } from '../store.ts'

// How long a writer waits for another process's write lock before giving up. Ingest
// commits one article per transaction, so locks are held for milliseconds.
const BUSY_TIMEOUT_MS = 15_000

/**
 * Open (creating and migrating as needed) a SQLite ledger at `path` (`:memory:` for a
 * throwaway one). WAL mode and a busy timeout let several processes read and write the
 * same file: writers queue, nothing is corrupted.
 *
 * @example
 * const store = openSqliteStore('claimtrail.db')
 */
export function openSqliteStore(path: string, options: SqliteOptions = {}): Store {
  if (path !== ':memory:' && path !== '') {
    // SQLite says only "unable to open database file" for both.
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw new ClaimtrailError('STORE', `the ledger ${path} is a folder; give a ledger file, e.g. --db ${join(path, 'claimtrail.db')}`)
    }
    if (!options.mustExist && !existsSync(dirname(resolve(path)))) {
      throw new ClaimtrailError('STORE', `cannot create the ledger ${path}: the folder ${dirname(path)} does not exist; create it first`)
    }
  }
  if (options.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new ClaimtrailError('STORE', `no ledger at ${path}; ingest articles into it first (claimtrail ingest FILE --db ${path}) or give the right --db PATH`)
  }
  let raw: Sqlite.Database
  try {
    raw = new Sqlite(path)
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    raw.pragma('journal_mode = WAL')
    // NORMAL is durable against process crashes (kill -9) in WAL mode; only a power
    // loss can drop the last commits, never corrupt the file.
    raw.pragma('synchronous = NORMAL')
    raw.pragma('foreign_keys = ON')
    migrate(raw)
  } catch (e) {
    if (e instanceof ClaimtrailError) throw e
    throw new ClaimtrailError('STORE', `cannot open the ledger ${path}: ${sqliteProblem(path, e)}`, { cause: e })
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) })
  return createKyselyStore(db, {
    backend: 'sqlite',
    articleText: (q) => sql<SqlBool>`articles.id in (select rowid from articles_fts where articles_fts match ${fts5Query(q)})`,
    claimText: (q) => sql<SqlBool>`claims.id in (select rowid from claims_fts where claims_fts match ${fts5Query(q)})`,
    // BEGIN IMMEDIATE takes the write lock first, waiting on busy_timeout. A deferred BEGIN
    // can fail at once with "database is locked" when another process commits between
    // its read snapshot and its write (SQLITE_BUSY_SNAPSHOT): seen with two ingests.
    writeTransaction: (kdb, fn) => kdb.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn)
      try {
        const result = await fn(conn)
        await sql`commit`.execute(conn)
        return result
      } catch (e) {
        await sql`rollback`.execute(conn).catch(() => {})
        throw e
      }
    }),
    describeError: (e) => `the ledger ${path}: ${sqliteProblem(path, e)}`,
    close: async () => {},
  })
}

/** Options for {@link openSqliteStore}. */
export interface SqliteOptions {
  /** Refuse a path where no file exists, rather than create an empty ledger (commands that only read). */
  readonly mustExist?: boolean
}

/** What a SQLite error means for the user, and what to do about it. */
function sqliteProblem(path: string, e: unknown): string {
  const code = (e as { code?: unknown }).code
  const message = e instanceof Error ? e.message : String(e)
  if (code === 'SQLITE_READONLY_DIRECTORY') {
    return `its folder is read-only, and SQLite must create ${basename(path)}-shm beside it even to read it; copy the file to a writable folder`
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return `the file is read-only (${message}); nothing was written. Check the permissions of the file and its folder`
  }
  if (code === 'SQLITE_FULL') return 'the disk is full; nothing more was written'
  if (code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))) {
    return `${message}; the file is damaged or is not a claimtrail ledger`
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
    return `another process kept it locked for ${BUSY_TIMEOUT_MS / 1000} s (${message}); try again`
  }
  return message
}

function migrate(raw: Sqlite.Database): void {
  raw.exec('create table if not exists claimtrail_migrations (id text primary key, applied_at text not null)')
  // IMMEDIATE takes the write lock first, so two processes migrating at once queue.
  raw.transaction(() => {
    const done = new Set(raw.prepare('select id from claimtrail_migrations').pluck().all() as string[])
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue
      for (const stmt of m.sqlite) raw.exec(stmt)
      raw.prepare('insert into claimtrail_migrations (id, applied_at) values (?, ?)').run(m.id, new Date().toISOString())
    }
  }).immediate()
}
