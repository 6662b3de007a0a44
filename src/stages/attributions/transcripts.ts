import type { Attribution, CharSpan, Entity } from '../../model/types.ts'

/**
 * Speaker turns of transcripts printed in articles (debates, interviews):
 *
 *   "WALLACE: Let’s start with breaking news on the debate story. …
 *   "PENCE: Well, look, Hillary Clinton apparently thinks …
 *
 * The colon is the cue, the label the source, and what follows it to the next turn the
 * content, one fragment per paragraph, without the quotation marks that open each
 * paragraph of a quoted transcript. PolNeAR marks them so (all 10 turns of the one dev
 * transcript, 12 of the 15 name labels of train; the other three sit in an article whose
 * annotator left its transcript alone). The cue tagger learns little of this from its
 * few train cases, so it is a rule.
 *
 * A label is an upper-case name of one to four words. A document is a transcript when
 * at least two labels take turns and either one of them speaks twice or each appears in
 * the running text as a capitalised word ("Wallace", "Chris Wallace"); section labels
 * ("CORRECTION:", "UPDATE:", "BYLINE:") are never speakers.
 */

const LABEL = /^[ \t\u00a0]*(["“]?)[ \t\u00a0]*([A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*){0,3}):[ \t\u00a0]+/
/** Labels of sections and notes ("CORRECTION", "THE LATEST"), never speakers: upper case, straight or curly apostrophe. */
export const SECTION_LABELS = new Set([
  'CORRECTION', 'CLARIFICATION', 'UPDATE', 'UPDATED', 'EDITOR’S NOTE', "EDITOR'S NOTE", 'NOTE', 'BYLINE', 'VIDEO',
  'WATCH', 'PHOTO', 'PHOTOS', 'EMAIL', 'EXCLUSIVE', 'PREVIOUSLY', 'BREAKING', 'SOURCE', 'SOURCES', 'READ MORE',
  'RELATED', 'LISTEN', 'TRANSCRIPT', 'DISCLOSURE', 'THE LATEST', 'BREAKING NEWS', 'ANALYSIS', 'OPINION', 'LIVE',
])
// Continuation paragraphs of a turn are kept only up to this many.
const MAX_CONTINUATION = 8

interface Paragraph { start: number; end: number }
interface Turn { para: number; label: CharSpan; colon: number; contentStart: number; quoted: boolean }

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    let s = start
    let e = end
    while (s < e && /\s/.test(text[s])) s++
    while (e > s && /\s/.test(text[e - 1])) e--
    if (e > s) out.push({ start: s, end: e })
    start = end + 1
  }
  return out
}

const lastWord = (label: string) => label.slice(label.lastIndexOf(' ') + 1).replace(/[.'’-]+$/, '')
const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase()

/** The end of a turn's fragment: the paragraph's end without a closing quotation mark. */
function fragmentEnd(text: string, p: Paragraph, from: number): number {
  let e = p.end
  if (e - 1 > from && (text[e - 1] === '"' || text[e - 1] === '”')) e--
  while (e > from && /\s/.test(text[e - 1])) e--
  return e
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/** Whether `text[start, end)` holds a word: marks alone ("…", a lone quotation mark) say nothing. */
function saysSomething(text: string, start: number, end: number): boolean {
  return end > start && WORD_CHAR.test(text.slice(start, end))
}

/** The offsets that the `role` fragments of `known` cover (short spans: cues, sources). */
export function coveredBy(known: readonly Attribution[], role: (a: Attribution) => readonly CharSpan[]): Set<number> {
  const out = new Set<number>()
  for (const a of known) for (const f of role(a)) for (let i = f.start; i < f.end && i < f.start + 200; i++) out.add(i)
  return out
}

/** For each last word of a person mention, the longest name that ends in it ("Wallace" -> "Chris Wallace"). */
function fullestNames(text: string, entities: readonly Entity[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of entities) {
    if (e.type !== 'PERSON') continue
    const name = e.canonical ?? text.slice(e.start, e.end)
    const last = name.slice(name.lastIndexOf(' ') + 1)
    const had = out.get(last)
    if (had === undefined || name.length > had.length) out.set(last, name)
  }
  return out
}

/**
 * The speaker turns of `text` whose colon `known` does not already take as a cue. The
 * resolved source is the fullest entity mention ending in the label's surname ("WALLACE"
 * -> "Chris Wallace"), else the label in title case.
 */
export function findSpeakerTurns(text: string, entities: readonly Entity[], known: readonly Attribution[]): Attribution[] {
  const paras = paragraphs(text)
  const turns: Turn[] = []
  paras.forEach((p, i) => {
    const m = LABEL.exec(text.slice(p.start, Math.min(p.end, p.start + 60)))
    if (m === null) return
    const labelStart = p.start + m[0].indexOf(m[2], m[1].length)
    const colon = labelStart + m[2].length
    if (!/[A-Z]{2}/.test(m[2])) return
    turns.push({ para: i, label: { start: labelStart, end: colon }, colon, contentStart: p.start + m[0].length, quoted: m[1] !== '' })
  })
  if (turns.length < 2) return []
  const labels = turns.map((t) => text.slice(t.label.start, t.label.end))
  const surnames = labels.map(lastWord)
  if (new Set(surnames).size < 2) return []
  const turnsBy = new Map<string, number>()
  for (const x of surnames) turnsBy.set(x, (turnsBy.get(x) ?? 0) + 1)
  const recurs = (k: number) => turnsBy.get(surnames[k])! > 1
  // The capitalised words of the prose, read once (a label check per turn must not rescan a long text).
  let prose: Set<string> | null = null
  const inProse = (k: number) => {
    prose ??= new Set(text.match(/\b\p{Lu}\p{Ll}+\b/gu) ?? [])
    return prose.has(titleCase(surnames[k]))
  }
  // A transcript: some speaker speaks twice, or every label is a name the article uses.
  if (!surnames.some((_, k) => recurs(k)) && !surnames.every((_, k) => inProse(k))) return []
  // A place before a colon is a dateline ("LONDON: Thousands marched"), not a speaker.
  const isPlace = (k: number) => entities.some((e) => (e.type === 'GPE' || e.type === 'NORP') &&
    e.start < turns[k].label.end && turns[k].label.start < e.end)
  const isName = (k: number) => !SECTION_LABELS.has(labels[k]) && !isPlace(k)
  const taken = coveredBy(known, (a) => a.cue)
  const fullest = fullestNames(text, entities)
  const out: Attribution[] = []
  turns.forEach((t, k) => {
    if (!isName(k) || taken.has(t.colon)) return
    const p = paras[t.para]
    const content: CharSpan[] = []
    const end = fragmentEnd(text, p, t.contentStart)
    if (saysSomething(text, t.contentStart, end)) content.push({ start: t.contentStart, end })
    // The paragraphs up to the next turn, when there is one: after the last turn the
    // article's own prose resumes, so a last turn keeps only its own paragraph.
    const next = k + 1 < turns.length ? turns[k + 1].para : t.para + 1
    for (let i = t.para + 1; i < next && i <= t.para + MAX_CONTINUATION; i++) {
      const q = paras[i]
      let s = q.start
      if (t.quoted) {
        if (text[s] !== '"' && text[s] !== '“') break
        s++
      }
      while (s < q.end && /\s/.test(text[s])) s++
      if (text[s] === '(') continue // "(CROSSTALK.)"
      const e = fragmentEnd(text, q, s)
      if (saysSomething(text, s, e)) content.push({ start: s, end: e })
    }
    if (content.length === 0) return
    const named = fullest.get(titleCase(surnames[k])) ?? null
    out.push({
      source: [t.label], cue: [{ start: t.colon, end: t.colon + 1 }], content,
      kind: 'direct', sourceEntity: named ?? labels[k].split(' ').map(titleCase).join(' '),
    })
  })
  return out
}
