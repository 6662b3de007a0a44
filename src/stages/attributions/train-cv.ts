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
 * No entities layer, as in the training command's own print-out.
 *
 *   node --import tsx src/stages/attributions/train-cv.ts [--data ../shared/data/polnear/train]
 *     [--folds 2] [--seed 1] [--filter none|committed] [--ranker none|committed]
 *     [--cue-epochs 6] [--role-epochs 6]
 */
import { parseArgs } from 'node:util'
import { formatScoresTable, loadPolnearSplit, predictSplit, scoreDocuments, type ScoredDoc } from '../../eval/polnear.ts'
import { writeBrat } from '../../format/brat.ts'
import { loadWink, tokenize, type Tokenized } from '../tokens/tokens.ts'
import { extractAttributions, Scratch } from './attributions.ts'
import { defaultEndRanker } from './content-spans.ts'
import { defaultCueFilter } from './cue-filter.ts'
import { toTrainingDoc, trainModel } from './training.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/train' },
    folds: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    filter: { type: 'string', default: 'none' },
    ranker: { type: 'string', default: 'none' },
    'cue-epochs': { type: 'string', default: '6' },
    'role-epochs': { type: 'string', default: '6' },
  },
})
const folds = Number(values.folds)
const filter = values.filter === 'committed' ? defaultCueFilter() : null
const ranker = values.ranker === 'committed' ? defaultEndRanker() : null
const nlp = loadWink()
const docs = loadPolnearSplit(values.data!)
const tokenized = new Map<string, Tokenized>(docs.map((d) => [d.name, tokenize(nlp, d.text)]))
const scored: ScoredDoc[] = []
const sc = new Scratch()
for (let f = 0; f < folds; f++) {
  const t0 = performance.now()
  const train = docs.filter((_, i) => i % folds !== f).map((d) => toTrainingDoc(d, tokenized.get(d.name)!))
  const model = trainModel(train, { cueEpochs: Number(values['cue-epochs']), roleEpochs: Number(values['role-epochs']), seed: Number(values.seed) })
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
