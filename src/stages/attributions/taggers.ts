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

/**
 * Cue labels, BILOU: outside, first, inside and last token of a cue of several tokens, and
 * a cue of one token ("said" alone, against the "said" of "said in a statement"). Over BIO
 * the tagger gains 0.4 exact F1 in four-fold cross-validation on train (67.50 against 67.07,
 * mean of three seeds).
 */
export const CUE_O = 0
export const CUE_B = 1
export const CUE_I = 2
export const CUE_L = 3
export const CUE_U = 4
export const CUE_LABELS = 5
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

/** Transition constraints of the cue tagger's BILOU labels. */
function bilouConstraints(): Uint8Array {
  const L = CUE_LABELS
  const allowed = new Uint8Array((L + 1) * L)
  const opens = [CUE_O, CUE_B, CUE_U]
  const next: ReadonlyArray<readonly number[]> = [opens, [CUE_I, CUE_L], [CUE_I, CUE_L], opens, opens, opens]
  next.forEach((ys, p) => { for (const y of ys) allowed[p * L + y] = 1 })
  return allowed
}

/** A new, untrained cue tagger. */
export function newCueTagger(bits = 18): ChainPerceptron {
  return new ChainPerceptron(CUE_LABELS, bits, bilouConstraints())
}

/** Whether a cue label opens a cue. */
export function opensCue(label: number): boolean {
  return label === CUE_B || label === CUE_U
}

/** Where the cue that opens at `i` (a B or U label) ends. */
export function cueEnd(labels: Int8Array, i: number, n: number): number {
  if (labels[i] === CUE_U) return i + 1
  let j = i + 1
  while (j < n && labels[j] === CUE_I) j++
  return j < n && labels[j] === CUE_L ? j + 1 : j
}

/**
 * Gold cue labels of `n` tokens from cue token ranges: B, I... L over a cue of several
 * tokens, U over a cue of one. Where gold cues overlap (two attributions sharing part of
 * a cue), the one that starts first, then the longer, keeps its tokens.
 */
export function cueLabels(n: number, cues: readonly CueTokens[]): Int8Array {
  const labels = new Int8Array(n)
  const sorted = [...cues].sort((a, b) => a.start - b.start || b.end - a.end)
  let taken = 0
  for (const r of sorted) {
    if (r.start < taken) continue
    if (r.end - r.start === 1) labels[r.start] = CUE_U
    else {
      labels[r.start] = CUE_B
      labels.fill(CUE_I, r.start + 1, r.end - 1)
      labels[r.end - 1] = CUE_L
    }
    taken = r.end
  }
  return labels
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
 * `seeds[k]`: the first step of {@link fx} for template `first + k`, which depends on the
 * template alone.
 */
function templateSeeds(first: number, count: number): Int32Array {
  const seeds = new Int32Array(count)
  for (let k = 0; k < count; k++) {
    const h = Math.imul((first + k) ^ 0x9e3779b9, 0x85ebca6b)
    seeds[k] = h ^ (h >>> 15)
  }
  return seeds
}

/**
 * Hash `count` features into `out` at `o`: feature k is {@link fx} of the template whose
 * seed is `seeds[k]` and the values `values[3k]`, `values[3k + 1]`, `values[3k + 2]` (0 for
 * those fx leaves out). One loop instead of a call of fx per feature: V8 inlines a dozen
 * calls at most into one function, and for the rest the call costs more than the hash
 * (cue and role features 20-25% faster, the same hashes).
 */
function hashRow(seeds: Int32Array, values: Int32Array, count: number, out: Int32Array, o: number): void {
  for (let k = 0, j = 0; k < count; k++, j += 3) {
    let h = Math.imul(seeds[k] ^ values[j], 0xcc9e2d51)
    h = Math.imul(h ^ values[j + 1] ^ (h >>> 13), 0x1b873593)
    h = Math.imul(h ^ values[j + 2] ^ (h >>> 16), 0xc2b2ae35)
    out[o + k] = (h ^ (h >>> 16)) | 0
  }
}

// Cue feature k is template k + 1, role feature k template 101 + k; their values go to
// CUE_VALUES and ROLE_VALUES, reused for every token (the stages are synchronous).
const CUE_SEEDS = templateSeeds(1, K_CUE)
const CUE_VALUES = new Int32Array(3 * K_CUE)
const ROLE_SEEDS = templateSeeds(101, K_ROLE)
const ROLE_VALUES = new Int32Array(3 * K_ROLE)

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
    const v = CUE_VALUES
    const l = lemma[i]
    const ps = pos[i]
    // Feature k, template k + 1, reads v[3k], v[3k + 1], v[3k + 2].
    v[0] = 0; v[1] = 0; v[2] = 0
    v[3] = l; v[4] = 0; v[5] = 0
    v[6] = form[i]; v[7] = 0; v[8] = 0
    v[9] = ps; v[10] = 0; v[11] = 0
    v[12] = shape[i]; v[13] = 0; v[14] = 0
    v[15] = suffix[i]; v[16] = 0; v[17] = 0
    v[18] = lm1; v[19] = 0; v[20] = 0
    v[21] = lp1; v[22] = 0; v[23] = 0
    v[24] = lm2; v[25] = 0; v[26] = 0
    v[27] = lp2; v[28] = 0; v[29] = 0
    v[30] = pm1; v[31] = 0; v[32] = 0
    v[33] = pp1; v[34] = 0; v[35] = 0
    v[36] = pm2; v[37] = pm1; v[38] = 0
    v[39] = pp1; v[40] = pp2; v[41] = 0
    v[42] = lm1; v[43] = l; v[44] = 0
    v[45] = l; v[46] = lp1; v[47] = 0
    v[48] = pm1; v[49] = ps; v[50] = pp1
    v[51] = l; v[52] = pp1; v[53] = 0
    v[54] = pm1; v[55] = l; v[56] = 0
    v[57] = quote[i]; v[58] = 0; v[59] = 0
    v[60] = quote[i]; v[61] = ps; v[62] = 0
    v[63] = l; v[64] = quote[i]; v[65] = 0
    v[66] = posInSent < 4 ? posInSent : posInSent < 8 ? 4 : 5; v[67] = fromEnd < 3 ? fromEnd : 3; v[68] = 0
    v[69] = sentHasQuote; v[70] = sentHasColon; v[71] = ps
    v[72] = l; v[73] = nextMark; v[74] = 0
    v[75] = l; v[76] = prevMark; v[77] = 0
    v[78] = sinceClose; v[79] = ps; v[80] = 0
    v[81] = lm1; v[82] = l; v[83] = lp1
    v[84] = isCap[i]; v[85] = ps; v[86] = 0
    v[87] = lm2; v[88] = lm1; v[89] = 0
    v[90] = lp1; v[91] = lp2; v[92] = 0
    v[93] = l; v[94] = sinceClose; v[95] = sentHasQuote
    v[96] = l; v[97] = ps; v[98] = pm1
    v[99] = ps; v[100] = posInSent < 2 ? posInSent : 2; v[101] = fromEnd < 2 ? fromEnd : 2
    hashRow(CUE_SEEDS, v, K_CUE, out, o)
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
    const v = ROLE_VALUES
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
    // Feature k, template 101 + k, reads v[3k], v[3k + 1], v[3k + 2].
    v[0] = dir; v[1] = db; v[2] = 0
    v[3] = dir; v[4] = sd; v[5] = 0
    v[6] = dir; v[7] = ps; v[8] = 0
    v[9] = dir; v[10] = l; v[11] = 0
    v[12] = dir; v[13] = ps; v[14] = db
    v[15] = dir; v[16] = q; v[17] = qb
    v[18] = dir; v[19] = q; v[20] = sd
    v[21] = head; v[22] = dir; v[23] = ps
    v[24] = head; v[25] = dir; v[26] = db
    v[27] = dir; v[28] = pm1; v[29] = ps
    v[30] = dir; v[31] = ps; v[32] = pp1
    v[33] = dir; v[34] = lm1; v[35] = 0
    v[36] = dir; v[37] = lp1; v[38] = 0
    v[39] = dir; v[40] = form[i]; v[41] = 0
    v[42] = dir; v[43] = isCap[i]; v[44] = ps
    v[45] = dir; v[46] = cb; v[47] = ps
    v[48] = dir; v[49] = ob; v[50] = sd
    v[51] = dir; v[52] = ob; v[53] = qb
    if (dist <= 2) { v[54] = dir * 4 + dist; v[55] = l } else { v[54] = 9; v[55] = 0 }
    v[56] = 0
    v[57] = cueCtx; v[58] = dir; v[59] = q
    v[60] = cueCtx; v[61] = dir; v[62] = sd
    v[63] = cueQ; v[64] = dir; v[65] = q
    v[66] = dir; v[67] = shape[i]; v[68] = 0
    v[69] = head; v[70] = dir; v[71] = sd
    v[72] = dir; v[73] = punct[i]; v[74] = sd
    v[75] = dir; v[76] = ps * 8 + q; v[77] = qb
    v[78] = dir; v[79] = ob; v[80] = cb
    v[81] = head; v[82] = dir; v[83] = q
    v[84] = dir; v[85] = ps; v[86] = sd
    v[87] = dir; v[88] = l; v[89] = db
    v[90] = cueHere; v[91] = dir; v[92] = sd
    v[93] = dir; v[94] = atSentStart; v[95] = ps
    v[96] = headAfter; v[97] = dir; v[98] = sd
    v[99] = head; v[100] = dir; v[101] = cb
    const sentEnd = sentences[sent[i]].tokenEnd
    const toEnd = sentEnd - 1 - i
    const nextMark = i + 1 < to ? punct[i + 1] * 4 + quote[i + 1] : 99
    v[102] = dir; v[103] = toEnd < 3 ? toEnd : 3 + bucket(toEnd); v[104] = sd
    v[105] = dir; v[106] = nextMark; v[107] = sd
    v[108] = dir; v[109] = nextMark; v[110] = ps
    v[111] = dir; v[112] = ob; v[113] = toEnd < 2 ? toEnd : 2
    v[114] = dir; v[115] = lm1; v[116] = l
    v[117] = head; v[118] = dir; v[119] = nextMark
    v[120] = dir; v[121] = l; v[122] = sd
    v[123] = dir; v[124] = cueHere * 128 + ps; v[125] = sd
    v[126] = dir; v[127] = pm1 * 128 + ps; v[128] = sd
    hashRow(ROLE_SEEDS, v, K_ROLE, out, o)
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
