// Session 14 (lead): claims read off a body's count when a participle's phrase stands
// between the body and its verb. Hand-written passages over real tokens, entities and times.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attribution, buildDoc, claimFor, quantity, readable } from './test-helpers.ts'

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

test('an earlier toll is a count of the dead, and who revises "the number of" something states it', () => {
  // wink reads "toll" after "an earlier" as a verb
  const revising = 'At least 312 people have died, the interior ministry said on Saturday, revising an earlier toll of 296.'
  const revisingDoc = buildDoc(revising, [quantity(revising, 'At least 312', 312), quantity(revising, '296', 296)],
    [attribution(revising, 'the interior ministry', 'said', 'At least 312 people have died')])
  const earlier = claimFor(revisingDoc, '296')
  assert.equal(earlier.category, 'killed')
  const gave = 'The ministry gave an earlier toll of 296.'
  assert.equal(claimFor(buildDoc(gave, [quantity(gave, '296', 296)], []), '296').source, 'The ministry')
  const revised = 'Officials revised the number of dead to 19 from 23 after double counting.'
  const revisedDoc = buildDoc(revised, [quantity(revised, '19', 19), quantity(revised, '23', 23)], [])
  assert.equal(claimFor(revisedDoc, '19').source, 'Officials')
  assert.equal(claimFor(revisedDoc, '19').category, 'killed')
  assert.equal(claimFor(revisedDoc, '23').source, 'Officials')
  // near-misses: raising "the number of" troops is an act, not a count stated; "revise" with
  // a number that is not "to" what it was revised to
  const raised = 'The army raised the number of troops to 296.'
  assert.equal(claimFor(buildDoc(raised, [quantity(raised, '296', 296)], []), '296').source, null)
  const plan = 'Officials revised the plan for 296 families.'
  const planDoc = buildDoc(plan, [quantity(plan, '296', 296)], [])
  assert.ok(readable(planDoc).every((c) => c.source === null))
})
