/**
 * The value types that stages put into a {@link Doc}'s layers.
 *
 * Every offset in this module is a UTF-16 code-unit index into `Doc.text` (what
 * JavaScript string methods use). Conversion to Unicode code points, which the output
 * contract uses, happens once, in `src/format/offsets.ts`.
 */

/** A half-open range `[start, end)` of UTF-16 code units into the document text. */
export interface CharSpan {
  readonly start: number
  readonly end: number
}

/** A sentence: its character range and its token range `[tokenStart, tokenEnd)`. */
export interface Sentence extends CharSpan {
  readonly tokenStart: number
  readonly tokenEnd: number
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  readonly paragraph: number
}

/** Entity types the gazetteer and the entity stage use. */
export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'MEDIA' | 'NORP' | 'TITLE' | 'OTHER'

/** A named mention, with the canonical name of what it refers to when known. */
export interface Entity extends CharSpan {
  readonly type: EntityType
  /** Canonical name ("Kim Jong Un" for "Kim Jong"); null when the mention is unknown. */
  readonly canonical: string | null
  /** Country the entity belongs to or speaks for ("KCNA" -> "North Korea"), if known. */
  readonly country: string | null
}

/** The number a quantity states: one value, or a closed interval. */
export type Amount =
  | { readonly kind: 'point'; readonly value: number }
  | { readonly kind: 'range'; readonly low: number; readonly high: number }

/** What kind of number a quantity is. */
export type QuantityKind = 'count' | 'percent' | 'money' | 'multiplier'

/** `at_least` for "more than", "over", "at least"; `at_most` for "up to", "fewer than". */
export type Bound = 'at_least' | 'at_most' | null

/**
 * An amount flattened as the output contract writes it: a point has `value`, a range
 * `low` and `high` (and `value` null). Stored claims, timeline points and the JSON
 * document all carry these fields.
 */
export interface FlatAmount {
  readonly value: number | null
  readonly low: number | null
  readonly high: number | null
  readonly approx: boolean
  readonly bound: Bound
  readonly vague: boolean
  readonly unit: string | null
}

/** A numeric expression found in the text. */
export interface Quantity extends CharSpan {
  readonly amount: Amount
  readonly kind: QuantityKind
  /** Hedged: about, around, nearly, some, an estimated, roughly. */
  readonly isApprox: boolean
  readonly bound: Bound
  /** "thousands of", "dozens": an interval that stands for an order of magnitude. */
  readonly isVague: boolean
  /** Unit or currency when stated: "%", "USD", "KRW", "mm", "times". */
  readonly unit: string | null
}

/** One piece of a possibly discontinuous span. */
export type Fragments = readonly CharSpan[]

/** Direct (quoted), indirect (reported), or mixed (partly quoted) speech. */
export type AttributionKind = 'direct' | 'indirect' | 'mixed'

/** Who says what: source (optional), cue and content, each possibly discontinuous. */
export interface Attribution {
  readonly source: Fragments
  readonly cue: Fragments
  readonly content: Fragments
  readonly kind: AttributionKind
  /** Resolved name of the source (pronouns and nominals resolved to a named mention). */
  readonly sourceEntity: string | null
}

/** Categories of what a figure counts (DESIGN.md). */
export const CATEGORIES = [
  'deployed', 'killed', 'wounded', 'casualties', 'captured', 'missing', 'displaced',
  'munitions', 'money', 'other',
] as const
export type Category = (typeof CATEGORIES)[number]

/** A quantity that states a figure about something counted, bound to its source. */
export interface Claim {
  /** Index into the `quantities` layer. */
  readonly quantity: number
  /** Index into the `attributions` layer, or null when the text states it in its own voice. */
  readonly attribution: number | null
  readonly counted: CharSpan & { readonly category: Category }
  /** Whose the counted things are, canonical ("North Korean troops" -> "North Korea"). */
  readonly subject: string | null
  readonly isPlanned: boolean
  /** The figure adds to an earlier count ("another 3,000", "1,000 more"), not a total. */
  readonly isAdditional: boolean
  /** Source span and resolved name when the claim is not in the text's own voice. */
  readonly source: CharSpan | null
  readonly sourceEntity: string | null
  readonly cue: CharSpan | null
  /** ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, when the text says which date the figure is for. */
  readonly asOf: string | null
}

/** A time expression resolved against the publication date. */
export interface TimeExpression extends CharSpan {
  /** ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly value: string
}

/** What the language check found. */
export interface LanguageInfo {
  /** ISO 639-1 code, or "und" when undetermined. */
  readonly code: string
  readonly isSupported: boolean
}
