import { parseArgs } from 'node:util'
import { createAnalyzer } from '../../analyze.ts'
import { EXTRACTOR_VERSION, reanalyze } from '../../ingest/article.ts'
import { isClaimtrailError } from '../../model/errors.ts'
import type { Command } from '../command.ts'
import { LEDGER_OPTIONS, withLedger, writeJsonLines } from './ledger-shared.ts'

/** `claimtrail reextract`: re-run the extractor over stored articles. */
export const command: Command = {
  name: 'reextract',
  summary: 'Re-run the current extractor over stored articles; user decisions about figures are kept.',
  usage: 'claimtrail reextract [--db PATH] [--json]',
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { ...LEDGER_OPTIONS } })
    const analyzer = createAnalyzer()
    return withLedger(values.db, io, async (store) => {
      const articles = await store.articles()
      let before = 0
      let after = 0
      let failed = 0
      for (const [i, meta] of articles.entries()) {
        const a = await store.article(meta.key)
        if (!a) continue
        try {
          const { analysis, claims } = reanalyze(a, analyzer)
          await store.replaceAnalysis(a.key, analysis, claims, EXTRACTOR_VERSION)
          before += a.claimCount
          after += claims.length
          if (values.json) writeJsonLines(io, [{ key: a.key, claimsBefore: a.claimCount, claimsAfter: claims.length }])
        } catch (e) {
          // A read-only or unreachable store would fail every article alike: stop at the first.
          if (isClaimtrailError(e, 'STORE')) throw e
          failed++
          io.stderr.write(`claimtrail: ${a.key}: ${(e as Error).message}\n`)
        }
        if (io.isTty) io.stderr.write(`\r\x1b[2Kreextracting: ${i + 1}/${articles.length}`)
      }
      if (io.isTty) io.stderr.write('\r\x1b[2K')
      io.stderr.write(`${articles.length - failed} articles re-extracted, ${failed} failed; claims ${before} -> ${after}\n`)
      return failed > 0 ? 1 : 0
    })
  },
}
