import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { Attribution, CharSpan } from '../model/types.ts'
import { readBrat, writeBrat, type CodePointSpan } from './brat.ts'

// Letters, spaces, line breaks of several kinds, a tab, and astral characters (two UTF-16
// units each), so that code-point conversion and line splitting are both exercised.
const CHARS = ['a', 'b', 'Z', '.', ',', ' ', ' ', '\t', '\n', '\r\n', '\u2028', 'é', '😀', '𝒳', '🇺']
const LINE_BREAK = /[\n\r\u2028\u2029\u0085\v\f]/
const SPACE = /\s/u

/** A text as code points, with the UTF-16 offset of each code-point boundary. */
interface Text { readonly cps: readonly string[]; readonly text: string; readonly utf16: readonly number[] }

function makeText(pieces: string[]): Text {
  const cps = Array.from(pieces.join(''))
  const utf16 = [0]
  for (const c of cps) utf16.push(utf16[utf16.length - 1] + c.length)
  return { cps, text: cps.join(''), utf16 }
}

/**
 * Fragments (code points) from random boundary pairs, shrunk to lose edge white space, as the
 * reader trims it. `allowBreaks` false also drops fragments that contain a line break.
 */
function fragments(t: Text, pairs: [number, number][], allowBreaks: boolean): CodePointSpan[] {
  const out: CodePointSpan[] = []
  for (const [x, y] of pairs) {
    let start = Math.min(x, y) % (t.cps.length + 1)
    let end = Math.max(x, y) % (t.cps.length + 1)
    if (start > end) [start, end] = [end, start]
    while (start < end && SPACE.test(t.cps[start])) start++
    while (end > start && SPACE.test(t.cps[end - 1])) end--
    if (start === end) continue
    if (!allowBreaks && t.cps.slice(start, end).some((c) => LINE_BREAK.test(c))) continue
    out.push({ start, end })
  }
  return out
}

const toUtf16 = (t: Text, spans: readonly CodePointSpan[]): CharSpan[] =>
  spans.map((s) => ({ start: t.utf16[s.start], end: t.utf16[s.end] }))

function canonical(spans: readonly CodePointSpan[]): string[] {
  return [...new Set(spans.map((s) => `${s.start}-${s.end}`))].sort()
}

/** Code points covered by the spans that are not white space. */
function inkCovered(t: Text, spans: readonly CodePointSpan[]): number[] {
  const out = new Set<number>()
  for (const s of spans) for (let i = s.start; i < s.end; i++) if (!SPACE.test(t.cps[i])) out.add(i)
  return [...out].sort((a, b) => a - b)
}

const pairs = fc.array(fc.tuple(fc.nat(200), fc.nat(200)), { maxLength: 3 })
const attributionParts = fc.array(fc.record({ source: pairs, cue: pairs, content: pairs }), { maxLength: 5 })
const texts = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 60 }).map(makeText)

function build(t: Text, parts: { source: [number, number][]; cue: [number, number][]; content: [number, number][] }[], allowBreaks: boolean) {
  return parts.map((p) => ({
    source: fragments(t, p.source, allowBreaks),
    cue: fragments(t, p.cue, allowBreaks),
    content: fragments(t, p.content, allowBreaks),
  }))
}

function asAttribution(t: Text, a: { source: CodePointSpan[]; cue: CodePointSpan[]; content: CodePointSpan[] }): Attribution {
  return { source: toUtf16(t, a.source), cue: toUtf16(t, a.cue), content: toUtf16(t, a.content), kind: 'indirect', sourceEntity: null }
}

test('write then read returns the same code-point spans, inside the text and never inverted', () => {
  fc.assert(fc.property(texts, attributionParts, (t, parts) => {
    // The writer skips attributions with neither cue nor content: nothing to hang the event on.
    const written = build(t, parts, false).filter((a) => a.cue.length > 0 || a.content.length > 0)
    const ann = writeBrat(t.text, written.map((a) => asAttribution(t, a)))
    const read = readBrat(ann, t.text)
    assert.equal(read.length, written.length)
    read.forEach((r, i) => {
      for (const role of ['source', 'cue', 'content'] as const) {
        for (const s of r[role]) assert.ok(s.start >= 0 && s.start < s.end && s.end <= t.cps.length, `${role} ${s.start}-${s.end}`)
        assert.deepEqual(canonical(r[role]), canonical(written[i][role]), role)
      }
    })
  }), { numRuns: 300 })
})

test('spans with line breaks stay one annotation per line and keep every non-space character', () => {
  fc.assert(fc.property(texts, attributionParts, (t, parts) => {
    const written = build(t, parts, true)
    const ann = writeBrat(t.text, written.map((a) => asAttribution(t, a)))
    // One line per T and E: the splitter must not meet a raw line break inside a text field.
    for (const line of ann.split('\n').slice(0, -1)) assert.match(line, /^(T\d+\t\S+ \d+ \d+(;\d+ \d+)*\t[^\n\r\u2028\u2029\u0085\v\f]*|E\d+\t\S+:T\d+( \S+:T\d+)*)$/)
    const read = readBrat(ann, t.text)
    const kept = written.filter((a) => inkCovered(t, a.cue).length > 0 || inkCovered(t, a.content).length > 0)
    assert.equal(read.length, kept.length)
    read.forEach((r, i) => {
      for (const role of ['source', 'cue', 'content'] as const) {
        assert.deepEqual(inkCovered(t, r[role]), inkCovered(t, kept[i][role]), role)
        for (const s of r[role]) {
          assert.ok(s.start < s.end && s.end <= t.cps.length)
          assert.ok(!t.cps.slice(s.start, s.end).some((c) => LINE_BREAK.test(c)), 'no fragment holds a line break')
        }
      }
    })
  }), { numRuns: 300 })
})
