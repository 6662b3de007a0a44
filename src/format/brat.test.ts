import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isClaimtrailError } from '../model/errors.ts'
import type { Attribution, CharSpan } from '../model/types.ts'
import { readBrat, writeBrat } from './brat.ts'

/** UTF-16 span of the `n`-th occurrence of `needle` in `text`. */
function at(text: string, needle: string, n = 0): CharSpan {
  let start = -1
  for (let i = 0; i <= n; i++) {
    start = text.indexOf(needle, start + 1)
    assert.ok(start >= 0, `"${needle}" #${n} not in text`)
  }
  return { start, end: start + needle.length }
}

function attribution(parts: { source?: CharSpan[]; cue: CharSpan[]; content: CharSpan[] }): Attribution {
  return { source: parts.source ?? [], cue: parts.cue, content: parts.content, kind: 'indirect', sourceEntity: null }
}

test('writeBrat follows the PolNeAR layout: Source, Cue, Content, trigger, event', () => {
  const text = 'Taxes will rise, officials said.'
  const ann = writeBrat(text, [attribution({
    source: [at(text, 'officials')], cue: [at(text, 'said')], content: [at(text, 'Taxes will rise')],
  })])
  assert.equal(ann, [
    'T1\tSource 17 26\tofficials',
    'T2\tCue 27 31\tsaid',
    'T3\tContent 0 15\tTaxes will rise',
    'T4\tAttribution 27 31\tsaid',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    '',
  ].join('\n'))
})

test('an attribution without a source has no Source: argument and the no-source trigger', () => {
  const text = 'Taxes will rise, it was said.'
  const ann = writeBrat(text, [attribution({ cue: [at(text, 'was said')], content: [at(text, 'Taxes will rise')] })])
  assert.equal(ann, [
    'T1\tCue 20 28\twas said',
    'T2\tContent 0 15\tTaxes will rise',
    'T3\tAttribution-no-source 20 28\twas said',
    'E1\tAttribution-no-source:T3 Content:T2 Cue:T1',
    '',
  ].join('\n'))
  assert.deepEqual(readBrat(ann, text), [{ id: 'E1', source: [], cue: [{ start: 20, end: 28 }], content: [{ start: 0, end: 15 }] }])
})

test('offsets count code points when emoji precede the spans; discontinuous spans round-trip', () => {
  const text = '😀🎉 "We will win," Smith said, "and soon." 🇺🇸 Jones said 𝒳 rose.'
  const a1 = attribution({
    source: [at(text, 'Smith')], cue: [at(text, 'said')],
    content: [at(text, 'We will win,'), at(text, 'and soon.')],
  })
  const a2 = attribution({ source: [at(text, 'Jones')], cue: [at(text, 'said', 1)], content: [at(text, '𝒳 rose')] })
  const ann = writeBrat(text, [a1, a2])
  // Two astral characters (4 UTF-16 units) precede "We": code point 4, not 6.
  assert.match(ann, /^T3\tContent 4 16;31 40\tWe will win, and soon\.$/m)
  const cps = Array.from(text)
  const read = readBrat(ann, text)
  assert.equal(read.length, 2)
  const covered = (spans: readonly { start: number; end: number }[]) => spans.map((s) => cps.slice(s.start, s.end).join(''))
  assert.deepEqual(covered(read[0].content), ['We will win,', 'and soon.'])
  assert.deepEqual(covered(read[0].source), ['Smith'])
  assert.deepEqual(covered(read[1].source), ['Jones'])
  assert.deepEqual(covered(read[1].cue), ['said'])
  assert.deepEqual(covered(read[1].content), ['𝒳 rose'])
})

test('a span across a paragraph break is split into fragments, as brat and PolNeAR do', () => {
  const text = 'The count was 3.\n\nThe number of people vetted, the paper reported.'
  const content = { start: at(text, '3.').start, end: at(text, 'vetted').end }
  const ann = writeBrat(text, [attribution({ source: [at(text, 'the paper')], cue: [at(text, 'reported')], content: [content] })])
  assert.equal(ann.split('\n').length, 6, 'every annotation stays on one line')
  assert.match(ann, /^T3\tContent 14 16;18 45\t3\. The number of people vetted$/m)
  assert.deepEqual(readBrat(ann, text)[0].content, [{ start: 14, end: 16 }, { start: 18, end: 45 }])
})

test('attributions with no cue use the content as trigger; with neither they are skipped', () => {
  const text = 'Rain, the forecasters.'
  const ann = writeBrat(text, [
    attribution({ source: [at(text, 'the forecasters')], cue: [], content: [at(text, 'Rain')] }),
    attribution({ cue: [], content: [] }),
  ])
  assert.equal(ann, 'T1\tSource 6 21\tthe forecasters\nT2\tContent 0 4\tRain\nT3\tAttribution 0 4\tRain\nE1\tAttribution:T3 Content:T2 Source:T1\n')
  assert.equal(writeBrat(text, []), '')
})

test('writeBrat refuses a fragment outside the text', () => {
  assert.throws(() => writeBrat('short', [attribution({ cue: [{ start: 2, end: 9 }], content: [] })]),
    (e) => isClaimtrailError(e, 'PIPELINE'))
})

test('readBrat: later T, Content2 merged, Discuss ignored, role-less events and notes skipped', () => {
  const text = 'He said that taxes rise and that costs fall. Odd bit. They claimed nothing.'
  const ann = [
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5',
    'T1\tSource 0 2\tHe',
    'T2\tCue 3 7\tsaid',
    'T3\tContent 8 23\tthat taxes rise',
    'T4\tAttribution 3 7\tsaid',
    'T5\tContent 28 43\tthat costs fall',
    'T6\tDiscuss 44 52\tOdd bit.',
    'T7\tDiscard 53 57\tThey',
    'E2\tAttribution:T8 Cue:T6',
    'T8\tAttribution 44 52\tOdd bit.',
    'E3\tAttribution:T8 ',
    '#1\tAnnotatorNotes T6\tShould this be here?',
    'a stray tail of a text field that held a line break',
    '',
  ].join('\n')
  assert.deepEqual(readBrat(ann, text), [{
    id: 'E1', source: [{ start: 0, end: 2 }], cue: [{ start: 3, end: 7 }],
    content: [{ start: 8, end: 23 }, { start: 28, end: 43 }],
  }])
})

test('readBrat trims white space at fragment edges (in code points) when given the text', () => {
  const text = '🙂 Officials  said:  prices\nrise . '
  const ann = 'T1\tSource 1 12\t Officials \nT2\tCue 12 19\t said: \nT3\tContent 19 33;33 34\t  prices rise  \nT4\tAttribution 13 18\tsaid:\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n'
  const [a] = readBrat(ann, text)
  const cps = Array.from(text)
  const covered = (spans: readonly { start: number; end: number }[]) => spans.map((s) => cps.slice(s.start, s.end).join(''))
  assert.deepEqual(covered(a.source), ['Officials'])
  assert.deepEqual(covered(a.cue), ['said:'])
  // The second fragment is only white space: dropped.
  assert.deepEqual(covered(a.content), ['prices\nrise .'])
  // Without the text nothing is trimmed.
  assert.deepEqual(readBrat(ann)[0].source, [{ start: 1, end: 12 }])
})

test('readBrat rejects malformed lines, unknown references and offsets past the text', () => {
  const bad = (ann: string, text?: string) =>
    assert.throws(() => readBrat(ann, text), (e) => isClaimtrailError(e, 'BAD_INPUT'))
  bad('T1\tCue 5 x\tsaid\n')
  bad('T1\tCue 9 5\tsaid\n')
  bad('T1\tCue\tsaid\n')
  bad('T1\tCue 0 4\tsaid\nE1\tAttribution:T2 Cue:T9\n')
  bad('T1\tCue 0 40\tsaid\n', 'short text')
})
