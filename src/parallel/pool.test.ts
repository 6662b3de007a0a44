import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createAnalyzer } from '../analyze.ts'
import { toJsonDocument } from '../format/json.ts'
import { createAnalyzerPool } from './pool.ts'

test('worker threads give the same analysis as the main thread, in order', async () => {
  const texts = [
    'About 4,000 soldiers have been killed or injured, according to Western officials.',
    'Russia has around 12,000 North Korean troops, US intelligence suggests.',
    'Officials said another 25,000-30,000 soldiers would be sent in the coming months.',
  ]
  const pool = await createAnalyzerPool(2)
  try {
    const batches = await Promise.all([
      pool.analyze(texts.slice(0, 2).map((text, i) => ({ text, meta: { id: `d${i}` } }))),
      pool.analyze(texts.slice(2).map((text) => ({ text, meta: { id: 'd2' } }))),
    ])
    const results = batches.flat()
    const analyzer = createAnalyzer()
    results.forEach((r, i) => {
      assert.ok(r.ok)
      assert.deepEqual(r.doc, toJsonDocument(analyzer.analyze(texts[i], { id: `d${i}` })))
    })
  } finally {
    await pool.close()
  }
})
