import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { BratAttribution, CodePointSpan } from '../format/brat.ts'
import { errorBudget, formatErrorBudget } from './errors.ts'

const TEXT = 'Officials said that 40 bridges were closed on Monday. "We are rebuilding," the mayor told reporters. Critics warned of delays.'

/** The span of `needle` in TEXT (ASCII, so code points are UTF-16 offsets). */
function at(needle: string): CodePointSpan {
  const start = TEXT.indexOf(needle)
  if (start < 0) throw new Error(`"${needle}" not in the test text`)
  return { start, end: start + needle.length }
}

const att = (id: string, source: string | null, cue: string, content: string[]): BratAttribution => ({
  id, source: source === null ? [] : [at(source)], cue: [at(cue)], content: content.map(at),
})

const GOLD = [
  att('E1', 'Officials', 'said', ['that 40 bridges were closed on Monday']),
  att('E2', 'the mayor', 'told', ['"We are rebuilding,"']),
  att('E3', 'Critics', 'warned of', ['delays']),
]

test('a prediction equal to gold has no errors', () => {
  const b = errorBudget([{ name: 'd', text: TEXT, gold: GOLD, predicted: GOLD }])
  assert.deepEqual(b.cue, { right: 3, extent: 0, spurious: 0, missed: 0, gold: 3 })
  assert.equal(b.rightCue.whole, 3)
  assert.equal(b.rightCue.source.right, 3)
  assert.equal(b.rightCue.content.right, 3)
})

test('errors fall in their classes', () => {
  const predicted = [
    // right cue, content end too long (far boundary), source cut (boundary)
    att('E1', 'Officials', 'said', ['that 40 bridges were closed on Monday. "We']),
    // right cue, content before it that stops short of the cue (near boundary), no source
    att('E2', null, 'told', ['"We are rebuilding,']),
    // cue with another extent
    att('E3', 'Critics', 'warned', ['delays']),
    // a cue gold does not have
    att('E4', 'the mayor', 'rebuilding', ['reporters']),
  ]
  predicted[0] = { ...predicted[0], source: [{ start: 0, end: 5 }] }
  const b = errorBudget([{ name: 'd', text: TEXT, gold: GOLD, predicted }])
  assert.deepEqual(b.cue, { right: 2, extent: 1, spurious: 1, missed: 0, gold: 3 })
  assert.equal(b.rightCue.attributions, 2)
  assert.equal(b.rightCue.whole, 0)
  assert.deepEqual(b.rightCue.source, { right: 0, boundary: 1, wrong: 0, missing: 1, extra: 0 })
  assert.deepEqual(b.rightCue.content, { right: 0, near: 1, far: 1, stray: 0, missed: 0 })
  assert.match(formatErrorBudget(b), /other extent 1/)
})

test('a missed cue and a missed content fragment are counted on the gold side', () => {
  const gold = [att('E1', 'the mayor', 'told', ['"We are rebuilding,"', 'Critics warned of delays.'])]
  const predicted = [att('E1', 'the mayor', 'told', ['"We are rebuilding,"'])]
  const b = errorBudget([
    { name: 'a', text: TEXT, gold, predicted },
    { name: 'b', text: TEXT, gold: [GOLD[0]], predicted: [] },
  ])
  assert.equal(b.cue.missed, 1)
  assert.equal(b.rightCue.content.missed, 1)
  assert.equal(b.rightCue.content.right, 1)
  assert.equal(b.rightCue.whole, 0)
})

test('two gold attributions sharing a cue are each scored against their own prediction', () => {
  const text = 'Lee and Park said 40 and 50, respectively.'
  const span = (needle: string) => { const start = text.indexOf(needle); return { start, end: start + needle.length } }
  const gold: BratAttribution[] = [
    { id: 'E1', source: [span('Lee')], cue: [span('said')], content: [span('40')] },
    { id: 'E2', source: [span('Park')], cue: [span('said')], content: [span('50')] },
  ]
  const b = errorBudget([{ name: 'd', text, gold, predicted: [gold[1], gold[0]] }])
  assert.equal(b.rightCue.attributions, 2)
  assert.equal(b.rightCue.whole, 2)
})
