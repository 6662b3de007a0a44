import { parseArgs } from 'node:util'
import { createAnalyzer } from '../../analyze.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import { checkSchemaName, DEFAULT_QUEUE_SCHEMA, openQueue, queueDatabaseUrl, workerName } from '../../queue/queue.ts'
import { startWorker, type WorkerEvent } from '../../queue/worker.ts'
import { openPostgresStore } from '../../store/postgres/postgres.ts'
import type { CliIo, Command } from '../command.ts'

function positiveNumber(value: string, flag: string, min: number): number {
  const n = Number(value)
  if (!(n >= min)) throw new ClaimtrailError('USAGE', `--${flag} ${value}: give a number, at least ${min}`)
  return n
}

/**
 * The test-only stall `CLAIMTRAIL_TEST_STALL=<record id>:<ms>`: the first attempt of
 * the ingest job of that record waits `ms` before working, so that a test can kill the
 * worker while it holds the job; retries run at once.
 */
function testStall(spec: string | undefined): ((data: unknown, retryCount: number) => number) | undefined {
  const m = spec?.match(/^(.+):(\d+)$/)
  if (!m) return undefined
  const [, id, ms] = m
  return (data, retryCount) => {
    const record = (data as { record?: { id?: unknown } } | null)?.record
    return retryCount === 0 && record?.id === id ? Number(ms) : 0
  }
}

function describeEvent(e: WorkerEvent): string | null {
  switch (e.kind) {
    case 'started': return `${e.queue} job ${e.job} started`
    case 'finished': {
      const o = e.output
      const what = o.status === 'ingested' ? `ingested ${o.key} (${o.claims} claims)`
        : o.status === 'skipped' ? `skipped: already stored as ${o.key} (same ${o.by})`
        : o.status === 'reextracted' ? `re-extracted ${o.key} (${o.claims} claims)`
        : o.status === 'rejected' ? `rejected: ${o.reason}`
        : `${o.ingested} ingested, ${o.skipped} skipped`
      return `${e.queue} job ${e.job} ${what} in ${e.ms.toFixed(0)} ms`
    }
    case 'failed': return `${e.queue} job ${e.job} failed (attempt ${e.retry + 1}, will be retried if attempts remain): ${e.reason}`
    case 'error': return `queue error: ${e.reason}`
  }
}

export const command: Command = {
  name: 'worker',
  summary: 'Take ingest and reextract jobs from the PostgreSQL job queue (run one per core, on any machine).',
  usage: 'claimtrail worker [--concurrency N] [--queue-schema NAME] [--poll SECONDS] [--maintenance SECONDS]   (needs DATABASE_URL=postgres://…)',
  async run(args, io: CliIo) {
    const { values } = parseArgs({
      args: [...args], allowPositionals: false,
      options: {
        concurrency: { type: 'string', default: '1' },
        'queue-schema': { type: 'string' },
        poll: { type: 'string', default: '2' },
        maintenance: { type: 'string', default: '30' },
      },
    })
    const concurrency = positiveNumber(values.concurrency, 'concurrency', 1)
    if (!Number.isInteger(concurrency)) throw new ClaimtrailError('USAGE', `--concurrency ${values.concurrency}: give a whole number`)
    const pollSeconds = positiveNumber(values.poll, 'poll', 0.5)
    const maintenanceSeconds = Math.round(positiveNumber(values.maintenance, 'maintenance', 1))
    const schema = checkSchemaName(values['queue-schema'] ?? io.env.CLAIMTRAIL_QUEUE_SCHEMA ?? DEFAULT_QUEUE_SCHEMA)
    // The command line first, then the environment (as `enqueue` and `ingest`).
    const url = queueDatabaseUrl(io.env, 'worker')
    const stallMs = testStall(io.env.CLAIMTRAIL_TEST_STALL)
    // Load the models first: a worker that cannot analyse must not take jobs.
    const analyzer = createAnalyzer()

    const store = await openPostgresStore(url, { poolSize: concurrency + 1 })
    let boss
    try {
      boss = await openQueue(url, { schema, pollSeconds, maintenanceSeconds, supervise: true, poolSize: concurrency + 2 })
    } catch (e) {
      await store.close()
      throw e
    }
    const log = (line: string) => io.stderr.write(`worker ${workerName()}: ${line}\n`)
    const worker = await startWorker({
      boss, store, concurrency, stallMs,
      analyzer: () => analyzer,
      onEvent: (e) => {
        const line = describeEvent(e)
        if (line) log(line)
      },
    })
    log(`ready (queue schema ${schema}, concurrency ${concurrency}); Ctrl-C or SIGTERM stops after the jobs in hand`)
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        log('stopping')
        resolve()
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    await worker.stop()
    await store.close()
    log('stopped')
    return 0
  },
}
