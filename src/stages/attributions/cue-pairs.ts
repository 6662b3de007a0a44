/**
 * What the studies of predicted attributions against gold share (content-boundaries.ts,
 * source-errors.ts): their options, the loading of predictions and gold, and the pairing of
 * each predicted attribution with the gold one that has exactly its cue ("right cues").
 *
 *   --pred DIR   predictions, one `.ann` per document (a `train-cv.ts --dump DIR`), required
 *   --data DIR   the PolNeAR split (default ../shared/data/polnear/train)
 *   --examples   which kind of error to print examples of
 *   --max N      how many examples at the most
 */
import { parseArgs } from 'node:util'
import { sameAll } from '../../eval/errors.ts'
import { annDirPredictor, predictSplit } from '../../eval/polnear.ts'
import type { BratAttribution, CodePointSpan } from '../../format/brat.ts'

/** A study's options, read from the command line. */
export interface StudyOptions {
  readonly data: string
  readonly pred: string
  readonly examples: string | undefined
  readonly max: number
}

/** The options of the command line; `max` defaults to `defaultMax`. */
export function studyOptions(defaultMax: number): StudyOptions {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/polnear/train' },
      pred: { type: 'string' },
      examples: { type: 'string' },
      max: { type: 'string', default: String(defaultMax) },
    },
  })
  if (values.pred === undefined) throw new Error('--pred DIR is required')
  return { data: values.data!, pred: values.pred, examples: values.examples, max: Number(values.max) }
}

/** A predicted attribution and the gold one with exactly its cue, in a document. */
export interface CuePair {
  readonly name: string
  /** The document's text as code points, which the brat offsets count. */
  readonly codePoints: readonly string[]
  readonly gold: BratAttribution
  readonly predicted: BratAttribution
}

/**
 * The pairs of the split in `options.data` and the predictions in `options.pred`: each predicted
 * attribution, in order, with the first gold attribution not yet taken whose cue is the same.
 */
export function* rightCuePairs(options: StudyOptions): Generator<CuePair> {
  for (const doc of predictSplit(options.data, annDirPredictor(options.pred))) {
    const codePoints = Array.from(doc.text)
    const used = new Set<BratAttribution>()
    for (const p of doc.predicted) {
      const g = doc.gold.find((x) => !used.has(x) && sameAll(x.cue, p.cue))
      if (g === undefined) continue
      used.add(g)
      yield { name: doc.name, codePoints, gold: g, predicted: p }
    }
  }
}

/** The distinct fragments of one role over a document's attributions (a fragment shared by two attributions counts once). */
export function uniqueFragments(atts: readonly BratAttribution[], role: 'source' | 'cue' | 'content'): CodePointSpan[] {
  const seen = new Map<string, CodePointSpan>()
  for (const a of atts) for (const f of a[role]) seen.set(`${f.start}:${f.end}`, f)
  return [...seen.values()]
}

/**
 * The line of text around `at` (up to 160 code points each way, within its paragraph) with
 * each mark's fragments bracketed by its opening and closing strings; marks open in the
 * order given and close in the reverse order, so nested brackets read properly.
 */
export function markedLine(cp: readonly string[], at: CodePointSpan, marks: ReadonlyArray<readonly [readonly CodePointSpan[], string, string]>): string {
  let lo = at.start
  let hi = at.end
  while (lo > 0 && cp[lo - 1] !== '\n' && at.start - lo < 160) lo--
  while (hi < cp.length && cp[hi] !== '\n' && hi - at.end < 160) hi++
  let line = ''
  for (let i = lo; i < hi; i++) {
    for (const [fs, open] of marks) for (const f of fs) if (f.start === i) line += open
    line += cp[i]
    for (let m = marks.length - 1; m >= 0; m--) for (const f of marks[m][0]) if (f.end === i + 1) line += marks[m][2]
  }
  return line.replace(/\n+/gu, ' ⏎ ')
}
