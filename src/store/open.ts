import { ClaimtrailError } from '../model/errors.ts'
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
export async function openStore(options: OpenOptions = {}): Promise<Store> {
  const url = options.env?.DATABASE_URL
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new ClaimtrailError('USAGE', 'DATABASE_URL must be a PostgreSQL URL, postgres://user@host:5432/database; unset it to use the SQLite file')
    }
    return openPostgresStore(url)
  }
  return openSqliteStore(options.db ?? DEFAULT_DB_PATH, { mustExist: options.mustExist })
}

/** Options for {@link openStore}. */
export interface OpenOptions {
  /** The SQLite file (default `./claimtrail.db`); used when `env.DATABASE_URL` is not set. */
  readonly db?: string
  readonly env?: NodeJS.ProcessEnv
  /** Refuse a SQLite path where no file exists (commands that only read or correct a ledger). */
  readonly mustExist?: boolean
}
