/** Who states a figure: the attribution that holds it, or a simple fallback (docs/figures.md, "Source"). */
import type { CharSpan, Quantity, Sentence } from '../../model/types.ts'
import {
  POS, NOUN, PRON, PROPN, ADJ, VERB, AUX, ADV, PART, DET, CCONJ, NUM, ADP, CLAUSE_BREAKS, type Context,
  type Source, tokenText, overlapsTime, contains, spanOf, entitiesIn,
} from './context.ts'
import { SPEECH_VERBS } from './lexicon.ts'

function hull(fragments: readonly CharSpan[]): CharSpan | null {
  if (fragments.length === 0) return null
  return { start: Math.min(...fragments.map((f) => f.start)), end: Math.max(...fragments.map((f) => f.end)) }
}

/** The named entity a source span stands for: its head, or its only named part. */
function sourceEntityOf(c: Context, span: CharSpan | null): string | null {
  if (span === null) return null
  const inside = entitiesIn(c, span).filter((e) => e.canonical !== null)
  const head = inside.find((e) => e.end === span.end)
  if (head !== undefined) return head.canonical
  const bodies = inside.filter((e) => e.type === 'ORG' || e.type === 'MEDIA' || e.type === 'PERSON')
  if (bodies.length === 1) return bodies[0].canonical
  const places = new Set(inside.filter((e) => e.type === 'GPE' || e.type === 'NORP').map((e) => e.canonical))
  return places.size === 1 && bodies.length === 0 ? [...places][0] : null
}

// Heads of a source span that name who speaks, so that a resolved name may stand for them.
const AGENT_NOUNS = new Set([
  'agency', 'ministry', 'service', 'office', 'government', 'committee', 'council', 'army', 'military',
  'command', 'lawmaker', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'president', 'minister',
  'leader', 'chief', 'organisation', 'organization', 'group', 'intelligence', 'broadcaster', 'outlet',
  'newspaper', 'media', 'medium', 'authority', 'administration', 'headquarters', 'staff', 'directorate',
])

/** The last token inside a span. */
function lastToken(c: Context, span: CharSpan): number {
  let lo = 0
  let hi = c.tokens.count - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (c.tokens.start[mid] < span.end) lo = mid
    else hi = mid - 1
  }
  return c.tokens.start[lo] >= span.start ? lo : -1
}

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whose', 'whom'])
const DASHES = new Set(['-', '—', '–'])
const NP_POS = new Set([DET, ADJ, NOUN, PROPN, CCONJ, NUM, PART])

/**
 * The simple fallback when no attribution holds the figure: "according to X" in the
 * sentence, ", X said." at its end, or "X said (that)" at its start.
 */
function fallbackSource(c: Context, s: Sentence, a: number): Source | null {
  const { pos, lemma } = c.tokens
  let best: { source: CharSpan; cue: CharSpan; distance: number } | null = null
  for (let t = s.tokenStart; t + 1 < s.tokenEnd; t++) {
    // "according to X", and "Per X," opening a sentence
    const cueEnd = lemma[t] === 'accord' && lemma[t + 1] === 'to' ? t + 2
      : lemma[t] === 'per' && t === s.tokenStart ? t + 1 : -1
    if (cueEnd < 0) continue
    let e = cueEnd
    // up to the clause's end or a relative clause ("a European officer who follows ...")
    while (e < s.tokenEnd && e - t < 12 && !CLAUSE_BREAKS.has(tokenText(c, e)) && tokenText(c, e) !== '.' &&
      !RELATIVE_PRONOUNS.has(lemma[e])) e++
    while (e > cueEnd && (pos[e - 1] === CCONJ || pos[e - 1] === ADP || pos[e - 1] === DET)) e--
    const source = spanOf(c, cueEnd, e)
    if (source === null) continue
    const distance = Math.abs(t - a)
    if (best === null || distance < best.distance) {
      best = { source, cue: { start: c.tokens.start[t], end: c.tokens.end[cueEnd - 1] }, distance }
    }
  }
  if (best === null) {
    // ", US officials said." at the end of the sentence
    let end = s.tokenEnd
    while (end > s.tokenStart && /^\p{P}+$/u.test(tokenText(c, end - 1))) end--
    let verb = end - 1
    while (verb > a && (overlapsTime(c, verb) || pos[verb] === ADP)) verb--
    if (verb > a && pos[verb] === VERB && SPEECH_VERBS.has(lemma[verb])) {
      let from = verb
      while (from - 1 > a && NP_POS.has(pos[from - 1])) from--
      const isAfterComma = tokenText(c, from - 1) === ','
      const source = spanOf(c, from, verb)
      if (isAfterComma && source !== null) {
        best = { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] }, distance: 0 }
      }
    }
  }
  if (best === null) {
    // "Officials said (that) ..." at the start of the sentence
    // (wink tags a speech verb after a plural subject as a noun at times: "Officials estimate")
    const isCue = (t: number) => SPEECH_VERBS.has(lemma[t]) && (pos[t] === VERB ||
      (pos[t] === NOUN && t + 1 < a && pos[t + 1] !== ADP && pos[t + 1] !== POS('PUNCT')))
    // "Oct 24 (CW) - The United States said": a dateline before a dash is not the source
    let opening = s.tokenStart
    for (let t = s.tokenStart; t < a && t < s.tokenStart + 12; t++) if (DASHES.has(tokenText(c, t))) opening = t + 1
    let verb = opening
    while (verb < a && NP_POS.has(pos[verb]) && !(verb > opening && isCue(verb))) verb++
    const npEnd = verb
    while (verb < a && pos[verb] === AUX) verb++
    if (verb > opening && verb < a && isCue(verb)) {
      // "But a Homeland Security Department official said": the conjunction is not the source
      let first = opening
      while (first < npEnd && (pos[first] === CCONJ || pos[first] === ADV || /^\p{P}+$/u.test(tokenText(c, first)))) first++
      const source = spanOf(c, first, npEnd)
      if (source !== null && /\p{L}/u.test(c.text.slice(source.start, source.end))) {
        best = { source, cue: { start: c.tokens.start[verb], end: c.tokens.end[verb] }, distance: 0 }
      }
    }
  }
  if (best === null) return null
  return { attribution: null, source: best.source, cue: best.cue, sourceEntity: sourceEntityOf(c, best.source) }
}

/** The source of a figure: the innermost attribution whose content holds it, else the fallback. */
export function findSource(c: Context, q: Quantity, s: Sentence, a: number): Source {
  let best = -1
  let bestSize = Infinity
  c.attributions.forEach((att, i) => {
    if (!att.content.some((f) => contains(f, q))) return
    const size = att.content.reduce((n, f) => n + f.end - f.start, 0)
    if (size < bestSize) { best = i; bestSize = size }
  })
  if (best >= 0) {
    const att = c.attributions[best]
    const source = hull(att.source)
    // Our reading of the source span wins; the attribution stage's resolved name is kept when
    // it names a known entity (a pronoun resolved to "Kim Jong Un"), not when it only
    // repeats the source's words ("Western officials").
    // Only for a pronoun or a body's common name ("He", "the agency"): "The report" resolved
    // to a place is no source.
    const head = source === null ? -1 : lastToken(c, source)
    const isResolvable = head >= 0 && (c.tokens.pos[head] === PRON || AGENT_NOUNS.has(c.tokens.lemma[head]))
    const known = isResolvable && att.sourceEntity !== null && c.canonicals.has(att.sourceEntity)
    return {
      attribution: best, source, cue: hull(att.cue),
      sourceEntity: sourceEntityOf(c, source) ?? (known ? att.sourceEntity : null),
    }
  }
  return fallbackSource(c, s, a) ?? { attribution: null, source: null, cue: null, sourceEntity: null }
}

/** Whether a quantity is part of who speaks ("two officials said"), not what is said. */
export function isInSourceOrCue(c: Context, q: Quantity): boolean {
  return c.attributions.some((att) => [...att.source, ...att.cue].some((f) => f.start < q.end && q.start < f.end))
}
