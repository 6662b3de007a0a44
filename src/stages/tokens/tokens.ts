import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { posId, type TokenColumns } from '../../model/doc.ts'
import type { Sentence } from '../../model/types.ts'
import { defineStage, type Stage } from '../../pipeline/stage.ts'
import { softLineBreaks } from './line-breaks.ts'

/** The wink-nlp instance, with sentence splitting and POS tagging (lemmas come with POS). */
export type WinkNlp = ReturnType<typeof winkNLP>

// wink-eng-lite-web-model re-encodes a module-level JSON string on every load (its
// `machines = JSON.stringify(machines)`), so each load in a process is larger than the
// last, and about the 20th throws "Invalid string length": load it once per thread.
let shared: WinkNlp | null = null

/**
 * wink-nlp's data of one read document ("rdd"), which its `its` accessors take as their
 * second argument: `tokens().out(f)` and `itemAt(i).out(f)` call them once per token behind
 * a check of `f` and an array or item object each. Read here only through those accessors
 * (`its.value(i, rdd)`, ...) and its two documented counts.
 */
interface WinkDocData {
  readonly numOfTokens: number
  readonly sentences: readonly number[][]
}

// The one place wink hands the rdd to model code: `doc.out(its.readabilityStats)` returns
// what the model's `readabilityStats` addon makes of it. The model wink loads is the English
// lite model with that addon returning the rdd itself; no stage asks for readability.
const modelWithDocData = Object.assign(Object.create(null), model, {
  addons: Object.assign(Object.create(null), model.addons, { readabilityStats: (rdd: WinkDocData) => rdd }),
}) as typeof model

/** Load wink-nlp's English lite model (about 0.3 s, once per thread); share the result between stages. */
export function loadWink(): WinkNlp {
  if (shared === null) {
    shared = winkNLP(modelWithDocData, ['sbd', 'pos'])
    withoutLearntWords(shared)
  }
  return shared
}

/** The part of wink-nlp's lexeme cache (`rdd.cache`) its tokenizer asks. */
interface WinkCache {
  lookup(text: string): number[] | null
  add(text: string, category: number): number
  intrinsicSize(): number
}

// wink's cache adds every word it has not seen to its lexicon, and its tokenizer keeps a
// chunk between spaces whole when the lexicon holds it: once "Clinton's." had ended a
// sentence, every later "Clinton's" stayed one token instead of "Clinton" "'s", so a
// document's tokens, and everything read from them, depended on the documents read before
// it in the process (15 of the 84 PolNeAR dev texts tokenized differently on a second
// pass; found by speed16). The tokenizer asks the cache through `cache.lookup`, looked up
// at each call; answered from the model's own lexicon alone, every chunk is cut by wink's
// rules whatever was read before it, in the process or earlier in the same document. While `cache.add` registers a word, the model's features of it look
// the word up again and must find it, so lookups inside `add` are answered in full. The
// learnt entries stay, so lexeme ids and wink's features of them do not change.
function withoutLearntWords(nlp: WinkNlp): void {
  const rdd = nlp.readDoc('').out(nlp.its.readabilityStats) as unknown as { cache?: WinkCache }
  const cache = rdd.cache
  if (cache === undefined || typeof cache.lookup !== 'function' || typeof cache.add !== 'function' || typeof cache.intrinsicSize !== 'function') {
    throw new Error('tokens: wink-nlp no longer hands its lexeme cache to the model addon (see withoutLearntWords)')
  }
  const { lookup, add } = cache
  const intrinsic = cache.intrinsicSize()
  let adding = 0
  cache.add = (text, category) => {
    adding++
    try { return add(text, category) } finally { adding-- }
  }
  cache.lookup = (text) => {
    const found = lookup(text)
    return adding === 0 && found !== null && found.length === 1 && found[0] >= intrinsic ? null : found
  }
}

/** Tokens, sentences, POS and lemmas of a text, as flat columns. */
export interface Tokenized {
  readonly tokens: TokenColumns
  readonly sentences: readonly Sentence[]
}

// A line break separates paragraphs: news text puts one paragraph on a line, with or
// without blank lines between them; in hard-wrapped text only a blank line does.
const PARAGRAPH_BREAK = /\n+/g

// Abbreviations wink does not always know. Titles stand before a name, so their period
// never ends a sentence ("Sens. Ted Cruz", "the Rev. Al Sharpton"); "Jr.", "Sr." and "St."
// can end one ("Main St. He said") and are left to wink.
export const TITLES: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'Drs', 'Prof', 'Profs', 'Rev', 'Revs', 'Fr', 'Msgr',
  'Sen', 'Sens', 'Rep', 'Reps', 'Gov', 'Govs', 'Pres', 'Sec', 'Amb', 'Atty', 'Supt', 'Hon',
  'Gen', 'Gens', 'Lt', 'Col', 'Maj', 'Capt', 'Cpl', 'Sgt', 'Pvt', 'Adm', 'Cmdr', 'Cdr', 'Mt', 'Ft',
])
/** Personal pronouns that can be the subject of a clause of saying ("he said", "said she"), lower case. */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i'])

/** Short words a title in title case leaves in lower case ("Bridge Over Troubled Water", "Abandon Republican Party for Hillary Clinton"). */
export const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'as', 'vs', 'vs.',
])
// AP state abbreviations (the two-letter ones with inner periods, "N.Y.", are initials
// below). wink splits "Vt." from its period before a bracket or a comma ("(I-Vt.)",
// "R-Wis.,") and may end a sentence there.
const STATES = new Set([
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans',
  'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore',
  'Pa', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wisc', 'Wyo',
])
// "N" "." "Y." and "Ph" "." "D.": wink cuts initials glued by periods apart.
const INITIAL_HEAD = /^[A-Z][a-z]?$/
const INITIAL_TAIL = /^(?:[A-Z][a-z]?\.|(?:[A-Z]\.)+)$/

const isUpperUnit = (c: number) => c >= 65 && c <= 90
const isLowerUnit = (c: number) => c >= 97 && c <= 122
const isDigitUnit = (c: number) => c >= 48 && c <= 57

/**
 * Whether a wink token is white space only (`v.trim() === ''`): a token that opens with
 * printable ASCII is not, and most do, so trim runs only for the others.
 */
function isBlank(v: string): boolean {
  const c = v.charCodeAt(0)
  return c > 32 && c < 127 ? false : v.trim() === ''
}

/**
 * How many following wink tokens the period at `i` joins to the word before it (0: none,
 * 1: the period, 2: the period and the initial after it). Only a period glued to the
 * word before is considered.
 */
function abbreviationJoin(values: readonly string[], spaces: Int32Array, i: number): number {
  if (values[i] !== '.' || spaces[i] !== 0 || i === 0) return 0
  const word = values[i - 1]
  const next = i + 1 < values.length ? values[i + 1] : ''
  const glued = next !== '' && spaces[i + 1] === 0 && !isBlank(next)
  if (glued && INITIAL_HEAD.test(word) && INITIAL_TAIL.test(next)) return 2
  if (TITLES.has(word)) return 1
  if (!STATES.has(word) || next === '') return 0
  // A state abbreviation keeps its period unless a sentence may start after it: glued
  // to what follows ("Vt.)", "Wis.,") or before a lower-case word.
  return glued || isLowerUnit(next.charCodeAt(0)) || next === ',' ? 1 : 0
}

const X_ID = posId('X')
const PROPN_ID = posId('PROPN')
const LETTER = /\p{L}/u
const UPPER_FIRST = /^\p{Lu}/u

/**
 * Whether wink token `i` (text `v`, starting at `offset`) is glued to the token before it,
 * which ends at `before`, inside one word: letters meet and one of the two is a letter wink
 * does not know ("Erdo" "ğ" "an", "Kova" "č"; its type "unk"). Contractions ("do" "n't") are
 * words of their own to wink and stay apart.
 */
function isLetterJoin(text: string, before: number, offset: number, v: string, its: WinkIts, rdd: WinkDocData, i: number): boolean {
  if (before !== offset || i === 0 || !LETTER.test(text.charAt(before - 1)) || !LETTER.test(v.charAt(0))) return false
  // wink's token type ("word", "unk", ...), read for the few tokens whose letters meet the
  // token before, not for every token of the document
  return its.type(i, rdd) === 'unk' || its.type(i - 1, rdd) === 'unk'
}

/** True when a word token is an abbreviation that stands before a name (ends in its period). */
function isTitle(text: string, s: number, e: number): boolean {
  return e - s > 1 && text.charCodeAt(e - 1) === 46 && TITLES.has(text.slice(s, e - 1))
}

// Closing marks and final punctuation wink may cut from the sentence they end
// ("policies.'" + "'", "?’" + "”", "courageous." + "..").
const isClosingMark = (c: number) =>
  c === 39 || c === 34 || c === 0x2019 || c === 0x201d || c === 41 || c === 93
  || c === 46 || c === 33 || c === 63 || c === 0x2026

/** True when the token at [s, e) is made of closing marks and final punctuation only. */
function isClosing(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (!isClosingMark(text.charCodeAt(k))) return false
  return true
}

// What continues a sentence when glued to its end or after a space: a lower-case word
// (checked apart), a comma, a semicolon, a colon or a dash ("(I-Vt.)" + ", who").
const continues = (c: number) =>
  c === 44 || c === 59 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2015

/**
 * Where the sentence wink starts at token `a` really starts, within [a, te]: after the
 * closing marks glued to the sentence before, and at `te` (no boundary at all) when what
 * follows continues that sentence: a comma after "(I-Vt.)", a lower-case word after a
 * quotation ending in "?" or "!" ("?” he asked"), a name after a title ("Sens." + "Ted
 * Cruz"). A boundary at a line break stays, unless the break only wraps a line of
 * hard-wrapped text (`soft`, see softLineBreaks).
 */
function trueStart(text: string, start: Int32Array, end: Int32Array, a: number, te: number, soft: ReadonlySet<number> | null): number {
  while (a < te && start[a] === end[a - 1] && isClosing(text, start[a], end[a])) a++
  if (a === te) return te
  const gapStart = end[a - 1]
  const s = start[a]
  if (hasLineBreak(text, gapStart, s, soft)) return a
  const c = text.charCodeAt(s)
  if (isLowerUnit(c)) {
    // "iPhone", "eBay" start a sentence in lower case; other lower-case words do not.
    for (let k = s + 1; k < end[a]; k++) if (isUpperUnit(text.charCodeAt(k))) return a
    return te
  }
  if (continues(c)) {
    // A dash after a space may open a new item ("- You can receive ..."): it continues
    // the sentence when glued to it or when a lower-case word follows it.
    if (s === gapStart || c === 44 || c === 59 || c === 58) return te
    return a + 1 < te && isLowerUnit(text.charCodeAt(start[a + 1])) ? te : a
  }
  // A capital glued to a period is a missing space ("Republicans.The"); after a space,
  // a capital starts a sentence unless a title stands before it.
  return s > gapStart && isUpperUnit(c) && isTitle(text, start[a - 1], end[a - 1]) ? te : a
}

// Whether text[from, to) holds a line break that is not a soft one; the gap between two
// tokens, read without slicing a string per token.
function hasLineBreak(text: string, from: number, to: number, soft: ReadonlySet<number> | null): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10 && (soft === null || !soft.has(k))) return true
  return false
}

// wink's lemma of a token is a function of its text and POS tag, except for the parts of
// a contraction ("it's" -> "it" "'s"), whose lemma the contraction stores. Lemmatising is
// about a seventh of wink's time on news text, so lemmas are kept by tag and text, up to a
// bound, and wink is asked only for the ones not seen before and for apostrophe tokens.
// The memo belongs to the wink instance that made its lemmas (a WeakMap keyed by it, looked
// up once a document): two models in one process never share entries.
// In front of the maps, an entry per wink lexeme id (`its.uniqueId`, one id per text): the
// tag and lemma of the memo entry last read for that text, side by side in one array
// (`recent[2 id]`, `recent[2 id + 1]`). 93% of the tokens of a pass over the dev texts come
// back with the tag they had, and one array read costs less than two map look-ups by string.
interface LemmaMemo {
  readonly byTag: Map<string, Map<string, string>>
  size: number
  readonly recent: string[]
}
const lemmaMemos = new WeakMap<WinkNlp, LemmaMemo>()
const MEMO_LIMIT = 200_000

function lemmaMemoOf(nlp: WinkNlp): LemmaMemo {
  let memo = lemmaMemos.get(nlp)
  if (memo === undefined) lemmaMemos.set(nlp, memo = { byTag: new Map(), size: 0, recent: [] })
  return memo
}

type WinkIts = WinkNlp['its']

function lemmaOf(memo: LemmaMemo, its: WinkIts, rdd: WinkDocData, i: number, value: string, tag: string): string {
  const id = its.uniqueId(i, rdd)
  const recent = memo.recent
  if (2 * id < recent.length && recent[2 * id] === tag) return recent[2 * id + 1]
  let byText = memo.byTag.get(tag)
  if (byText === undefined) memo.byTag.set(tag, byText = new Map())
  let l = byText.get(value)
  if (l === undefined) {
    l = its.lemma(i, rdd, modelWithDocData.addons).toLowerCase()
    if (memo.size >= MEMO_LIMIT || /['\u2019]/.test(value)) return l
    byText.set(value, l)
    memo.size++
  }
  // grown one slot at a time, so the arrays stay without holes
  while (recent.length <= 2 * id) recent.push('', '')
  recent[2 * id] = tag
  recent[2 * id + 1] = l
  return l
}

/**
 * Tokenize, split sentences and tag POS and lemmas with wink-nlp. White-space tokens are
 * dropped; offsets are recovered from wink's lossless token stream (value plus
 * preceding spaces). Abbreviations wink cuts apart ("N" "." "Y.", "Sens" ".") are joined
 * into one token, as wink itself tokenizes "U.S." and "Sen.", and sentence boundaries
 * wink puts inside them or before a continuation are moved or removed (see trueStart).
 * Sentences never cross a paragraph break.
 */
// Characters wink-nlp drops without a trace, neither token nor preceding space: every offset
// after one would be a character early ("\ufeffAls", " o" for "Also", "on"). A byte-order mark
// inside a text (two PolNeAR train texts have one), the line and paragraph separators, the
// ideographic space. wink reads a stand-in of the same length instead.
const WINK_DROPS = /[\ufeff\u2028\u2029\u3000]/
const WINK_DROPS_ALL = /[\ufeff\u2028\u2029\u3000]/g

export function tokenize(nlp: WinkNlp, text: string): Tokenized {
  const its = nlp.its
  const memo = lemmaMemoOf(nlp)
  const soft = softLineBreaks(text)
  const wdoc = nlp.readDoc(WINK_DROPS.test(text) ? text.replace(WINK_DROPS_ALL, (ch) => (ch === '\u2028' || ch === '\u2029' ? '\n' : ' ')) : text)
  const rdd = wdoc.out(its.readabilityStats) as unknown as WinkDocData
  // (a wink-nlp that stops handing the rdd to the addon must fail here, not yield no tokens)
  if (!Number.isInteger(rdd.numOfTokens) || !Array.isArray(rdd.sentences)) throw new Error('tokens: wink-nlp did not hand its document data to the model addon (see loadWink)')
  const n = rdd.numOfTokens
  const values: string[] = new Array(n)
  // the length of the white space before each token
  const spaces = new Int32Array(n)
  const tags: string[] = new Array(n)
  for (let i = 0; i < n; i++) {
    values[i] = its.value(i, rdd)
    spaces[i] = its.precedingSpaces(i, rdd).length
    tags[i] = its.pos(i, rdd)
  }
  const start = new Int32Array(n)
  const end = new Int32Array(n)
  const pos = new Uint8Array(n)
  const lemma: string[] = []
  // wink index -> our index (or -1 for white space tokens); joined wink tokens share one
  const keep = new Int32Array(n)
  let offset = 0
  let count = 0
  let joining = 0
  for (let i = 0; i < n; i++) {
    offset += spaces[i]
    const v = values[i]
    if (isBlank(v)) {
      keep[i] = -1
    } else if (count > 0 && isLetterJoin(text, end[count - 1], offset, v, its, rdd, i)) {
      // "Erdo" + "ğ" + "an": a letter wink does not know splits a word; the pieces are one
      // word, tagged as the first piece wink could tag, a name when it is capitalised
      keep[i] = count - 1
      end[count - 1] = offset + v.length
      lemma[count - 1] = text.slice(start[count - 1], end[count - 1]).toLowerCase()
      if (pos[count - 1] === X_ID) pos[count - 1] = UPPER_FIRST.test(text.charAt(start[count - 1])) ? PROPN_ID : its.type(i, rdd) === 'unk' ? X_ID : posId(tags[i])
    } else if (joining > 0 || (joining = abbreviationJoin(values, spaces, i)) > 0) {
      // The abbreviation keeps the POS of its word; its lemma is its lower-cased text.
      joining--
      keep[i] = count - 1
      end[count - 1] = offset + v.length
      lemma[count - 1] = text.slice(start[count - 1], end[count - 1]).toLowerCase()
    } else {
      keep[i] = count
      start[count] = offset
      end[count] = offset + v.length
      pos[count] = posId(tags[i])
      lemma.push(lemmaOf(memo, its, rdd, i, v, tags[i]))
      count++
    }
    offset += v.length
  }
  const tokens: TokenColumns = {
    count, start: start.subarray(0, count), end: end.subarray(0, count),
    pos: pos.subarray(0, count), lemma,
  }
  // wink's sentences as token ranges, false boundaries removed: [from, to) pairs
  const ranges: number[] = []
  for (const sentence of rdd.sentences) {
    const [ws, we] = its.span(sentence)
    let ts = -1
    let te = -1
    for (let i = ws; i <= we; i++) {
      if (keep[i] < 0) continue
      if (ts < 0) ts = keep[i]
      te = keep[i] + 1
    }
    if (ts < 0) continue
    const last = ranges.length - 1
    if (last < 0) { ranges.push(ts, te); continue }
    // A boundary inside a joined token ("N." + "Y.") is none, but one may follow the
    // joined token ("from D-N.Y. He spoke"); a false one moves or goes.
    const at = ts < ranges[last] ? ranges[last] : ts
    const from = at >= te ? te : trueStart(text, start, end, at, te, soft)
    ranges[last] = from
    if (from < te) ranges.push(from, te)
  }
  const breaks: number[] = []
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    const k = m.index ?? 0
    if (soft === null || m[0].length > 1 || !soft.has(k)) breaks.push(k)
  }
  const sentences: Sentence[] = []
  let paragraph = 0
  let b = 0
  const push = (ts: number, te: number) => {
    if (te <= ts) return
    while (b < breaks.length && breaks[b] < start[ts]) { b++; paragraph++ }
    sentences.push({ start: start[ts], end: end[te - 1], tokenStart: ts, tokenEnd: te, paragraph })
  }
  for (let r = 0; r < ranges.length; r += 2) {
    const ts = ranges[r]
    const te = ranges[r + 1]
    // wink does not always end a sentence at a line break; headlines and datelines
    // carry no final punctuation, so every line break ends one.
    let from = ts
    for (let t = ts + 1; t < te; t++) {
      if (hasLineBreak(text, end[t - 1], start[t], soft) || letterThenOpener(text, start, end, t)) { push(from, t); from = t }
    }
    push(from, te)
  }
  return { tokens, sentences }
}

// Words that open a sentence and never follow an initial inside a name.
const OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those',
  'His', 'Her', 'Its', 'Their', 'Our', 'There', 'In', 'On', 'At', 'But', 'And', 'However', 'After',
  'Before', 'When', 'While', 'If', 'As', 'What', 'Why', 'How', 'Where', 'Who', 'Some', 'Many', 'Most',
])

/**
 * Whether a sentence starts at token `t` after a lone capital and its period that wink
 * took for an initial: "an update posted on X. The BBC said", "Plan B. He said". An
 * initial inside a name is followed by a name ("John F. Kennedy"), not by "The" or "He".
 */
function letterThenOpener(text: string, start: Int32Array, end: Int32Array, t: number): boolean {
  const s = start[t - 1]
  if (end[t - 1] - s !== 2 || !isUpperUnit(text.charCodeAt(s)) || text.charCodeAt(s + 1) !== 46 || start[t] === end[t - 1]) return false
  return OPENERS.has(text.slice(start[t], end[t]))
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
