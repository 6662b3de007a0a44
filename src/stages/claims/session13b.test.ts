// Session 13 leftovers (docs/figures.md, "Session 13: leftovers (fig13b)"): each with a
// hand-written passage, built over real tokens, entities and times; none is a sentence of a
// figure set or of the seed article.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findQuantities } from '../quantities/quantities.ts'
import { attribution, buildDoc, claimFor, quantity } from './test-helpers.ts'

test('"This/It will ..." right after a forecast a speaker makes carries on the forecast', () => {
  const text = 'Estonian intelligence said in March that Belarus would double its border units. This will move another 6,000 troops to the frontier by the summer.'
  const doc = buildDoc(text, [quantity(text, '6,000', 6000)],
    [attribution(text, 'Estonian intelligence', 'said', 'that Belarus would double its border units')])
  assert.equal(claimFor(doc, '6,000').source, 'Estonian intelligence')
  // a speech clause and its time after the forecast
  const after = 'Belarus will double its border units, Estonian intelligence said on Monday. It would move another 6,000 troops to the frontier.'
  const afterDoc = buildDoc(after, [quantity(after, '6,000', 6000)],
    [attribution(after, 'Estonian intelligence', 'said', 'Belarus will double its border units')])
  assert.equal(claimFor(afterDoc, '6,000').source, 'Estonian intelligence')
  // near-misses: a report of the past is no forecast; another paragraph; a subject that is a
  // noun phrase; no modal after the pronoun; an impersonal source
  const past = 'Estonian intelligence said in March that Belarus doubled its border units. This will move another 6,000 troops to the frontier.'
  const pastDoc = buildDoc(past, [quantity(past, '6,000', 6000)],
    [attribution(past, 'Estonian intelligence', 'said', 'that Belarus doubled its border units')])
  assert.equal(claimFor(pastDoc, '6,000').source, null)
  const para = 'Estonian intelligence said in March that Belarus would double its border units.\n\nThis will move another 6,000 troops to the frontier.'
  const paraDoc = buildDoc(para, [quantity(para, '6,000', 6000)],
    [attribution(para, 'Estonian intelligence', 'said', 'that Belarus would double its border units')])
  assert.equal(claimFor(paraDoc, '6,000').source, null)
  const noun = 'Estonian intelligence said in March that Belarus would double its border units. The plan will move another 6,000 troops to the frontier.'
  const nounDoc = buildDoc(noun, [quantity(noun, '6,000', 6000)],
    [attribution(noun, 'Estonian intelligence', 'said', 'that Belarus would double its border units')])
  assert.equal(claimFor(nounDoc, '6,000').source, null)
  const present = 'Estonian intelligence said in March that Belarus would double its border units. This means another 6,000 troops at the frontier.'
  const presentDoc = buildDoc(present, [quantity(present, '6,000', 6000)],
    [attribution(present, 'Estonian intelligence', 'said', 'that Belarus would double its border units')])
  assert.equal(claimFor(presentDoc, '6,000').source, null)
})

test('a figure inside the subject of "is scheduled/due to ..." is planned', () => {
  const text = 'A measles vaccination drive reaching 640,000 children in Tigray and Afar is due to start after the rains.'
  const doc = buildDoc(text, [quantity(text, '640,000', 640000)], [], '2026-04-10')
  assert.equal(claimFor(doc, '640,000').isPlanned, true)
  const inf = 'A campaign to immunise 75,000 infants against polio is scheduled once the vaccine arrives.'
  assert.equal(claimFor(buildDoc(inf, [quantity(inf, '75,000', 75000)], [], '2026-04-10'), '75,000').isPlanned, true)
  // near-misses: a relative clause with a verb of its own; a participle that is no "-ing"
  const done = 'A measles drive that reached 640,000 children in Tigray and Afar is due to end soon.'
  assert.equal(claimFor(buildDoc(done, [quantity(done, '640,000', 640000)], [], '2026-04-10'), '640,000').isPlanned, false)
  const past = 'A drive reaching 640,000 children in Tigray and Afar ended last week, and another is due in June.'
  assert.equal(claimFor(buildDoc(past, [quantity(past, '640,000', 640000)], [], '2026-04-10'), '640,000').isPlanned, false)
})

test('people a place receives, takes in or welcomes in a text about refugees or migrants are displaced', () => {
  const text = 'Boats carrying migrants keep arriving from Libya. Lampedusa took in about 1,700 people last week, and Malta received 450 people on Sunday.'
  const doc = buildDoc(text, [quantity(text, 'about 1,700', 1700, { isApprox: true }), quantity(text, '450', 450)])
  assert.equal(claimFor(doc, 'about 1,700').category, 'displaced')
  assert.equal(claimFor(doc, '450').category, 'displaced')
  // near-misses: no word of people on the move before; a body or a person that receives people
  const none = 'Lampedusa took in about 1,700 people last week.'
  assert.equal(claimFor(buildDoc(none, [quantity(none, 'about 1,700', 1700, { isApprox: true })]), 'about 1,700').category, 'other')
  const body = 'Boats carrying migrants keep arriving from Libya. The hospital received 450 people on Sunday.'
  assert.equal(claimFor(buildDoc(body, [quantity(body, '450', 450)]), '450').category, 'other')
})

test('a body that records or counts a figure inside what another says is its source', () => {
  const text = 'The Green Alliance said its own observers had counted turnout of at most 44 percent in the capital.'
  const doc = buildDoc(text, [quantity(text, 'at most 44 percent', 44, { kind: 'percent', unit: 'percent', bound: 'at_most' })],
    [attribution(text, 'The Green Alliance', 'said', 'its own observers had counted turnout of at most 44 percent in the capital')])
  assert.equal(claimFor(doc, 'at most 44 percent').source, 'its own observers')
  // a pronoun that stands for the speaker leaves the figure to the speaker; no verb of counting
  const it = 'The Green Alliance said it had counted turnout of at most 44 percent in the capital.'
  const itDoc = buildDoc(it, [quantity(it, 'at most 44 percent', 44, { kind: 'percent', unit: 'percent', bound: 'at_most' })],
    [attribution(it, 'The Green Alliance', 'said', 'it had counted turnout of at most 44 percent in the capital')])
  assert.equal(claimFor(itDoc, 'at most 44 percent').source, 'The Green Alliance')
  const plain = 'The Green Alliance said its own observers expected turnout of at most 44 percent in the capital.'
  const plainDoc = buildDoc(plain, [quantity(plain, 'at most 44 percent', 44, { kind: 'percent', unit: 'percent', bound: 'at_most' })],
    [attribution(plain, 'The Green Alliance', 'said', 'its own observers expected turnout of at most 44 percent in the capital')])
  assert.equal(claimFor(plainDoc, 'at most 44 percent').source, 'The Green Alliance')
  // a place that records; a content before the cue; a second clause after the counting one
  const place = 'The World Health Organization said Zambia had recorded 3,100 cases since May.'
  const placeDoc = buildDoc(place, [quantity(place, '3,100', 3100)],
    [attribution(place, 'The World Health Organization', 'said', 'Zambia had recorded 3,100 cases since May')])
  assert.equal(claimFor(placeDoc, '3,100').source, 'The World Health Organization')
  const before = 'Health officials in Lusaka have recorded 3,100 cases since May, the World Health Organization said.'
  const beforeDoc = buildDoc(before, [quantity(before, '3,100', 3100)],
    [attribution(before, 'the World Health Organization', 'said', 'Health officials in Lusaka have recorded 3,100 cases since May')])
  assert.equal(claimFor(beforeDoc, '3,100').source, 'the World Health Organization')
  const second = 'The Green Alliance said its own observers had counted 44 percent and claimed that 9,000 ballots were forged.'
  const secondDoc = buildDoc(second, [quantity(second, '44 percent', 44, { kind: 'percent', unit: 'percent' }), quantity(second, '9,000', 9000)],
    [attribution(second, 'The Green Alliance', 'said', 'its own observers had counted 44 percent and claimed that 9,000 ballots were forged')])
  assert.equal(claimFor(secondDoc, '44 percent').source, 'its own observers')
  assert.equal(claimFor(secondDoc, '9,000').source, 'The Green Alliance')
})

test('"X hundred and Y hundred" is two numbers', () => {
  const read = (text: string) => findQuantities(text).map((x) => [text.slice(x.start, x.end), x.amount.kind === 'point' ? x.amount.value : null])
  assert.deepEqual(read('The morning and evening ferries carried three hundred and four hundred passengers.'), [['three hundred', 300], ['four hundred', 400]])
  // one number: a hundred's remainder after "and", a scale after it, or a hundred after a thousand's "and"
  assert.deepEqual(read('It carried three hundred and four passengers.'), [['three hundred and four', 304]])
  assert.deepEqual(read('It cost three hundred and forty thousand dollars.'), [['three hundred and forty thousand dollars', 340000]])
  assert.deepEqual(read('It carried two thousand and four hundred passengers.'), [['two thousand and four hundred', 2400]])
})

test('a speaker\'s "now" inside a quotation gives no date; the writer\'s "now" is the publication day', () => {
  const text = '"So far 4,120 of our defenders have now returned home," the president wrote. The army has now lost 3,000 tanks.'
  const doc = buildDoc(text, [quantity(text, '4,120', 4120), quantity(text, '3,000', 3000)],
    [attribution(text, 'the president', 'wrote', 'So far 4,120 of our defenders have now returned home')], '2026-05-20')
  assert.equal(claimFor(doc, '4,120').asOf, null)
  assert.equal(claimFor(doc, '3,000').asOf, '2026-05-20')
})

test('vehicles and ships that are captured or detained are seized things; people coordinated after them are captured', () => {
  const text = 'The coast guard detained 14 tankers and 260 crew members. Rebels said they captured 35 armoured vehicles and 410 soldiers.'
  const doc = buildDoc(text, [quantity(text, '14', 14), quantity(text, '260', 260), quantity(text, '35', 35), quantity(text, '410', 410)])
  assert.equal(claimFor(doc, '14').category, 'other')
  assert.equal(claimFor(doc, '260').category, 'captured')
  assert.equal(claimFor(doc, '35').category, 'other')
  assert.equal(claimFor(doc, '410').category, 'captured')
  // near-misses: people a verb of capture takes; soldiers after things that were not captured
  const people = 'Rebels said they captured 410 soldiers.'
  assert.equal(claimFor(buildDoc(people, [quantity(people, '410', 410)]), '410').category, 'captured')
  const sent = 'The army sent 35 armoured vehicles and 410 soldiers.'
  const sentDoc = buildDoc(sent, [quantity(sent, '35', 35), quantity(sent, '410', 410)])
  assert.equal(claimFor(sentDoc, '410').category, 'deployed')
})
