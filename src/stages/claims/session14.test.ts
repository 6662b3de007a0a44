// Session 14 (docs/figures.md, "Session 14: held-out articles 9 (fig14)"): each with a
// hand-written passage, built over real tokens, entities and times; none is a sentence of a
// figure set.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attribution, buildDoc, claimFor, quantity } from './test-helpers.ts'

test('"... 12 people said police": an inverted speech clause that lost its comma names the source', () => {
  // the attribution stage reads it the other way round: the clause before "said" as the source
  const text = 'A gunman opened fire at a wedding and killed 12 people said police on Sunday.'
  const doc = buildDoc(text, [quantity(text, '12', 12)],
    [attribution(text, 'A gunman opened fire at a wedding and killed 12 people', 'said', 'police')], '2026-03-02')
  assert.equal(claimFor(doc, '12').source, 'police')
  const misread = 'The blast left 12 people wounded said police.'
  const misreadDoc = buildDoc(misread, [quantity(misread, '12', 12)], [attribution(misread, '12 people wounded', 'said', 'police')])
  const claim = claimFor(misreadDoc, '12')
  assert.equal(claim.source, 'police')
  assert.equal(claim.category, 'wounded')
  // near-misses: people who say something of the police; the comma form as before
  const speakers = 'At least 12 people said police had beaten them in custody.'
  const speakersDoc = buildDoc(speakers, [quantity(speakers, 'At least 12', 12, { bound: 'at_least' })],
    [attribution(speakers, 'At least 12 people', 'said', 'police had beaten them in custody')])
  assert.equal(readableCount(speakersDoc), 0)
  const same = '74 percent of voters say they like the mayor, compared with 44 percent who say the same of Senator Smith.'
  const sameDoc = buildDoc(same, [quantity(same, '74 percent', 74, { kind: 'percent' }), quantity(same, '44 percent', 44, { kind: 'percent' })])
  assert.equal(claimFor(sameDoc, '44 percent').source, null)
  const comma = 'A gunman killed 12 people, said police.'
  assert.equal(claimFor(buildDoc(comma, [quantity(comma, '12', 12)]), '12').source, 'police')
})

function readableCount(doc: ReturnType<typeof buildDoc>): number {
  try { claimFor(doc, 'At least 12'); return 1 } catch { return 0 }
}
