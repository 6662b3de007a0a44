/**
 * Study of the gold cues no cue candidate reaches (session 14, docs/attribution.md "Session 14:
 * cues"), with the fold models of a `train-cv.ts --keep DIR` run. TSV lines to stdout:
 *
 * - `G fold doc status lemmas pos quote token isCue context`: every gold cue (token ranges),
 *   `hit` when the stage outputs it, `cand` when a candidate of the filter's bonus overlaps it,
 *   `none` when none does;
 * - `C fold doc base fate gold out sourceFound lemmas context`: every candidate, with its fate
 *   (`kept`, `filtered`, `nocontent`), whether it is a gold cue (`gold`, `overlap`, `nogold`) and
 *   whether the stage outputs it (`out`);
 * - `U fold lemma pos goldStart`: every token no candidate covers, and whether a gold cue starts
 *   there (the rate of a lemma among tokens the tagger never proposes);
 * - with `LEX=PREFIX`, `X fold lemma gold sourceSide contentFragments context`: each uncovered token
 *   whose "lemma<TAB>POS" is a line of `PREFIX<fold>.tsv` (a lexicon built from the other fold's
 *   U lines) role-tagged as a one-token cue: what a lexicon candidate generator would propose.
 *
 *   node --import tsx src/stages/attributions/cue-none.ts --models /tmp/k14/s1 > /tmp/none1.tsv
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { POS_TAGS } from '../../model/doc.ts'
import { loadPolnearSplit } from '../../eval/polnear.ts'
import { offsetMap } from '../../format/offsets.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { candidateRoles, extractAttributions, findCueCandidates, findRoles, loadAttributionModel, Scratch, tidyRoles } from './attributions.ts'
import { refineContent } from './content-spans.ts'
import { loadEndRanker } from './content-ranker.ts'
import { K_FILTER, loadCueFilter } from './cue-filter.ts'
import { prepare } from './features.ts'
import { tokenRange } from './taggers.ts'

const { values } = parseArgs({ options: { models: { type: 'string' }, data: { type: 'string', default: '../shared/data/polnear/train' } } })
const nlp = loadWink()
const docs = loadPolnearSplit(values.data!)
const sc = new Scratch()
const out: string[] = []
for (let f = 0; f < 2; f++) {
  const dir = join(values.models!, `fold-${f + 1}`)
  const model = loadAttributionModel(join(dir, 'model.bin'))
  const filter = loadCueFilter(join(dir, 'cue-filter.bin'))!
  const ranker = loadEndRanker(join(dir, 'content-end.bin'))
  model.cue.quantize(); model.role.quantize()
  docs.forEach((d, i) => {
    if (i % 2 !== f) return
    const t = tokenize(nlp, d.text)
    const p = prepare(d.text, t.tokens, t.sentences)
    const map = offsetMap(d.text)
    const isCue = new Uint8Array(p.n)
    const cands = findCueCandidates(model, p, filter.bonus, isCue, sc)
    const covered = new Uint8Array(p.n)
    for (const c of cands) covered.fill(1, c.start, c.end)
    const keys = (fs: ReadonlyArray<{ start: number; end: number }>, utf16: (x: number) => number) => {
      const o = new Set<string>()
      for (const c of fs) { const r = tokenRange(p, utf16(c.start), utf16(c.end)); if (r !== null) o.add(`${r.start}:${r.end}`) }
      return o
    }
    const pred = keys(extractAttributions(model, d.text, t.tokens, t.sentences, [], sc, filter, ranker).flatMap((a) => a.cue), (x) => x)
    const gold = keys(d.gold.flatMap((a) => a.cue), (x) => map.toUtf16(x))
    const gstart = new Uint8Array(p.n)
    for (const g of gold) {
      const [s, e] = g.split(':').map(Number)
      gstart[s] = 1
      let cov = 0
      for (let x = s; x < e; x++) cov |= covered[x]
      const st = pred.has(g) ? 'hit' : cov ? 'cand' : 'none'
      const lem = []; const pos = []
      for (let x = s; x < e; x++) { lem.push(p.tokens.lemma[x].toLowerCase()); pos.push(POS_TAGS[p.pos[x]]) }
      const a = p.tokens.start[s]; const b = p.tokens.end[e - 1]
      const ctx = (d.text.slice(Math.max(0, a - 90), a) + '<<' + d.text.slice(a, b) + '>>' + d.text.slice(b, b + 70)).replace(/[\n\t]/g, ' ')
      out.push(`G\t${f}\t${d.name}\t${st}\t${lem.join(' ')}\t${pos.join(' ')}\t${p.quote[s]}\t${s}\t${isCue[s]}\t${ctx}`)
    }
    const gtok = new Uint8Array(p.n)
    for (const g of gold) { const [s, e] = g.split(':').map(Number); gtok.fill(1, s, e) }
    const all = candidateRoles(model, p, cands, isCue, ranker, sc)
    for (let k = 0; k < cands.length; k++) {
      const cue = cands[k]
      const roles = all.roles[k]
      const kept = roles.content.length === 0 ? 'nocontent' : filter.keep(all.feats, k * K_FILTER) ? 'kept' : 'filtered'
      const key = `${cue.start}:${cue.end}`
      let ov = 0
      for (let x = cue.start; x < cue.end; x++) ov |= gtok[x]
      const lem = []
      for (let x = cue.start; x < cue.end; x++) lem.push(p.tokens.lemma[x].toLowerCase())
      const a = p.tokens.start[cue.start]; const b = p.tokens.end[cue.end - 1]
      const ctx = (d.text.slice(Math.max(0, a - 90), a) + '<<' + d.text.slice(a, b) + '>>' + d.text.slice(b, b + 70)).replace(/[\n\t]/g, ' ')
      out.push(`C\t${f}\t${d.name}\t${cue.base}\t${kept}\t${gold.has(key) ? 'gold' : ov ? 'overlap' : 'nogold'}\t${pred.has(key) ? 'out' : '-'}\t${roles.source.length}\t${lem.join(' ')}\t${ctx}`)
    }
    if (process.env.LEX !== undefined) {
      const lex = new Set(readFileSync(`${process.env.LEX}${f}.tsv`, 'utf8').trim().split('\n'))
      for (let x = 0; x < p.n; x++) {
        if (covered[x] || !lex.has(`${p.tokens.lemma[x].toLowerCase()}\t${POS_TAGS[p.pos[x]]}`)) continue
        const cue = { start: x, end: x + 1 }
        const roles = refineContent(p, cue, tidyRoles(p, cue, findRoles(model, p, cue, isCue, sc), isCue), isCue, ranker, sc)
        const a = p.tokens.start[x]; const b = p.tokens.end[x]
        const ctx = (d.text.slice(Math.max(0, a - 90), a) + '<<' + d.text.slice(a, b) + '>>' + d.text.slice(b, b + 70)).replace(/[\n\t]/g, ' ')
        const src = roles.source.length > 0 ? (roles.source[0].end <= x ? 'L' : 'R') : '-'
        out.push(`X\t${f}\t${p.tokens.lemma[x].toLowerCase()}\t${gstart[x] && gold.has(`${x}:${x + 1}`) ? 'exact' : gstart[x] ? 'start' : 'no'}\t${src}\t${roles.content.length}\t${ctx}`)
      }
    }
    for (let x = 0; x < p.n; x++) if (!covered[x]) out.push(`U\t${f}\t${p.tokens.lemma[x].toLowerCase()}\t${POS_TAGS[p.pos[x]]}\t${gstart[x]}`)
  })
}
process.stdout.write(out.join('\n') + '\n')
