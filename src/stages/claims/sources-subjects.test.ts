// Session 7 shapes of who states a figure and whose it is (docs/figures.md, "Session 7"):
// bodies named by a place, headline tails, poll shares, the side that kills.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Doc } from '../../model/doc.ts'
import { findClaims } from './claims.ts'
import { attribution, buildDoc, quantity } from './test-helpers.ts'

/** The claim of a quantity, its spans read back as text. */
function claimFor(doc: Doc, quantityText: string) {
  const qs = doc.get('quantities')
  const found = findClaims(doc).find((c) => doc.slice(qs[c.quantity]) === quantityText)
  assert.ok(found, `no claim for "${quantityText}"`)
  return {
    counted: doc.slice(found.counted), category: found.counted.category, subject: found.subject,
    source: found.source && doc.slice(found.source), sourceEntity: found.sourceEntity,
  }
}

test('a body named by a place or demonym and a common name is that body, not the place', () => {
  const cases: Array<[string, string, string]> = [
    ['The Gaza health ministry said 40 people were killed overnight.', 'The Gaza health ministry', 'Gaza Health Ministry'],
    ['The Ukrainian defence ministry said 300 soldiers were killed.', 'The Ukrainian defence ministry', 'Ukrainian Defence Ministry'],
    ["Israel's military said 12 rockets were fired from Lebanon.", "Israel's military", "Israel's Military"],
    ['The Sudanese army said 50 fighters were captured.', 'The Sudanese army', 'Sudanese Army'],
    ['The health ministry in Gaza said 40 people were killed overnight.', 'The health ministry in Gaza', 'Gaza Health Ministry'],
  ]
  for (const [text, source, name] of cases) {
    const q = text.match(/\d+/)![0]
    const doc = buildDoc(text, [quantity(text, q, Number(q))], [attribution(text, source, 'said', text.slice(text.indexOf(q), -1))])
    assert.equal(claimFor(doc, q).sourceEntity, name, text)
  }
  // the country stands for its government and its officials
  const officials = 'US officials said 300 soldiers were killed.'
  const doc = buildDoc(officials, [quantity(officials, '300', 300)], [attribution(officials, 'US officials', 'said', '300 soldiers were killed')])
  assert.equal(claimFor(doc, '300').sourceEntity, 'United States')
  // "the ministry", "the military" later: the body they were introduced as, not the place
  const later = "Israel's military said 12 rockets were fired on Sunday. The military said it struck 30 targets."
  const back = buildDoc(later, [quantity(later, '12', 12), quantity(later, '30', 30)], [
    attribution(later, "Israel's military", 'said', '12 rockets were fired on Sunday'),
    attribution(later, 'The military', 'said', 'it struck 30 targets', 'Israel'),
  ])
  assert.equal(claimFor(back, '30').sourceEntity, "Israel's Military")
  const government = 'The Ukrainian government said 300 soldiers were killed.'
  const gov = buildDoc(government, [quantity(government, '300', 300)], [attribution(government, 'The Ukrainian government', 'said', '300 soldiers were killed')])
  assert.equal(claimFor(gov, '300').sourceEntity, 'Ukraine')
  // "forces" in the plural are the country's too; "the Ukrainian air force" is a body
  for (const [text, source, name] of [
    ['Russian forces said 300 Ukrainian soldiers were killed.', 'Russian forces', 'Russia'],
    ['The Ukrainian air force said 40 drones were shot down.', 'The Ukrainian air force', 'Ukrainian Air Force'],
  ]) {
    const q = text.match(/\d+/)![0]
    const doc = buildDoc(text, [quantity(text, q, Number(q))], [attribution(text, source, 'said', text.slice(text.indexOf(q), -1))])
    assert.equal(claimFor(doc, q).sourceEntity, name, text)
  }
})

test("a headline's ', X says' tail is the source of its figures, where the tagger reads the verb as a noun", () => {
  const storm = 'Storm leaves 12 dead and 40 missing in Vietnam, state media reports\nThe storm made landfall on Sunday.'
  const doc = buildDoc(storm, [quantity(storm, '12', 12), quantity(storm, '40', 40)])
  assert.equal(claimFor(doc, '12').source, 'state media')
  assert.equal(claimFor(doc, '40').source, 'state media')
  const claims = 'Russia has lost more than 600,000 troops, Ukraine claims, as Moscow disputes the figure\nThe figure could not be verified.'
  const lost = buildDoc(claims, [quantity(claims, 'more than 600,000', 600000, { bound: 'at_least' })])
  assert.equal(claimFor(lost, 'more than 600,000').source, 'Ukraine')
  assert.equal(claimFor(lost, 'more than 600,000').sourceEntity, 'Ukraine')
  // a headline that ends in a dash and a name
  const tag = 'Floods kill 40 in Kenya - Red Cross\nHeavy rain fell for days.'
  assert.equal(claimFor(buildDoc(tag, [quantity(tag, '40', 40)]), '40').source, 'Red Cross')
  // any dash of the shared set (tokens/marks.ts): a typed double hyphen, a horizontal bar
  for (const dash of ['--', '―']) {
    const typed = `Floods kill 40 in Kenya ${dash} Red Cross\nHeavy rain fell for days.`
    assert.equal(claimFor(buildDoc(typed, [quantity(typed, '40', 40)]), '40').source, 'Red Cross', dash)
  }
  // a news site's label for a live page names no one
  for (const label of ['Live Updates', 'As It Happened', 'Latest News']) {
    const live = `Israel strikes kill 40 in Gaza - ${label}\nThe strikes hit homes on Monday.`
    assert.equal(claimFor(buildDoc(live, [quantity(live, '40', 40)]), '40').source, null, label)
  }
  const military = 'Russia lost 1,200 troops in a day - Ukrainian military\nFighting went on.'
  assert.equal(claimFor(buildDoc(military, [quantity(military, '1,200', 1200)]), '1,200').source, 'Ukrainian military')
  // not a dash inside the headline's own words, and not in the body
  const inner = 'Floods kill 40 - more rain expected\nHeavy rain fell for days.'
  assert.equal(claimFor(buildDoc(inner, [quantity(inner, '40', 40)]), '40').source, null)
  const body = 'Heavy rain fell for days.\nFloods killed 40 people in Kenya - Red Cross'
  assert.equal(claimFor(buildDoc(body, [quantity(body, '40', 40)]), '40').source, null)
})

test("a poll share that opens a speaker's phrase is a claim, with the poll named in its sentence as source", () => {
  const text = '58 percent of registered voters said they would vote, according to a Reuters/Ipsos poll.'
  const share = quantity(text, '58 percent', 58, { kind: 'percent', unit: '%' })
  const doc = buildDoc(text, [share], [
    attribution(text, '58 percent of registered voters', 'said', 'they would vote'),
    attribution(text, 'a Reuters/Ipsos poll', 'according to', '58 percent of registered voters said they would vote'),
  ])
  const c = claimFor(doc, '58 percent')
  assert.equal(c.category, 'other')
  assert.equal(c.counted, 'registered voters')
  assert.equal(c.source, 'a Reuters/Ipsos poll')
  // no poll named: the share is the text's own, never the respondents'
  const bare = 'Fully 61 percent of Americans said the economy was getting worse.'
  const own = buildDoc(bare, [quantity(bare, '61 percent', 61, { kind: 'percent', unit: '%' })], [
    attribution(bare, 'Fully 61 percent of Americans', 'said', 'the economy was getting worse'),
  ])
  assert.equal(claimFor(own, '61 percent').source, null)
  // those a poll asked are never the source of a figure in what they say
  const asked = '46 percent of voters said yes, compared with 23 percent who said no.'
  const both = buildDoc(asked, [quantity(asked, '46 percent', 46, { kind: 'percent', unit: '%' }), quantity(asked, '23 percent', 23, { kind: 'percent', unit: '%' })], [
    attribution(asked, '46 percent of voters', 'said', 'yes, compared with 23 percent who said no'),
  ])
  assert.equal(claimFor(both, '23 percent').source, null)
  const start = 'Just 28 percent of voters said they liked her, compared with 33 percent last month.'
  const fallback = buildDoc(start, [quantity(start, '28 percent', 28, { kind: 'percent', unit: '%' }), quantity(start, '33 percent', 33, { kind: 'percent', unit: '%' })])
  assert.equal(claimFor(fallback, '33 percent').source, null)
  const majority = 'A strong majority of voters say they follow the race; 26 percent of Democrats say they do not.'
  const part = buildDoc(majority, [quantity(majority, '26 percent', 26, { kind: 'percent', unit: '%' })], [
    attribution(majority, 'A strong majority of voters', 'say', 'they follow the race; 26 percent of Democrats say they do not'),
  ])
  assert.equal(claimFor(part, '26 percent').source, null)
  // a count of people that speaks is still who speaks, not a claim
  const two = 'Two officials said 300 soldiers were killed.'
  const officials = buildDoc(two, [quantity(two, 'Two', 2), quantity(two, '300', 300)], [attribution(two, 'Two officials', 'said', '300 soldiers were killed')])
  assert.equal(findClaims(officials).length, 1)
})

test("soldiers do not inherit the article's one force when that force is the one harming soldiers", () => {
  const text = 'Russian forces advanced near Pokrovsk on Monday. Russian forces had killed or wounded about 1,150 soldiers in the past day. Another 300 soldiers were wounded.'
  const doc = buildDoc(text, [quantity(text, 'about 1,150', 1150, { isApprox: true }), quantity(text, '300', 300)])
  assert.equal(claimFor(doc, 'about 1,150').category, 'casualties')
  assert.equal(claimFor(doc, 'about 1,150').subject, null)
  assert.equal(claimFor(doc, '300').subject, null)
  // the side harmed, when the text names it
  const named = 'Russian forces advanced near Pokrovsk. Russian forces had killed 300 Ukrainian soldiers.'
  assert.equal(claimFor(buildDoc(named, [quantity(named, '300', 300)]), '300').subject, 'Ukraine')
  // the one force the article names, when nothing says it harms anyone, is still inherited
  const own = 'North Korean troops arrived in Kursk. About 3,000 soldiers were wounded in the fighting.'
  assert.equal(claimFor(buildDoc(own, [quantity(own, 'About 3,000', 3000, { isApprox: true })]), 'About 3,000').subject, 'North Korea')
  // a force that harms civilians, not soldiers, is still the one whose soldiers the article counts
  const civilians = 'Russian troops advanced in the east. Russian forces killed 50 civilians in Kharkiv. Officials said 300 soldiers were wounded.'
  const both = buildDoc(civilians, [quantity(civilians, '50', 50), quantity(civilians, '300', 300)])
  assert.equal(claimFor(both, '300').subject, 'Russia')
})

test('one test of soldiers for the place a toll lies in and for the force an article names', () => {
  // "marines" are soldiers to both: no place of the dead for them, and the article's one force
  const text = 'Floods in eastern Libya killed 300 people. Another 40 marines were killed at the port.'
  const doc = buildDoc(text, [quantity(text, '300', 300), quantity(text, '40', 40)])
  assert.equal(claimFor(doc, '300').subject, 'Libya')
  assert.equal(claimFor(doc, '40').subject, null)
  const forces = 'North Korean troops arrived in Kursk. About 200 marines were wounded in the fighting.'
  assert.equal(claimFor(buildDoc(forces, [quantity(forces, 'About 200', 200, { isApprox: true })]), 'About 200').subject, 'North Korea')
})

test('a name glued by a hyphen to the word after it modifies the source; it is not who speaks', () => {
  const cases: Array<[string, string]> = [
    ['At least 60 people were killed in the shelling, the rebel-held city\'s Taliban-run health department said.', 'the rebel-held city\'s Taliban-run health department'],
    ['The Saudi-led coalition said 35 fighters were captured near the port.', 'The Saudi-led coalition'],
  ]
  for (const [text, source] of cases) {
    const q = text.match(/\d+/)![0]
    const content = text.includes(`${q} fighters`) ? `${q} fighters were captured near the port` : `At least ${q} people were killed in the shelling`
    const doc = buildDoc(text, [quantity(text, q, Number(q))], [attribution(text, source, 'said', content)])
    const claim = claimFor(doc, q)
    assert.equal(claim.source, source, text)
    assert.equal(claim.sourceEntity, null, text)
  }
  // a name that ends the span still names the body ("The US-based Institute for the Study of War")
  const isw = 'The US-based Institute for the Study of War said 300 tanks were lost.'
  const doc = buildDoc(isw, [quantity(isw, '300', 300)], [attribution(isw, 'The US-based Institute for the Study of War', 'said', '300 tanks were lost')])
  assert.equal(claimFor(doc, '300').sourceEntity, 'Institute for the Study of War')
})

test('a time phrase between a subject and its verb: the verb, the subject and the source still read', () => {
  // wink reads "sent" after a year as a noun ("2024 sent" like "2024 troops")
  const sent = 'Belarus in 2023 sent 4,000 engineers to the border.'
  const claim = claimFor(buildDoc(sent, [quantity(sent, '4,000', 4000)]), '4,000')
  assert.deepEqual([claim.category, claim.subject], ['deployed', 'Belarus'])
  const cases: Array<[string, string, string]> = [
    ['The monitoring group in 2023 recorded 2,300 deaths at sea.', '2,300', 'The monitoring group'],
    ['The coast guard in 2022 said 300 migrants had drowned.', '300', 'The coast guard'],
  ]
  for (const [text, q, source] of cases) {
    assert.equal(claimFor(buildDoc(text, [quantity(text, q, Number(q.replace(/\D/g, '')))]), q).source, source, text)
  }
  // the attribution stage's source with the time in it
  const navy = 'The navy on Sunday said 12 drones were shot down.'
  const doc = buildDoc(navy, [quantity(navy, '12', 12)], [attribution(navy, 'The navy on Sunday', 'said', '12 drones were shot down')])
  assert.equal(claimFor(doc, '12').source, 'The navy')
  // a determiner and a time name no one ("The October report exceeded ...")
  const report = 'The October report exceeded forecasts, with 271,000 new jobs.'
  assert.equal(claimFor(buildDoc(report, [quantity(report, '271,000', 271000)]), '271,000').source, null)
})

test('a headline tail of a compound noun and a verb read as a plural noun is its source', () => {
  const text = 'Floods cost 2,000 jobs in the region, think tank estimates\nThe river rose overnight after a week of rain.'
  assert.equal(claimFor(buildDoc(text, [quantity(text, '2,000', 2000)]), '2,000').source, 'think tank')
})

test('a body\'s short name is the fuller name the article gave it before', () => {
  const text = 'The Sudanese Armed Forces General Command said 300 fighters were captured. The General Command said 40 more surrendered on Monday.'
  const doc = buildDoc(text, [quantity(text, '300', 300), quantity(text, '40', 40)], [
    attribution(text, 'The Sudanese Armed Forces General Command', 'said', '300 fighters were captured'),
    attribution(text, 'The General Command', 'said', '40 more surrendered on Monday'),
  ])
  const first = claimFor(doc, '300').sourceEntity
  assert.notEqual(first, null)
  assert.equal(claimFor(doc, '40').sourceEntity, first)
})
