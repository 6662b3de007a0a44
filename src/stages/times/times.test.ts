import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Doc } from '../../model/doc.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import * as chrono from 'chrono-node'
import { casualChrono, CHRONO_PARSER_NEEDS, findTimes, timesStage } from './times.ts'
import { hasFutureModal, isFutureBefore } from '../tokens/tense.ts'

// A Friday.
const PUBLISHED = '2025-08-22'

/** Each found expression as "text=value". */
function times(text: string, published: string | null = PUBLISHED): string[] {
  return findTimes(text, published).map((t) => `${text.slice(t.start, t.end)}=${t.value}`)
}

test('table of time expressions resolved against 2025-08-22', () => {
  const cases: Array<[string, string[]]> = [
    ['the first of which was sent in the fall of 2024', ['the fall of 2024=2024']],
    ['troops arrived in autumn 2024', ['autumn 2024=2024']],
    ['the winter of 2023 was hard', ['the winter of 2023=2023']],
    ['this spring', ['this spring=2025']],
    ['last summer', ['last summer=2024']],
    ['last spring', ['last spring=2025']],
    ['late 2024', ['late 2024=2024']],
    ['early 2025', ['early 2025=2025']],
    ['mid-2025', ['mid-2025=2025']],
    ['by the end of 2024', ['the end of 2024=2024']],
    ['mid-January', ['mid-January=2025-01']],
    ['in late September', ['late September=2024-09']],
    ['last week', ['last week=2025-08']],
    ['in the past week', ['past week=2025-08']],
    ['by the end of the year', ['the end of the year=2025']],
    ['output will fall over the whole year', ['the whole year=2025']],
    ['for the full year', ['the full year=2025']],
    // after "by", "until" or "before" the nearest such month, ahead or back
    ['by the end of October', ['the end of October=2025-10']],
    ['until the end of September', ['the end of September=2025-09']],
    ['had fled by the end of July', ['the end of July=2025-07']],
    ['in the past two weeks', ['the past two weeks=2025-08']],
    ['over the last 10 days', ['the last 10 days=2025-08']],
    // a period of a named month or year does not end at publication
    ['in the last two days of March', ['the last two days of March=2025-03']],
    ['in the last three months of 2024', ['the last three months of 2024=2024']],
    ['in the past four weeks', ['the past four weeks=2025']],
    ['in the previous six months', ['the previous six months=2025']],
    ['in the first three months of the year', ['the first three months of the year=2025']],
    ['until the end of next year', ['the end of next year=2026']],
    ['since the start of the month', ['the start of the month=2025-08']],
    ['in the summer', ['in the summer=2025']],
    ['in the winter', ['in the winter=2024']],
    ['a 2026 budget', ['2026=2026']],
    ['last month', ['last month=2025-07']],
    ['in the past month', ['past month=2025']],
    ['through September', ['through September=2025-09']],
    ['through February', ['through February=2025-02']],
    ['last year', ['last year=2024']],
    ['late last year', ['late last year=2024']],
    ['earlier this year', ['earlier this year=2025']],
    ['since October', ['since October=2024-10']],
    // a month that ends its sentence is read by the same rule: the most recent one
    ['they were killed since October.', ['since October=2024-10']],
    ['in July', ['in July=2025-07']],
    ['in August', ['in August=2025-08']],
    ['by December', ['by December=2025-12']],
    ['by March', ['by March=2026-03']],
    ['on Thursday', ['on Thursday=2025-08-21']],
    ['on Friday', ['on Friday=2025-08-22']],
    // in a clause of the future tense, the next such day (or publication day)
    ['the two sides will meet on Monday', ['on Monday=2025-08-25']],
    ['talks will be held in Geneva on Thursday', ['on Thursday=2025-08-28']],
    ['he will deploy 5,000 troops on Friday', ['on Friday=2025-08-22']],
    ["they won't meet on Monday", ['on Monday=2025-08-25']],
    // not a past in a clause after it, nor a future's past
    ['officials will say, and 300 were killed on Monday', ['on Monday=2025-08-18']],
    ['he will have arrived on Monday', ['on Monday=2025-08-18']],
    ['on Saturday', ['on Saturday=2025-08-16']],
    ['next Tuesday', ['next Tuesday=2025-08-26']],
    ['in 2024', ['in 2024=2024']],
    ['an armistice in 1953', ['in 1953=1953']],
    ['on August 21, 2025', ['August 21, 2025=2025-08-21']],
    ['in October 2024', ['October 2024=2024-10']],
    ['two weeks ago', ['two weeks ago=2025-08-08']],
    ['yesterday', ['yesterday=2025-08-21']],
    ['since January 1', ['January 1=2025-01-01']],
    ['on Oct. 5', ['Oct. 5=2024-10-05']],
    ['by Oct. 5', ['Oct. 5=2025-10-05']],
  ]
  for (const [text, expected] of cases) assert.deepEqual(times(text), expected, text)
})

test('news shapes: the start of the year, a month of next year, years ago, "by" the publication weekday, a day of the month alone', () => {
  const cases: Array<[string, string[]]> = [
    ['since the start of the year', ['the start of the year=2025-01']],
    ['since the beginning of the year', ['the beginning of the year=2025-01']],
    ['in the first nine weeks of the year', ['the first nine weeks of the year=2025']],
    ['through June next year', ['June next year=2026-06']],
    // a period of months or days: the unit that holds it whole, in the past when no year is named
    ['output from January to August, which', ['from January to August=2025']],
    ['between Aug. 4 and Aug. 10 it polled', ['between Aug. 4 and Aug. 10=2025-08']],
    ['between October and December', ['between October and December=2024']],
    // the week to a weekday, and the weekend: the month that holds them (published Friday 22 August)
    ['fired 40 times in the week to Sunday', ['in the week to Sunday=2025-08']],
    ['admitted 900 patients since the weekend', ['since the weekend=2025-08']],
    ['from November 2023 to February 2024', ['November 2023 to February 2024=2023-11']],
    ['in March last year', ['March last year=2024-03']],
    ['up from 51,000 four years ago', ['four years ago=2021']],
    ['two months ago', ['two months ago=2025-06']],
    ['by Friday morning', ['by Friday=2025-08-22']],
    ['by Sunday', ['by Sunday=2025-08-24']],
    ['In the evening of 17th, a blast', ['of 17th=2025-08-17']],
    ['until the 8 o\'clock of 19th morning', ['of 19th=2025-08-19']],
    ['it began on the 25th.', ['on the 25th=2025-07-25']],
  ]
  for (const [text, expected] of cases) assert.deepEqual(times(text), expected, text)
})

test('a day of the month alone is a real date: the latest month not after publication that has it', () => {
  // published 5 March 2025: "the 30th" is not 30 February
  assert.deepEqual(times('The shelling began on the 30th.', '2025-03-05'), ['on the 30th=2025-01-30'])
  assert.deepEqual(times('until the 8 o\'clock of 29th morning', '2025-03-05'), ['of 29th=2025-01-29'])
  assert.deepEqual(times('it began on the 31st.', '2025-05-10'), ['on the 31st=2025-03-31'])
  // 2024 is a leap year
  assert.deepEqual(times('it began on the 29th.', '2024-03-05'), ['on the 29th=2024-02-29'])
})

test('a list of ordinals and a lower-case "march" before "this year" are no dates of the month', () => {
  assert.deepEqual(times('Troops of the 3rd, 4th and 5th brigades crossed.'), [])
  assert.deepEqual(times('The march this year drew 20,000 people.'), ['this year=2025'])
})

test('numbers, ages, durations and modal "may" are not dates', () => {
  for (const text of [
    'about 4,000 soldiers have been killed', 'from the age of 17', 'for 3 years', 'an estimated 1.2 million',
    'another 25,000-30,000 soldiers', 'it may be true', 'at 5 pm',
    // a walk, ordinals of a century, a unit or a floor
    'clashes near the end of the march', 'the 17th century', 'of the 3rd Brigade', 'on the 5th floor',
  ]) {
    assert.deepEqual(times(text), [], text)
  }
})

test('a decade of a rate ("the low-50s after") or a few minutes later is no date, with or without publication', () => {
  for (const published of [PUBLISHED, null]) {
    for (const text of ['unemployment is in the low-50s after hovering around 60%', 'the crowd left 20 minutes later', 'he spoke for 90 seconds after the vote']) {
      assert.deepEqual(times(text, published), [], `${text} (${published})`)
    }
  }
  assert.deepEqual(times('the blast came 3 hours ago'), ['3 hours ago=2025-08-22'])
})

test('without a publication date only expressions that name their year resolve', () => {
  assert.deepEqual(times('in the fall of 2024, in July, on Thursday, last year, in October 2024', null),
    ['the fall of 2024=2024', 'October 2024=2024-10'])
})

test('the seed sentence resolves "the fall of 2024" to 2024 and "on Thursday" to the day before publication', () => {
  const text = 'Kim made comments at a ceremony in Pyongyang on Thursday.\n' +
    'The Ukrainian and US intelligence agency suggests that Russia has around 12,000 North Korean troops, the first of which was sent in the fall of 2024.'
  const { tokens, sentences } = tokenize(loadWink(), text)
  const doc = timesStage().run(Doc.create(text, { id: 't', published: PUBLISHED })
    .withLayer('tokens', tokens).withLayer('sentences', sentences))
  assert.deepEqual(doc.get('times').map((t) => [text.slice(t.start, t.end), t.value]),
    [['on Thursday', '2025-08-21'], ['the fall of 2024', '2024']])
})

test('a long sentence with many numbers stays fast (no backtracking blow-up)', () => {
  const text = 'in 2024 '.repeat(2000) + '1'.repeat(5000) + ' mid-'.repeat(2000)
  const t0 = performance.now()
  findTimes(text, PUBLISHED)
  assert.ok(performance.now() - t0 < 3000)
})

test('property: any text gives ISO values and spans inside it, with or without a publication date', async () => {
  const fc = await import('fast-check')
  const words = ['in', 'July', 'since', 'October', 'the', 'fall', 'of', '2024', 'late', 'last', 'week', 'on', 'Thursday',
    'by', 'December', 'mid-January', 'May', '5', ',', '1,500', 'year', 'next', 'ago', 'two', 'weeks', 'summer', 'Oct.']
  fc.assert(fc.property(
    fc.array(fc.constantFrom(...words), { maxLength: 30 }), fc.constantFrom('2025-08-22', '2024-01-01', '2023-12-31', null),
    (tokens, published) => {
      const text = tokens.join(' ')
      let last = -1
      for (const t of findTimes(text, published)) {
        assert.match(t.value, /^\d{4}(-\d{2}(-\d{2})?)?$/)
        assert.ok(t.start >= 0 && t.start < t.end && t.end <= text.length && t.start >= last)
        last = t.end
      }
    }), { numRuns: 300 })
})

test('scope with-quantities: only sentences that hold a quantity are read', () => {
  const text = 'In July the talks began. About 3,000 troops arrived in October. The war began in 2022.'
  const base = Doc.create(text, { id: 't', published: PUBLISHED })
  const { tokens, sentences } = tokenize(loadWink(), text)
  const at = text.indexOf('About 3,000')
  const doc = base.withLayer('tokens', tokens).withLayer('sentences', sentences).withLayer('quantities', [
    { start: at, end: at + 11, amount: { kind: 'point', value: 3000 }, kind: 'count', isApprox: true, bound: null, isVague: false, unit: null },
  ])
  const scoped = timesStage('with-quantities').run(doc).get('times').map((t) => text.slice(t.start, t.end))
  assert.deepEqual(scoped, ['in October'])
  const all = timesStage('all').run(doc).get('times').map((t) => text.slice(t.start, t.end))
  assert.ok(all.length === 3, `all sentences: ${all.join(' | ')}`)
})

test('session 11: a week or weeks earlier are the month that holds the day; periods ahead and of weekdays are the unit that holds them', () => {
  const cases: Array<[string, string[]]> = [
    // 2025-08-22 is a Friday: a week earlier is 15 August, four weeks earlier 25 July
    ['had reported 40 a week earlier', ['a week earlier=2025-08']],
    ['four weeks earlier', ['four weeks earlier=2025-07']],
    // the days themselves stay days
    ['a day earlier', ['a day earlier=2025-08-21']],
    // the period from publication on: the month that holds it whole, else its year
    ['over the next three months', ['the next three months=2025']],
    ['in the coming five days', ['the coming five days=2025-08']],
    ['over the next 12 months', []],
    // two weekdays: the last such days, the first not after the second
    ['who left between Sunday and Wednesday', ['between Sunday and Wednesday=2025-08']],
    ['from Thursday to Tuesday', ['from Thursday to Tuesday=2025-08']],
  ]
  for (const [text, expected] of cases) assert.deepEqual(times(text), expected, text)
  // across two months (published Tuesday 2 September: Friday 29 August to Monday 1 September)
  assert.deepEqual(times('from Friday to Monday', '2025-09-02'), ['from Friday to Monday=2025'])
})

test('session 11: a month after a modal of the future tense in its clause is the next such month', () => {
  // published 2025-08-22
  assert.deepEqual(times('About 3,000 troops will be deployed in March.'), ['in March=2026-03'])
  assert.deepEqual(times('They will arrive in late September.'), ['late September=2025-09'])
  assert.deepEqual(times("They'll return in January, he said."), ['in January=2026-01'])
  // the past, and a modal in another clause, stay the last such month
  assert.deepEqual(times('Troops were deployed in March.'), ['in March=2025-03'])
  assert.deepEqual(times('It will take years, after the fighting began in March.'), ['in March=2025-03'])
})

test('session 12: a part of today, a quarter with no year, and "the week before"', () => {
  // published 2025-08-22, a Friday
  assert.deepEqual(times('The fire had burned 9,000 acres this morning.'), ['this morning=2025-08-22'])
  assert.deepEqual(times('Sales fell in the second quarter.'), ['the second quarter=2025'])
  // a quarter that has not begun by publication is last year's
  assert.deepEqual(times('Sales fell in the fourth quarter.'), ['the fourth quarter=2024'])
  assert.deepEqual(times('compared with 90 the week before'), ['the week before=2025-08'])
  // review (rev12): a year named right after the quarter is the quarter's year
  assert.deepEqual(times('Sales fell in the third quarter last year.'), ['last year=2024'])
  assert.deepEqual(times('Sales fell in the first quarter in 2023.'), ['in 2023=2023'])
  assert.deepEqual(times('Sales fell in the first quarter 2023.'), ['the first quarter 2023=2023'])
})

test('chrono-node behind the parsers\' word tests finds what chrono.parse finds', () => {
  // every parser the tests name is one chrono-node has (a renamed parser would run untested, and slower)
  const names = new Set(chrono.casual.parsers.map((p) => p.constructor.name))
  for (const name of CHRONO_PARSER_NEEDS.keys()) assert.ok(names.has(name), name)
  const ref = { instant: new Date(Date.UTC(2016, 4, 1, 12)), timezone: 0 }
  const read = (rs: chrono.ParsedResult[]) => rs.map((r) => `${r.index}:${r.text}=${r.start.date().toISOString()}`)
  // one or more sentences for each parser behind a test, and ones that lack its words
  for (const text of [
    'Three years ago, 40 people died.', 'Two days later 1,500 troops left.', 'Over the past 3 months, 12% fell.',
    'On Jan. 5, 2015, it rose 4%.', 'It fell 2% on 5th of March 2014.', 'Sales rose 10 percent last Tuesday.',
    'Prices rose on 10/12/2015 by 3%.', 'In March 2016, 30 people came.', 'Yesterday 500 marched.', 'Last week 3 fell.',
    'About 4,000 were hurt, officials said.', 'A 2-3 vote of 1.5 million people', 'It rose 3 points out of 10.',
  ]) {
    assert.deepEqual(read(casualChrono.parse(text, ref)), read(chrono.parse(text, ref)), text)
  }
  // a sentence without a parser's words: its expression is not run, and nothing is lost
  assert.deepEqual(read(casualChrono.parse('About 4,000 were hurt, officials said.', ref)), [])
})

test('session 14: a deadline in a clause of a past tense has passed: the last such month, day or weekday (rev14)', () => {
  // published Thursday 20 November 2025: "by July" alone is next July
  const published = '2025-11-20'
  const staged = (text: string) => {
    const { tokens, sentences } = tokenize(loadWink(), text)
    const doc = timesStage().run(Doc.create(text, { id: 't', published }).withLayer('tokens', tokens).withLayer('sentences', sentences))
    return doc.get('times').map((t) => `${text.slice(t.start, t.end)}=${t.value}`)
  }
  for (const [text, expected] of [
    ['By August, the country had sent 6 million rounds.', 'By August=2025-08'],
    ['By July the militia had recruited at least 4,200 fighters.', 'By July=2025-07'],
    ['The charity evacuated 1,800 residents by July.', 'by July=2025-07'],
    ['Some 9,300 residents had been evacuated until July.', 'until July=2025-07'],
    ['The country, by August, had sent 6 million rounds.', 'by August=2025-08'],
    // "by the end of" a month: the last one, not the nearest
    ['About 650 residents were evacuated by the end of January.', 'the end of January=2025-01'],
    // a day of a month, and a weekday (a Wednesday, the 19th: the last one)
    ['Some 400 families had left by December 3.', 'December 3=2024-12-03'],
    ['Rescuers had found 40 bodies by Saturday.', 'by Saturday=2025-11-15'],
    ['The campaign had been paying $35,000 a month for the office until May.', 'until May=2025-05'],
  ] as const) assert.deepEqual(staged(text), [expected], text)
  // a modal, a word of intention or schedule, an infinitive, or a present keep the deadline ahead
  for (const [text, expected] of [
    ['The militia will have recruited 4,200 fighters by July.', 'by July=2026-07'],
    ['The agency is expected to move 2,700 refugees by July.', 'by July=2026-07'],
    ['The charity aims to evacuate 1,800 residents by July.', 'by July=2026-07'],
    ['The court had ordered the charity to evacuate 1,800 residents by July.', 'by July=2026-07'],
    ['The charity evacuates 1,800 residents by July.', 'by July=2026-07'],
    ['By August, the country will send 6 million rounds.', 'By August=2026-08'],
    ['Some 400 families must leave by December 3.', 'December 3=2025-12-03'],
    ['Rescuers hope to reach the village by Saturday.', 'by Saturday=2025-11-22'],
    // a subjunctive or a schedule after a past verb: the deadline is ahead
    ['The judge ordered that the records, about 1,000 pages, be released by Saturday.', 'by Saturday=2025-11-22'],
    ['All the emails are supposed to be made public by July.', 'by July=2026-07'],
  ] as const) assert.deepEqual(staged(text), [expected], text)
  // the text alone (no tokens, no tense) reads a deadline ahead, as before
  assert.deepEqual(findTimes('By August, the country had sent 6 million rounds.', published).map((t) => t.value), ['2026-08'])
})

test('session 14: a span counted from an event named after it is no date; one at a clause\'s end stays', () => {
  assert.deepEqual(times('The party spent heavily two weeks before the election.'), [])
  assert.deepEqual(times('The army sent troops three days after the attack on the base.'), [])
  assert.deepEqual(times('Police arrested them two days before Christmas.'), [])
  // near-misses: "ago", and the offset read against the story's day as before
  assert.deepEqual(times('two weeks ago'), ['two weeks ago=2025-08-08'])
  assert.deepEqual(times('They left two weeks before, and came back later.'), ['two weeks before=2025-08'])
})

test('a period of days before a month ("between 4 and 11 March") is the month; "before the 3 November" looks ahead (fig14b)', () => {
  // published 2025-08-22
  assert.deepEqual(times('clashes between 4 and 11 March killed 20'), ['between 4 and 11 March=2025-03'])
  assert.deepEqual(times('from 3 to 10 October 2023, 40 died'), ['from 3 to 10 October 2023=2023-10'])
  // the month of publication, with a second day still ahead: the year before
  assert.deepEqual(times('between 20 and 29 August'), ['between 20 and 29 August=2024-08'])
  // "the" between the deadline word and a day and month (state media in translation)
  assert.deepEqual(times('will be finished before the 3 November , the anniversary'), ['3 November=2025-11-03'])
  assert.deepEqual(times('by the 3 November'), ['3 November=2025-11-03'])
  // near-misses: "on the 3 November" is the last one; a day alone is not a range
  assert.deepEqual(times('on the 3 November'), ['3 November=2024-11-03'])
  assert.deepEqual(times('on 15 April'), ['on 15 April=2025-04-15'])
})

test('one home for the future tense: the words before a time (times) and a token range (claims) read the same modals (rev15)', () => {
  const at = (text: string, word: string) => isFutureBefore(text, text.indexOf(word))
  assert.equal(at('Talks will resume on March 3.', 'March'), true)
  assert.equal(at('Talks won\'t resume on Monday.', 'Monday'), true)
  assert.equal(at('They\'ll meet in Kyiv on Monday.', 'Monday'), true)
  assert.equal(at('By then they will have met on Monday.', 'Monday'), false)
  assert.equal(at('Talks will resume, officials said on Monday.', 'Monday'), false)
  assert.equal(at('Talks would resume on Monday.', 'Monday'), false)
  const text = 'Officials said 5,000 troops will be deployed and they\'ll stay.'
  const { tokens } = tokenize(loadWink(), text)
  const index = (word: string) => { for (let t = 0; t < tokens.start.length; t++) if (text.slice(tokens.start[t], tokens.end[t]) === word) return t; return -1 }
  assert.equal(hasFutureModal(tokens, 0, index('will')), false)
  assert.equal(hasFutureModal(tokens, 0, index('will') + 1), true)
  assert.equal(hasFutureModal(tokens, index('and'), tokens.start.length), true, "'ll is will")
})
