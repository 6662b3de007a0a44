// Session 16 (ent16; docs/contracts.md, "Session 16: source names an analyst would find wrong"):
// a definite person's role described by a country is that person, not the country; a body
// before "in" and a place is who speaks, not the place.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attribution, buildDoc, claimFor, quantity } from './test-helpers.ts'

test('"the Ukrainian president" is the person the attribution names, or nobody; never Ukraine', () => {
  const text = 'On January 9 the Ukrainian president said 4,000 North Korean soldiers had been killed or wounded.'
  const bare = buildDoc(text, [quantity(text, '4,000', 4000)],
    [attribution(text, 'the Ukrainian president', 'said', '4,000 North Korean soldiers had been killed or wounded')])
  assert.equal(claimFor(bare, '4,000').sourceEntity, null)
  const of = 'On January 9 the president of Ukraine said 4,000 North Korean soldiers had been killed or wounded.'
  assert.equal(claimFor(buildDoc(of, [quantity(of, '4,000', 4000)],
    [attribution(of, 'the president of Ukraine', 'said', '4,000 North Korean soldiers had been killed or wounded')]), '4,000').sourceEntity, null)
  // the attribution stage's name for the role (President Volodymyr Zelenskyy named before)
  const named = 'President Volodymyr Zelenskyy spoke on Monday. The president of Ukraine said 4,000 North Korean soldiers had been killed.'
  const withName = buildDoc(named, [quantity(named, '4,000', 4000)],
    [attribution(named, 'The president of Ukraine', 'said', '4,000 North Korean soldiers had been killed', 'Volodymyr Zelenskyy')])
  assert.equal(claimFor(withName, '4,000').sourceEntity, 'Volodymyr Zelenskyy')
  // near-misses: an indefinite or plural role speaks for the country
  for (const source of ['A Ukrainian official', 'Ukrainian officials']) {
    const t = `${source} said 4,000 North Korean soldiers had been killed or wounded.`
    const doc = buildDoc(t, [quantity(t, '4,000', 4000)], [attribution(t, source, 'said', '4,000 North Korean soldiers had been killed or wounded')])
    assert.equal(claimFor(doc, '4,000').sourceEntity, 'Ukraine', source)
  }
})

test('a named body before "in" and a place is who speaks, not the place ("A Defense Intelligence Agency briefing in Washington")', () => {
  const text = 'A Defense Intelligence Agency briefing in Washington estimated that North Korea had shipped about 28,000 containers of weapons to Russia.'
  const doc = buildDoc(text, [quantity(text, 'about 28,000', 28000, { isApprox: true })],
    [attribution(text, 'A Defense Intelligence Agency briefing in Washington', 'estimated', 'that North Korea had shipped about 28,000 containers of weapons to Russia')])
  assert.equal(claimFor(doc, 'about 28,000').sourceEntity, 'Defense Intelligence Agency')
  // near-misses: "of" and a place still ends a body's one name; a place alone is still the place
  const bank = 'The Bank of Japan said prices rose 2 percent.'
  assert.equal(claimFor(buildDoc(bank, [quantity(bank, '2 percent', 2, { unit: 'percent', kind: 'percent' })],
    [attribution(bank, 'The Bank of Japan', 'said', 'prices rose 2 percent')]), '2 percent').sourceEntity, 'Bank of Japan')
})

test('a plural name\'s bare apostrophe is a possessive too: "Honduras\' president" is a person by role, not Honduras', () => {
  const text = 'Honduras\' president said 4,000 people had been displaced by the floods.'
  const doc = buildDoc(text, [quantity(text, '4,000', 4000)],
    [attribution(text, 'Honduras\' president', 'said', '4,000 people had been displaced by the floods')])
  assert.equal(claimFor(doc, '4,000').sourceEntity, null)
  // near-miss: the country's own voice stays the country's
  const own = 'Honduras said 4,000 people had been displaced by the floods.'
  assert.equal(claimFor(buildDoc(own, [quantity(own, '4,000', 4000)],
    [attribution(own, 'Honduras', 'said', '4,000 people had been displaced by the floods')]), '4,000').sourceEntity, 'Honduras')
})
