// Session 14 (lead): claims read off a body's count when a participle's phrase stands
// between the body and its verb. Hand-written passages over real tokens, entities and times.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildDoc, claimFor, quantity } from './test-helpers.ts'

test('a participle phrase between commas after the body ("Officials, speaking on condition of anonymity, put ...") is passed over', () => {
  const text = 'Local officials, speaking on condition of anonymity, put the number of missing at around 150.'
  assert.equal(claimFor(buildDoc(text, [quantity(text, 'around 150', 150)], []), 'around 150').source, 'Local officials')
  const citing = 'The army, citing hospital records, put the death toll at 87.'
  assert.equal(claimFor(buildDoc(citing, [quantity(citing, '87', 87)], []), '87').source, 'The army')
  // near-misses: a phrase with a second verb in it is a clause, not a participle's phrase;
  // a participle that is the main verb of another clause states no one's count
  const clause = 'Local officials, speaking after the rebels had left, put the number of missing at around 150.'
  assert.equal(claimFor(buildDoc(clause, [quantity(clause, 'around 150', 150)], []), 'around 150').source, null)
  const tents = 'Villagers, fleeing the fighting, put up 150 tents.'
  assert.equal(claimFor(buildDoc(tents, [quantity(tents, '150', 150)], []), '150').source, null)
})
