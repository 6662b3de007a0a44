// Session 13 shapes (docs/figures.md, "Session 13: held-out articles 8 (fig13)"): each with a
// hand-written passage, built over real tokens, entities and times; none is a sentence of
// `articles-holdout-8.jsonl` or of an earlier article set.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findQuantities } from '../quantities/quantities.ts'
import { findTimes } from '../times/times.ts'
import { attribution, buildDoc, claimFor, quantity, readable } from './test-helpers.ts'

const money = (text: string, needle: string, value: number, unit: string) => quantity(text, needle, value, { kind: 'money', unit })

test('people forced or driven from their homes, or forced to flee, are displaced', () => {
  const text = 'Some 7,500 villagers were forced from their homes by the mudslides. About 900 people were driven out of their homes. Another 3,000 were forced to flee.'
  const doc = buildDoc(text, [quantity(text, 'Some 7,500', 7500, { isApprox: true }), quantity(text, 'About 900', 900, { isApprox: true }), quantity(text, '3,000', 3000)])
  assert.equal(claimFor(doc, 'Some 7,500').category, 'displaced')
  assert.equal(claimFor(doc, 'About 900').category, 'displaced')
  assert.equal(claimFor(doc, '3,000').category, 'displaced')
  // "forced" with no home or flight after it names nothing
  const none = 'About 900 workers were forced to accept lower pay.'
  assert.equal(claimFor(buildDoc(none, [quantity(none, 'About 900', 900, { isApprox: true })]), 'About 900').category, 'other')
  // "forced to leave" a workplace or a job is no flight from home (rev13); a home, an area or a town is
  const jobs = 'About 300 workers were forced to leave the factory. Some 2,000 employees were forced to leave their jobs. About 500 families were forced to leave the area.'
  const jobsDoc = buildDoc(jobs, [quantity(jobs, 'About 300', 300, { isApprox: true }), quantity(jobs, 'Some 2,000', 2000, { isApprox: true }), quantity(jobs, 'About 500', 500, { isApprox: true })])
  assert.equal(claimFor(jobsDoc, 'About 300').category, 'other')
  assert.equal(claimFor(jobsDoc, 'Some 2,000').category, 'other')
  assert.equal(claimFor(jobsDoc, 'About 500').category, 'displaced')
})

test('", up from" compares with the last figure of the sentence that is not the count of a place', () => {
  const text = 'About 61,000 people have fled and are staying in 140 schools, the agency said, up from 38,000 on Friday.'
  const doc = buildDoc(text, [quantity(text, 'About 61,000', 61000, { isApprox: true }), quantity(text, '140', 140), quantity(text, '38,000', 38000)],
    [attribution(text, 'the agency', 'said', 'About 61,000 people have fled and are staying in 140 schools')], '2026-06-03')
  assert.equal(claimFor(doc, '38,000').category, 'displaced')
  // with the places' count last and no preposition before it, the nearest figure still wins
  const near = 'About 61,000 people have fled and 140 schools were closed, the agency said, up from 95 on Friday.'
  const nearDoc = buildDoc(near, [quantity(near, 'About 61,000', 61000, { isApprox: true }), quantity(near, '140', 140), quantity(near, '95', 95)],
    [attribution(near, 'the agency', 'said', 'About 61,000 people have fled and 140 schools were closed')], '2026-06-03')
  assert.equal(claimFor(nearDoc, '95').counted, 'schools')
})

test('in a gapped list each conjunct\'s name is the source of its figures', () => {
  const text = 'Sindh has confirmed 4,210 cases and 63 deaths, Punjab 2,880 cases and 41 deaths, and Balochistan 730 cases.'
  const doc = buildDoc(text, [quantity(text, '4,210', 4210), quantity(text, '63', 63), quantity(text, '2,880', 2880), quantity(text, '41', 41), quantity(text, '730', 730)],
    [attribution(text, 'Sindh', 'has confirmed', '4,210 cases and 63 deaths, Punjab 2,880 cases and 41 deaths, and Balochistan 730 cases')])
  assert.equal(claimFor(doc, '4,210').source, 'Sindh')
  assert.equal(claimFor(doc, '63').source, 'Sindh')
  assert.equal(claimFor(doc, '2,880').source, 'Punjab')
  assert.equal(claimFor(doc, '41').source, 'Punjab')
  assert.equal(claimFor(doc, '730').source, 'Balochistan')
  // a source that is no name has no gapped parallels; a verb in the conjunct ends the gap
  const common = 'The ministry has confirmed 4,210 cases, Punjab 2,880 of them.'
  const commonDoc = buildDoc(common, [quantity(common, '4,210', 4210), quantity(common, '2,880', 2880)],
    [attribution(common, 'The ministry', 'has confirmed', '4,210 cases, Punjab 2,880 of them')])
  assert.equal(claimFor(commonDoc, '2,880').source, 'The ministry')
  const verb = 'Sindh has confirmed 4,210 cases, and Punjab reported 2,880 cases.'
  const verbDoc = buildDoc(verb, [quantity(verb, '4,210', 4210), quantity(verb, '2,880', 2880)],
    [attribution(verb, 'Sindh', 'has confirmed', '4,210 cases, and Punjab reported 2,880 cases')])
  assert.equal(claimFor(verbDoc, '2,880').source, 'Sindh')
})

test('a figure in a gapped conjunct right after a planned one is planned', () => {
  const text = 'Japan promised $400 million, Canada $150 million and Norway 900 million crowns.'
  const doc = buildDoc(text, [money(text, '$400 million', 4e8, 'USD'), money(text, '$150 million', 1.5e8, 'USD'), money(text, '900 million crowns', 9e8, 'NOK')])
  assert.equal(claimFor(doc, '$400 million').isPlanned, true)
  assert.equal(claimFor(doc, '$150 million').isPlanned, true)
  assert.equal(claimFor(doc, '900 million crowns').isPlanned, true)
  // a conjunct with a verb of its own is no gap
  const own = 'Japan promised $400 million, and Canada has paid $150 million.'
  const ownDoc = buildDoc(own, [money(own, '$400 million', 4e8, 'USD'), money(own, '$150 million', 1.5e8, 'USD')])
  assert.equal(claimFor(ownDoc, '$150 million').isPlanned, false)
})

test('a speaker between a cue and the start of its content states the figure', () => {
  const text = 'China, the second-biggest lender, made no offer, but a Treasury official said Beijing would lend $3 billion.'
  const doc = buildDoc(text, [money(text, '$3 billion', 3e9, 'USD')], [
    attribution(text, 'China', 'made no offer', 'Beijing would lend $3 billion'),
    attribution(text, 'a Treasury official', 'said', 'Beijing would lend $3 billion'),
  ])
  assert.equal(claimFor(doc, '$3 billion').source, 'a Treasury official')
  // an inner speaker inside the content is not between: the innermost still wins by size
  const nested = 'The paper said a Treasury official told lawmakers Beijing would lend $3 billion.'
  const nestedDoc = buildDoc(nested, [money(nested, '$3 billion', 3e9, 'USD')], [
    attribution(nested, 'The paper', 'said', 'a Treasury official told lawmakers Beijing would lend $3 billion'),
    attribution(nested, 'a Treasury official', 'told', 'Beijing would lend $3 billion'),
  ])
  assert.equal(claimFor(nestedDoc, '$3 billion').source, 'a Treasury official')
  // the first cue's own object is not between: "told The Gazette:" (the attribution stage may
  // make it a source of its own)
  const told = 'Finance chief Ana Ruiz told The Gazette: "We will lend $3 billion."'
  const toldDoc = buildDoc(told, [money(told, '$3 billion', 3e9, 'USD')], [
    attribution(told, 'Finance chief Ana Ruiz', 'told', 'We will lend $3 billion'),
    attribution(told, 'The Gazette', ':', 'We will lend $3 billion'),
  ])
  assert.equal(claimFor(toldDoc, '$3 billion').source, 'Finance chief Ana Ruiz')
})

test('a quotation that opens right at the figure after a verb keeps the clause\'s future', () => {
  const text = 'The minister said the fund would receive "up to 2 billion euros" from the budget.'
  const doc = buildDoc(text, [money(text, 'up to 2 billion euros', 2e9, 'EUR')], [], '2026-10-01')
  assert.equal(claimFor(doc, 'up to 2 billion euros').isPlanned, true)
  // a quotation after a noun opens no clause of the verb before it
  const past = 'The fund would be closed, the minister said. "About 2 billion euros" had been paid.'
  const pastDoc = buildDoc(past, [money(past, 'About 2 billion euros', 2e9, 'EUR')], [], '2026-10-01')
  assert.equal(claimFor(pastDoc, 'About 2 billion euros').isPlanned, false)
})

test('a time in an apposition dates what the apposition says, not a figure elsewhere in the sentence', () => {
  const text = 'Brazil, the top exporter last year, kept quiet, but officials said it sold 40,000 tonnes.'
  const doc = buildDoc(text, [quantity(text, '40,000 tonnes', 40000, { unit: 't' })], [], '2026-10-01')
  assert.equal(claimFor(doc, '40,000 tonnes').asOf, null)
  // a time in a segment that opens with a preposition still dates the sentence's figure
  const lead = 'The ministry, in a statement on Monday, said 300 people had died.'
  const leadDoc = buildDoc(lead, [quantity(lead, '300', 300)], [attribution(lead, 'The ministry', 'said', '300 people had died')], '2026-10-01')
  assert.equal(claimFor(leadDoc, '300').asOf, '2026-09-28')
})

test('a share "funded" is money and the state now, not a plan', () => {
  const text = 'The relief plan seeks $900 million and is only 31 percent funded.'
  const doc = buildDoc(text, [money(text, '$900 million', 9e8, 'USD'), quantity(text, '31 percent', 31, { kind: 'percent' })])
  assert.equal(claimFor(doc, '$900 million').isPlanned, true)
  assert.equal(claimFor(doc, '31 percent').category, 'money')
  assert.equal(claimFor(doc, '31 percent').isPlanned, false)
  // a share that is not funded keeps its category
  const other = 'The survey found that 31 percent of voters were undecided.'
  assert.equal(claimFor(buildDoc(other, [quantity(other, '31 percent', 31, { kind: 'percent' })]), '31 percent').category, 'other')
})

test('money set off after a noun phrase headed by "appeal" is asked for, so planned', () => {
  const text = 'The Red Cross appeal for flood victims, $14 million, has drawn few donors.'
  const doc = buildDoc(text, [money(text, '$14 million', 14e6, 'USD')])
  assert.equal(claimFor(doc, '$14 million').isPlanned, true)
  // money after another noun is not
  const report = 'The Red Cross report on flood victims, $14 million, was published.'
  assert.equal(claimFor(buildDoc(report, [money(report, '$14 million', 14e6, 'USD')]), '$14 million').isPlanned, false)
})

test('an amount in brackets after a currency word the counted noun holds shares the plan of the one before', () => {
  const text = 'The firm said it would pay 80 million rupees ($960,000) in compensation.'
  const doc = buildDoc(text, [quantity(text, '80 million', 80e6), money(text, '$960,000', 960000, 'USD')],
    [attribution(text, 'The firm', 'said', 'it would pay 80 million rupees ($960,000) in compensation')])
  assert.equal(claimFor(doc, '80 million').isPlanned, true)
  assert.equal(claimFor(doc, '$960,000').isPlanned, true)
})

test('guns named by their kind are weapons; a bare gun stays equipment', () => {
  const text = 'Police seized 35 machine guns and 12 anti-tank guns. The navy fitted 14 guns to the ships.'
  const doc = buildDoc(text, [quantity(text, '35', 35), quantity(text, '12', 12), quantity(text, '14', 14)])
  assert.equal(claimFor(doc, '35').category, 'munitions')
  assert.equal(claimFor(doc, '12').category, 'munitions')
  assert.equal(claimFor(doc, '14').category, 'other')
})

test('a share "of it" with no figure before it in its sentence is a share of the figure before', () => {
  const text = 'Donors promised $800 million in March. Only 45 percent of it has been paid.'
  const doc = buildDoc(text, [money(text, '$800 million', 8e8, 'USD'), quantity(text, '45 percent', 45, { kind: 'percent' })])
  assert.equal(claimFor(doc, '45 percent').category, 'money')
  assert.equal(claimFor(doc, '45 percent').counted, 'it')
  // with a noun before it in its sentence the pronoun may stand for that noun
  const noun = 'Donors promised $800 million in March. These young donors, 45 percent of them, gave nothing.'
  const nounDoc = buildDoc(noun, [money(noun, '$800 million', 8e8, 'USD'), quantity(noun, '45 percent', 45, { kind: 'percent' })])
  assert.notEqual(readable(nounDoc).find((x) => x.quantity === '45 percent')?.category, 'money')
})

test('a day and month with no year after the future tense or a present schedule is the next such day', () => {
  assert.deepEqual(findTimes('Talks will resume on March 3.', '2026-02-12').map((t) => t.value), ['2026-03-03'])
  assert.deepEqual(findTimes('The trial is due to open on 9 February.', '2026-02-12').map((t) => t.value), ['2027-02-09'])
  assert.deepEqual(findTimes('The drive is scheduled to start on 20 February.', '2026-02-12').map((t) => t.value), ['2026-02-20'])
  // the past tense, or a schedule in the past, is the last such day
  assert.deepEqual(findTimes('Talks resumed on March 3.', '2026-02-12').map((t) => t.value), ['2025-03-03'])
  assert.deepEqual(findTimes('The drive was scheduled to start on 20 February.', '2026-02-12').map((t) => t.value), ['2025-02-20'])
})

test('"the agency" or "the commission" is the one body named before whose name ends with that word', () => {
  const text = 'Floods killed 40 people, the National Water Agency said. According to the agency, 3,000 homes were damaged.'
  const doc = buildDoc(text, [quantity(text, '40', 40), quantity(text, '3,000', 3000)], [
    attribution(text, 'the National Water Agency', 'said', 'Floods killed 40 people'),
    attribution(text, 'the agency', 'According to', '3,000 homes were damaged'),
  ])
  assert.equal(claimFor(doc, '3,000').sourceEntity, 'National Water Agency')
  // a name that only holds the word inside it is another body
  const inside = 'Floods killed 40 people, the Agency for Water Safety said. According to the agency, 3,000 homes were damaged.'
  const insideDoc = buildDoc(inside, [quantity(inside, '40', 40), quantity(inside, '3,000', 3000)], [
    attribution(inside, 'the Agency for Water Safety', 'said', 'Floods killed 40 people'),
    attribution(inside, 'the agency', 'According to', '3,000 homes were damaged'),
  ])
  assert.notEqual(claimFor(insideDoc, '3,000').sourceEntity, 'National Water Agency')
})

test('the subject of a verb of sizing that is "the" and a body\'s common name resolves to the body named before', () => {
  const text = 'The count was slow, the Federal Electoral Commission said on Monday. The commission put turnout at 58 percent.'
  const doc = buildDoc(text, [quantity(text, '58 percent', 58, { kind: 'percent' })],
    [attribution(text, 'the Federal Electoral Commission', 'said', 'The count was slow')])
  assert.equal(claimFor(doc, '58 percent').source, 'The commission')
  assert.equal(claimFor(doc, '58 percent').sourceEntity, 'Federal Electoral Commission')
})

test('a name set off by commas after a common noun is an apposition: the source is the noun, resolved to the name', () => {
  const text = 'The bank\'s owner, Meridian Holdings, said it would repay 90 million euros.'
  const doc = buildDoc(text, [money(text, '90 million euros', 9e7, 'EUR')],
    [attribution(text, 'The bank\'s owner, Meridian Holdings,', 'said', 'it would repay 90 million euros')])
  assert.equal(claimFor(doc, '90 million euros').source, 'The bank\'s owner')
  assert.equal(claimFor(doc, '90 million euros').sourceEntity, 'Meridian Holdings')
  // (past an honorific)
  const mr = 'The economy minister, Mr. Tomas Varga, said exports fell 12 percent.'
  const mrDoc = buildDoc(mr, [quantity(mr, '12 percent', 12, { kind: 'percent' })],
    [attribution(mr, 'The economy minister, Mr. Tomas Varga,', 'said', 'exports fell 12 percent')])
  assert.equal(claimFor(mrDoc, '12 percent').source, 'The economy minister')
  assert.equal(claimFor(mrDoc, '12 percent').sourceEntity, 'Tomas Varga')
  // a list of bodies is kept whole
  const list = 'The police, Interpol and Europol said 300 people were arrested.'
  const listDoc = buildDoc(list, [quantity(list, '300', 300)], [attribution(list, 'The police, Interpol and Europol', 'said', '300 people were arrested')])
  assert.equal(claimFor(listDoc, '300').source, 'The police, Interpol and Europol')
})

test('"it was reported" after a figure names no source', () => {
  const text = 'More than 2,300 families moved into new flats built in four months , it was reported .'
  const doc = buildDoc(text, [quantity(text, 'More than 2,300', 2300, { bound: 'at_least' })])
  assert.equal(claimFor(doc, 'More than 2,300').source, null)
  // a body with a passive speech verb still speaks ("the General Staff is informed")
  const body = 'More than 2,300 families moved into new flats , the ministry is informed .'
  assert.equal(claimFor(buildDoc(body, [quantity(body, 'More than 2,300', 2300, { bound: 'at_least' })]), 'More than 2,300').source, 'the ministry')
})

test('"approximately" after a number holds it before an auxiliary, not before another number', () => {
  const q = (text: string) => findQuantities(text).map((x) => [text.slice(x.start, x.end), x.isApprox])
  assert.deepEqual(q('Workers numbering 45 thousand approximately were sent.'), [['45 thousand approximately', true]])
  assert.deepEqual(q('In 2019 approximately 300 died.'), [['approximately 300', true]])
})

test('a rerun is an election: the year before it dates its results', () => {
  const text = 'Turnout was 66 percent, down from 71.2 percent in the 2019 rerun.'
  const doc = buildDoc(text, [quantity(text, '66 percent', 66, { kind: 'percent' }), quantity(text, '71.2 percent', 71.2, { kind: 'percent' })], [], '2026-05-01')
  assert.equal(claimFor(doc, '71.2 percent').asOf, '2019')
})

test('people released or freed, but not from a hospital or rubble, were held', () => {
  const text = 'The 120 fishermen released on Monday flew home. About 70 conscripts were freed from captivity. Some 40 patients were released from hospital.'
  const doc = buildDoc(text, [quantity(text, '120', 120), quantity(text, 'About 70', 70, { isApprox: true }), quantity(text, 'Some 40', 40, { isApprox: true })], [], '2026-05-01')
  assert.equal(claimFor(doc, '120').category, 'captured')
  assert.equal(claimFor(doc, 'About 70').category, 'captured')
  assert.notEqual(claimFor(doc, 'Some 40').category, 'captured')
  // patients or the wounded released, with no "from" after it, leave hospital (rev13)
  const ward = 'Forty patients were released on Monday after treatment. About 30 wounded were released on Tuesday.'
  const wardDoc = buildDoc(ward, [quantity(ward, 'Forty', 40), quantity(ward, 'About 30', 30, { isApprox: true })], [], '2026-05-01')
  assert.notEqual(claimFor(wardDoc, 'Forty').category, 'captured')
  assert.notEqual(claimFor(wardDoc, 'About 30').category, 'captured')
  // things released are not held, nor is a bare "release"
  const things = 'The agency said seven reports released on Monday were wrong. The 40 parties agreed to release a statement.'
  const thingsDoc = buildDoc(things, [quantity(things, 'seven', 7), quantity(things, '40', 40)], [], '2026-05-01')
  for (const x of readable(thingsDoc)) assert.notEqual(x.category, 'captured')
})

test('a bare number after "a capacity of" is a figure', () => {
  const text = 'The camp holds 14,000 people against a capacity of 6,000.'
  const doc = buildDoc(text, [quantity(text, '14,000', 14000), quantity(text, '6,000', 6000)])
  assert.equal(claimFor(doc, '6,000').counted, 'capacity')
  assert.equal(claimFor(doc, '6,000').category, 'other')
})

test('people a place of refuge hosts or accommodates are displaced; a stadium\'s crowd is not', () => {
  const text = 'Shelters in the capital were hosting 4,200 people. Camps accommodate some 9,000 villagers. The stadium hosted 40,000 fans.'
  const doc = buildDoc(text, [quantity(text, '4,200', 4200), quantity(text, 'some 9,000', 9000, { isApprox: true }), quantity(text, '40,000', 40000)])
  assert.equal(claimFor(doc, '4,200').category, 'displaced')
  assert.equal(claimFor(doc, 'some 9,000').category, 'displaced')
  assert.equal(claimFor(doc, '40,000').category, 'other')
})

test('a clause after ", and" that opens with a hedged figure is the writer\'s, as one that opens with a bare figure', () => {
  const text = 'Some 2 million people lack clean water, the ministry says, and nearly 400,000 have fled the region.'
  const doc = buildDoc(text, [quantity(text, 'Some 2 million', 2e6, { isApprox: true }), quantity(text, 'nearly 400,000', 400000, { isApprox: true })],
    [{ ...attribution(text, 'the ministry', 'says', 'Some 2 million people lack clean water'), content: [
      { start: 0, end: text.indexOf(', the ministry') }, { start: text.indexOf('and nearly'), end: text.length - 1 }] }])
  assert.equal(claimFor(doc, 'Some 2 million').source, 'the ministry')
  assert.equal(claimFor(doc, 'nearly 400,000').source, null)
  // a verb after "and" goes on with the speaker's statement
  const added = 'Some 2 million people lack clean water, the ministry says, and added that 400,000 have fled the region.'
  const addedDoc = buildDoc(added, [quantity(added, '400,000', 400000)],
    [attribution(added, 'the ministry', 'says', 'Some 2 million people lack clean water, the ministry says, and added that 400,000 have fled the region')])
  assert.equal(claimFor(addedDoc, '400,000').source, 'the ministry')
})

test('a headline\'s verb of intent right before its figure makes it planned', () => {
  const text = 'Lenders pledge $5 billion for Ghana\n\nACCRA, May 3 - The talks ended on Friday.'
  const doc = buildDoc(text, [money(text, '$5 billion', 5e9, 'USD')], [], '2026-05-04')
  assert.equal(claimFor(doc, '$5 billion').isPlanned, true)
  // a verb that is no intent is not
  const paid = 'Lenders pay $5 billion to Ghana\n\nACCRA, May 3 - The talks ended on Friday.'
  assert.equal(claimFor(buildDoc(paid, [money(paid, '$5 billion', 5e9, 'USD')], [], '2026-05-04'), '$5 billion').isPlanned, false)
})

test('"points" after a noun that names no score are places, counted', () => {
  const text = 'Volunteers run 45 water points and 12 distribution points. The party gained 4 percentage points. The club has 61 points.'
  const doc = buildDoc(text, [quantity(text, '45', 45), quantity(text, '12', 12), quantity(text, '61', 61)])
  assert.equal(claimFor(doc, '45').counted, 'water points')
  assert.equal(claimFor(doc, '12').counted, 'distribution points')
  assert.throws(() => claimFor(doc, '61'))
})

test('a country holding soldiers of another country holds them captive; civilians coordinated with soldiers are not deployed', () => {
  const text = 'Officials believe Ethiopia still holds about 2,000 Eritrean soldiers and some 900 civilians. Eritrea keeps 30,000 Eritrean troops on the border.'
  const doc = buildDoc(text, [quantity(text, 'about 2,000', 2000, { isApprox: true }), quantity(text, 'some 900', 900, { isApprox: true }), quantity(text, '30,000', 30000)])
  assert.equal(claimFor(doc, 'about 2,000').category, 'captured')
  assert.equal(claimFor(doc, 'some 900').category, 'captured')
  assert.equal(claimFor(doc, '30,000').category, 'deployed')
  const sent = 'Kenya sent 400 soldiers and 150 civilians to the mission.'
  const sentDoc = buildDoc(sent, [quantity(sent, '400', 400), quantity(sent, '150', 150)])
  assert.equal(claimFor(sentDoc, '400').category, 'deployed')
  assert.notEqual(claimFor(sentDoc, '150').category, 'deployed')
})

test('a life counted is a death only when it is lost or taken, not a way of living (fig13c)', () => {
  const text = 'Between the office and the nursery it is all one life now, she told the magazine. The fire claimed one life. The epidemic cost 70 lives. About 300 lives were lost at sea.'
  const doc = buildDoc(text, [quantity(text, 'one', 1), quantity(text, 'one', 1, { nth: 1 }), quantity(text, '70', 70), quantity(text, 'About 300', 300, { isApprox: true })])
  // the first "one" counts no deaths; the second does
  const ones = readable(doc).filter((c) => c.quantity === 'one')
  assert.deepEqual(ones.map((c) => c.category), ['killed'])
  assert.equal(claimFor(doc, 'one').counted, 'life')
  assert.equal(claimFor(doc, '70').category, 'killed')
  assert.equal(claimFor(doc, 'About 300').category, 'killed')
  const led = 'He led two lives, one in the bank and one at sea.'
  assert.ok(!readable(buildDoc(led, [quantity(led, 'two', 2)])).some((c) => c.category === 'killed'))
})

test('a country holding an ally\'s troops hosts them; soldiers held are captive where the text speaks of capture (fig13c)', () => {
  const text = 'Italy holds about 12,000 Canadian troops at two air bases.'
  const doc = buildDoc(text, [quantity(text, 'about 12,000', 12000, { isApprox: true })])
  assert.notEqual(claimFor(doc, 'about 12,000').category, 'captured')
  const pows = 'Chad holds 600 Libyan prisoners of war.'
  assert.equal(claimFor(buildDoc(pows, [quantity(pows, '600', 600)]), '600').category, 'captured')
  const camp = 'Talks on a swap stalled. Chad still holds 600 Libyan soldiers captured near the border.'
  assert.equal(claimFor(buildDoc(camp, [quantity(camp, '600', 600)]), '600').category, 'captured')
  const captive = 'The militia holds 45 soldiers captive in the hills.'
  assert.equal(claimFor(buildDoc(captive, [quantity(captive, '45', 45)]), '45').category, 'captured')
})

test('a figure in a past tense "by" a month counts what had happened by the last such month (fig13d)', () => {
  // published in November: "by July" alone reads ahead, to next July
  const published = '2025-11-20'
  const past = (text: string, needle: string) => claimFor(buildDoc(text, [quantity(text, needle, 1)], [], published), needle)
  for (const [text, needle] of [
    ['By July the militia had recruited at least 4,200 fighters from the camps.', '4,200'],
    ['By July, the agency has moved 2,700 refugees to the north.', '2,700'],
    ['The charity evacuated 1,800 residents by July.', '1,800'],
    ['Some 9,300 residents had been evacuated by July.', '9,300'],
  ] as const) {
    const claim = past(text, needle)
    assert.equal(claim.isPlanned, false, text)
    assert.equal(claim.asOf, '2025-07', text)
  }
  // "by the end of" a month is read back the same way
  const end = past('About 650 residents were evacuated by the end of January.', '650')
  assert.equal(end.isPlanned, false)
  assert.equal(end.asOf, '2025-01')
  // a modal, a word of intention or schedule, "going to" or "have to" keep the deadline ahead
  for (const [text, needle] of [
    ['The militia will have recruited 4,200 fighters by July.', '4,200'],
    ['The agency is expected to move 2,700 refugees by July.', '2,700'],
    ['The charity aims to evacuate 1,800 residents by July.', '1,800'],
    ['The charity is going to evacuate 1,800 residents by July.', '1,800'],
    ['The charity has to evacuate 1,800 residents by July.', '1,800'],
    ['The charity evacuates 1,800 residents by July.', '1,800'],
    // a past verb that asks for what an infinitive names: a target
    ['The court had ordered the charity to evacuate 1,800 residents by July.', '1,800'],
  ] as const) {
    const claim = past(text, needle)
    assert.equal(claim.isPlanned, true, text)
    assert.equal(claim.asOf, '2026-07', text)
  }
})
