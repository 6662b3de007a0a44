import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createAnalyzer } from '../../analyze.ts'
import { errorBudget, formatErrorBudget } from '../../eval/errors.ts'
import { annDirPredictor, formatScoresTable, loadPolnearSplit, predictSplit, scoreDocuments } from '../../eval/polnear.ts'
import { writeBrat } from '../../format/brat.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import type { Command } from '../command.ts'

export const command: Command = {
  name: 'eval',
  summary: 'Score attribution extraction on a PolNeAR split (BENCHMARKS.md protocol): the built-in extractor, or a folder of .ann predictions.',
  usage: 'claimtrail eval polnear --dir SPLIT_DIR [--predictions DIR] [--errors] [--json]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args], allowPositionals: true,
      options: {
        dir: { type: 'string' },
        predictions: { type: 'string' },
        json: { type: 'boolean', default: false },
        errors: { type: 'boolean', default: false },
      },
    })
    if (positionals[0] !== 'polnear' || positionals.length > 1) {
      throw new ClaimtrailError('USAGE', `usage: ${this.usage}`)
    }
    if (values.dir === undefined) throw new ClaimtrailError('USAGE', 'eval polnear needs --dir, a split folder such as ../shared/data/polnear/dev')
    // A mistyped --dir is a wrong argument (status 2), as a mistyped --predictions is; a
    // folder that is there but holds no split is bad data (status 1, from the loader).
    if (!existsSync(values.dir) || !statSync(values.dir).isDirectory()) {
      throw new ClaimtrailError('USAGE', `--dir ${values.dir}: no such folder (give a PolNeAR split folder such as ../shared/data/polnear/dev)`)
    }
    const docs = loadPolnearSplit(values.dir)
    const started = performance.now()
    let predict
    if (values.predictions !== undefined) {
      // A mistyped folder would score every document as predicting nothing: all zeros,
      // exit 0, as if the system had failed.
      const dir = values.predictions
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ClaimtrailError('USAGE', `--predictions ${dir}: no such folder`)
      // A document without its .ann predicts nothing (a system may write none for it); say
      // how many, since a wrong folder or naming shows up as exactly that.
      const missing = docs.filter((d) => !existsSync(join(dir, `${d.name}.ann`)))
      if (missing.length > 0) {
        io.stderr.write(`claimtrail eval: warning: ${missing.length} of ${docs.length} documents have no .ann in ${dir} (first: ${missing[0].name}.ann); scored as predicting nothing\n`)
      }
      predict = annDirPredictor(dir)
    } else {
      const analyzer = createAnalyzer()
      predict = (name: string, text: string) =>
        writeBrat(text, analyzer.analyze(text, { id: name }).get('attributions'))
    }
    const scored = predictSplit(docs, predict)
    const scores = scoreDocuments(scored)
    const seconds = (performance.now() - started) / 1000
    const budget = values.errors ? errorBudget(scored) : undefined
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ split: values.dir, system: values.predictions ?? 'claimtrail', seconds, ...scores, ...(budget && { errors: budget }) })}\n`)
    } else {
      io.stdout.write(`${formatScoresTable(scores)}\n${docs.length} documents, ${seconds.toFixed(1)} s\n`)
      if (budget) io.stdout.write(`\n${formatErrorBudget(budget)}\n`)
    }
    return 0
  },
}
