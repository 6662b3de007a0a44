// Session 10 shapes (docs/figures.md, "Session 10 (branch `held10`)"): each with a
// hand-written passage, built over real tokens, entities and times; none is a sentence of
// `articles-holdout-5.jsonl`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attribution, buildDoc, claimFor, find, quantity, readable } from './test-helpers.ts'

const percent = (text: string, needle: string, value: number, nth = 0) => quantity(text, needle, value, { kind: 'percent', unit: '%', nth })

test('a share after "fall" or "drop" and a number is a change of level, not the fallen; shares and an economy are money', () => {
  const text = 'Exports fell 3.5 percent in April. Its stock dropped 4.1 percent. The economy grew 1.2 percent.'
  const doc = buildDoc(text, [percent(text, '3.5 percent', 3.5), percent(text, '4.1 percent', 4.1), percent(text, '1.2 percent', 1.2)])
  assert.equal(claimFor(doc, '3.5 percent').category, 'other')
  assert.equal(claimFor(doc, '4.1 percent').category, 'money')
  assert.equal(claimFor(doc, '1.2 percent').category, 'money')
  // people who fell are still the fallen
  const war = 'Some 300 soldiers fell in the battle.'
  assert.equal(claimFor(buildDoc(war, [quantity(war, 'Some 300', 300, { isApprox: true })]), 'Some 300').category, 'killed')
})

test('a share whose noun stands before a time ("its forecast for this year to 4.2 percent") counts that noun', () => {
  const text = 'The bank raised its inflation forecast for this year to 4.2 percent.'
  const doc = buildDoc(text, [percent(text, '4.2 percent', 4.2)])
  assert.equal(claimFor(doc, '4.2 percent').counted, 'inflation forecast')
})

test('workers at the scene or the site, or working there, are deployed; people at the scene are not', () => {
  const text = 'Some 40 firefighters were at the scene and 30 engineers are working on the line. About 200 residents were at the scene. Some 25 men were working in the tunnel.'
  const doc = buildDoc(text, [quantity(text, 'Some 40', 40, { isApprox: true }), quantity(text, '30', 30), quantity(text, 'About 200', 200, { isApprox: true })])
  assert.equal(claimFor(doc, 'Some 40').category, 'deployed')
  assert.equal(claimFor(doc, '30').category, 'deployed')
  assert.equal(claimFor(doc, 'About 200').category, 'other')
  const men = buildDoc(text, [quantity(text, 'Some 25', 25, { isApprox: true })])
  assert.equal(claimFor(men, 'Some 25').category, 'other')
})

test('people still in hospital are wounded; people taken to hotels or shelters are displaced', () => {
  const text = 'Twelve of the passengers were still in hospital. Another 27 were taken to hotels. About 80 families were moved to rest centres.'
  const doc = buildDoc(text, [quantity(text, 'Twelve', 12), quantity(text, '27', 27), quantity(text, 'About 80', 80, { isApprox: true })])
  assert.equal(claimFor(doc, 'Twelve').category, 'wounded')
  assert.equal(claimFor(doc, '27').category, 'displaced')
  assert.equal(claimFor(doc, 'About 80').category, 'displaced')
})

test('a bare number that remains, stays or lives after a figure of people counts those people', () => {
  const text = 'The island had about 20,000 inhabitants before the eruption; fewer than 900 remain.'
  const doc = buildDoc(text, [quantity(text, 'about 20,000', 20000, { isApprox: true }), quantity(text, 'fewer than 900', 900, { bound: 'at_most' })])
  assert.equal(claimFor(doc, 'fewer than 900').counted, 'inhabitants')
})

test('"gave a figure of 25,000" with no figure before is a figure; people who joined a march took part; "a march that police counted at 31,000" counts the march', () => {
  const text = 'The union gave a figure of 25,000 for the crowd. Last year he said 90,000 had joined a march that the police counted at 31,000.'
  const doc = buildDoc(text, [quantity(text, '25,000', 25000), quantity(text, '90,000', 90000), quantity(text, '31,000', 31000)])
  assert.equal(claimFor(doc, '25,000').category, 'other')
  assert.equal(claimFor(doc, '90,000').category, 'other')
  assert.equal(claimFor(doc, '31,000').counted, 'march')
})

test('"bringing its total losses since 2022 to 650,000 personnel" counts the losses, not a deployment', () => {
  const text = 'The army said 900 soldiers were killed or wounded, bringing the enemy\'s total losses since March 2022 to about 650,000 personnel.'
  const doc = buildDoc(text, [quantity(text, '900', 900), quantity(text, 'about 650,000', 650000, { isApprox: true })])
  assert.equal(claimFor(doc, 'about 650,000').category, 'casualties')
})

test('"the figure of 2,140 is" names a figure given before; "17 percent of it" is a share of the amount before; "the economy and 29 percent approved" is no share of the economy', () => {
  const text = 'The storm killed 410 people. The figure of 410 is provisional. The fund asked for $90 million for its work this year and got 17 percent of it. Most disliked the handling of the economy and 29 percent approved.'
  const doc = buildDoc(text, [quantity(text, '410', 410), quantity(text, '410', 410, { nth: 1 }), quantity(text, '$90 million', 90000000, { kind: 'money', unit: 'USD' }),
    percent(text, '17 percent', 17), percent(text, '29 percent', 29)])
  assert.deepEqual(readable(doc).filter((x) => x.quantity === '410').map((x) => x.category), ['killed'])
  assert.equal(claimFor(doc, '17 percent').category, 'money')
  assert.notEqual(readable(doc).find((x) => x.quantity === '29 percent')?.category, 'money')
})

test('source: a live blog\'s timestamp before the speaker ("11:45 - The mayor said") is not part of the source', () => {
  const text = '11:45 - The mayor said 40 people were killed.\n\n15:20 GMT - Police said 35 people were arrested.'
  const doc = buildDoc(text, [quantity(text, '40', 40), quantity(text, '35', 35)], [
    attribution(text, '11:45 - The mayor', 'said', '40 people were killed'),
    attribution(text, '15:20 GMT - Police', 'said', '35 people were arrested'),
  ])
  assert.equal(claimFor(doc, '40').source, 'The mayor')
  assert.equal(claimFor(doc, '35').source, 'Police')
})

test('source: a body that raises or cuts its toll or forecast states the figure; "up from N" after it shares its source', () => {
  const text = 'The regional governor raised the death toll to 31 on Monday, up from 22 a day earlier. The central bank cut its growth forecast to 0.9 percent from 1.4 percent.'
  const doc = buildDoc(text, [quantity(text, '31', 31), quantity(text, '22', 22), percent(text, '0.9 percent', 0.9), percent(text, '1.4 percent', 1.4)])
  assert.equal(claimFor(doc, '1.4 percent').source, 'The central bank')
  assert.equal(claimFor(doc, '31').source, 'The regional governor')
  assert.equal(claimFor(doc, '22').source, 'The regional governor')
  assert.equal(claimFor(doc, '0.9 percent').source, 'The central bank')
  const wire = 'KYIV, May 3 (Reuters) - The regional governor raised the death toll to 31, up from 22.'
  const dated = buildDoc(wire, [quantity(wire, '31', 31), quantity(wire, '22', 22)])
  assert.equal(claimFor(dated, '31').source, 'The regional governor')
})

test('source: a body named again between commas ("The rebels, the Popular Front, gave a figure of") is the subject', () => {
  const text = 'The rebels, the Popular Front, gave a figure of 3,000 dead.'
  const doc = buildDoc(text, [quantity(text, '3,000', 3000)])
  assert.equal(claimFor(doc, '3,000').source, 'The rebels')
})

test('source: the thing by which a passive cue is done ("confirmed by tests") is no speaker; the speaker of the sentence is', () => {
  const text = 'Only about 900 cases have been confirmed by tests, because the region has one laboratory, said Dr. Paul Mensah, who leads the unit.'
  const doc = buildDoc(text, [quantity(text, 'about 900', 900, { isApprox: true })], [
    attribution(text, 'tests, because the region has one laboratory', 'have been confirmed', 'Only about 900 cases'),
  ])
  assert.equal(claimFor(doc, 'about 900').source, 'Dr. Paul Mensah')
})

test('planned and asOf: a clause after "and that" with a modal and a time of its own says nothing of the figure before it', () => {
  const text = 'He said that the workers built 2,400 homes and that the state would build another 9,000 homes by next year.'
  const doc = buildDoc(text, [quantity(text, '2,400', 2400), quantity(text, '9,000', 9000)], [], '2025-08-22')
  assert.equal(claimFor(doc, '2,400').isPlanned, false)
  assert.equal(claimFor(doc, '2,400').asOf, null)
  assert.equal(claimFor(doc, '9,000').isPlanned, true)
})

test('planned: a headline\'s "X to cut" is what X means to do', () => {
  const text = 'Steelmaker Arvon to cut 2,500 jobs in Wales\n\nThe company said on Monday that it had cut 300 jobs last year.'
  const doc = buildDoc(text, [quantity(text, '2,500', 2500), quantity(text, '300', 300)], [], '2025-08-22')
  assert.equal(claimFor(doc, '2,500').isPlanned, true)
  assert.equal(claimFor(doc, '300').isPlanned, false)
})

test('asOf: a year that modifies the noun a relative clause holding the figure is about ("the 2019 flood that killed 80") dates the figure', () => {
  const text = 'The town was rebuilt after the 2019 flood that killed 80 people. The 2020 budget of the town was small, and 40 people left.'
  const doc = buildDoc(text, [quantity(text, '80', 80), quantity(text, '40', 40)], [], '2025-08-22')
  assert.equal(claimFor(doc, '80').asOf, '2019')
  assert.equal(claimFor(doc, '40').asOf, null)
})

test('a share of "those" and a participle counts those people; a share after a party or candidate ("The Greens were at 12 percent", "came second with 27 percent") counts its vote', () => {
  const text = 'About 85 percent of those registered at the border were women. The Greens were at 12 percent and the Liberals came second with 27.5 percent.'
  const doc = buildDoc(text, [percent(text, 'About 85 percent', 85), percent(text, '12 percent', 12), percent(text, '27.5 percent', 27.5)])
  assert.equal(claimFor(doc, 'About 85 percent').counted.startsWith('those registered'), true)
  assert.equal(claimFor(doc, 'About 85 percent').category, 'displaced')
  const voters = 'About 60 percent of those registered to vote were women.'
  assert.equal(claimFor(buildDoc(voters, [percent(voters, 'About 60 percent', 60)]), 'About 60 percent').category, 'other')
  assert.equal(claimFor(doc, '12 percent').category, 'other')
  assert.equal(claimFor(doc, '27.5 percent').category, 'other')
  // a party with its article and a verb of standing; a bare name and a verb alone stay none (as in session 8)
  const party = 'Voters backed Clinton. The Greens received 9 percent. Clinton received 38 percent.'
  const shares = readable(buildDoc(party, [percent(party, '9 percent', 9), percent(party, '38 percent', 38)])).map((x) => x.quantity)
  assert.deepEqual(shares, ['9 percent'])
  // a share after a place or a person with no verb of standing counts nothing
  const place = 'In Ohio, 5 percent.'
  assert.deepEqual(readable(buildDoc(place, [percent(place, '5 percent', 5)])), [])
})

test('source: people who seek or demand an amount state it; a body that requests money acts', () => {
  const text = 'Prosecutors had sought a fine of 90 million crowns. The agency has requested $630 million for the region.'
  const doc = buildDoc(text, [quantity(text, '90 million crowns', 90000000, { kind: 'money', unit: 'DKK' }), quantity(text, '$630 million', 630000000, { kind: 'money', unit: 'USD' })], [
    attribution(text, 'Prosecutors', 'had sought', 'a fine of 90 million crowns'),
    attribution(text, 'The agency', 'has requested', '$630 million for the region'),
  ])
  assert.equal(claimFor(doc, '90 million crowns').source, 'Prosecutors')
  assert.equal(claimFor(doc, '$630 million').source, null)
})

test('source: "he" that the attribution stage resolved to a body named in the apposition of a person is that person', () => {
  const text = 'The fire began at night, said Colonel Arif Rahman, director general of the Police and Border Guard. Firefighters recovered 12 more bodies, he said.'
  const doc = buildDoc(text, [quantity(text, '12', 12)], [
    attribution(text, 'Colonel Arif Rahman', 'said', 'The fire began at night', 'Arif Rahman'),
    { source: [find(text, ' he said')].map((f) => ({ start: f.start + 1, end: f.start + 3 })), cue: [find(text, 'said', 1)],
      content: [find(text, 'Firefighters recovered 12 more bodies')], kind: 'indirect', sourceEntity: 'Border Guard' },
  ])
  assert.equal(claimFor(doc, '12').sourceEntity, 'Arif Rahman')
  // the person's own attribution resolved to the first body of the apposition, "he" to an untyped second one
  const other = 'The dam held, said Colonel Arif Rahman, head of the Water Board and Flood Defence. Divers found 12 more bodies, he said.'
  const second = buildDoc(other, [quantity(other, '12', 12)], [
    attribution(other, 'Colonel Arif Rahman', 'said', 'The dam held', 'Water Board'),
    { source: [find(other, ' he said')].map((f) => ({ start: f.start + 1, end: f.start + 3 })), cue: [find(other, 'said', 1)],
      content: [find(other, 'Divers found 12 more bodies')], kind: 'indirect', sourceEntity: 'Flood Defence' },
  ])
  assert.equal(claimFor(second, '12').sourceEntity, 'Arif Rahman')
})

test('a streak ("23 straight matches") is no figure; "N more" with a modal counts what the figure before counts; households forced out are displaced; GDP is money', () => {
  const text = 'She has won 23 straight matches. The agency delivered 150,000 doses and said 300,000 more would arrive. The blast forced 60 households out. Exports rose as GDP grew 2.1% in May.'
  const doc = buildDoc(text, [quantity(text, '23', 23), quantity(text, '150,000', 150000), quantity(text, '300,000', 300000), quantity(text, '60', 60), percent(text, '2.1%', 2.1)])
  assert.equal(readable(doc).some((x) => x.quantity === '23'), false)
  assert.equal(claimFor(doc, '300,000').counted, claimFor(doc, '150,000').counted)
  assert.equal(claimFor(doc, '300,000').isPlanned, true)
  const dated = 'The agency said it had delivered 150,000 doses this year and that 300,000 more would arrive by the end of April.'
  const later = buildDoc(dated, [quantity(dated, '150,000', 150000), quantity(dated, '300,000', 300000)], [], '2025-03-20')
  assert.equal(claimFor(later, '300,000').asOf, '2025-04')
  assert.equal(claimFor(later, '150,000').asOf, '2025')
  // with no time of its own, the clause takes the time before it
  const night = 'The air force said Russia fired 80 drones on Monday night and that 61 of them were shot down.'
  const shot = buildDoc(night, [quantity(night, '80', 80), quantity(night, '61', 61)], [], '2025-03-20')
  assert.equal(claimFor(shot, '61').asOf, '2025-03-17')
  assert.equal(claimFor(doc, '60').category, 'displaced')
  assert.equal(claimFor(doc, '2.1%').category, 'money')
})

test('source: the body that counts in a relative clause ("a march that the police counted at 31,000") states that figure, inside another\'s statement', () => {
  const text = 'Last year she said 90,000 had joined a march that the police counted at 31,000.'
  const doc = buildDoc(text, [quantity(text, '90,000', 90000), quantity(text, '31,000', 31000)], [
    attribution(text, 'she', 'said', '90,000 had joined a march that the police counted at 31,000'),
  ])
  assert.equal(claimFor(doc, '90,000').source, 'she')
  assert.equal(claimFor(doc, '31,000').source, 'the police')
})

test('source: "the company" does not stand for the wire agency of the dateline', () => {
  const text = 'PARIS, Sept 17 (Reuters) - Carmaker Arvon will cut 900 jobs in France, the company said on Thursday.'
  const doc = buildDoc(text, [quantity(text, '900', 900)], [
    attribution(text, 'the company', 'said', 'Carmaker Arvon will cut 900 jobs in France', 'Reuters'),
  ])
  assert.notEqual(claimFor(doc, '900').sourceEntity, 'Reuters')
})

test('a level verb\'s subject past a place phrase ("Measles cases in northern Chad pass 9,000") or capitalised as the first word ("Deaths rose to 40") is what the figure counts', () => {
  const text = 'Measles cases in northern Chad pass 9,000 as vaccines run short\n\nDeaths rose to 40.'
  const doc = buildDoc(text, [quantity(text, '9,000', 9000), quantity(text, '40', 40)])
  assert.equal(claimFor(doc, '9,000').counted, 'cases')
  assert.equal(claimFor(doc, '40').category, 'killed')
})

test('asOf: a subject coordinated inside a "since" clause ("since the firm and the city signed a deal in May") is no clause of its own', () => {
  const text = 'The firm has paid the city more than $260,000 since the firm and the city signed a deal in May.'
  const doc = buildDoc(text, [quantity(text, 'more than $260,000', 260000, { kind: 'money', unit: 'USD', bound: 'at_least' })], [], '2016-08-23')
  assert.equal(claimFor(doc, 'more than $260,000').asOf, '2016-05')
})

test('people "of" a bare noun ("families of flood victim were moved") take the predicate after it; camps sheltering people are no people displaced', () => {
  const text = 'More than 3,000 families of flood victim were moved to new flats. About 500 relief camps are sheltering 90,000 people. About 9,000 people are sheltering in schools.'
  const doc = buildDoc(text, [quantity(text, 'More than 3,000', 3000, { bound: 'at_least' }), quantity(text, 'About 500', 500, { isApprox: true }),
    quantity(text, '90,000', 90000), quantity(text, 'About 9,000', 9000, { isApprox: true })])
  assert.equal(claimFor(doc, 'More than 3,000').category, 'displaced')
  assert.equal(claimFor(doc, 'About 500').category, 'other')
  assert.equal(claimFor(doc, '90,000').category, 'displaced')
  assert.equal(claimFor(doc, 'About 9,000').category, 'displaced')
  const units = 'Some 90 units of machinery remained deployed in the valley.'
  assert.equal(claimFor(buildDoc(units, [quantity(units, 'Some 90', 90, { isApprox: true })]), 'Some 90').category, 'other')
})

test('source: a verb of sizing coordinated after a speech clause (", and put its losses at roughly 300") has that speaker', () => {
  const text = 'Estimates vary: a senior official said on Monday that the army was losing 900 soldiers a day, and put the enemy\'s daily losses at roughly 300.'
  const doc = buildDoc(text, [quantity(text, '900', 900), quantity(text, 'roughly 300', 300, { isApprox: true })], [
    attribution(text, 'a senior official', 'said', 'that the army was losing 900 soldiers a day'),
  ])
  assert.equal(claimFor(doc, 'roughly 300').source, 'a senior official')
})
