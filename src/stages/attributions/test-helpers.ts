// Shared by the attribution tests: a text prepared for the rules, with its token spans found by text.
import assert from 'node:assert/strict'
import { tokenize, type WinkNlp } from '../tokens/tokens.ts'
import { prepare, type Prepared } from './features.ts'
import { tokenRange, type CueTokens } from './taggers.ts'

/** A text prepared for the attribution rules: `at` finds the tokens of the first `part`, `read` gives a span's text. */
export function preparedText(nlp: WinkNlp, text: string): { p: Prepared; at: (part: string) => CueTokens; read: (r: CueTokens) => string } {
  const { tokens: t, sentences } = tokenize(nlp, text)
  const p = prepare(text, t, sentences)
  const at = (part: string): CueTokens => {
    const start = text.indexOf(part)
    const r = tokenRange(p, start, start + part.length)
    assert.ok(r, part)
    return r
  }
  const read = (r: CueTokens) => text.slice(t.start[r.start], t.end[r.end - 1])
  return { p, at, read }
}
