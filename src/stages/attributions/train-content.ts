/**
 * Train the content-end ranker (content-ranker.ts) on the role tagger's output for gold
 * cues of training documents the tagger did not see: cross-fitted (`--folds 2`, the way
 * the committed ranker is trained), or with a model trained by
 * `npm run train:attribution -- --limit 700 --out <tagger>` and the documents after the 700th.
 *
 *   node --import tsx src/stages/attributions/train-content.ts --folds 2
 *   node --import tsx src/stages/attributions/train-content.ts --tagger /tmp/m700.bin --from 700
 *     [--data ../shared/data/polnear/train] [--epochs 5] [--cue-epochs 6] [--role-epochs 20] [--gold-cues] [--out models/attribution/content-end.bin]
 *     [--cv K] [--cv-seeds 1,2,3] [--cache /tmp/dir]
 *
 * `--cv K` also prints a K-fold cross-validation over documents of the ranker (boundaries
 * right out of all fragments seen, against the tagger's; averaged over the ranker seeds
 * `--cv-seeds`, default `--seed`); `--cache` keeps the fold taggers
 * there (stored as the stage reads them, with 16-bit weights, so a cached run's figures
 * differ a little from a run without it; compare cached runs with cached runs).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadPolnearSplit, type PolnearDoc } from '../../eval/polnear.ts'
import { offsetMap } from '../../format/offsets.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import {
  findCues, findRoles, loadAttributionModel, modelFromBuffer, modelToBuffer, roleWindow, Scratch, tidyRoles, type AttributionModel,
} from './attributions.ts'
import { COST_FLAGS, costsFromFlags, costTag, rng, toTrainingDoc, trainModel } from './training.ts'
import {
  DEFAULT_RANKER_PATH, endCandidates, endFeatures, endLimit, EndRanker, K_END, startCandidates, startFeatures, startLimit,
} from './content-ranker.ts'
import { prepare } from './features.ts'
import { tokenRange, type CueTokens } from './taggers.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/train' },
    tagger: { type: 'string' },
    from: { type: 'string', default: '700' },
    to: { type: 'string' },
    epochs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    folds: { type: 'string', default: '1' },
    'held-out': { type: 'string' },
    // Other cues are marked as the fold's own cue tagger (6 epochs) finds them, as at run
    // time: trained on gold cues, the ranker trusted the cue marks more than predicted ones
    // deserve (dev content 59.4 on average over three seeds, against 59.9 with predicted
    // ones). --gold-cues restores the old way.
    'gold-cues': { type: 'boolean', default: false },
    'cue-epochs': { type: 'string', default: '6' },
    'role-epochs': { type: 'string', default: '20' },
    ...COST_FLAGS,
    cv: { type: 'string' },
    'cv-seeds': { type: 'string' },
    cache: { type: 'string' },
    out: { type: 'string' },
  },
})

/** One ranking problem: the features of its candidates and the gold candidate's index. */
interface Problem { feats: Int32Array; n: number; gold: number; tagger: number; doc: number; isEnd: boolean }

const nlp = loadWink()
const sc = new Scratch()
const problems: Problem[] = []
let seen = 0
let seenEnd = 0
let reachable = 0
let taggerRight = 0
const folds = Number(values.folds)
if (folds > 1) {
  // Cross-fitting: the role tagger of fold f is trained on the other folds' documents.
  const all = loadPolnearSplit(values.data!).map((d) => ({ d, t: tokenize(nlp, d.text) }))
  for (let f = 0; f < folds; f++) {
    const t0 = performance.now()
    const train = all.filter((_, i) => i % folds !== f).map(({ d, t }) => toTrainingDoc(d, t))
    const path = values.cache === undefined ? null : join(values.cache, `content-fold${f}of${folds}-seed${values.seed}-cue${values['cue-epochs']}-role${values['role-epochs']}-${costTag(costsFromFlags(values))}.bin`)
    let tagger: AttributionModel
    if (path !== null && existsSync(path)) tagger = modelFromBuffer(readFileSync(path))
    else {
      tagger = trainModel(train, { cueEpochs: Number(values['cue-epochs']), roleEpochs: Number(values['role-epochs']), seed: Number(values.seed), costs: costsFromFlags(values) })
      if (path !== null) {
        writeFileSync(path, modelToBuffer(tagger))
        tagger = modelFromBuffer(modelToBuffer(tagger))
      }
    }
    const held = all.filter((_, i) => i % folds === f)
    all.forEach(({ d, t }, i) => { if (i % folds === f) addProblems(tagger, d, t, i) })
    console.log(`fold ${f + 1}: tagger trained on ${train.length} documents, ${held.length} held out, ${((performance.now() - t0) / 1000).toFixed(0)} s`)
  }
} else {
  const tagger = loadAttributionModel(values.tagger)
  const docs = loadPolnearSplit(values.data!).slice(Number(values.from), values.to === undefined ? undefined : Number(values.to))
  for (const d of docs) addProblems(tagger, d, tokenize(nlp, d.text))
}

function addProblems(tagger: AttributionModel, d: PolnearDoc, t: ReturnType<typeof tokenize>, doc = 0): void {
  const map = offsetMap(d.text)
  const { tokens, sentences } = t
  const p = prepare(d.text, tokens, sentences)
  const ranges = (fs: ReadonlyArray<{ start: number; end: number }>) => fs
    .map((f) => tokenRange(p, map.toUtf16(f.start), map.toUtf16(f.end))).filter((r): r is CueTokens => r !== null)
  const all = d.gold.map((a) => ({ cue: ranges(a.cue), content: ranges(a.content) }))
  const isCue = new Uint8Array(p.n)
  const predicted = values['gold-cues'] ? null : findCues(tagger, p, sc)
  if (predicted === null) for (const a of all) for (const c of a.cue) isCue.fill(1, c.start, c.end)
  else for (const c of predicted) isCue.fill(1, c.start, c.end)
  for (const a of all) {
    if (a.cue.length === 0) continue
    const cue = { start: a.cue[0].start, end: a.cue[a.cue.length - 1].end }
    // The cue being decoded is always one of the marked cues at run time.
    const unmarked = predicted === null ? [] : a.cue.filter((c) => isCue[c.start] === 0)
    // Put back afterwards exactly what was there: a predicted cue may overlap the gold one.
    const saved = unmarked.map((c) => isCue.slice(c.start, c.end))
    for (const c of unmarked) isCue.fill(1, c.start, c.end)
    const roles = tidyRoles(p, cue, findRoles(tagger, p, cue, isCue, sc), isCue)
    const win = roleWindow(p, cue)
    const em = { scores: sc.em, from: win.start, to: win.end }
    roles.content.forEach((r, i) => {
      if (r.end <= cue.start) {
        const g = a.content.find((x) => x.end === r.end)
        if (g === undefined) return
        seen++
        const prev = i > 0 ? roles.content[i - 1].end : 0
        const limit = startLimit(p, r.end, prev)
        const cands = startCandidates(p, r.start, r.end, limit, isCue)
        const gold = cands.indexOf(g.start)
        if (gold < 0) return
        reachable++
        if (g.start === r.start) taggerRight++
        const feats = new Int32Array(cands.length * K_END)
        cands.forEach((s, k) => startFeatures(p, cue, r.start, r.end, s, limit, isCue, feats, k * K_END, em))
        problems.push({ feats, n: cands.length, gold, tagger: cands.indexOf(r.start), doc, isEnd: false })
        return
      }
      if (r.start < cue.end) return
      const g = a.content.find((x) => x.start === r.start)
      if (g === undefined) return
      seen++
      seenEnd++
      const next = i + 1 < roles.content.length ? roles.content[i + 1].start : p.n
      const limit = endLimit(p, r.start, next)
      const cands = endCandidates(p, r.start, r.end, limit, isCue)
      const gold = cands.indexOf(g.end)
      if (gold < 0) return
      reachable++
      if (g.end === r.end) taggerRight++
      const feats = new Int32Array(cands.length * K_END)
      cands.forEach((e, k) => endFeatures(p, cue, r.start, r.end, e, limit, isCue, feats, k * K_END, em))
      problems.push({ feats, n: cands.length, gold, tagger: cands.indexOf(r.end), doc, isEnd: true })
    })
    unmarked.forEach((c, k) => isCue.set(saved[k], c.start))
  }
}
console.log(`${seen} content fragments after their cue with the right start, gold end among the candidates for ${reachable}, tagger's end right for ${taggerRight}`)

function best(ranker: EndRanker, pr: Problem): number {
  let b = 0
  let bs = -Infinity
  for (let c = 0; c < pr.n; c++) {
    const s = ranker.score(pr.feats, c * K_END, (c + 1) * K_END)
    if (s > bs) { bs = s; b = c }
  }
  return b
}

/** Train a ranker on the problems `order` (shuffled in place each epoch from `seed`). */
function trainRanker(order: number[], seed: number, log: boolean): EndRanker {
  const next = rng(seed)
  const ranker = new EndRanker()
  ranker.beginTraining()
  for (let epoch = 0; epoch < Number(values.epochs); epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      const t = order[i]; order[i] = order[j]; order[j] = t
    }
    let right = 0
    for (const k of order) {
      const pr = problems[k]
      const b = best(ranker, pr)
      if (b === pr.gold) right++
      else ranker.update(pr.feats, [pr.gold * K_END, (pr.gold + 1) * K_END], [b * K_END, (b + 1) * K_END])
      ranker.tick()
    }
    if (log) console.log(`epoch ${epoch + 1}: ${(100 * right / problems.length).toFixed(1)}% of ends right`)
  }
  ranker.average()
  return ranker
}

if (values.cv !== undefined) {
  // Cross-validation of the ranker over documents: boundaries right out of every fragment
  // seen (those whose gold boundary is no candidate count as wrong), after and before the cue.
  const k = Number(values.cv)
  const right = { end: 0, start: 0 }
  // One ranker seed moves the figure by about 0.2 points: --cv-seeds 1,2,3 averages them.
  const seeds = (values['cv-seeds'] ?? values.seed!).split(',').map(Number)
  for (const seed of seeds) {
    for (let f = 0; f < k; f++) {
      const ranker = trainRanker(problems.map((_, i) => i).filter((i) => problems[i].doc % k !== f), seed, false)
      for (const pr of problems) if (pr.doc % k === f && best(ranker, pr) === pr.gold) right[pr.isEnd ? 'end' : 'start'] += 1 / seeds.length
    }
  }
  const tagger = { end: 0, start: 0 }
  for (const pr of problems) if (pr.tagger === pr.gold) tagger[pr.isEnd ? 'end' : 'start']++
  const pc = (x: number, n: number) => `${x.toFixed(0)}/${n} ${(100 * x / n).toFixed(2)}%`
  console.log(`${k}-fold CV: ends right ${pc(right.end, seenEnd)} (tagger ${pc(tagger.end, seenEnd)}); starts right ${pc(right.start, seen - seenEnd)} (tagger ${pc(tagger.start, seen - seenEnd)})`)
}

const heldFrom = values['held-out'] === undefined ? Infinity : Number(values['held-out'])
const ranker = trainRanker(problems.map((_, i) => i).filter((i) => problems[i].doc < heldFrom), Number(values.seed), true)
const held = problems.filter((pr) => pr.doc >= heldFrom)
if (held.length > 0) {
  const rk = held.filter((pr) => best(ranker, pr) === pr.gold).length
  const tg = held.filter((pr) => pr.tagger === pr.gold).length
  console.log(`held-out documents: ${held.length} ends, tagger right ${(100 * tg / held.length).toFixed(1)}%, ranker right ${(100 * rk / held.length).toFixed(1)}%`)
}
// An analysis run (--cv, --cache: fold taggers that may differ from a fresh run's) must
// not overwrite the committed ranker by default; it writes only where --out says.
const isAnalysis = values.cv !== undefined || values.cache !== undefined
const out = values.out ?? (isAnalysis ? undefined : DEFAULT_RANKER_PATH)
if (out === undefined) {
  console.log('not written: an analysis run (--cv or --cache) writes the ranker only with --out')
} else {
  writeFileSync(out, ranker.toBuffer())
  console.log(`wrote ${out}`)
}
