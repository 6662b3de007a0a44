import type {
  Attribution, Claim, Entity, LanguageInfo, Quantity, Sentence, TimeExpression,
} from './types.ts'

/**
 * Token columns: one entry per token, kept in flat typed arrays (as wink-nlp does) so a
 * stage can walk 100k tokens without allocating objects.
 *
 * Layout (all indices `i` in `[0, count)`):
 * - `start[i]`, `end[i]`: UTF-16 offsets of the token in `Doc.text` (half-open).
 * - `pos[i]`: id of the Universal POS tag, see {@link POS_TAGS}.
 * - `lemma[i]`: lower-cased lemma (strings are interned by V8, so this stays small).
 * - `isSpaceBefore[i]`: 1 when white space precedes the token.
 * Newlines and runs of white space are not tokens.
 */
export interface TokenColumns {
  readonly count: number
  readonly start: Int32Array
  readonly end: Int32Array
  readonly pos: Uint8Array
  readonly lemma: readonly string[]
}

/**
 * Whether token `t` touches the tokens on both sides, with no space between
 * ("munitions-related", "R-Va.", "word—word"); false for the first and the last token.
 */
export function isGlued(tokens: TokenColumns, t: number): boolean {
  if (t <= 0 || t + 1 >= tokens.count) return false
  return tokens.end[t - 1] === tokens.start[t] && tokens.end[t] === tokens.start[t + 1]
}

/**
 * Whether token `t` is a hyphen glued to the tokens on both sides ("munitions-related",
 * "Smith-led"): a joint inside a word, not a dash between words.
 */
export function isGluedHyphen(text: string, tokens: TokenColumns, t: number): boolean {
  const s = tokens.start[t]
  return tokens.end[t] === s + 1 && (text[s] === '-' || text[s] === '‐') && isGlued(tokens, t)
}

/**
 * {@link isGluedHyphen} for code that holds the token columns only: token `t` (which may lie
 * outside the columns) is a hyphen by its lemma, glued to the tokens on both sides.
 */
export function isGluedHyphenToken(tokens: TokenColumns, t: number): boolean {
  return (tokens.lemma[t] === '-' || tokens.lemma[t] === '‐') && isGlued(tokens, t)
}

/** Universal POS tags; `TokenColumns.pos` holds indices into this list. */
export const POS_TAGS = [
  'X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON',
  'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'SPACE',
] as const
export type PosTag = (typeof POS_TAGS)[number]
const POS_ID = new Map<string, number>(POS_TAGS.map((t, i) => [t, i]))

/** Id of a POS tag name; unknown tags map to `X`. */
export function posId(tag: string): number {
  return POS_ID.get(tag) ?? 0
}

/** The layers stages can assign, by name. A stage adds layers and never rewrites one. */
export interface Layers {
  readonly language: LanguageInfo
  readonly tokens: TokenColumns
  readonly sentences: readonly Sentence[]
  readonly entities: readonly Entity[]
  readonly quantities: readonly Quantity[]
  readonly times: readonly TimeExpression[]
  readonly attributions: readonly Attribution[]
  readonly claims: readonly Claim[]
}
export type LayerName = keyof Layers

/** What is known of a document before analysis. */
export interface DocMeta {
  readonly id: string
  readonly title: string | null
  /** ISO date `YYYY-MM-DD`, or null when unknown. */
  readonly published: string | null
  readonly url: string | null
  readonly outlet: string | null
}

/**
 * One document and the layers stages have added to it. Immutable: `withLayer` returns a
 * new Doc sharing everything else.
 *
 * @example
 * const doc = Doc.create('Troops arrived, officials said.', { id: 'a1' })
 * const next = doc.withLayer('quantities', [])
 */
export class Doc {
  private constructor(
    readonly text: string,
    readonly meta: DocMeta,
    private readonly layers: Partial<Layers>,
    /** Problems worth telling the user that did not stop the analysis. */
    readonly warnings: readonly string[],
  ) {}

  /** A document with text and metadata and no layers yet. */
  static create(text: string, meta: Partial<DocMeta> & { id: string }): Doc {
    return new Doc(text, {
      id: meta.id, title: meta.title ?? null, published: meta.published ?? null,
      url: meta.url ?? null, outlet: meta.outlet ?? null,
    }, {}, [])
  }

  get id(): string { return this.meta.id }

  /** Whether a stage has assigned the layer. */
  has(name: LayerName): boolean {
    return this.layers[name] !== undefined
  }

  /** The layer's value; throws when no stage has assigned it. */
  get<K extends LayerName>(name: K): Layers[K] {
    const value = this.layers[name]
    if (value === undefined) throw new Error(`layer "${name}" has not been assigned`)
    return value as Layers[K]
  }

  /** A copy of this Doc with the layer set. */
  withLayer<K extends LayerName>(name: K, value: Layers[K]): Doc {
    return new Doc(this.text, this.meta, { ...this.layers, [name]: value }, this.warnings)
  }

  /** A copy of this Doc with a warning added. */
  withWarning(message: string): Doc {
    return new Doc(this.text, this.meta, this.layers, [...this.warnings, message])
  }

  /** The text of a span. */
  slice(span: { start: number; end: number }): string {
    return this.text.slice(span.start, span.end)
  }
}
