import { availableParallelism } from 'node:os'
import { createAnalyzer } from '../src/analyze.ts'
import { toJsonDocument } from '../src/format/json.ts'
import { createAnalyzerPool } from '../src/parallel/pool.ts'
import { loadWink, tokenize } from '../src/stages/tokens/tokens.ts'
import type { BenchCorpus } from './corpus.ts'

/** One measured rate. */
export interface Rate {
  readonly label: string
  readonly docsPerSecond: number
  readonly tokensPerSecond: number
  readonly seconds: number
}

function rate(label: string, docs: number, tokens: number, ms: number): Rate {
  return { label, docsPerSecond: docs / (ms / 1000), tokensPerSecond: tokens / (ms / 1000), seconds: ms / 1000 }
}

/**
 * Extraction throughput: tokenization alone (the floor), the whole pipeline plus JSON
 * output on one core, and the same over worker threads on every core.
 */
export async function benchExtract(corpus: BenchCorpus, log: (s: string) => void): Promise<Rate[]> {
  const texts = corpus.texts
  const nlp = loadWink()
  const analyzer = createAnalyzer()
  // warm-up: JIT and lazy model parts
  for (const t of texts.slice(0, 50)) { tokenize(nlp, t); analyzer.analyze(t, { id: 'w' }) }

  let tokens = 0
  let t0 = performance.now()
  for (const t of texts) tokens += tokenize(nlp, t).tokens.count
  const floor = rate('tokenization alone (wink-nlp, 1 core)', texts.length, tokens, performance.now() - t0)
  log(`  ${floor.label}: ${floor.docsPerSecond.toFixed(0)} docs/s`)

  t0 = performance.now()
  let outBytes = 0
  for (let i = 0; i < texts.length; i++) {
    outBytes += JSON.stringify(toJsonDocument(analyzer.analyze(texts[i], { id: `d${i}` }))).length
  }
  const single = rate('extract, whole pipeline + JSON (1 core)', texts.length, tokens, performance.now() - t0)
  log(`  ${single.label}: ${single.docsPerSecond.toFixed(0)} docs/s (${(outBytes / 1048576).toFixed(1)} MB JSON)`)

  const cores = availableParallelism()
  const pool = await createAnalyzerPool(cores)
  try {
    // warm the workers
    await Promise.all(Array.from({ length: cores }, () => pool.analyze(texts.slice(0, 20).map((text) => ({ text, meta: { id: 'w' } })))))
    const batch = 32
    t0 = performance.now()
    const jobs = []
    for (let i = 0; i < texts.length; i += batch) {
      jobs.push(pool.analyze(texts.slice(i, i + batch).map((text, j) => ({ text, meta: { id: `d${i + j}` } }))))
    }
    await Promise.all(jobs)
    const multi = rate(`extract, worker threads (${cores} cores, batches of ${batch})`, texts.length, tokens, performance.now() - t0)
    log(`  ${multi.label}: ${multi.docsPerSecond.toFixed(0)} docs/s`)
    return [floor, single, multi]
  } finally {
    await pool.close()
  }
}
