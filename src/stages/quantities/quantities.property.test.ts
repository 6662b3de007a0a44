import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { Quantity } from '../../model/types.ts'
import { findQuantities } from './quantities.ts'

function assertWellFormed(text: string, qs: readonly Quantity[]): void {
  let prevEnd = 0
  for (const q of qs) {
    assert.ok(q.start >= 0 && q.start < q.end && q.end <= text.length, `bad span ${q.start}-${q.end}`)
    assert.ok(q.start >= prevEnd, `span ${q.start}-${q.end} overlaps or is out of order`)
    prevEnd = q.end
    const span = JSON.stringify(text.slice(q.start, q.end))
    if (q.amount.kind === 'point') assert.ok(Number.isFinite(q.amount.value), `not finite: ${span}`)
    else assert.ok(Number.isFinite(q.amount.high) && q.amount.low < q.amount.high, `bad range: ${span}`)
  }
}

// Pieces of news text that exercise the grammar: numbers, scale words, hedges, bounds,
// dashes, currency and the words the exclusions look at.
const PIECES = [
  ' ', ' ', ' ', ', ', '.', '-', '–', '/', ':', '%', '$', '£', '+', '(', ')', '"', "'", '\n',
  '1', '12', '2024', '4,000', '1.2', '12 000', '0', '.5', '3/4', '1e6', '^2',
  'one', 'two', 'twenty', 'hundred', 'thousand', 'million', 'bn', 'k', 'M', 'm', 'a', 'an',
  'and', 'half', 'third', 'quarters', 'dozen', 'dozens', 'thousands', 'of', 'tens', 'several',
  'few', 'point', 'over', 'out', 'minus', 'about', 'more', 'than', 'up', 'to', 'between',
  'some', 'estimated', 'percent', 'per', 'cent', 'times', 'fold', 'doubled', 'twice', 'the',
  'year', 'old', 'aged', 'age', 'Sept', 'May', 'Article', 'KN', 'troops', 'won', 'euros',
  'or', 'so', 'plus', 'first', 'fifths', 'a.m.', 'Scott', 'é', '😀', '=', '#', '555', '17', 'G',
  'ages', 'from', 'ranging', 'could', 'double', 'people', 'pounds', 'square', 'tonnes',
  'approximately', 'USD', 'US', 'lakh', 'crore', 'couple',
]

test('never throws, and spans stay inside the text, sorted and disjoint (any string)', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
    assertWellFormed(text, findQuantities(text))
  }), { numRuns: 500 })
})

test('never throws, and spans stay inside the text, sorted and disjoint (news-like pieces)', () => {
  const arb = fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.constantFrom('', ' '))
  fc.assert(fc.property(arb, ([pieces, sep]) => {
    const text = pieces.join(sep)
    assertWellFormed(text, findQuantities(text))
  }), { numRuns: 5000 })
})

test('values stay finite at the ends of the text and of the number range', () => {
  // Found by fuzzing: an exponent past what a double holds, a fraction cut off by the end.
  for (const text of ['1e617', '12 000 over', 'one over', '1,000 to', 'between 3 and', 'percent of']) {
    assertWellFormed(text, findQuantities(text))
  }
  assert.deepEqual(findQuantities('1e617'), [])
})

function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep)
}

test('a number written with thousands separators parses to that number', () => {
  const arb = fc.record({
    whole: fc.integer({ min: 0, max: 999_999_999_999 }),
    cents: fc.option(fc.integer({ min: 0, max: 99 }), { nil: null }),
    sep: fc.constantFrom(',', ' ', '\u202f'),
  })
  fc.assert(fc.property(arb, ({ whole, cents, sep }) => {
    // Plain four-digit numbers read as years; the separator keeps them numbers.
    const written = group(String(whole), sep) + (cents === null ? '' : `.${String(cents).padStart(2, '0')}`)
    const expected = whole + (cents === null ? 0 : cents / 100)
    const text = `They counted ${written} people.`
    const qs = findQuantities(text)
    assert.equal(qs.length, 1, text)
    assert.equal(text.slice(qs[0].start, qs[0].end), written)
    assert.deepEqual(qs[0].amount, { kind: 'point', value: Number(expected.toPrecision(15)) })
  }), { numRuns: 1000 })
})

const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** British-style words for 1 <= n < 1000. */
function below1000(n: number): string {
  const h = Math.floor(n / 100)
  const r = n % 100
  const rest = r < 20 ? UNITS[r] : TENS[Math.floor(r / 10)] + (r % 10 > 0 ? `-${UNITS[r % 10]}` : '')
  if (h === 0) return rest
  return `${UNITS[h]} hundred${r > 0 ? ` and ${rest}` : ''}`
}

/** Words for 1 <= n < 1e9. */
function inWords(n: number): string {
  const parts: string[] = []
  const millions = Math.floor(n / 1e6)
  const thousands = Math.floor(n / 1e3) % 1000
  const rest = n % 1000
  if (millions > 0) parts.push(`${below1000(millions)} million`)
  if (thousands > 0) parts.push(`${below1000(thousands)} thousand`)
  if (rest > 0) parts.push(rest < 100 && parts.length > 0 ? `and ${below1000(rest)}` : below1000(rest))
  return parts.join(' ')
}

test('a number written in words parses to that number', () => {
  fc.assert(fc.property(fc.integer({ min: 2, max: 999_999_999 }), (n) => {
    const written = inWords(n)
    const text = `They counted ${written} people.`
    const qs = findQuantities(text)
    assert.equal(qs.length, 1, text)
    assert.equal(text.slice(qs[0].start, qs[0].end), written)
    assert.deepEqual(qs[0].amount, { kind: 'point', value: n })
  }), { numRuns: 1000 })
})

test('finishes on 1 MB adversarial inputs (no backtracking blow-up)', () => {
  // Each pattern repeats something the grammar has to look ahead on: long spelled runs,
  // comma and space digit groups, dotted and slashed identifiers, stacked modifiers,
  // chains of "of", dashes between numbers.
  const patterns = [
    'one ', 'one one hundred and ', 'twenty and three and ', '1,1,', '1 000 ', '1.1.', '1/1/',
    'more than about between ', 'thousands of ', '1-', '- 1 ', 'a a half ', '1e1e', 'nine point ',
    '$$1', '+1 (2) ', 'half a ', 'percent of percent of ',
  ]
  patterns.push(PIECES.join(' '))
  const block = Math.ceil(1_000_000 / patterns.length)
  const text = patterns.map((p) => p.repeat(Math.ceil(block / p.length))).join('\n')
  assert.ok(text.length >= 1_000_000)
  const qs = findQuantities(text)
  assertWellFormed(text, qs)
  assert.ok(qs.length > 0)
})
