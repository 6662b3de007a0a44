import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBrat, type CodePointSpan } from '../../format/brat.ts'
import { offsetMap } from '../../format/offsets.ts'
import { ClaimtrailError } from '../../model/errors.ts'
import type { CharSpan } from '../../model/types.ts'

/** One gold attribution, fragments in UTF-16 offsets, sorted by start. */
export interface GoldAttribution {
  readonly source: CharSpan[]
  readonly cue: CharSpan[]
  readonly content: CharSpan[]
}

/** A PolNeAR article with the first annotator's attributions. */
export interface GoldDoc {
  readonly id: string
  readonly text: string
  readonly attributions: GoldAttribution[]
}

/**
 * Read a PolNeAR split directory (`text/`, `attributions/`, `metadata.tsv`), taking the
 * first annotator listed for each article, as BENCHMARKS.md section 1 prescribes.
 * Rows come back in `metadata.tsv` order so training is reproducible.
 */
export function readPolnearSplit(dir: string, limit = Infinity): GoldDoc[] {
  let meta: string
  try {
    meta = readFileSync(join(dir, 'metadata.tsv'), 'utf8')
  } catch (e) {
    throw new ClaimtrailError('NOT_FOUND', `${dir}: no metadata.tsv; pass a PolNeAR split directory`, { cause: e })
  }
  const lines = meta.split('\n').filter((l) => l.trim() !== '')
  const header = lines[0].split('\t')
  const fileCol = header.indexOf('filename')
  const annCol = header.indexOf('annotators')
  const docs: GoldDoc[] = []
  for (const line of lines.slice(1)) {
    if (docs.length >= limit) break
    const cols = line.split('\t')
    const name = cols[fileCol]
    const annotator = cols[annCol].split(/[|,;\s]+/)[0]
    const text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8')
    const ann = readFileSync(join(dir, 'attributions', `${name}_${annotator}.ann`), 'utf8')
    docs.push({ id: name, text, attributions: parseAnn(text, ann) })
  }
  return docs
}

/** Parse a brat `.ann` (code points) with the project's reader into UTF-16 fragments. */
export function parseAnn(text: string, ann: string): GoldAttribution[] {
  const map = offsetMap(text)
  const conv = (fs: readonly CodePointSpan[]) => fs.map((f) => ({ start: map.toUtf16(f.start), end: map.toUtf16(f.end) }))
  return readBrat(ann, text).map((a) => ({ source: conv(a.source), cue: conv(a.cue), content: conv(a.content) }))
}
