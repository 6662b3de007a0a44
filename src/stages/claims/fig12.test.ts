// Session 12 (branch `fig12`) shapes (docs/figures.md, "Session 12 (branch `fig12`)"): each with a
// hand-written passage, built over real tokens, entities and times; none is a sentence of
// `articles-holdout-7.jsonl` or of an earlier article set.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildDoc, claimFor, quantity } from './test-helpers.ts'

test('"since X, when ..." after a superlative dates the figure of the "when" clause, not one before it', () => {
  const text = 'The storm was the worst to hit the coast since 1985, when a cyclone killed 900 people.'
  const doc = buildDoc(text, [quantity(text, '900', 900)])
  assert.equal(claimFor(doc, '900').asOf, '1985')
  // the record frame still dates nothing before it, nor a figure with no "when" clause on the time
  const before = 'The flood, which killed 300 people, was the deadliest since 1998, when the river burst its banks.'
  assert.equal(claimFor(buildDoc(before, [quantity(before, '300', 300)]), '300').asOf, null)
  const plain = 'The storm was the worst since 1985 and killed 900 people.'
  assert.equal(claimFor(buildDoc(plain, [quantity(plain, '900', 900)]), '900').asOf, null)
})

test('a bare number after a sentence-opening "Of" and a determined noun phrase counts a part of what it names', () => {
  const text = 'Of the new cases, 11 were health workers. Of the dead, nine were children.'
  const doc = buildDoc(text, [quantity(text, '11', 11), quantity(text, 'nine', 9)])
  assert.equal(claimFor(doc, '11').counted, 'the new cases')
  assert.equal(claimFor(doc, '11').category, 'other')
  assert.equal(claimFor(doc, 'nine').category, 'killed')
  // no determiner ("Of course"), or no verb of its own after the number, is no partitive
  const none = 'Of course, 11 were late. Of the new cases, 40 in Kano.'
  const noneDoc = buildDoc(none, [quantity(none, '11', 11), quantity(none, '40', 40)])
  assert.throws(() => claimFor(noneDoc, '11'))
  assert.throws(() => claimFor(noneDoc, '40'))
})

test('an owned noun of estimating as the subject of "be" right before the figure states it', () => {
  const money = (text: string, needle: string, value: number) => quantity(text, needle, value, { kind: 'money', unit: 'EUR' })
  const text = 'The regulator\'s own estimate, published in its annual report, was 2.1 billion euros. Our count is 214 people.'
  const doc = buildDoc(text, [money(text, '2.1 billion euros', 2.1e9), quantity(text, '214', 214)])
  assert.equal(claimFor(doc, '2.1 billion euros').source, 'The regulator\'s own estimate')
  assert.equal(claimFor(doc, '214').source, 'Our count')
  // an estimate with no owner, or a noun that is no estimate, states nothing
  const none = 'The estimate was 2.1 billion euros. The regulator\'s budget was 900 million euros.'
  const noneDoc = buildDoc(none, [money(none, '2.1 billion euros', 2.1e9), money(none, '900 million euros', 9e8)])
  assert.equal(claimFor(noneDoc, '2.1 billion euros').source, null)
  assert.equal(claimFor(noneDoc, '900 million euros').source, null)
})

test('people treated for the harm of a fire, heat or cold, past one modifier, are wounded; an illness is not', () => {
  const text = 'Three rescuers were treated for smoke inhalation. Ten climbers were treated for frostbite. Four guards were treated for minor burns.'
  const doc = buildDoc(text, [quantity(text, 'Three', 3), quantity(text, 'Ten', 10), quantity(text, 'Four', 4)])
  assert.equal(claimFor(doc, 'Three').category, 'wounded')
  assert.equal(claimFor(doc, 'Ten').category, 'wounded')
  assert.equal(claimFor(doc, 'Four').category, 'wounded')
  const illness = 'About 300 people were treated for cholera.'
  const illnessDoc = buildDoc(illness, [quantity(illness, 'About 300', 300, { isApprox: true })])
  assert.equal(claimFor(illnessDoc, 'About 300').category, 'other')
})

test('a bare number after "the figure" and a copula counts what the figure before it counts', () => {
  const text = 'Aid groups said 300 people were displaced on Monday. A week earlier that figure was 120.'
  const doc = buildDoc(text, [quantity(text, '300', 300), quantity(text, '120', 120)], [], '2026-05-20')
  assert.equal(claimFor(doc, '120').category, 'displaced')
  assert.equal(claimFor(doc, '120').counted, 'figure')
  // with no figure before it, the figure is of nothing named
  const none = 'That figure was 120.'
  assert.throws(() => claimFor(buildDoc(none, [quantity(none, '120', 120)]), '120'))
})

test('the subject of an active "proposed" states a figure in its object', () => {
  const percent = (text: string, needle: string, value: number) => quantity(text, needle, value, { kind: 'percent', unit: '%' })
  const text = 'She also proposed cutting the levy to 12 percent. The governor proposed to close 40 schools.'
  const doc = buildDoc(text, [percent(text, '12 percent', 12), quantity(text, '40', 40)])
  assert.equal(claimFor(doc, '12 percent').source, 'She')
  assert.equal(claimFor(doc, '40').source, 'The governor')
  // a participle ("proposed by", "proposed last year" before a verb of its own) or a passive names no proposer
  const none = 'A plan proposed by the board would close 40 schools. A scheme proposed last year would close 30 schools. The levy was proposed at 12 percent.'
  const noneDoc = buildDoc(none, [quantity(none, '40', 40), quantity(none, '30', 30), percent(none, '12 percent', 12)])
  assert.equal(claimFor(noneDoc, '40').source, null)
  assert.equal(claimFor(noneDoc, '30').source, null)
  assert.equal(claimFor(noneDoc, '12 percent').source, null)
})

test('people assigned somewhere are deployed, as people sent or posted', () => {
  const text = 'About 400 firefighters are assigned to the blaze. The ministry assigned 300 police officers to the border.'
  const doc = buildDoc(text, [quantity(text, 'About 400', 400, { isApprox: true }), quantity(text, '300', 300)])
  assert.equal(claimFor(doc, 'About 400').category, 'deployed')
  assert.equal(claimFor(doc, '300').category, 'deployed')
  // officers with no verb of sending stay other, and a bare number assigned is no one sent
  const plain = 'About 300 police officers patrol the border. We simply assign one-half the vote to each side.'
  const plainDoc = buildDoc(plain, [quantity(plain, 'About 300', 300, { isApprox: true }), quantity(plain, 'one-half', 0.5)])
  assert.equal(claimFor(plainDoc, 'About 300').category, 'other')
  assert.throws(() => claimFor(plainDoc, 'one-half'))
})

test('people that a subject holding "evacuation" reaches are displaced', () => {
  const text = 'Evacuation orders now cover some 9,000 residents. The evacuation zone includes 4,000 people.'
  const doc = buildDoc(text, [quantity(text, 'some 9,000', 9000, { isApprox: true }), quantity(text, '4,000', 4000)])
  assert.equal(claimFor(doc, 'some 9,000').category, 'displaced')
  assert.equal(claimFor(doc, '4,000').category, 'displaced')
  // other orders, or an evacuation of things, displace no one
  const none = 'New orders cover some 9,000 residents. The evacuation plan covers 40 schools.'
  const noneDoc = buildDoc(none, [quantity(none, 'some 9,000', 9000, { isApprox: true }), quantity(none, '40', 40)])
  assert.equal(claimFor(noneDoc, 'some 9,000').category, 'other')
  assert.equal(claimFor(noneDoc, '40').category, 'other')
})
