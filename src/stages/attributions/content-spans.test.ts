import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Doc } from '../../model/doc.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { attributionsStage, extractAttributions, loadAttributionModel, Scratch } from './attributions.ts'
import {
  endCandidates, endFeatures, EndRanker, K_END, loadEndRanker, rerankEnd, rerankStart, startCandidates, startFeatures,
} from './content-ranker.ts'
import { defaultEndRanker, refineContent } from './content-spans.ts'
import { prepare, type Prepared } from './features.ts'
import { fx, type CueTokens } from './taggers.ts'

const nlp = loadWink()

function prepared(text: string): { p: Prepared; text: string; at: (word: string, from?: number) => number } {
  const { tokens, sentences } = tokenize(nlp, text)
  const p = prepare(text, tokens, sentences)
  // Index of the first token reading `word` at or after token `from`.
  const at = (word: string, from = 0) => {
    for (let i = from; i < p.n; i++) if (text.slice(tokens.start[i], tokens.end[i]) === word) return i
    throw new Error(`no token ${word}`)
  }
  return { p, text, at }
}

const span = (x: ReturnType<typeof prepared>, r: CueTokens) => x.text.slice(x.p.tokens.start[r.start], x.p.tokens.end[r.end - 1])

/** Emission scores that are all zero: the tagger has no opinion. */
const flat = (p: Prepared) => ({ scores: new Float64Array(p.n * 5), from: 0, to: p.n })

test('end candidates: the tagger end, clause and quotation boundaries and the sentence end, not mid-phrase', () => {
  const x = prepared('Smith said the plan, which costs $5 billion, will fail by "next spring." Jones agreed.')
  const start = x.at('the')
  const tagEnd = x.at('plan') + 1
  const cands = endCandidates(x.p, start, tagEnd, x.p.n, new Uint8Array(x.p.n))
  const texts = cands.map((e) => span(x, { start, end: e }))
  assert.ok(texts.includes('the plan'), 'the tagger end is a candidate')
  assert.ok(texts.includes('the plan, which costs $5 billion'), 'before a comma')
  assert.ok(texts.includes('the plan, which costs $5 billion, will fail by "next spring."'), 'after the closing quote')
  assert.ok(!texts.includes('the plan, which costs'), 'not inside a phrase')
})

test('no candidate boundary inside a hyphenated word, but one at a dash between words', () => {
  const x = prepared('Smith said the first-place finish - a surprise - was self-made. Jones agreed.')
  const start = x.at('the')
  const tagEnd = x.at('finish') + 1
  const ends = endCandidates(x.p, start, tagEnd, x.p.n, new Uint8Array(x.p.n)).map((e) => span(x, { start, end: e }))
  assert.ok(!ends.includes('the first') && !ends.includes('the first-'), 'not around the hyphen of "first-place"')
  assert.ok(!ends.includes('the first-place finish - a surprise - was self') && !ends.includes('the first-place finish - a surprise - was self-'))
  assert.ok(ends.includes('the first-place finish - a surprise'), 'before a spaced dash')
  const end = x.at('was')
  const starts = startCandidates(x.p, x.at('a'), end, 0, new Uint8Array(x.p.n)).map((s) => span(x, { start: s, end }))
  assert.ok(!starts.some((t) => t.startsWith('place') || t.startsWith('-place')), 'no start inside "first-place"')
  assert.ok(starts.includes('a surprise -'), 'after a spaced dash')
})

test('start candidates before a cue include the opening quotation mark and the sentence start', () => {
  const x = prepared('Prices rose. "We cannot wait, not for a year," Smith said.')
  const end = x.at('Smith')
  const tagStart = x.at('not')
  const cands = startCandidates(x.p, tagStart, end, 0, new Uint8Array(x.p.n))
  const texts = cands.map((s) => span(x, { start: s, end }))
  assert.ok(texts.includes('"We cannot wait, not for a year,"'))
  assert.ok(texts.includes('not for a year,"'))
  assert.ok(!texts.includes('cannot wait, not for a year,"'))
})

test('a ranker that prefers the sentence end extends a content the tagger cut short', () => {
  const x = prepared('Smith said that taxes will rise, calling it a shame. Jones disagreed.')
  const cue = { start: x.at('said'), end: x.at('said') + 1 }
  const start = x.at('that')
  const short = x.at(',')
  const ranker = new EndRanker(16)
  // Reward the feature "the span's last word is shame".
  const feats = new Int32Array(K_END)
  const sentEnd = x.at('.')
  endFeatures(x.p, cue, start, short, sentEnd, x.p.n, new Uint8Array(x.p.n), feats, 0, flat(x.p))
  ranker.weights[feats[2] & ranker.mask] = 5
  assert.equal(rerankEnd(ranker, x.p, cue, start, short, x.p.n, new Uint8Array(x.p.n), flat(x.p)), sentEnd)
  // Rewarding instead "this is the tagger's end" keeps it.
  const trusting = new EndRanker(16)
  endFeatures(x.p, cue, start, short, short, x.p.n, new Uint8Array(x.p.n), feats, 0, flat(x.p))
  trusting.weights[feats[0] & trusting.mask] = 5
  assert.equal(rerankEnd(trusting, x.p, cue, start, short, x.p.n, new Uint8Array(x.p.n), flat(x.p)), short)
})

test('a ranker rewarding an opening quotation mark moves a start before the cue back to it', () => {
  const x = prepared('"We cannot wait, not for a year," Smith said.')
  const cue = { start: x.at('said'), end: x.at('said') + 1 }
  const end = x.at('Smith')
  const tagStart = x.at('not')
  const ranker = new EndRanker(16)
  const feats = new Int32Array(K_END)
  startFeatures(x.p, cue, tagStart, end, 0, 0, new Uint8Array(x.p.n), feats, 0, flat(x.p))
  // Template 304: the first token's POS with its quotation state (an opening mark).
  ranker.weights[feats[3] & ranker.mask] = 5
  assert.equal(rerankStart(ranker, x.p, cue, tagStart, end, 0, new Uint8Array(x.p.n), flat(x.p)), 0)
})

test('refineContent leaves content alone without a ranker and touches only the far boundary with one', () => {
  const x = prepared('Smith said that taxes will rise, calling it a shame. Jones disagreed.')
  const cue = { start: x.at('said'), end: x.at('said') + 1 }
  const roles = { source: [{ start: 0, end: 1 }], content: [{ start: x.at('that'), end: x.at(',') }] }
  const sc = new Scratch()
  sc.ensure(x.p.n, 43, 5)
  sc.em.fill(0)
  assert.equal(refineContent(x.p, cue, roles, new Uint8Array(x.p.n), null, sc), roles)
  const ranker = new EndRanker(16)
  const feats = new Int32Array(K_END)
  endFeatures(x.p, cue, x.at('that'), x.at(','), x.at('.'), x.p.n, new Uint8Array(x.p.n), feats, 0, flat(x.p))
  ranker.weights[feats[2] & ranker.mask] = 5
  const out = refineContent(x.p, cue, roles, new Uint8Array(x.p.n), ranker, sc)
  assert.equal(out.content.length, 1)
  assert.equal(out.content[0].start, roles.content[0].start, 'the start next to the cue stays')
  assert.equal(span(x, out.content[0]), 'that taxes will rise, calling it a shame')
  assert.deepEqual(out.source, roles.source)
})

test('the ranker survives serialisation, and the committed one loads', () => {
  const r = new EndRanker(12)
  r.weights[7] = 1.5
  r.weights[4095] = -2
  const back = EndRanker.fromBuffer(r.toBuffer())
  assert.equal(back.bits, 12)
  assert.deepEqual(Array.from(back.weights), Array.from(r.weights))
  assert.throws(() => EndRanker.fromBuffer(Buffer.from('not a model at all')), /content ranker/)
  const committed = loadEndRanker()
  assert.ok(committed !== null && committed.weights.some((w) => w !== 0))
})

test('averaged training moves the ranker toward the gold candidate', () => {
  const r = new EndRanker(10)
  r.beginTraining()
  const feats = Int32Array.from([1, 2, 3, 4])
  // Candidate 0 has features 1, 2; candidate 1 has 3, 4; gold is candidate 1.
  for (let k = 0; k < 3; k++) {
    const s0 = r.score(feats, 0, 2)
    const s1 = r.score(feats, 2, 4)
    if (s0 >= s1) r.update(feats, [2, 4], [0, 2])
    r.tick()
  }
  r.average()
  assert.ok(r.score(feats, 2, 4) > r.score(feats, 0, 2))
})

test('the stage takes its content ranker when it is built: null keeps the role tagger\'s boundaries, a bad file fails at once', () => {
  const model = loadAttributionModel()
  const text = 'The minister said on Monday that the plan would fail in a ruling released Thursday. Critics warned it was too late.'
  const { tokens, sentences } = tokenize(nlp, text)
  const doc = Doc.create(text, { id: 't' }).withLayer('tokens', tokens).withLayer('sentences', sentences).withLayer('entities', [])
  const plain = attributionsStage(model, null, null).run(doc).get('attributions')
  assert.deepEqual(plain, extractAttributions(model, text, tokens, sentences, [], new Scratch(), null, null))
  const ranked = attributionsStage(model, null, defaultEndRanker()).run(doc).get('attributions')
  assert.deepEqual(ranked, extractAttributions(model, text, tokens, sentences, [], new Scratch(), null))
  assert.throws(() => attributionsStage(model, null, loadEndRanker('/nonexistent/content-end.bin')), /content ranker missing/)
  const dir = mkdtempSync(join(tmpdir(), 'ranker-'))
  const bad = join(dir, 'content-end.bin')
  writeFileSync(bad, 'not a ranker, just text')
  try {
    assert.throws(() => attributionsStage(model, null, loadEndRanker(bad)), /not a claimtrail content ranker/)
  } finally {
    rmSync(dir, { recursive: true })
  }
})

test('refineContent never moves a far boundary over the source (train gold: 0 of 18,361 contents overlap their source)', () => {
  const x = prepared('Russian officials, who asked not to be named, said about 600 soldiers had died.')
  const cue = { start: x.at('said'), end: x.at('said') + 1 }
  const source = { start: 0, end: x.at(',') }
  const before = { start: x.at('asked'), end: x.at('named') + 1 }
  const sc = new Scratch()
  sc.ensure(x.p.n, 43, 5)
  sc.em.fill(0)
  // A ranker that rewards every feature of the start at the sentence's first token.
  const ranker = new EndRanker(16)
  const feats = new Int32Array(K_END)
  startFeatures(x.p, cue, before.start, before.end, 0, 0, new Uint8Array(x.p.n), feats, 0, flat(x.p))
  for (const f of feats) ranker.weights[f & ranker.mask] += 5
  const alone = refineContent(x.p, cue, { source: [], content: [before] }, new Uint8Array(x.p.n), ranker, sc)
  assert.equal(alone.content[0].start, 0, 'without a source the ranker takes the sentence start')
  const out = refineContent(x.p, cue, { source: [source], content: [before] }, new Uint8Array(x.p.n), ranker, sc)
  assert.ok(out.content[0].start >= source.end, `content ${span(x, out.content[0])} runs over the source`)
})

test('end and start features are the fx hashes of their templates (the committed ranker reads them)', () => {
  const x = prepared('Smith said that taxes will rise, calling it a shame. Jones disagreed.')
  const cue = { start: x.at('said'), end: x.at('said') + 1 }
  const start = x.at('that')
  const short = x.at(',')
  const feats = new Int32Array(2 * K_END)
  endFeatures(x.p, cue, start, short, short, x.p.n, new Uint8Array(x.p.n), feats, K_END, flat(x.p))
  const last = short - 1
  const o = K_END
  assert.equal(feats[o], fx(201, 1))
  assert.equal(feats[o + 2], fx(203, x.p.lemma[last]))
  assert.equal(feats[o + 3], fx(204, x.p.pos[last], x.p.punct[last] * 4 + x.p.quote[last]))
  assert.equal(feats[o + 28], fx(229, x.p.lemma[short], x.p.lemma[short + 1]))
  assert.equal(feats[0], 0, 'only the candidate\'s own slots are written')
  const y = prepared('"We cannot wait, not for a year," Smith said.')
  const end = y.at('Smith')
  const s = y.at('not')
  startFeatures(y.p, { start: end + 1, end: end + 2 }, s, end, s, 0, new Uint8Array(y.p.n), feats, 0, flat(y.p))
  assert.equal(feats[0], fx(301, 1))
  assert.equal(feats[2], fx(303, y.p.lemma[s]))
  for (let k = 24; k < K_END; k++) assert.equal(feats[k], fx(301 + k, 1, 0))
})
