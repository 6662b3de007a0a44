/**
 * A linear-chain averaged perceptron over hashed features (Collins 2002), with first-order
 * Viterbi decoding and hard transition constraints. Weights live in one flat
 * Float32Array indexed `(featureHash & mask) * labels + label`, so scoring a token is a
 * handful of array reads and nothing is allocated per token.
 */
export class ChainPerceptron {
  readonly mask: number
  readonly weights: Float32Array
  /** `trans[prev * labels + next]`; row `labels` holds the start scores. */
  readonly trans: Float64Array
  /** Allowed predecessors of each label, ascending: `predList[predFrom[y]..predFrom[y + 1])`. */
  private readonly predFrom: Int32Array
  private readonly predList: Int8Array
  /** The allowed predecessors ({@link predFrom}, {@link predList}), for the reference decoders. */
  get predecessors(): { readonly from: Int32Array; readonly list: Int8Array } {
    return { from: this.predFrom, list: this.predList }
  }
  /** Viterbi compiled for these constraints; see {@link compileViterbi}. */
  private readonly decode: Decoder<Int8Array>
  private readonly decodeOnce: Array<Decoder<Int16Array>> = []
  private sums: Float64Array | null = null
  private transSums: Float64Array | null = null
  private step = 1

  constructor(
    readonly labels: number,
    readonly bits: number,
    /** `allowed[prev * labels + next]` (row `labels` = start): 0 forbids the transition. */
    readonly allowed: Uint8Array,
    weights?: Float32Array,
    trans?: Float64Array,
  ) {
    this.mask = (1 << bits) - 1
    this.weights = weights ?? new Float32Array((1 << bits) * labels)
    this.trans = trans ?? new Float64Array((labels + 1) * labels)
    // Decoding walks only the allowed transitions, in the order the full scan met them.
    this.predFrom = new Int32Array(labels + 1)
    const list: number[] = []
    for (let y = 0; y < labels; y++) {
      this.predFrom[y] = list.length
      for (let p = 0; p < labels; p++) if (allowed[p * labels + y] !== 0) list.push(p)
    }
    this.predFrom[labels] = list.length
    this.predList = Int8Array.from(list)
    this.decode = compiled(`${labels}:${allowed.join('')}`, () => compileViterbi(labels, allowed, this.predFrom, this.predList))
  }

  /**
   * Weights quantised to 16 bits for decoding (see {@link quantize}): half the memory, and
   * decoding is bound by cache misses on the weight table.
   */
  private quantized: Int16Array | null = null
  private quantScale = 1

  /** Switch decoding to 16-bit weights; training must be over. */
  quantize(): void {
    const w = this.weights
    let max = 0
    for (let i = 0; i < w.length; i++) { const a = Math.abs(w[i]); if (a > max) max = a }
    this.quantScale = max === 0 ? 1 : max / 32767
    const q = new Int16Array(w.length)
    for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] / this.quantScale)
    this.quantized = q
  }

  /**
   * The 16-bit weights and their scale, for code that sums weight rows itself (the taggers'
   * compiled feature rows); null until {@link quantize}.
   */
  get quantizedWeights(): { readonly q: Int16Array; readonly scale: number } | null {
    return this.quantized === null ? null : { q: this.quantized, scale: this.quantScale }
  }

  /** Emission scores of `n` positions with `k` features each into `out[n * labels]`. */
  emissions(feats: Int32Array, n: number, k: number, out: Float64Array): void {
    const L = this.labels
    const mask = this.mask
    const q = this.quantized
    if (q !== null) {
      // Both taggers have five labels (cue BILOU, role O + source and content B/I), which
      // get a loop of their own: with one loop that tested the count inside, the role
      // tagger's sums took 1.2-1.6 times as long alone.
      if (L === 5) sumRows5(q, this.quantScale, mask, feats, n, k, out)
      else sumRows(q, this.quantScale, L, mask, feats, n, k, out)
      return
    }
    const w = this.weights
    out.fill(0, 0, n * L)
    for (let i = 0; i < n; i++) {
      const o = i * L
      for (let j = i * k, je = j + k; j < je; j++) {
        const base = (feats[j] & mask) * L
        for (let y = 0; y < L; y++) out[o + y] += w[base + y]
      }
    }
  }

  /**
   * Best label sequence under the emission scores, honouring the transition
   * constraints and `forced[i]` (a label, or -1 for free). Writes into `out`. `back` needs
   * `n * labels` entries; `score` is not used any more (the decoder keeps one row of scores
   * in locals) and stays for the callers' scratch layout.
   */
  viterbi(em: Float64Array, n: number, out: Int8Array, forced: Int8Array | null, back: Int8Array, score: Float64Array): void {
    void score
    this.decode(em, n, out, forced, back, this.trans)
  }

  /**
   * Like {@link viterbi}, but label `once` may start at most once (an attribution has one
   * source). Decodes over states (label, whether `once` has started); `back` needs room
   * for `n * labels * 2` entries.
   */
  viterbiOnce(em: Float64Array, n: number, out: Int8Array, forced: Int8Array | null, once: number, back: Int16Array, score: Float64Array): void {
    void score
    let decode = this.decodeOnce[once]
    if (decode === undefined) {
      const key = `${this.labels}:${this.allowed.join('')}:${once}`
      decode = this.decodeOnce[once] = compiled(key, () => compileViterbiOnce(this.labels, this.allowed, this.predFrom, this.predList, once))
    }
    decode(em, n, out, forced, back, this.trans)
  }

  /** Start collecting the sums that averaging needs (training only). */
  beginTraining(): void {
    this.sums = new Float64Array(this.weights.length)
    this.transSums = new Float64Array(this.trans.length)
    this.step = 1
  }

  /** One perceptron update from a gold and a predicted sequence. */
  update(feats: Int32Array, n: number, k: number, gold: Int8Array, pred: Int8Array): void {
    const L = this.labels
    const mask = this.mask
    const w = this.weights
    const sums = this.sums!
    const c = this.step
    for (let i = 0; i < n; i++) {
      const g = gold[i]
      const p = pred[i]
      if (g !== p) {
        for (let j = i * k, je = j + k; j < je; j++) {
          const base = (feats[j] & mask) * L
          w[base + g] += 1; sums[base + g] += c
          w[base + p] -= 1; sums[base + p] -= c
        }
      }
      const gp = i === 0 ? L : gold[i - 1]
      const pp = i === 0 ? L : pred[i - 1]
      if (gp !== pp || g !== p) {
        this.trans[gp * L + g] += 1; this.transSums![gp * L + g] += c
        this.trans[pp * L + p] -= 1; this.transSums![pp * L + p] -= c
      }
    }
  }

  /** Advance the averaging clock by one training example. */
  tick(): void { this.step++ }

  /** Replace the weights by their averages over all training steps. */
  average(): void {
    const c = this.step
    const w = this.weights
    const s = this.sums!
    for (let i = 0; i < w.length; i++) if (s[i] !== 0) w[i] -= s[i] / c
    for (let i = 0; i < this.trans.length; i++) this.trans[i] -= this.transSums![i] / c
    this.sums = null
    this.transSums = null
  }

  /** Serialise: header, transitions, then the non-zero weights as (index, value) pairs. */
  toBuffer(): Buffer {
    const w = this.weights
    let nz = 0
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) nz++
    const idx = new Uint32Array(nz)
    const val = new Float32Array(nz)
    let k = 0
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) { idx[k] = i; val[k] = w[i]; k++ }
    const head = new Int32Array([this.labels, this.bits, nz, this.trans.length])
    return Buffer.concat([
      Buffer.from(head.buffer), Buffer.from(this.allowed.buffer, this.allowed.byteOffset, this.allowed.byteLength),
      Buffer.alloc((4 - (this.allowed.byteLength % 4)) % 4),
      Buffer.from(new Float64Array(this.trans).buffer), Buffer.from(idx.buffer), Buffer.from(val.buffer),
    ])
  }

  /** Inverse of {@link toBuffer}; returns the perceptron and the bytes consumed. */
  static fromBuffer(buf: Buffer, offset: number): { model: ChainPerceptron; next: number } {
    const copy = (len: number) => {
      const b = new ArrayBuffer(len)
      new Uint8Array(b).set(buf.subarray(offset, offset + len))
      offset += len
      return b
    }
    const head = new Int32Array(copy(16))
    const [labels, bits, nz, tlen] = head
    const allowed = new Uint8Array(copy((labels + 1) * labels))
    offset += (4 - (allowed.byteLength % 4)) % 4
    const trans = new Float64Array(copy(tlen * 8))
    const idx = new Uint32Array(copy(nz * 4))
    const val = new Float32Array(copy(nz * 4))
    const weights = new Float32Array((1 << bits) * labels)
    for (let i = 0; i < nz; i++) weights[idx[i]] = val[i]
    const model = new ChainPerceptron(labels, bits, allowed, weights, trans)
    model.quantize()
    return { model, next: offset }
  }
}

/**
 * Emission scores from 16-bit weights: for each of `n` positions, the sums of the weight
 * rows of its `k` features, scaled. The sums are of integers, so they are exact in any order.
 */
function sumRows(q: Int16Array, scale: number, L: number, mask: number, feats: Int32Array, n: number, k: number, out: Float64Array): void {
  out.fill(0, 0, n * L)
  for (let i = 0; i < n; i++) {
    const o = i * L
    for (let j = i * k, je = j + k; j < je; j++) {
      const base = (feats[j] & mask) * L
      for (let y = 0; y < L; y++) out[o + y] += q[base + y]
    }
  }
  for (let i = 0, e = n * L; i < e; i++) out[i] *= scale
}

/** {@link sumRows} for five labels (both taggers), the sums in locals V8 keeps in registers. */
function sumRows5(q: Int16Array, scale: number, mask: number, feats: Int32Array, n: number, k: number, out: Float64Array): void {
  for (let i = 0, j = 0, o = 0; i < n; i++, o += 5) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0
    for (const je = j + k; j < je; j++) {
      const b = (feats[j] & mask) * 5
      s0 += q[b]; s1 += q[b + 1]; s2 += q[b + 2]; s3 += q[b + 3]; s4 += q[b + 4]
    }
    out[o] = s0 * scale; out[o + 1] = s1 * scale; out[o + 2] = s2 * scale; out[o + 3] = s3 * scale; out[o + 4] = s4 * scale
  }
}


// The loops the compiled decoders replace, kept as the reference they are tested against
// (perceptron.test.ts): the same operations in the same order, so the same labels.

/** Viterbi as {@link ChainPerceptron.viterbi} decodes, by loops over `score`. */
export function referenceViterbi(m: ChainPerceptron, em: Float64Array, n: number, out: Int8Array, forced: Int8Array | null, back: Int8Array, score: Float64Array): void {
  const L = m.labels
  const tr = m.trans
  const al = m.allowed
  const pf = m.predecessors.from
  const pl = m.predecessors.list
  const NEG = -1e300
  if (n === 0) return
  for (let y = 0; y < L; y++) {
    const ok = al[L * L + y] === 1 && (forced === null || forced[0] < 0 || forced[0] === y)
    score[y] = ok ? em[y] + tr[L * L + y] : NEG
  }
  for (let i = 1; i < n; i++) {
    const f = forced === null ? -1 : forced[i]
    const prevRow = (i - 1) * L
    const row = i * L
    for (let y = 0; y < L; y++) {
      let best = NEG
      let arg = 0
      if (f < 0 || f === y) {
        for (let k = pf[y], ke = pf[y + 1]; k < ke; k++) {
          const p = pl[k]
          const s = score[prevRow + p] + tr[p * L + y]
          if (s > best) { best = s; arg = p }
        }
      }
      score[row + y] = best <= NEG ? NEG : best + em[row + y]
      back[row + y] = arg
    }
  }
  let best = NEG
  let arg = 0
  for (let y = 0; y < L; y++) if (score[(n - 1) * L + y] > best) { best = score[(n - 1) * L + y]; arg = y }
  out[n - 1] = arg
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]]
}

/** Viterbi with a once-only label as {@link ChainPerceptron.viterbiOnce} decodes, by loops over `score`. */
export function referenceViterbiOnce(m: ChainPerceptron, em: Float64Array, n: number, out: Int8Array, forced: Int8Array | null, once: number, back: Int16Array, score: Float64Array): void {
  const L = m.labels
  const S = 2 * L
  const tr = m.trans
  const al = m.allowed
  const pf = m.predecessors.from
  const pl = m.predecessors.list
  const NEG = -1e300
  if (n === 0) return
  for (let s = 0; s < S; s++) {
    const y = s % L
    const seen = s >= L
    const ok = al[L * L + y] === 1 && (forced === null || forced[0] < 0 || forced[0] === y) && seen === (y === once)
    score[s] = ok ? em[y] + tr[L * L + y] : NEG
  }
  for (let i = 1; i < n; i++) {
    const f = forced === null ? -1 : forced[i]
    const prevRow = (i - 1) * S
    const row = i * S
    const emRow = i * L
    for (let s = 0; s < S; s++) {
      const seen = s >= L
      const y = seen ? s - L : s
      let best = NEG
      let arg = 0
      // Starting `once` needs it unseen before; every other label keeps the flag.
      const ok = (f < 0 || f === y) && (y !== once || seen)
      if (ok) {
        const base = y === once ? 0 : seen ? L : 0
        for (let k = pf[y], ke = pf[y + 1]; k < ke; k++) {
          const p = pl[k]
          const v = score[prevRow + base + p]
          if (v <= NEG) continue
          const sc = v + tr[p * L + y]
          if (sc > best) { best = sc; arg = base + p }
        }
      }
      score[row + s] = best <= NEG ? NEG : best + em[emRow + y]
      back[row + s] = arg
    }
  }
  let best = NEG
  let arg = 0
  for (let s = 0; s < S; s++) if (score[(n - 1) * S + s] > best) { best = score[(n - 1) * S + s]; arg = s }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg % L
    if (i > 0) arg = back[i * S + arg]
  }
}


/** A compiled Viterbi decoder: labels of `n` positions into `out`, from emissions and transitions `tr`. */
type Decoder<B> = (em: Float64Array, n: number, out: Int8Array, forced: Int8Array | null, back: B, tr: Float64Array) => void

/**
 * Viterbi for one constraint matrix, compiled: the scores of the previous position and the
 * allowed transitions live in locals, and only the allowed transitions are tried, in the
 * order of {@link referenceViterbi} (ascending predecessors, the first best wins), with
 * the same floating-point operations. The loops read and wrote a typed array for every
 * (position, label, predecessor), each access with V8's checks: 9% of the pipeline's
 * instructions went to decoding.
 */
function compileViterbi(L: number, allowed: Uint8Array, predFrom: Int32Array, predList: Int8Array): Decoder<Int8Array> {
  const preds = (y: number) => [...predList.subarray(predFrom[y], predFrom[y + 1])]
  const labels = [...Array(L).keys()]
  const code: string[] = []
  for (const y of labels) for (const p of preds(y)) code.push(`const t${p}_${y} = tr[${p * L + y}]`)
  code.push('let f = forced === null ? -1 : forced[0]')
  for (const y of labels) {
    code.push(allowed[L * L + y] === 1
      ? `let s${y} = f < 0 || f === ${y} ? em[${y}] + tr[${L * L + y}] : NEG`
      : `let s${y} = NEG`)
  }
  code.push('let best = NEG, arg = 0, v = 0', 'for (let i = 1; i < n; i++) {',
    '  f = forced === null ? -1 : forced[i]', `  const row = i * ${L}`)
  for (const y of labels) {
    code.push('  best = NEG; arg = 0', `  if (f < 0 || f === ${y}) {`)
    for (const p of preds(y)) code.push(`    v = s${p} + t${p}_${y}; if (v > best) { best = v; arg = ${p} }`)
    code.push('  }', `  const n${y} = best <= NEG ? NEG : best + em[row + ${y}]`, `  back[row + ${y}] = arg`)
  }
  code.push(`  ${labels.map((y) => `s${y} = n${y}`).join('; ')}`, '}', 'best = NEG; arg = 0')
  for (const y of labels) code.push(`if (s${y} > best) { best = s${y}; arg = ${y} }`)
  code.push('out[n - 1] = arg', `for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * ${L} + out[i]]`)
  return compileDecoder('viterbi', code) as Decoder<Int8Array>
}

/** {@link compileViterbi} for {@link referenceViterbiOnce}: states (label, whether `once` has started). */
function compileViterbiOnce(L: number, allowed: Uint8Array, predFrom: Int32Array, predList: Int8Array, once: number): Decoder<Int16Array> {
  const preds = (y: number) => [...predList.subarray(predFrom[y], predFrom[y + 1])]
  const S = 2 * L
  const states = [...Array(S).keys()]
  const code: string[] = []
  for (let y = 0; y < L; y++) for (const p of preds(y)) code.push(`const t${p}_${y} = tr[${p * L + y}]`)
  code.push('let f = forced === null ? -1 : forced[0]')
  for (const s of states) {
    const y = s % L
    const seen = s >= L
    code.push(allowed[L * L + y] === 1 && seen === (y === once)
      ? `let s${s} = f < 0 || f === ${y} ? em[${y}] + tr[${L * L + y}] : NEG`
      : `let s${s} = NEG`)
  }
  code.push('let best = NEG, arg = 0, v = 0', 'for (let i = 1; i < n; i++) {',
    '  f = forced === null ? -1 : forced[i]', `  const row = i * ${S}`, `  const emRow = i * ${L}`)
  for (const s of states) {
    const seen = s >= L
    const y = seen ? s - L : s
    code.push('  best = NEG; arg = 0')
    // Starting `once` needs it unseen before; every other label keeps the flag.
    if (y !== once || seen) {
      const base = y === once ? 0 : seen ? L : 0
      code.push(`  if (f < 0 || f === ${y}) {`)
      for (const p of preds(y)) {
        code.push(`    v = s${base + p}; if (v > NEG) { v += t${p}_${y}; if (v > best) { best = v; arg = ${base + p} } }`)
      }
      code.push('  }')
    }
    code.push(`  const n${s} = best <= NEG ? NEG : best + em[emRow + ${y}]`, `  back[row + ${s}] = arg`)
  }
  code.push(`  ${states.map((s) => `s${s} = n${s}`).join('; ')}`, '}', 'best = NEG; arg = 0')
  for (const s of states) code.push(`if (s${s} > best) { best = s${s}; arg = ${s} }`)
  code.push('for (let i = n - 1; i >= 0; i--) {', `  out[i] = arg % ${L}`, `  if (i > 0) arg = back[i * ${S} + arg]`, '}')
  return compileDecoder('viterbiOnce', code) as Decoder<Int16Array>
}

// Decoders by constraints (and once-only label): taggers with the same constraints, such as
// the fold models of training, share one function, which V8 then optimizes once.
const decoders = new Map<string, unknown>()
function compiled<D>(key: string, build: () => D): D {
  let d = decoders.get(key) as D | undefined
  if (d === undefined) decoders.set(key, d = build())
  return d
}

function compileDecoder(name: string, code: readonly string[]): unknown {
  // Built from the constraint matrix alone: numbers and fixed text, never input.
  return new Function(`'use strict'
const NEG = -1e300
return function ${name}(em, n, out, forced, back, tr) {
  if (n === 0) return
  ${code.join('\n  ')}
}`)()
}
