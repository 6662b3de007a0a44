import { parseArgs } from 'node:util'
import { createAnalyzer } from '../../analyze.ts'
import { ingest, localFeedInputs, type IngestOutcome } from '../../ingest/ingest.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import type { CliIo, Command } from '../command.ts'
import { maxBytesFlag, publishedFlag } from '../flags.ts'
import { LEDGER_OPTIONS, withLedger, writeJsonLines } from './ledger-shared.ts'

/**
 * A progress line on a terminal, redrawn in place on standard error. Failures get a line
 * each; documents stored with warnings (a language the extractor does not read, so no
 * claims) are counted for the summary, which names the first: standard error stays one
 * line per failed document and the summary, and `--json` lists each warning.
 * `warnings()` is that part of the summary (`2 stored with warnings (first: …)`), or ''.
 */
export function progressReporter(io: CliIo, isJson: boolean): { outcome(o: IngestOutcome): void; done(): void; warnings(): string } {
  const counts = { ingested: 0, skipped: 0, failed: 0 }
  let warned = 0
  let firstWarning = ''
  let drawn = false
  let lastDraw = 0
  const started = Date.now()
  const draw = (force: boolean): void => {
    const now = Date.now()
    if (!force && now - lastDraw < 100) return
    lastDraw = now
    const seconds = (now - started) / 1000
    const rate = seconds > 1 ? `, ${(counts.ingested / seconds).toFixed(1)}/s` : ''
    io.stderr.write(`\r\x1b[2Kingesting: ${counts.ingested} ingested, ${counts.skipped} skipped, ${counts.failed} failed${rate}`)
    drawn = true
  }
  return {
    outcome(o) {
      counts[o.status]++
      if (o.status === 'failed') {
        if (drawn) io.stderr.write('\r\x1b[2K')
        io.stderr.write(`claimtrail: ${o.reason}\n`)
      } else if (o.status === 'ingested' && o.warnings.length > 0) {
        if (warned++ === 0) firstWarning = `${o.origin}: ${o.warnings[0]}`
      }
      if (isJson) writeJsonLines(io, [o])
      if (io.isTty) draw(false)
    },
    done() {
      if (io.isTty && drawn) io.stderr.write('\r\x1b[2K')
    },
    warnings() {
      if (warned === 0) return ''
      return `${warned} stored with warnings (${warned > 1 ? 'first: ' : ''}${firstWarning}${isJson ? '' : '; --json lists each'})`
    },
  }
}

/** `claimtrail ingest`: add documents to the ledger. */
export const command: Command = {
  name: 'ingest',
  summary: 'Add articles (files, folders, URLs, feeds) to the ledger; already stored ones are skipped.',
  usage: 'claimtrail ingest PATH|URL|- ... [--db PATH] [--feed (URLs and saved .xml/.rss/.atom feeds are RSS/Atom feeds; another file given with it must be a feed)] [--json] [--published YYYY-MM-DD] [--outlet NAME] [--timeout SECONDS] [--max-bytes N]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args], allowPositionals: true,
      options: {
        ...LEDGER_OPTIONS,
        feed: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '20' },
        'max-bytes': { type: 'string' },
        published: { type: 'string' },
        outlet: { type: 'string' },
      },
    })
    if (positionals.length === 0) throw new ClaimtrailError('USAGE', "ingest: give files, folders, URLs or '-' for standard input")
    const timeout = Number(values.timeout)
    if (!(timeout > 0)) throw new ClaimtrailError('USAGE', `--timeout ${values.timeout}: give seconds, more than 0`)
    const maxBytes = maxBytesFlag(values['max-bytes'])
    publishedFlag(values.published)
    // A file that is no feed, given with --feed, is refused before the ledger is opened (or created).
    if (values.feed) await localFeedInputs(positionals)
    const progress = progressReporter(io, values.json)
    const started = Date.now()
    // Ctrl-C: each article is stored in one transaction as it is done, so what is stored
    // stays; say so (and how to go on) instead of stopping without a word.
    const done = { ingested: 0, skipped: 0, failed: 0 }
    const interrupt = (signal: NodeJS.Signals): void => {
      progress.done()
      io.stderr.write(`claimtrail: ingest interrupted (${signal}) after ${done.ingested} ingested, ${done.skipped} skipped, ${done.failed} failed; `
        + 'what is stored is kept: run the same command again to go on (stored articles are skipped)\n')
      process.exit(130)
    }
    process.once('SIGINT', interrupt)
    process.once('SIGTERM', interrupt)
    let summary
    try {
      summary = await withLedger(values.db, io, (store) => ingest(positionals, {
        store, analyzer: () => createAnalyzer(), isFeed: values.feed, stdin: io.stdin,
        timeoutMs: timeout * 1000, maxBytes, published: values.published, outlet: values.outlet,
        onOutcome: (o) => { done[o.status]++; progress.outcome(o) },
      }), { create: true })
    } finally {
      process.off('SIGINT', interrupt)
      process.off('SIGTERM', interrupt)
    }
    progress.done()
    const seconds = (Date.now() - started) / 1000
    const share = (ms: number) => `${Math.round((ms / 10) / seconds)}%`
    const rate = seconds > 0 && summary.ingested > 0
      ? `, ${(summary.ingested / seconds).toFixed(1)} documents/s; analysis ${share(summary.analysisMs)}, store ${share(summary.storeMs)}`
      : ''
    const warnings = progress.warnings()
    io.stderr.write(`${summary.ingested} ingested, ${summary.skipped} skipped, ${summary.failed} failed (${seconds.toFixed(1)} s${rate})${warnings && `; ${warnings}`}\n`)
    return summary.failed > 0 ? 1 : 0
  },
}
