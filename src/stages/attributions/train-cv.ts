/**
 * Whole-stage cross-validation on a PolNeAR split: taggers trained on k-1 folds of the
 * documents (by index mod k) extract the attributions of the held-out fold, and all folds
 * are scored together with the project's scorer. Ten times the gold of dev, for judging a
 * change to the taggers' features, labels or training: dev's figures move by about half a
 * point from one seed to the next.
 *
 * By default neither the cue filter nor the content ranker runs: the committed ones were
 * trained on candidates of fold taggers built the same way (document parity, the same
 * seed), so with them the held-out folds are data they learnt from (`--filter committed`,
 * `--ranker committed` run them anyway, for a comparison between variants that leak alike).
 * `--filter nested --ranker nested` trains both inside each fold, on its training
 * documents only, as the training command does on the whole split (a few minutes a fold).
 * No entities layer, as in the training command's own print-out.
 *
 *   node --import tsx src/stages/attributions/train-cv.ts [--data ../shared/data/polnear/train]
 *     [--folds 2] [--seed 1] [--filter none|committed|nested] [--ranker none|committed|nested]
 *     [--cue-epochs 6] [--role-epochs 20]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatScoresTable, loadPolnearSplit, predictSplit, scoreDocuments, type ScoredDoc } from '../../eval/polnear.ts'
import { writeBrat } from '../../format/brat.ts'
import { loadWink, tokenize, type Tokenized } from '../tokens/tokens.ts'
import { extractAttributions, Scratch } from './attributions.ts'
import { loadEndRanker, type EndRanker } from './content-ranker.ts'
import { defaultEndRanker } from './content-spans.ts'
import { defaultCueFilter, loadCueFilter, type CueFilter } from './cue-filter.ts'
import { toTrainingDoc, trainModel } from './training.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/train' },
    folds: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    filter: { type: 'string', default: 'none' },
    ranker: { type: 'string', default: 'none' },
    'cue-epochs': { type: 'string', default: '6' },
    'role-epochs': { type: 'string', default: '20' },
  },
})
const folds = Number(values.folds)
const nested = values.filter === 'nested' || values.ranker === 'nested'
const nlp = loadWink()
const docs = loadPolnearSplit(values.data!)
const epochs = ['--seed', values.seed!, '--cue-epochs', values['cue-epochs']!, '--role-epochs', values['role-epochs']!]

/**
 * The content ranker and the cue filter trained, as `train.ts` trains them, on documents
 * `keep` of the split alone: their training scripts read a split folder, so they get one
 * whose metadata lists only those documents, beside links to the split's texts and gold.
 */
function trainNested(keep: (i: number) => boolean): { ranker: EndRanker | null; filter: CueFilter | null } {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cv-'))
  try {
    const split = join(dir, 'split')
    mkdirSync(split)
    const [header, ...rows] = readFileSync(join(values.data!, 'metadata.tsv'), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '')
    writeFileSync(join(split, 'metadata.tsv'), [header, ...rows.filter((_, i) => keep(i))].join('\n') + '\n')
    for (const sub of ['text', 'attributions']) symlinkSync(resolve(values.data!, sub), join(split, sub))
    const here = dirname(fileURLToPath(import.meta.url))
    const run = (script: string, out: string, extra: string[]) => execFileSync(process.execPath, [
      '--import', 'tsx', join(here, script), '--data', split, '--out', out, ...epochs, ...extra,
    ], { stdio: ['ignore', 'ignore', 'inherit'] })
    const rankerFile = join(dir, 'content-end.bin')
    const filterFile = join(dir, 'cue-filter.bin')
    run('train-content.ts', rankerFile, ['--folds', '2'])
    if (values.filter === 'nested') run('train-cue-filter.ts', filterFile, ['--ranker', rankerFile])
    return {
      ranker: values.ranker === 'nested' ? loadEndRanker(rankerFile) : null,
      filter: values.filter === 'nested' ? loadCueFilter(filterFile) : null,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const tokenized = new Map<string, Tokenized>(docs.map((d) => [d.name, tokenize(nlp, d.text)]))
const scored: ScoredDoc[] = []
const sc = new Scratch()
for (let f = 0; f < folds; f++) {
  const t0 = performance.now()
  const train = docs.filter((_, i) => i % folds !== f).map((d) => toTrainingDoc(d, tokenized.get(d.name)!))
  const model = trainModel(train, { cueEpochs: Number(values['cue-epochs']), roleEpochs: Number(values['role-epochs']), seed: Number(values.seed) })
  const inFold = nested ? trainNested((i) => i % folds !== f) : null
  const filter = values.filter === 'committed' ? defaultCueFilter() : inFold?.filter ?? null
  const ranker = values.ranker === 'committed' ? defaultEndRanker() : inFold?.ranker ?? null
  // decode with 16-bit weights, as the stage does with a model read from its file
  model.cue.quantize()
  model.role.quantize()
  scored.push(...predictSplit(docs.filter((_, i) => i % folds === f), (name, text) => {
    const { tokens, sentences } = tokenized.get(name)!
    return writeBrat(text, extractAttributions(model, text, tokens, sentences, [], sc, filter, ranker))
  }))
  console.log(`fold ${f + 1} of ${folds}: ${((performance.now() - t0) / 1000).toFixed(0)} s`)
}
console.log(`${folds}-fold cross-validation on ${docs.length} documents, seed ${values.seed}, filter ${values.filter}, ranker ${values.ranker}`)
console.log(formatScoresTable(scoreDocuments(scored)).split('\n').slice(0, 11).join('\n'))
