/**
 * What the claim rules share: the per-document context, POS ids, span and token helpers.
 * Offsets are UTF-16 code units into the document text, token indices into its columns.
 */
import { isGluedHyphen, POS_TAGS, type Doc, type TokenColumns } from '../../model/doc.ts'
import { markQuotations, paragraphBounds } from '../tokens/quotations.ts'
import { datelineDash } from '../tokens/dateline.ts'
import { CLAUSE_BREAKS } from '../tokens/tense.ts'
import { SIZING_VERBS } from './lexicon.ts'
import type {
  Attribution, Category, CharSpan, Entity, Quantity, Sentence, TimeExpression,
} from '../../model/types.ts'

/** Id of a POS tag in the token columns. */
export const POS = (name: (typeof POS_TAGS)[number]) => POS_TAGS.indexOf(name)
export const NOUN = POS('NOUN')
export const PROPN = POS('PROPN')
export const ADJ = POS('ADJ')
export const VERB = POS('VERB')
export const AUX = POS('AUX')
export const ADV = POS('ADV')
export const PART = POS('PART')
export const PRON = POS('PRON')
export const DET = POS('DET')
export const CCONJ = POS('CCONJ')
export const NUM = POS('NUM')
export const ADP = POS('ADP')
export const SCONJ = POS('SCONJ')
export const PUNCT = POS('PUNCT')

/** Categories of figures about people. */
export const PEOPLE_CATEGORIES = new Set<Category>(['deployed', 'killed', 'wounded', 'casualties', 'captured', 'missing'])

/**
 * Tokens on each side of a figure within which its source, owner, place and date are looked
 * for: a long sentence (a text without full stops) would otherwise make every figure read
 * all of it.
 */
export const REACH = 80

/** Tokens that end a comma-separated segment of a sentence (the tense reader's, which the times stage shares). */
export { CLAUSE_BREAKS }

/** Everything the binding rules read, gathered once per document. */
export interface Context {
  readonly text: string
  readonly tokens: TokenColumns
  readonly sentences: readonly Sentence[]
  readonly entities: readonly Entity[]
  readonly times: readonly TimeExpression[]
  readonly attributions: readonly Attribution[]
  readonly quantities: readonly Quantity[]
  readonly published: string | null
  /** 1 for tokens inside a time expression: one lookup instead of a scan of the times. */
  readonly timeAt: Uint8Array
  /** Canonical names of the document's entities. */
  readonly canonicals: ReadonlySet<string>
  /**
   * By a sentence's first token: the token of the dash that ends the sentence's dateline, -1
   * for none, -2 until {@link sentenceDateline} has read it (per sentence, not per figure).
   */
  readonly datelines: Int32Array
  /**
   * The quotation state of each token (`Q_IN` inside a quotation), as the attribution stage
   * reads it (tokens/quotations.ts); computed when first asked, once per document.
   */
  readonly quotations: () => Uint8Array
  /**
   * Where the first match of a topic's pattern ends in the text (Infinity for none), read once
   * per document and pattern: "does the text before offset X speak of refugees?" is then a
   * comparison, not a scan of everything before each figure.
   */
  readonly topicEnd: (topic: RegExp) => number
}

/** The context of a Doc that has every layer the claims stage requires. */
export function createContext(doc: Doc): Context {
  const tokens = doc.get('tokens')
  const sentences = doc.get('sentences')
  let quotations: Uint8Array | null = null
  const topics = new Map<RegExp, number>()
  return {
    text: doc.text, tokens, sentences,
    entities: doc.get('entities'), times: doc.get('times'), attributions: doc.get('attributions'),
    quantities: doc.get('quantities'), published: doc.meta.published,
    timeAt: timeFlags(tokens, doc.get('times')),
    canonicals: new Set(doc.get('entities').flatMap((e) => e.canonical === null ? [] : [e.canonical])),
    datelines: new Int32Array(tokens.count).fill(-2),
    quotations: () => quotations ??= markQuotations(doc.text, tokens, paragraphBounds(sentences)),
    topicEnd: (topic) => {
      let end = topics.get(topic)
      if (end === undefined) {
        const m = topic.exec(doc.text)
        end = m === null ? Infinity : m.index + m[0].length
        topics.set(topic, end)
      }
      return end
    },
  }
}

/** Whether the text before character `offset` speaks of a topic (a non-global pattern: `ARRIVALS_TOPIC`, ...). */
export function isTopicBefore(c: Context, topic: RegExp, offset: number): boolean {
  return c.topicEnd(topic) <= offset
}

/** The token of the dash ending the dateline that opens sentence `s` ({@link datelineDash} over all of it), or -1. */
export function sentenceDateline(c: Context, s: Sentence): number {
  let dash = c.datelines[s.tokenStart]
  if (dash === -2) c.datelines[s.tokenStart] = dash = datelineDash(c.text, c.tokens, s.tokenStart, s.tokenEnd)
  return dash
}

/** Where the counted things are and what they are. */
export interface Counted extends CharSpan {
  readonly category: Category
  /** Token range of the noun phrase (without the predicate), for the subject search. */
  readonly npStart: number
  readonly npEnd: number
  /** Token after everything the claim reads (noun phrase and predicate). */
  readonly after: number
}

/**
 * What a number whose noun is left out counts ("raising the toll from 24", "including 126 over
 * the Moscow region"): what `counted` counts, with an empty noun phrase at token `b`.
 */
export function standingFor(counted: Counted, b: number): Counted {
  return { ...counted, npStart: b, npEnd: b, after: b }
}

/** Who states a figure: attribution index, source and cue spans, resolved name. */
export interface Source {
  readonly attribution: number | null
  readonly source: CharSpan | null
  readonly cue: CharSpan | null
  readonly sourceEntity: string | null
}

// A capitalised word with nothing else of a name about it ("Federal"; not "Sea-Watch", "McCain").
// Module-level: tsx (esbuild) rewrites a \p{...} literal as `new RegExp(...)`, built anew on every call.
export const PLAIN_WORD = /^\p{Lu}\p{Ll}+$/u

/** The text of token `t`. */
export function tokenText(c: Context, t: number): string {
  return c.text.slice(c.tokens.start[t], c.tokens.end[t])
}

/**
 * The singular of token `t`'s word, in lower case: wink's lemma, or, where wink left the
 * word as it is (a capitalised label "Tanks", read as a name; "marines"), the word less an
 * English plural ending ("Injuries" -> injury, "Losses" -> loss, "Tanks" -> tank). Rough:
 * "news" is "new"; good enough to look a word up in the lexicon.
 */
export function singularOf(c: Context, t: number): string {
  const word = tokenText(c, t).toLowerCase()
  if (c.tokens.lemma[t] !== word) return c.tokens.lemma[t]
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y'
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2)
  return /[^s]s$/.test(word) ? word.slice(0, -1) : word
}

/** Whether token `t` is a hyphen glued to the tokens on both sides ("munitions-related"). */
export function isHyphenJoin(c: Context, t: number): boolean {
  return isGluedHyphen(c.text, c.tokens, t)
}

/** Whether token `t` lies in a time expression. */
export function overlapsTime(c: Context, t: number): boolean {
  return c.timeAt[t] === 1
}

/** Whether `inner` lies within `outer`. */
export function contains(outer: CharSpan, inner: CharSpan): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
}

/** Tokens overlapping a character span: `[first, end)`. */
export function tokenRange(c: Context, span: CharSpan, s: Sentence): [number, number] {
  // by binary search, not a walk from the sentence start: figures, places and times of a
  // long sentence call this each
  const a = Math.min(Math.max(tokenEndingAfter(c, span.start), s.tokenStart), s.tokenEnd)
  let b = a
  while (b < s.tokenEnd && c.tokens.start[b] < span.end) b++
  return [a, Math.max(b, a + 1)]
}

/** Index of the sentence that holds character offset `pos`. */
export function sentenceIndex(c: Context, pos: number): number {
  let lo = 0
  let hi = c.sentences.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (c.sentences[mid].start <= pos) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * The token after a time phrase that starts at token `t` ("North Korea in 2024 sent",
 * "Russia last week deployed"), or `t` when none starts there.
 */
export function pastTime(c: Context, s: Sentence, t: number): number {
  for (const from of [t, t + 1]) {
    if (from >= s.tokenEnd || (from === t + 1 && c.tokens.pos[t] !== ADP)) continue
    const at = c.tokens.start[from]
    const time = within(c.times, { start: at, end: s.end }).find((x) => x.start === at)
    if (time === undefined) continue
    let u = from
    while (u < s.tokenEnd && c.tokens.start[u] < time.end) u++
    if (u < s.tokenEnd && c.tokens.pos[u] === PUNCT) return t
    return u
  }
  return t
}

// Past forms that do not end in "-ed", of verbs that send, state, count, find or lose.
const IRREGULAR_PAST = new Map([
  ['sent', 'send'], ['said', 'say'], ['told', 'tell'], ['lost', 'lose'], ['gave', 'give'], ['found', 'find'],
  ['put', 'put'], ['brought', 'bring'], ['took', 'take'], ['held', 'hold'], ['sold', 'sell'], ['made', 'make'],
  ['shot', 'shoot'], ['fought', 'fight'], ['withdrew', 'withdraw'], ['drew', 'draw'], ['left', 'leave'],
  ['paid', 'pay'], ['spent', 'spend'], ['built', 'build'], ['began', 'begin'], ['struck', 'strike'],
])
// Module-level: see PUNCT_ONLY.
const PAST_ED = /^(\p{L}+?)(ied|ed)$/u

/**
 * The lemmas token `t` may have as the verb of its clause: wink's lemma for a verb; for a word
 * wink tagged as a noun right after a time phrase, with an object after it ("North Korea in
 * 2024 sent 11,000 troops": after a year wink reads the word as what the year counts), the
 * bases of its past form ("sent" -> send, "deployed" -> deploy or deploye, "supplied" ->
 * supply); else none. Rough: the caller looks the bases up in a list of verbs.
 */
export function verbLemmas(c: Context, t: number, s: Sentence): readonly string[] {
  const { pos, lemma } = c.tokens
  if (pos[t] === VERB) return [lemma[t]]
  // "killing four civilians and wounding 13": a word in -ing tagged as a noun, after "and" or
  // a comma and right before a number, is a participle
  if (pos[t] === NOUN && t + 1 < s.tokenEnd && pos[t + 1] === NUM && t - 1 >= s.tokenStart &&
    (lemma[t - 1] === 'and' || tokenText(c, t - 1) === ',')) {
    const ing = /^([a-z]{3,})ing$/.exec(tokenText(c, t).toLowerCase())
    if (ing !== null) return [ing[1], `${ing[1]}e`]
  }
  if (pos[t] !== NOUN || t - 1 < s.tokenStart || c.timeAt[t - 1] !== 1 || t + 1 >= s.tokenEnd) return []
  if (pos[t + 1] !== NUM && pos[t + 1] !== DET && pos[t + 1] !== ADJ && pos[t + 1] !== PROPN && pos[t + 1] !== PRON) return []
  const word = tokenText(c, t).toLowerCase()
  const irregular = IRREGULAR_PAST.get(word)
  if (irregular !== undefined) return [irregular]
  const m = PAST_ED.exec(word)
  if (m === null) return []
  if (m[2] === 'ied') return [`${m[1]}y`]
  // "deployed", "moved", "dropped"
  const stem = m[1]
  const out = [stem, `${stem}e`]
  if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) out.push(stem.slice(0, -1))
  return out
}

/** Comma-separated segment index of every token of a sentence. */
export function segments(c: Context, s: Sentence): Int32Array {
  const out = new Int32Array(s.tokenEnd - s.tokenStart)
  let seg = 0
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) seg++
    out[t - s.tokenStart] = seg
  }
  return out
}

// Regular expressions with \p{...} live at module level: tsx (esbuild) rewrites such a
// literal as `new RegExp(...)`, which inside a function is built again on every call.
/** Punctuation marks only. */
export const PUNCT_ONLY = /^\p{P}+$/u

/** Whether tokens [from, to) leave a round bracket open. */
function opensBracket(c: Context, from: number, to: number): boolean {
  let depth = 0
  for (let t = from; t < to; t++) {
    const w = tokenText(c, t)
    if (w === '(') depth++
    else if (w === ')' && depth > 0) depth--
  }
  return depth > 0
}

/** The index of the first token that ends after `offset` (`tokens.count` when none does). */
export function tokenEndingAfter(c: Context, offset: number): number {
  let lo = 0
  let hi = c.tokens.count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (c.tokens.end[mid] <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Trim a token range to a span, dropping edge punctuation (but not a bracket it closes). */
export function spanOf(c: Context, from: number, to: number): CharSpan | null {
  let a = from
  let b = to
  while (a < b && PUNCT_ONLY.test(tokenText(c, a))) a++
  while (b > a && PUNCT_ONLY.test(tokenText(c, b - 1))) {
    // "The Federal Emergency Management Agency (FEMA)": a bracket the span opened stays
    if (tokenText(c, b - 1) === ')' && opensBracket(c, a, b - 1)) break
    b--
  }
  return a < b ? { start: c.tokens.start[a], end: c.tokens.end[b - 1] } : null
}

/** The country an entity stands for or belongs to, if any. */
export function countryOf(e: Entity): string | null {
  return e.country ?? (e.type === 'GPE' || e.type === 'NORP' ? e.canonical : null)
}

/** The entities that lie within a span. */
export function entitiesIn(c: Context, span: CharSpan): Entity[] {
  return within(c.entities, span)
}

/**
 * The entities that hold token `t` (one word of them or all), among those that reach no more
 * than 80 characters either side of it: no name the entities stage finds is longer.
 */
export function entitiesHolding(c: Context, t: number): Entity[] {
  const start = c.tokens.start[t]
  const end = c.tokens.end[t]
  return within(c.entities, { start: start - 80, end: end + 80 }).filter((e) => e.start <= start && end <= e.end)
}

/**
 * The items of a list sorted by start that lie within a span, found by binary search (the
 * layers of a long document hold many thousands of entities and times).
 */
export function within<T extends CharSpan>(list: readonly T[], span: CharSpan): T[] {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid].start < span.start) lo = mid + 1
    else hi = mid
  }
  const out: T[] = []
  for (let i = lo; i < list.length && list[i].start < span.end; i++) if (list[i].end <= span.end) out.push(list[i])
  return out
}

/** Per-token flags of the tokens that lie in a time expression. */
export function timeFlags(tokens: TokenColumns, times: readonly TimeExpression[]): Uint8Array {
  const flags = new Uint8Array(tokens.count)
  let k = 0
  for (let t = 0; t < tokens.count; t++) {
    while (k < times.length && times[k].end <= tokens.start[t]) k++
    for (let j = k; j < times.length && times[j].start < tokens.end[t]; j++) {
      if (times[j].end > tokens.start[t]) { flags[t] = 1; break }
    }
  }
  return flags
}

/**
 * "was estimated by the International Organization for Migration at": the passive verb of
 * sizing (`SIZING_VERBS`, after "be") whose "by" phrase ends at token `end` (the token before
 * "at"), within eight words and no clause break; -1 when there is none.
 */
export function passiveSizingVerb(c: Context, s: Sentence, end: number): number {
  const { pos, lemma } = c.tokens
  for (let t = end; t > s.tokenStart + 1 && t >= end - 8; t--) {
    if (CLAUSE_BREAKS.has(tokenText(c, t))) return -1
    if (lemma[t] !== 'by') continue
    const v = t - 1
    return pos[v] === VERB && SIZING_VERBS.has(lemma[v]) && lemma[v - 1] === 'be' ? v : -1
  }
  return -1
}
