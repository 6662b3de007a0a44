import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { POS_TAGS } from '../../model/doc.ts'
import { lenBucket, logBucket, type TaggerScores } from './content-ranker.ts'
import { Q_OPEN, type Prepared } from './features.ts'
import { AveragedWeights, readModelFile, readWeights } from './averaged.ts'
import { fx, type CueTokens } from './taggers.ts'

/**
 * A second-stage cue filter. The cue tagger decodes with a bonus on its B label, which
 * proposes more cues than it would alone; each proposal is role-tagged as usual, and this
 * binary averaged perceptron keeps or drops it from what the cue tagger cannot see: whether
 * a source and a content were found, what they look like, how sure the role tagger was.
 * See docs/attribution.md ("Cue filter").
 */
export class CueFilter extends AveragedWeights {
  constructor(
    /** Bonus added to the cue tagger's B emission when proposing candidates. */
    readonly bonus: number,
    /** A candidate is kept when its score is at least this. */
    public threshold: number,
    bits = 16,
    weights?: Float32Array,
  ) {
    super(bits, weights, true)
  }

  /** Score of one candidate: the sum of the weights of `feats[from..from + K_FILTER)`. */
  score(feats: Int32Array, from = 0): number {
    return this.sum(feats, from, from + K_FILTER)
  }

  /** Whether a candidate with features `feats[from..]` is kept. */
  keep(feats: Int32Array, from = 0): boolean {
    return this.score(feats, from) >= this.threshold
  }

  /** One perceptron step on a candidate labelled `gold` (1 keep, 0 drop). */
  train(feats: Int32Array, from: number, gold: number): void {
    const y = gold === 1 ? 1 : -1
    if (y * this.score(feats, from) <= 0) {
      for (let j = from, e = from + K_FILTER; j < e; j++) this.add(feats[j] & this.mask, y)
    }
    this.tick()
  }

  /** Serialise: magic, hash bits, bonus, threshold, the float32 weights. */
  toBuffer(): Buffer {
    return this.serialize(FILTER_MAGIC, [this.bonus, this.threshold])
  }

  /** Inverse of {@link toBuffer}. */
  static fromBuffer(buf: Buffer): CueFilter {
    const { bits, extra, weights } = readWeights(buf, FILTER_MAGIC, 2, 'cue filter')
    return new CueFilter(extra[0], extra[1], bits, weights)
  }
}

const FILTER_MAGIC = 'CTCUEF01'

/** Where the committed cue filter lives. */
export const DEFAULT_FILTER_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../../models/attribution/cue-filter.bin')

/** Load a cue filter; `null` when the file does not exist at the default path. */
export function loadCueFilter(path?: string): CueFilter | null {
  const buf = readModelFile(path, DEFAULT_FILTER_PATH, 'cue filter')
  return buf === null ? null : CueFilter.fromBuffer(buf)
}

let defaultFilter: CueFilter | null | undefined

/**
 * The committed cue filter (`models/attribution/cue-filter.bin`), loaded on first use;
 * null when the file is absent, and the cues are then the tagger's own. The environment
 * variable CLAIMTRAIL_CUE_FILTER names another file ("none" for no filter), for experiments.
 */
export function defaultCueFilter(): CueFilter | null {
  if (defaultFilter === undefined) {
    const env = process.env.CLAIMTRAIL_CUE_FILTER
    defaultFilter = env === 'none' ? null : loadCueFilter(env === undefined || env === '' ? undefined : env)
  }
  return defaultFilter
}

/**
 * A cue proposed by the tagger decoding with a bonus: its tokens, whether the tagger
 * without the bonus finds exactly it (`base`), and its emission margin (B minus O at the
 * first token, before the bonus).
 */
export interface CueCandidate extends CueTokens {
  readonly base: number
  readonly margin: number
}

/** Features per candidate from its own roles ({@link cueFilterFeatures}). */
export const K_ROLES = 34
/** Features per candidate from the other candidates' roles ({@link cueContextFeatures}). */
export const K_CONTEXT = 5
/** Features per candidate. */
export const K_FILTER = K_ROLES + K_CONTEXT

const NOUN = POS_TAGS.indexOf('NOUN')
const PRON = POS_TAGS.indexOf('PRON')
const PROPN = POS_TAGS.indexOf('PROPN')
const VERB = POS_TAGS.indexOf('VERB')

function distBucket(d: number): number {
  return d <= 2 ? d : d <= 5 ? 3 : d <= 10 ? 4 : d <= 20 ? 5 : d <= 40 ? 6 : 7
}

/** Mean role margin over `[r.start, r.end)` for labels `b`/`i` against O (0 outside the window). */
function meanMargin(em: TaggerScores, r: CueTokens, b: number, i: number): number {
  let s = 0
  let n = 0
  const from = Math.max(r.start, em.from)
  const to = Math.min(r.end, em.to)
  for (let t = from; t < to; t++) {
    const o = (t - em.from) * 5
    s += Math.max(em.scores[o + b], em.scores[o + i]) - em.scores[o]
    n++
  }
  return n === 0 ? 0 : s / n
}

/**
 * Features of the candidate `cands[k]` into `out` at `o` (K_ROLES values), given the
 * source and content the role tagger (after tidying and the content ranker) found for it,
 * the role tagger's emission scores for it, and how much its best labelling outscored
 * labelling nothing (`gain`).
 */
export function cueFilterFeatures(
  p: Prepared, cands: readonly CueCandidate[], k: number, source: readonly CueTokens[], content: readonly CueTokens[],
  em: TaggerScores, gain: number, out: Int32Array, o: number,
): void {
  const { lemma, pos, punct, quote, sent, isCap } = p
  const NONE = 0x7fffffff
  const c = cands[k]
  const para = p.para[c.start]
  const ps = p.paraStart[para]
  const pe = p.paraEnd[para]
  let head = lemma[c.start]
  for (let t = c.start; t < c.end; t++) if (pos[t] === VERB) { head = lemma[t]; break }
  const len = Math.min(c.end - c.start, 4)
  const lb = c.start > ps ? lemma[c.start - 1] : NONE
  const la = c.end < pe ? lemma[c.end] : NONE
  const pa = c.end < pe ? pos[c.end] : 99
  const mb = c.start > ps ? punct[c.start - 1] * 4 + quote[c.start - 1] : 99
  const ma = c.end < pe ? punct[c.end] * 4 + quote[c.end] : 99
  const mg = logBucket(c.margin)
  const base = c.base
  // Source: found, side, length, the kind of its last word (its head, mostly).
  const src = source.length > 0 ? source[0] : null
  const srcFound = src === null ? 0 : 1
  const srcSide = src === null ? 2 : src.end <= c.start ? 0 : 1
  const srcLen = src === null ? 0 : lenBucket(src.end - src.start)
  let srcKind = 0
  if (src !== null) {
    const h = src.end - 1
    srcKind = pos[h] === PRON ? 1 : pos[h] === PROPN ? 2 : isCap[h] === 1 ? 3 : pos[h] === NOUN ? 4 : 5
  }
  const srcM = src === null ? 99 : logBucket(meanMargin(em, src, 1, 2))
  // Content: found, side, length, first word, quoted, sentences crossed, fragments.
  const cnt = content.length > 0 ? content[0] : null
  let cntLen = 0
  for (const r of content) cntLen += r.end - r.start
  const cntFound = cnt === null ? 0 : 1
  const cntSide = cnt === null ? 2 : cnt.end <= c.start ? 0 : 1
  const first = cnt === null ? NONE : lemma[cnt.start]
  const quoted = cnt === null ? 2 : quote[cnt.start] === Q_OPEN ? 1 : quote[cnt.start] === 1 ? 3 : 0
  const last = content.length > 0 ? content[content.length - 1] : null
  const cross = cnt === null || last === null ? 3 : Math.min(sent[last.end - 1] - sent[cnt.start], 2)
  const frags = Math.min(content.length, 3)
  let cntM = 99
  if (cnt !== null) {
    let s = 0
    for (const r of content) s += meanMargin(em, r, 3, 4) * (r.end - r.start)
    cntM = logBucket(s / Math.max(cntLen, 1))
  }
  // Neighbouring candidates in the paragraph: distance and whether the tagger alone has them.
  const prev = k > 0 && p.para[cands[k - 1].start] === para ? cands[k - 1] : null
  const next = k + 1 < cands.length && p.para[cands[k + 1].start] === para ? cands[k + 1] : null
  const pd = prev === null ? 9 : distBucket(c.start - prev.end)
  const nd = next === null ? 9 : distBucket(next.start - c.end)
  const pb = prev === null ? 2 : prev.base
  const nb = next === null ? 2 : next.base
  const st = p.sentences[sent[c.start]]
  const inSent = c.start - st.tokenStart
  const sp = inSent < 3 ? inSent : inSent < 8 ? 3 : 4
  out[o] = fx(401, 0)
  out[o + 1] = fx(402, base)
  out[o + 2] = fx(403, mg)
  out[o + 3] = fx(404, mg, base)
  out[o + 4] = fx(405, head)
  out[o + 5] = fx(406, head, base)
  out[o + 6] = fx(407, len, pos[c.start], pos[c.end - 1])
  out[o + 7] = fx(408, lb, head)
  out[o + 8] = fx(409, head, la)
  out[o + 9] = fx(410, mb, ma)
  out[o + 10] = fx(411, srcFound, srcSide, srcLen)
  out[o + 11] = fx(412, srcKind, srcSide, base)
  out[o + 12] = fx(413, head, srcFound, srcSide)
  out[o + 13] = fx(414, cntFound, lenBucket(cntLen), frags)
  out[o + 14] = fx(415, first, cntSide)
  out[o + 15] = fx(416, first, head)
  out[o + 16] = fx(417, quoted, cntSide, base)
  out[o + 17] = fx(418, cross, cntSide)
  out[o + 18] = fx(419, cntFound * 4 + srcFound, srcSide * 4 + cntSide, base)
  out[o + 19] = fx(420, quote[c.start], base)
  out[o + 20] = fx(421, pd, pb, base)
  out[o + 21] = fx(422, nd, nb, base)
  out[o + 22] = fx(423, cntM, base)
  out[o + 23] = fx(424, srcM, base)
  out[o + 24] = fx(425, mg, cntFound * 4 + srcFound)
  out[o + 25] = fx(426, head, pa)
  out[o + 26] = fx(427, sp, pos[c.start], base)
  out[o + 27] = fx(428, head, cntFound * 4 + srcFound)
  out[o + 28] = fx(429, cntM, srcM, mg)
  out[o + 29] = fx(430, head, quoted, cntSide)
  const g = logBucket(gain)
  out[o + 30] = fx(431, g)
  out[o + 31] = fx(432, g, base)
  out[o + 32] = fx(433, g, mg)
  out[o + 33] = fx(434, g, cntFound * 4 + srcFound)
}

/** The roles a candidate was given, null when it has no content (the filter does not see it). */
export type CandidateRoles = { readonly source: readonly CueTokens[]; readonly content: readonly CueTokens[] } | null

const inside = (c: CueTokens, rs: readonly CueTokens[]) => rs.some((r) => r.start <= c.start && c.end <= r.end)
const overlaps = (a: readonly CueTokens[], b: readonly CueTokens[]) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end))

/**
 * Features of `cands[k]` from the other candidates with content (`roles[j]` not null) into
 * `out` at `o` (K_CONTEXT values): how many others its content holds, whether another's
 * content or source overlaps its own, each by whether the tagger alone proposes that other
 * candidate (`base`); and those against whether it lies inside another's content or source.
 * (Whether it lies inside another's content is what `withoutNestedCues` decides on later;
 * alone, as features, it taught the filter only what that rule does anyway.)
 */
export function cueContextFeatures(
  p: Prepared, cands: readonly CueCandidate[], roles: readonly CandidateRoles[], k: number, out: Int32Array, o: number,
): void {
  const { lemma, pos } = p
  const c = cands[k]
  const mine = roles[k]!
  let head = lemma[c.start]
  for (let t = c.start; t < c.end; t++) if (pos[t] === VERB) { head = lemma[t]; break }
  const base = c.base
  // 0: no such other candidate; 1: one the tagger alone has; 2: only bonus candidates.
  const mark = (cur: number, j: number) => (cur === 1 ? 1 : cands[j].base === 1 ? 1 : 2)
  let inC = 0
  let inS = 0
  let holds = 0
  let holdsBase = 0
  let shares = 0
  let sameSrc = 0
  for (let j = 0; j < cands.length; j++) {
    const r = roles[j]
    if (j === k || r === null) continue
    if (inside(c, r.content)) inC = mark(inC, j)
    if (inside(c, r.source)) inS = mark(inS, j)
    if (inside(cands[j], mine.content)) { holds++; holdsBase |= cands[j].base }
    if (overlaps(r.content, mine.content)) shares = mark(shares, j)
    if (mine.source.length > 0 && overlaps(r.source, mine.source)) sameSrc = mark(sameSrc, j)
  }
  const h = Math.min(holds, 2)
  out[o] = fx(439, h, holdsBase, base)
  out[o + 1] = fx(440, shares, base)
  out[o + 2] = fx(441, shares, head)
  out[o + 3] = fx(442, sameSrc, base)
  out[o + 4] = fx(443, inC * 3 + shares, inS * 3 + h)
}
