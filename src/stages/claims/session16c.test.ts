// Session 16 (fig16b; docs/figures.md, "Session 16: leftovers of held-out articles 11 (fig16b)"):
// the shapes that fig16 left, each with a hand-written passage (none is a sentence of a figure
// set) that fails without its rule.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findQuantities } from '../quantities/quantities.ts'
import { attribution, buildDoc, claimFor, readable } from './test-helpers.ts'

/** A Doc over `text` with the quantities stage's own quantities. */
function docOf(text: string, attributions: Parameters<typeof buildDoc>[2] = [], published = '2026-03-18') {
  return buildDoc(text, findQuantities(text), attributions, published)
}

test('counted: "put the number of X <participle> <place> <time> at N" counts X as the participle says', () => {
  const text = 'The monitor put the number of civilians displaced across the eastern provinces in 2025 at between 8,000 and 9,000.'
  const claim = claimFor(docOf(text), 'between 8,000 and 9,000')
  assert.equal(claim.category, 'displaced')
  assert.equal(claim.asOf, '2025')
  // near-miss: a verb that is no verb of estimating before the phrase gives no object
  const sent = docOf('The army sent the number of trucks needed across the border in March at 40 miles an hour.')
  assert.ok(!readable(sent).some((x) => x.counted.includes('trucks')))
})

test('asOf: ", and at least N <participle>" leaves out the auxiliary of the clause before, whose time dates it too', () => {
  const doc = docOf('The ministry said 300 homes had been destroyed in the region since February, and at least 90 damaged.')
  assert.equal(claimFor(doc, '300').asOf, '2026-02')
  assert.equal(claimFor(doc, 'at least 90').asOf, '2026-02')
  // near-miss: a clause with an auxiliary of its own is its own clause
  const own = docOf('The ministry said 300 homes had been destroyed in the region since February, and at least 90 have been damaged.')
  assert.equal(claimFor(own, 'at least 90').asOf, null)
})

test('category: a share that a currency of one country lost or gained is money ("The zloty has lost 4 percent")', () => {
  const doc = docOf('The zloty has lost about 4 percent against the dollar this year. The naira fell 3 percent on Monday.')
  assert.equal(claimFor(doc, 'about 4 percent').category, 'money')
  assert.equal(claimFor(doc, '3 percent').category, 'money')
})

test('planned: forecasters who "see" a figure forecast it ("Analysts surveyed by the bank see inflation of 3 percent this year")', () => {
  const text = 'Analysts surveyed by the bank see inflation of 3.1 percent this year.'
  const doc = docOf(text, [attribution(text, 'Analysts surveyed by the bank', 'see', 'inflation of 3.1 percent this year')])
  assert.equal(claimFor(doc, '3.1 percent').isPlanned, true)
  // near-miss: "see" with a subject that does not forecast
  const clinic = 'Doctors at the clinic see 120 patients a day.'
  assert.equal(claimFor(docOf(clinic), '120').isPlanned, false)
  // near-miss: forecasters in a phrase of place are no subject
  const stalls = 'Vendors near the market see 60 buyers a day.'
  assert.equal(claimFor(docOf(stalls), '60').isPlanned, false)
})

test('planned: the figure a target or goal names is aimed for ("below its target of 2 percent")', () => {
  const doc = docOf('Inflation rose to 3.4 percent in February, above the central bank\'s target of 2 percent.')
  assert.equal(claimFor(doc, '2 percent').isPlanned, true)
  assert.equal(claimFor(doc, '3.4 percent').isPlanned, false)
  // near-miss: a share of a target is progress made, not a plan
  const share = docOf('The programme has reached 85 percent of its annual target.')
  assert.equal(claimFor(share, '85 percent').isPlanned, false)
  // near-miss: a target someone is ("was the target of") is who a deed aims at, and its figure done
  const ads = docOf('The senator was also the target of $300,000 in attack ads last month.')
  assert.equal(claimFor(ads, '$300,000').isPlanned, false)
})

test('asOf: a projected figure "between <month> and <month>" with no year is the coming period, not the last one', () => {
  const text = 'An estimated 640,000 people in the region are projected to face Emergency levels of hunger between July and October, the analysis said.'
  const doc = docOf(text, [attribution(text, 'the analysis', 'said', 'An estimated 640,000 people in the region are projected to face Emergency levels of hunger between July and October')], '2026-05-14')
  const claim = claimFor(doc, 'An estimated 640,000')
  assert.equal(claim.isPlanned, true)
  assert.equal(claim.asOf, '2026')
  // the attribution stage may read "are projected" as a cue: it is the projection, no statement
  // whose time stands between
  const cued = docOf(text, [
    attribution(text, null, 'are projected', 'to face Emergency levels of hunger'),
    attribution(text, 'the analysis', 'said', 'An estimated 640,000 people in the region are projected to face Emergency levels of hunger between July and October'),
  ], '2026-05-14')
  assert.equal(claimFor(cued, 'An estimated 640,000').asOf, '2026')
  // near-miss: a past figure over such a period is the last one
  const past = docOf('An estimated 12,000 people were displaced between July and October.', [], '2026-05-14')
  assert.equal(claimFor(past, 'An estimated 12,000').asOf, '2025')
})

test('planned: a headline figure that a planned body figure repeats is planned, and one claim with it', () => {
  const text = 'EU to lend Kyiv €50 billion; Canada adds $1.2bn\n\nOTTAWA, Nov 6 (Reuters) - Canada separately pledged $1.2 billion in aid for next year, the government said.'
  const doc = docOf(text, [attribution(text, 'the government', 'said', 'Canada separately pledged $1.2 billion in aid for next year')], '2026-11-06')
  const claims = readable(doc).filter((x) => x.quantity === '$1.2bn' || x.quantity === '$1.2 billion')
  assert.equal(claims.length, 1)
  assert.equal(claims[0].isPlanned, true)
  // near-miss: a body figure that is no plan leaves the headline's unplanned
  const paid = 'Canada adds $1.2bn\n\nOTTAWA, Nov 6 (Reuters) - Canada paid $1.2 billion in aid last year.'
  assert.ok(readable(docOf(paid, [], '2026-11-06')).every((x) => !x.isPlanned))
})

test('source: "X\'s confirmed toll is N" is X\'s, without the "\'s"', () => {
  const doc = docOf('The fire service\'s confirmed toll is 9.')
  assert.equal(claimFor(doc, '9').source, 'The fire service')
})
