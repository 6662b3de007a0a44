import { parseArgs } from 'node:util'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Figure, TimelinePoint } from '../../reconcile/figures.ts'
import type { CliIo, Command } from '../command.ts'
import { clip, findFigure, formatEstimate, LEDGER_OPTIONS, TUNING_OPTIONS, tuningFlags, loadView, withLedger, writeJsonLines, writeTable } from './ledger-shared.ts'

const BAR_WIDTH = 40

/**
 * A text chart of a figure's estimates, one row per point: a bar to the value, a lighter
 * stretch for a range, an arrow for "at least". Scaled to the largest finite estimate.
 */
export function chart(points: readonly TimelinePoint[], width = BAR_WIDTH): string[] {
  const tops = points.map((p) => p.value ?? p.high ?? p.low).filter((v): v is number => v !== null && v > 0).sort((a, b) => a - b)
  if (tops.length === 0) return []
  // One misread figure (a million where thousands are meant) must not flatten every
  // other bar: scale to the largest estimate within 5x the median, clip the rest with ».
  const median = tops[Math.floor(tops.length / 2)]
  const top = Math.max(...tops.filter((v) => v <= median * 5))
  const cells = (n: number) => Math.max(0, Math.min(width, Math.round((n / top) * width)))
  const clipped = (n: number | null) => n !== null && n > top
  return points.map((p) => {
    const low = p.value ?? p.low
    const high = p.value ?? p.high
    let bar = ''
    if (low !== null && high !== null) {
      const a = cells(low)
      const b = Math.max(a, cells(high))
      bar = (p.bound === 'at_most' ? '░'.repeat(a) : '█'.repeat(a)) + '▒'.repeat(b - a)
        + (clipped(high) ? '»' : p.bound === 'at_least' ? '▸' : '')
    }
    const date = (p.date ?? '?').padEnd(10)
    return `${date} ${bar.padEnd(width + 1)} ${formatEstimate(p).padStart(14)}  ${clip(p.source ?? p.outlet ?? '', 30)}`
  })
}

function pointJson(figure: Figure, p: TimelinePoint): Record<string, unknown> {
  return {
    figure: figure.id, claim: p.claimKey, date: p.date, dateIsAsOf: p.dateIsAsOf, published: p.published,
    value: p.value, low: p.low, high: p.high, approx: p.approx, bound: p.bound, vague: p.vague, unit: p.unit,
    text: p.text, source: p.source, origin: p.origin, outlet: p.outlet, url: p.url, title: p.title,
    article: p.articleKey, storyGroup: p.storyGroup, quote: p.quote, status: p.status,
    agreesWith: p.agreesWith, conflictsWith: p.conflictsWith, revisedBy: p.revisedBy,
  }
}

function writeText(io: CliIo, figure: Figure, showChart: boolean): void {
  io.stdout.write(`${figure.label}  [${figure.id}]\n`)
  io.stdout.write(`${figure.points.length} points, ${figure.independentSources} independent sources, ` +
    `${figure.independentReports} independent reports; status: ${figure.status}\n\n`)
  if (showChart) {
    const rows = chart(figure.points)
    if (rows.length > 0) io.stdout.write(rows.join('\n') + '\n\n')
  }
  writeTable(io, ['date', 'estimate', 'source', 'outlet', 'status', 'quote'], figure.points.map((p) => [
    p.date ?? '', formatEstimate(p), clip(p.source ?? '(own voice)', 28),
    clip(p.outlet, 18) + (p.storyGroup !== p.articleKey ? ' (copy)' : ''), p.status, clip(p.quote, 70),
  ]), [1])
}

/** `claimtrail timeline FIGURE`: one figure's points over time. */
export const command: Command = {
  name: 'timeline',
  summary: "Show a figure's estimates over time, by source, with statuses (and a chart on a terminal).",
  usage: 'claimtrail timeline FIGURE [--db PATH] [--json] [--chart | --plain] [--tolerance 0.1] [--window DAYS]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args], allowPositionals: true,
      options: { ...LEDGER_OPTIONS, ...TUNING_OPTIONS, chart: { type: 'boolean', default: false }, plain: { type: 'boolean', default: false } },
    })
    if (positionals.length !== 1) throw new ClaimtrailError('USAGE', 'timeline: give one FIGURE (an id from claimtrail figures, or part of its label)')
    // (a bad --tolerance or --window is a usage error before any ledger is opened)
    const tuning = tuningFlags(values)
    return withLedger(values.db, io, async (store) => {
      const view = await loadView(store, {}, tuning)
      const figure = findFigure(view, positionals[0])
      if (values.json) writeJsonLines(io, figure.points.map((p) => pointJson(figure, p)))
      else writeText(io, figure, values.chart || (io.isTty && !values.plain))
      return 0
    })
  },
}
