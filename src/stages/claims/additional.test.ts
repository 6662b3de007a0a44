import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createAnalyzer } from '../../analyze.ts'
import { toJsonDocument } from '../../format/json.ts'

const analyzer = createAnalyzer()

/** The `additional` flag of each claim of a text, by quantity text. */
function flags(text: string): Array<[string, boolean]> {
  const doc = toJsonDocument(analyzer.analyze(text, { id: 't', published: '2025-03-01' }))
  const quantities = new Map(doc.quantities.map((q) => [q.id, q.text]))
  return doc.claims.map((c) => [quantities.get(c.quantity)!, c.additional])
}

test('a figure added to an earlier count is additional; a total is not', () => {
  const cases: Array<[string, string, boolean]> = [
    ['The agency said North Korea had sent an additional 3,000 troops in January.', '3,000', true],
    ['Officials said another 1,200 soldiers arrived in Kursk last week.', '1,200', true],
    ['A further 2,000 people were evacuated on Sunday, the ministry said.', '2,000', true],
    ['The NIS said North Korea had decided to send 6,000 more personnel to Russia.', '6,000', true],
    ['The number of displaced people rose by 40,000 in a week, the UN said.', '40,000', true],
    ['About 11,000 North Korean soldiers are in Russia, the agency said.', '11,000', false],
    ['More than 3,000 troops have been deployed, officials said.', '3,000', false],
    ['Officials said 1,500 soldiers or more had arrived.', '1,500', false],
    // "up by" after a verb is a phrasal verb's passive agent, not a rise
    ['Police said the 20 suspects were backed up by 300 supporters.', '300', false],
    ['Officials said arrivals were up by 4,000 on the week before.', '4,000', true],
  ]
  for (const [text, quantity, expected] of cases) {
    const found = flags(text).find(([q]) => q.includes(quantity))
    assert.ok(found, `${text}: no claim for ${quantity}`)
    assert.equal(found[1], expected, text)
  }
})

test('a total and an addition of the same amount in one article are two claims', () => {
  const text = 'About 1,500 soldiers arrived in March, the ministry said. Another 1,500 soldiers arrived in April, it said.'
  assert.deepEqual(flags(text).map(([, additional]) => additional), [false, true])
})
