/**
 * Train the attribution model on a PolNeAR split and write it to
 * `models/attribution/model.bin`, then the content boundary ranker
 * (`content-end.bin`, train-content.ts) and the cue filter (`cue-filter.bin`,
 * train-cue-filter.ts, which refines content with the ranker just trained), both cross-fitted on
 * the same split with the same seed, and the given-name lexicon of the pronoun resolver
 * (`given-names.json`, train-given-names.ts), unless `--skip-ranker` or `--limit`; with `--dev`,
 * score the new models on a second split with the project's PolNeAR scorer. One command
 * rebuilds every committed model.
 *
 *   npm run train:attribution -- --data ../shared/data/polnear/train [--dev ../shared/data/polnear/dev]
 *     [--limit N] [--seed 1] [--cue-epochs 6] [--role-epochs 20] [--cue-bits 18] [--role-bits 18]
 *     [--cue-cost 20] [--cue-miss 4] [--role-cost 0]
 *     [--out models/attribution/model.bin] [--skip-ranker] [--ranker-out models/attribution/content-end.bin]
 *     [--filter-out models/attribution/cue-filter.bin] [--names-out models/attribution/given-names.json]
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatScoresTable, loadPolnearSplit, scorePolnear } from '../../eval/polnear.ts'
import { writeBrat } from '../../format/brat.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { DEFAULT_MODEL_PATH, extractAttributions, modelToBuffer } from './attributions.ts'
import { DEFAULT_RANKER_PATH, loadEndRanker, type EndRanker } from './content-ranker.ts'
import { defaultEndRanker } from './content-spans.ts'
import { DEFAULT_FILTER_PATH, defaultCueFilter, loadCueFilter, type CueFilter } from './cue-filter.ts'
import { COST_FLAGS, costArgs, costsFromFlags, costTag, toTrainingDoc, trainModel } from './training.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/train' },
    dev: { type: 'string' },
    limit: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'cue-epochs': { type: 'string', default: '6' },
    'role-epochs': { type: 'string', default: '20' },
    'cue-bits': { type: 'string', default: '18' },
    'role-bits': { type: 'string', default: '18' },
    ...COST_FLAGS,
    out: { type: 'string', default: DEFAULT_MODEL_PATH },
    'skip-ranker': { type: 'boolean', default: false },
    'ranker-out': { type: 'string', default: DEFAULT_RANKER_PATH },
    'filter-out': { type: 'string', default: DEFAULT_FILTER_PATH },
    'names-out': { type: 'string', default: join(dirname(fileURLToPath(import.meta.url)), '../../../models/attribution/given-names.json') },
  },
})

const nlp = loadWink()

const t0 = performance.now()
const limit = values.limit === undefined ? Infinity : Number(values.limit)
const train = loadPolnearSplit(values.data!).slice(0, limit).map((d) => toTrainingDoc(d, tokenize(nlp, d.text)))
console.log(`read and tokenized ${train.length} training documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
const seed = Number(values.seed)
const options = {
  cueEpochs: Number(values['cue-epochs']), roleEpochs: Number(values['role-epochs']), seed,
  cueBits: Number(values['cue-bits']), roleBits: Number(values['role-bits']),
  costs: costsFromFlags(values),
}
const version = `polnear-train${Number.isFinite(limit) ? `-${limit}` : ''}-seed${seed}-cue${options.cueEpochs}x${options.cueBits}-role${options.roleEpochs}x${options.roleBits}-${costTag(options.costs)}`
const model = trainModel(train, { ...options, log: (l) => console.log(l) }, version)
const buf = modelToBuffer(model)
writeFileSync(values.out!, buf)
console.log(`trained in ${((performance.now() - t0) / 1000).toFixed(1)} s; wrote ${values.out} (${(buf.length / 1e6).toFixed(1)} MB), version ${version}`)

// The dev figures use the ranker and filter just trained, else the committed ones.
let ranker: EndRanker | null
let filter: CueFilter | null
if (values['skip-ranker'] || Number.isFinite(limit)) {
  if (!values['skip-ranker']) console.log('--limit given: the content ranker and cue filter are not retrained (the dev figures use the committed ones)')
  ranker = defaultEndRanker()
  filter = defaultCueFilter()
} else {
  // Both learn from taggers trained on half of the split each (cross-fitting), so neither
  // reads the model just written; each runs in its own process to keep memory small.
  const here = dirname(fileURLToPath(import.meta.url))
  const run = (script: string, out: string, extra: string[]) => execFileSync(process.execPath, [
    '--import', 'tsx', join(here, script), '--data', values.data!, '--seed', String(seed), '--out', out, ...extra,
  ], { stdio: 'inherit' })
  // their fold taggers are trained as the model is
  const epochs = ['--cue-epochs', String(options.cueEpochs), '--role-epochs', String(options.roleEpochs), ...costArgs(options.costs)]
  run('train-content.ts', values['ranker-out']!, ['--folds', '2', ...epochs])
  ranker = loadEndRanker(values['ranker-out'])
  // The filter learns from candidates whose content this new ranker refined, as at run time.
  run('train-cue-filter.ts', values['filter-out']!, ['--ranker', values['ranker-out']!, ...epochs])
  filter = loadCueFilter(values['filter-out'])
  // The given-name lexicon of the pronoun resolver (no tagger involved).
  run('train-given-names.ts', values['names-out']!, [])
}

if (values.dev !== undefined) {
  const scores = scorePolnear(values.dev, (_name, text) => {
    const { tokens, sentences } = tokenize(nlp, text)
    return writeBrat(text, extractAttributions(model, text, tokens, sentences, [], undefined, filter, ranker))
  })
  console.log(formatScoresTable(scores))
}
