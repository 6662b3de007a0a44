// Hard-wrapped text: which line breaks only wrap a line. Kept apart from tokens.ts so that
// formatters can ask without loading wink-nlp.

// What ends a line that ends its sentence or its paragraph.
const LINE_END = /[.!?:;"”’')\]]\s*$/
// Module-level: tsx (esbuild) rewrites a \p{...} literal as `new RegExp(...)`, built anew on every call.
const CAPITAL_FIRST = /^\p{Lu}/u

/**
 * The line breaks that only wrap a line, in text wrapped at a fixed width (plain-text wire
 * copy, e-mail): a break within a block of lines is a space there, and only a blank line
 * ends a paragraph. The text is taken as hard-wrapped when it has at least three breaks
 * between non-blank lines, no line longer than 120 characters, and more than half of those
 * breaks inside a sentence (the line before ends without a closing mark); news with one
 * paragraph to a line ends its lines with one. A short line without a closing mark before
 * a capital stays a break (a headline or a dateline). Returns the offsets of the soft
 * breaks, or null when the text is not hard-wrapped.
 */
export function softLineBreaks(text: string): Set<number> | null {
  if (text.indexOf('\n') < 0) return null
  const lines = text.split('\n')
  if (lines.some((l) => l.length > 120)) return null
  const starts: number[] = []
  let at = 0
  for (const l of lines) { starts.push(at); at += l.length + 1 }
  const inner: number[] = []
  let open = 0
  for (let k = 0; k + 1 < lines.length; k++) {
    if (lines[k].trim() === '' || lines[k + 1].trim() === '') continue
    inner.push(k)
    if (!LINE_END.test(lines[k])) open++
  }
  if (inner.length < 3 || open * 2 <= inner.length) return null
  const widths = inner.map((k) => lines[k].trimEnd().length).sort((a, b) => a - b)
  const width = widths[widths.length >> 1]
  const soft = new Set<number>()
  for (const k of inner) {
    const line = lines[k].trimEnd()
    const next = lines[k + 1].trimStart()
    const isHeading = !LINE_END.test(line) && line.length < 0.6 * width && CAPITAL_FIRST.test(next)
    if (!isHeading) soft.add(starts[k + 1] - 1)
  }
  return soft
}

/**
 * Where a headline ends: the first line break, when the first line has no closing
 * punctuation and more text follows it; else 0 (no headline).
 */
export function headlineEnd(text: string): number {
  const nl = text.indexOf('\n')
  if (nl <= 0 || text.slice(nl).trim() === '') return 0
  return /[.!?"”’]\s*$/.test(text.slice(0, nl)) ? 0 : nl
}
