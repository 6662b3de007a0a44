// Session 14 leftovers (fig14b; docs/figures.md, "Session 14: leftovers (fig14b)"): the shapes
// left for next by fig14, each with a hand-written passage over real tokens, entities and
// times; none is a sentence of a figure set.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attribution, buildDoc, claimFor, quantity } from './test-helpers.ts'

test('"left 5 people dead said police": "dead" tagged as an adverb before the verb is the predicate', () => {
  const text = 'The explosion left 5 people dead said police.'
  const doc = buildDoc(text, [quantity(text, '5', 5)], [attribution(text, '5 people dead', 'said', 'police')])
  const claim = claimFor(doc, '5')
  assert.equal(claim.category, 'killed')
  assert.equal(claim.source, 'police')
  // near-miss: "dead" as an adverb before an adjective names no one dead
  const set = 'Some 300 residents are dead set against the new road.'
  const setDoc = buildDoc(set, [quantity(set, 'Some 300', 300, { isApprox: true })])
  assert.notEqual(claimFor(setDoc, 'Some 300').category, 'killed')
})
