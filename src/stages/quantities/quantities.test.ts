import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Doc } from '../../model/doc.ts'
import type { Quantity } from '../../model/types.ts'
import { findQuantities, quantitiesStage } from './quantities.ts'
import { CURRENCY_CODES, DOLLAR_PREFIXES } from './lexicon.ts'

/**
 * A quantity written compactly: `text = value` or `text = low..high`, then flags:
 * `~` approx, `>=` at least, `<=` at most, `?` vague, `%` percent, `$CODE` money,
 * `x` multiplier, `pp` percentage points.
 */
function describe(text: string, q: Quantity): string {
  const amount = q.amount.kind === 'point' ? `${q.amount.value}` : `${q.amount.low}..${q.amount.high}`
  const flags: string[] = []
  if (q.isApprox) flags.push('~')
  if (q.bound === 'at_least') flags.push('>=')
  if (q.bound === 'at_most') flags.push('<=')
  if (q.isVague) flags.push('?')
  if (q.kind === 'percent') flags.push(q.unit === 'pp' ? 'pp' : '%')
  if (q.kind === 'money') flags.push(`$${q.unit}`)
  if (q.kind === 'multiplier') flags.push('x')
  return `${text.slice(q.start, q.end)} = ${amount}${flags.length > 0 ? ' ' + flags.join(' ') : ''}`
}

function found(text: string): string[] {
  return findQuantities(text).map((q) => describe(text, q))
}

type Row = readonly [string, readonly string[]]

function table(name: string, rows: readonly Row[]): void {
  test(name, () => {
    for (const [text, expected] of rows) assert.deepEqual(found(text), expected, text)
  })
}

table('seed sentences', [
  ['Russia has around 12,000 North Korean troops', ['around 12,000 = 12000 ~']],
  ['about 4,000 soldiers have been killed or injured', ['about 4,000 = 4000 ~']],
  ['with an estimated 1.2 million armed personnel', ['an estimated 1.2 million = 1200000 ~']],
  ['This will send another 25,000-30,000 soldiers', ['25,000-30,000 = 25000..30000']],
  ['forced military service from the age of 17', []],
  ['when an armistice brought the enemy in 1953.', []],
  ['the first of which was sent in the fall of 2024.', []],
  ['Pyongyang has sent thousands of ammunition', ['thousands = 2000..9999 ?']],
  ['North Korea is one of the most militarized societies', []],
  ['North Korea would triple the number of Russian troops', ['triple = 3 x']],
])

table('digits, separators and decimals', [
  ['4,000 troops', ['4,000 = 4000']],
  ['a 1.2 rise', ['1.2 = 1.2']],
  ['12 000 men', ['12 000 = 12000']],
  ['1,234,567.89 dollars', ['1,234,567.89 dollars = 1234567.89 $USD']],
  ['worth .5 of it', ['.5 = 0.5']],
  ['lists 1, 2 and 3', ['1 = 1', '2 = 2', '3 = 3']],
])

table('scale words and abbreviations', [
  ['1.2 million people', ['1.2 million = 1200000']],
  ['£3m in aid', ['£3m = 3000000 $GBP']],
  ['a 3m wall', []],
  ['at least 3m people', ['at least 3m = 3000000 >=']],
  ['1m isn\'t a number', []],
  ['$1.2bn deal', ['$1.2bn = 1200000000 $USD']],
  ['25-30 thousand troops', ['25-30 thousand = 25000..30000']],
  ['10k runners', ['10k = 10000']],
  ['$65.4 billion in taxes', ['$65.4 billion = 65400000000 $USD']],
  ['US$ 1MM', ['US$ 1MM = 1000000 $USD']],
  ['13 lakh and 2 crore', ['13 lakh = 1300000', '2 crore = 20000000']],
  ['5G networks', []],
  ['raised $64.8million', ['$64.8million = 64800000 $USD']],
  ['a $400-million-a-year business', ['$400-million = 400000000 $USD']],
])

table('spelled numbers', [
  ['twelve thousand soldiers', ['twelve thousand = 12000']],
  ['a dozen rockets', ['a dozen = 12']],
  ['two hundred and fifty tanks', ['two hundred and fifty = 250']],
  ['one and a half million people', ['one and a half million = 1500000']],
  ['Twenty-six people died', ['Twenty-six = 26']],
  ['half a million refugees', ['half a million = 500000']],
  ['a half million refugees', ['a half million = 500000']],
  ['3 million and a half', ['3 million and a half = 3500000']],
  ['one hundred and three quarters', ['one hundred and three quarters = 100.75']],
  ['three twenty-fifths', ['three twenty-fifths = 0.12']],
  ['nine point nought four', ['nine point nought four = 9.04']],
  ['two-thirds of voters', ['two-thirds = 0.666666666666667']],
  ['a third time', []],
  ['a half-hearted effort', []],
  ['an army', []],
])

table('ranges', [
  ['25,000-30,000 soldiers', ['25,000-30,000 = 25000..30000']],
  ['25,000–30,000 soldiers', ['25,000–30,000 = 25000..30000']],
  ['between 11,000 and 12,000 troops', ['between 11,000 and 12,000 = 11000..12000']],
  ['10,000 to 12,000 troops', ['10,000 to 12,000 = 10000..12000']],
  ['11 to 12 thousand troops', ['11 to 12 thousand = 11000..12000']],
  ['between one and two million', ['between one and two million = 1000000..2000000']],
  ['$35,000 to $60,000 a year', ['$35,000 to $60,000 = 35000..60000 $USD']],
  ['10-15% of them', ['10-15% = 10..15 %']],
  ['10,000 or 12,000 troops', ['10,000 = 10000', '12,000 = 12000']],
  ['rose from 10,000 to 12,000', ['10,000 = 10000', '12,000 = 12000']],
  // after a change, "by" gives the change and "to" the level; an agent's "by" keeps its range
  ['the toll climbed by 35 to 610', ['35 = 35', '610 = 610']],
  ['prices were down by 4 to 2 percent', ['4 = 4', '2 percent = 2 %']],
  // ... unless the second number reads as the upper end of the first
  ['emissions must be cut by 40 to 50 percent', ['40 to 50 percent = 40..50 %']],
  ['prices were up by 4 to 9 percent', ['4 to 9 percent = 4..9 %']],
  ['stormed by 20 to 30 gunmen', ['20 to 30 = 20..30']],
  ['rose 10 to 15 percent', ['10 to 15 percent = 10..15 %']],
  ['a 5-4 decision', []],
])

table('hedges', [
  ['about 40', ['about 40 = 40 ~']],
  ['around 40', ['around 40 = 40 ~']],
  ['nearly 40', ['nearly 40 = 40 ~']],
  ['almost 40', ['almost 40 = 40 ~']],
  ['some 40 people', ['some 40 = 40 ~']],
  ['roughly 40', ['roughly 40 = 40 ~']],
  ['approximately 40', ['approximately 40 = 40 ~']],
  // after a year that ends a time phrase after the subject, "estimated" is the verb
  ['The agency in 2024 estimated 300 soldiers died', ['300 = 300']],
  ['an estimated 40', ['an estimated 40 = 40 ~']],
  ['estimated 40', ['estimated 40 = 40 ~']],
  // after a subject, "estimated" is the speech verb, not a hedge
  ['the agency estimated at least 300 soldiers', ['at least 300 = 300 >=']],
  ['officials estimated 300 soldiers died', ['300 = 300']],
  ['with estimated 300 dead', ['estimated 300 = 300 ~']],
  ['close to 40', ['close to 40 = 40 ~']],
  ['100 or so', ['100 or so = 100 ~']],
  ['In some countries', []],
])

table('bounds', [
  ['more than 10,000', ['more than 10,000 = 10000 >=']],
  ['over 10,000', ['over 10,000 = 10000 >=']],
  ['at least 3', ['at least 3 = 3 >=']],
  ['exceeds 40', ['exceeds 40 = 40 >=']],
  ['exceeding 40', ['exceeding 40 = 40 >=']],
  ['upwards of 200', ['upwards of 200 = 200 >=']],
  ['in excess of 5 million', ['in excess of 5 million = 5000000 >=']],
  ['10,000+ troops', ['10,000+ = 10000 >=']],
  ['up to 30', ['up to 30 = 30 <=']],
  ['as many as 40', ['as many as 40 = 40 <=']],
  ['fewer than 9', ['fewer than 9 = 9 <=']],
  ['less than 2%', ['less than 2% = 2 <= %']],
  ['no more than 7', ['no more than 7 = 7 <=']],
  ['at most 3', ['at most 3 = 3 <=']],
  ['more than half of them', ['more than half = 0.5 >=']],
  ['the first half of its bulletin', []],
])

table('vague amounts', [
  ['thousands of people', ['thousands = 2000..9999 ?']],
  ['hundreds fled', ['hundreds = 200..999 ?']],
  ['dozens of drones', ['dozens = 24..99 ?']],
  ['tens of thousands of troops', ['tens of thousands = 20000..99999 ?']],
  ['hundreds of thousands', ['hundreds of thousands = 200000..999999 ?']],
  ['several thousand troops', ['several thousand = 3000..9999 ?']],
  ['a few hundred men', ['a few hundred = 200..500 ?']],
  ['several soldiers', []],
])

table('percentages', [
  ['12% of voters', ['12% = 12 %']],
  ['12 percent of voters', ['12 percent = 12 %']],
  ['twelve per cent of voters', ['twelve per cent = 12 %']],
  ['Nearly 10% of them', ['Nearly 10% = 10 ~ %']],
  ['a 5 percentage point lead', ['5 percentage point = 5 pp']],
  ['plus or minus 4 percentage points', ['minus 4 percentage points = 4 pp']],
  // a change and the level it reached are two figures, not a range
  ['raised its forecast by 0.1 percentage points to 1.8 percent', ['0.1 percentage points = 0.1 pp', '1.8 percent = 1.8 %']],
  ['between 10 percent and 12 per cent', ['between 10 percent and 12 per cent = 10..12 %']],
  ['rose +5%', ['5% = 5 %']],
  ['fell to -3%', ['-3% = -3 %']],
])

table('money', [
  ['$1.2bn', ['$1.2bn = 1200000000 $USD']],
  ['500 million won', ['500 million won = 500000000 $KRW']],
  ['20 million euros', ['20 million euros = 20000000 $EUR']],
  ['€20', ['€20 = 20 $EUR']],
  ['300 pounds', ['300 pounds = 300 $GBP']],
  ['100 billion rubles', ['100 billion rubles = 100000000000 $RUB']],
  ['nearly $250 billion', ['nearly $250 billion = 250000000000 ~ $USD']],
  // currencies of the countries in the news beyond the big ones, named after the number
  ['recovered 4.1 billion naira', ['4.1 billion naira = 4100000000 $NGN']],
  ['a fine of 2 million shekels', ['2 million shekels = 2000000 $ILS']],
  ['300 billion rupiah', ['300 billion rupiah = 300000000000 $IDR']],
  ['released 120 million soles', ['120 million soles = 120000000 $PEN']],
])

table('multipliers', [
  ['the number tripled', ['tripled = 3 x']],
  ['it doubled', ['doubled = 2 x']],
  // a multiplier before a comparison ("compared with", "than", "against")
  ['output increased 1.5 times compared with the previous month', ['1.5 times = 1.5 x']],
  ['grew 2.3 times than the last year', ['2.3 times = 2.3 x']],
  ['three times more troops', ['three times = 3 x']],
  ['triple the number', ['triple = 3 x']],
  ['twice as many', ['twice = 2 x']],
  ['a threefold rise', ['threefold = 3 x']],
  ['a 3-fold rise', ['3-fold = 3 x']],
  ['he visited three times', ['three = 3']],
  ['a double agent', []],
])

table('not counts: years, dates, times', [
  ['in 2024 and in 1953', []],
  ['the 2016 election', []],
  ['the 2014-15 season', []],
  ['on Sept. 11, 2001', []],
  ['on 11 September', []],
  ['on 2024-10-05', []],
  ['at 3:30', []],
  ['at 10 a.m. and 10pm', []],
  ['more than 2000 soldiers', ['more than 2000 = 2000 >=']],
  ['$2016 in cash', ['$2016 = 2016 $USD']],
])

table('not counts: ages, models, ordinals, labels, identifiers', [
  ['a 17-year-old', []],
  ['aged 40', []],
  ['between the ages of 17 and 20', []],
  ['aged between 18 and 30', []],
  ['he is 40 years old', []],
  ['Keith Lamont Scott, 43, was killed', []],
  ['240mm and 170mm guns', []],
  ['KN-23 and Su-27 and F-16 and Hwasong-19', []],
  ['the first, the 3rd and the 21st', []],
  ['the twenty-first century', []],
  ['Article 4 and Resolution 2397', []],
  ['from reaching 1600 Pennsylvania Avenue', []],
  ['formerly at 115 Spring St. in SoHo', []],
  ['he told Fox 35 in Orlando', []],
  ['Intro.\n5. TALIBAN CLOSING IN\n6. More', []],
  ['decided by 5-to-4 votes', []],
  ['call 555-1234 or +1 222 333 4444', []],
  ['at 192.168.1.2', []],
  ['after 9/11', []],
  ['in the 1990s and the 90’s', []],
])

table('"one" and "a"', [
  ['the one he chose', []],
  ['no one came', []],
  ['one day he left', []],
  ['a one-sided vote', []],
  ['one soldier died', ['one = 1']],
  ['an innocent one, even', []],
  ['Cruz won one.', ['one = 1']],
  ['a mere one percent', ['one percent = 1 %']],
  ['at least one soldier', ['at least one = 1 >=']],
  ['a soldier and an officer', []],
  ['Air Force One', []],
  // a part of a numbered whole is a figure of one; "one of them" is a pronoun
  ['one of the 40 miners died', ['one = 1', '40 = 40']],
  ['one of its 7 engines failed', ['one = 1', '7 = 7']],
  ['one of them died', []],
  ['one of the twelve hostages', ['one = 1', 'twelve = 12']],
  ['one of the 20th century\'s worst', []],
  ['one of the first polls', []],
])

table('units of measure and forms of translated text', [
  ['1,200 tonnes of food', ['1,200 tonnes = 1200']],
  ['roughly 400 square kilometres', ['roughly 400 square kilometres = 400 ~']],
  ['reached 30 thousand and more', ['30 thousand and more = 30000 >=']],
  ['wounded 2 thousand 700 approximately', ['2 thousand 700 approximately = 2700 ~']],
  ['10 thousands of new houses', ['10 thousands = 10000']],
  ['4 thousand 3 hundred and 21', ['4 thousand 3 hundred and 21 = 4321']],
  ['the number could double within weeks', ['double = 2 x']],
  // power and energy: "knocked out 9 gigawatts of capacity"
  ['knocked out about 9 gigawatts of capacity', ['about 9 gigawatts = 9 ~']],
  ['a 1,200 megawatt plant', ['1,200 megawatt = 1200']],
  ['produced 14 TWh last year', ['14 TWh = 14']],
])

table('hyphenated counts', [
  ['a 2,000-strong force', ['2,000 = 2000']],
  ['a 10-year sentence', ['10 = 10']],
])

test('spans are sorted, non-overlapping and exclude the counted noun', () => {
  const text = 'About 4,000 of the 12,000 troops, some 1,000 more than 2,000 planned.'
  const qs = findQuantities(text)
  assert.deepEqual(qs.map((q) => text.slice(q.start, q.end)), ['About 4,000', '12,000', 'some 1,000', 'more than 2,000'])
  for (let i = 1; i < qs.length; i++) assert.ok(qs[i - 1].end <= qs[i].start)
})

test('offsets are UTF-16 code units, also after astral characters', () => {
  const text = '😀 about 4,000 troops'
  const [q] = findQuantities(text)
  assert.equal(text.slice(q.start, q.end), 'about 4,000')
  assert.equal(q.start, 3)
})

test('the stage assigns the quantities layer from the document text', () => {
  const doc = Doc.create('About 4,000 soldiers died.', { id: 't' })
  const stage = quantitiesStage()
  assert.deepEqual(stage.requires, ['tokens', 'sentences'])
  assert.deepEqual(stage.assigns, ['quantities'])
  const out = stage.run(doc)
  assert.deepEqual(out.get('quantities'), findQuantities(doc.text))
  assert.equal(out.get('quantities').length, 1)
})

test('currency codes and dollar prefixes open with a capital (the scan skips words that do not)', () => {
  for (const k of [...CURRENCY_CODES, ...DOLLAR_PREFIXES.keys()]) assert.match(k, /^[A-Z]/, k)
  assert.equal(describe('USD 5 million', findQuantities('USD 5 million')[0]), 'USD 5 million = 5000000 $USD')
})

// Session 11: a number with decimals before "times" counts no occasions: it is a multiplier
// whatever follows ("which is 1.3 times of the plan", "increased 1.4 times in the first half")
table('multipliers with decimals', [
  ['which is 1.3 times of the plan', ['1.3 times = 1.3 x']],
  ['production increased 1.4 times in the first half of this year', ['1.4 times = 1.4 x']],
  ['he visited 2 times in May', ['2 = 2']],
])

// Session 12: a scale word after "and" that is not smaller than the scale before it starts a
// second number ("280 million and 960 million" was read as 1,240 million); a smaller one still
// continues the number ("3 million and 200 thousand")
table('two numbers of one scale joined by "and"', [
  ['fined between 280 million and 960 million euros each', ['between 280 million and 960 million euros = 280000000..960000000 $EUR']],
  ['they paid 280 million and 960 million', ['280 million = 280000000', '960 million = 960000000']],
  ['3 million and 200 thousand people', ['3 million and 200 thousand = 3200000']],
])

// Session 12: a year and the next one across a slash is a season or fiscal year, no fraction
table('split years', [
  ['spending in the 2026/27 fiscal year', []],
  ['the 1999/2000 season', []],
  ['3/4 of them', ['3/4 = 0.75']],
])

// Session 14 (docs/figures.md, fig14): digits and a scale word end before a spelled number
// that no scale word closes; mixed forms that a scale word closes stay whole.
table('a spelled number after digits and a scale word', [
  ['spent $3 million two weeks before the vote', ['$3 million = 3000000 $USD', 'two = 2']],
  ['it cost 5 billion three years ago', ['5 billion = 5000000000', 'three = 3']],
  ['paid 3 million two hundred thousand dollars', ['3 million two hundred thousand dollars = 3200000 $USD']],
  ['built 2 thousand 300 flats', ['2 thousand 300 = 2300']],
])
