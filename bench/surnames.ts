// How often a bare surname source resolves to the full name the article gave earlier:
//   node --import tsx bench/surnames.ts [--split dev|train] [--limit N] [--verbose]
// A silver check on PolNeAR texts (needs ../shared): for each predicted attribution whose
// source is one capitalised word, it looks for a longer run of capitalised words ending in
// that word earlier in the article, inside one sentence and not opening with a function
// word ("Pat Caddell" before "Caddell said"). Such a source counts as resolved when its
// `sourceEntity` is a longer name that ends that run ("Jessica Ditto" for "Spokeswoman
// Jessica Ditto"); the nearest such run is taken, so where two people share a surname a
// right answer may count as a miss. Pronouns are left out
// (`bench/pronouns.ts` scores those by hand-annotated cases).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createAnalyzer } from '../src/analyze.ts'
import { loadPolnearSplit } from '../src/eval/polnear.ts'
import { POLNEAR_DEV } from './corpus.ts'

const { values } = parseArgs({
  options: { split: { type: 'string', default: 'dev' }, limit: { type: 'string' }, verbose: { type: 'boolean', default: false } },
})
const dir = join(POLNEAR_DEV, '..', values.split)
if (!existsSync(dir)) {
  console.log(`PolNeAR ${values.split} not found at ${dir}: nothing to measure`)
  process.exit(0)
}
const docs = loadPolnearSplit(dir).slice(0, values.limit === undefined ? undefined : Number(values.limit))
const analyzer = createAnalyzer()
const SURNAME = /^\p{Lu}\p{Ll}+$/u
const PRONOUN = /^(He|She|It|They|We|I|Who|You)$/
const HONORIFIC = /^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\. /
const OPENER = /^(The|A|An|In|On|But|And|If|When|As|After|Unlike|Beyond|What|That's) /
let sources = 0
let resolved = 0
const misses: string[] = []
for (const d of docs) {
  const doc = analyzer.analyze(d.text, { id: d.name })
  for (const a of doc.get('attributions')) {
    if (a.source.length !== 1) continue
    const word = d.text.slice(a.source[0].start, a.source[0].end).trim()
    if (!SURNAME.test(word) || PRONOUN.test(word)) continue
    const earlier = new RegExp(`((?:\\p{Lu}[\\p{L}'-]*\\.? )+)${word}\\b`, 'gu')
    let full: string | null = null
    for (const m of d.text.slice(0, a.source[0].start).matchAll(earlier)) {
      const name = (m[1] + word).replace(HONORIFIC, '')
      if (name.includes(' ') && !OPENER.test(name)) full = name
    }
    if (full === null) continue
    sources++
    const got = a.sourceEntity ?? ''
    if (got.includes(' ') && full.endsWith(got)) resolved++
    else misses.push(`${d.name}: "${word}" -> ${JSON.stringify(a.sourceEntity)}; earlier "${full}"`)
  }
}
console.log(`PolNeAR ${values.split}, ${docs.length} articles: ${sources} one-word named sources with a longer name earlier; ` +
  `${resolved} resolved to the earlier name (${((100 * resolved) / Math.max(1, sources)).toFixed(1)}%)`)
if (values.verbose) console.log(misses.join('\n'))
