import { hostname } from 'node:os'
import PgBoss from 'pg-boss'
import { ClaimtrailError } from '../model/errors.ts'

/**
 * The job queue that lets any number of `claimtrail worker` processes, on any number of
 * machines, share ingest and re-extraction against one PostgreSQL ledger. It is pg-boss
 * (jobs in PostgreSQL tables, fetched with SKIP LOCKED), not a queue of our own; this
 * module only fixes the queue names, their retry and expiry policy, and the payloads.
 */

/** Queue names. */
export const INGEST_QUEUE = 'claimtrail-ingest'
export const REEXTRACT_QUEUE = 'claimtrail-reextract'

/** The pg-boss schema used when none is given: kept apart from the ledger's tables. */
export const DEFAULT_QUEUE_SCHEMA = 'claimtrail_queue'

/**
 * Retry policy of both queues. A job whose worker dies stays `active` until it expires
 * (`expireInSeconds` after it started); pg-boss's maintenance then puts it back as
 * `retry`, and another worker takes it. pg-boss 10 has no heartbeat, so the expiry is
 * also the longest a single document may take: analysing a 10 MB document (the size
 * cap) takes well under a minute on one core, hence two minutes.
 */
export const JOB_POLICY = {
  retryLimit: 3,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 120,
} as const

/** Options for {@link openQueue}. */
export interface QueueOptions {
  /** pg-boss schema (default {@link DEFAULT_QUEUE_SCHEMA}). */
  readonly schema?: string
  /** How often an idle worker polls for jobs, in seconds (at least 0.5; default 2). */
  readonly pollSeconds?: number
  /**
   * How often pg-boss's maintenance runs (expiring jobs of dead workers, archiving), in
   * seconds (default 30). Only one process runs it per interval, whatever their number.
   */
  readonly maintenanceSeconds?: number
  /** Whether this process takes part in maintenance (workers do; `enqueue` does not). */
  readonly supervise?: boolean
  /** Connections in pg-boss's pool (default 4). */
  readonly poolSize?: number
}

/** Whether a URL names a PostgreSQL database. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(?:ql)?:\/\//i.test(url)
}

/** The PostgreSQL URL the queue needs, from the environment; says what to do when there is none. */
export function queueDatabaseUrl(env: NodeJS.ProcessEnv, command: string): string {
  const url = env.DATABASE_URL
  if (!isPostgresUrl(url)) {
    throw new ClaimtrailError('USAGE',
      `${command}: the job queue lives in PostgreSQL; set DATABASE_URL=postgres://user@host:5432/db ` +
      `(${url ? 'it is not a postgres:// URL' : 'it is not set'}); a single machine can use 'claimtrail ingest' with SQLite instead`)
  }
  return url
}

/** A schema name, checked: it is spliced into SQL by pg-boss. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new ClaimtrailError('USAGE', `queue schema "${schema}" must be lower-case letters, digits and _`)
  }
  return schema
}

/** This process, as job outputs and logs name it. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`
}

/**
 * Connect to the queue (installing or migrating pg-boss's schema if needed) and make
 * sure both queues exist. Call `stop()` on the result when done.
 *
 * @example
 * const boss = await openQueue(process.env.DATABASE_URL!, { supervise: false })
 * await boss.send(INGEST_QUEUE, { input: 'https://example.org/news/1' })
 * await boss.stop()
 */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  const schema = checkSchemaName(options.schema ?? DEFAULT_QUEUE_SCHEMA)
  const create = () => {
    const boss = new PgBoss({
      connectionString: url,
      schema,
      max: options.poolSize ?? 4,
      supervise: options.supervise ?? false,
      schedule: false,
      pollingIntervalSeconds: options.pollSeconds ?? 2,
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
      // Completed jobs stay visible for a day, then two more in pg-boss's archive: jobs
      // carry whole documents, and at a million a day a week of them is ~35 GB.
      archiveCompletedAfterSeconds: 24 * 3600,
      deleteAfterDays: 2,
    })
    // pg-boss reports background failures (a dropped connection during polling) as
    // events; without a listener Node would throw them. The worker logs them instead.
    boss.on('error', () => {})
    return boss
  }
  // Workers started together race to create pg-boss's schema; PostgreSQL resolves the
  // race by failing one with a deadlock or a duplicate key, and trying again finds the
  // schema made. Each attempt takes a new instance: a stopped one never runs its
  // maintenance again, so the jobs of a dead worker would never be expired and retried.
  for (let attempt = 1; ; attempt++) {
    const boss = create()
    try {
      await boss.start()
      await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, ...JOB_POLICY })
      await boss.createQueue(REEXTRACT_QUEUE, { name: REEXTRACT_QUEUE, ...JOB_POLICY })
      return boss
    } catch (e) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {})
      const code = (e as { code?: string }).code
      const isRace = code === '40P01' || code === '23505' || code === '42P07' || code === '40001'
      if (!isRace || attempt >= 5) {
        throw new ClaimtrailError('STORE', `cannot open the job queue in PostgreSQL: ${(e as Error).message}; check DATABASE_URL and that the server runs`, { cause: e })
      }
      await new Promise((r) => setTimeout(r, 200 * attempt + Math.random() * 300))
    }
  }
}
