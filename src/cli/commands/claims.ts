import { parseArgs } from 'node:util'
import { CATEGORIES } from '../../model/types.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Command } from '../command.ts'
import {
  clip, dateFlag, findFigure, formatEstimate, LEDGER_OPTIONS, limitFlag, loadView, offsetFlag, withLedger, writeJsonLines, writeTable,
} from './ledger-shared.ts'

/** `claimtrail claims`: list stored claims, filtered. */
export const command: Command = {
  name: 'claims',
  summary: 'List stored claims (attributed figures) with their source, outlet and quote.',
  usage: 'claimtrail claims [--db PATH] [--json] [--source NAME] [--figure FIGURE] [--category CATEGORY] [--since DATE] [--until DATE] [--text QUERY] [--article KEY] [--limit N] [--offset N]',
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        ...LEDGER_OPTIONS, source: { type: 'string' }, figure: { type: 'string' }, category: { type: 'string' },
        since: { type: 'string' }, until: { type: 'string' }, text: { type: 'string' }, article: { type: 'string' },
        limit: { type: 'string' }, offset: { type: 'string' },
      },
    })
    if (values.category !== undefined && !(CATEGORIES as readonly string[]).includes(values.category)) {
      throw new ClaimtrailError('USAGE', `--category ${values.category}: use one of ${CATEGORIES.join(', ')}`)
    }
    const limit = limitFlag(values.limit)
    const offset = offsetFlag(values.offset)
    return withLedger(values.db, io, async (store) => {
      // A mistyped key would otherwise list nothing, as if the article had no claims.
      if (values.article !== undefined && (await store.article(values.article)) === null) {
        throw new ClaimtrailError('NOT_FOUND', `no article "${values.article}"; run 'claimtrail articles' for the keys`)
      }
      const filter = {
        source: values.source, category: values.category, text: values.text, articleKey: values.article,
        since: dateFlag(values.since, 'since'), until: dateFlag(values.until, 'until', true),
      }
      // Figures are computed over every claim, so that filtering never changes which figure a claim is in.
      const view = await loadView(store)
      const figureOf = new Map<string, string>()
      for (const f of view.figures) for (const p of f.points) figureOf.set(p.claimKey, f.id)
      let claims = await store.claims(filter)
      if (values.figure !== undefined) {
        const figure = findFigure(view, values.figure)
        claims = claims.filter((c) => figureOf.get(c.key) === figure.id)
      }
      const total = claims.length
      claims = claims.slice(offset, limit === undefined ? undefined : offset + limit)
      if (values.json) {
        writeJsonLines(io, claims.map((c) => ({
          key: c.key, figure: figureOf.get(c.key) ?? null, article: c.articleKey, published: c.published, asOf: c.asOf,
          outlet: c.outlet, url: c.url, source: c.source, sourceEntity: c.sourceEntity, cue: c.cue,
          category: c.category, counted: c.countedText, subject: c.subject, planned: c.planned, additional: c.additional,
          text: c.quantityText, value: c.value, low: c.low, high: c.high, approx: c.approx, bound: c.bound,
          vague: c.vague, unit: c.unit, quote: c.quote,
        })))
        return 0
      }
      writeTable(io, ['date', 'estimate', 'category', 'counted', 'source', 'outlet', 'quote'], claims.map((c) => [
        c.asOf ?? c.published ?? '', formatEstimate(c), c.category + (c.planned ? ' (planned)' : c.additional ? ' (additional)' : ''), clip(c.countedText, 24),
        clip(c.sourceEntity ?? c.source ?? '(own voice)', 28), clip(c.outlet, 18), clip(c.quote, 70),
      ]), [1])
      // A table cut short says so (on stderr, so a pipe reads the rows alone); JSON lines stay rows only.
      if (claims.length === 0 && total > 0) io.stderr.write(`--offset ${offset} skips all ${total} claims\n`)
      else if (claims.length < total) {
        const next = offset + claims.length
        io.stderr.write(`claims ${offset + 1}-${next} of ${total} shown${next < total ? `; --offset ${next} shows the next` : ''}\n`)
      }
      return 0
    })
  },
}
