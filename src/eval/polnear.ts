/**
 * The PolNeAR attribution benchmark, scored by the protocol of BENCHMARKS.md §1:
 * gold is the first annotator's file of each document; component exact and overlap F1 per
 * role (source, cue, content); relation F1, exact and lenient. All offsets are Unicode
 * code points, as in the `.ann` files.
 *
 * This module reads the split from disk (the CLI and benchmarks call it); the scoring
 * itself, {@link scoreDocuments}, is pure.
 *
 * Where the protocol leaves a choice, this is what is done (the same for gold and
 * predictions):
 * - a fragment's tokens are the tokens it overlaps, so a fragment cut mid-word keeps it;
 * - overlap scores run over the same de-duplicated fragments as exact scores;
 * - greedy matching takes admissible pairs best first (exact: any order; lenient: by the
 *   sum of content and source Dice), ties in file order;
 * - the cue is not part of relation matching (the protocol names content and source);
 * - T lines no event names are not attributions and are not scored (as {@link readBrat}).
 *
 * Checked against the protocol's own anchor: the second annotator's files on PolNeAR train,
 * scored against the first annotator's, give 79.1 / 70.6 / 68.1 exact F1 (source / cue /
 * content) where the published human agreement is 77.9 / 70.5 / 68.3.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBrat, type BratAttribution, type CodePointSpan } from '../format/brat.ts'
import { offsetMap } from '../format/offsets.ts'
import { ClaimtrailError } from '../model/errors.ts'

/** One article of a PolNeAR split, with the attributions of its first annotator. */
export interface PolnearDoc {
  /** The `filename` column of `metadata.tsv` (the text is `text/<name>.txt`). */
  readonly name: string
  /** The annotator whose file is gold: the first listed in `metadata.tsv`. */
  readonly annotator: string
  readonly text: string
  readonly gold: readonly BratAttribution[]
}

/** A document with both sides of the comparison. */
export interface ScoredDoc {
  readonly name: string
  readonly text: string
  readonly gold: readonly BratAttribution[]
  readonly predicted: readonly BratAttribution[]
}

/** Precision, recall and F1 (fractions in [0, 1]) with the number of items on each side. */
export interface Prf {
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly predicted: number
  readonly gold: number
}

/** A {@link Prf} whose precision and recall are `matched / predicted` and `matched / gold`. */
export interface CountPrf extends Prf {
  readonly matched: number
}

/** The roles of an attribution that are scored. */
export type Role = 'source' | 'cue' | 'content'
export const ROLES: readonly Role[] = ['source', 'cue', 'content']

/** Every figure of the protocol, micro-averaged over the documents. */
export interface PolnearScores {
  readonly documents: number
  /** Component exact match: de-duplicated fragments per document and role. */
  readonly exact: Readonly<Record<Role, CountPrf>>
  /** Component overlap (Pareti's partial match), over the same fragments, in tokens. */
  readonly overlap: Readonly<Record<Role, Prf>>
  /** Attributions matched one-to-one on content and source. */
  readonly relation: { readonly exact: CountPrf; readonly lenient: CountPrf }
}

/**
 * Predicts the `.ann` text (PolNeAR convention, code points) of one document; the empty
 * string means no attributions.
 */
export type AnnPredictor = (name: string, text: string) => string

/**
 * Read a split directory (`metadata.tsv`, `text/`, `attributions/`). Gold for each row of
 * `metadata.tsv` is `attributions/<filename>_<first annotator>.ann`; `annotators` lists
 * them separated by `|`.
 *
 * @throws ClaimtrailError `NOT_FOUND` when the metadata, a text or a gold file is missing,
 *   `BAD_INPUT` when `metadata.tsv` lacks its columns or a gold file is malformed.
 * @example
 * const docs = loadPolnearSplit('../shared/data/polnear/dev')
 * docs[0].gold[0].content // [{ start: 115, end: 290 }]
 */
export function loadPolnearSplit(dir: string): PolnearDoc[] {
  const metadataFile = join(dir, 'metadata.tsv')
  if (!existsSync(metadataFile)) {
    throw new ClaimtrailError('NOT_FOUND', `${metadataFile} not found: --dir must be a PolNeAR split directory (metadata.tsv, text/, attributions/)`)
  }
  const [header, ...rows] = readFileSync(metadataFile, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '')
  const columns = header.split('\t')
  const nameCol = columns.indexOf('filename')
  const annotatorsCol = columns.indexOf('annotators')
  if (nameCol < 0 || annotatorsCol < 0) {
    throw new ClaimtrailError('BAD_INPUT', `${metadataFile}: the header needs "filename" and "annotators" columns`)
  }
  return rows.map((row, i) => {
    const cells = row.split('\t')
    const name = cells[nameCol] ?? ''
    // PolNeAR separates annotators with "|"; a comma is accepted too.
    const annotator = (cells[annotatorsCol] ?? '').split(/[|,]/)[0].trim()
    if (name === '' || annotator === '') {
      throw new ClaimtrailError('BAD_INPUT', `${metadataFile} row ${i + 2}: empty filename or annotators`)
    }
    const text = readRequired(join(dir, 'text', `${name}.txt`))
    const annFile = join(dir, 'attributions', `${name}_${annotator}.ann`)
    return { name, annotator, text, gold: readAnn(readRequired(annFile), text, annFile) }
  })
}

/**
 * A predictor that reads `<dir>/<name>.ann`; a missing file means no predictions for that
 * document.
 *
 * @example
 * scorePolnear(loadPolnearSplit(split), annDirPredictor('out/'))
 */
export function annDirPredictor(dir: string): AnnPredictor {
  return (name) => {
    const file = join(dir, `${name}.ann`)
    return existsSync(file) ? readFileSync(file, 'utf8') : ''
  }
}

/**
 * Run a predictor over the documents of a split and score it. Accepts a split directory or
 * documents already loaded (to score several systems without reading the split twice).
 *
 * @throws ClaimtrailError `BAD_INPUT` when a predicted `.ann` is malformed or its offsets
 *   lie outside the text; the message names the document.
 * @example
 * import { writeBrat } from '../format/brat.ts'
 * const analyzer = createAnalyzer()
 * const scores = scorePolnear('../shared/data/polnear/dev', (name, text) =>
 *   writeBrat(text, analyzer.analyze(text, { id: name }).get('attributions')))
 * console.log(formatScoresTable(scores))
 */
export function scorePolnear(split: string | readonly PolnearDoc[], predict: AnnPredictor): PolnearScores {
  return scoreDocuments(predictSplit(split, predict))
}

/** The documents of a split with `predict`'s attributions beside the gold ones. */
export function predictSplit(split: string | readonly PolnearDoc[], predict: AnnPredictor): ScoredDoc[] {
  const docs = typeof split === 'string' ? loadPolnearSplit(split) : split
  return docs.map((doc) => ({
    name: doc.name,
    text: doc.text,
    gold: doc.gold,
    predicted: readAnn(predict(doc.name, doc.text), doc.text, `prediction for ${doc.name}`),
  }))
}

function readRequired(file: string): string {
  if (!existsSync(file)) throw new ClaimtrailError('NOT_FOUND', `${file} not found: the split directory is incomplete`)
  return readFileSync(file, 'utf8')
}

function readAnn(ann: string, text: string, what: string): BratAttribution[] {
  try {
    return readBrat(ann, text)
  } catch (e) {
    if (e instanceof ClaimtrailError) throw new ClaimtrailError(e.code, `${what}: ${e.message}`, { cause: e })
    throw e
  }
}

// BENCHMARKS.md §1 fixes the tokenization of the overlap and lenient scores. Without the
// `v` or `i` flags, `\w` is ASCII in JavaScript; `u` keeps astral characters whole.
const TOKEN = /\w+|[^\w\s]/gu

/** Token start and end offsets (code points) of a text, in order. */
interface Tokens {
  readonly starts: Int32Array
  readonly ends: Int32Array
}

function tokenize(text: string): Tokens {
  const map = offsetMap(text)
  const starts: number[] = []
  const ends: number[] = []
  for (const m of text.matchAll(TOKEN)) {
    starts.push(map.toCodePoint(m.index))
    ends.push(map.toCodePoint(m.index + m[0].length))
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) }
}

/** Indices of the tokens that overlap a fragment (a fragment cut mid-word keeps the word). */
function tokensOf(tokens: Tokens, f: CodePointSpan): number[] {
  let lo = 0
  let hi = tokens.ends.length
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens.ends[mid] <= f.start) lo = mid + 1; else hi = mid }
  const out: number[] = []
  for (let i = lo; i < tokens.starts.length && tokens.starts[i] < f.end; i++) out.push(i)
  return out
}

function tokenSet(tokens: Tokens, fragments: readonly CodePointSpan[]): Set<number> {
  const out = new Set<number>()
  for (const f of fragments) for (const t of tokensOf(tokens, f)) out.add(t)
  return out
}

const key = (f: CodePointSpan) => `${f.start}:${f.end}`

/** The de-duplicated fragments of one role over all attributions of a document. */
function roleFragments(attributions: readonly BratAttribution[], role: Role): CodePointSpan[] {
  const seen = new Map<string, CodePointSpan>()
  for (const a of attributions) for (const f of a[role]) seen.set(key(f), f)
  return [...seen.values()]
}

/** Sum over `fragments` of the share of each one's tokens that `other` covers. */
function coveredShare(tokens: Tokens, fragments: readonly CodePointSpan[], other: ReadonlySet<number>): number {
  let sum = 0
  for (const f of fragments) {
    const own = tokensOf(tokens, f)
    if (own.length === 0) continue
    sum += Math.min(1, own.filter((t) => other.has(t)).length / own.length)
  }
  return sum
}

function sameFragments(a: readonly CodePointSpan[], b: readonly CodePointSpan[]): boolean {
  const ka = new Set(a.map(key))
  const kb = new Set(b.map(key))
  return ka.size === kb.size && [...ka].every((k) => kb.has(k))
}

function dice(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1
  let both = 0
  for (const t of a) if (b.has(t)) both++
  return (2 * both) / (a.size + b.size)
}

/**
 * Greedy one-to-one matching: all admissible (predicted, gold) pairs, best score first
 * (ties by file order), each attribution used at most once. Returns the number of pairs.
 */
function greedyMatches(pairs: { p: number; g: number; score: number }[]): number {
  pairs.sort((x, y) => y.score - x.score || x.p - y.p || x.g - y.g)
  const usedP = new Set<number>()
  const usedG = new Set<number>()
  for (const { p, g } of pairs) {
    if (usedP.has(p) || usedG.has(g)) continue
    usedP.add(p)
    usedG.add(g)
  }
  return usedP.size
}

/** Relation matches of one document: [exact, lenient]. */
function relationMatches(tokens: Tokens, gold: readonly BratAttribution[], predicted: readonly BratAttribution[]): [number, number] {
  const exact: { p: number; g: number; score: number }[] = []
  const lenient: { p: number; g: number; score: number }[] = []
  const goldTokens = gold.map((a) => ({ source: tokenSet(tokens, a.source), content: tokenSet(tokens, a.content) }))
  predicted.forEach((pa, p) => {
    const source = tokenSet(tokens, pa.source)
    const content = tokenSet(tokens, pa.content)
    gold.forEach((ga, g) => {
      // A missing source matches only a missing source; Dice of two empty sets is 1.
      if ((pa.source.length === 0) !== (ga.source.length === 0)) return
      if (sameFragments(pa.content, ga.content) && sameFragments(pa.source, ga.source)) exact.push({ p, g, score: 1 })
      const dContent = dice(content, goldTokens[g].content)
      const dSource = dice(source, goldTokens[g].source)
      if (dContent >= 0.5 && dSource >= 0.5) lenient.push({ p, g, score: dContent + dSource })
    })
  })
  return [greedyMatches(exact), greedyMatches(lenient)]
}

function prf(precisionSum: number, predicted: number, recallSum: number, gold: number): Prf {
  const precision = predicted === 0 ? 0 : precisionSum / predicted
  const recall = gold === 0 ? 0 : recallSum / gold
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, predicted, gold }
}

function countPrf(matched: number, predicted: number, gold: number): CountPrf {
  return { ...prf(matched, predicted, matched, gold), matched }
}

/**
 * Score predictions against gold by BENCHMARKS.md §1, micro-averaged over the documents.
 * Predicted and gold fragments are code points, already trimmed (as {@link readBrat} does
 * when given the text).
 *
 * @example
 * const s = scoreDocuments([{ name: 'd', text, gold, predicted }])
 * s.exact.content.f1 // 0.5
 */
export function scoreDocuments(docs: readonly ScoredDoc[]): PolnearScores {
  const exactCounts = { source: [0, 0, 0], cue: [0, 0, 0], content: [0, 0, 0] }
  const overlapSums = { source: [0, 0, 0, 0], cue: [0, 0, 0, 0], content: [0, 0, 0, 0] }
  const relation = [0, 0, 0, 0]
  for (const doc of docs) {
    const tokens = tokenize(doc.text)
    for (const role of ROLES) {
      const gold = roleFragments(doc.gold, role)
      const predicted = roleFragments(doc.predicted, role)
      const goldKeys = new Set(gold.map(key))
      const e = exactCounts[role]
      e[0] += predicted.filter((f) => goldKeys.has(key(f))).length
      e[1] += predicted.length
      e[2] += gold.length
      const o = overlapSums[role]
      o[0] += coveredShare(tokens, predicted, tokenSet(tokens, gold))
      o[1] += predicted.length
      o[2] += coveredShare(tokens, gold, tokenSet(tokens, predicted))
      o[3] += gold.length
    }
    const [exact, lenient] = relationMatches(tokens, doc.gold, doc.predicted)
    relation[0] += exact
    relation[1] += lenient
    relation[2] += doc.predicted.length
    relation[3] += doc.gold.length
  }
  const byRole = <T>(f: (role: Role) => T) =>
    ({ source: f('source'), cue: f('cue'), content: f('content') }) as Record<Role, T>
  return {
    documents: docs.length,
    exact: byRole((r) => countPrf(exactCounts[r][0], exactCounts[r][1], exactCounts[r][2])),
    overlap: byRole((r) => prf(overlapSums[r][0], overlapSums[r][1], overlapSums[r][2], overlapSums[r][3])),
    relation: {
      exact: countPrf(relation[0], relation[2], relation[3]),
      lenient: countPrf(relation[1], relation[2], relation[3]),
    },
  }
}

/** Published exact-match F1 on the PolNeAR test split (BENCHMARKS.md §1), in percent. */
export const PUBLISHED_ANCHORS: readonly { readonly system: string; readonly source: number; readonly cue: number; readonly content: number }[] = [
  { system: 'CofeNet, BERT-base + Cofe (COLING 2022)', source: 83.2, cue: 75.3, content: 72.9 },
  { system: 'CofeNet, 2-layer BiLSTM + Cofe, no pretraining', source: 73.3, cue: 66.2, content: 63.6 },
  { system: 'BiLSTM + CRF', source: 69.6, cue: 66.7, content: 59.0 },
  { system: 'human agreement between PolNeAR annotators', source: 77.9, cue: 70.5, content: 68.3 },
]

const pct = (x: number) => (100 * x).toFixed(1).padStart(6)

/**
 * A plain-text table of the scores (percentages), with the published anchors beside the
 * component exact F1.
 *
 * @example
 * console.log(formatScoresTable(scorePolnear(dir, annDirPredictor(predDir))))
 */
export function formatScoresTable(scores: PolnearScores): string {
  const label = (s: string) => s.padEnd(28)
  const lines = [
    `PolNeAR, ${scores.documents} documents (gold: first annotator; offsets in code points)`,
    '',
    `${label('')}     P      R     F1   pred   gold`,
  ]
  const row = (name: string, s: Prf) =>
    `${label(name)}${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.predicted).padStart(6)} ${String(s.gold).padStart(6)}`
  for (const role of ROLES) lines.push(row(`component exact   ${role}`, scores.exact[role]))
  for (const role of ROLES) lines.push(row(`component overlap ${role}`, scores.overlap[role]))
  lines.push(row('relation exact', scores.relation.exact))
  lines.push(row('relation lenient', scores.relation.lenient))
  const system = (s: string) => s.padEnd(50)
  lines.push(
    '',
    'Component exact F1 beside the published anchors (those are on the PolNeAR test split)',
    `${system('system')}source    cue content`,
    `${system('this run')}${pct(scores.exact.source.f1)} ${pct(scores.exact.cue.f1)} ${pct(scores.exact.content.f1)}`,
  )
  for (const a of PUBLISHED_ANCHORS) {
    lines.push(`${system(a.system)}${a.source.toFixed(1).padStart(6)} ${a.cue.toFixed(1).padStart(6)} ${a.content.toFixed(1).padStart(6)}`)
  }
  return lines.join('\n') + '\n'
}
