/**
 * Where gold cues are lost and where false cues come from, step by step, with the fold models of a
 * `train-cv.ts --keep DIR` run (each fold's taggers, cue filter and content ranker decode the
 * documents it held out). Cues are compared as token ranges; each gold cue the stage misses is
 * counted by what happened to it:
 *
 * - `none`: no candidate of the tagger (with the filter's bonus) overlaps it;
 * - `other-extent`: only candidates of another extent;
 * - `cand-nocontent-base|new`: a candidate with exactly its tokens, with no content after the role
 *   tagger and tidying (`base` when the tagger finds it without the bonus);
 * - `filtered-base|new`: dropped by the cue filter;
 * - `postrule-kept-base|new`: kept by the filter, then dropped or reshaped by a later rule
 *   (`withoutNestedCues`, `conventionalCue`, ...);
 *
 * and each false cue by `extent` (it overlaps a gold cue) or `nogold`, with the candidate's fate
 * (`kept-base`, ..., or `rule` for a cue the rules made). Every class is also counted by head
 * lemma (the first verb, else the first word).
 *
 *   node --import tsx src/stages/attributions/cue-losses.ts --models /tmp/k13/s1
 *     [--data ../shared/data/polnear/train] [--folds 2] [--examples miss:none:say] [--max 30]
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { POS_TAGS } from '../../model/doc.ts'
import { loadPolnearSplit } from '../../eval/polnear.ts'
import { offsetMap } from '../../format/offsets.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { candidateRoles, extractAttributions, findCueCandidates, loadAttributionModel, Scratch } from './attributions.ts'
import { loadEndRanker } from './content-ranker.ts'
import { K_FILTER, loadCueFilter } from './cue-filter.ts'
import { prepare } from './features.ts'
import { tokenRange } from './taggers.ts'

const { values } = parseArgs({
  options: {
    models: { type: 'string' },
    data: { type: 'string', default: '../shared/data/polnear/train' },
    folds: { type: 'string', default: '2' },
    examples: { type: 'string' },
    max: { type: 'string', default: '30' },
  },
})
if (values.models === undefined) throw new Error('--models DIR (a train-cv.ts --keep directory) is required')
const folds = Number(values.folds)
const max = Number(values.max)
const VERB = POS_TAGS.indexOf('VERB')
const nlp = loadWink()
const docs = loadPolnearSplit(values.data!)
const counts = new Map<string, number>()
const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1)
const examples: string[] = []
const sc = new Scratch()
const span = (k: string) => k.split(':').map(Number) as [number, number]
const overlapsAny = (keys: Iterable<string>, s: number, e: number) => [...keys].some((k) => { const [a, b] = span(k); return a < e && s < b })

for (let f = 0; f < folds; f++) {
  const dir = join(values.models, `fold-${f + 1}`)
  const model = loadAttributionModel(join(dir, 'model.bin'))
  const filter = loadCueFilter(join(dir, 'cue-filter.bin'))
  const ranker = loadEndRanker(join(dir, 'content-end.bin'))
  if (filter === null) throw new Error(`${dir}: no cue-filter.bin`)
  model.cue.quantize()
  model.role.quantize()
  docs.forEach((d, i) => {
    if (i % folds !== f) return
    const t = tokenize(nlp, d.text)
    const p = prepare(d.text, t.tokens, t.sentences)
    const map = offsetMap(d.text)
    // each candidate's fate, as cuesWithRoles decides it
    const isCue = new Uint8Array(p.n)
    const cands = findCueCandidates(model, p, filter.bonus, isCue, sc)
    const fate = new Map<string, string>()
    const all = candidateRoles(model, p, cands, isCue, ranker, sc)
    for (let k = 0; k < cands.length; k++) {
      const cue = cands[k]
      const roles = all.roles[k]
      const st = roles.content.length === 0 ? 'cand-nocontent' : filter.keep(all.feats, k * K_FILTER) ? 'kept' : 'filtered'
      fate.set(`${cue.start}:${cue.end}`, `${st}-${cue.base === 1 ? 'base' : 'new'}`)
    }
    const keys = (fs: ReadonlyArray<{ start: number; end: number }>, utf16: (x: number) => number) => {
      const out = new Set<string>()
      for (const c of fs) { const r = tokenRange(p, utf16(c.start), utf16(c.end)); if (r !== null) out.add(`${r.start}:${r.end}`) }
      return out
    }
    const pred = keys(extractAttributions(model, d.text, t.tokens, t.sentences, [], sc, filter, ranker).flatMap((a) => a.cue), (x) => x)
    const gold = keys(d.gold.flatMap((a) => a.cue), (x) => map.toUtf16(x))
    const head = (s: number, e: number) => {
      for (let x = s; x < e; x++) if (p.pos[x] === VERB) return p.tokens.lemma[x].toLowerCase()
      return p.tokens.lemma[s].toLowerCase()
    }
    const note = (k: string, s: number, e: number) => {
      const lemma = head(s, e)
      add(k)
      add(`${k}:${lemma}`)
      if ((values.examples === k || values.examples === `${k}:${lemma}`) && examples.length < max) {
        const a = p.tokens.start[s]
        const b = p.tokens.end[e - 1]
        let lo = a
        let hi = b
        while (lo > 0 && d.text[lo - 1] !== '\n' && a - lo < 200) lo--
        while (hi < d.text.length && d.text[hi] !== '\n' && hi - b < 150) hi++
        examples.push(`${d.name}: ${d.text.slice(lo, a)}<<${d.text.slice(a, b)}>>${d.text.slice(b, hi)}`)
      }
    }
    for (const g of gold) {
      if (pred.has(g)) continue
      const [s, e] = span(g)
      const st = fate.get(g)
      note(`miss:${st === undefined ? (overlapsAny(fate.keys(), s, e) ? 'other-extent' : 'none') : st.startsWith('kept') ? `postrule-${st}` : st}`, s, e)
    }
    for (const q of pred) {
      if (gold.has(q)) continue
      const [s, e] = span(q)
      note(`false:${overlapsAny(gold, s, e) ? 'extent' : 'nogold'}:${fate.get(q) ?? 'rule'}`, s, e)
    }
  })
}
const sorted = [...counts].sort((a, b) => b[1] - a[1])
const depth = (k: string) => k.split(':').length - (k.startsWith('false') ? 1 : 0)
for (const [k, n] of sorted.filter(([k]) => depth(k) === 2)) console.log(String(n).padStart(6), k)
console.log('\nby head lemma (largest 60):')
for (const [k, n] of sorted.filter(([k]) => depth(k) === 3).slice(0, 60)) console.log(String(n).padStart(6), k)
if (examples.length > 0) console.log(`\n${values.examples}:\n${examples.join('\n\n')}`)
