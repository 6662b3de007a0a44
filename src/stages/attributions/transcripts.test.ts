import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Attribution, Entity } from '../../model/types.ts'
import { findSpeakerTurns } from './transcripts.ts'

const show = (text: string, a: Attribution) => ({
  source: text.slice(a.source[0].start, a.source[0].end),
  cue: text.slice(a.cue[0].start, a.cue[0].end),
  content: a.content.map((c) => text.slice(c.start, c.end)),
  entity: a.sourceEntity,
})

const QUOTED = [
  'On Sunday, anchor Dana Ortiz interviewed Governor Sam Reyes. A partial transcript:',
  '',
  '"ORTIZ: How many homes were lost in the fire?',
  '',
  '"REYES: At least 1,200, and the count is still rising.',
  '',
  '"(CROSSTALK.)',
  '',
  '"We will rebuild every one of them.',
  '',
  '"ORTIZ: Thank you, Governor."',
  '',
  'The fire was contained on Monday.',
].join('\n')

test('each turn of a quoted transcript is an attribution to its speaker', () => {
  const got = findSpeakerTurns(QUOTED, [], []).map((a) => show(QUOTED, a))
  assert.deepEqual(got, [
    { source: 'ORTIZ', cue: ':', content: ['How many homes were lost in the fire?'], entity: 'Ortiz' },
    // the continuation paragraph belongs to the turn; the crosstalk note does not
    { source: 'REYES', cue: ':', content: ['At least 1,200, and the count is still rising.', 'We will rebuild every one of them.'], entity: 'Reyes' },
    // the last turn stops at its paragraph (and its closing mark): the article resumes after it
    { source: 'ORTIZ', cue: ':', content: ['Thank you, Governor.'], entity: 'Ortiz' },
  ])
})

test('a label resolves to the fullest person mention ending in it', () => {
  const at = (name: string): Entity => {
    const start = QUOTED.indexOf(name)
    return { start, end: start + name.length, type: 'PERSON', canonical: null, country: null }
  }
  const got = findSpeakerTurns(QUOTED, [at('Dana Ortiz'), at('Sam Reyes')], []).map((a) => a.sourceEntity)
  assert.deepEqual(got, ['Dana Ortiz', 'Sam Reyes', 'Dana Ortiz'])
})

test('an unquoted interview with two-word labels', () => {
  const text = 'KATE HOLM: Why not debate?\n\nJOEL BRANDT: Because the schedule is full.\n\nHOLM: Is that the only reason?'
  const got = findSpeakerTurns(text, [], []).map((a) => show(text, a))
  assert.deepEqual(got.map((g) => [g.source, g.content.join(' | ')]), [
    ['KATE HOLM', 'Why not debate?'], ['JOEL BRANDT', 'Because the schedule is full.'], ['HOLM', 'Is that the only reason?'],
  ])
})

test('section labels are not speakers', () => {
  const cases = [
    // one label alone
    'CORRECTION: An earlier version misstated the toll.\n\nThe storm killed 12 people.',
    // two labels, neither a name the article uses or repeats
    'STORM: The toll rose to 14.\n\nFLOODS: Rivers crested overnight.',
    // section labels, even where one recurs
    'UPDATE: The toll rose to 14.\n\nCORRECTION: An earlier version misstated the date.\n\nUPDATE: 15.',
    // a headline in capitals with a colon inside a paragraph, not at its start
    'Officials said: THE TOLL IS 14.\n\nOthers disagreed.',
  ]
  for (const text of cases) assert.deepEqual(findSpeakerTurns(text, [], []), [], text)
})

test('a colon the cue tagger already took is left alone', () => {
  const text = 'LEE: We need 300 more beds.\n\nPARK: We have none.\n\nLEE: Then find some.'
  const known: Attribution[] = [{ source: [{ start: 0, end: 3 }], cue: [{ start: 3, end: 4 }], content: [{ start: 5, end: 26 }], kind: 'direct', sourceEntity: 'Lee' }]
  assert.deepEqual(findSpeakerTurns(text, [], known).map((a) => show(text, a).content.join()), ['We have none.', 'Then find some.'])
})

test('a turn whose own paragraph is marks alone keeps only the words that follow', () => {
  const text = 'ORTIZ: How many?\nREYES: "\nAt least 1,200.\nORTIZ: …\nREYES: Thank you.\n'
  const got = findSpeakerTurns(text, [], []).map((a) => show(text, a))
  assert.deepEqual(got.map((g) => g.content), [['How many?'], ['At least 1,200.'], ['Thank you.']])
})

test('a place before a colon is a dateline, not a speaker', () => {
  const text = 'Protests spread across Europe, from London to Paris.\n\nLONDON: Thousands marched.\n\nPARIS: Police held 40 people.\n\nLONDON: The march ended.'
  const places: Entity[] = []
  for (const name of ['LONDON', 'PARIS']) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      places.push({ start: at, end: at + name.length, type: 'GPE', canonical: null, country: null })
    }
  }
  assert.ok(findSpeakerTurns(text, [], []).length > 0, 'without entities the labels pass for names')
  assert.deepEqual(findSpeakerTurns(text, places, []), [])
})
