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

// Session 14 review (rev14): the claims stage reads the attribution stage's quotation state
// (tokens/quotations.ts) for a speaker's "now"; hand-written passages over real tokens and times.

test('a writer\'s "now" after a quotation that went on into the next paragraph dates the figure (rev14)', () => {
  // one paragraph a line: the quotation of the first line goes on in the second, reopened with a
  // new mark and closed there; the third line is the writer's, and its "now" is publication day
  const text = 'The mayor said: "The hospital has no power.\n"We cannot treat anyone."\nAbout 5,000 residents have now fled the city.'
  const claim = claimFor(buildDoc(text, [quantity(text, 'About 5,000', 5000, { isApprox: true })]), 'About 5,000')
  assert.equal(claim.asOf, '2025-08-22')
  // a left mark written where the quotation closes, then the writer's "now"
  const curly = '“It has not stopped,“ the mayor said, and about 5,000 residents have now fled the city.'
  assert.equal(claimFor(buildDoc(curly, [quantity(curly, 'about 5,000', 5000, { isApprox: true })]), 'about 5,000').asOf, '2025-08-22')
  // a speaker's "now" inside a quotation still gives no date
  const quoted = 'The mayor said: "About 5,000 residents have now fled the city."'
  assert.equal(claimFor(buildDoc(quoted, [quantity(quoted, 'About 5,000', 5000, { isApprox: true })]), 'About 5,000').asOf, null)
})
