// Session 14 review (rev14): the claims stage reads the attribution stage's quotation state
// (tokens/quotations.ts) for a speaker's "now"; hand-written passages over real tokens and times.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildDoc, claimFor, quantity } from './test-helpers.ts'

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
