import type PgBoss from 'pg-boss'
import type { Analyzer } from '../analyze.ts'
import type { Store } from '../store/store.ts'
import { runIngestJob, runReextractJob, type JobContext, type JobOutput } from './jobs.ts'
import { INGEST_QUEUE, REEXTRACT_QUEUE, workerName } from './queue.ts'

/** What a worker tells its shell, one event per job. */
export type WorkerEvent =
  | { readonly kind: 'started'; readonly queue: string; readonly job: string }
  | { readonly kind: 'finished'; readonly queue: string; readonly job: string; readonly output: JobOutput; readonly ms: number }
  | { readonly kind: 'failed'; readonly queue: string; readonly job: string; readonly reason: string; readonly retry: number }
  | { readonly kind: 'error'; readonly reason: string }

/** Options for {@link startWorker}. */
export interface WorkerOptions {
  readonly boss: PgBoss
  readonly store: Store
  readonly analyzer: () => Analyzer
  /**
   * Jobs this process runs at once (default 1). Analysis is synchronous CPU work, so
   * more than 1 only overlaps database and network waits; run one process per core to
   * use more cores.
   */
  readonly concurrency?: number
  readonly onEvent?: (e: WorkerEvent) => void
  /**
   * Test only: how long to stall inside a job before doing it (0: none), given its
   * payload and how many times it was tried before. Lets a test kill a worker that
   * holds a job.
   */
  readonly stallMs?: (data: unknown, retryCount: number) => number
}

/** A running worker. */
export interface RunningWorker {
  /** Stop fetching, let jobs in hand finish, and close the queue connection. */
  stop(): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Take `ingest` and `reextract` jobs from the queue and run them against the store.
 * Each fetch takes one job, so each job completes, fails or is retried on its own; a
 * worker that finished a job fetches the next at once instead of waiting for its poll.
 *
 * @example
 * const worker = await startWorker({ boss, store, analyzer: () => createAnalyzer() })
 * process.on('SIGTERM', () => worker.stop())
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { boss } = options
  const emit = options.onEvent ?? (() => {})
  const ctx: JobContext = { store: options.store, analyzer: options.analyzer, worker: workerName() }
  const concurrency = Math.max(1, options.concurrency ?? 1)
  boss.on('error', (e) => emit({ kind: 'error', reason: e.message }))

  const handler = (queue: string, run: (data: unknown, c: JobContext) => Promise<JobOutput>) =>
    async (jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<JobOutput> => {
      const job = jobs[0]
      emit({ kind: 'started', queue, job: job.id })
      const t0 = performance.now()
      try {
        const stall = options.stallMs?.(job.data, job.retryCount) ?? 0
        if (stall > 0) await sleep(stall)
        const output = await run(job.data, ctx)
        emit({ kind: 'finished', queue, job: job.id, output, ms: performance.now() - t0 })
        return output
      } catch (e) {
        emit({ kind: 'failed', queue, job: job.id, reason: (e as Error).message ?? String(e), retry: job.retryCount })
        throw e
      }
    }

  const work = { batchSize: 1, includeMetadata: true } as const
  for (let i = 0; i < concurrency; i++) {
    for (const [queue, run] of [[INGEST_QUEUE, runIngestJob], [REEXTRACT_QUEUE, runReextractJob]] as const) {
      const handle = handler(queue, run)
      let id = ''
      id = await boss.work<unknown>(queue, work, async (jobs) => {
        const out = await handle(jobs)
        // pg-boss waits a whole poll interval even after a fetch found work; a worker
        // with more to do should not idle, so wake this fetch loop at once.
        if (id) boss.notifyWorker(id)
        return out
      })
    }
  }
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 })
    },
  }
}
