/**
 * Error analysis of content (and source) spans with gold cues, on a held-out part of
 * PolNeAR train: the role tagger of a model trained on the first `--train` documents is
 * run on the gold cues of the remaining documents, and its spans are compared with gold.
 * Also counts PolNeAR's boundary conventions on the gold of the whole split.
 *
 *   node --import tsx src/stages/attributions/content-study.ts --model /tmp/m700.bin --from 700 [--examples 20]
 */
import { parseArgs } from 'node:util'
import { loadPolnearSplit } from '../../eval/polnear.ts'
import { offsetMap } from '../../format/offsets.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { findRoles, loadAttributionModel, Scratch, tidyRoles } from './attributions.ts'
import { loadEndRanker } from './content-ranker.ts'
import { refineContent } from './content-spans.ts'
import { prepare } from './features.ts'
import { tokenRange, type CueTokens } from './taggers.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/polnear/train' },
    model: { type: 'string' },
    from: { type: 'string', default: '700' },
    examples: { type: 'string', default: '0' },
    ranker: { type: 'string' },
    to: { type: 'string' },
  },
})

const nlp = loadWink()
const model = loadAttributionModel(values.model)
const docs = loadPolnearSplit(values.data!).slice(Number(values.from), values.to === undefined ? undefined : Number(values.to))
const ranker = values.ranker === undefined ? null : loadEndRanker(values.ranker)
const sc = new Scratch()
const counts = new Map<string, number>()
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1)
const shown = new Map<string, number>()
const maxShown = Number(values.examples)
let gold = 0
let pred = 0
let match = 0
let sGold = 0
let sPred = 0
let sMatch = 0
for (const d of docs) {
  const map = offsetMap(d.text)
  const { tokens, sentences } = tokenize(nlp, d.text)
  const p = prepare(d.text, tokens, sentences)
  const text = (r: CueTokens) => d.text.slice(tokens.start[r.start], tokens.end[r.end - 1])
  const ranges = (fs: ReadonlyArray<{ start: number; end: number }>) => fs
    .map((f) => tokenRange(p, map.toUtf16(f.start), map.toUtf16(f.end))).filter((r): r is CueTokens => r !== null)
  const all = d.gold.map((a) => ({ cue: ranges(a.cue), source: ranges(a.source), content: ranges(a.content) }))
  const isCue = new Uint8Array(p.n)
  for (const a of all) for (const c of a.cue) isCue.fill(1, c.start, c.end)
  for (const a of all) {
    if (a.cue.length === 0) continue
    const cue = { start: a.cue[0].start, end: a.cue[a.cue.length - 1].end }
    let roles = tidyRoles(p, cue, findRoles(model, p, cue, isCue, sc), isCue)
    roles = refineContent(p, cue, roles, isCue, ranker, sc)
    const key = (r: CueTokens) => `${r.start}-${r.end}`
    const gk = new Set(a.content.map(key))
    const pk = new Set(roles.content.map(key))
    gold += gk.size; pred += pk.size
    for (const k of pk) if (gk.has(k)) match++
    const gs = new Set(a.source.map(key)); const ps = new Set(roles.source.map(key))
    sGold += gs.size; sPred += ps.size
    for (const k of ps) if (gs.has(k)) sMatch++
    // Categorise the content miss.
    let cat: string
    if (a.content.length === roles.content.length && a.content.every((r, i) => key(r) === key(roles.content[i]))) cat = 'exact'
    else if (a.content.length !== roles.content.length) cat = `frags gold ${Math.min(a.content.length, 3)} pred ${Math.min(roles.content.length, 3)}`
    else {
      // Same count: find the first differing fragment and describe the boundary.
      const i = a.content.findIndex((r, j) => key(r) !== key(roles.content[j]))
      const g = a.content[i]; const q = roles.content[i]
      const parts: string[] = []
      const tok = (t: number) => d.text.slice(tokens.start[t], tokens.end[t])
      const desc = (from: number, to: number) => to - from > 2 ? `${to - from}tok` : Array.from({ length: to - from }, (_, k) => tok(from + k)).join(' ')
      if (g.start < q.start) parts.push(`start early-gold+[${desc(g.start, q.start)}]`)
      else if (g.start > q.start) parts.push(`start pred+[${desc(q.start, g.start)}]`)
      if (g.end > q.end) parts.push(`end gold+[${desc(q.end, g.end)}]`)
      else if (g.end < q.end) parts.push(`end pred+[${desc(g.end, q.end)}]`)
      cat = parts.join(' ')
    }
    bump(cat)
    if (cat !== 'exact' && (shown.get(cat) ?? 0) < maxShown) {
      shown.set(cat, (shown.get(cat) ?? 0) + 1)
      console.log(`--- ${cat}\n  cue: ${text(cue)}\n  gold: ${a.content.map((r) => `[${text(r)}]`).join(' ')}\n  pred: ${roles.content.map((r) => `[${text(r)}]`).join(' ')}`)
    }
  }
}
const f1 = (m: number, pp: number, g: number) => (2 * m / (pp + g) * 100).toFixed(1)
console.log(`content fragments: gold ${gold} pred ${pred} match ${match} F1 ${f1(match, pred, gold)}`)
console.log(`source fragments: gold ${sGold} pred ${sPred} match ${sMatch} F1 ${f1(sMatch, sPred, sGold)}`)
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(v).padStart(5)} ${k}`)
