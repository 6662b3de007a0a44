import type { PolnearDoc } from '../../eval/polnear.ts'
import { offsetMap } from '../../format/offsets.ts'
import type { TokenColumns } from '../../model/doc.ts'
import type { CharSpan, Sentence } from '../../model/types.ts'
import type { AttributionModel } from './attributions.ts'
import { roleWindow } from './attributions.ts'
import { prepare, type Prepared } from './features.ts'
import {
  CUE_LABELS, cueFeatures, cueLabels, K_CUE, K_ROLE, newCueTagger, newRoleTagger, R_CB, R_CI, R_SB, R_SI,
  roleFeatures, type CueTokens,
} from './taggers.ts'

/** A training document: tokenized text and gold attributions in UTF-16 fragments. */
export interface TrainingDoc {
  readonly text: string
  readonly tokens: TokenColumns
  readonly sentences: readonly Sentence[]
  readonly attributions: ReadonlyArray<{ source: readonly CharSpan[]; cue: readonly CharSpan[]; content: readonly CharSpan[] }>
}

/**
 * A PolNeAR document as training input: its tokens and sentences (`tokenized`), and the
 * gold in UTF-16 offsets, as the stage works in them (PolNeAR counts code points).
 */
export function toTrainingDoc(doc: PolnearDoc, tokenized: { tokens: TokenColumns; sentences: readonly Sentence[] }): TrainingDoc {
  const map = offsetMap(doc.text)
  const utf16 = (fs: ReadonlyArray<{ start: number; end: number }>) => fs.map((f) => ({ start: map.toUtf16(f.start), end: map.toUtf16(f.end) }))
  return {
    tokens: tokenized.tokens, sentences: tokenized.sentences, text: doc.text,
    attributions: doc.gold.map((a) => ({ source: utf16(a.source), cue: utf16(a.cue), content: utf16(a.content) })),
  }
}

/** Settings of a training run. */
export interface TrainingOptions {
  readonly cueEpochs: number
  readonly roleEpochs: number
  readonly seed: number
  readonly cueBits?: number
  readonly roleBits?: number
  /** Margins of cost-augmented training; `DEFAULT_COSTS` when not given. */
  readonly costs?: TrainingCosts
  /** Called after each epoch with a line to log. */
  readonly log?: (line: string) => void
}

/**
 * Cost-augmented ("margin-rescaled") perceptron training: while learning, the decoder adds
 * `cue` to the score of every cue label that differs from the gold one, `cue * cueMiss`
 * where the gold label is part of a cue, and `role` to every wrong role label, so an update
 * happens until gold wins by that margin, not merely wins. A missed cue token costs more
 * than a false one, which moves what the cue tagger learns toward recall; decoding at run
 * time is unchanged. Weights move by 1 a feature an update, so a cost of 20 is twenty
 * features' worth. Chosen by cross-validation on train (docs/attribution.md, "Session 8").
 */
export interface TrainingCosts {
  readonly cue: number
  readonly cueMiss: number
  readonly role: number
}

export const DEFAULT_COSTS: TrainingCosts = { cue: 20, cueMiss: 4, role: 0 }

/** Command-line options for the costs, shared by the training scripts. */
export const COST_FLAGS = {
  'cue-cost': { type: 'string', default: String(DEFAULT_COSTS.cue) },
  'cue-miss': { type: 'string', default: String(DEFAULT_COSTS.cueMiss) },
  'role-cost': { type: 'string', default: String(DEFAULT_COSTS.role) },
} as const

/** The costs given on a command line parsed with `COST_FLAGS`. */
export function costsFromFlags(values: { 'cue-cost'?: string; 'cue-miss'?: string; 'role-cost'?: string }): TrainingCosts {
  return {
    cue: Number(values['cue-cost'] ?? DEFAULT_COSTS.cue),
    cueMiss: Number(values['cue-miss'] ?? DEFAULT_COSTS.cueMiss),
    role: Number(values['role-cost'] ?? DEFAULT_COSTS.role),
  }
}

/** The same costs as arguments for a training script run in a child process. */
export function costArgs(costs: TrainingCosts): string[] {
  return ['--cue-cost', String(costs.cue), '--cue-miss', String(costs.cueMiss), '--role-cost', String(costs.role)]
}

/** The costs as a short tag for file names and model versions: cost20x4r0. */
export function costTag(costs: TrainingCosts): string {
  return `cost${costs.cue}x${costs.cueMiss}r${costs.role}`
}

/** Add `cost` to every label but the gold one (`miss` times it where gold is not label 0). */
function addCost(em: Float64Array, gold: ArrayLike<number>, n: number, labels: number, cost: number, miss: number): void {
  if (cost === 0) return
  for (let i = 0; i < n; i++) {
    const g = gold[i]
    const c = g === 0 ? cost : cost * miss
    for (let y = 0, j = i * labels; y < labels; y++, j++) if (y !== g) em[j] += c
  }
}

/** mulberry32: a small seeded PRNG, so the epoch order is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffled(n: number, next: () => number): Int32Array {
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    const t = order[i]; order[i] = order[j]; order[j] = t
  }
  return order
}

/** Token range covered by a character fragment (tokens starting inside it). */
function tokenRange(p: Prepared, f: CharSpan): CueTokens | null {
  const st = p.tokens.start
  let lo = 0
  let hi = p.n
  while (lo < hi) { const m = (lo + hi) >> 1; if (st[m] < f.start) lo = m + 1; else hi = m }
  let e = lo
  while (e < p.n && st[e] < f.end) e++
  return e > lo ? { start: lo, end: e } : null
}

interface RoleExample { doc: number; cue: CueTokens; source: CueTokens[]; content: CueTokens[] }

/**
 * Train the cue and role taggers. Deterministic: the same documents, options and seed
 * give the same weights bit for bit.
 */
export function trainModel(docs: readonly TrainingDoc[], options: TrainingOptions, version = 'trained'): AttributionModel {
  const log = options.log ?? (() => {})
  const costs = options.costs ?? DEFAULT_COSTS
  const prepared = docs.map((d) => prepare(d.text, d.tokens, d.sentences))
  const cueGold: Int8Array[] = []
  const isCue: Uint8Array[] = []
  const examples: RoleExample[] = []
  prepared.forEach((p, di) => {
    const cueMask = new Uint8Array(p.n)
    const all: CueTokens[] = []
    for (const a of docs[di].attributions) {
      const cueRanges = a.cue.map((f) => tokenRange(p, f)).filter((r): r is CueTokens => r !== null)
      for (const r of cueRanges) {
        all.push(r)
        cueMask.fill(1, r.start, r.end)
      }
      if (cueRanges.length === 0) continue
      const cue = { start: cueRanges[0].start, end: cueRanges[cueRanges.length - 1].end }
      const ranges = (fs: readonly CharSpan[]) => fs.map((f) => tokenRange(p, f)).filter((r): r is CueTokens => r !== null)
      examples.push({ doc: di, cue, source: ranges(a.source), content: ranges(a.content) })
    }
    cueGold.push(cueLabels(p.n, all))
    isCue.push(cueMask)
  })
  const next = rng(options.seed)
  const cue = newCueTagger(options.cueBits)
  cue.beginTraining()
  let maxN = 1
  for (const p of prepared) for (let q = 0; q < p.paraStart.length; q++) maxN = Math.max(maxN, p.paraEnd[q] - p.paraStart[q])
  const feats = new Int32Array(maxN * Math.max(K_CUE, K_ROLE))
  const em = new Float64Array(maxN * 5)
  const score = new Float64Array(maxN * 10)
  const backOnce = new Int16Array(maxN * 10)
  const back = new Int8Array(maxN * 5)
  const pred = new Int8Array(maxN)
  const forced = new Int8Array(maxN)
  for (let epoch = 0; epoch < options.cueEpochs; epoch++) {
    let wrong = 0
    let total = 0
    for (const di of shuffled(prepared.length, next)) {
      const p = prepared[di]
      for (let q = 0; q < p.paraStart.length; q++) {
        const from = p.paraStart[q]
        const n = p.paraEnd[q] - from
        if (n === 0) continue
        cueFeatures(p, from, from + n, feats)
        cue.emissions(feats, n, K_CUE, em)
        const gold = cueGold[di].subarray(from, from + n)
        addCost(em, gold, n, CUE_LABELS, costs.cue, costs.cueMiss)
        cue.viterbi(em, n, pred, null, back, score)
        let differs = false
        for (let i = 0; i < n; i++) if (gold[i] !== pred[i]) { differs = true; wrong++ }
        total += n
        if (differs) cue.update(feats, n, K_CUE, gold, pred)
        cue.tick()
      }
    }
    log(`cue epoch ${epoch + 1}: token error ${(100 * wrong / total).toFixed(2)}%`)
  }
  cue.average()
  const role = newRoleTagger(options.roleBits)
  role.beginTraining()
  const gold = new Int8Array(maxN)
  for (let epoch = 0; epoch < options.roleEpochs; epoch++) {
    let wrong = 0
    let total = 0
    for (const k of shuffled(examples.length, next)) {
      const ex = examples[k]
      const p = prepared[ex.doc]
      const win = roleWindow(p, ex.cue)
      const n = win.end - win.start
      gold.fill(0, 0, n)
      const mark = (rs: CueTokens[], b: number, inside: number) => {
        for (const r of rs) {
          for (let i = Math.max(r.start, win.start); i < Math.min(r.end, win.end); i++) {
            gold[i - win.start] = i === r.start ? b : inside
          }
        }
      }
      mark(ex.source, R_SB, R_SI)
      mark(ex.content, R_CB, R_CI)
      forced.fill(-1, 0, n)
      for (let i = ex.cue.start; i < ex.cue.end; i++) { forced[i - win.start] = 0; gold[i - win.start] = 0 }
      // A fragment clipped by the window starts with an inside label; make it a start.
      for (let i = 0; i < n; i++) {
        const y = gold[i]
        if ((y === R_SI || y === R_CI) && (i === 0 || (gold[i - 1] !== y && gold[i - 1] !== y - 1))) gold[i] = y - 1
      }
      roleFeatures(p, ex.cue, win.start, win.end, isCue[ex.doc], feats)
      role.emissions(feats, n, K_ROLE, em)
      addCost(em, gold, n, R_CI + 1, costs.role, 1)
      role.viterbiOnce(em, n, pred, forced, R_SB, backOnce, score)
      let differs = false
      for (let i = 0; i < n; i++) if (gold[i] !== pred[i]) { differs = true; wrong++ }
      total += n
      if (differs) role.update(feats, n, K_ROLE, gold, pred)
      role.tick()
    }
    log(`role epoch ${epoch + 1}: token error ${(100 * wrong / total).toFixed(2)}%`)
  }
  role.average()
  return { version, cue, role }
}
