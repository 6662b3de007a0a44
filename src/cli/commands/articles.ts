import { parseArgs } from 'node:util'
import type { Command } from '../command.ts'
import { clip, dateFlag, LEDGER_OPTIONS, storyGroups, withLedger, writeJsonLines, writeTable } from './ledger-shared.ts'

/** `claimtrail articles`: list stored articles. */
export const command: Command = {
  name: 'articles',
  summary: 'List stored articles, with their story group (syndicated copies share one).',
  usage: 'claimtrail articles [--db PATH] [--json] [--text QUERY] [--outlet NAME] [--since DATE] [--until DATE]',
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { ...LEDGER_OPTIONS, text: { type: 'string' }, outlet: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' } },
    })
    return withLedger(values.db, io, async (store) => {
      const groups = storyGroups(await store.articles())
      const articles = await store.articles({
        text: values.text, outlet: values.outlet, since: dateFlag(values.since, 'since'), until: dateFlag(values.until, 'until', true),
      })
      if (values.json) {
        writeJsonLines(io, articles.map((a) => ({
          key: a.key, id: a.sourceId, title: a.title, outlet: a.outlet, url: a.url, published: a.published,
          language: a.language, claims: a.claimCount, storyGroup: groups.get(a.key) ?? a.key, ingestedAt: a.ingestedAt,
        })))
        return 0
      }
      writeTable(io, ['key', 'published', 'outlet', 'claims', 'copy of', 'title'], articles.map((a) => {
        const group = groups.get(a.key) ?? a.key
        return [a.key, a.published ?? '', clip(a.outlet, 24), String(a.claimCount), group === a.key ? '' : group, clip(a.title ?? a.sourceId, 60)]
      }), [3])
      return 0
    })
  },
}
