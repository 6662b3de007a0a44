// Where the extraction pipeline spends its time, stage by stage, in one process:
//   node --import tsx bench/stages.ts [--rounds 5]
// Runs the stages of createAnalyzer() one by one over the PolNeAR dev texts (the bench
// corpus without repetition) and prints milliseconds per document for each, for the JSON
// output, and for tokenization alone, the floor of `npm run bench`. CPU time of this
// process, so other load on the machine counts less; compare stages within one run.
import { parseArgs } from 'node:util'
import { createAnalyzer } from '../src/analyze.ts'
import { toJsonDocument } from '../src/format/json.ts'
import { Doc } from '../src/model/doc.ts'
import { languageStage } from '../src/stages/language/language.ts'
import { loadWink, tokenize } from '../src/stages/tokens/tokens.ts'
import { loadBenchCorpus } from './corpus.ts'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } })
const rounds = Number(values.rounds)
const corpus = loadBenchCorpus(1)
const texts = corpus.texts
const analyzer = createAnalyzer()
const nlp = loadWink()
const language = languageStage()
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const spent = new Map<string, number>()
const add = (name: string, ms: number) => spent.set(name, (spent.get(name) ?? 0) + ms)

// One pass to warm the JIT, then the timed rounds.
for (let r = -1; r < rounds; r++) {
  for (const text of texts) {
    let t = cpuMs()
    tokenize(nlp, text)
    const floor = cpuMs() - t
    t = cpuMs()
    let doc = language.run(Doc.create(text, { id: 'bench' }))
    const times: Array<[string, number]> = [['language', cpuMs() - t]]
    for (const stage of analyzer.pipeline.stages) {
      t = cpuMs()
      doc = stage.run(doc)
      times.push([stage.name, cpuMs() - t])
    }
    t = cpuMs()
    JSON.stringify(toJsonDocument(doc))
    times.push(['JSON output', cpuMs() - t])
    if (r < 0) continue
    add('(tokenization alone)', floor)
    for (const [name, ms] of times) add(name, ms)
  }
}
const n = rounds * texts.length
let total = 0
for (const [name, ms] of spent) if (name !== '(tokenization alone)') total += ms
console.log(`corpus: ${corpus.name}, ${rounds} rounds`)
for (const [name, ms] of spent) {
  const share = name === '(tokenization alone)' ? '' : `  ${((100 * ms) / total).toFixed(1)}%`
  console.log(`${name.padEnd(22)} ${(ms / n).toFixed(3)} ms/doc${share}`)
}
console.log(`whole pipeline + JSON  ${(total / n).toFixed(3)} ms/doc, ${((1000 * n) / total).toFixed(0)} docs/s; ` +
  `ratio to tokenization alone ${(spent.get('(tokenization alone)')! / total).toFixed(3)}`)
