/**
 * Speed of the attribution stage alone, beside tokenization alone, on the texts of a
 * PolNeAR split (CPU time of this process, so other load on the machine counts less):
 *
 *   node --import tsx src/stages/attributions/bench.ts --dir ../shared/data/polnear/dev [--rounds 5]
 */
import { parseArgs } from 'node:util'
import { loadPolnearSplit } from '../../eval/polnear.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { extractAttributions, loadAttributionModel, Scratch } from './attributions.ts'
import { defaultCueFilter } from './cue-filter.ts'

const { values } = parseArgs({
  options: { dir: { type: 'string', default: '../shared/data/polnear/dev' }, rounds: { type: 'string', default: '5' } },
})
const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6 }

let t = performance.now()
const model = loadAttributionModel()
const loadMs = performance.now() - t
const nlp = loadWink()
const docs = loadPolnearSplit(values.dir!).map((d) => ({ text: d.text, ...tokenize(nlp, d.text) }))
const tokens = docs.reduce((n, d) => n + d.tokens.count, 0)
const rounds = Number(values.rounds)
const scratch = new Scratch()
const filter = defaultCueFilter()
// One warm-up round so the JIT has compiled the hot loops before timing.
for (const d of docs) extractAttributions(model, d.text, d.tokens, d.sentences, [], scratch)
if (filter !== null) for (const d of docs) extractAttributions(model, d.text, d.tokens, d.sentences, [], scratch, null)
// With a cue filter, rounds without it are interleaved, so both see the same machine load.
let stage = 0
let bare = 0
for (let r = 0; r < rounds; r++) {
  t = cpuSeconds()
  for (const d of docs) extractAttributions(model, d.text, d.tokens, d.sentences, [], scratch)
  stage += cpuSeconds() - t
  if (filter === null) continue
  t = cpuSeconds()
  for (const d of docs) extractAttributions(model, d.text, d.tokens, d.sentences, [], scratch, null)
  bare += cpuSeconds() - t
}
t = cpuSeconds()
for (let r = 0; r < rounds; r++) for (const d of docs) tokenize(nlp, d.text)
const tok = cpuSeconds() - t
const n = rounds * docs.length
console.log(`model load ${loadMs.toFixed(0)} ms (${model.version})`)
console.log(`${docs.length} documents, ${(tokens / docs.length).toFixed(0)} tokens/document, ${rounds} rounds`)
console.log(`attributions stage: ${(n / stage).toFixed(0)} documents/s, ${((rounds * tokens) / stage / 1000).toFixed(0)}k tokens/s`)
if (filter !== null) console.log(`without the cue filter: ${(n / bare).toFixed(0)} documents/s (with it: ${(bare / stage).toFixed(3)} of that rate)`)
console.log(`tokenization alone: ${(n / tok).toFixed(0)} documents/s, ${((rounds * tokens) / tok / 1000).toFixed(0)}k tokens/s`)
