import type { Doc } from '../model/doc.ts'
import type { CharSpan, Category, Entity, FlatAmount, Fragments } from '../model/types.ts'
import { offsetMap, type OffsetMap } from './offsets.ts'

/** A span in the output contract: code-point offsets and the covered text. */
export interface JsonSpan {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** A possibly discontinuous span: the whole extent, plus its pieces when there are several. */
export interface JsonFragmentedSpan extends JsonSpan {
  readonly fragments?: readonly JsonSpan[]
}

export interface JsonEntity extends JsonSpan {
  readonly id: string
  readonly type: string
  readonly canonical: string | null
}

export interface JsonQuantity extends JsonSpan, FlatAmount {
  readonly id: string
  readonly kind: string
}

export interface JsonAttribution {
  readonly id: string
  readonly source: (JsonFragmentedSpan & { readonly entity: string | null }) | null
  readonly cue: JsonFragmentedSpan
  readonly content: readonly JsonSpan[]
  readonly kind: string
}

export interface JsonClaim {
  readonly id: string
  readonly quantity: string
  readonly attribution: string | null
  readonly counted: { readonly category: Category; readonly text: string; readonly start: number; readonly end: number }
  readonly subject: string | null
  readonly planned: boolean
  /** The figure adds to an earlier count ("another 3,000"), not a total (an extension of DESIGN.md's contract). */
  readonly additional: boolean
  readonly source: string | null
  readonly sourceEntity: string | null
  readonly cue: string | null
  readonly asOf: string | null
}

/** The JSON document of DESIGN.md's `extract --format json` contract. */
export interface JsonDocument {
  readonly id: string
  readonly title: string | null
  readonly published: string | null
  readonly url?: string | null
  readonly outlet?: string | null
  readonly language: string
  readonly warnings?: readonly string[]
  readonly text: string
  readonly entities: readonly JsonEntity[]
  readonly quantities: readonly JsonQuantity[]
  readonly attributions: readonly JsonAttribution[]
  readonly claims: readonly JsonClaim[]
}

function span(text: string, map: OffsetMap, s: CharSpan): JsonSpan {
  return { start: map.toCodePoint(s.start), end: map.toCodePoint(s.end), text: text.slice(s.start, s.end) }
}

function fragmented(text: string, map: OffsetMap, parts: Fragments): JsonFragmentedSpan {
  const first = parts[0]
  const last = parts[parts.length - 1]
  const whole = {
    start: map.toCodePoint(first.start), end: map.toCodePoint(last.end),
    text: parts.map((p) => text.slice(p.start, p.end)).join(' '),
  }
  return parts.length > 1 ? { start: whole.start, end: whole.end, text: whole.text, fragments: parts.map((p) => span(text, map, p)) } : whole
}

// The output objects below are written out field by field rather than built with object
// spread: V8 (Node 20) builds a literal that spreads one object and adds more fields
// slowly, about a microsecond per field, and extraction writes hundreds per document.

function sourceSpan(text: string, map: OffsetMap, parts: Fragments, entity: string | null): JsonFragmentedSpan & { readonly entity: string | null } {
  const f = fragmented(text, map, parts)
  return f.fragments === undefined
    ? { start: f.start, end: f.end, text: f.text, entity }
    : { start: f.start, end: f.end, text: f.text, fragments: f.fragments, entity }
}

/**
 * The name a source refers to, as the contract's `source.entity` gives it: a name the text
 * does not spell out in the source (a pronoun's antecedent, "Kim" as "Kim Jong Un") or one an
 * entity names; null when the resolver only repeated or trimmed the source's own words
 * ("Western officials", "The Ukrainian and US intelligence agency"), as `claims[].sourceEntity` does.
 */
function groundedEntity(text: string, parts: Fragments, name: string | null, entities: readonly Entity[]): string | null {
  if (name === null || entities.some((e) => e.canonical === name)) return name
  for (const f of parts) if (text.slice(f.start, f.end).includes(name)) return null
  return name
}

/**
 * Convert an analysed Doc to the JSON document of the output contract, with offsets in
 * Unicode code points. Layers a pipeline did not assign come out empty.
 *
 * @example
 * const json = toJsonDocument(analyzer.analyze(text, { id: 'seed', published: '2025-08-22' }))
 * json.claims[0].counted.category
 */
export function toJsonDocument(doc: Doc): JsonDocument {
  const text = doc.text
  const map = offsetMap(text)
  const entities = doc.has('entities') ? doc.get('entities') : []
  const quantities = doc.has('quantities') ? doc.get('quantities') : []
  const attributions = doc.has('attributions') ? doc.get('attributions') : []
  const claims = doc.has('claims') ? doc.get('claims') : []
  return {
    id: doc.meta.id,
    title: doc.meta.title,
    published: doc.meta.published,
    ...(doc.meta.url !== null ? { url: doc.meta.url } : {}),
    ...(doc.meta.outlet !== null ? { outlet: doc.meta.outlet } : {}),
    language: doc.has('language') ? doc.get('language').code : 'und',
    ...(doc.warnings.length > 0 ? { warnings: doc.warnings } : {}),
    text,
    entities: entities.map((e, i) => ({
      id: `e${i + 1}`, start: map.toCodePoint(e.start), end: map.toCodePoint(e.end), text: text.slice(e.start, e.end),
      type: e.type, canonical: e.canonical,
    })),
    quantities: quantities.map((q, i) => ({
      id: `q${i + 1}`, start: map.toCodePoint(q.start), end: map.toCodePoint(q.end), text: text.slice(q.start, q.end),
      value: q.amount.kind === 'point' ? q.amount.value : null,
      low: q.amount.kind === 'range' ? q.amount.low : null,
      high: q.amount.kind === 'range' ? q.amount.high : null,
      approx: q.isApprox, bound: q.bound, vague: q.isVague, unit: q.unit, kind: q.kind,
    })),
    attributions: attributions.map((a, i) => ({
      id: `a${i + 1}`,
      source: a.source.length > 0 ? sourceSpan(text, map, a.source, groundedEntity(text, a.source, a.sourceEntity, entities)) : null,
      cue: fragmented(text, map, a.cue),
      content: a.content.map((c) => span(text, map, c)),
      kind: a.kind,
    })),
    claims: claims.map((c, i) => ({
      id: `c${i + 1}`,
      quantity: `q${c.quantity + 1}`,
      attribution: c.attribution === null ? null : `a${c.attribution + 1}`,
      counted: {
        category: c.counted.category, start: map.toCodePoint(c.counted.start), end: map.toCodePoint(c.counted.end),
        text: text.slice(c.counted.start, c.counted.end),
      },
      subject: c.subject,
      planned: c.isPlanned,
      additional: c.isAdditional,
      source: c.source === null ? null : text.slice(c.source.start, c.source.end),
      sourceEntity: c.sourceEntity,
      cue: c.cue === null ? null : text.slice(c.cue.start, c.cue.end),
      asOf: c.asOf,
    })),
  }
}
