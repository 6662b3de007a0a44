import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createAnalyzer } from '../../src/analyze.ts'

// A text without full stops is one sentence however long it runs (a pasted table, a
// transcript, a machine-translated dump). Every figure in it used to read the whole
// sentence for its date, place and fallback source, so 800 clauses took 38 s.
test('one sentence with many figures and speakers is analysed in time linear in its length', () => {
  const analyzer = createAnalyzer()
  const unit = (i: number) => `the ministry said ${40 + i} people died in Syria on Monday, with ${5000 + i} injured, and `
  const time = (n: number) => {
    const text = `${Array.from({ length: n }, (_, i) => unit(i)).join('')}that was all.`
    let best = Infinity
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now()
      const doc = analyzer.analyze(text, { id: 'long' })
      best = Math.min(best, performance.now() - t0)
      assert.ok(doc.get('claims').length >= n, `${doc.get('claims').length} claims for ${n} clauses`)
    }
    return best
  }
  time(20) // warm up
  // A floor of 20 ms keeps timer noise on a fast run from failing it.
  const small = Math.max(time(100), 20)
  const large = time(400)
  // Linear: about 4x; quadratic: about 16x.
  assert.ok(large < 8 * small, `100 clauses ${small.toFixed(0)} ms, 400 clauses ${large.toFixed(0)} ms`)
})
