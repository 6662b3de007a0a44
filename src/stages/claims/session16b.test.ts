// Session 16 (rev16; docs/contracts.md, "Session 16: ..."): a figure whose event someone
// describes in a free relative after it ("in what X described as ...") is that one's.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attribution, buildDoc, claimFor, quantity } from './test-helpers.ts'

test('"N ... in what X described as ...": X tells of the figure', () => {
  const text = 'The army moved about 2,400 troops to the border in what the defence ministry called a routine rotation.'
  const doc = buildDoc(text, [quantity(text, 'about 2,400', 2400, { isApprox: true })],
    [attribution(text, 'the defence ministry', 'called', 'a routine rotation')])
  const claim = claimFor(doc, 'about 2,400')
  assert.equal(claim.source, 'the defence ministry')
  assert.equal(claim.cue, 'called')
})

test('"in what X described as ..." after another clause, or with no attribution, binds nothing', () => {
  // a conjunction after a comma opens the clause "in what" describes
  const other = 'The army moved about 2,400 troops, and rebels shelled the town in what the ministry called a provocation.'
  const doc = buildDoc(other, [quantity(other, 'about 2,400', 2400, { isApprox: true })],
    [attribution(other, 'the ministry', 'called', 'a provocation')])
  assert.equal(claimFor(doc, 'about 2,400').source, null)
  // "in what" with no speaker after it ("in what remains of the town")
  const plain = 'The army moved about 2,400 troops in what remains of the old town.'
  assert.equal(claimFor(buildDoc(plain, [quantity(plain, 'about 2,400', 2400, { isApprox: true })]), 'about 2,400').source, null)
})
