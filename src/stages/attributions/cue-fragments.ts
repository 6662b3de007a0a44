/**
 * Cue fragments of predictions (a `train-cv.ts --dump DIR`) against a PolNeAR split's gold,
 * counted as the exact score counts them (fragments de-duplicated per document), so that the
 * classes add up to the score's misses and false alarms:
 *
 * - a predicted fragment gold does not have: `extent longer`, `extent shorter`, `extent shifted`
 *   (it overlaps a gold cue), else where it lies in gold: `in gold content` (inside another
 *   attribution's content: nested speech gold folds into the outer content), `in gold source`,
 *   `content overlaps gold` (its own content overlaps a gold content: gold has the attribution
 *   with another cue), `bare` (gold has nothing there);
 * - a gold fragment no prediction has: `extent` (a predicted cue overlaps it), `in predicted
 *   content`, `in predicted source`, `none`.
 *
 * Each class is also counted by the cue's head lemma (its first verb, else its first word), and
 * a table gives, per head lemma, gold fragments, matched, false alarms, misses.
 *
 *   node --import tsx src/stages/attributions/cue-fragments.ts --pred DIR
 *     [--data ../shared/data/polnear/train] [--examples CLASS] [--max 40]
 *
 * CLASS is a class name with its side, e.g. `pred:bare`, `gold:none`, optionally with a lemma,
 * `pred:bare:show`. Examples print the text around the fragment with gold cues in {braces},
 * predicted cues in <angles> and, for a predicted fragment, its own content in [brackets].
 */
import { POS_TAGS } from '../../model/doc.ts'
import { annDirPredictor, predictSplit } from '../../eval/polnear.ts'
import type { CodePointSpan } from '../../format/brat.ts'
import { offsetMap } from '../../format/offsets.ts'
import { loadWink, tokenize } from '../tokens/tokens.ts'
import { markedLine, studyOptions, uniqueFragments } from './cue-pairs.ts'
import { prepare } from './features.ts'
import { tokenRange } from './taggers.ts'

const options = studyOptions(40)
const VERB = POS_TAGS.indexOf('VERB')

const overlaps = (a: CodePointSpan, b: CodePointSpan) => a.start < b.end && b.start < a.end
const within = (a: CodePointSpan, b: CodePointSpan) => a.start >= b.start && a.end <= b.end
const key = (f: CodePointSpan) => `${f.start}:${f.end}`

const counts = new Map<string, number>()
const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1)
const examples = new Map<string, string[]>()
/** Per head lemma: gold fragments, matched, false alarms, misses. */
const lemmas = new Map<string, [number, number, number, number]>()
const tally = (lemma: string, at: number) => {
  const row = lemmas.get(lemma) ?? [0, 0, 0, 0]
  row[at]++
  lemmas.set(lemma, row)
}


function example(k: string, lemma: string, text: () => string): void {
  if (options.examples !== k && options.examples !== `${k}:${lemma}`) return
  const list = examples.get(options.examples) ?? []
  if (list.length < options.max) list.push(text())
  examples.set(options.examples, list)
}

const nlp = loadWink()
let goldN = 0
let predN = 0
let matched = 0
for (const doc of predictSplit(options.data, annDirPredictor(options.pred))) {
  const cp = Array.from(doc.text)
  const t = tokenize(nlp, doc.text)
  const p = prepare(doc.text, t.tokens, t.sentences)
  const map = offsetMap(doc.text)
  const headLemma = (f: CodePointSpan): string => {
    const r = tokenRange(p, map.toUtf16(f.start), map.toUtf16(f.end))
    if (r === null) return '?'
    for (let i = r.start; i < r.end; i++) if (p.pos[i] === VERB) return p.tokens.lemma[i].toLowerCase()
    return p.tokens.lemma[r.start].toLowerCase()
  }
  const gold = uniqueFragments(doc.gold, 'cue')
  const pred = uniqueFragments(doc.predicted, 'cue')
  const goldKeys = new Set(gold.map(key))
  const predKeys = new Set(pred.map(key))
  const goldContent = uniqueFragments(doc.gold, 'content')
  const goldSource = uniqueFragments(doc.gold, 'source')
  const predContent = uniqueFragments(doc.predicted, 'content')
  const predSource = uniqueFragments(doc.predicted, 'source')
  goldN += gold.length
  predN += pred.length
  for (const g of gold) {
    const lemma = headLemma(g)
    tally(lemma, 0)
    if (predKeys.has(key(g))) { matched++; tally(lemma, 1); continue }
    tally(lemma, 3)
    const k = pred.some((f) => overlaps(f, g)) ? 'gold:extent'
      : predContent.some((c) => within(g, c)) ? 'gold:in predicted content'
        : predSource.some((s) => overlaps(g, s)) ? 'gold:in predicted source' : 'gold:none'
    add(k)
    add(`${k}:${lemma}`)
    example(k, lemma, () => `${doc.name}: ${markedLine(cp, g, [[gold, '{', '}'], [pred, '<', '>'], [predContent, '[', ']']])}`)
  }
  for (const f of pred) {
    if (goldKeys.has(key(f))) continue
    const lemma = headLemma(f)
    tally(lemma, 2)
    const own = doc.predicted.filter((a) => a.cue.some((c) => key(c) === key(f)))
    const ownContent = own.flatMap((a) => a.content)
    const g = gold.find((x) => overlaps(x, f))
    const k = g !== undefined ? `pred:extent ${within(g, f) ? 'longer' : within(f, g) ? 'shorter' : 'shifted'}`
      : goldContent.some((c) => within(f, c)) ? 'pred:in gold content'
        : goldSource.some((s) => overlaps(f, s)) ? 'pred:in gold source'
          : ownContent.some((c) => goldContent.some((x) => overlaps(c, x))) ? 'pred:content overlaps gold' : 'pred:bare'
    add(k)
    add(`${k}:${lemma}`)
    add(`${k} (${own.some((a) => a.source.length > 0) ? 'with' : 'no'} source)`)
    example(k, lemma, () => `${doc.name}: ${markedLine(cp, f, [[gold, '{', '}'], [[f], '<', '>'], [ownContent, '[', ']']])}`)
  }
}
const pr = matched / predN
const rc = matched / goldN
console.log(`cue fragments: gold ${goldN}, predicted ${predN}, matched ${matched}; P ${(100 * pr).toFixed(2)} R ${(100 * rc).toFixed(2)} F1 ${(200 * pr * rc / (pr + rc)).toFixed(2)}`)
const classes = [...counts].filter(([k]) => !k.slice(5).includes(':'))
for (const [k, n] of classes.sort()) console.log(`${String(n).padStart(6)}  ${k}`)
console.log('\nby head lemma (largest 40):')
for (const [k, n] of [...counts].filter(([k]) => k.slice(5).includes(':')).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(n).padStart(6)}  ${k}`)
console.log('\nhead lemma       gold  matched  false  missed     P     R   (40 most frequent in gold)')
for (const [l, [n, tp, fp, fn]] of [...lemmas].sort((a, b) => b[1][0] - a[1][0]).slice(0, 40)) {
  console.log(`${l.padEnd(14)} ${String(n).padStart(6)} ${String(tp).padStart(8)} ${String(fp).padStart(6)} ${String(fn).padStart(7)} ${(100 * tp / Math.max(tp + fp, 1)).toFixed(1).padStart(5)} ${(100 * tp / Math.max(n, 1)).toFixed(1).padStart(5)}`)
}
for (const [k, list] of examples) console.log(`\n${k}:\n${list.join('\n\n')}`)
