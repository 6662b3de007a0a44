import type { TokenColumns } from '../../model/doc.ts'
import type { Sentence } from '../../model/types.ts'

// The quotation state of each token, as the attribution taggers read it (`prepare`) and the
// claims stage reads it ("now" inside a quotation is when the speaker spoke): one reader, so
// that the two stages never disagree on what is quoted.

/** Quote states, per token: outside a quotation, inside, an opening mark, a closing mark. */
export const Q_OUT = 0
export const Q_IN = 1
export const Q_OPEN = 2
export const Q_CLOSE = 3

/** Token index range `[start[p], end[p])` of each paragraph `p` (an empty range for a paragraph with no sentence). */
export interface ParagraphBounds {
  readonly start: Int32Array
  readonly end: Int32Array
}

/** The token range of each paragraph of a tokenized document, from its sentences. */
export function paragraphBounds(sentences: readonly Sentence[]): ParagraphBounds {
  const n = sentences.length === 0 ? 0 : sentences[sentences.length - 1].paragraph + 1
  const start = new Int32Array(n).fill(-1)
  const end = new Int32Array(n)
  for (const s of sentences) {
    if (start[s.paragraph] < 0) start[s.paragraph] = s.tokenStart
    end[s.paragraph] = s.tokenEnd
  }
  for (let p = 0; p < n; p++) if (start[p] < 0) { start[p] = p > 0 ? end[p - 1] : 0; end[p] = start[p] }
  return { start, end }
}

/**
 * The quote state of every token (`Q_OUT`, `Q_IN`, `Q_OPEN`, `Q_CLOSE`). The state restarts at
 * each paragraph: news style reopens a quotation that continues into the next paragraph with a
 * new opening mark. Straight and curly double marks count, and two apostrophes ('' ... '').
 */
export function markQuotations(text: string, tokens: TokenColumns, paragraphs: ParagraphBounds): Uint8Array {
  const quote = new Uint8Array(tokens.count)
  for (let p = 0; p < paragraphs.start.length; p++) {
    const paraStart = paragraphs.start[p]
    const paraEnd = paragraphs.end[p]
    let inside = false
    for (let i = paraStart; i < paraEnd; i++) {
      const s = tokens.start[i]
      const c = text.charCodeAt(s)
      const oneUnit = tokens.end[i] - s === 1
      if (oneUnit && c === 39 && i + 1 < paraEnd && tokens.start[i + 1] === s + 1
        && tokens.end[i + 1] === s + 2 && text.charCodeAt(s + 1) === 39) {
        // Two apostrophes are a double quotation mark in some archives (''like this''):
        // the pair is one mark; the apostrophe on the inside side counts as quoted text.
        if (inside) { quote[i] = Q_IN; quote[i + 1] = Q_CLOSE } else { quote[i] = Q_OPEN; quote[i + 1] = Q_IN }
        inside = !inside
        i++
        continue
      }
      if (oneUnit && c === 39 && !inside && i + 1 < paraEnd && tokens.start[i + 1] === s + 1
        && tokens.end[i + 1] > s + 2 && text.charCodeAt(s + 1) === 39) {
        // ...and the tokenizer at times keeps the second apostrophe with the word it opens
        // (''A pastor -> ' 'A): the same opening mark.
        quote[i] = Q_OPEN
        quote[i + 1] = Q_IN
        inside = true
        i++
        continue
      }
      const isMark = oneUnit && (c === 0x201c || c === 0x201d || c === 34)
      if (!isMark) { quote[i] = inside ? Q_IN : Q_OUT; continue }
      // A left mark written where a quotation closes ('“It's unusual,“ said Larry Noble'):
      // inside a quotation, stuck to the word before it and not to the one after, it closes;
      // a right mark that opens one is the mirror case.
      const stuckBefore = i > paraStart && tokens.end[i - 1] === s
      const stuckAfter = i + 1 < paraEnd && tokens.start[i + 1] === s + 1
      const opens: boolean = c === 0x201c ? !(inside && stuckBefore && !stuckAfter)
        : c === 0x201d ? !inside && !stuckBefore && stuckAfter : !inside
      quote[i] = opens ? Q_OPEN : Q_CLOSE
      inside = opens
    }
  }
  return quote
}
