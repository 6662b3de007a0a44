// Hashes of the JSON output of `extract` per document, to check that a speed change leaves
// the output byte-identical: run before and after, then diff the two files.
//   node --import tsx scripts/output-hashes.ts [--train N] > hashes.txt
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAnalyzer } from '../src/analyze.ts'
import { toJsonDocument } from '../src/format/json.ts'
import { POLNEAR_DEV } from '../bench/corpus.ts'

const args = process.argv.slice(2)
const trainN = args.includes('--train') ? Number(args[args.indexOf('--train') + 1]) : 300
const analyzer = createAnalyzer()

function dates(dir: string): Map<string, string> {
  const m = new Map<string, string>()
  const lines = readFileSync(join(dir, 'metadata.tsv'), 'utf8').split('\n').slice(1)
  for (const l of lines) { const c = l.split('\t'); if (c.length > 5) m.set(c[1], c[5]) }
  return m
}

for (const [split, limit] of [['dev', Infinity], ['train', trainN]] as const) {
  const dir = join(POLNEAR_DEV, '..', split)
  const pub = dates(dir)
  const files = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().slice(0, limit)
  for (const f of files) {
    const text = readFileSync(join(dir, 'text', f), 'utf8')
    const name = f.replace(/\.txt$/, '')
    // As the bench runs it (no date), and with the publication date (relative times resolve).
    for (const meta of [{ id: name }, { id: name, published: pub.get(name) ?? '2016-10-01' }]) {
      const json = JSON.stringify(toJsonDocument(analyzer.analyze(text, meta)))
      console.log(`${split}/${name} ${'published' in meta ? 'dated' : 'undated'} ${createHash('sha256').update(json).digest('hex').slice(0, 16)} ${json.length}`)
    }
  }
}
