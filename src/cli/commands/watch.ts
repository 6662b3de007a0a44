import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { createAnalyzer } from '../../analyze.ts'
import { isUrl } from '../../ingest/ingest.ts'
import { MIN_INTERVAL_SECONDS, pollFeeds, secondsUntilDue } from '../../ingest/watch.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Analyzer } from '../../analyze.ts'
import type { Command } from '../command.ts'
import { progressReporter } from './ingest.ts'
import { LEDGER_OPTIONS, withLedger } from './ledger-shared.ts'

/** `claimtrail watch`: poll feeds and ingest new items. */
export const command: Command = {
  name: 'watch',
  summary: 'Poll RSS/Atom feeds politely (ETag, If-Modified-Since, at most once a minute) and ingest new items.',
  usage: `claimtrail watch FEED_URL... [--db PATH] [--interval SECONDS (default 900, at least ${MIN_INTERVAL_SECONDS})] [--once] [--json]`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args], allowPositionals: true,
      options: { ...LEDGER_OPTIONS, interval: { type: 'string', default: '900' }, once: { type: 'boolean', default: false } },
    })
    if (positionals.length === 0) throw new ClaimtrailError('USAGE', 'watch: give one or more feed URLs')
    const local = positionals.find((p) => !isUrl(p))
    if (local !== undefined) {
      throw new ClaimtrailError('USAGE', `watch: ${local} is not an http(s) URL; watch polls feeds on the web (to read a feed saved to disk once: claimtrail ingest --feed ${local})`)
    }
    let interval = Number(values.interval)
    if (!Number.isFinite(interval) || interval <= 0) throw new ClaimtrailError('USAGE', `--interval ${values.interval}: give seconds`)
    if (interval < MIN_INTERVAL_SECONDS) {
      io.stderr.write(`claimtrail: --interval ${interval} is below the polite minimum; polling every ${MIN_INTERVAL_SECONDS} s\n`)
      interval = MIN_INTERVAL_SECONDS
    }
    let analyzer: Analyzer | null = null
    return withLedger(values.db, io, async (store) => {
      for (;;) {
        // Respect the interval across restarts too: the last poll time is in the store.
        const waits = await Promise.all(positionals.map(async (u) => secondsUntilDue((await store.feedState(u))?.lastPolledAt ?? null, values.once ? MIN_INTERVAL_SECONDS : interval)))
        const due = positionals.filter((_, i) => waits[i] === 0)
        if (due.length > 0) {
          const progress = progressReporter(io, values.json)
          const results = await pollFeeds(due, { store, analyzer: () => (analyzer ??= createAnalyzer()), onOutcome: (o) => progress.outcome(o) })
          progress.done()
          const now = new Date().toISOString()
          for (const r of results) {
            // A feed that could not be fetched is neither modified nor "not modified": its error is above.
            const what = r.modified ? `${r.ingested} ingested, ${r.skipped} skipped, ${r.failed} failed` : r.failed > 0 ? 'could not be read (see above)' : 'not modified'
            io.stderr.write(`${now} ${r.url}: ${what}\n`)
          }
          // As ingest's summary: articles stored with no claims because of a warning (a language not read) are counted and the first named.
          const warnings = progress.warnings()
          if (warnings !== '') io.stderr.write(`${now} ${warnings}\n`)
        } else if (values.once) {
          io.stderr.write(`claimtrail: every feed was polled less than ${MIN_INTERVAL_SECONDS} s ago; nothing to do\n`)
        }
        if (values.once) return 0
        const next = Math.min(...(await Promise.all(positionals.map(async (u) => secondsUntilDue((await store.feedState(u))?.lastPolledAt ?? null, interval)))))
        await sleep(Math.max(1, next) * 1000)
      }
    }, { create: true })
  },
}
