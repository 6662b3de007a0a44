// Session 15 (fig15; docs/figures.md, "Session 15: held-out articles 10 (fig15)"): the general
// shapes that articles-holdout-10 showed wrong, each with a hand-written passage (none is a
// sentence of a figure set) that fails without its rule.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findQuantities } from '../quantities/quantities.ts'
import { attribution, buildDoc, claimFor, quantity, readable } from './test-helpers.ts'

/** The quantities of a text as "span = value" (points) or "span = low..high". */
function amounts(text: string): string[] {
  return findQuantities(text).map((q) => `${text.slice(q.start, q.end)} = ${q.amount.kind === 'point' ? q.amount.value : `${q.amount.low}..${q.amount.high}`}`)
}

test('quantities: a capital letter glued to digits after a number names a group ("250 M18 fighters"), it is no million', () => {
  assert.deepEqual(amounts('Troops killed 250 M18 fighters near the border.'), ['250 = 250'])
  // near-misses: a spaced "M" before a noun or a full stop is still a million
  assert.deepEqual(amounts('The fund holds 4.5 M euros and 2 M.'), ['4.5 M euros = 4500000', '2 M = 2000000'])
})

test('quantities: "Rs" before a number is rupees, spaced or glued ("Rs 2.4 trillion", "Rs950 billion")', () => {
  const text = 'The plan sets aside Rs 2.4 trillion for roads and Rs950 billion for schools.'
  const found = findQuantities(text)
  assert.deepEqual(found.map((q) => [text.slice(q.start, q.end), q.kind, q.unit]),
    [['Rs 2.4 trillion', 'money', 'INR'], ['Rs950 billion', 'money', 'INR']])
})

test('quantities: three decimals before a plural count noun are thousands ("3.480 persons", "1.125 damaged houses")', () => {
  assert.deepEqual(amounts('Some 3.480 persons left, and 1.125 damaged houses were counted.'), ['Some 3.480 = 3480', '1.125 = 1125'])
  // near-misses: a decimal before a unit, a scale word or a percent sign stays a decimal
  assert.deepEqual(amounts('It carried 2.750 tonnes, 1.250 million people and 4.125 percent.'),
    ['2.750 tonnes = 2.75', '1.250 million = 1250000', '4.125 percent = 4.125'])
})

test('claims: a length in centimetres counts nothing ("rose by 45 centimetres")', () => {
  const text = 'The river rose by 45 centimetres overnight and 300 homes were flooded.'
  const doc = buildDoc(text, findQuantities(text))
  assert.deepEqual(readable(doc).map((x) => x.quantity), ['300'])
})

test('source: a relative clause after a name whose last word is tagged a verb ("The Voters\' Watch, which ...") is cut', () => {
  const text = 'The Voters\' Watch, which sent 900 observers to polling stations, said turnout was 48 percent.'
  const doc = buildDoc(text, [quantity(text, '900', 900), quantity(text, '48 percent', 48, { kind: 'percent', unit: '%' })],
    [attribution(text, 'The Voters\' Watch, which sent 900 observers to polling stations,', 'said', 'turnout was 48 percent')])
  assert.equal(claimFor(doc, '48 percent').source, 'The Voters\' Watch')
})

test('category: observers and monitors sent somewhere are deployed, as workers are', () => {
  const text = 'The mission sent 900 observers to polling stations. About 300 observers watched the count.'
  const doc = buildDoc(text, [quantity(text, '900', 900), quantity(text, 'About 300', 300, { isApprox: true })])
  assert.equal(claimFor(doc, '900').category, 'deployed')
  // near-miss: observers counted with no verb of sending are other
  assert.equal(claimFor(doc, 'About 300').category, 'other')
})

test('category: people an active "released"/"freed" sets free were held ("Gunmen released 45 pupils")', () => {
  const text = 'Gunmen released 45 pupils and two teachers on Sunday. The militia freed 30 soldiers.'
  const doc = buildDoc(text, [quantity(text, '45', 45), quantity(text, 'two', 2), quantity(text, '30', 30)])
  assert.equal(claimFor(doc, '45').category, 'captured')
  assert.equal(claimFor(doc, 'two').category, 'captured')
  assert.equal(claimFor(doc, '30').category, 'captured')
  // near-misses: patients a hospital releases, people freed from rubble
  const other = 'The clinic released 45 patients. Rescuers freed 30 people from the rubble.'
  const otherDoc = buildDoc(other, [quantity(other, '45', 45), quantity(other, '30', 30)])
  assert.equal(claimFor(otherDoc, '45').category, 'other')
  assert.equal(claimFor(otherDoc, '30').category, 'other')
})
