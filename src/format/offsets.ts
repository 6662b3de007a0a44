/**
 * Conversion between UTF-16 code-unit offsets (JavaScript strings, the Doc's layers) and
 * Unicode code-point offsets (the output contract, as brat counts them). The only place
 * in the project that converts.
 */
export interface OffsetMap {
  /** Code-point offset of a UTF-16 offset. */
  toCodePoint(utf16: number): number
  /** UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number
}

// A high surrogate followed by a low one: an astral character. Without the `u` flag the
// expression reads code units, as the loop of offsetMap does.
const ASTRAL = /[\ud800-\udbff][\udc00-\udfff]/
const IDENTITY: OffsetMap = { toCodePoint: (x) => x, toUtf16: (x) => x }

/**
 * Build the map for a text in one pass. Texts without astral characters (almost all
 * news) get the identity map and cost nothing.
 *
 * @example
 * const map = offsetMap('a😀b')
 * map.toCodePoint(3) // 2
 */
export function offsetMap(text: string): OffsetMap {
  // (the regular expression scans the text natively, several times faster than the loop below)
  if (!ASTRAL.test(text)) return IDENTITY
  // Positions (UTF-16) of the low surrogate of each astral character.
  const lows: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) { lows.push(i + 1); i++ }
    }
  }
  return {
    toCodePoint(utf16) {
      // number of low surrogates strictly before utf16
      let lo = 0
      let hi = lows.length
      while (lo < hi) { const mid = (lo + hi) >> 1; if (lows[mid] < utf16) lo = mid + 1; else hi = mid }
      return utf16 - lo
    },
    toUtf16(codePoint) {
      // the k-th low surrogate sits at code point lows[k] - k - 1 + 1 boundary
      let lo = 0
      let hi = lows.length
      while (lo < hi) { const mid = (lo + hi) >> 1; if (lows[mid] - mid - 1 < codePoint) lo = mid + 1; else hi = mid }
      return codePoint + lo
    },
  }
}
