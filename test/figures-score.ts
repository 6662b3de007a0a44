/**
 * Scoring of the project's figure test set (`test/fixtures/figures/`): expected claims
 * written by hand against the claims the extractor predicts. Shared by
 * `test/figures.test.ts` (asserts a floor) and `bench/figures.ts` (prints the table).
 *
 * Offsets here are Unicode code points, as in the JSON contract of DESIGN.md.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Analyzer } from '../src/analyze.ts'
import { toJsonDocument, type JsonDocument } from '../src/format/json.ts'
import { offsetMap } from '../src/format/offsets.ts'
import { CATEGORIES, type Category } from '../src/model/types.ts'

/** The writing styles of the passages. */
export const STYLES = ['wire', 'state', 'briefing', 'humanitarian', 'translated'] as const
export type Style = (typeof STYLES)[number]

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const asOf = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)

const expectedClaimSchema = z.object({
  text: z.string().min(1),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  approx: z.boolean(),
  bound: z.enum(['at_least', 'at_most']).nullable(),
  vague: z.boolean(),
  category: z.enum(CATEGORIES),
  source: z.string().min(1).nullable(),
  sourceEntity: z.string().min(1).optional(),
  planned: z.boolean(),
  asOf: asOf.nullable(),
  occurrence: z.number().int().min(0).optional(),
}).strict().refine(
  (c) => (c.value === null) === (c.low !== null && c.high !== null) && (c.low === null) === (c.high === null),
  { message: 'a claim has either a value or both low and high' },
)

const caseSchema = z.object({
  id: z.string().regex(/^[a-z]+\d{0,2}-\d{3}$/),
  style: z.enum(STYLES),
  published: isoDate,
  text: z.string().min(1),
  claims: z.array(expectedClaimSchema),
}).strict()

/** One expected claim of a passage, as annotated in `cases.jsonl`. */
export type ExpectedClaim = z.infer<typeof expectedClaimSchema>
/** One passage of the figure test set and the claims it states. A case with no claims is a negative. */
export type FigureCase = z.infer<typeof caseSchema>

/** A predicted claim flattened with its quantity: what the scorer compares. */
export interface PredictedClaim {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly value: number | null
  readonly low: number | null
  readonly high: number | null
  readonly approx: boolean
  readonly bound: 'at_least' | 'at_most' | null
  readonly vague: boolean
  readonly category: Category
  readonly source: string | null
  readonly sourceEntity: string | null
  readonly planned: boolean
  readonly asOf: string | null
}

/** A predicted quantity (claim or not), for the quantity-level figures. */
export interface PredictedQuantity {
  readonly start: number
  readonly end: number
  readonly value: number | null
  readonly low: number | null
  readonly high: number | null
}

/** What the extractor produced for one case. */
export interface Prediction {
  readonly claims: readonly PredictedClaim[]
  readonly quantities: readonly PredictedQuantity[]
}

/**
 * Parse and validate `cases.jsonl`. Throws with the line number when a line is not a
 * valid case or a claim's text does not occur in its passage.
 */
export function parseCases(jsonl: string): FigureCase[] {
  const cases: FigureCase[] = []
  const seen = new Set<string>()
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return
    const where = `cases.jsonl line ${i + 1}`
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch (e) {
      throw new Error(`${where}: not JSON (${(e as Error).message})`)
    }
    const parsed = caseSchema.safeParse(raw)
    if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`)
    const c = parsed.data
    if (seen.has(c.id)) throw new Error(`${where}: duplicate id ${c.id}`)
    seen.add(c.id)
    for (const claim of c.claims) {
      const n = occurrences(c.text, claim.text).length
      if (n === 0) throw new Error(`${where}: claim text "${claim.text}" does not occur in the passage`)
      if (claim.occurrence !== undefined && claim.occurrence >= n) {
        throw new Error(`${where}: claim "${claim.text}" has occurrence ${claim.occurrence} but occurs ${n} times`)
      }
    }
    cases.push(c)
  })
  return cases
}

/** Read and validate a `cases.jsonl` file. */
export function loadCases(file: string): FigureCase[] {
  return parseCases(readFileSync(file, 'utf8'))
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * UTF-16 start offsets of every occurrence of `needle` in `text` that does not start or
 * end inside a word or number ("12" is not found in "1,120" or "12th").
 */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = []
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = text.charAt(i - 1)
    const after = text.charAt(i + needle.length)
    if ((before === '' || !WORD_CHAR.test(before)) && (after === '' || !WORD_CHAR.test(after))) found.push(i)
  }
  return found
}

/**
 * Code-point spans an expected claim may be matched on: every occurrence of its text (a
 * figure repeated in one passage is one claim), or only the `occurrence`-th one.
 */
export function expectedSpans(c: FigureCase, claim: ExpectedClaim): Array<{ start: number; end: number }> {
  const map = offsetMap(c.text)
  const starts = occurrences(c.text, claim.text)
  const picked = claim.occurrence === undefined ? starts : [starts[claim.occurrence]]
  return picked.map((s) => ({ start: map.toCodePoint(s), end: map.toCodePoint(s + claim.text.length) }))
}

/** The claims and quantities of a JSON document (DESIGN.md's contract), flattened. */
export function predictionFromJson(doc: JsonDocument): Prediction {
  const byId = new Map(doc.quantities.map((q) => [q.id, q]))
  const claims: PredictedClaim[] = []
  for (const c of doc.claims) {
    const q = byId.get(c.quantity)
    if (q === undefined) throw new Error(`${doc.id}: claim ${c.id} names unknown quantity ${c.quantity}`)
    claims.push({
      start: q.start, end: q.end, text: q.text, value: q.value, low: q.low, high: q.high,
      approx: q.approx, bound: q.bound, vague: q.vague, category: c.counted.category,
      source: c.source, sourceEntity: c.sourceEntity, planned: c.planned, asOf: c.asOf,
    })
  }
  const quantities = doc.quantities.map((q) => ({ start: q.start, end: q.end, value: q.value, low: q.low, high: q.high }))
  return { claims, quantities }
}

/** Run the full extractor on one case and flatten its output. */
export function predictCase(analyzer: Analyzer, c: FigureCase): Prediction {
  return predictionFromJson(toJsonDocument(analyzer.analyze(c.text, { id: c.id, published: c.published })))
}

const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
// Vague amounts have no single right interval ("hundreds": 100-999 or 200-999?), so an
// end point within a factor of two of the annotated one agrees; the order of magnitude
// is what a reader takes from them.
const withinFactorTwo = (p: number, e: number): boolean => p >= e / 2 && p <= e * 2

/** Whether a predicted amount (value or low/high) agrees with the expected one. */
export function amountAgrees(expected: ExpectedClaim, p: Pick<PredictedClaim, 'value' | 'low' | 'high'>): boolean {
  if (expected.value !== null) return p.value !== null && sameNumber(p.value, expected.value)
  if (p.low === null || p.high === null) return false
  if (expected.vague) return withinFactorTwo(p.low, expected.low!) && withinFactorTwo(p.high, expected.high!)
  return sameNumber(p.low, expected.low!) && sameNumber(p.high, expected.high!)
}

// "The ministry" and "the ministry" name the same source; the article is not the source.
const normalizeSource = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^the /, '')

/**
 * Whether the predicted source agrees: both null, or the predicted surface text or
 * resolved entity equals the expected surface text or resolved name (case-insensitive,
 * leading "the" ignored).
 */
export function sourceAgrees(expected: ExpectedClaim, p: Pick<PredictedClaim, 'source' | 'sourceEntity'>): boolean {
  if (expected.source === null) return p.source === null
  const want = new Set([expected.source, expected.sourceEntity].filter((s): s is string => s != null).map(normalizeSource))
  return [p.source, p.sourceEntity].some((s) => s != null && want.has(normalizeSource(s)))
}

// The bundled gazetteer's names, each mapped to its canonical: an annotated "Volodymyr
// Zelensky" or "UNHCR" is the entity the extractor calls "Volodymyr Zelenskyy" or "United
// Nations High Commissioner for Refugees".
const GAZETTEER = new URL('../src/stages/entities/gazetteer.json', import.meta.url)
let canonicalNames: Map<string, string> | null = null
function sameEntity(a: string, b: string): boolean {
  if (canonicalNames === null) {
    canonicalNames = new Map()
    const g = JSON.parse(readFileSync(GAZETTEER, 'utf8')) as { entities: Array<{ canonical: string; aliases?: string[] }> }
    for (const e of g.entities) {
      for (const name of [e.canonical, ...(e.aliases ?? [])]) canonicalNames.set(normalizeSource(name), normalizeSource(e.canonical))
    }
  }
  const na = normalizeSource(a)
  const nb = normalizeSource(b)
  return na === nb || (canonicalNames.get(na) ?? na) === (canonicalNames.get(nb) ?? nb)
}

/**
 * The strict reading of who states a figure: when the passage annotates whom the source
 * refers to (`sourceEntity`: "He" -> "Kim Jong Un", "the agency" -> "UNHCR"), the
 * predicted resolved name must be that name or one of its gazetteer aliases (a predicted span that is the name itself,
 * with nothing resolved, also agrees); otherwise the predicted span must be the annotated
 * span. `sourceAgrees` is the lenient reading: "He" agrees with "He" whoever it resolves to.
 */
export function sourceEntityAgrees(expected: ExpectedClaim, p: Pick<PredictedClaim, 'source' | 'sourceEntity'>): boolean {
  if (expected.source === null) return p.source === null
  if (p.source === null) return false
  if (expected.sourceEntity === undefined) return normalizeSource(p.source) === normalizeSource(expected.source)
  return sameEntity(p.sourceEntity ?? p.source, expected.sourceEntity)
}

/** The fields scored over matched claims, besides the amount (`sourceEntity`: the strict source, see above). */
export const FIELDS = ['approx', 'bound', 'vague', 'category', 'source', 'sourceEntity', 'planned', 'asOf'] as const
export type Field = (typeof FIELDS)[number]

function fieldAgrees(field: Field, e: ExpectedClaim, p: PredictedClaim): boolean {
  switch (field) {
    case 'approx': return e.approx === p.approx
    case 'bound': return e.bound === p.bound
    case 'vague': return e.vague === p.vague
    case 'category': return e.category === p.category
    case 'source': return sourceAgrees(e, p)
    case 'sourceEntity': return sourceEntityAgrees(e, p)
    case 'planned': return e.planned === p.planned
    case 'asOf': return e.asOf === p.asOf
  }
}

/** A predicted claim paired with the expected claim whose quantity it covers. */
export interface MatchedClaim {
  readonly expected: ExpectedClaim
  readonly predicted: PredictedClaim
  readonly isAmountCorrect: boolean
  readonly fields: Readonly<Record<Field, boolean>>
}

/** The result of one case. */
export interface CaseScore {
  readonly id: string
  readonly style: Style
  readonly isNegative: boolean
  readonly expected: number
  readonly predicted: number
  /** Matched claims whose amount agrees. */
  readonly correct: number
  readonly matches: readonly MatchedClaim[]
  readonly unmatchedExpected: readonly ExpectedClaim[]
  readonly unmatchedPredicted: readonly PredictedClaim[]
  /** Expected claims whose quantity some predicted quantity (claim or not) got right. */
  readonly quantitiesFound: number
  readonly predictedQuantities: number
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))

/**
 * Pair expected with predicted items one to one: a pair needs overlapping quantity
 * spans; pairs whose amount agrees go first, then larger overlaps (greedy).
 */
function pairUp<P extends { start: number; end: number; value: number | null; low: number | null; high: number | null }>(
  c: FigureCase, predicted: readonly P[],
): Array<{ e: number; p: number; isAmountCorrect: boolean }> {
  const candidates: Array<{ e: number; p: number; isAmountCorrect: boolean; size: number }> = []
  c.claims.forEach((claim, e) => {
    const spans = expectedSpans(c, claim)
    predicted.forEach((pred, p) => {
      const size = Math.max(0, ...spans.map((s) => overlap(s, pred)))
      if (size > 0) candidates.push({ e, p, isAmountCorrect: amountAgrees(claim, pred), size })
    })
  })
  candidates.sort((a, b) => Number(b.isAmountCorrect) - Number(a.isAmountCorrect) || b.size - a.size || a.e - b.e || a.p - b.p)
  const usedE = new Set<number>()
  const usedP = new Set<number>()
  const pairs: Array<{ e: number; p: number; isAmountCorrect: boolean }> = []
  for (const x of candidates) {
    if (usedE.has(x.e) || usedP.has(x.p)) continue
    usedE.add(x.e)
    usedP.add(x.p)
    pairs.push({ e: x.e, p: x.p, isAmountCorrect: x.isAmountCorrect })
  }
  return pairs
}

/**
 * The repeat group of each expected claim: DESIGN.md's contract makes the same claim
 * repeated in one article (headline and body, a later restatement) one claim, so expected
 * claims with the same amount, bound, category and planned flag share a group, and a group
 * counts once. The sets annotate each place a figure is written (with `occurrence`), which
 * lets the extractor keep whichever place its own rule picks.
 */
export function repeatGroups(c: FigureCase): number[] {
  const keys: string[] = []
  return c.claims.map((x) => {
    const key = JSON.stringify([x.value, x.low, x.high, x.bound, x.category, x.planned])
    const at = keys.indexOf(key)
    if (at >= 0) return at
    keys.push(key)
    return keys.length - 1
  })
}

/**
 * Keep one pair per repeat group, one whose amount agrees if any; the others' predicted
 * claims are surplus (a repeat the extractor should have merged).
 */
function onePerGroup<T extends { e: number; p: number; isAmountCorrect: boolean }>(pairs: readonly T[], group: readonly number[]): { kept: T[]; surplus: T[] } {
  const ordered = [...pairs].sort((a, b) => Number(b.isAmountCorrect) - Number(a.isAmountCorrect))
  const taken = new Set<number>()
  const kept: T[] = []
  const surplus: T[] = []
  for (const x of ordered) {
    if (taken.has(group[x.e])) {
      surplus.push(x)
    } else {
      taken.add(group[x.e])
      kept.push(x)
    }
  }
  kept.sort((a, b) => a.e - b.e)
  return { kept, surplus }
}

/**
 * Score one case. A predicted claim is correct when it is paired with an expected claim
 * and their amounts agree; a paired claim with a wrong amount counts once as a false
 * positive and once as a false negative. Repeats of one figure count once (`repeatGroups`).
 */
export function scoreCase(c: FigureCase, prediction: Prediction): CaseScore {
  const group = repeatGroups(c)
  const { kept: pairs } = onePerGroup(pairUp(c, prediction.claims), group)
  const matches: MatchedClaim[] = pairs.map(({ e, p, isAmountCorrect }) => {
    const expected = c.claims[e]
    const predicted = prediction.claims[p]
    const fields = Object.fromEntries(FIELDS.map((f) => [f, fieldAgrees(f, expected, predicted)])) as Record<Field, boolean>
    return { expected, predicted, isAmountCorrect, fields }
  })
  const matchedGroups = new Set(pairs.map((x) => group[x.e]))
  const pairedP = new Set(pairs.map((x) => x.p))
  const missed = new Set<number>()
  const unmatchedExpected = c.claims.filter((_, i) => {
    if (matchedGroups.has(group[i]) || missed.has(group[i])) return false
    missed.add(group[i])
    return true
  })
  const quantityPairs = onePerGroup(pairUp(c, prediction.quantities).filter((x) => x.isAmountCorrect), group).kept
  return {
    id: c.id,
    style: c.style,
    isNegative: c.claims.length === 0,
    expected: new Set(group).size,
    predicted: prediction.claims.length,
    correct: matches.filter((m) => m.isAmountCorrect).length,
    matches,
    unmatchedExpected,
    unmatchedPredicted: prediction.claims.filter((_, i) => !pairedP.has(i)),
    quantitiesFound: quantityPairs.length,
    predictedQuantities: prediction.quantities.length,
  }
}

/** Precision, recall and F1 from counts; 0 where undefined, except P = 1 with nothing predicted and nothing expected. */
export interface Prf {
  readonly tp: number
  readonly fp: number
  readonly fn: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

function prf(tp: number, predicted: number, expected: number): Prf {
  const precision = predicted === 0 ? (expected === 0 ? 1 : 0) : tp / predicted
  const recall = expected === 0 ? 1 : tp / expected
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { tp, fp: predicted - tp, fn: expected - tp, precision, recall, f1 }
}

/** Share of matched claims on which a field agrees, with the count it is taken over. */
export interface FieldAccuracy {
  readonly correct: number
  readonly total: number
  readonly accuracy: number | null
}

/** The figures of a whole run. */
export interface FigureScores {
  readonly cases: number
  readonly negatives: number
  readonly claims: Prf
  /** Recall of expected claims' quantities among all predicted quantities. */
  readonly quantityRecall: number
  readonly matched: number
  readonly amount: FieldAccuracy
  readonly fields: Readonly<Record<Field, FieldAccuracy>>
  readonly negativeFalseClaims: number
  readonly negativeFalseQuantities: number
  readonly byStyle: ReadonlyArray<{ readonly style: Style; readonly cases: number; readonly claims: Prf }>
  readonly byCategory: ReadonlyArray<{ readonly category: Category; readonly expected: number; readonly recall: number }>
}

function accuracy(correct: number, total: number): FieldAccuracy {
  return { correct, total, accuracy: total === 0 ? null : correct / total }
}

/** Sum case scores into the run's figures. */
export function summarize(scores: readonly CaseScore[]): FigureScores {
  const sum = (f: (s: CaseScore) => number, of = scores): number => of.reduce((n, s) => n + f(s), 0)
  const matches = scores.flatMap((s) => s.matches)
  const negatives = scores.filter((s) => s.isNegative)
  const expected = sum((s) => s.expected)
  const fields = Object.fromEntries(FIELDS.map((f) => [f, accuracy(matches.filter((m) => m.fields[f]).length, matches.length)])) as Record<Field, FieldAccuracy>
  const byStyle = STYLES.map((style) => {
    const of = scores.filter((s) => s.style === style)
    return { style, cases: of.length, claims: prf(sum((s) => s.correct, of), sum((s) => s.predicted, of), sum((s) => s.expected, of)) }
  }).filter((x) => x.cases > 0)
  const correctExpected = matches.filter((m) => m.isAmountCorrect).map((m) => m.expected)
  const allExpected = [...matches.map((m) => m.expected), ...scores.flatMap((s) => s.unmatchedExpected)]
  const byCategory = CATEGORIES.map((category) => {
    const n = allExpected.filter((e) => e.category === category).length
    const hit = correctExpected.filter((e) => e.category === category).length
    return { category, expected: n, recall: n === 0 ? 0 : hit / n }
  }).filter((x) => x.expected > 0)
  return {
    cases: scores.length,
    negatives: negatives.length,
    claims: prf(sum((s) => s.correct), sum((s) => s.predicted), expected),
    quantityRecall: expected === 0 ? 1 : sum((s) => s.quantitiesFound) / expected,
    matched: matches.length,
    amount: accuracy(matches.filter((m) => m.isAmountCorrect).length, matches.length),
    fields,
    negativeFalseClaims: sum((s) => s.predicted, negatives),
    negativeFalseQuantities: sum((s) => s.predictedQuantities, negatives),
    byStyle,
    byCategory,
  }
}

const pct = (x: number | null): string => (x === null ? '   -' : (100 * x).toFixed(1).padStart(5))

/** The figures as a plain-text table (what the test logs and the bench prints). */
export function formatScores(s: FigureScores): string {
  const c = s.claims
  const lines = [
    `figure test set: ${s.cases} cases (${s.negatives} negatives), ${c.tp + c.fn} expected claims`,
    `claims         P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`,
    `quantities     R ${pct(s.quantityRecall)}   (expected claims whose quantity was found with the right amount)`,
    `negatives      ${s.negativeFalseClaims} false claims, ${s.negativeFalseQuantities} false quantities in ${s.negatives} passages`,
    `fields over ${s.matched} matched claims (quantity spans overlap):`,
    `  ${'amount'.padEnd(9)}${pct(s.amount.accuracy)}  (${s.amount.correct}/${s.amount.total})`,
    ...FIELDS.map((f) => `  ${(f === 'sourceEntity' ? 'source=' : f).padEnd(9)}${pct(s.fields[f].accuracy)}  (${s.fields[f].correct}/${s.fields[f].total})${f === 'sourceEntity' ? '  (strict: the resolved name where annotated, else the exact span)' : ''}`),
    'by style       cases     P      R     F1',
    ...s.byStyle.map((x) => `  ${x.style.padEnd(13)}${String(x.cases).padStart(5)}  ${pct(x.claims.precision)}  ${pct(x.claims.recall)}  ${pct(x.claims.f1)}`),
    'by category    expected  recall',
    ...s.byCategory.map((x) => `  ${x.category.padEnd(13)}${String(x.expected).padStart(5)}     ${pct(x.recall)}`),
  ]
  return lines.join('\n')
}
