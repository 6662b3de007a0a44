// Session 11 shapes (docs/figures.md, "Session 11 (branch `held11`)"): each with a
// hand-written passage, built over real tokens, entities and times; none is a sentence of
// `articles-holdout-6.jsonl`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attribution, buildDoc, claimFor, quantity, readable } from './test-helpers.ts'

test('"..., WHO says": the acronym WHO is a source, not a relative pronoun standing for the noun before its comma', () => {
  const text = 'Cholera spreads to 40 districts, 310 deaths, WHO says\n\nThe outbreak has spread further.'
  const doc = buildDoc(text, [quantity(text, '40', 40), quantity(text, '310', 310)],
    [attribution(text, 'WHO', 'says', 'Cholera spreads to 40 districts, 310 deaths')])
  assert.equal(claimFor(doc, '40').source, 'WHO')
  assert.equal(claimFor(doc, '310').source, 'WHO')
  // the relative pronoun still stands for the body before it
  const rel = 'The case went to trial, according to the prosecution, which said 120 people were killed.'
  const relDoc = buildDoc(rel, [quantity(rel, '120', 120)], [attribution(rel, 'which', 'said', '120 people were killed')])
  assert.equal(claimFor(relDoc, '120').source, 'the prosecution')
})

test('"It" after a body named as a source is that body, not a place inside its name', () => {
  const text = 'About 3,000 homes were damaged, according to the Kenya Red Cross Society. It said 12,000 people had been displaced.'
  const doc = buildDoc(text, [quantity(text, 'About 3,000', 3000, { isApprox: true }), quantity(text, '12,000', 12000)], [
    attribution(text, 'the Kenya Red Cross Society', 'according to', 'About 3,000 homes were damaged'),
    // the attribution stage resolved "It" to the place in the name
    attribution(text, 'It', 'said', '12,000 people had been displaced', 'Kenya'),
  ])
  assert.equal(claimFor(doc, 'About 3,000').sourceEntity, 'Kenya Red Cross Society')
  assert.equal(claimFor(doc, '12,000').sourceEntity, 'Kenya Red Cross Society')
  const force = 'Russia fired 90 drones, the Polish air force said. It said 70 of them were shot down.'
  const forceDoc = buildDoc(force, [quantity(force, '90', 90), quantity(force, '70', 70)], [
    attribution(force, 'the Polish air force', 'said', 'Russia fired 90 drones'),
    attribution(force, 'It', 'said', '70 of them were shot down', 'Poland'),
  ])
  assert.equal(claimFor(forceDoc, '70').sourceEntity, 'Polish Air Force')
  // a person named before is no "it"; a country that is the source is
  const country = 'Moldova said 40 drones crossed its airspace, minister Ion Rusu told reporters. It said 12 fell.'
  const countryDoc = buildDoc(country, [quantity(country, '40', 40), quantity(country, '12', 12)], [
    attribution(country, 'Moldova', 'said', '40 drones crossed its airspace'),
    attribution(country, 'It', 'said', '12 fell', 'Moldova'),
  ])
  assert.equal(claimFor(countryDoc, '12').sourceEntity, 'Moldova')
})

const percent = (text: string, needle: string, value: number, nth = 0) => quantity(text, needle, value, { kind: 'percent', unit: '%', nth })

test('a growth forecast, growth and output alone are money (an economy\'s); population growth and consumer prices are not', () => {
  const british = 'The fund raised its British growth forecast to 1.8 percent.'
  assert.equal(claimFor(buildDoc(british, [percent(british, '1.8 percent', 1.8)]), '1.8 percent').category, 'money')
  const text = 'The fund cut its growth forecast for Chile to 2.1 percent. Analysts expect output to fall 1.1 percent. Growth slowed to 0.9 percent. Population growth slowed to 0.4 percent. Month-on-month, consumer prices rose 2.4 percent. Its shares fell 3 percent.'
  const doc = buildDoc(text, [percent(text, '2.1 percent', 2.1), percent(text, '1.1 percent', 1.1), percent(text, '0.9 percent', 0.9),
    percent(text, '0.4 percent', 0.4), percent(text, '2.4 percent', 2.4), percent(text, '3 percent', 3)])
  assert.equal(claimFor(doc, '2.1 percent').category, 'money')
  assert.equal(claimFor(doc, '1.1 percent').category, 'money')
  assert.equal(claimFor(doc, '0.9 percent').category, 'money')
  assert.equal(claimFor(doc, '0.4 percent').category, 'other')
  assert.equal(claimFor(doc, '2.4 percent').category, 'other')
  assert.equal(claimFor(doc, '3 percent').category, 'money')
})

test('a forecast is planned; who cuts a forecast of its own states it past a time and a year before the noun', () => {
  const text = 'The Asian Development Bank last month cut its 2027 inflation forecast for Laos to 12.5 percent from 14 percent, citing cheaper fuel.'
  const doc = buildDoc(text, [percent(text, '12.5 percent', 12.5), percent(text, '14 percent', 14)], [], '2026-11-03')
  const cut = claimFor(doc, '12.5 percent')
  assert.equal(cut.source, 'The Asian Development Bank')
  assert.equal(cut.isPlanned, true)
  assert.equal(cut.asOf, '2027')
  const from = claimFor(doc, '14 percent')
  assert.equal(from.source, 'The Asian Development Bank')
  assert.equal(from.isPlanned, true)
})

test('a relative clause on "whose" between commas is passed over before a verb of sizing', () => {
  const text = 'Economists at the Kiel institute, whose figures the ministry disputes, put the deficit at 4.1 percent.'
  const doc = buildDoc(text, [percent(text, '4.1 percent', 4.1)])
  assert.equal(claimFor(doc, '4.1 percent').source, 'Economists at the Kiel institute')
})

test('"The number of X was estimated by Y at N": the number counts X, and the agent Y states it', () => {
  const text = 'The number of people who crossed into Chad in May was estimated by the UN refugee agency at more than 52,000. The number of homes destroyed was put at 1,400 by the provincial government.'
  const doc = buildDoc(text, [quantity(text, 'more than 52,000', 52000, { bound: 'at_least' }), quantity(text, '1,400', 1400)])
  const crossed = claimFor(doc, 'more than 52,000')
  assert.match(crossed.counted, /^people who crossed/)
  assert.equal(crossed.category, 'displaced')
  assert.equal(crossed.source, 'the UN refugee agency')
  const homes = claimFor(doc, '1,400')
  assert.equal(homes.source, 'the provincial government')
})

test('the verbs of sizing are one list: "was placed by Y at N" gives the agent as the source, as "estimated" does', () => {
  const text = 'The number of people who crossed into Chad in May was placed by the UN refugee agency at more than 52,000.'
  const doc = buildDoc(text, [quantity(text, 'more than 52,000', 52000, { bound: 'at_least' })])
  const crossed = claimFor(doc, 'more than 52,000')
  assert.match(crossed.counted, /^people who crossed/)
  assert.equal(crossed.source, 'the UN refugee agency')
})

test('money to be spent "over the next three months" is planned', () => {
  const text = 'The agency appealed for $12 million to feed refugees over the next three months.'
  // (undated: no date ahead of publication makes it planned)
  const doc = buildDoc(text, [quantity(text, '$12 million', 12e6, { kind: 'money', unit: 'USD' })], [], null)
  assert.equal(claimFor(doc, '$12 million').isPlanned, true)
})

test('goals, games, matches and wickets are sports statistics, no figures; a crowd stays one', () => {
  const text = 'The striker has scored 27 goals in 33 league games, and his side has 14 matches left. A crowd of 52,000 watched.'
  const doc = buildDoc(text, [quantity(text, '27', 27), quantity(text, '33', 33), quantity(text, '14', 14), quantity(text, '52,000', 52000)])
  assert.deepEqual(readable(doc).map((x) => x.quantity), ['52,000'])
})

test('the figure a forecast is cut from is planned as the forecast is, dated or not', () => {
  const text = 'The bank cut its growth forecast to 1.2 percent from 1.5 percent.'
  const doc = buildDoc(text, [percent(text, '1.2 percent', 1.2), percent(text, '1.5 percent', 1.5)], [], null)
  assert.equal(claimFor(doc, '1.2 percent').isPlanned, true)
  assert.equal(claimFor(doc, '1.5 percent').isPlanned, true)
})

test('losses that "had been" a number of soldiers, past a quotation mark, are casualties', () => {
  const text = 'The army said enemy losses had been "more than 900 soldiers" in a week.'
  const doc = buildDoc(text, [quantity(text, 'more than 900', 900, { bound: 'at_least' })])
  assert.equal(claimFor(doc, 'more than 900').category, 'casualties')
})

test('a name with a description between commas ("Frontex, the EU border agency,") before a verb of counting is the source', () => {
  const text = 'Frontex, the EU border agency, counted about 61,000 irregular crossings in the first half of the year.'
  const doc = buildDoc(text, [quantity(text, 'about 61,000', 61000, { isApprox: true })])
  assert.equal(claimFor(doc, 'about 61,000').source, 'Frontex')
})

test('an interview printed as turns ("Q: ..." then "Okafor: ...") gives the labelled speaker the figures of the turn', () => {
  const text = 'An interview with the camp manager, Grace Okafor.\n\nQ: How many people live in the camp?\n\nOkafor: About 48,000 people live here now. Last month 2,300 more people arrived.\n\nPrices: 300 naira a cup.'
  const doc = buildDoc(text, [quantity(text, 'About 48,000', 48000, { isApprox: true }), quantity(text, '2,300', 2300)])
  const lives = claimFor(doc, 'About 48,000')
  assert.equal(lives.source, 'Okafor')
  assert.equal(lives.sourceEntity, 'Grace Okafor')
  assert.equal(claimFor(doc, '2,300').source, 'Okafor')
  // a list line whose label is no person has no speaker
  const list = 'Losses as of Monday:\n\nTanks: 1,200\n\nArtillery systems: 3,400'
  const listDoc = buildDoc(list, [quantity(list, '1,200', 1200), quantity(list, '3,400', 3400)])
  assert.equal(claimFor(listDoc, '1,200').source, null)
  // a table of names and numbers is no interview ("Clinton: 547." / "Sanders: 46.")
  const table = 'Delegates won, after Bernie Sanders spoke.\n\nClinton: 547.\n\nSanders: 46.'
  const tableDoc = buildDoc(table, [quantity(table, '547', 547), quantity(table, '46', 46)])
  for (const c of readable(tableDoc)) assert.equal(c.source, null, c.quantity)
})

test('an interview whose first turn opens the text: that label counts as another turn', () => {
  const text = 'Q: How many people live in the camp, Grace Okafor?\n\nOkafor: About 48,000 people live here now.'
  const doc = buildDoc(text, [quantity(text, 'About 48,000', 48000, { isApprox: true })])
  assert.equal(claimFor(doc, 'About 48,000').source, 'Okafor')
})

test('a long run of blanks at a line start does not slow the search for interview turns (it was quadratic)', () => {
  const text = 'An interview with the camp manager, Grace Okafor.\n' + ' '.repeat(60000) +
    'x\n\nQ: How many people live in the camp?\n\nOkafor: About 48,000 people live here now.'
  const doc = buildDoc(text, [quantity(text, 'About 48,000', 48000, { isApprox: true })])
  const t0 = performance.now()
  assert.equal(claimFor(doc, 'About 48,000').source, 'Okafor')
  // quadratic backtracking took about 7 s here; a linear scan takes milliseconds
  assert.ok(performance.now() - t0 < 1500, `took ${Math.round(performance.now() - t0)} ms`)
})

test('"are to be sent in January": "be to" in the predicate is planned and the month is the next one', () => {
  const text = 'Another 2,000 soldiers are to be sent in January. Some 300 people were killed in January.'
  const doc = buildDoc(text, [quantity(text, '2,000', 2000), quantity(text, 'Some 300', 300, { isApprox: true })])
  const sent = claimFor(doc, '2,000')
  assert.equal(sent.isPlanned, true)
  assert.equal(sent.asOf, '2026-01')
  assert.equal(claimFor(doc, 'Some 300').asOf, '2025-01')
})

test('a time that owns or modifies an election dates its results; other owned times still do not', () => {
  const text = "Mendes won Sunday's presidential runoff with 51.2 percent of the vote, the commission said on Tuesday. Turnout fell to 61 percent from 70.4 percent in the 2022 election. Monday's earthquake killed 40 people, officials said on Wednesday."
  const doc = buildDoc(text, [percent(text, '51.2 percent', 51.2), percent(text, '61 percent', 61), percent(text, '70.4 percent', 70.4), quantity(text, '40', 40)])
  assert.equal(claimFor(doc, '51.2 percent').asOf, '2025-08-17')
  assert.equal(claimFor(doc, '70.4 percent').asOf, '2022')
  assert.equal(claimFor(doc, '40').asOf, '2025-08-20')
  // an election far from the figure dates nothing
  const far = 'The top donors of the 2012 election, a casino magnate and his wife, have just begun to spend, directing a combined $20 million to a super PAC.'
  const farDoc = buildDoc(far, [quantity(far, '$20 million', 20e6, { kind: 'money', unit: 'USD' })])
  assert.equal(claimFor(farDoc, '$20 million').asOf, null)
  // an election noun the tagger reads as an adjective ("Tuesday's primary") is one too
  const primary = "Smith won Tuesday's primary with 54.6 percent of the vote, officials said."
  const primaryDoc = buildDoc(primary, [percent(primary, '54.6 percent', 54.6)])
  assert.equal(claimFor(primaryDoc, '54.6 percent').asOf, '2025-08-19')
  const school = "Monday's primary school fire killed 12 children, officials said on Wednesday."
  const schoolDoc = buildDoc(school, [quantity(school, '12', 12)])
  assert.equal(claimFor(schoolDoc, '12').asOf, '2025-08-20')
})

test('who signs a player or a deal acts: "The club signed him for 60 million euros" has no source', () => {
  const text = 'The club signed him from Porto in 2023 for a reported 45 million euros.'
  const doc = buildDoc(text, [quantity(text, '45 million euros', 45e6, { kind: 'money', unit: 'EUR' })],
    [attribution(text, 'The club', 'signed', 'him from Porto in 2023 for a reported 45 million euros')])
  assert.equal(claimFor(doc, '45 million euros').source, null)
})

test('a headline\'s "Firm to invest X, create N jobs": the verb after the comma is planned too; not after a past headline', () => {
  const text = 'Carmaker Veloz to build plant in Porto, hire 2,500 workers\n\nThe company said on Monday it would build the plant.'
  const doc = buildDoc(text, [quantity(text, '2,500', 2500)])
  assert.equal(claimFor(doc, '2,500').isPlanned, true)
  const past = 'Carmaker Veloz built plant in Porto, hired 2,500 workers\n\nThe company said on Monday it had built the plant.'
  const pastDoc = buildDoc(past, [quantity(past, '2,500', 2500)])
  assert.equal(claimFor(pastDoc, '2,500').isPlanned, false)
})

test('"N of them" in a clause of its own shares the date of the figure it is a part of', () => {
  const text = 'On Monday the hospital received 64 wounded, and 12 of them died in surgery.'
  const doc = buildDoc(text, [quantity(text, '64', 64), quantity(text, '12', 12)])
  assert.equal(claimFor(doc, '64').asOf, '2025-08-18')
  assert.equal(claimFor(doc, '12').asOf, '2025-08-18')
  // "25 rebels, many of them teenagers": "of them" after a comma is a part of this figure, not this figure a part of the one before
  const many = 'Rebels killed 40 people on Sunday, and troops killed 25 rebels, many of them teenagers.'
  const manyDoc = buildDoc(many, [quantity(many, '40', 40), quantity(many, '25', 25)])
  assert.equal(claimFor(manyDoc, '25').asOf, null)
})
