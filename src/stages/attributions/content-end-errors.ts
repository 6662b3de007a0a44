/**
 * Error analysis of content ends on a split, as the stage runs (committed model and cue
 * filter, predicted cues): among predicted cues that are exactly a gold cue fragment, the
 * content fragments after the cue whose start is gold's, counted by whether their end is
 * right, too long or too short, whether the gold end was among the ranker's candidates, and
 * the POS around the gold end; `--examples N` prints N wrong ends as
 * `[cue] kept ‖ difference ‖ next tokens`.
 *
 *   node --import tsx src/stages/attributions/content-end-errors.ts [--data ../shared/data/polnear/dev]
 *     [--ranker models/attribution/content-end.bin | none] [--examples 0]
 */
import { parseArgs } from 'node:util'
import { loadPolnearSplit } from '../../eval/polnear.ts'
import { offsetMap } from '../../format/offsets.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { cuesWithRoles, loadAttributionModel, Scratch } from './attributions.ts'
import { endCandidates, endLimit, loadEndRanker } from './content-ranker.ts'
import { defaultCueFilter } from './cue-filter.ts'
import { prepare } from './features.ts'
import { tokenRange, type CueTokens } from './taggers.ts'
import { POS_TAGS } from '../../model/doc.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/dev' },
    ranker: { type: 'string' },
    examples: { type: 'string', default: '0' },
  },
})
const nlp = loadWink()
const model = loadAttributionModel()
const ranker = values.ranker === 'none' ? null : loadEndRanker(values.ranker)
const filter = defaultCueFilter()
const sc = new Scratch()
let right = 0
let long = 0
let short = 0
let reach = 0
const cnt = new Map<string, number>()
const bump = (k: string) => cnt.set(k, (cnt.get(k) ?? 0) + 1)
let shown = 0
for (const d of loadPolnearSplit(values.data!)) {
  const map = offsetMap(d.text)
  const { tokens, sentences } = tokenize(nlp, d.text)
  const p = prepare(d.text, tokens, sentences)
  const ranges = (fs: ReadonlyArray<{ start: number; end: number }>) => fs
    .map((f) => tokenRange(p, map.toUtf16(f.start), map.toUtf16(f.end))).filter((r): r is CueTokens => r !== null)
  const gold = d.gold.map((a) => ({ cue: ranges(a.cue), content: ranges(a.content) }))
  const res = cuesWithRoles(model, p, filter, ranker, sc)
  const isCue = new Uint8Array(p.n)
  for (const x of res) isCue.fill(1, x.cue.start, x.cue.end)
  const tok = (t: number) => t < p.n ? d.text.slice(tokens.start[t], tokens.end[t]) : '<END>'
  const txt = (a: number, b: number) => d.text.slice(tokens.start[a], tokens.end[b - 1])
  for (const { cue, roles } of res) {
    const g = gold.find((a) => a.cue.some((c) => c.start === cue.start && c.end === cue.end))
    if (g === undefined) continue
    roles.content.forEach((r, i) => {
      if (r.start < cue.end) return
      const gf = g.content.find((x) => x.start === r.start)
      if (gf === undefined) return
      if (gf.end === r.end) { right++; return }
      const next = i + 1 < roles.content.length ? roles.content[i + 1].start : p.n
      const cands = endCandidates(p, r.start, r.end, endLimit(p, r.start, next), isCue)
      const ok = cands.includes(gf.end)
      if (ok) reach++
      const isLong = r.end > gf.end
      if (isLong) long++; else short++
      const at = gf.end
      const key = `${isLong ? 'long' : 'short'} reach=${ok ? 1 : 0} gold-next=${at < p.n ? POS_TAGS[p.pos[at]] + (p.punct[at] ? 'P' + p.punct[at] : '') : 'END'} gold-last=${POS_TAGS[p.pos[at - 1]]}${p.punct[at - 1] ? 'P' + p.punct[at - 1] : ''}`
      bump(key)
      if (shown < Number(values.examples)) {
        shown++
        const a = Math.min(r.end, gf.end)
        const b = Math.max(r.end, gf.end)
        console.log(`${isLong ? 'LONG ' : 'SHORT'} reach=${ok ? 1 : 0} [${tok(cue.start)}] ${txt(r.start, a)} ‖ ${txt(a, b)} ‖ ${tok(b)} ${tok(b + 1)}`)
      }
    })
  }
}
console.log(`right ${right} wrong ${long + short} (long ${long} short ${short}); gold end among candidates for ${reach}`)
for (const [k, v] of [...cnt].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${String(v).padStart(4)} ${k}`)
