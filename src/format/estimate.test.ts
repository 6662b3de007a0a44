import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatEstimate } from './estimate.ts'

const amount = { value: null, low: null, high: null, approx: false, bound: null, unit: null } as const

test('estimates read as people write them, a multiple with its sign so it is not taken for a count', () => {
  assert.equal(formatEstimate({ ...amount, value: 12000, approx: true }), '~12,000')
  assert.equal(formatEstimate({ ...amount, low: 10000, high: 12000 }, '-'), '10,000-12,000')
  assert.equal(formatEstimate({ ...amount, value: 40, unit: '%' }), '40%')
  assert.equal(formatEstimate({ ...amount, value: 3, bound: 'at_least', unit: 'times' }), '≥3×')
  assert.equal(formatEstimate({ ...amount, value: 5, unit: 'USD' }), '5 USD')
})
