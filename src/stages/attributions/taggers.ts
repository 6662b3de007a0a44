import type { Prepared } from './features.ts'
import { ChainPerceptron } from './perceptron.ts'

// Quote states and punctuation classes of features.ts, repeated as local constants
// because hot loops read them per token.
const Q_OPEN = 2
const Q_CLOSE = 3
const P_COMMA = 1
// POS ids of POS_TAGS (model/doc.ts).
const ADV_POS = 3
const CCONJ_POS = 5
const VERB_POS = 16

/** Mix a template id and up to three values into a feature hash (murmur3 finaliser). */
export function fx(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template ^ 0x9e3779b9, 0x85ebca6b)
  h = Math.imul(h ^ a ^ (h >>> 15), 0xcc9e2d51)
  h = Math.imul(h ^ b ^ (h >>> 13), 0x1b873593)
  h = Math.imul(h ^ c ^ (h >>> 16), 0xc2b2ae35)
  return (h ^ (h >>> 16)) | 0
}

/** Cue labels: outside, beginning, inside. */
export const CUE_O = 0
export const CUE_B = 1
export const CUE_I = 2
/** Role labels around one cue. */
export const R_O = 0
export const R_SB = 1
export const R_SI = 2
export const R_CB = 3
export const R_CI = 4

/** Features per token of the cue tagger and of the role tagger. */
export const K_CUE = 34
export const K_ROLE = 43

/** Transition constraints of a BIO scheme over `kinds` span kinds (O, then B/I pairs). */
export function bioConstraints(kinds: number): Uint8Array {
  const L = 1 + 2 * kinds
  const allowed = new Uint8Array((L + 1) * L)
  for (let p = 0; p <= L; p++) {
    for (let y = 0; y < L; y++) {
      // An I label continues only the B or I of its own kind.
      const isInside = y > 0 && y % 2 === 0
      const ok = !isInside || (p < L && p > 0 && (p === y - 1 || p === y))
      allowed[p * L + y] = ok ? 1 : 0
    }
  }
  return allowed
}

/** A new, untrained cue tagger. */
export function newCueTagger(bits = 18): ChainPerceptron {
  return new ChainPerceptron(3, bits, bioConstraints(1))
}

/** A new, untrained role (source/content) tagger. */
export function newRoleTagger(bits = 18): ChainPerceptron {
  return new ChainPerceptron(5, bits, bioConstraints(2))
}

function bucket(d: number): number {
  if (d <= 4) return d
  if (d <= 6) return 5
  if (d <= 10) return 6
  if (d <= 20) return 7
  if (d <= 40) return 8
  return 9
}

/**
 * Cue-tagger features of tokens `[from, to)` into `out` (K_CUE per token). The tagger
 * runs over a paragraph; neighbours outside it read as a boundary value.
 */
export function cueFeatures(p: Prepared, from: number, to: number, out: Int32Array): void {
  const { lemma, form, pos, quote, punct, sent, sentences, isCap, shape, suffix } = p
  const BOUND = 0x7fffffff
  let lastClose = -100
  let sentHasQuote = 0
  let sentHasColon = 0
  let curSent = -1
  for (let i = from; i < to; i++) {
    const s = sent[i]
    if (s !== curSent) {
      curSent = s
      sentHasQuote = 0
      sentHasColon = 0
      for (let t = sentences[s].tokenStart; t < sentences[s].tokenEnd; t++) {
        if (quote[t] >= Q_OPEN) sentHasQuote = 1
        if (punct[t] === 2) sentHasColon = 1
      }
      lastClose = -100
    }
    if (i > from && quote[i - 1] === Q_CLOSE) lastClose = i - 1
    const lm1 = i - 1 >= from ? lemma[i - 1] : BOUND
    const lm2 = i - 2 >= from ? lemma[i - 2] : BOUND
    const lp1 = i + 1 < to ? lemma[i + 1] : BOUND
    const lp2 = i + 2 < to ? lemma[i + 2] : BOUND
    const pm1 = i - 1 >= from ? pos[i - 1] : 99
    const pm2 = i - 2 >= from ? pos[i - 2] : 99
    const pp1 = i + 1 < to ? pos[i + 1] : 99
    const pp2 = i + 2 < to ? pos[i + 2] : 99
    const st = sentences[s]
    const posInSent = i - st.tokenStart
    const fromEnd = st.tokenEnd - 1 - i
    const nextMark = i + 1 < to ? punct[i + 1] * 4 + quote[i + 1] : 99
    const prevMark = i - 1 >= from ? punct[i - 1] * 4 + quote[i - 1] : 99
    const sinceClose = lastClose < 0 ? 10 : bucket(i - lastClose)
    const o = (i - from) * K_CUE
    const l = lemma[i]
    const ps = pos[i]
    out[o] = fx(1, 0)
    out[o + 1] = fx(2, l)
    out[o + 2] = fx(3, form[i])
    out[o + 3] = fx(4, ps)
    out[o + 4] = fx(5, shape[i])
    out[o + 5] = fx(6, suffix[i])
    out[o + 6] = fx(7, lm1)
    out[o + 7] = fx(8, lp1)
    out[o + 8] = fx(9, lm2)
    out[o + 9] = fx(10, lp2)
    out[o + 10] = fx(11, pm1)
    out[o + 11] = fx(12, pp1)
    out[o + 12] = fx(13, pm2, pm1)
    out[o + 13] = fx(14, pp1, pp2)
    out[o + 14] = fx(15, lm1, l)
    out[o + 15] = fx(16, l, lp1)
    out[o + 16] = fx(17, pm1, ps, pp1)
    out[o + 17] = fx(18, l, pp1)
    out[o + 18] = fx(19, pm1, l)
    out[o + 19] = fx(20, quote[i])
    out[o + 20] = fx(21, quote[i], ps)
    out[o + 21] = fx(22, l, quote[i])
    out[o + 22] = fx(23, posInSent < 4 ? posInSent : posInSent < 8 ? 4 : 5, fromEnd < 3 ? fromEnd : 3)
    out[o + 23] = fx(24, sentHasQuote, sentHasColon, ps)
    out[o + 24] = fx(25, l, nextMark)
    out[o + 25] = fx(26, l, prevMark)
    out[o + 26] = fx(27, sinceClose, ps)
    out[o + 27] = fx(28, lm1, l, lp1)
    out[o + 28] = fx(29, isCap[i], ps)
    out[o + 29] = fx(30, lm2, lm1)
    out[o + 30] = fx(31, lp1, lp2)
    out[o + 31] = fx(32, l, sinceClose, sentHasQuote)
    out[o + 32] = fx(33, l, ps, pm1)
    out[o + 33] = fx(34, ps, posInSent < 2 ? posInSent : 2, fromEnd < 2 ? fromEnd : 2)
  }
}

/** Whether a conjunction at i joins a cue to what precedes it ("and warned", "but also said"). */
function coordinatedCue(p: Prepared, i: number, to: number, isCue: Uint8Array): boolean {
  if (i + 1 >= to) return false
  // ", adding that ...", ", said Mr. X": a cue after a comma opens its own attribution too.
  if (p.punct[i] === P_COMMA) return isCue[i + 1] === 1 && p.pos[i + 1] === VERB_POS
  if (p.pos[i] !== CCONJ_POS) return false
  return isCue[i + 1] === 1 || (p.pos[i + 1] === ADV_POS && i + 2 < to && isCue[i + 2] === 1)
}

/** A cue as a token range, with the range's extent for discontinuous cues. */
export interface CueTokens {
  readonly start: number
  readonly end: number
}

/** The tokens of a character span `[start, end)` (UTF-16), or null when it holds none. */
export function tokenRange(p: Prepared, start: number, end: number): CueTokens | null {
  const st = p.tokens.start
  let lo = 0
  let hi = p.n
  while (lo < hi) { const m = (lo + hi) >> 1; if (st[m] < start) lo = m + 1; else hi = m }
  let e = lo
  while (e < p.n && st[e] < end) e++
  return e > lo ? { start: lo, end: e } : null
}

/**
 * Role-tagger features of tokens `[from, to)` relative to the cue `cue`, into `out`
 * (K_ROLE per token). `isCue[i]` is 1 for tokens of any cue in the document, which
 * lets the tagger learn that content rarely runs past another cue.
 */
export function roleFeatures(p: Prepared, cue: CueTokens, from: number, to: number, isCue: Uint8Array, out: Int32Array): void {
  const { lemma, form, pos, quote, punct, sent, isCap, shape, sentences } = p
  const BOUND = 0x7fffffff
  const cs = cue.start
  const ce = cue.end
  // The cue's head: its first verb, else its first token.
  let head = lemma[cs]
  for (let t = cs; t < ce; t++) if (pos[t] === 16) { head = lemma[t]; break }
  const before = cs - 1 >= from ? punct[cs - 1] * 4 + quote[cs - 1] : 99
  const after = ce < to ? punct[ce] * 4 + quote[ce] : 99
  const cueCtx = before * 128 + after
  const cueQ = quote[cs]
  const cueSent = sent[cs]
  const headAfter = ce < to ? lemma[ce] : BOUND
  const write = (i: number, dir: number, dist: number, qb: number, cb: number, ob: number) => {
    const o = (i - from) * K_ROLE
    const db = bucket(dist)
    let sd = sent[i] - cueSent
    sd = sd < -2 ? -2 : sd > 2 ? 2 : sd
    const l = lemma[i]
    const ps = pos[i]
    const q = quote[i]
    const pm1 = i - 1 >= from ? pos[i - 1] : 99
    const pp1 = i + 1 < to ? pos[i + 1] : 99
    const lm1 = i - 1 >= from ? lemma[i - 1] : BOUND
    const lp1 = i + 1 < to ? lemma[i + 1] : BOUND
    const atSentStart = i === sentences[sent[i]].tokenStart ? 1 : 0
    // Other cues bound the source on the left; on the right, content often holds a nested
    // attribution ("notes that the commission announced that ..."), and marking its cue
    // taught the tagger to stop the content there (dev content F1 -1.0).
    const cueHere = dir === 0 ? isCue[i] : 0
    out[o] = fx(101, dir, db)
    out[o + 1] = fx(102, dir, sd)
    out[o + 2] = fx(103, dir, ps)
    out[o + 3] = fx(104, dir, l)
    out[o + 4] = fx(105, dir, ps, db)
    out[o + 5] = fx(106, dir, q, qb)
    out[o + 6] = fx(107, dir, q, sd)
    out[o + 7] = fx(108, head, dir, ps)
    out[o + 8] = fx(109, head, dir, db)
    out[o + 9] = fx(110, dir, pm1, ps)
    out[o + 10] = fx(111, dir, ps, pp1)
    out[o + 11] = fx(112, dir, lm1)
    out[o + 12] = fx(113, dir, lp1)
    out[o + 13] = fx(114, dir, form[i])
    out[o + 14] = fx(115, dir, isCap[i], ps)
    out[o + 15] = fx(116, dir, cb, ps)
    out[o + 16] = fx(117, dir, ob, sd)
    out[o + 17] = fx(118, dir, ob, qb)
    out[o + 18] = dist <= 2 ? fx(119, dir * 4 + dist, l) : fx(119, 9)
    out[o + 19] = fx(120, cueCtx, dir, q)
    out[o + 20] = fx(121, cueCtx, dir, sd)
    out[o + 21] = fx(122, cueQ, dir, q)
    out[o + 22] = fx(123, dir, shape[i])
    out[o + 23] = fx(124, head, dir, sd)
    out[o + 24] = fx(125, dir, punct[i], sd)
    out[o + 25] = fx(126, dir, ps * 8 + q, qb)
    out[o + 26] = fx(127, dir, ob, cb)
    out[o + 27] = fx(128, head, dir, q)
    out[o + 28] = fx(129, dir, ps, sd)
    out[o + 29] = fx(130, dir, l, db)
    out[o + 30] = fx(131, cueHere, dir, sd)
    out[o + 31] = fx(132, dir, atSentStart, ps)
    out[o + 32] = fx(133, headAfter, dir, sd)
    out[o + 33] = fx(134, head, dir, cb)
    const sentEnd = sentences[sent[i]].tokenEnd
    const toEnd = sentEnd - 1 - i
    const nextMark = i + 1 < to ? punct[i + 1] * 4 + quote[i + 1] : 99
    out[o + 34] = fx(135, dir, toEnd < 3 ? toEnd : 3 + bucket(toEnd), sd)
    out[o + 35] = fx(136, dir, nextMark, sd)
    out[o + 36] = fx(137, dir, nextMark, ps)
    out[o + 37] = fx(138, dir, ob, toEnd < 2 ? toEnd : 2)
    out[o + 38] = fx(139, dir, lm1, l)
    out[o + 39] = fx(140, head, dir, nextMark)
    out[o + 40] = fx(141, dir, l, sd)
    out[o + 41] = fx(142, dir, cueHere * 128 + ps, sd)
    out[o + 42] = fx(143, dir, pm1 * 128 + ps, sd)
  }
  // Walk outwards from the cue so the "between" counts are running sums.
  let qb = 0
  let cb = 0
  let ob = 0
  for (let i = cs - 1; i >= from; i--) {
    if (i + 1 < cs) {
      const t = i + 1
      if (quote[t] >= Q_OPEN) qb++
      if (punct[t] === P_COMMA) cb++
      if (isCue[t] === 1) ob = 1
    }
    write(i, 0, cs - i, qb > 3 ? 3 : qb, cb > 2 ? 2 : cb, ob)
  }
  qb = 0; cb = 0; ob = 0
  for (let i = ce; i < to; i++) {
    if (i > ce) {
      const t = i - 1
      if (quote[t] >= Q_OPEN) qb++
      if (punct[t] === P_COMMA) cb++
    }
    // Only a cue coordinated with this one counts on the content side ("said it opposed the
    // test | and warned ..."): it shares the subject and PolNeAR gives it its own content,
    // whereas a nested cue ("notes that the commission announced ...") stays inside.
    if (ob === 0 && i > ce && coordinatedCue(p, i, to, isCue)) ob = 2
    write(i, 1, i - ce + 1, qb > 3 ? 3 : qb, cb > 2 ? 2 : cb, ob)
  }
  for (let i = Math.max(cs, from); i < Math.min(ce, to); i++) {
    const o = (i - from) * K_ROLE
    for (let k = 0; k < K_ROLE; k++) out[o + k] = fx(199, k)
  }
}
