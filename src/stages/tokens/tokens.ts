import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { posId, type TokenColumns } from '../../model/doc.ts'
import type { Sentence } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'

/** The wink-nlp instance, with sentence splitting and POS tagging (lemmas come with POS). */
export type WinkNlp = ReturnType<typeof winkNLP>

// wink-eng-lite-web-model re-encodes a module-level JSON string on every load (its
// `machines = JSON.stringify(machines)`), so each load in a process is larger than the
// last, and about the 20th throws "Invalid string length": load it once per thread.
let shared: WinkNlp | null = null

/** Load wink-nlp's English lite model (about 0.3 s, once per thread); share the result between stages. */
export function loadWink(): WinkNlp {
  shared ??= winkNLP(model, ['sbd', 'pos'])
  return shared
}

/** Tokens, sentences, POS and lemmas of a text, as flat columns. */
export interface Tokenized {
  readonly tokens: TokenColumns
  readonly sentences: readonly Sentence[]
}

// A line break separates paragraphs: news text puts one paragraph on a line, with or
// without blank lines between them.
const PARAGRAPH_BREAK = /\n+/g

// Whether text[from, to) holds a line break; the gap between two tokens, read without
// slicing a string per token.
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true
  return false
}

/**
 * Tokenize, split sentences and tag POS and lemmas with wink-nlp. White-space tokens are
 * dropped; offsets are recovered from wink's lossless token stream (value plus
 * preceding spaces). Sentences never cross a paragraph break.
 */
export function tokenize(nlp: WinkNlp, text: string): Tokenized {
  const its = nlp.its
  const wdoc = nlp.readDoc(text)
  const values = wdoc.tokens().out() as string[]
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[]
  const tags = wdoc.tokens().out(its.pos) as string[]
  // wink's type for its.lemma is narrower than what out() accepts; the call is documented usage.
  const lemmas = wdoc.tokens().out(its.lemma as Parameters<ReturnType<typeof wdoc.tokens>['out']>[0]) as string[]
  const n = values.length
  const start = new Int32Array(n)
  const end = new Int32Array(n)
  const pos = new Uint8Array(n)
  const lemma: string[] = []
  // wink index -> our index (or -1 for white space tokens)
  const keep = new Int32Array(n)
  let offset = 0
  let count = 0
  for (let i = 0; i < n; i++) {
    offset += spaces[i].length
    const v = values[i]
    if (v.trim() === '') {
      keep[i] = -1
    } else {
      keep[i] = count
      start[count] = offset
      end[count] = offset + v.length
      pos[count] = posId(tags[i])
      lemma.push(lemmas[i].toLowerCase())
      count++
    }
    offset += v.length
  }
  const tokens: TokenColumns = {
    count, start: start.subarray(0, count), end: end.subarray(0, count),
    pos: pos.subarray(0, count), lemma,
  }
  const breaks: number[] = []
  for (const m of text.matchAll(PARAGRAPH_BREAK)) breaks.push(m.index ?? 0)
  const sentences: Sentence[] = []
  let paragraph = 0
  let b = 0
  const spans = [] as Array<[number, number]>
  wdoc.sentences().each((s: { out: (f: unknown) => unknown }) => { spans.push(s.out(its.span) as unknown as [number, number]) })
  const push = (ts: number, te: number) => {
    if (te <= ts) return
    while (b < breaks.length && breaks[b] < start[ts]) { b++; paragraph++ }
    sentences.push({ start: start[ts], end: end[te - 1], tokenStart: ts, tokenEnd: te, paragraph })
  }
  for (const [ws, we] of spans) {
    let ts = -1
    let te = -1
    for (let i = ws; i <= we; i++) {
      if (keep[i] < 0) continue
      if (ts < 0) ts = keep[i]
      te = keep[i] + 1
    }
    if (ts < 0) continue
    // wink does not always end a sentence at a line break; headlines and datelines
    // carry no final punctuation, so every line break ends one.
    let from = ts
    for (let t = ts + 1; t < te; t++) {
      if (hasLineBreak(text, end[t - 1], start[t])) { push(from, t); from = t }
    }
    push(from, te)
  }
  return { tokens, sentences }
}

/** The stage that assigns `tokens` and `sentences`. */
export function tokensStage(nlp: WinkNlp): Stage {
  return defineStage({
    name: 'tokens', requires: [], assigns: ['tokens', 'sentences'],
    run: (doc) => {
      const { tokens, sentences } = tokenize(nlp, doc.text)
      return doc.withLayer('tokens', tokens).withLayer('sentences', sentences)
    },
  })
}
