/**
 * Figures on the project's own figure test set (test/fixtures/figures/): claim precision,
 * recall and F1, per-field accuracy, negatives, and breakdowns by style and category.
 *
 * Usage: node --import tsx bench/figures.ts [--json] [--errors] [--cases FILE] [--only REGEX]
 *   --json    print the figures as JSON instead of a table
 *   --cases   score another cases file in the same format (default: the figure test set)
 *   --only    score only the cases whose id matches REGEX (e.g. '-1\d\d$' for the second batch)
 *   --errors  also list, per case, the expected claims missed and the claims predicted wrongly
 *
 * Two source lines: `source` is lenient (the predicted span or resolved name agrees with the
 * annotated span or name: "He" agrees with "He" whoever it resolves to); `source=` is
 * strict (the resolved name where the passage annotates one, else the exact span).
 */
import { performance } from 'node:perf_hooks'
import { createAnalyzer } from '../src/analyze.ts'
import { FIELDS, formatScores, loadCases, predictCase, scoreCase, summarize } from '../test/figures-score.ts'

const argv = process.argv.slice(2)
const args = new Set(argv)
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : undefined
}
const only = option('--only')
const file = option('--cases') ?? new URL('../test/fixtures/figures/cases.jsonl', import.meta.url).pathname
const cases = loadCases(file).filter((c) => only === undefined || new RegExp(only).test(c.id))
const loadStart = performance.now()
const analyzer = createAnalyzer()
const runStart = performance.now()
const scores = cases.map((c) => scoreCase(c, predictCase(analyzer, c)))
const runMs = performance.now() - runStart
const summary = summarize(scores)

if (args.has('--json')) {
  console.log(JSON.stringify(summary, null, 2))
} else {
  console.log(formatScores(summary))
  console.log(`analyzer loaded in ${(runStart - loadStart).toFixed(0)} ms; ${cases.length} passages analysed in ${runMs.toFixed(0)} ms`)
}

if (args.has('--errors')) {
  const show = (x: { text: string; value: number | null; low: number | null; high: number | null }): string =>
    `"${x.text}" = ${x.value ?? `${x.low}..${x.high}`}`
  const who = (source: string | null, entity: string | null | undefined): string =>
    `${JSON.stringify(source)}${entity == null ? '' : ` -> ${JSON.stringify(entity)}`}`
  for (const s of scores) {
    const lines = [
      ...s.unmatchedExpected.map((e) => `  missed    ${show(e)} ${e.category}`),
      ...s.unmatchedPredicted.map((p) => `  spurious  ${show(p)} ${p.category}`),
      ...s.matches.filter((m) => !m.isAmountCorrect).map((m) => `  amount    ${show(m.predicted)}, expected ${show(m.expected)}`),
      ...s.matches.flatMap((m) => FIELDS.filter((f) => !m.fields[f]).map((f) => f === 'sourceEntity'
        // the strict source: both the span and the name it resolves to, on each side
        ? `  ${'source='.padEnd(9)} ${show(m.expected)}: expected ${who(m.expected.source, m.expected.sourceEntity)}, got ${who(m.predicted.source, m.predicted.sourceEntity)}`
        : `  ${f.padEnd(9)} ${show(m.expected)}: expected ${JSON.stringify(m.expected[f] ?? null)}, got ${JSON.stringify(m.predicted[f])}`)),
    ]
    if (lines.length > 0) console.log(`${s.id}\n${lines.join('\n')}`)
  }
}
