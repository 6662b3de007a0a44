import { parseArgs } from 'node:util'
import { ClaimtrailError } from '../../model/errors.ts'
import { localFeedInputs } from '../../ingest/ingest.ts'
import { enqueueIngest, enqueueReextract } from '../../queue/enqueue.ts'
import { checkSchemaName, DEFAULT_QUEUE_SCHEMA, openQueue, queueDatabaseUrl } from '../../queue/queue.ts'
import { openPostgresStore } from '../../store/postgres/postgres.ts'
import type { Command } from '../command.ts'
import { maxBytesFlag, publishedFlag } from '../flags.ts'

export const command: Command = {
  name: 'enqueue',
  summary: 'Put ingest (or --reextract) jobs on the PostgreSQL job queue for `claimtrail worker` processes.',
  usage: 'claimtrail enqueue PATH|URL ... [--feed] [--job-timeout SECONDS] [--max-bytes N] [--queue-schema NAME]\n' +
    '       claimtrail enqueue --reextract [ARTICLE-KEY ...]   (no key: every stored article)   (needs DATABASE_URL=postgres://…)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args], allowPositionals: true,
      options: {
        reextract: { type: 'boolean', default: false },
        feed: { type: 'boolean', default: false },
        'job-timeout': { type: 'string' },
        'max-bytes': { type: 'string' },
        'queue-schema': { type: 'string' },
      },
    })
    // The command line is checked before the environment, as `ingest` does: a wrong
    // argument is named first, whether or not DATABASE_URL is set.
    if (!values.reextract && positionals.length === 0) throw new ClaimtrailError('USAGE', 'enqueue: give files, folders or URLs (or --reextract)')
    const jobTimeoutSeconds = values['job-timeout'] !== undefined ? Math.round(Number(values['job-timeout'])) : undefined
    if (jobTimeoutSeconds !== undefined && !(jobTimeoutSeconds >= 1)) throw new ClaimtrailError('USAGE', `--job-timeout ${values['job-timeout']}: give seconds, at least 1`)
    const maxBytes = maxBytesFlag(values['max-bytes'])
    const schema = checkSchemaName(values['queue-schema'] ?? io.env.CLAIMTRAIL_QUEUE_SCHEMA ?? DEFAULT_QUEUE_SCHEMA)

    // A file that is no feed, given with --feed, is refused before the queue is opened (or created).
    if (values.feed && !values.reextract) await localFeedInputs(positionals, 'queued')
    const url = queueDatabaseUrl(io.env, 'enqueue')

    let keys = positionals
    if (values.reextract && keys.length === 0) {
      const store = await openPostgresStore(url)
      try {
        keys = (await store.articles()).map((a) => a.key)
      } finally {
        await store.close()
      }
    }
    const boss = await openQueue(url, { schema, supervise: false })
    try {
      const options = {
        isFeed: values.feed, jobTimeoutSeconds, maxBytes,
        onFailure: (origin: string, reason: string) => io.stderr.write(`claimtrail: ${origin}: ${reason}\n`),
      }
      const summary = values.reextract ? await enqueueReextract(boss, keys, options) : await enqueueIngest(boss, positionals, options)
      io.stderr.write(`${summary.enqueued} ${values.reextract ? 'reextract' : 'ingest'} jobs enqueued${summary.failed ? `, ${summary.failed} inputs could not be read` : ''}\n`)
      return summary.failed > 0 ? 1 : 0
    } finally {
      await boss.stop({ graceful: false, wait: true })
    }
  },
}
