import type { TokenColumns } from '../../model/doc.ts'
import { POS_TAGS } from '../../model/doc.ts'
import type { Sentence } from '../../model/types.ts'
import { markQuotations, paragraphBounds, Q_CLOSE, Q_IN, Q_OPEN, Q_OUT } from '../tokens/quotations.ts'

/**
 * Per-token columns the attribution taggers read, computed once per document in flat
 * typed arrays: hashes of lemma, lower-cased form, suffix and shape (no strings are built
 * per token), sentence and paragraph indices, and the quotation state.
 */
export interface Prepared {
  readonly n: number
  readonly tokens: TokenColumns
  readonly sentences: readonly Sentence[]
  readonly lemma: Int32Array
  readonly form: Int32Array
  readonly suffix: Int32Array
  readonly shape: Int32Array
  readonly pos: Uint8Array
  /** 1 when the token starts with an upper-case letter. */
  readonly isCap: Uint8Array
  readonly sent: Int32Array
  readonly para: Int32Array
  /** Token index range `[paraStart[p], paraEnd[p])` of paragraph `p`. */
  readonly paraStart: Int32Array
  readonly paraEnd: Int32Array
  /** 0 outside a quotation, 1 inside, 2 an opening mark, 3 a closing mark. */
  readonly quote: Uint8Array
  /** Punctuation class: 0 none, 1 comma, 2 colon, 3 sentence-final, 4 other punctuation. */
  readonly punct: Uint8Array
}

/** Quote states, see {@link Prepared.quote} (tokens/quotations.ts, which the claims stage shares). */
export { Q_OUT, Q_IN, Q_OPEN, Q_CLOSE }

/** Punctuation classes, see {@link Prepared.punct}. */
export const P_COMMA = 1
export const P_COLON = 2
export const P_FINAL = 3

const FNV = 0x811c9dc5

/** FNV-1a over a string's code units. */
export function hashString(s: string): number {
  let h = FNV
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h | 0
}

function lowerUnit(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c
}

function shapeClass(c: number): number {
  if (c >= 65 && c <= 90) return 88 // X
  if (c >= 97 && c <= 122) return 120 // x
  if (c >= 48 && c <= 57) return 100 // d
  if (c > 127) {
    // Non-ASCII letters: upper/lower via the case mapping; punctuation keeps its code.
    const s = String.fromCharCode(c)
    if (s.toLowerCase() !== s) return 88
    if (s.toUpperCase() !== s) return 120
  }
  return c
}

const PUNCT_POS = POS_TAGS.indexOf('PUNCT')

/** The `suffix` id of a word's last three letters (lower case), as `prepare` computes it. */
export function suffixId(word: string): number {
  return suffixHash(word, 0, word.length)
}

/** FNV hash of the last three UTF-16 units of `text[start, end)`, lower-cased. */
function suffixHash(text: string, start: number, end: number): number {
  let sf = FNV
  for (let k = Math.max(start, end - 3); k < end; k++) sf = Math.imul(sf ^ lowerUnit(text.charCodeAt(k)), 0x01000193)
  return sf
}

/** Compute the {@link Prepared} columns of a tokenized document. */
export function prepare(text: string, tokens: TokenColumns, sentences: readonly Sentence[]): Prepared {
  const n = tokens.count
  const lemma = new Int32Array(n)
  const form = new Int32Array(n)
  const suffix = new Int32Array(n)
  const shape = new Int32Array(n)
  const isCap = new Uint8Array(n)
  const sent = new Int32Array(n)
  const para = new Int32Array(n)
  const punct = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    lemma[i] = hashString(tokens.lemma[i])
    const s = tokens.start[i]
    const e = tokens.end[i]
    let h = FNV
    let sh = FNV
    let last = -1
    let run = 0
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k)
      h = Math.imul(h ^ lowerUnit(c), 0x01000193)
      const cls = shapeClass(c)
      // Shapes collapse runs longer than two ("Xxxxx" -> "Xxx") as is usual.
      if (cls === last) { run++ } else { run = 0; last = cls }
      if (run < 2) sh = Math.imul(sh ^ cls, 0x01000193)
    }
    form[i] = h
    shape[i] = sh
    suffix[i] = suffixHash(text, s, e)
    const c0 = text.charCodeAt(s)
    isCap[i] = shapeClass(c0) === 88 ? 1 : 0
    if (e - s === 1 && tokens.pos[i] === PUNCT_POS) {
      if (c0 === 44) punct[i] = P_COMMA
      else if (c0 === 58 || c0 === 59) punct[i] = P_COLON
      else if (c0 === 46 || c0 === 63 || c0 === 33) punct[i] = P_FINAL
      else punct[i] = 4
    } else if (tokens.pos[i] === PUNCT_POS) {
      punct[i] = 4
    }
  }
  for (let k = 0; k < sentences.length; k++) {
    const st = sentences[k]
    for (let i = st.tokenStart; i < st.tokenEnd; i++) { sent[i] = k; para[i] = st.paragraph }
  }
  const paragraphs = paragraphBounds(sentences)
  const paraStart = paragraphs.start
  const paraEnd = paragraphs.end
  const quote = markQuotations(text, tokens, paragraphs)
  return {
    n, tokens, sentences, lemma, form, suffix, shape, pos: tokens.pos, isCap, sent, para,
    paraStart, paraEnd, quote, punct,
  }
}
