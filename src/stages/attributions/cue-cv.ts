/**
 * Document-level k-fold cross-validation of the cue tagger alone on a PolNeAR split: train
 * on k-1 folds (documents i with i mod k != f), decode the held-out fold as the stage's
 * first pass does (no bonus, no filter) and score exact cue spans over tokens. A steadier
 * yardstick for cue features and settings than the 84 dev articles.
 *
 *   node --import tsx src/stages/attributions/cue-cv.ts [--data ../shared/data/polnear/train]
 *     [--folds 4] [--epochs 6] [--bits 18] [--seed 1] [--cue-cost 20] [--cue-miss 4]
 */
import { parseArgs } from 'node:util'
import { loadPolnearSplit } from '../../eval/polnear.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { prepare, type Prepared } from './features.ts'
import { CUE_LABELS, cueEnd, cueFeatures, K_CUE, opensCue } from './taggers.ts'
import { COST_FLAGS, costsFromFlags, toTrainingDoc, trainModel, type TrainingDoc } from './training.ts'
import type { ChainPerceptron } from './perceptron.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/train' },
    folds: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '6' },
    bits: { type: 'string', default: '18' },
    seed: { type: 'string', default: '1' },
    ...COST_FLAGS,
  },
})
const folds = Number(values.folds)
const nlp = loadWink()
const docs = loadPolnearSplit(values.data!).map((d) => toTrainingDoc(d, tokenize(nlp, d.text)))

/** Gold cue spans of a document as "start:end" token ranges. */
function goldCues(d: TrainingDoc, p: Prepared): Set<string> {
  const out = new Set<string>()
  for (const a of d.attributions) {
    for (const f of a.cue) {
      let s = -1
      let e = -1
      for (let i = 0; i < p.n; i++) if (p.tokens.start[i] >= f.start && p.tokens.start[i] < f.end) { if (s < 0) s = i; e = i + 1 }
      if (s >= 0) out.add(`${s}:${e}`)
    }
  }
  return out
}

/** Predicted cue spans of a document: each paragraph decoded by the tagger. */
function predictedCues(cue: ChainPerceptron, p: Prepared): Set<string> {
  const out = new Set<string>()
  for (let q = 0; q < p.paraStart.length; q++) {
    const from = p.paraStart[q]
    const n = p.paraEnd[q] - from
    if (n === 0) continue
    const feats = new Int32Array(n * K_CUE)
    const em = new Float64Array(n * CUE_LABELS)
    const labels = new Int8Array(n)
    cueFeatures(p, from, from + n, feats)
    cue.emissions(feats, n, K_CUE, em)
    cue.viterbi(em, n, labels, null, new Int8Array(n * CUE_LABELS), new Float64Array(n * 2 * CUE_LABELS))
    for (let i = 0; i < n; i++) if (opensCue(labels[i])) out.add(`${from + i}:${from + cueEnd(labels, i, n)}`)
  }
  return out
}

let right = 0
let predicted = 0
let gold = 0
for (let f = 0; f < folds; f++) {
  const train = docs.filter((_, i) => i % folds !== f)
  const model = trainModel(train, { cueEpochs: Number(values.epochs), roleEpochs: 0, seed: Number(values.seed), cueBits: Number(values.bits), costs: costsFromFlags(values) })
  for (let i = f; i < docs.length; i += folds) {
    const p = prepare(docs[i].text, docs[i].tokens, docs[i].sentences)
    const g = goldCues(docs[i], p)
    const pr = predictedCues(model.cue, p)
    gold += g.size
    predicted += pr.size
    for (const k of pr) if (g.has(k)) right++
  }
  console.log(`fold ${f + 1} of ${folds} done`)
}
const P = right / predicted
const R = right / gold
console.log(`cue tagger, ${folds}-fold CV on ${docs.length} documents: exact P ${(100 * P).toFixed(2)} R ${(100 * R).toFixed(2)} F1 ${((200 * P * R) / (P + R)).toFixed(2)}`)
