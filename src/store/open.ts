import { openPostgresStore } from './postgres/postgres.ts'
import { openSqliteStore } from './sqlite/sqlite.ts'
import type { Store } from './store.ts'

/** The default SQLite ledger file, in the working directory. */
export const DEFAULT_DB_PATH = './claimtrail.db'

/**
 * Open the ledger the user asked for: PostgreSQL when `DATABASE_URL` is set, else the
 * SQLite file `db` (default `./claimtrail.db`).
 *
 * @example
 * const store = await openStore({ db: 'ledger.db', env: process.env })
 */
export async function openStore(options: { readonly db?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<Store> {
  const url = options.env?.DATABASE_URL
  if (url) return openPostgresStore(url)
  return openSqliteStore(options.db ?? DEFAULT_DB_PATH)
}
