// Session 14 leftovers (fig14b; docs/figures.md, "Session 14: leftovers (fig14b)"): the shapes
// left for next by fig14, each with a hand-written passage over real tokens, entities and
// times; none is a sentence of a figure set.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { attribution, buildDoc, claimFor, find, quantity, readable } from './test-helpers.ts'

test('"left 5 people dead said police": "dead" tagged as an adverb before the verb is the predicate', () => {
  const text = 'The explosion left 5 people dead said police.'
  const doc = buildDoc(text, [quantity(text, '5', 5)], [attribution(text, '5 people dead', 'said', 'police')])
  const claim = claimFor(doc, '5')
  assert.equal(claim.category, 'killed')
  assert.equal(claim.source, 'police')
  // near-miss: "dead" as an adverb before an adjective names no one dead
  const set = 'Some 300 residents are dead set against the new road.'
  const setDoc = buildDoc(set, [quantity(set, 'Some 300', 300, { isApprox: true })])
  assert.notEqual(claimFor(setDoc, 'Some 300').category, 'killed')
})

test('a source cut at a hyphen ("chief Maria Kovac" of "Deputy-chief Maria Kovac") starts at the compound', () => {
  const text = 'Deputy-chief Maria Kovac said 120 soldiers had been wounded.'
  const doc = buildDoc(text, [quantity(text, '120', 120)], [attribution(text, 'chief Maria Kovac', 'said', '120 soldiers had been wounded')])
  assert.equal(claimFor(doc, '120').source, 'Deputy-chief Maria Kovac')
  // near-miss: a source after a spaced dash stays as it is
  const dash = 'The toll rose - officials said 120 soldiers had been wounded.'
  const dashDoc = buildDoc(dash, [quantity(dash, '120', 120)], [attribution(dash, 'officials', 'said', '120 soldiers had been wounded')])
  assert.equal(claimFor(dashDoc, '120').source, 'officials')
})

test('"An earlier version, citing a police officer, said 25": the one cited is the source', () => {
  const text = 'Correction: An earlier version, citing a police officer, said 25 people had drowned.'
  const doc = buildDoc(text, [quantity(text, '25', 25)],
    [attribution(text, 'An earlier version', 'said', '25 people had drowned')])
  assert.equal(claimFor(doc, '25').source, 'a police officer')
  // near-miss: a body citing records keeps its own word
  const army = 'The army, citing hospital records, said 25 people had drowned.'
  const armyDoc = buildDoc(army, [quantity(army, '25', 25)], [attribution(army, 'The army', 'said', '25 people had drowned')])
  assert.equal(claimFor(armyDoc, '25').source, 'The army')
})

test('a role resolved to an event ("the interior minister" -> "Olympic Games") is the person named later with that role', () => {
  const text = 'At least 14 people died after the Olympic Games opening, the interior minister said. ' +
    'Interior Minister Jonas Berglund told reporters the stands had been overfull.'
  const att = attribution(text, 'the interior minister', 'said', 'At least 14 people died after the Olympic Games opening', 'Olympic Games')
  const doc = buildDoc(text, [quantity(text, 'At least 14', 14, { bound: 'at_least' })], [att])
  assert.equal(claimFor(doc, 'At least 14').sourceEntity, 'Jonas Berglund')
  // near-miss: no one named with that role later: no name rather than the event's
  const alone = 'At least 14 people died after the Olympic Games opening, the interior minister said.'
  const aloneAtt = attribution(alone, 'the interior minister', 'said', 'At least 14 people died after the Olympic Games opening', 'Olympic Games')
  const aloneDoc = buildDoc(alone, [quantity(alone, 'At least 14', 14, { bound: 'at_least' })], [aloneAtt])
  assert.equal(claimFor(aloneDoc, 'At least 14').sourceEntity, null)
})

test('"will move ... before the 9 September": a deadline with "the" before its day is ahead, and the figure planned', () => {
  const text = 'The leader said that over 3,000 families evacuated from the flood zone will move into new flats before the 9 September , the founding day.'
  const doc = buildDoc(text, [quantity(text, 'over 3,000', 3000, { bound: 'at_least' })], [], '2026-08-01')
  const claim = claimFor(doc, 'over 3,000')
  assert.equal(claim.asOf, '2026-09-09')
  assert.equal(claim.isPlanned, true)
})

test('"between 6 and 12 May" dates a toll by the month, not its last day', () => {
  const text = 'Shelling killed 23 civilians between 6 and 12 May, the ministry said.'
  const doc = buildDoc(text, [quantity(text, '23', 23)], [attribution(text, 'the ministry', 'said', 'Shelling killed 23 civilians between 6 and 12 May')], '2026-05-20')
  assert.equal(claimFor(doc, '23').asOf, '2026-05')
})

test('"11 of the 30 buses that crashed": a total of things that a relative clause defines only frames the part', () => {
  const text = 'Inspectors found that 11 of the 30 buses that crashed on the pass since 2019 had worn brakes.'
  const doc = buildDoc(text, [quantity(text, '11', 11), quantity(text, '30', 30)])
  assert.ok(readable(doc).every((r) => r.quantity !== '30'))
  // near-misses: people the clause names are a count of their own; so is a total with a
  // category ("drones launched")
  const people = 'Inspectors found that 11 of the 30 passengers who were hurt in the crash had no seat belts.'
  assert.equal(claimFor(buildDoc(people, [quantity(people, '11', 11), quantity(people, '30', 30)]), '30').category, 'wounded')
  const drones = 'Air defences shot down 41 of the 45 drones that were launched overnight.'
  assert.equal(claimFor(buildDoc(drones, [quantity(drones, '41', 41), quantity(drones, '45', 45)]), '45').category, 'munitions')
})

test('"That compares with 640 ...": a bare figure compared back counts what the figure before it counts', () => {
  const text = 'Landslides have killed 912 people across the province this year, the governor said. That compares with 640 in the whole of 2024.'
  const doc = buildDoc(text, [quantity(text, '912', 912), quantity(text, '640', 640)],
    [attribution(text, 'the governor', 'said', 'Landslides have killed 912 people across the province this year')])
  const claim = claimFor(doc, '640')
  assert.equal(claim.category, 'killed')
  assert.equal(claim.source, null)
  // near-miss: no figure before it to compare with
  const alone = 'That compares with 640 in the whole of 2024.'
  assert.ok(readable(buildDoc(alone, [quantity(alone, '640', 640)])).every((r) => r.category !== 'killed'))
})

test('"The shelter, which housed some 9,000 people in May, holds fewer than 2,500, aid agencies estimate."', () => {
  const text = 'The shelter, which housed some 9,000 people in May, holds fewer than 2,500, aid agencies estimate.'
  const doc = buildDoc(text, [quantity(text, 'some 9,000', 9000, { isApprox: true }), quantity(text, 'fewer than 2,500', 2500, { bound: 'at_most' })])
  const before = claimFor(doc, 'some 9,000')
  const now = claimFor(doc, 'fewer than 2,500')
  // people a place of refuge housed, named in a relative clause, are displaced
  assert.equal(before.category, 'displaced')
  // a bound without a noun counts what the figure before counts
  assert.equal(now.category, 'displaced')
  // a base-form speech verb read as a noun after a plural, at the sentence's end, is the cue
  assert.equal(now.source, 'aid agencies')
  assert.equal(before.source, 'aid agencies')
  // near-misses: "the UN estimate" is a noun phrase; a factory that housed workers houses no displaced
  const noun = 'The camp holds 2,500 people, the UN estimate.'
  assert.equal(claimFor(buildDoc(noun, [quantity(noun, '2,500', 2500)]), '2,500').source, null)
  const factory = 'The factory, which housed some 9,000 workers in May, is closed.'
  assert.notEqual(claimFor(buildDoc(factory, [quantity(factory, 'some 9,000', 9000, { isApprox: true })]), 'some 9,000').category, 'displaced')
})

test('"The charity reports treating 75 patients with shrapnel wounds": the cue past a gerund, and people with wounds are wounded', () => {
  const text = 'The charity reports treating 75 patients with shrapnel wounds at its clinic.'
  const claim = claimFor(buildDoc(text, [quantity(text, '75', 75)]), '75')
  assert.equal(claim.category, 'wounded')
  assert.equal(claim.source, 'The charity')
  // near-misses: patients with an illness; "the reports" is a noun phrase
  const ill = 'The charity reports treating 75 patients with severe malaria at its clinic.'
  assert.equal(claimFor(buildDoc(ill, [quantity(ill, '75', 75)]), '75').category, 'other')
  const noun = 'The reports listing 75 patients with shrapnel wounds were leaked.'
  assert.equal(claimFor(buildDoc(noun, [quantity(noun, '75', 75)]), '75').source, null)
})

test('source: "she" resolved to the paper named in a person\'s apposition is that person, as for any other body (rev15)', () => {
  const text = 'The shelling stopped at dawn, said Dr. Sarah Miller, a columnist for the Kyiv Independent. Rescuers found 14 more bodies, she said.'
  const doc = buildDoc(text, [quantity(text, '14', 14)], [
    attribution(text, 'Dr. Sarah Miller', 'said', 'The shelling stopped at dawn', 'Sarah Miller'),
    { source: [find(text, ' she said')].map((f) => ({ start: f.start + 1, end: f.start + 4 })), cue: [find(text, 'said', 1)],
      content: [find(text, 'Rescuers found 14 more bodies')], kind: 'indirect', sourceEntity: 'Kyiv Independent' },
  ])
  assert.equal(claimFor(doc, '14').sourceEntity, 'Sarah Miller')
})
