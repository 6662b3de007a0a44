import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Where the PolNeAR dev split is expected: `../shared` beside the repository. */
export const POLNEAR_DEV = join(ROOT, '..', 'shared', 'data', 'polnear', 'dev')

/** The benchmark corpus: texts and where they came from. */
export interface BenchCorpus {
  readonly name: string
  readonly texts: readonly string[]
}

/**
 * PolNeAR dev texts repeated to at least `minDocs` documents (BENCHMARKS.md §3). When
 * the data is absent (a user's clone has no ../shared), says so and falls back to the
 * project's own examples, so that the figures are still comparable within one run.
 */
export function loadBenchCorpus(minDocs = 1000): BenchCorpus {
  let name: string
  let base: string[]
  const dir = join(POLNEAR_DEV, 'text')
  if (existsSync(dir)) {
    base = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'))
    name = `PolNeAR dev (${base.length} texts)`
  } else {
    console.log(`note: PolNeAR dev not found at ${POLNEAR_DEV}; using the bundled examples instead (figures not comparable with docs/benchmarks.md)`)
    base = [readFileSync(join(ROOT, 'examples', 'seed', 'kcna-memorial.txt'), 'utf8')]
    const demo = join(ROOT, 'examples', 'demo', 'articles.jsonl')
    if (existsSync(demo)) {
      for (const line of readFileSync(demo, 'utf8').split('\n')) if (line.trim()) base.push(JSON.parse(line).text)
    }
    name = `bundled examples (${base.length} texts)`
  }
  const texts: string[] = []
  while (texts.length < minDocs) texts.push(...base)
  return { name: `${name}, repeated to ${texts.length}`, texts }
}
