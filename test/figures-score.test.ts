import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { JsonDocument } from '../src/format/json.ts'
import {
  amountAgrees, expectedSpans, loadCases, parseCases, predictionFromJson, scoreCase, sourceAgrees, sourceEntityAgrees, summarize,
  type ExpectedClaim, type FigureCase, type PredictedClaim, type Prediction,
} from './figures-score.ts'

const fixture = loadCases(new URL('./fixtures/figures/cases.jsonl', import.meta.url).pathname)

/** The prediction a perfect extractor would make: every expected claim, as annotated. */
function perfect(c: FigureCase): Prediction {
  const claims = c.claims.map((e) => asPredicted(c, e))
  return { claims, quantities: claims }
}

function asPredicted(c: FigureCase, e: ExpectedClaim, changes: Partial<PredictedClaim> = {}): PredictedClaim {
  const span = expectedSpans(c, e)[0]
  return {
    ...span, text: e.text, value: e.value, low: e.low, high: e.high, approx: e.approx, bound: e.bound,
    vague: e.vague, category: e.category, source: e.source, sourceEntity: e.sourceEntity ?? null,
    planned: e.planned, asOf: e.asOf, ...changes,
  }
}

const claim = (text: string, value: number | null, more: Partial<ExpectedClaim> = {}): ExpectedClaim => ({
  text, value, low: null, high: null, approx: false, bound: null, vague: false, category: 'killed',
  source: null, planned: false, asOf: null, ...more,
})

const twoClaims: FigureCase = {
  id: 'unit-001', style: 'wire', published: '2025-01-01',
  text: 'About 300 people died and 1,200 were hurt, officials said.',
  claims: [
    claim('About 300', 300, { approx: true, source: 'officials' }),
    claim('1,200', 1200, { category: 'wounded', source: 'officials' }),
  ],
}

test('a perfect prediction of the whole fixture scores 1.0 on every figure', () => {
  const s = summarize(fixture.map((c) => scoreCase(c, perfect(c))))
  assert.equal(s.claims.precision, 1)
  assert.equal(s.claims.recall, 1)
  assert.equal(s.claims.f1, 1)
  assert.equal(s.quantityRecall, 1)
  assert.equal(s.amount.accuracy, 1)
  for (const [field, acc] of Object.entries(s.fields)) assert.equal(acc.accuracy, 1, field)
  assert.equal(s.negativeFalseClaims, 0)
})

test('an empty prediction has zero recall and counts every expected claim as missed', () => {
  const s = summarize(fixture.map((c) => scoreCase(c, { claims: [], quantities: [] })))
  const expected = fixture.reduce((n, c) => n + c.claims.length, 0)
  assert.equal(s.claims.recall, 0)
  assert.equal(s.claims.f1, 0)
  assert.equal(s.claims.fn, expected)
  assert.equal(s.claims.fp, 0)
  assert.equal(s.matched, 0)
})

test('a wrong value counts as a false positive and a false negative, and is still scored per field', () => {
  const predicted = [asPredicted(twoClaims, twoClaims.claims[0], { value: 30 }), asPredicted(twoClaims, twoClaims.claims[1])]
  const s = summarize([scoreCase(twoClaims, { claims: predicted, quantities: predicted })])
  assert.deepEqual([s.claims.tp, s.claims.fp, s.claims.fn], [1, 1, 1])
  assert.equal(s.matched, 2)
  assert.deepEqual([s.amount.correct, s.amount.total], [1, 2])
  assert.equal(s.fields.approx.accuracy, 1)
})

test('a wrong field lowers that field only, not claim F1', () => {
  const predicted = [
    asPredicted(twoClaims, twoClaims.claims[0], { category: 'casualties', source: null }),
    asPredicted(twoClaims, twoClaims.claims[1]),
  ]
  const s = summarize([scoreCase(twoClaims, { claims: predicted, quantities: predicted })])
  assert.equal(s.claims.f1, 1)
  assert.deepEqual([s.fields.category.correct, s.fields.source.correct, s.fields.bound.correct], [1, 1, 2])
})

test('claims match on overlapping quantity spans, not on identical text', () => {
  // The extractor may leave the hedge out of the span: "300" still overlaps "About 300".
  const bare = { ...asPredicted(twoClaims, twoClaims.claims[0]), start: 6, end: 9, text: '300' }
  const at = twoClaims.text.indexOf('officials')
  const far = { ...asPredicted(twoClaims, twoClaims.claims[1]), start: at, end: at + 9, text: 'officials' }
  const s = scoreCase(twoClaims, { claims: [bare, far], quantities: [] })
  assert.equal(s.correct, 1)
  assert.equal(s.unmatchedPredicted.length, 1)
  assert.equal(s.unmatchedExpected[0].text, '1,200')
})

test('a figure repeated in a passage is one claim: a second prediction of it is a false positive', () => {
  const c: FigureCase = {
    id: 'unit-002', style: 'wire', published: '2025-01-01',
    text: '12,000 troops arrived, officials said. The 12,000 troops are in Kursk.',
    claims: [claim('12,000', 12000, { category: 'deployed', source: 'officials' })],
  }
  const [first, second] = expectedSpans(c, c.claims[0])
  assert.ok(second !== undefined)
  const later = { ...asPredicted(c, c.claims[0]), ...second }
  assert.equal(scoreCase(c, { claims: [later], quantities: [] }).correct, 1)
  const both = scoreCase(c, { claims: [{ ...later, ...first }, later], quantities: [] })
  assert.deepEqual([both.correct, both.unmatchedPredicted.length], [1, 1])
})

test('the same figure annotated at two places in an article is one claim, matched at either place', () => {
  const article: FigureCase = {
    id: 'unit-004', style: 'wire', published: '2025-01-01',
    text: 'Quake kills 230 in Turkey\n\nAt least 230 people died, the disaster agency said. Another 230 homes will be rebuilt.',
    claims: [
      claim('230', 230, { occurrence: 0 }),
      claim('230', 230, { occurrence: 1, bound: 'at_least', source: 'the disaster agency' }),
      claim('230', 230, { occurrence: 2, category: 'other', planned: true }),
    ],
  }
  // The first two differ in bound only; a repeat must agree on it too, so three claims.
  assert.equal(summarize([scoreCase(article, { claims: [], quantities: [] })]).claims.fn, 3)
  const repeated = { ...article, claims: [article.claims[0], { ...article.claims[1], bound: null }, article.claims[2]] }
  const body = asPredicted(repeated, repeated.claims[1])
  const planned = asPredicted(repeated, repeated.claims[2])
  const missed = summarize([scoreCase(repeated, { claims: [], quantities: [] })])
  assert.deepEqual([missed.claims.fn, missed.claims.fp], [2, 0])
  const once = summarize([scoreCase(repeated, { claims: [body, planned], quantities: [body, planned] })])
  assert.deepEqual([once.claims.tp, once.claims.fp, once.claims.fn], [2, 0, 0])
  assert.equal(once.fields.source.correct, 2)
  assert.equal(once.quantityRecall, 1)
  const headline = asPredicted(repeated, repeated.claims[0])
  const twice = summarize([scoreCase(repeated, { claims: [headline, body, planned], quantities: [headline, body, planned] })])
  assert.deepEqual([twice.claims.tp, twice.claims.fp, twice.claims.fn], [2, 1, 0])
})

test('claims predicted on a negative passage are counted as its false positives', () => {
  const neg: FigureCase = { id: 'unit-003', style: 'briefing', published: '2025-01-01', text: 'The 155mm guns arrived in 2024.', claims: [] }
  const gun = { ...asPredicted(twoClaims, twoClaims.claims[1]), start: 4, end: 9, text: '155mm', value: 155 }
  const s = summarize([scoreCase(neg, { claims: [gun], quantities: [gun] }), scoreCase(twoClaims, perfect(twoClaims))])
  assert.deepEqual([s.negativeFalseClaims, s.negativeFalseQuantities, s.claims.fp], [1, 1, 1])
  assert.ok(s.claims.precision < 1)
})

test('amounts: exact points and ranges, vague intervals within a factor of two', () => {
  assert.ok(amountAgrees(claim('x', 4000), { value: 4000, low: null, high: null }))
  assert.ok(!amountAgrees(claim('x', 4000), { value: null, low: 4000, high: 4000 }))
  const range = claim('x', null, { low: 25000, high: 30000 })
  assert.ok(amountAgrees(range, { value: null, low: 25000, high: 30000 }))
  assert.ok(!amountAgrees(range, { value: 25000, low: null, high: null }))
  const hundreds = claim('x', null, { low: 200, high: 999, vague: true })
  assert.ok(amountAgrees(hundreds, { value: null, low: 100, high: 999 }))
  assert.ok(!amountAgrees(hundreds, { value: null, low: 1000, high: 9999 }))
  assert.ok(!amountAgrees(hundreds, { value: 100, low: null, high: null }))
})

test('sources: surface or resolved name, case-insensitive, and null only for null', () => {
  const he = claim('x', 1, { source: 'He', sourceEntity: 'Volodymyr Zelensky' })
  assert.ok(sourceAgrees(he, { source: 'he', sourceEntity: null }))
  assert.ok(sourceAgrees(he, { source: 'the president', sourceEntity: 'volodymyr zelensky' }))
  assert.ok(!sourceAgrees(he, { source: 'officials', sourceEntity: null }))
  assert.ok(!sourceAgrees(he, { source: null, sourceEntity: null }))
  const own = claim('x', 1)
  assert.ok(sourceAgrees(own, { source: null, sourceEntity: null }))
  assert.ok(!sourceAgrees(own, { source: 'officials', sourceEntity: null }))
  assert.ok(sourceAgrees(claim('x', 1, { source: 'The ministry' }), { source: 'ministry', sourceEntity: null }))
})

test('strict sources: the resolved name where annotated (gazetteer aliases agree), else the exact span', () => {
  const he = claim('x', 1, { source: 'He', sourceEntity: 'Volodymyr Zelensky' })
  // "He" resolved to no one, or to someone else, is wrong; a gazetteer alias is the same person
  assert.ok(!sourceEntityAgrees(he, { source: 'He', sourceEntity: null }))
  assert.ok(!sourceEntityAgrees(he, { source: 'He', sourceEntity: 'Vladimir Putin' }))
  assert.ok(sourceEntityAgrees(he, { source: 'He', sourceEntity: 'Volodymyr Zelenskyy' }))
  assert.ok(sourceEntityAgrees(he, { source: 'Zelensky', sourceEntity: null }))
  // without an annotated name, the span must be the annotated span
  const officials = claim('x', 1, { source: 'Ukrainian officials' })
  assert.ok(sourceEntityAgrees(officials, { source: 'Ukrainian officials', sourceEntity: 'Ukraine' }))
  assert.ok(!sourceEntityAgrees(officials, { source: 'Ukrainian officials, who', sourceEntity: 'Ukraine' }))
  assert.ok(sourceEntityAgrees(claim('x', 1), { source: null, sourceEntity: null }))
  assert.ok(!sourceEntityAgrees(claim('x', 1), { source: 'officials', sourceEntity: null }))
})

test('the fixture parser rejects cases that would score wrongly', () => {
  const line = (c: unknown): string => JSON.stringify(c)
  const ok = { id: 'wire-900', style: 'wire', published: '2025-01-01', text: 'Some 40 died.', claims: [claim('Some 40', 40)] }
  assert.equal(parseCases(line(ok)).length, 1)
  // A second set of a kind takes a digit after its prefix ("arthold2-001"); the id still has one hyphen.
  assert.equal(parseCases(line({ ...ok, id: 'arthold2-001' })).length, 1)
  assert.throws(() => parseCases(line({ ...ok, id: 'art-hold-001' })), /id/)
  assert.throws(() => parseCases(line({ ...ok, claims: [claim('400', 400)] })), /does not occur/)
  // "4" occurs only inside "40": not a place a quantity could start.
  assert.throws(() => parseCases(line({ ...ok, claims: [claim('4', 4)] })), /does not occur/)
  assert.throws(() => parseCases(line({ ...ok, claims: [claim('Some 40', 40, { low: 30, high: 50 })] })), /either a value/)
  assert.throws(() => parseCases(line({ ...ok, claims: [claim('Some 40', 40, { category: 'dead' as never })] })), /category/)
  assert.throws(() => parseCases(`${line(ok)}\n${line(ok)}`), /duplicate id/)
  assert.throws(() => parseCases('{"id": '), /line 1: not JSON/)
})

test('predictions are read from the JSON document of the output contract', () => {
  const doc: JsonDocument = {
    id: 'unit-001', title: null, published: '2025-01-01', language: 'en', text: twoClaims.text, entities: [],
    quantities: [
      { id: 'q1', start: 0, end: 9, text: 'About 300', value: 300, low: null, high: null, approx: true, bound: null, vague: false, unit: null, kind: 'count' },
      { id: 'q2', start: 26, end: 31, text: '1,200', value: 1200, low: null, high: null, approx: false, bound: null, vague: false, unit: null, kind: 'count' },
    ],
    attributions: [],
    claims: [{
      id: 'c1', quantity: 'q2', attribution: null, counted: { category: 'wounded', text: 'were hurt', start: 32, end: 41 },
      subject: null, planned: false, additional: false, source: 'officials', sourceEntity: null, cue: 'said', asOf: null,
    }],
  }
  const p = predictionFromJson(doc)
  assert.equal(p.quantities.length, 2)
  assert.deepEqual(p.claims.map((c) => [c.text, c.category, c.source]), [['1,200', 'wounded', 'officials']])
  const s = scoreCase(twoClaims, p)
  assert.deepEqual([s.correct, s.unmatchedExpected.length, s.quantitiesFound], [1, 1, 2])
  assert.throws(() => predictionFromJson({ ...doc, quantities: [] }), /unknown quantity q2/)
})
