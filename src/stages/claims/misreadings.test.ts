// Session 9 misreadings (docs/figures.md, "Session 9: misreadings"): each shape with a
// hand-written passage, built over real tokens, entities and times.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Doc } from '../../model/doc.ts'
import { findClaims } from './claims.ts'
import { attribution, buildDoc, quantity } from './test-helpers.ts'

/** Each claim as [quantity, category, counted], its spans read back as text. */
function claims(doc: Doc): Array<[string, string, string]> {
  const qs = doc.get('quantities')
  return findClaims(doc).map((c) => [doc.slice(qs[c.quantity]), c.counted.category, doc.slice(c.counted)])
}

test('a score in sport is no claim: a number used as a noun ("23 fours"), a shortfall ("four short of")', () => {
  const text = 'Hossain hit 23 fours and two sixes. Sarkar fell four short of his hundred when he was caught at slip.'
  const doc = buildDoc(text, [quantity(text, '23', 23), quantity(text, 'two', 2), quantity(text, 'four', 4, { nth: 1 })])
  assert.deepEqual(claims(doc), [])
  // a count of the same shape stays one
  const shells = 'Russia fired 23 missiles and fell 40 short of its target.'
  assert.deepEqual(claims(buildDoc(shells, [quantity(shells, '23', 23), quantity(shells, '40', 40)])), [['23', 'munitions', 'missiles']])
})

test('teams sent somewhere are a deployment only where the sentence speaks of rescue, relief or arms', () => {
  const cases: Array<[string, string]> = [
    ['Officials said 20 teams were sent to the tournament in Qatar.', 'other'],
    ['The federation sent 12 Brazilian squads to the regional championship.', 'other'],
    ['Officials said 20 teams were sent to the flooded region to search for survivors.', 'deployed'],
    ['The ministry deployed 14 medical teams to the camps.', 'deployed'],
  ]
  for (const [text, category] of cases) {
    const n = text.match(/\d+/)![0]
    assert.equal(claims(buildDoc(text, [quantity(text, n, Number(n))]))[0]?.[1], category, text)
  }
})

test('a bare number after a verb of level counts the plural subject of the verb', () => {
  const headline = 'Peru extends dengue emergency as cases pass 48,000'
  assert.deepEqual(claims(buildDoc(headline, [quantity(headline, '48,000', 48000)])), [['48,000', 'other', 'cases']])
  // past "to keep", and a time phrase between commas
  const quote = '"We expect cases to keep rising until the end of April, to 80,000 or more," she said.'
  assert.deepEqual(claims(buildDoc(quote, [quantity(quote, '80,000 or more', 80000, { bound: 'at_least' })])), [['80,000 or more', 'other', 'cases']])
  const deaths = 'Officials fear that refugee arrivals will surpass 9,000.'
  assert.deepEqual(claims(buildDoc(deaths, [quantity(deaths, '9,000', 9000)])), [['9,000', 'displaced', 'refugee arrivals']])
  // a singular subject, or a verb that hits something, counts nothing
  for (const text of ['The index passed 12,000 on Monday.', 'Rockets hit 300 in the north.']) {
    const n = text.match(/\d[\d,]*/)![0]
    assert.deepEqual(claims(buildDoc(text, [quantity(text, n, Number(n.replace(',', '')))])), [], text)
  }
})

test('a part placed in one of the things the figure before counts is a part of what they hold', () => {
  const text = 'Its air defences destroyed 337 Ukrainian drones over the territory of 12 regions, including 126 over the Moscow region.'
  const doc = buildDoc(text, [quantity(text, '337', 337), quantity(text, '12', 12), quantity(text, '126', 126)])
  assert.deepEqual(claims(doc), [['337', 'munitions', 'Ukrainian drones'], ['12', 'other', 'regions'], ['126', 'munitions', 'Ukrainian drones']])
  // a part of the regions themselves stays one of them
  const regions = 'Drones were shot down over 12 regions, including 10 in the south.'
  assert.deepEqual(claims(buildDoc(regions, [quantity(regions, '12', 12), quantity(regions, '10', 10)])),
    [['12', 'other', 'regions'], ['10', 'other', 'regions']])
})

test('fallback source: the agent of a passive speech verb speaks, not its subject', () => {
  const source = (text: string) => {
    const doc = buildDoc(text, [quantity(text, '300', 300)])
    const [claim] = findClaims(doc)
    return claim.source === null ? null : doc.slice(claim.source)
  }
  assert.equal(source('The minister was told by aides that 300 soldiers had been killed.'), 'aides')
  assert.equal(source('The minister was informed by the army that 300 soldiers had been killed.'), 'the army')
  // (with no agent the subject stays, as translated state media write "X is told that" for "X says")
  assert.equal(source('The Ukraine side is told that 300 soldiers had been killed.'), 'The Ukraine side')
  assert.equal(source('The minister told reporters that 300 soldiers had been killed.'), 'The minister')
})

test('source: a span the attribution stage cut inside a name runs to the name\'s end, and a time after the name is none of it', () => {
  const sourceOf = (text: string, cut: string) => {
    const doc = buildDoc(text, [quantity(text, '300', 300)], [attribution(text, cut, 'said', '300 people were killed')])
    const [claim] = findClaims(doc)
    return [claim.source === null ? null : doc.slice(claim.source), claim.sourceEntity]
  }
  // (the tagger reads "Cross" as a verb)
  assert.deepEqual(sourceOf('The Red Cross in Geneva on Monday said 300 people were killed.', 'The Red'), ['The Red Cross', 'Red Cross'])
  assert.deepEqual(sourceOf('The Red Cross on Monday said 300 people were killed.', 'The Red Cross on Monday'), ['The Red Cross', 'Red Cross'])
})

test('fallback source: a dateline is not the source, nor does a speech verb reach into an aside of the writer\'s between dashes', () => {
  const source = (text: string, figure: string) => {
    const n = Number(figure.replace(/[^\d]/g, ''))
    const doc = buildDoc(text, [quantity(text, figure, n, { kind: 'money' })])
    const [claim] = findClaims(doc)
    return claim.source === null ? null : doc.slice(claim.source)
  }
  // a clause between dashes before the figure is passed over
  assert.equal(source('Officials said that the bill - which passed last week - would cost $300 million.', '$300 million'), 'Officials')
  // an aside with a verb of its own around the figure is the writer's; an apposition is what is said
  assert.equal(source("Mr. Furman acknowledged that overhauling business taxes - the corporate tax rate of $35 billion is the highest of any economy - carried risks.", '$35 billion'), null)
  assert.equal(source('The center said that the top taxpayers -- those with adjusted gross incomes of more than $750,000 -- would pay more.', '$750,000'), 'The center')
  assert.equal(source('Oct 24 (CW) - The ministry said the war had cost $300 million.', '$300 million'), 'The ministry')
})
