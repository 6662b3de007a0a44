import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { POS_TAGS, isGluedHyphenToken } from '../../model/doc.ts'
import { P_FINAL, Q_CLOSE, Q_OPEN, type Prepared } from './features.ts'
import { AveragedWeights, readModelFile, readWeights } from './averaged.ts'
import { compileRow, type CueTokens } from './taggers.ts'

/**
 * A reranker of content ends: for a content fragment after its cue, the role tagger's end
 * and the other plausible ends (clause and quotation boundaries, sentence ends, before another
 * cue) are scored with an averaged perceptron over features of
 * the whole span, and the best one wins. See docs/attribution-content.md.
 */
export class EndRanker extends AveragedWeights {
  constructor(bits = 16, weights?: Float32Array) {
    super(bits, weights, false)
  }

  /** Score of one candidate: the sum of the weights of `feats[from..to)`. */
  score(feats: Int32Array, from: number, to: number): number {
    return this.sum(feats, from, to)
  }

  /** Move the weights toward `gold` and away from `pred` (feature ranges in `feats`). */
  update(feats: Int32Array, gold: [number, number], pred: [number, number]): void {
    for (const [range, d] of [[gold, 1], [pred, -1]] as const) {
      for (let j = range[0]; j < range[1]; j++) this.add(feats[j] & this.mask, d)
    }
  }

  /** Serialise: magic, hash bits, the float32 weights. */
  toBuffer(): Buffer {
    return this.serialize(RANKER_MAGIC)
  }

  /** Inverse of {@link toBuffer}. */
  static fromBuffer(buf: Buffer): EndRanker {
    const { bits, weights } = readWeights(buf, RANKER_MAGIC, 0, 'content ranker')
    return new EndRanker(bits, weights)
  }
}

const RANKER_MAGIC = 'CTCEND01'

/** Where the committed content ranker lives. */
export const DEFAULT_RANKER_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../../models/attribution/content-end.bin')

/** Load a content ranker; `null` when the file does not exist at the default path. */
export function loadEndRanker(path?: string): EndRanker | null {
  const buf = readModelFile(path, DEFAULT_RANKER_PATH, 'content ranker')
  return buf === null ? null : EndRanker.fromBuffer(buf)
}

const ADV = POS_TAGS.indexOf('ADV')
const AUX = POS_TAGS.indexOf('AUX')
const CCONJ = POS_TAGS.indexOf('CCONJ')
const SCONJ = POS_TAGS.indexOf('SCONJ')
const VERB = POS_TAGS.indexOf('VERB')

/** Features per candidate. */
export const K_END = 34

/** A length in tokens, bucketed (0-3 exact, then doubling). */
export function lenBucket(n: number): number {
  return n <= 3 ? n : n <= 6 ? 4 : n <= 12 ? 5 : n <= 25 ? 6 : n <= 50 ? 7 : 8
}

function signedBucket(d: number): number {
  const a = Math.abs(d)
  const b = a <= 2 ? a : a <= 5 ? 3 : a <= 10 ? 4 : 5
  return d < 0 ? -b : b
}

/**
 * Candidate ends (exclusive token indices) of a content fragment starting at `start`
 * whose tagger end is `end`, within `[start + 1, limit]`. The tagger's end is always one.
 */
export function endCandidates(p: Prepared, start: number, end: number, limit: number, isCue: Uint8Array): number[] {
  const out: number[] = []
  const lastSent = Math.min(p.sent[start] + 2, p.sentences.length - 1)
  for (let e = start + 1; e <= limit; e++) {
    if (e - 1 > start && p.sent[e - 1] > lastSent) break
    let ok = e === end || e === limit
    if (!ok && !inWord(p, e)) {
      const prev = e - 1
      ok = p.punct[prev] !== 0 || p.quote[prev] === Q_CLOSE
        || p.punct[e] !== 0 || p.quote[e] >= Q_OPEN || isCue[e] === 1
        || p.sent[e] !== p.sent[prev] || clauseJoint(p, e, limit, isCue)
    }
    if (ok) out.push(e)
  }
  if (!out.includes(end)) out.push(end)
  return out
}

/**
 * Whether the boundary before token i falls inside a hyphenated word ("first|-place",
 * "op-|ed"): a hyphen glued to the tokens on both sides is a mark, yet hardly a boundary.
 * Train gold: of 23,282 content fragments 5 end right before such a hyphen ("so-|called")
 * and 2 start right after one; the nested train-cv dumps of session 16 ended 20 and 10
 * fragments there (seeds 1 and 2) and started 8 and 6.
 */
function inWord(p: Prepared, i: number): boolean {
  return isGluedHyphenToken(p.tokens, i) || isGluedHyphenToken(p.tokens, i - 1)
}

/**
 * Whether a clause may begin at token e without a mark before it: a coordinated verb
 * ("opposed the test | and warned ...") or a subordinate clause ("| as Pyongyang fired ...").
 * Every conjunction as a candidate cost accuracy (docs/attribution-content.md); these
 * are the ones PolNeAR ends content at.
 */
function clauseJoint(p: Prepared, e: number, limit: number, isCue: Uint8Array): boolean {
  const ps = p.pos[e]
  if (ps === SCONJ) return true
  if (ps !== CCONJ || e + 1 >= limit) return false
  const n1 = p.pos[e + 1]
  if (n1 === VERB || n1 === AUX || isCue[e + 1] === 1) return true
  return n1 === ADV && e + 2 < limit && (p.pos[e + 2] === VERB || isCue[e + 2] === 1)
}

/**
 * Features of the span `[start, e)` as the content of `cue`, whose tagger end is `end`,
 * into `out` at `o` (K_END values).
 */
export function endFeatures(
  p: Prepared, cue: CueTokens, start: number, end: number, e: number, limit: number, isCue: Uint8Array, out: Int32Array, o: number,
  em: TaggerScores,
): void {
  const st = { bal: 0, commas: 0, verbs: 0, cost: 0, cues: 0, coord: 0 }
  for (let i = start; i < e; i++) countToken(p, i, st, isCue)
  // The cost of moving the end from the tagger's to e: minus the margins given up, plus
  // the margins taken in; the running sum C(x) over [start, x) gives it as C(e) - C(end).
  for (let i = start; i < end; i++) st.cost -= marginIn(em, i)
  for (let i = start; i < e; i++) st.cost += marginIn(em, i)
  endFeaturesOf(p, cue, start, end, e, limit, isCue, out, o, em, st)
}

/**
 * Running counts over a candidate span: quotation balance, commas, verbs, margin sum,
 * other cues' first tokens, and those of them coordinated with what precedes them
 * ("said it opposed the test and warned ...": PolNeAR gives "warned" its own content).
 */
interface SpanStats { bal: number; commas: number; verbs: number; cost: number; cues: number; coord: number }

function countToken(p: Prepared, i: number, st: SpanStats, isCue: Uint8Array): void {
  if (isCue[i] === 1 && (i === 0 || isCue[i - 1] === 0)) {
    st.cues++
    if (coordinatedAt(p, i)) st.coord++
  }
  const q = p.quote[i]
  if (q === Q_OPEN) st.bal++
  else if (q === Q_CLOSE) st.bal--
  else if (p.punct[i] === 1) st.commas++
  else if (p.pos[i] === VERB) st.verbs++
}

/** Whether token i follows a coordinating conjunction ("and warned", "but also said", ", and"). */
function coordinatedAt(p: Prepared, i: number): boolean {
  return (i > 0 && p.pos[i - 1] === CCONJ) || (i > 1 && p.pos[i - 2] === CCONJ && p.punct[i - 1] === 0)
}

/** How much the role tagger prefers content-inside over outside at token i (0 outside its window). */
function marginIn(em: TaggerScores, i: number): number {
  if (i < em.from || i >= em.to) return 0
  const b = (i - em.from) * 5
  return em.scores[b + 4] - Math.max(em.scores[b], em.scores[b + 3])
}

/** Whether token i is in the role tagger's window. */
function inWindow(em: TaggerScores, i: number): boolean {
  return i >= em.from && i < em.to
}

/** How much the role tagger prefers a content edge (its last two labels) over outside at token i, inside its window. */
function marginAt(em: TaggerScores, i: number): number {
  const b = (i - em.from) * 5
  return Math.max(em.scores[b + 3], em.scores[b + 4]) - em.scores[b]
}

// End feature k is template 201 + k, start feature k template 301 + k: their values, by
// the names endFeaturesOf and startFeatures pass them (features hashed as fx does; see compileRow).
const END_ROW = compileRow(201, [
  'isTag', 'rel', 'lastLemma', 'lastPos', 'lastPu', 'nl', 'np', 'npu', 'nCue', 'bal', 'startQ', 'sents', 'sentEnd',
  'len', 'commas', 'verbs', 'first', 'head', 'cueQuoted', 'mNext', 'cb', 'nl2', 'np2', 'np3', 'inner', 'ahead', 'coordAhead',
], [
  'isTag', 'rel', 'lastLemma', 'lastPos lastPu', 'nl', 'np npu', 'nCue isTag', 'bal startQ', 'sents sentEnd', 'len',
  'commas lastPu npu', 'verbs sentEnd', 'first lastPu', 'first sentEnd bal', 'head np', 'head sentEnd isTag', 'rel lastPu npu',
  'lastPu npu bal', 'lastPos np sentEnd', 'lastLemma nl', 'isTag sentEnd bal', 'rel np', 'startQ sents sentEnd', 'cueQuoted bal lastPu',
  'mNext', 'cb', 'cb rel', 'mNext lastPu npu',
  'nl nl2', 'np np2 np3', 'inner isTag sentEnd', 'ahead coordAhead np', 'head inner coordAhead', 'npu nl2 bal',
])
const START_ROW = compileRow(301, [
  'isTag', 'rel', 'firstLemma', 'firstPos', 'firstPu', 'pl', 'pp', 'ppu', 'pCue', 'bal', 'lastPu', 'sents', 'sentStart',
  'len', 'commas', 'mPrev', 'cb', 'cueQuoted',
], [
  'isTag', 'rel', 'firstLemma', 'firstPos firstPu', 'pl', 'pp ppu', 'pCue isTag', 'bal lastPu', 'sents sentStart', 'len',
  'commas firstPu ppu', 'sentStart bal', 'firstLemma ppu', 'lastPu sentStart bal', 'rel firstPu ppu', 'ppu firstPu bal',
  'pp firstPos sentStart', 'isTag sentStart bal', 'rel pp', 'mPrev', 'cb', 'cb rel', 'mPrev firstPu ppu', 'cueQuoted bal firstPu',
  ...Array<string>(K_END - 24).fill('isTag rel'),
])

function endFeaturesOf(
  p: Prepared, cue: CueTokens, start: number, end: number, e: number, limit: number, isCue: Uint8Array, out: Int32Array, o: number,
  em: TaggerScores, st: SpanStats,
): void {
  const { lemma, pos, punct, quote, sent } = p
  const last = e - 1
  const NONE = 0x7fffffff
  const nl = e < limit ? lemma[e] : NONE
  const np = e < limit ? pos[e] : 99
  const npu = e < limit ? punct[e] * 4 + quote[e] : 99
  const nCue = e < limit ? isCue[e] : 2
  const bal = st.bal < -1 ? -1 : st.bal > 1 ? 1 : st.bal
  const commas = st.commas
  const verbs = st.verbs
  const sents = Math.min(sent[last] - sent[start], 2)
  const sentEnd = e === p.sentences[sent[last]].tokenEnd ? 1 : 0
  const lastPu = punct[last] * 4 + quote[last]
  const first = lemma[start]
  const startQ = quote[start] === Q_OPEN ? 1 : 0
  const isTag = e === end ? 1 : 0
  const rel = signedBucket(e - end)
  let head = lemma[cue.start]
  for (let t = cue.start; t < cue.end; t++) if (pos[t] === VERB) { head = lemma[t]; break }
  // The tagger's own doubt: how much it prefers stopping at e, and what moving its end to e
  // costs in emission scores (its n-best, in effect).
  const mNext = e < limit && e >= em.from && e < em.to ? logBucket(marginIn(em, e)) : 99
  const cb = logBucket(st.cost)
  // What lies beyond the boundary mark: ", which", ", the former ...", "and warned", ", as".
  const nl2 = e + 1 < limit ? lemma[e + 1] : NONE
  const np2 = e + 1 < limit ? pos[e + 1] : 99
  const np3 = e + 2 < limit ? pos[e + 2] : 99
  let ahead = 4
  for (let k = 0; k < 4 && e + k < limit; k++) if (isCue[e + k] === 1) { ahead = k; break }
  const coordAhead = ahead < 4 && coordinatedAt(p, e + ahead) ? 1 : 0
  const inner = (st.cues > 0 ? 1 : 0) + (st.coord > 0 ? 1 : 0)
  END_ROW.hash(out, o / K_END, isTag, rel, lemma[last], pos[last], lastPu, nl, np, npu, nCue, bal, startQ, sents, sentEnd,
    lenBucket(e - start), Math.min(commas, 4), Math.min(verbs, 4), first, head, quote[cue.start] === 0 ? 0 : 1,
    mNext, cb, nl2, np2, np3, inner, ahead, coordAhead)
}

/** The role tagger's emission scores over its window `[from, to)` (5 labels a token). */
export interface TaggerScores {
  readonly scores: Float64Array
  readonly from: number
  readonly to: number
}

/** A signed score, bucketed by its log2 magnitude. */
export function logBucket(x: number): number {
  const b = Math.min(Math.floor(Math.log2(Math.abs(x) + 1)), 8)
  return x < 0 ? -b - 1 : b
}

const FEATS = new Int32Array(K_END)

/** The upper limit of a content fragment's end: the next fragment, the paragraph end, 150 tokens. */
export function endLimit(p: Prepared, start: number, next: number): number {
  return Math.min(next, p.paraEnd[p.para[start]], start + 150)
}

/**
 * Pick the best end of the fragment `[start, end)` after `cue`; `next` bounds it (the
 * next fragment's start or the paragraph end). `feats` must hold room for the candidates.
 */
export function rerankEnd(
  ranker: EndRanker, p: Prepared, cue: CueTokens, start: number, end: number, next: number, isCue: Uint8Array,
  em: TaggerScores,
): number {
  const limit = endLimit(p, start, next)
  const cands = endCandidates(p, start, end, limit, isCue)
  cands.sort((a, b) => a - b)
  // One pass over the span: the counts of [start, e) grow with e.
  const st = { bal: 0, commas: 0, verbs: 0, cost: 0, cues: 0, coord: 0 }
  let cEnd = 0
  for (let i = start; i < end; i++) cEnd += marginIn(em, i)
  let i = start
  let run = 0
  let best = end
  let bestScore = -Infinity
  for (const e of cands) {
    for (; i < e; i++) { countToken(p, i, st, isCue); run += marginIn(em, i) }
    st.cost = run - cEnd
    endFeaturesOf(p, cue, start, end, e, limit, isCue, FEATS, 0, em, st)
    const s = ranker.score(FEATS, 0, K_END)
    if (s > bestScore || (s === bestScore && e === end)) { bestScore = s; best = e }
  }
  return best
}

/**
 * Candidate starts of a content fragment before its cue ("“A,” he said") that ends at
 * `end` and whose tagger start is `start`, within `[limit, end - 1]`.
 */
export function startCandidates(p: Prepared, start: number, end: number, limit: number, isCue: Uint8Array): number[] {
  const out: number[] = []
  const firstSent = Math.max(p.sent[end - 1] - 2, 0)
  for (let s = end - 1; s >= limit; s--) {
    if (p.sent[s] < firstSent) break
    let ok = s === start || s === limit
    if (!ok && !inWord(p, s)) {
      const prev = s - 1
      ok = p.punct[prev] !== 0 || p.quote[prev] === Q_CLOSE || isCue[prev] === 1
        || p.quote[s] === Q_OPEN || p.sent[s] !== p.sent[prev]
    }
    if (ok) out.push(s)
  }
  if (!out.includes(start)) out.push(start)
  return out
}

/** Features of the span `[s, end)` before `cue`, whose tagger start is `start` (K_END values). */
export function startFeatures(
  p: Prepared, cue: CueTokens, start: number, end: number, s: number, limit: number, isCue: Uint8Array, out: Int32Array, o: number,
  em: TaggerScores,
): void {
  const { lemma, pos, punct, quote, sent } = p
  const NONE = 0x7fffffff
  const pl = s > limit ? lemma[s - 1] : NONE
  const pp = s > limit ? pos[s - 1] : 99
  const ppu = s > limit ? punct[s - 1] * 4 + quote[s - 1] : 99
  const pCue = s > limit ? isCue[s - 1] : 2
  let bal = 0
  let commas = 0
  for (let i = s; i < end; i++) {
    if (quote[i] === Q_OPEN) bal++
    else if (quote[i] === Q_CLOSE) bal--
    else if (punct[i] === 1) commas++
  }
  bal = bal < -1 ? -1 : bal > 1 ? 1 : bal
  const sents = Math.min(sent[end - 1] - sent[s], 2)
  const sentStart = s === p.sentences[sent[s]].tokenStart ? 1 : 0
  const firstPu = punct[s] * 4 + quote[s]
  const lastPu = punct[end - 1] * 4 + quote[end - 1]
  const isTag = s === start ? 1 : 0
  const rel = signedBucket(s - start)
  const mPrev = s > limit && inWindow(em, s - 1) ? logBucket(marginAt(em, s - 1)) : 99
  let cost = 0
  if (s < start) for (let i = s; i < start; i++) { if (inWindow(em, i)) cost += marginAt(em, i) }
  else for (let i = start; i < s; i++) { if (inWindow(em, i)) cost -= marginAt(em, i) }
  const cb = logBucket(cost)
  START_ROW.hash(out, o / K_END, isTag, rel, lemma[s], pos[s], firstPu, pl, pp, ppu, pCue, bal, lastPu, sents, sentStart,
    lenBucket(end - s), Math.min(commas, 4), mPrev, cb, quote[cue.start] === 0 ? 0 : 1)
}

/** The lower limit of a content fragment's start before its cue: the previous fragment, the paragraph start, 150 tokens. */
export function startLimit(p: Prepared, end: number, prev: number): number {
  return Math.max(prev, p.paraStart[p.para[end - 1]], end - 150)
}

/** Pick the best start of the fragment `[start, end)` before `cue`; `prev` bounds it. */
export function rerankStart(
  ranker: EndRanker, p: Prepared, cue: CueTokens, start: number, end: number, prev: number, isCue: Uint8Array,
  em: TaggerScores,
): number {
  const limit = startLimit(p, end, prev)
  const cands = startCandidates(p, start, end, limit, isCue)
  const feats = new Int32Array(K_END)
  let best = start
  let bestScore = -Infinity
  for (const s of cands) {
    startFeatures(p, cue, start, end, s, limit, isCue, feats, 0, em)
    const v = ranker.score(feats, 0, K_END)
    if (v > bestScore) { bestScore = v; best = s }
  }
  return best
}
