import { readFileSync } from 'node:fs'
import { ClaimtrailError } from '../../model/errors.ts'

/**
 * The weight vector of an averaged perceptron over hashed features (Collins 2002), with
 * lazy averaging: a weight's running sum catches up with the steps it stayed unchanged
 * only when it changes, so a training step costs what its features cost. The content
 * ranker and the cue filter are both built on it; they differ in what they score and how
 * they update.
 */
export abstract class AveragedWeights {
  readonly mask: number
  weights: Float32Array
  private sums: Float32Array | Float64Array | null = null
  private stamp: Int32Array | null = null
  private step = 1

  constructor(
    readonly bits: number,
    weights: Float32Array | undefined,
    /**
     * Keep the running sums in 64-bit floats. The committed models were trained one way
     * each (the ranker 32-bit, the filter 64-bit), and the choice shows in their bytes.
     */
    private readonly wideSums: boolean,
  ) {
    this.mask = (1 << bits) - 1
    this.weights = weights ?? new Float32Array(1 << bits)
  }

  /** The sum of the weights of the features `feats[from..to)`. */
  protected sum(feats: Int32Array, from: number, to: number): number {
    let s = 0
    for (let j = from; j < to; j++) s += this.weights[feats[j] & this.mask]
    return s
  }

  /** Start keeping the running sums that {@link average} needs. */
  beginTraining(): void {
    const n = this.weights.length
    this.sums = this.wideSums ? new Float64Array(n) : new Float32Array(n)
    this.stamp = new Int32Array(n)
    this.step = 1
  }

  /** Add `d` to weight `i` (training only). */
  protected add(i: number, d: number): void {
    const sums = this.sums!
    const stamp = this.stamp!
    sums[i] += this.weights[i] * (this.step - stamp[i])
    stamp[i] = this.step
    this.weights[i] += d
  }

  /** Count one training example (for averaging). */
  tick(): void { this.step++ }

  /** Replace the weights by their averages over all training steps. */
  average(): void {
    const sums = this.sums!
    const stamp = this.stamp!
    for (let i = 0; i < this.weights.length; i++) {
      sums[i] += this.weights[i] * (this.step - stamp[i])
      this.weights[i] = sums[i] / this.step
    }
    this.sums = null
    this.stamp = null
  }

  /** Serialise: an 8-byte magic, the hash bits, `extra` as float32s, then the weights. */
  protected serialize(magic: string, extra: readonly number[] = []): Buffer {
    const head = Buffer.alloc(12 + 4 * extra.length)
    head.write(magic, 0, 'latin1')
    head.writeUInt32LE(this.bits, 8)
    extra.forEach((x, k) => head.writeFloatLE(x, 12 + 4 * k))
    return Buffer.concat([head, Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength)])
  }
}

/**
 * Read what {@link AveragedWeights.serialize} wrote: the hash bits, `extras` float32s and
 * the weights. `what` names the model in the error a wrong file gets.
 */
export function readWeights(buf: Buffer, magic: string, extras: number, what: string): { bits: number; extra: number[]; weights: Float32Array } {
  const head = 12 + 4 * extras
  if (buf.length < head || buf.toString('latin1', 0, 8) !== magic) {
    throw new ClaimtrailError('BAD_INPUT', `not a claimtrail ${what}; retrain with npm run train:attribution`)
  }
  const bits = buf.readUInt32LE(8)
  if (bits < 1 || bits > 24 || buf.length !== head + 4 * (1 << bits)) {
    throw new ClaimtrailError('BAD_INPUT', `damaged claimtrail ${what} (${buf.length} bytes); retrain with npm run train:attribution`)
  }
  const weights = new Float32Array(1 << bits)
  new Uint8Array(weights.buffer).set(buf.subarray(head, head + weights.byteLength))
  const extra = Array.from({ length: extras }, (_, k) => buf.readFloatLE(12 + 4 * k))
  return { bits, extra, weights }
}

/** The bytes of a model file; null when `path` is undefined and the default file is absent. */
export function readModelFile(path: string | undefined, defaultPath: string, what: string): Buffer | null {
  try {
    return readFileSync(path ?? defaultPath)
  } catch (e) {
    if (path === undefined) return null
    throw new ClaimtrailError('NOT_FOUND', `${path}: ${what} missing`, { cause: e })
  }
}
