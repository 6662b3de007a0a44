import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Attribution } from '../../model/types.ts'
import { findSignatures } from './signatures.ts'

const show = (text: string, a: Attribution) => ({
  cue: text.slice(a.cue[0].start, a.cue[0].end),
  source: text.slice(a.source[0].start, a.source[0].end),
  content: text.slice(a.content[0].start, a.content[0].end),
  entity: a.sourceEntity,
})

test('a quotation signed with a dash and a name is attributed to the name', () => {
  const text = 'Readers wrote in.\n\n“The shelter ran out of beds by noon. Nobody came.” ― Maria Ortega\n'
  const got = findSignatures(text, []).map((a) => show(text, a))
  assert.deepEqual(got, [{
    cue: '―', source: 'Maria Ortega', entity: 'Maria Ortega',
    content: '“The shelter ran out of beds by noon. Nobody came.”',
  }])
})

test('initials, particles, a trailing full stop and a place after a comma', () => {
  const text = [
    '"We waited three days for water."\u00a0—\u00a0Oscar P. de la Vega.',
    '“It was the worst flood in memory.”– Ana Lund, Malmö',
    '‘They left nothing behind.’ -- Tom Reyes',
  ].join('\n')
  const got = findSignatures(text, []).map((a) => show(text, a))
  assert.deepEqual(got.map((g) => g.source), ['Oscar P. de la Vega', 'Ana Lund', 'Tom Reyes'])
  assert.deepEqual(got.map((g) => g.content), ['"We waited three days for water."', '“It was the worst flood in memory.”', '‘They left nothing behind.’'])
})

test('the signature may open the line after the quotation', () => {
  const text = '“Twelve villages are still cut off.”\n― Dr. Amina Yusuf\n'
  const got = findSignatures(text, []).map((a) => show(text, a))
  assert.equal(got.length, 1)
  assert.equal(got[0].content, '“Twelve villages are still cut off.”')
  assert.equal(got[0].source, 'Dr. Amina Yusuf')
})

test('dashes that are not signatures', () => {
  const cases = [
    // An embedded tweet: no quotation mark before the dash.
    'Trump’s secretary gave money to the foundation. — The Associated Press (@AP) August 23, 2016',
    // A parenthetical dash inside a sentence.
    'The campaign is — are you ready for this? — about promises.',
    // A quotation followed by a dash and lower-case prose.
    '“We will rebuild,” he said — and then he left for the capital.',
    // A quotation followed by a dash and a long clause, not a name.
    '“Enough.” — Then The Governor Said Nothing More About The Matter At All Today',
    // A section heading between dashes.
    'has gone up,” he said.\n\n– Country less safe –.',
  ]
  for (const text of cases) assert.deepEqual(findSignatures(text, []), [], text)
})

test('a dash the cue tagger already took is left alone', () => {
  const text = '“No comment.” ― Lee Chan'
  const known: Attribution[] = [{
    source: [{ start: 16, end: 24 }], cue: [{ start: 14, end: 15 }], content: [{ start: 0, end: 13 }],
    kind: 'direct', sourceEntity: 'Lee Chan',
  }]
  assert.deepEqual(findSignatures(text, known), [])
})

test('lines that end in CRLF are read as those that end in LF', () => {
  const lf = 'Readers wrote in.\n“The shelter ran out of beds.” ― Maria Ortega\n“Nobody came.”\n― Dr. Amina Yusuf\nMore.'
  const crlf = lf.replace(/\n/g, '\r\n')
  const want = findSignatures(lf, []).map((a) => show(lf, a))
  assert.equal(want.length, 2)
  assert.deepEqual(findSignatures(crlf, []).map((a) => show(crlf, a)), want)
})

test('a long text without newlines and with many dashes stays linear', () => {
  // Each dash used to rescan its line from the start (line bounds, the opening mark, the
  // rest of the line after a name's full stop), so one long line took quadratic time.
  const unit = '“Fine.” — Mr. Lee said — well — no. '
  // the best of three runs: one run on a loaded machine may stall for a garbage collection
  const time = (n: number) => {
    const text = unit.repeat(n)
    let best = Infinity
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now()
      findSignatures(text, [])
      best = Math.min(best, performance.now() - t0)
    }
    return best
  }
  time(500) // warm up
  // A floor keeps timer noise on a fast run from failing it: linear takes about 3 ms and 13 ms
  // here on a quiet machine, and 106 ms for 16,000 units was seen under a load of 25 on two
  // cores; quadratic took seconds, so a floor of 30 ms (a bound of 240 ms) still tells them apart.
  const small = Math.max(time(4000), 30)
  const large = time(16000)
  // Linear: about 4x; quadratic: about 16x.
  assert.ok(large < 8 * small, `4000 units ${small.toFixed(1)} ms, 16000 units ${large.toFixed(1)} ms`)
})
