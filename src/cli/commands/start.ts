import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createAnalyzer, type Analyzer } from '../../analyze.ts'
import { ingestRecord } from '../../ingest/record.ts'
import { ingest } from '../../ingest/ingest.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import { openStore } from '../../store/open.ts'
import type { Command } from '../command.ts'
import { SERVE_OPTIONS, portFlag, serveUntilStopped, tokenFlag } from './serve.ts'

const DEMO = fileURLToPath(new URL('../../../examples/demo/articles.jsonl', import.meta.url))
const SEED = fileURLToPath(new URL('../../../examples/seed/kcna-memorial.txt', import.meta.url))
// DESIGN.md: take 2025-08-22 as the seed's publication date.
const SEED_PUBLISHED = '2025-08-22'

export const command: Command = {
  name: 'start',
  summary: 'Ingest the demo corpus and the seed article into ./claimtrail.db and open the web app on it (npm start).',
  usage: 'claimtrail start [--db PATH] [--port N] [--host H] [--token T]',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: SERVE_OPTIONS })
    if (positionals.length > 0) throw new ClaimtrailError('USAGE', `start takes no arguments (got "${positionals[0]}")`)
    portFlag(values.port)
    tokenFlag(values.token, io.env)
    // Always the SQLite file: the demo should not write into a team's PostgreSQL ledger.
    const db = values.db ?? './claimtrail.db'
    const store = await openStore({ db })
    let analyzer: Analyzer | null = null
    const analyzerOnce = (): Analyzer => (analyzer ??= createAnalyzer())
    // Ctrl-C (or SIGTERM) during the demo ingest: each article is stored in its own
    // transaction, so what is stored stays; say what, and how to go on, as `ingest` does.
    const done = { ingested: 0, skipped: 0, failed: 0 }
    const interrupt = (signal: NodeJS.Signals): void => {
      io.stderr.write(`claimtrail: start interrupted (${signal}) while ingesting the demo corpus, after ${done.ingested} ingested, ${done.skipped} already there, ${done.failed} failed; `
        + `what is stored is kept in ${db}: run 'claimtrail start' again to go on and serve it\n`)
      process.exit(130)
    }
    process.once('SIGINT', interrupt)
    process.once('SIGTERM', interrupt)
    try {
      io.stderr.write(`Ingesting the demo corpus into ${db} (already stored articles are skipped)…\n`)
      const started = Date.now()
      const summary = await ingest([DEMO], {
        store, analyzer: analyzerOnce,
        onOutcome: (o) => {
          done[o.status === 'skipped' ? 'skipped' : o.status]++
          if (o.status === 'failed') io.stderr.write(`claimtrail start: ${o.reason}\n`)
        },
      })
      const seed = await ingestRecord(store, {
        id: 'kcna-memorial', text: await readFile(SEED, 'utf8'), title: 'KCNA report on the memorial ceremony (seed, machine translation)',
        published: SEED_PUBLISHED, url: null, outlet: 'KCNA (machine translation)', origin: SEED,
      }, analyzerOnce)
      done[seed.status === 'inserted' ? 'ingested' : 'skipped']++
      const counts = await store.counts()
      io.stderr.write(`${summary.ingested + (seed.status === 'inserted' ? 1 : 0)} ingested, ${summary.skipped + (seed.status === 'duplicate' ? 1 : 0)} already there, ${summary.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s); the ledger holds ${counts.articles} articles and ${counts.claims} claims.\n`)
    } catch (e) {
      await store.close()
      throw e
    } finally {
      process.off('SIGINT', interrupt)
      process.off('SIGTERM', interrupt)
    }
    return serveUntilStopped(store, io, values)
  },
}
