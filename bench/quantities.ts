// Throughput of the quantity grammar against Microsoft Recognizers-Text's JavaScript
// number and percent models, over the same texts in the same run. Prints figures; it is
// not a test. Record them in docs/quantities.md with the machine they ran on.
//
//   node --import tsx bench/quantities.ts [--dir ../shared/data/polnear/dev/text] [--seconds 3]
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createRequire } from 'node:module'
import { findQuantities } from '../src/stages/quantities/quantities.ts'

const { values: options } = parseArgs({
  options: {
    dir: { type: 'string', default: '../shared/data/polnear/dev/text' },
    seconds: { type: 'string', default: '3' },
  },
})
const dir = options.dir!
const minSeconds = Number(options.seconds)

if (!existsSync(dir)) {
  console.log(`bench/quantities: no texts at ${dir} (the PolNeAR dev split); nothing to measure. ` +
    'Pass --dir DIR with .txt files to run it.')
  process.exit(0)
}
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'))
if (texts.length === 0) {
  console.log(`bench/quantities: ${dir} holds no .txt files; nothing to measure.`)
  process.exit(0)
}
const chars = texts.reduce((n, t) => n + t.length, 0)

interface Rate { label: string; found: number; passes: number; seconds: number }

/** Run `extract` over every text, repeating whole passes until `minSeconds` have passed. */
function measure(label: string, extract: (text: string) => number, passesAtLeast = 1): Rate {
  for (const t of texts) extract(t) // warm-up pass: JIT and lazily built regexes
  let found = 0
  let passes = 0
  const t0 = performance.now()
  let seconds = 0
  while (passes < passesAtLeast || seconds < minSeconds) {
    found = 0
    for (const t of texts) found += extract(t)
    passes++
    seconds = (performance.now() - t0) / 1000
  }
  return { label, found, passes, seconds }
}

// Recognizers-Text ships CommonJS; build each model once, as an application would.
const require = createRequire(import.meta.url)
const recognizers = require('@microsoft/recognizers-text-number') as {
  NumberRecognizer: new (culture: string) => {
    getNumberModel(): { parse(q: string): unknown[] }
    getPercentageModel(): { parse(q: string): unknown[] }
  }
  Culture: { English: string }
}
const recognizer = new recognizers.NumberRecognizer(recognizers.Culture.English)
const numberModel = recognizer.getNumberModel()
const percentModel = recognizer.getPercentageModel()

console.log(`quantities benchmark — ${new Date().toISOString()}`)
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`)
console.log(`texts: ${texts.length} files from ${dir}, ${chars.toLocaleString('en-US')} characters`)

const rates = [
  measure('claimtrail findQuantities', (t) => findQuantities(t).length),
  measure('Recognizers-Text number + percent', (t) => numberModel.parse(t).length + percentModel.parse(t).length),
]
console.log('\n| extractor | found per pass | passes | quantities/s | chars/s |')
console.log('|---|---|---|---|---|')
for (const r of rates) {
  const perSecond = r.passes / r.seconds
  console.log(`| ${r.label} | ${r.found} | ${r.passes} | ${Math.round(r.found * perSecond).toLocaleString('en-US')} | ` +
    `${Math.round(chars * perSecond).toLocaleString('en-US')} |`)
}
const [ours, theirs] = rates
console.log(`\nratio: findQuantities chars/s ÷ Recognizers-Text chars/s = ` +
  `${((ours.passes / ours.seconds) / (theirs.passes / theirs.seconds)).toFixed(1)}`)
