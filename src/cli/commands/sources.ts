import { parseArgs } from 'node:util'
import type { Command } from '../command.ts'
import { clip, LEDGER_OPTIONS, loadView, withLedger, writeJsonLines, writeTable } from './ledger-shared.ts'

interface SourceSummary {
  origin: string
  names: Set<string>
  claims: number
  figures: Set<string>
  outlets: Set<string>
  first: string | null
  last: string | null
  statuses: Record<string, number>
}

/** `claimtrail sources`: what each source claimed, and when. */
export const command: Command = {
  name: 'sources',
  summary: 'List the sources figures are attributed to: how many claims, which figures, when.',
  usage: 'claimtrail sources [--db PATH] [--json]',
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { ...LEDGER_OPTIONS } })
    return withLedger(values.db, io, async (store) => {
      const view = await loadView(store)
      const by = new Map<string, SourceSummary>()
      for (const f of view.figures) {
        for (const p of f.points) {
          let s = by.get(p.origin)
          if (!s) {
            s = { origin: p.origin, names: new Set(), claims: 0, figures: new Set(), outlets: new Set(), first: null, last: null, statuses: {} }
            by.set(p.origin, s)
          }
          s.names.add(p.source ?? `${p.outlet ?? '?'} (own voice)`)
          s.claims++
          s.figures.add(f.id)
          if (p.outlet) s.outlets.add(p.outlet)
          if (p.date !== null) {
            if (s.first === null || p.date < s.first) s.first = p.date
            if (s.last === null || p.date > s.last) s.last = p.date
          }
          s.statuses[p.status] = (s.statuses[p.status] ?? 0) + 1
        }
      }
      const rows = [...by.values()].sort((a, b) => b.claims - a.claims || a.origin.localeCompare(b.origin))
      if (values.json) {
        writeJsonLines(io, rows.map((s) => ({
          origin: s.origin, names: [...s.names], claims: s.claims, figures: [...s.figures], outlets: [...s.outlets],
          first: s.first, last: s.last, statuses: s.statuses,
        })))
        return 0
      }
      writeTable(io, ['source', 'claims', 'figures', 'outlets', 'from', 'to'], rows.map((s) => [
        clip([...s.names][0], 36), String(s.claims), String(s.figures.size), clip([...s.outlets].join(', '), 40), s.first ?? '', s.last ?? '',
      ]), [1, 2])
      return 0
    })
  },
}
