/**
 * Train the attribution model on a PolNeAR split and write it to
 * `models/attribution/model.bin`.
 *
 *   npm run train:attribution -- --data ../shared/data/polnear/train [--dev ../shared/data/polnear/dev]
 *     [--limit N] [--seed 1] [--cue-epochs 6] [--role-epochs 6] [--cue-bits 18] [--role-bits 19] [--out models/attribution/model.bin]
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { DEFAULT_MODEL_PATH, extractAttributions, modelToBuffer } from './attributions.ts'
import { readPolnearSplit, type GoldDoc } from './polnear-data.ts'
import { scoreAttributions } from './quick-score.ts'
import { trainModel, type TrainingDoc } from './training.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/train' },
    dev: { type: 'string' },
    limit: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'cue-epochs': { type: 'string', default: '6' },
    'role-epochs': { type: 'string', default: '6' },
    'cue-bits': { type: 'string', default: '18' },
    'role-bits': { type: 'string', default: '19' },
    out: { type: 'string', default: DEFAULT_MODEL_PATH },
  },
})

const t0 = performance.now()
const nlp = loadWink()
const limit = values.limit === undefined ? Infinity : Number(values.limit)
const toTraining = (d: GoldDoc): TrainingDoc => ({ ...tokenize(nlp, d.text), text: d.text, attributions: d.attributions })
const train = readPolnearSplit(values.data!, limit).map(toTraining)
console.log(`read and tokenized ${train.length} training documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
const seed = Number(values.seed)
const options = {
  cueEpochs: Number(values['cue-epochs']), roleEpochs: Number(values['role-epochs']), seed,
  cueBits: Number(values['cue-bits']), roleBits: Number(values['role-bits']),
}
const version = `polnear-train${Number.isFinite(limit) ? `-${limit}` : ''}-seed${seed}-cue${options.cueEpochs}-role${options.roleEpochs}`
const model = trainModel(train, { ...options, log: (l) => console.log(l) }, version)
const buf = modelToBuffer(model)
writeFileSync(values.out!, buf)
console.log(`trained in ${((performance.now() - t0) / 1000).toFixed(1)} s; wrote ${values.out} (${(buf.length / 1e6).toFixed(1)} MB), version ${version}`)

if (values.dev !== undefined) {
  const dev = readPolnearSplit(values.dev).map(toTraining)
  const predicted = dev.map((d) => extractAttributions(model, d.text, d.tokens, d.sentences, []))
  console.log(scoreAttributions(dev.map((d) => ({ text: d.text, gold: d.attributions })), predicted))
}
