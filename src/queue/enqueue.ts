import type PgBoss from 'pg-boss'
import { readInputs } from '../ingest/files.ts'
import { isUrl, localFeedInputs } from '../ingest/ingest.ts'
import type { IngestJob, ReextractJob } from './jobs.ts'
import { INGEST_QUEUE, JOB_POLICY, REEXTRACT_QUEUE } from './queue.ts'

/** Options for {@link enqueueIngest} and {@link enqueueReextract}. */
export interface EnqueueOptions {
  /**
   * URL inputs are RSS/Atom feeds: a worker fetches the feed and ingests its items. A local
   * feed file is refused on its own (a worker elsewhere cannot read it); a file that is no
   * feed refuses the whole call before anything is queued, as `ingest --feed` does.
   */
  readonly isFeed?: boolean
  /** Seconds a job may stay active before it counts as abandoned and is retried. */
  readonly jobTimeoutSeconds?: number
  readonly maxBytes?: number
  /** Called for each input that cannot be read (it is not enqueued). */
  readonly onFailure?: (origin: string, reason: string) => void
}

/** What was put on the queue. */
export interface EnqueueSummary {
  readonly enqueued: number
  readonly failed: number
}

// pg-boss inserts a batch in one statement; a few hundred jobs per round trip keep the
// statement small even when each job carries a whole article.
const INSERT_BATCH = 200

async function insertAll(boss: PgBoss, name: string, payloads: readonly object[], options: EnqueueOptions): Promise<void> {
  const policy = { ...JOB_POLICY, ...(options.jobTimeoutSeconds ? { expireInSeconds: options.jobTimeoutSeconds } : {}) }
  for (let i = 0; i < payloads.length; i += INSERT_BATCH) {
    await boss.insert(payloads.slice(i, i + INSERT_BATCH).map((data) => ({ name, data, ...policy })))
  }
}

/**
 * Put ingest jobs on the queue. Files and folders are read here, on the machine that
 * enqueues, and each document travels in its job, so workers on other machines need no
 * shared disk; URLs (and feeds) are fetched by the worker that takes the job.
 *
 * @throws ClaimtrailError USAGE with `isFeed` and a file that is no feed (nothing is queued)
 * @example
 * await enqueueIngest(boss, ['archive/2024', 'https://example.org/news/1'])
 */
export async function enqueueIngest(boss: PgBoss, inputs: readonly string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  // Checked before the first job: with --feed, a file that is no feed queues nothing.
  const localFeeds = options.isFeed ? await localFeedInputs(inputs, 'queued') : new Set<string>()
  const jobs: IngestJob[] = []
  let failed = 0
  let enqueued = 0
  const flush = async (): Promise<void> => {
    await insertAll(boss, INGEST_QUEUE, jobs, options)
    enqueued += jobs.length
    jobs.length = 0
  }
  for (const input of inputs) {
    if (isUrl(input)) {
      jobs.push(options.isFeed ? { input, feed: true } : { input })
      continue
    }
    if (localFeeds.has(input)) {
      // A job names what to read, and a worker on another machine cannot read this file.
      failed++
      options.onFailure?.(input, "--feed on the queue takes feed URLs; workers elsewhere cannot read a local file: add it with 'claimtrail ingest --feed FILE'")
      continue
    }
    for await (const r of readInputs([input], { maxBytes: options.maxBytes })) {
      if (!r.ok) {
        failed++
        options.onFailure?.(r.origin, r.reason)
        continue
      }
      const { origin: _origin, ...record } = r.record
      jobs.push({ record })
      if (jobs.length >= INSERT_BATCH) await flush()
    }
  }
  await flush()
  return { enqueued, failed }
}

/** Put re-extraction jobs on the queue, one per article key. */
export async function enqueueReextract(boss: PgBoss, keys: readonly string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const payloads: ReextractJob[] = keys.map((key) => ({ key }))
  await insertAll(boss, REEXTRACT_QUEUE, payloads, options)
  return { enqueued: payloads.length, failed: 0 }
}
