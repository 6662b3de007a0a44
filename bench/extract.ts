import { availableParallelism } from 'node:os'
import { ANALYZE_BATCH, createAnalyzer } from '../src/analyze.ts'
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

  // Tokenization and extraction take turns over the same slices of the corpus, so both
  // see the same machine: on a shared machine their rates move together and the ratio
  // between them is the figure to compare (BENCHMARKS.md §3).
  const slice = Math.max(1, Math.min(84, texts.length))
  let tokens = 0
  let floorMs = 0
  let singleMs = 0
  let outBytes = 0
  const rounds: { floor: number; single: number }[] = []
  for (let from = 0; from < texts.length; from += slice) {
    const part = texts.slice(from, from + slice)
    let t0 = performance.now()
    for (const t of part) tokens += tokenize(nlp, t).tokens.count
    const f = performance.now() - t0
    t0 = performance.now()
    // as `claimtrail extract` and the workers run it: batches of ANALYZE_BATCH documents
    for (let b = 0; b < part.length; b += ANALYZE_BATCH) {
      const batch = part.slice(b, b + ANALYZE_BATCH).map((text, i) => ({ text, meta: { id: `d${from + b + i}` } }))
      for (const o of analyzer.analyzeMany(batch)) {
        if (!o.ok) throw o.error
        outBytes += JSON.stringify(toJsonDocument(o.doc)).length
      }
    }
    const e = performance.now() - t0
    floorMs += f
    singleMs += e
    rounds.push({ floor: part.length / (f / 1000), single: part.length / (e / 1000) })
  }
  const floor = rate('tokenization alone (wink-nlp, 1 core)', texts.length, tokens, floorMs)
  log(`  ${floor.label}: ${floor.docsPerSecond.toFixed(0)} docs/s`)
  const single = rate('extract, whole pipeline + JSON (1 core)', texts.length, tokens, singleMs)
  log(`  ${single.label}: ${single.docsPerSecond.toFixed(0)} docs/s (${(outBytes / 1048576).toFixed(1)} MB JSON)`)
  const ratios = rounds.map((r) => r.single / r.floor).sort((a, b) => a - b)
  const fastest = rounds.reduce((a, b) => (b.floor > a.floor ? b : a))
  log(`  ${rounds.length} rounds of ${slice} documents, tokenization and extraction in turn: ratio per round ${ratios[0].toFixed(3)} to ${ratios[ratios.length - 1].toFixed(3)}, median ${ratios[ratios.length >> 1].toFixed(3)}; ` +
    `in the round where tokenization ran fastest (${fastest.floor.toFixed(0)} docs/s), extraction ran at ${fastest.single.toFixed(0)} docs/s`)
  let t0 = 0

  const cores = availableParallelism()
  const pool = await createAnalyzerPool(cores)
  try {
    // warm the workers
    await Promise.all(Array.from({ length: cores }, () => pool.analyze(texts.slice(0, 20).map((text) => ({ text, meta: { id: 'w' } })))))
    const batch = ANALYZE_BATCH
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
