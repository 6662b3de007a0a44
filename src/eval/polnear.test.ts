import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readBrat, type BratAttribution } from '../format/brat.ts'
import { isClaimtrailError } from '../model/errors.ts'
import {
  annDirPredictor, formatScoresTable, loadPolnearSplit, ROLES, scoreDocuments, scorePolnear,
  type PolnearDoc, type PolnearScores,
} from './polnear.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const SPLIT = join(root, 'test', 'fixtures', 'brat', 'polnear-mini')
const PREDICTIONS = join(root, 'test', 'fixtures', 'brat', 'predictions')
const REAL_DEV = join(root, '..', 'shared', 'data', 'polnear', 'dev')

/** A predictor that answers with the gold file itself (the first annotator's). */
function goldPredictor(dir: string, docs: readonly PolnearDoc[]) {
  const byName = new Map(docs.map((d) => [d.name, d.annotator]))
  return (name: string) => readFileSync(join(dir, 'attributions', `${name}_${byName.get(name)}.ann`), 'utf8')
}

/** Every F1, precision and recall of a score set. */
function allFigures(s: PolnearScores): [string, number][] {
  const out: [string, number][] = []
  for (const role of ROLES) {
    for (const k of ['precision', 'recall', 'f1'] as const) {
      out.push([`exact ${role} ${k}`, s.exact[role][k]], [`overlap ${role} ${k}`, s.overlap[role][k]])
    }
  }
  for (const kind of ['exact', 'lenient'] as const) {
    for (const k of ['precision', 'recall', 'f1'] as const) out.push([`relation ${kind} ${k}`, s.relation[kind][k]])
  }
  return out
}

const cp = (text: string, spans: readonly { start: number; end: number }[]) =>
  spans.map((s) => Array.from(text).slice(s.start, s.end).join(''))

test('the split loader takes the first annotator and applies the reading rules', () => {
  const docs = loadPolnearSplit(SPLIT)
  assert.deepEqual(docs.map((d) => [d.name, d.annotator]), [['doc-a', 'x1'], ['doc-b', 'x3'], ['doc-c', 'x2']])
  // x1 annotated two attributions of doc-a; x2 only one.
  assert.equal(docs[0].gold.length, 2)
  const b = docs[1]
  // E4 names only a Discuss span and E5 no role: both ignored; E3 names later T lines.
  assert.deepEqual(b.gold.map((a) => a.id), ['E1', 'E2', 'E3'])
  assert.deepEqual(cp(b.text, b.gold[0].content), ['We won,', 'and we will govern.'], 'Content2 merged into content')
  assert.deepEqual(cp(b.text, b.gold[0].source), ['Smith'], 'offsets are code points after an emoji')
  assert.deepEqual(cp(b.text, b.gold[1].content), ['that turnout rose'], 'leading space trimmed')
  assert.deepEqual(b.gold[1].source, [])
  assert.deepEqual(cp(b.text, b.gold[2].cue), ['doubt'])
  assert.deepEqual(docs[2].gold, [])
})

test('gold scored against itself is 1.0 everywhere', () => {
  const docs = loadPolnearSplit(SPLIT)
  const scores = scorePolnear(docs, goldPredictor(SPLIT, docs))
  for (const [name, value] of allFigures(scores)) assert.equal(value, 1, name)
  assert.deepEqual([scores.exact.source.gold, scores.exact.cue.gold, scores.exact.content.gold], [4, 5, 6])
  assert.equal(scores.relation.exact.gold, 5)
})

test('no predictions score 0 everywhere, with the gold still counted', () => {
  const scores = scorePolnear(SPLIT, () => '')
  for (const [name, value] of allFigures(scores)) assert.equal(value, 0, name)
  assert.equal(scores.documents, 3)
  assert.equal(scores.exact.content.gold, 6)
  assert.equal(scores.relation.lenient.predicted, 0)
})

test('the second annotator is not gold: its file as a prediction scores below 1', () => {
  const scores = scorePolnear(SPLIT, (name) =>
    name === 'doc-a' ? readFileSync(join(SPLIT, 'attributions', 'doc-a_x2.ann'), 'utf8') : '')
  // x2 has "officials"/"said" as x1 does, and a content one comma longer.
  assert.equal(scores.exact.source.matched, 1)
  assert.equal(scores.exact.content.matched, 0)
  assert.ok(scores.relation.lenient.matched === 1 && scores.relation.exact.matched === 0)
})

test('a partial prediction gives the figures computed by hand', () => {
  const docA = loadPolnearSplit(SPLIT).filter((d) => d.name === 'doc-a')
  const s = scorePolnear(docA, annDirPredictor(PREDICTIONS))
  const close = (actual: number, expected: number, what: string) =>
    assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} != ${expected}`)
  // Gold: officials said [Taxes will rise next year]; The mayor said [the budget is balanced].
  // Predicted: officials [said on Monday] [Taxes will rise]; [mayor] said [the budget is balanced.]
  close(s.exact.source.f1, 0.5, 'exact source')
  close(s.exact.cue.f1, 0.5, 'exact cue')
  close(s.exact.content.f1, 0, 'exact content')
  // Source: P = (1 + 1) / 2; R = (1 + 1/2) / 2.
  close(s.overlap.source.precision, 1, 'overlap source P')
  close(s.overlap.source.recall, 0.75, 'overlap source R')
  close(s.overlap.source.f1, 6 / 7, 'overlap source F1')
  // Cue: "said on Monday" has 1 of 3 tokens in gold; recall is full.
  close(s.overlap.cue.precision, 2 / 3, 'overlap cue P')
  close(s.overlap.cue.recall, 1, 'overlap cue R')
  close(s.overlap.cue.f1, 0.8, 'overlap cue F1')
  // Content: P = (3/3 + 4/5) / 2 = 0.9; R = (3/5 + 4/4) / 2 = 0.8.
  close(s.overlap.content.precision, 0.9, 'overlap content P')
  close(s.overlap.content.recall, 0.8, 'overlap content R')
  close(s.overlap.content.f1, 1.44 / 1.7, 'overlap content F1')
  // No content is exact; both pairs have content Dice 6/8 and 8/9, source Dice 1 and 2/3.
  close(s.relation.exact.f1, 0, 'relation exact')
  assert.equal(s.relation.lenient.matched, 2)
  close(s.relation.lenient.f1, 1, 'relation lenient')
})

// A hand-built document for the relation rules.
const TEXT = 'Officials said taxes rise. Prices fall, it was said. Experts said wages stagnate.'
const ann = (lines: string[]) => readBrat(lines.join('\n'), TEXT)
const GOLD: BratAttribution[] = ann([
  'T1\tSource 0 9\tOfficials', 'T2\tCue 10 14\tsaid', 'T3\tContent 15 25\ttaxes rise', 'T4\tAttribution 10 14\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tCue 43 51\twas said', 'T6\tContent 27 38\tPrices fall', 'T7\tAttribution-no-source 43 51\twas said',
  'E2\tAttribution-no-source:T7 Content:T6 Cue:T5',
])

function score(predicted: BratAttribution[]) {
  return scoreDocuments([{ name: 'd', text: TEXT, gold: GOLD, predicted }])
}

test('a gold attribution without a source matches only a prediction without one', () => {
  const withSource = ann(['T1\tSource 53 60\tExperts', 'T2\tCue 43 51\twas said', 'T3\tContent 27 38\tPrices fall',
    'T4\tAttribution 43 51\twas said', 'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1'])
  assert.equal(score(withSource).relation.lenient.matched, 0)
  assert.equal(score(withSource).relation.exact.matched, 0)
  const without = ann(['T2\tCue 43 51\twas said', 'T3\tContent 27 38\tPrices fall',
    'T4\tAttribution-no-source 43 51\twas said', 'E1\tAttribution-no-source:T4 Content:T3 Cue:T2'])
  assert.equal(score(without).relation.exact.matched, 1)
  // And a gold source is not matched by a prediction that has none.
  const noSourceForE1 = ann(['T2\tCue 10 14\tsaid', 'T3\tContent 15 25\ttaxes rise', 'T4\tAttribution 10 14\tsaid',
    'E1\tAttribution-no-source:T4 Content:T3 Cue:T2'])
  assert.equal(score(noSourceForE1).relation.lenient.matched, 0)
})

test('relation matching is one-to-one and ignores the cue', () => {
  // The same attribution predicted twice, with a wrong cue: one match, one false positive.
  const twice = ann(['T1\tSource 0 9\tOfficials', 'T2\tCue 20 25\trise', 'T3\tContent 15 25\ttaxes rise',
    'T4\tAttribution 20 25\trise', 'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1', 'E2\tAttribution:T4 Content:T3 Cue:T2 Source:T1'])
  const s = score(twice)
  assert.deepEqual([s.relation.exact.matched, s.relation.exact.predicted, s.relation.exact.gold], [1, 2, 2])
  assert.equal(s.relation.exact.precision, 0.5)
  assert.equal(s.relation.exact.recall, 0.5)
})

test('component scores count a fragment shared by two attributions once', () => {
  // Two predicted attributions share the source "Officials" and the cue "said".
  const shared = ann(['T1\tSource 0 9\tOfficials', 'T2\tCue 10 14\tsaid', 'T3\tContent 15 25\ttaxes rise',
    'T4\tContent 27 38\tPrices fall', 'T5\tAttribution 10 14\tsaid',
    'E1\tAttribution:T5 Content:T3 Cue:T2 Source:T1', 'E2\tAttribution:T5 Content:T4 Cue:T2 Source:T1'])
  const s = score(shared)
  assert.deepEqual([s.exact.source.matched, s.exact.source.predicted, s.exact.source.gold], [1, 1, 1])
  assert.deepEqual([s.exact.cue.matched, s.exact.cue.predicted, s.exact.cue.gold], [1, 1, 2])
  assert.deepEqual([s.exact.content.matched, s.exact.content.predicted], [2, 2])
})

test('a malformed prediction is reported with the document name', () => {
  assert.throws(() => scorePolnear(SPLIT, (name) => (name === 'doc-b' ? 'T1\tCue 0 999\tx\n' : '')),
    (e) => isClaimtrailError(e, 'BAD_INPUT') && e.message.includes('doc-b'))
  assert.throws(() => loadPolnearSplit(join(SPLIT, 'text')), (e) => isClaimtrailError(e, 'NOT_FOUND'))
})

test('the table shows every figure and the published anchors', () => {
  const docs = loadPolnearSplit(SPLIT)
  const table = formatScoresTable(scorePolnear(docs, goldPredictor(SPLIT, docs)))
  assert.match(table, /PolNeAR, 3 documents/)
  assert.match(table, /component exact {3}content +100\.0 +100\.0 +100\.0 +6 +6/)
  assert.match(table, /relation lenient +100\.0/)
  assert.match(table, /CofeNet, BERT-base \+ Cofe \(COLING 2022\) +83\.2 +75\.3 +72\.9/)
  assert.match(table, /CofeNet, 2-layer BiLSTM \+ Cofe, no pretraining +73\.3 +66\.2 +63\.6/)
  assert.match(table, /human agreement between PolNeAR annotators +77\.9 +70\.5 +68\.3/)
})

test('real PolNeAR dev: gold against itself scores 1.0', (t) => {
  if (!existsSync(REAL_DEV)) {
    t.skip(`PolNeAR dev not found at ${REAL_DEV}; the shared data is absent on this machine`)
    return
  }
  const docs = loadPolnearSplit(REAL_DEV)
  assert.equal(docs.length, 84)
  const scores = scorePolnear(docs, goldPredictor(REAL_DEV, docs))
  for (const [name, value] of allFigures(scores)) assert.equal(value, 1, name)
  assert.ok(scores.relation.exact.gold > 1000)
})
