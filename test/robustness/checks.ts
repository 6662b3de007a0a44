import assert from 'node:assert/strict'

/** Every `{start, end, text}` span anywhere in an output document. */
function spans(value: unknown, out: Array<{ start: number; end: number; text: string }> = []): typeof out {
  if (Array.isArray(value)) for (const v of value) spans(v, out)
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') {
      out.push({ start: o.start, end: o.end, text: o.text })
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'text') spans(v, out)
  }
  return out
}

/**
 * Check that a JSON document of the extract contract is sane: its text is the input,
 * and every span lies inside the text (code points) and quotes it exactly.
 */
export function assertSaneDocument(doc: Record<string, unknown>, text: string, what: string): void {
  assert.equal(doc.text, text, `${what}: the output text is the input, unchanged`)
  const points = [...text]
  for (const s of spans(doc)) {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= points.length, `${what}: span ${s.start}-${s.end} outside the text`)
    assert.equal(points.slice(s.start, s.end).join(''), s.text, `${what}: span ${s.start}-${s.end} does not quote the text`)
  }
  for (const key of ['entities', 'quantities', 'attributions', 'claims']) {
    assert.ok(Array.isArray(doc[key]), `${what}: "${key}" is a list`)
  }
}

/** Stderr has no stack trace. */
export function assertNoStack(stderr: string, what: string): void {
  assert.doesNotMatch(stderr, /\n\s+at |node:internal|Error: .*\n.*\.ts:\d+/, `${what}: a stack trace on standard error:\n${stderr}`)
}
