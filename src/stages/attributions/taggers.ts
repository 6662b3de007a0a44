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
// The value of a neighbour outside the tagger's window.
const BOUND = 0x7fffffff

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

/** A compiled row: called with a target, a position `at` and the row's values; see {@link compileRow}. */
export type Row<T> = (target: T, at: number, ...values: number[]) => void

/**
 * Where {@link compileRow}'s scoring function puts a position's emission scores: the sums of
 * the 16-bit weight rows (`q`, five labels a row) of its features, times `scale`, into
 * `em[5 at .. 5 at + 5)`, as ChainPerceptron.emissions computes them.
 */
export interface RowScores {
  readonly q: Int16Array
  readonly mask: number
  readonly scale: number
  readonly em: Float64Array
}

/** The functions {@link compileRow} builds. */
export interface CompiledRow {
  /** Write the row's features to `target[at * features .. (at + 1) * features)`. */
  readonly hash: Row<Int32Array>
  /** Add up the weights of the row's features, for weight tables of hash mask `mask`. */
  scoreFor(mask: number): Row<RowScores>
}

/**
 * Compile a row of features into two functions of `(target, at, ...values)`, the values
 * in the order of `args`. Feature k is {@link fx} of template `first + k` and the values
 * `spec[k]` names: up to three space-separated names from `args` or integer literals (fx's
 * missing values are 0). `hash` writes the features to `target[at * spec.length + k]`;
 * `scoreFor(mask)` adds up the weights of all of them for a tagger with five labels
 * ({@link RowScores}) without writing the features anywhere.
 *
 * Both are straight-line code over their arguments, which V8 keeps in registers. A loop
 * over a typed array of values (the previous way) read and wrote typed arrays four times
 * a feature, each time with V8's map, detach and bounds checks (about 90 instructions a
 * feature against 15), and the loop that summed weight rows rechecked the table on every
 * read, which straight-line code checks once.
 */
export function compileRow(first: number, args: readonly string[], spec: readonly string[]): CompiledRow {
  // The generated code's own variables start with $, which no argument name may.
  for (const a of args) if (!/^[A-Za-z]\w*$/.test(a)) throw new Error(`feature row: bad argument name "${a}"`)
  const names = new Set(args)
  const value = (v: string): string => {
    if (/^-?\d+$/.test(v) || names.has(v)) return v
    throw new Error(`feature row: unknown value "${v}"`)
  }
  const hashes = spec.map((f, k) => {
    const vs = f.split(' ').filter((v) => v !== '').map(value)
    if (vs.length > 3) throw new Error(`feature row: template ${first + k} has more than three values`)
    const [a = '0', b = '0', c = '0'] = vs
    const t = Math.imul((first + k) ^ 0x9e3779b9, 0x85ebca6b)
    const seed = t ^ (t >>> 15)
    return `$h = Math.imul(${seed} ^ ${a}, 0xcc9e2d51); $h = Math.imul($h ^ ${b} ^ ($h >>> 13), 0x1b873593); ` +
      `$h = Math.imul($h ^ ${c} ^ ($h >>> 16), 0xc2b2ae35); $h ^= $h >>> 16`
  })
  const hash = hashes.map((h, k) => `${h}; $out[$o + ${k}] = $h`).join('\n')
  // The mask is a literal, so V8 knows the row index's range and checks no overflow on it.
  const score = (mask: number) => hashes.map((h) => `${h}; $b = ($h & ${mask}) * 5\n` +
    '$s0 += $q[$b]; $s1 += $q[$b + 1]; $s2 += $q[$b + 2]; $s3 += $q[$b + 3]; $s4 += $q[$b + 4]').join('\n')
  const scorers = new Map<number, Row<RowScores>>()
  // The code is built from the fixed tables of this module and checked names, never from input.
  return {
    hash: compile(`hashRow${first}`, ['$out', '$at', ...args], `const $o = $at * ${spec.length}
let $h = 0
${hash}`) as Row<Int32Array>,
    scoreFor(mask) {
      let row = scorers.get(mask)
      if (row === undefined) {
        row = compile(`scoreRow${first}`, ['$t', '$at', ...args], `const $q = $t.q
let $h = 0, $b = 0, $s0 = 0, $s1 = 0, $s2 = 0, $s3 = 0, $s4 = 0
${score(mask)}
const $em = $t.em
const $o = $at * 5
const $scale = $t.scale
$em[$o] = $s0 * $scale; $em[$o + 1] = $s1 * $scale; $em[$o + 2] = $s2 * $scale; $em[$o + 3] = $s3 * $scale; $em[$o + 4] = $s4 * $scale`) as Row<RowScores>
        scorers.set(mask, row)
      }
      return row
    },
  }
}

/** A named function of `params` with `body` (named, so that profiles can tell them apart). */
function compile(name: string, params: readonly string[], body: string): unknown {
  return new Function(`'use strict'\nreturn function ${name}(${params.join(', ')}) {\n${body}\n}`)()
}

// Cue feature k is template k + 1: its values, by the names cueFeatures passes them.
const CUE_ROW = compileRow(1, [
  'l', 'form', 'ps', 'shape', 'suffix', 'lm1', 'lp1', 'lm2', 'lp2', 'pm1', 'pp1', 'pm2', 'pp2', 'q', 'posB', 'endB',
  'sentQuote', 'sentColon', 'nextMark', 'prevMark', 'sinceClose', 'cap', 'posB2', 'endB2',
], [
  '', 'l', 'form', 'ps', 'shape', 'suffix', 'lm1', 'lp1', 'lm2', 'lp2',
  'pm1', 'pp1', 'pm2 pm1', 'pp1 pp2', 'lm1 l', 'l lp1', 'pm1 ps pp1', 'l pp1', 'pm1 l', 'q',
  'q ps', 'l q', 'posB endB', 'sentQuote sentColon ps', 'l nextMark', 'l prevMark', 'sinceClose ps', 'lm1 l lp1', 'cap ps', 'lm2 lm1',
  'lp1 lp2', 'l sinceClose sentQuote', 'l ps pm1', 'ps posB2 endB2',
])

/**
 * Cue-tagger features of tokens `[from, to)` into `out` (K_CUE per token). The tagger
 * runs over a paragraph; neighbours outside it read as a boundary value.
 */
export function cueFeatures(p: Prepared, from: number, to: number, out: Int32Array): void {
  cueRows(p, from, to, CUE_ROW.hash, out)
}

/** The cue tagger's emission scores of tokens `[from, to)`, from its features, into `scores.em`. */
export function cueScores(p: Prepared, from: number, to: number, scores: RowScores): void {
  cueRows(p, from, to, CUE_ROW.scoreFor(scores.mask), scores)
}

function cueRows<T>(p: Prepared, from: number, to: number, row: Row<T>, out: T): void {
  const { lemma, form, pos, quote, punct, sent, sentences, isCap, shape, suffix } = p
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
    const l = lemma[i]
    const ps = pos[i]
    row(out, i - from, l, form[i], ps, shape[i], suffix[i], lm1, lp1, lm2, lp2, pm1, pp1, pm2, pp2, quote[i],
      posInSent < 4 ? posInSent : posInSent < 8 ? 4 : 5, fromEnd < 3 ? fromEnd : 3, sentHasQuote, sentHasColon,
      nextMark, prevMark, sinceClose, isCap[i], posInSent < 2 ? posInSent : 2, fromEnd < 2 ? fromEnd : 2)
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

// Role feature k is template 101 + k: its values, by the names roleFeatures passes them.
const ROLE_ROW = compileRow(101, [
  'dir', 'db', 'sd', 'ps', 'l', 'q', 'qb', 'head', 'pm1', 'pp1', 'lm1', 'lp1', 'form', 'cap', 'cb', 'ob',
  'near', 'nearL', 'cueCtx', 'cueQ', 'shape', 'punct', 'psq', 'cueHere', 'atSentStart', 'headAfter',
  'toEndB', 'nextMark', 'toEnd2', 'cuePs', 'pmPs',
], [
  'dir db', 'dir sd', 'dir ps', 'dir l', 'dir ps db', 'dir q qb', 'dir q sd', 'head dir ps', 'head dir db', 'dir pm1 ps',
  'dir ps pp1', 'dir lm1', 'dir lp1', 'dir form', 'dir cap ps', 'dir cb ps', 'dir ob sd', 'dir ob qb', 'near nearL', 'cueCtx dir q',
  'cueCtx dir sd', 'cueQ dir q', 'dir shape', 'head dir sd', 'dir punct sd', 'dir psq qb', 'dir ob cb', 'head dir q', 'dir ps sd', 'dir l db',
  'cueHere dir sd', 'dir atSentStart ps', 'headAfter dir sd', 'head dir cb', 'dir toEndB sd', 'dir nextMark sd', 'dir nextMark ps', 'dir ob toEnd2',
  'dir lm1 l', 'head dir nextMark', 'dir l sd', 'dir cuePs sd', 'dir pmPs sd',
])
// The cue's own tokens get fixed features: fx of template 199 and the feature's index.
const CUE_TOKEN_ROW = Int32Array.from({ length: K_ROLE }, (_, k) => fx(199, k))

/** What roleRows does with a token's features: the compiled row, and the cue's own tokens. */
interface RoleRows<T> {
  readonly row: Row<T>
  readonly cueToken: (out: T, at: number) => void
}

const ROLE_HASH: RoleRows<Int32Array> = {
  row: ROLE_ROW.hash,
  cueToken: (out, at) => out.set(CUE_TOKEN_ROW, at * K_ROLE),
}

// The cue tokens' scores are the same for every cue of a tagger: summed once per weight table.
let cueTokenTable: Int16Array | null = null
const cueTokenSums = new Int32Array(5)

const roleScorings = new Map<number, RoleRows<RowScores>>()
function roleScoring(mask: number): RoleRows<RowScores> {
  let r = roleScorings.get(mask)
  if (r === undefined) roleScorings.set(mask, r = { row: ROLE_ROW.scoreFor(mask), cueToken: cueTokenScores })
  return r
}

function cueTokenScores(t: RowScores, at: number): void {
  const c = cueTokenSums
  if (cueTokenTable !== t.q) {
    c.fill(0)
    for (let k = 0; k < K_ROLE; k++) {
      const b = (CUE_TOKEN_ROW[k] & t.mask) * 5
      for (let y = 0; y < 5; y++) c[y] += t.q[b + y]
    }
    cueTokenTable = t.q
  }
  const o = at * 5
  t.em[o] = c[0] * t.scale; t.em[o + 1] = c[1] * t.scale; t.em[o + 2] = c[2] * t.scale; t.em[o + 3] = c[3] * t.scale; t.em[o + 4] = c[4] * t.scale
}

/**
 * Role-tagger features of tokens `[from, to)` relative to the cue `cue`, into `out`
 * (K_ROLE per token). `isCue[i]` is 1 for tokens of any cue in the document, which
 * lets the tagger learn that content rarely runs past another cue.
 */
export function roleFeatures(p: Prepared, cue: CueTokens, from: number, to: number, isCue: Uint8Array, out: Int32Array): void {
  roleRows(p, cue, from, to, isCue, ROLE_HASH, out)
}

/** The role tagger's emission scores of tokens `[from, to)` around `cue`, from its features, into `scores.em`. */
export function roleScores(p: Prepared, cue: CueTokens, from: number, to: number, isCue: Uint8Array, scores: RowScores): void {
  roleRows(p, cue, from, to, isCue, roleScoring(scores.mask), scores)
}

// What a role row reads of its cue: fixed for every token of the cue's window.
interface RoleCue {
  readonly from: number
  readonly to: number
  readonly isCue: Uint8Array
  readonly head: number
  readonly cueCtx: number
  readonly cueQ: number
  readonly cueSent: number
  readonly headAfter: number
}

function roleRows<T>(p: Prepared, cue: CueTokens, from: number, to: number, isCue: Uint8Array, rows: RoleRows<T>, out: T): void {
  const { lemma, pos, quote, punct, sent } = p
  const cs = cue.start
  const ce = cue.end
  // The cue's head: its first verb, else its first token.
  let head = lemma[cs]
  for (let t = cs; t < ce; t++) if (pos[t] === 16) { head = lemma[t]; break }
  const before = cs - 1 >= from ? punct[cs - 1] * 4 + quote[cs - 1] : 99
  const after = ce < to ? punct[ce] * 4 + quote[ce] : 99
  const c: RoleCue = {
    from, to, isCue, head, cueCtx: before * 128 + after, cueQ: quote[cs], cueSent: sent[cs], headAfter: ce < to ? lemma[ce] : BOUND,
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
    roleRow(p, c, rows, out, i, 0, cs - i, qb > 3 ? 3 : qb, cb > 2 ? 2 : cb, ob)
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
    roleRow(p, c, rows, out, i, 1, i - ce + 1, qb > 3 ? 3 : qb, cb > 2 ? 2 : cb, ob)
  }
  for (let i = Math.max(cs, from); i < Math.min(ce, to); i++) rows.cueToken(out, i - from)
}

/**
 * The role row of token `i` on side `dir` of the cue (0 before, 1 after), `dist` tokens
 * away, with the counts of quotation marks, commas and other cues between them. A module
 * function rather than a closure in roleRows: tsx names every closure it creates (a
 * defineProperty of some 4,300 instructions), and roleRows runs once per cue.
 */
function roleRow<T>(p: Prepared, c: RoleCue, rows: RoleRows<T>, out: T, i: number, dir: number, dist: number, qb: number, cb: number, ob: number): void {
  const { lemma, form, pos, quote, punct, sent, isCap, shape, sentences } = p
  const { from, to } = c
  const db = bucket(dist)
  let sd = sent[i] - c.cueSent
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
  const cueHere = dir === 0 ? c.isCue[i] : 0
  const sentEnd = sentences[sent[i]].tokenEnd
  const toEnd = sentEnd - 1 - i
  const nextMark = i + 1 < to ? punct[i + 1] * 4 + quote[i + 1] : 99
  const near = dist <= 2
  rows.row(out, i - from, dir, db, sd, ps, l, q, qb, c.head, pm1, pp1, lm1, lp1, form[i], isCap[i], cb, ob,
    near ? dir * 4 + dist : 9, near ? l : 0, c.cueCtx, c.cueQ, shape[i], punct[i], ps * 8 + q, cueHere, atSentStart, c.headAfter,
    toEnd < 3 ? toEnd : 3 + bucket(toEnd), nextMark, toEnd < 2 ? toEnd : 2, cueHere * 128 + ps, pm1 * 128 + ps)
}
