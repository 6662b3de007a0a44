/**
 * Gold sources a prediction with the right cue misses entirely (no source, or one that does not
 * overlap gold's), by why: "according to", a passive's "by" agent after the cue, gold's source in
 * another paragraph or sentence, a pronoun, a quotation mark between source and cue, gold's source
 * after the cue, or before it in the same sentence. Predictions are a `train-cv.ts --dump DIR`;
 * pairing by cue as in cue-pairs.ts. Boundary errors and spurious sources: source-errors.ts.
 *
 *   node --import tsx src/stages/attributions/source-missing.ts --pred DIR
 *     [--data ../shared/data/polnear/train] [--examples WORDS] [--max 40]
 *
 * `--examples` prints the cases of the buckets whose name holds WORDS ("missing: pronoun"), with
 * gold's source in {braces}, the prediction's in [brackets] and the cue in <angles>.
 */
import type { CodePointSpan } from '../../format/brat.ts'
import { sameAll } from '../../eval/errors.ts'
import { markedLine, rightCuePairs, studyOptions } from './cue-pairs.ts'

const options = studyOptions(40)
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'him', 'her', 'them'])
const overlaps = (a: readonly CodePointSpan[], b: readonly CodePointSpan[]) =>
  a.some((x) => b.some((y) => Math.min(x.end, y.end) > Math.max(x.start, y.start)))

const counts = new Map<string, number>()
const examples = new Map<string, string[]>()
for (const { name, codePoints: cp, gold: g, predicted: p } of rightCuePairs(options)) {
  if (g.source.length === 0 || sameAll(g.source, p.source) || (p.source.length > 0 && overlaps(g.source, p.source))) continue
  const text = (a: number, b: number) => cp.slice(a, b).join('')
  const gs = g.source[0].start
  const ge = g.source[g.source.length - 1].end
  const cs = p.cue[0].start
  const ce = p.cue[p.cue.length - 1].end
  const between = ge <= cs ? text(ge, cs) : gs >= ce ? text(ce, gs) : ''
  const cue = p.cue.map((f) => text(f.start, f.end)).join(' ').toLowerCase()
  const why = cue.includes('according') ? 'according to'
    : gs >= ce && /\bby\s*$/u.test(text(Math.max(0, gs - 4), gs)) ? 'passive agent ("by" after the cue)'
      : between.includes('\n') ? 'another paragraph'
        : /[.!?]["”’)]?\s+[A-Z“"]/u.test(between) ? 'another sentence'
          : PRONOUNS.has(text(gs, ge).trim().toLowerCase()) ? 'pronoun'
            : /[“”"]/u.test(between) ? 'across a quotation mark'
              : gs >= ce ? 'after the cue'
                : 'before the cue, same sentence'
  const k = `${p.source.length === 0 ? 'missing' : 'elsewhere'}: ${why}`
  counts.set(k, (counts.get(k) ?? 0) + 1)
  if (options.examples === undefined || !k.includes(options.examples)) continue
  const list = examples.get(k) ?? []
  if (list.length < options.max) list.push(`${name}: ${markedLine(cp, g.source[0], [[g.source, '{', '}'], [p.source, '[', ']'], [p.cue, '<', '>']])}`)
  examples.set(k, list)
}
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${k}`)
for (const [k, list] of examples) console.log(`\n${k}:\n${list.join('\n\n')}`)
