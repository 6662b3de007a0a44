import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadAttributionModel } from './attributions.ts'
import { ChainPerceptron, referenceViterbi, referenceViterbiOnce } from './perceptron.ts'
import { bioConstraints, R_SB } from './taggers.ts'

// A small deterministic generator, so that a failure can be replayed.
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32 }
}

// Small integer scores make ties common, which tests that the first best predecessor wins.
function cases(tagger: ChainPerceptron, seed: number, ties: boolean) {
  const rnd = random(seed)
  const L = tagger.labels
  const out: Array<{ em: Float64Array; forced: Int8Array | null }> = []
  for (let c = 0; c < 300; c++) {
    const n = Math.floor(rnd() * 40)
    const em = Float64Array.from({ length: n * L }, () => (ties ? Math.floor(rnd() * 3) : rnd() * 20 - 10))
    let forced: Int8Array | null = null
    if (c % 3 !== 0) forced = Int8Array.from({ length: n }, () => (rnd() < 0.2 ? Math.floor(rnd() * L) : -1))
    out.push({ em, forced })
  }
  return out
}

function check(tagger: ChainPerceptron, seed: number, ties: boolean): void {
  const L = tagger.labels
  for (const { em, forced } of cases(tagger, seed, ties)) {
    const n = em.length / L
    const score = new Float64Array(n * L * 2 + 1)
    const want = new Int8Array(n)
    const got = new Int8Array(n)
    referenceViterbi(tagger, em, n, want, forced, new Int8Array(n * L), score)
    tagger.viterbi(em, n, got, forced, new Int8Array(n * L), score)
    assert.deepEqual(got, want)
    referenceViterbiOnce(tagger, em, n, want, forced, R_SB, new Int16Array(n * L * 2), score)
    tagger.viterbiOnce(em, n, got, forced, R_SB, new Int16Array(n * L * 2), score)
    assert.deepEqual(got, want)
  }
}

test('compiled Viterbi decoders label as the reference loops do, with the committed models', () => {
  const model = loadAttributionModel()
  check(model.cue, 1, false)
  check(model.role, 2, false)
})

test('compiled Viterbi decoders break ties as the reference loops do', () => {
  const tagger = new ChainPerceptron(5, 4, bioConstraints(2))
  const rnd = random(7)
  for (let i = 0; i < tagger.trans.length; i++) tagger.trans[i] = Math.floor(rnd() * 3) - 1
  check(tagger, 3, true)
  const model = loadAttributionModel()
  check(model.cue, 4, true)
  check(model.role, 5, true)
})
