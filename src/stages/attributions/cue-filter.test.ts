import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { Doc } from '../../model/doc.ts'
import {
  attributionsStage, cuesWithRoles, extractAttributions, filterFeatures, findCueCandidates, findCues, findRoles,
  loadAttributionModel, nestedCandidate, Scratch, tidyRoles,
} from './attributions.ts'
import { CueFilter, cueContextFeatures, cueFilterFeatures, K_CONTEXT, K_FILTER, K_ROLES, loadCueFilter, type CueCandidate } from './cue-filter.ts'
import { defaultEndRanker } from './content-spans.ts'
import { prepare } from './features.ts'

const nlp = loadWink()
const model = loadAttributionModel()
const ranker = defaultEndRanker()

function prep(text: string) {
  const t = tokenize(nlp, text)
  return prepare(text, t.tokens, t.sentences)
}

const TEXT = 'The minister said on Monday that the plan would fail. Critics warned it was too late.\n\n'
  + 'Smith, who has long opposed the bill, believes the vote will be close, aides noted.'

test('without a bonus the candidates are the tagger\'s cues, all marked base', () => {
  const p = prep(TEXT)
  const isCue = new Uint8Array(p.n)
  const cands = findCueCandidates(model, p, 0, isCue, new Scratch())
  const cues = findCues(model, p, new Scratch())
  assert.deepEqual(cands.map((c) => [c.start, c.end]), cues.map((c) => [c.start, c.end]))
  assert.ok(cands.length > 0)
  assert.ok(cands.every((c) => c.base === 1))
  for (const c of cues) for (let i = c.start; i < c.end; i++) assert.equal(isCue[i], 1)
})

test('a bonus proposes more candidates; only the tagger\'s own are base, and isCue keeps the tagger\'s', () => {
  const p = prep(TEXT)
  const isCue = new Uint8Array(p.n)
  const huge = findCueCandidates(model, p, 1e6, isCue, new Scratch())
  const cues = findCues(model, p, new Scratch())
  // With an overwhelming bonus every token starts a cue: one-token candidates everywhere.
  assert.equal(huge.length, p.n)
  const own = new Set(cues.filter((c) => c.end - c.start === 1).map((c) => c.start))
  for (const c of huge) assert.equal(c.base, own.has(c.start) ? 1 : 0)
  const expected = new Uint8Array(p.n)
  for (const c of cues) expected.fill(1, c.start, c.end)
  assert.deepEqual(isCue, expected)
  // The margin is the emission before the bonus: finite, and the same for a one-token
  // candidate (its opening label U at any bonus) at any bonus.
  const some = findCueCandidates(model, p, 5, new Uint8Array(p.n), new Scratch())
  assert.ok(some.some((c) => c.end - c.start === 1))
  for (const c of some) {
    if (c.end - c.start !== 1) continue
    const h = huge[c.start]
    assert.ok(Number.isFinite(c.margin))
    assert.ok(Math.abs(h.margin - c.margin) < 1e-6)
  }
})

test('filter features: one value per slot, and they see whether a source was found', () => {
  const p = prep(TEXT)
  const sc = new Scratch()
  const isCue = new Uint8Array(p.n)
  const cands = findCueCandidates(model, p, 20, isCue, sc)
  const k = cands.findIndex((c) => p.tokens.lemma[c.start] === 'say')
  assert.ok(k >= 0)
  const roles = tidyRoles(p, cands[k], findRoles(model, p, cands[k], isCue, sc), isCue)
  assert.ok(roles.source.length > 0 && roles.content.length > 0)
  const a = filterFeatures(model, p, cands, k, roles, sc, new Int32Array(K_ROLES + 2), 1)
  assert.equal(a[0], 0)
  assert.equal(a[K_ROLES + 1], 0)
  assert.equal(new Set(a.subarray(1, K_ROLES + 1)).size, K_ROLES)
  const em = { scores: new Float64Array(0), from: 0, to: 0 }
  const withSrc = new Int32Array(K_ROLES)
  const without = new Int32Array(K_ROLES)
  cueFilterFeatures(p, cands, k, roles.source, roles.content, em, 0, withSrc, 0)
  cueFilterFeatures(p, cands, k, [], roles.content, em, 0, without, 0)
  assert.notDeepEqual(withSrc, without)
})

test('context features: every slot filled, and they see a candidate whose content holds another, or shares its content', () => {
  const p = prep('Officials said that the senator believed reporters knew the bill was dead.')
  const at = (w: string) => p.tokens.lemma.findIndex((l) => l === w)
  const said = at('say')
  const believed = at('believe')
  const knew = at('know')
  const cands: CueCandidate[] = [
    { start: said, end: said + 1, base: 1, margin: 0 },
    { start: believed, end: believed + 1, base: 0, margin: 0 },
    { start: knew, end: knew + 1, base: 0, margin: 0 },
  ]
  const outer = { source: [{ start: 0, end: said }], content: [{ start: said + 1, end: p.n - 1 }] }
  const inner = { source: [{ start: believed - 2, end: believed }], content: [{ start: believed + 1, end: p.n - 1 }] }
  const third = { source: [{ start: knew - 1, end: knew }], content: [{ start: knew + 1, end: p.n - 1 }] }
  const all = new Int32Array(K_CONTEXT + 1)
  cueContextFeatures(p, cands, [outer, inner, third], 0, all, 1)
  assert.equal(all[0], 0)
  assert.equal(new Set(all.subarray(1)).size, K_CONTEXT)
  // the outer one holds two candidates, or one when the other has no content (the filter does not see it)
  const one = new Int32Array(K_CONTEXT + 1)
  cueContextFeatures(p, cands, [outer, inner, null], 0, one, 1)
  assert.notDeepEqual(all, one)
  // the inner one shares its content with the outer one
  const shared = new Int32Array(K_CONTEXT)
  const alone = new Int32Array(K_CONTEXT)
  cueContextFeatures(p, cands, [outer, inner, null], 1, shared, 0)
  cueContextFeatures(p, cands, [null, inner, null], 1, alone, 0)
  assert.notDeepEqual(shared, alone)
  assert.equal(K_FILTER, K_ROLES + K_CONTEXT)
})

test('nestedCandidate: a candidate in the content of one the tagger proposes alone, unless it is a verb of saying', () => {
  const p = prep('Officials said that the senator believed the bill was dead, aides reported.')
  const at = (w: string) => p.tokens.lemma.findIndex((l) => l === w)
  const said = at('say')
  const believed = at('believe')
  const reported = at('report')
  const cand = (i: number, base: number): CueCandidate => ({ start: i, end: i + 1, base, margin: 0 })
  const empty = { source: [], content: [] }
  const outer = { source: [{ start: 0, end: said }], content: [{ start: said + 1, end: reported - 2 }] }
  const inner = { source: [{ start: believed - 2, end: believed }], content: [{ start: believed + 1, end: reported - 2 }] }
  assert.ok(nestedCandidate(p, [cand(said, 1), cand(believed, 0)], [outer, inner], 1))
  // the outer one a bonus candidate: the filter may drop it, so the inner one is judged
  assert.ok(!nestedCandidate(p, [cand(said, 0), cand(believed, 0)], [outer, inner], 1))
  // the outer one without content
  assert.ok(!nestedCandidate(p, [cand(said, 1), cand(believed, 0)], [empty, inner], 1))
  // a verb of saying stays nested
  const wide = { source: [{ start: 0, end: said }], content: [{ start: said + 1, end: p.n - 1 }] }
  assert.ok(!nestedCandidate(p, [cand(said, 1), cand(reported, 0)], [wide, { source: [], content: [{ start: said + 1, end: reported - 2 }] }], 1))
  // two that run over each other are left to the rule
  assert.ok(!nestedCandidate(p, [cand(said, 1), cand(believed, 0)], [outer, { source: [], content: [{ start: 0, end: said + 1 }] }], 1))
})

test('the filter learns a separable keep/drop problem and survives serialisation', () => {
  const feats = (tag: number) => {
    const f = new Int32Array(K_FILTER)
    for (let j = 0; j < K_FILTER; j++) f[j] = j === 0 ? 7 : tag * 1000 + j
    return f
  }
  const f = new CueFilter(20, 0, 12)
  f.beginTraining()
  for (let e = 0; e < 5; e++) { f.train(feats(1), 0, 1); f.train(feats(2), 0, 0) }
  f.average()
  assert.ok(f.keep(feats(1)))
  assert.ok(!f.keep(feats(2)))
  const g = CueFilter.fromBuffer(f.toBuffer())
  assert.equal(g.bonus, 20)
  assert.equal(g.threshold, 0)
  assert.equal(g.bits, 12)
  assert.deepEqual(g.weights, f.weights)
  assert.throws(() => CueFilter.fromBuffer(Buffer.from('not a filter at all, no')), /cue filter/)
  assert.throws(() => loadCueFilter('/nonexistent/cue-filter.bin'), /missing/)
})

test('cuesWithRoles: a filter that drops everything leaves only content-less cues; one that keeps all keeps the candidates', () => {
  const p = prep(TEXT)
  const none = cuesWithRoles(model, p, null, ranker, new Scratch())
  assert.deepEqual(none.map((x) => x.cue), findCues(model, p, new Scratch()).map((c) => ({ start: c.start, end: c.end })))
  const dropAll = new CueFilter(0, Infinity)
  assert.ok(cuesWithRoles(model, p, dropAll, ranker, new Scratch()).every((x) => x.roles.content.length === 0))
  const keepAll = new CueFilter(0, -Infinity)
  const kept = cuesWithRoles(model, p, keepAll, ranker, new Scratch())
  assert.deepEqual(kept.map((x) => [x.cue.start, x.cue.end]), none.map((x) => [x.cue.start, x.cue.end]))
  assert.deepEqual(kept.map((x) => x.roles), none.map((x) => x.roles))
})

test('the committed filter keeps a plain reported speech cue', () => {
  const filter = loadCueFilter()
  assert.ok(filter !== null, 'models/attribution/cue-filter.bin is committed and must load')
  const p = prep(TEXT)
  const cues = cuesWithRoles(model, p, filter, ranker, new Scratch()).filter((x) => x.roles.content.length > 0)
  const lemmas = cues.map((x) => p.tokens.lemma[x.cue.start])
  assert.ok(lemmas.includes('say'), JSON.stringify(lemmas))
})

test('a truncated or foreign model file is a clear error, not weights of zero', () => {
  const good = new CueFilter(20, -1, 8).toBuffer()
  assert.throws(() => CueFilter.fromBuffer(good.subarray(0, good.length - 100)), /damaged claimtrail cue filter/)
  assert.throws(() => CueFilter.fromBuffer(Buffer.from('not a model at all, just text')), /not a claimtrail cue filter/)
  assert.equal(CueFilter.fromBuffer(good).bonus, 20)
})

test('the stage takes its cue filter when it is built: null gives the tagger\'s cues alone, a missing file fails at once', () => {
  const text = 'The minister said on Monday that the plan would fail. Critics warned it was too late.'
  const { tokens, sentences } = tokenize(nlp, text)
  const doc = Doc.create(text, { id: 't' }).withLayer('tokens', tokens).withLayer('sentences', sentences).withLayer('entities', [])
  const plain = attributionsStage(model, null).run(doc).get('attributions')
  assert.deepEqual(plain, extractAttributions(model, text, tokens, sentences, [], new Scratch(), null))
  assert.throws(() => attributionsStage(model, loadCueFilter('/nonexistent/cue-filter.bin')), /cue filter missing/)
})
