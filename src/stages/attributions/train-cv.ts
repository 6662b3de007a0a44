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
 *     [--cue-epochs 6] [--role-epochs 20] [--cue-cost 20] [--cue-miss 4] [--role-cost 0] [--keep DIR | --reuse DIR] [--dump DIR]
 *
 * `--keep DIR` writes each fold's taggers (and nested ranker and filter) to DIR/fold-N;
 * `--reuse DIR` decodes with them instead of training, which measures a rule that acts
 * after decoding in seconds, with the same figures as a full run. `--dump DIR` writes each
 * held-out document's predictions as DIR/<name>.ann, for reading errors.
 *
 * `--reuse DIR --refilter OUT` retrains only the cue filter of each fold (the fold's kept
 * taggers and ranker stay), writes it to OUT/fold-N and decodes with it: a change to the
 * filter's features costs a minute or two a fold instead of a whole run. The filter's own
 * fold taggers are read from DIR/fold-N/filter-taggers when the --keep run cached them
 * there, else trained once and cached in OUT/fold-N/filter-taggers.
 *
 * `--reuse DIR --rerank OUT` likewise retrains only the content ranker of each fold, from the
 * filter's cached fold taggers (the ranker's own cross-fitting trains the same two taggers,
 * by document parity with the same seed and options), writes it to OUT/fold-N and decodes with
 * it; with `--refilter` as well, the filter is then retrained with the new ranker, as
 * `train.ts` does. The cached taggers hold 16-bit weights, so a reranked baseline differs a
 * little from the kept ranker: compare reranked runs with reranked runs.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatScoresTable, loadPolnearSplit, predictSplit, scoreDocuments, type ScoredDoc } from '../../eval/polnear.ts'
import { writeBrat } from '../../format/brat.ts'
import { loadWink, tokenize, type Tokenized } from '../tokens/tokens.ts'
import { extractAttributions, loadAttributionModel, modelToBuffer, Scratch, type AttributionModel } from './attributions.ts'
import { loadEndRanker, type EndRanker } from './content-ranker.ts'
import { defaultEndRanker } from './content-spans.ts'
import { defaultCueFilter, loadCueFilter, type CueFilter } from './cue-filter.ts'
import { COST_FLAGS, costArgs, costsFromFlags, toTrainingDoc, trainModel } from './training.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/train' },
    folds: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    filter: { type: 'string', default: 'none' },
    ranker: { type: 'string', default: 'none' },
    'cue-epochs': { type: 'string', default: '6' },
    'role-epochs': { type: 'string', default: '20' },
    ...COST_FLAGS,
    keep: { type: 'string' },
    reuse: { type: 'string' },
    dump: { type: 'string' },
    refilter: { type: 'string' },
    rerank: { type: 'string' },
  },
})
const folds = Number(values.folds)
const nested = values.filter === 'nested' || values.ranker === 'nested'
const nlp = loadWink()
const docs = loadPolnearSplit(values.data!)
const costs = costsFromFlags(values)
const epochs = ['--seed', values.seed!, '--cue-epochs', values['cue-epochs']!, '--role-epochs', values['role-epochs']!, ...costArgs(costs)]

/**
 * The content ranker and the cue filter trained, as `train.ts` trains them, on documents
 * `keep` of the split alone: their training scripts read a split folder, so they get one
 * whose metadata lists only those documents, beside links to the split's texts and gold.
 */
function trainNested(keep: (i: number) => boolean, save?: string): { ranker: EndRanker | null; filter: CueFilter | null } {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cv-'))
  try {
    const run = splitRunner(dir, keep)
    const rankerFile = join(dir, 'content-end.bin')
    const filterFile = join(dir, 'cue-filter.bin')
    run('train-content.ts', rankerFile, ['--folds', '2'])
    // the filter's fold taggers are kept too, for --refilter
    const cache = save === undefined ? [] : ['--cache', join(save, 'filter-taggers')]
    if (save !== undefined) mkdirSync(join(save, 'filter-taggers'), { recursive: true })
    if (values.filter === 'nested') run('train-cue-filter.ts', filterFile, ['--ranker', rankerFile, ...cache])
    if (save !== undefined) {
      copyFileSync(rankerFile, join(save, 'content-end.bin'))
      if (values.filter === 'nested') copyFileSync(filterFile, join(save, 'cue-filter.bin'))
    }
    return {
      ranker: values.ranker === 'nested' ? loadEndRanker(rankerFile) : null,
      filter: values.filter === 'nested' ? loadCueFilter(filterFile) : null,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A runner of the training scripts over a split folder in `dir` whose metadata lists only
 * the documents `keep` of the split, beside links to the split's texts and gold.
 */
function splitRunner(dir: string, keep: (i: number) => boolean, show = false): (script: string, out: string, extra: string[]) => void {
  const split = join(dir, 'split')
  mkdirSync(split)
  const [header, ...rows] = readFileSync(join(values.data!, 'metadata.tsv'), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '')
  writeFileSync(join(split, 'metadata.tsv'), [header, ...rows.filter((_, i) => keep(i))].join('\n') + '\n')
  for (const sub of ['text', 'attributions']) symlinkSync(resolve(values.data!, sub), join(split, sub))
  const here = dirname(fileURLToPath(import.meta.url))
  return (script, out, extra) => {
    execFileSync(process.execPath, [
      '--import', 'tsx', join(here, script), '--data', split, '--out', out, ...epochs, ...extra,
    ], { stdio: ['ignore', show ? 'inherit' : 'ignore', 'inherit'] })
  }
}

/**
 * The content ranker of fold `f` trained anew on the fold's training documents (--rerank), from the
 * fold taggers the --keep run cached for the filter, linked under the names train-content.ts reads;
 * returns its file.
 */
function retrainRanker(f: number, reuse: string, out: string): string {
  const save = join(out, `fold-${f + 1}`)
  const kept = join(reuse, `fold-${f + 1}`, 'filter-taggers')
  const cache = join(save, 'taggers')
  mkdirSync(cache, { recursive: true })
  for (const name of existsSync(kept) ? readdirSync(kept) : []) {
    const m = /^fold(\d+)-(.+)$/.exec(name)
    const link = m === null ? null : join(cache, `content-fold${m[1]}of2-${m[2]}`)
    if (link !== null && !existsSync(link)) symlinkSync(resolve(kept, name), link)
  }
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cv-'))
  try {
    const file = join(save, 'content-end.bin')
    splitRunner(dir, (i) => i % folds !== f, true)('train-content.ts', file, ['--folds', '2', '--cache', cache])
    return file
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The cue filter of fold `f` trained anew on the fold's training documents, with the ranker in `rankerFile` (--refilter). */
function retrainFilter(f: number, reuse: string, out: string, rankerFile: string): CueFilter {
  const save = join(out, `fold-${f + 1}`)
  const kept = join(reuse, `fold-${f + 1}`, 'filter-taggers')
  const cache = existsSync(kept) ? kept : join(save, 'filter-taggers')
  mkdirSync(save, { recursive: true })
  mkdirSync(cache, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cv-'))
  try {
    const file = join(save, 'cue-filter.bin')
    splitRunner(dir, (i) => i % folds !== f, true)('train-cue-filter.ts', file, ['--ranker', rankerFile, '--cache', cache])
    return loadCueFilter(file)!
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const tokenized = new Map<string, Tokenized>(docs.map((d) => [d.name, tokenize(nlp, d.text)]))
const scored: ScoredDoc[] = []
const sc = new Scratch()
if (values.dump !== undefined) mkdirSync(values.dump, { recursive: true })
for (let f = 0; f < folds; f++) {
  const t0 = performance.now()
  let model: AttributionModel
  let filter: CueFilter | null
  let ranker: EndRanker | null
  if (values.reuse !== undefined) {
    // The fold's models as a --keep run wrote them; a file that run did not write is none.
    const dir = join(values.reuse, `fold-${f + 1}`)
    const opt = (file: string) => (existsSync(join(dir, file)) ? join(dir, file) : null)
    model = loadAttributionModel(join(dir, 'model.bin'))
    const rf = values.rerank !== undefined ? retrainRanker(f, values.reuse, values.rerank) : opt('content-end.bin')
    const ff = opt('cue-filter.bin')
    ranker = values.ranker === 'committed' ? defaultEndRanker() : values.ranker === 'nested' && rf !== null ? loadEndRanker(rf) : null
    filter = values.filter === 'committed' ? defaultCueFilter() : values.filter === 'nested' && ff !== null ? loadCueFilter(ff) : null
    if (values.refilter !== undefined) filter = retrainFilter(f, values.reuse, values.refilter, rf ?? join(dir, 'content-end.bin'))
  } else {
    const save = values.keep === undefined ? undefined : join(values.keep, `fold-${f + 1}`)
    if (save !== undefined) mkdirSync(save, { recursive: true })
    const train = docs.filter((_, i) => i % folds !== f).map((d) => toTrainingDoc(d, tokenized.get(d.name)!))
    model = trainModel(train, { cueEpochs: Number(values['cue-epochs']), roleEpochs: Number(values['role-epochs']), seed: Number(values.seed), costs })
    if (save !== undefined) writeFileSync(join(save, 'model.bin'), modelToBuffer(model))
    const inFold = nested ? trainNested((i) => i % folds !== f, save) : null
    filter = values.filter === 'committed' ? defaultCueFilter() : inFold?.filter ?? null
    ranker = values.ranker === 'committed' ? defaultEndRanker() : inFold?.ranker ?? null
  }
  // decode with 16-bit weights, as the stage does with a model read from its file
  model.cue.quantize()
  model.role.quantize()
  scored.push(...predictSplit(docs.filter((_, i) => i % folds === f), (name, text) => {
    const { tokens, sentences } = tokenized.get(name)!
    const ann = writeBrat(text, extractAttributions(model, text, tokens, sentences, [], sc, filter, ranker))
    if (values.dump !== undefined) writeFileSync(join(values.dump, `${name}.ann`), ann)
    return ann
  }))
  console.log(`fold ${f + 1} of ${folds}: ${((performance.now() - t0) / 1000).toFixed(0)} s`)
}
console.log(`${folds}-fold cross-validation on ${docs.length} documents, seed ${values.seed}, filter ${values.filter}, ranker ${values.ranker}`)
console.log(formatScoresTable(scoreDocuments(scored)).split('\n').slice(0, 11).join('\n'))
