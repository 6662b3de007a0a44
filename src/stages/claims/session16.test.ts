// Session 16 (fig16; docs/figures.md, "Session 16: held-out articles 11 and conventions (fig16)"):
// the leftovers of session 15 and the general shapes that articles-holdout-11 showed wrong, each
// with a hand-written passage (none is a sentence of a figure set) that fails without its rule.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findQuantities } from '../quantities/quantities.ts'
import { attribution, buildDoc, claimFor, readable } from './test-helpers.ts'

/** A Doc over `text` with the quantities stage's own quantities. */
function docOf(text: string, attributions: Parameters<typeof buildDoc>[2] = [], published = '2026-05-14') {
  return buildDoc(text, findQuantities(text), attributions, published)
}

test('category: people arrested are captured, by an active verb or a passive one', () => {
  const doc = docOf('Police arrested 45 people after the match. Another 30 fans were arrested on Sunday.')
  assert.equal(claimFor(doc, '45').category, 'captured')
  assert.equal(claimFor(doc, '30').category, 'captured')
})

test('planned: figures "projected to" or "likely to" happen are planned ("are projected to face", "are likely to be")', () => {
  const doc = docOf('An estimated 410,000 people in the south are projected to face famine. Some 30,000 children are likely to be malnourished.')
  assert.equal(claimFor(doc, 'An estimated 410,000').isPlanned, true)
  assert.equal(claimFor(doc, 'Some 30,000').isPlanned, true)
  // near-miss: "had likely died" is a past guess, not a projection
  const past = docOf('Investigators said 300 people had likely died in the fire.')
  assert.equal(claimFor(past, '300').isPlanned, false)
})

test('claims: a bare number opening its sentence and "projected to" stands for the figure before ("Of those, 1.8 million are projected to")', () => {
  const doc = docOf('About 2.4 million people will face hunger this year. Of those, 600,000 are projected to be in Emergency. About 52,000 are likely to need treatment.')
  const those = claimFor(doc, '600,000')
  assert.equal(those.isPlanned, true)
  assert.equal(those.category, 'other')
  assert.equal(claimFor(doc, 'About 52,000').isPlanned, true)
})

test('claims: a share that opens its sentence and is people ("Nearly 80 percent are women and children") is of the figure before', () => {
  const doc = docOf('More than 20,000 people have fled to Chad since May, the agency said. About 60 percent are women and children, it said.')
  assert.equal(claimFor(doc, 'About 60 percent').category, 'displaced')
  // near-miss: a share that is no people names nothing counted
  const debt = docOf('More than 20,000 people have fled to Chad since May. About 40 percent are in debt.')
  assert.deepEqual(readable(debt).map((x) => x.quantity), ['More than 20,000'])
})

test('category: "raising the toll from seven" after a count of wounded is a toll of dead', () => {
  const doc = docOf('At least 12 people were killed and 40 injured in the town, raising the toll from seven.')
  assert.equal(claimFor(doc, '40').category, 'wounded')
  assert.equal(claimFor(doc, 'seven').category, 'killed')
  // the word before "toll" says what it counts, as for any toll (tollAt)
  const both = docOf('At least 12 people were killed and 40 injured in the town, raising the casualty toll from 30.')
  assert.equal(claimFor(both, '30').category, 'casualties')
})

test('source: an amount in brackets after another is given by whoever gives that one ("at 2.1 billion pesos ($37 million)")', () => {
  const doc = docOf('The ministry put damage to roads at 2.1 billion pesos ($37 million) so far.')
  assert.equal(claimFor(doc, '2.1 billion').source, 'The ministry')
  assert.equal(claimFor(doc, '$37 million').source, 'The ministry')
})

test('source: a part after ", including" is given by whoever gives the figure it is part of', () => {
  const doc = docOf('The police put the turnout at 90,000, including 12,000 in the capital.')
  assert.equal(claimFor(doc, '12,000').source, 'The police')
})

test('source: "An earlier version of this story said 25 ..., citing a police officer." is the officer\'s', () => {
  const text = 'Correction: An earlier version of this story said 25 people had died, citing a police officer.'
  const doc = docOf(text, [attribution(text, 'An earlier version of this story', 'said', '25 people had died')])
  assert.equal(claimFor(doc, '25').source, 'a police officer')
  // near-miss: with no one cited, the figure an earlier version gave is withdrawn
  const own = 'Correction: An earlier version of this story said 25 people had died.'
  const ownDoc = docOf(own, [attribution(own, 'An earlier version of this story', 'said', '25 people had died')])
  assert.deepEqual(readable(ownDoc), [])
})

test('source: "The navy had earlier put the toll at 14": an adverb among the auxiliaries keeps the subject', () => {
  assert.equal(claimFor(docOf('The navy had earlier put the toll at 14.'), '14').source, 'The navy')
})

test('source: rows of a table under "..., according to X:" are X\'s, not the row label\'s', () => {
  const text = 'Deaths by district, according to the health ministry:\nKasai: 311 dead, 920 injured\nTshopo: 74 dead, 130 injured'
  const doc = docOf(text, [
    attribution(text, 'the health ministry', 'according to', 'Deaths by district'),
    // the attribution stage reads a row's label before its colon as a speaker
    attribution(text, 'Tshopo', ':', '74 dead, 130 injured'),
  ])
  assert.equal(claimFor(doc, '311').source, 'the health ministry')
  assert.equal(claimFor(doc, '130').source, 'the health ministry')
  // near-miss: rows under a line that names no source keep none
  const own = 'Deaths by district:\nKasai: 311 dead, 920 injured\nTshopo: 74 dead, 130 injured'
  assert.equal(claimFor(docOf(own), '311').source, null)
})

test('source: a gapped conjunct after a figure a speech verb gives has its own speaker ("police say 9,000, unions 40,000")', () => {
  const doc = docOf('Thousands march in Lisbon; police say 9,000, unions 40,000\n\nThe march was peaceful.')
  assert.equal(claimFor(doc, '40,000').source, 'unions')
  // near-miss: a gapped conjunct after a verb that is no one's saying or counting names no one
  const list = docOf('Marchers numbered 9,000, onlookers 40,000.')
  assert.equal(claimFor(list, '40,000').source, null)
})

test('planned: past a phrase of age ("children under the age of five are likely to"), and a part after ", including" of a projected figure', () => {
  const doc = docOf('An estimated 1.2 million children under the age of five are likely to be malnourished, including 300,000 who are severely malnourished.')
  assert.equal(claimFor(doc, 'An estimated 1.2 million').isPlanned, true)
  assert.equal(claimFor(doc, '300,000').isPlanned, true)
  // near-miss: a part of a figure that is no projection is none either
  const past = docOf('An estimated 1.2 million children under the age of five were malnourished, including 300,000 who were severely malnourished.')
  assert.equal(claimFor(past, '300,000').isPlanned, false)
})

test('source: "..., official data showed on Friday." at a sentence\'s end is the source', () => {
  const doc = docOf('Industrial output fell 2.1 percent in May, official data showed on Friday.')
  assert.equal(claimFor(doc, '2.1 percent').source, 'official data')
  // near-miss: a speaker's "showed" is no statement ("the minister showed reporters")
  const shown = docOf('Industrial output fell 2.1 percent in May, the minister showed on Friday.')
  assert.equal(claimFor(shown, '2.1 percent').source, null)
})

test('planned: "and plans to send ... to 120 villages", where wink reads "plans" as a noun, is planned', () => {
  const doc = docOf('The agency will hire 400 nurses and plans to send teams to 120 villages.')
  assert.equal(claimFor(doc, '120').isPlanned, true)
  // near-miss: an owner's plans are a noun ("Its plans to hire 300 nurses were dropped")
  const noun = docOf('Its plans to hire 300 nurses were dropped.')
  assert.equal(claimFor(noun, '300').isPlanned, false)
})

test('claims: a headline\'s "cases in <place> top N" counts the cases (wink reads "top" after the place as an adjective)', () => {
  const doc = docOf('Measles cases in Chad top 9,000 as vaccination rates slide\n\nThe outbreak grew.')
  assert.equal(claimFor(doc, '9,000').counted, 'cases')
})
