/**
 * brat standoff (`.ann`) for attributions, in the convention of PolNeAR: per attribution,
 * `T` lines for its Source, Cue and Content, an `Attribution` (or `Attribution-no-source`)
 * trigger over the cue, and an `E` line joining them.
 *
 * ```
 * T1	Source 89 106	The New York Post
 * T2	Cue 107 114	reports
 * T3	Content 115 290	that Hillary Clinton's team avoided …
 * T4	Attribution 107 114	reports
 * E1	Attribution:T4 Content:T3 Cue:T2 Source:T1
 * ```
 *
 * Offsets in `.ann` text are Unicode code points, as brat counts them; the Doc's offsets are
 * UTF-16 and are converted here through {@link offsetMap}, never by hand.
 */
import { ClaimtrailError } from '../model/errors.ts'
import type { Attribution, CharSpan } from '../model/types.ts'
import { offsetMap } from './offsets.ts'

/** A half-open range `[start, end)` of Unicode code points into a document's text. */
export interface CodePointSpan {
  readonly start: number
  readonly end: number
}

/** One attribution as read from a `.ann` file: code-point fragments per role, sorted by start. */
export interface BratAttribution {
  /** The `E` id in the file ("E3"), for messages. */
  readonly id: string
  /** Empty when the attribution has no source. */
  readonly source: readonly CodePointSpan[]
  readonly cue: readonly CodePointSpan[]
  /** Content and Content2 fragments together. */
  readonly content: readonly CodePointSpan[]
}

// A line break inside a text field would end the line: brat's format is one annotation per
// line. brat itself splits a selection at line breaks into fragments (PolNeAR has ~300 spans
// whose fragments are separated only by "\n\n"), so the writer does the same.
const LINE_BREAK = /[\n\r\u2028\u2029\u0085\v\f]/
const WHITESPACE_RUN_WITH_BREAK = /\s*[\n\r\u2028\u2029\u0085\v\f]\s*/g

/**
 * Write the `.ann` text for a document's attributions. Fragments (UTF-16, as in the Doc)
 * become code points; a fragment that crosses a line break is split there, as brat does;
 * fragments left empty are dropped. An attribution with no source uses the PolNeAR trigger
 * type `Attribution-no-source` and has no `Source:` argument. The trigger spans the cue, or
 * the content when there is no cue; an attribution with neither is not written.
 *
 * @example
 * const text = 'Taxes will rise, officials said.'
 * writeBrat(text, [{ source: [{ start: 17, end: 26 }], cue: [{ start: 27, end: 31 }],
 *   content: [{ start: 0, end: 15 }], kind: 'indirect', sourceEntity: null }])
 * // T1	Source 17 26	officials
 * // T2	Cue 27 31	said
 * // T3	Content 0 15	Taxes will rise
 * // T4	Attribution 27 31	said
 * // E1	Attribution:T4 Content:T3 Cue:T2 Source:T1
 */
export function writeBrat(text: string, attributions: readonly Attribution[]): string {
  const map = offsetMap(text)
  const lines: string[] = []
  let t = 0
  let e = 0
  const addT = (type: string, fragments: readonly CharSpan[]): string => {
    const id = `T${++t}`
    const offsets = fragments.map((f) => `${map.toCodePoint(f.start)} ${map.toCodePoint(f.end)}`).join(';')
    const covered = fragments.map((f) => text.slice(f.start, f.end)).join(' ')
    lines.push(`${id}\t${type} ${offsets}\t${covered.replace(new RegExp(LINE_BREAK, 'g'), ' ')}`)
    return id
  }
  for (const attribution of attributions) {
    const source = splitAtLineBreaks(text, attribution.source)
    const cue = splitAtLineBreaks(text, attribution.cue)
    const content = splitAtLineBreaks(text, attribution.content)
    const trigger = cue.length > 0 ? cue : content
    if (trigger.length === 0) continue
    const args: string[] = []
    const sourceId = source.length > 0 ? addT('Source', source) : null
    const cueId = cue.length > 0 ? addT('Cue', cue) : null
    const contentId = content.length > 0 ? addT('Content', content) : null
    const type = sourceId === null ? 'Attribution-no-source' : 'Attribution'
    args.push(`${type}:${addT(type, trigger)}`)
    if (contentId !== null) args.push(`Content:${contentId}`)
    if (cueId !== null) args.push(`Cue:${cueId}`)
    if (sourceId !== null) args.push(`Source:${sourceId}`)
    lines.push(`E${++e}\t${args.join(' ')}`)
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n'
}

/** Check the fragments against the text, sort them, and split them at line breaks. */
function splitAtLineBreaks(text: string, fragments: readonly CharSpan[]): CharSpan[] {
  const out: CharSpan[] = []
  for (const f of [...fragments].sort((a, b) => a.start - b.start)) {
    if (!(Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start <= f.end && f.end <= text.length)) {
      throw new ClaimtrailError('PIPELINE', `attribution fragment ${f.start}-${f.end} lies outside the text (length ${text.length}); the attribution stage produced a bad span`)
    }
    const piece = text.slice(f.start, f.end)
    let from = 0
    for (const m of piece.matchAll(WHITESPACE_RUN_WITH_BREAK)) {
      if (m.index > from) out.push({ start: f.start + from, end: f.start + m.index })
      from = m.index + m[0].length
    }
    if (piece.length > from) out.push({ start: f.start + from, end: f.end })
  }
  return out
}

const ROLES = { Source: 'source', Cue: 'cue', Content: 'content', Content2: 'content' } as const
type Role = (typeof ROLES)[keyof typeof ROLES]
const IGNORED_TYPES = new Set(['Discuss', 'Discard'])
// Lines brat writes besides T and E: relations, attributes, normalizations, notes.
const OTHER_ANNOTATION = /^[RAMN#*]/

/**
 * Read the attributions of a `.ann` file, by the scoring protocol of BENCHMARKS.md §1:
 * all `T` lines are read before the `E` lines (an event may name a later T); the roles are
 * Source, Cue and Content (`Content2` is merged into Content); fragments are split on `;`;
 * `Discuss`/`Discard` annotations are ignored, and so are events left with no role.
 * With `text`, white space at fragment edges is trimmed and fragments left empty dropped;
 * offsets are checked to lie inside it.
 *
 * Lines that are not annotations are skipped: in PolNeAR they are the tail of a text field
 * that contained a raw line break (three files), and the offsets on the T line are intact.
 *
 * @throws ClaimtrailError `BAD_INPUT` for a malformed T or E line, a reference to a missing
 *   T, or offsets outside the text.
 * @example
 * readBrat('T1\tCue 5 9\tsaid\nT2\tContent 0 4\tWars\nT3\tAttribution 5 9\tsaid\nE1\tAttribution-no-source:T3 Content:T2 Cue:T1\n')
 * // [{ id: 'E1', source: [], cue: [{ start: 5, end: 9 }], content: [{ start: 0, end: 4 }] }]
 */
export function readBrat(ann: string, text?: string): BratAttribution[] {
  const textBounds = text === undefined ? null : codePointView(text)
  const spans = new Map<string, { type: string; fragments: CodePointSpan[] }>()
  const events: { id: string; args: string[]; line: number }[] = []
  const lines = ann.split(/\r?\n/)
  lines.forEach((line, i) => {
    const lineNo = i + 1
    if (line.trim() === '' || OTHER_ANNOTATION.test(line)) return
    const tab = line.indexOf('\t')
    const id = tab < 0 ? '' : line.slice(0, tab)
    if (/^T\d+$/.test(id)) {
      const field = line.slice(tab + 1).split('\t', 1)[0]
      const space = field.indexOf(' ')
      if (space < 0) throw badLine(lineNo, line, 'expected "T<n>\\t<Type> <start> <end>[;<start> <end>]\\t<text>"')
      spans.set(id, { type: field.slice(0, space), fragments: parseFragments(field.slice(space + 1), lineNo, line, textBounds) })
    } else if (/^E\d+$/.test(id)) {
      events.push({ id, args: line.slice(tab + 1).split('\t', 1)[0].split(' ').filter((a) => a !== ''), line: lineNo })
    }
  })
  const out: BratAttribution[] = []
  for (const event of events) {
    const roles: Record<Role, CodePointSpan[]> = { source: [], cue: [], content: [] }
    let hasRole = false
    // The first argument is the trigger ("Attribution:T4"); the rest are role:T pairs.
    for (const arg of event.args.slice(1)) {
      const colon = arg.indexOf(':')
      const roleName = arg.slice(0, colon)
      const ref = arg.slice(colon + 1)
      const span = spans.get(ref)
      if (colon < 0 || span === undefined) {
        throw new ClaimtrailError('BAD_INPUT', `.ann line ${event.line}: event ${event.id} names "${arg}", which is not a role:T pair with a known T; fix the file`)
      }
      const role = Object.hasOwn(ROLES, roleName) ? ROLES[roleName as keyof typeof ROLES] : undefined
      if (role === undefined || IGNORED_TYPES.has(span.type)) continue
      roles[role].push(...span.fragments)
      hasRole = true
    }
    if (!hasRole) continue
    out.push({ id: event.id, source: canonical(roles.source), cue: canonical(roles.cue), content: canonical(roles.content) })
  }
  return out
}

/** What trimming and bounds checks need of the text, in code points. */
interface CodePointView {
  readonly length: number
  isSpace(codePoint: number): boolean
}

function codePointView(text: string): CodePointView {
  const map = offsetMap(text)
  return {
    length: map.toCodePoint(text.length),
    isSpace: (cp) => /\s/u.test(String.fromCodePoint(text.codePointAt(map.toUtf16(cp)) ?? 0)),
  }
}

function parseFragments(spec: string, lineNo: number, line: string, text: CodePointView | null): CodePointSpan[] {
  const out: CodePointSpan[] = []
  for (const part of spec.split(';')) {
    const m = /^\s*(\d+) (\d+)\s*$/.exec(part)
    if (m === null) throw badLine(lineNo, line, `fragment "${part}" is not "<start> <end>"`)
    let start = Number(m[1])
    let end = Number(m[2])
    if (start > end) throw badLine(lineNo, line, `fragment ${start} ${end} ends before it starts`)
    if (text !== null) {
      if (end > text.length) throw badLine(lineNo, line, `fragment ${start} ${end} runs past the end of the text (${text.length} code points); is this the right .txt?`)
      while (start < end && text.isSpace(start)) start++
      while (end > start && text.isSpace(end - 1)) end--
      if (start === end) continue
    }
    out.push({ start, end })
  }
  return out
}

function badLine(lineNo: number, line: string, why: string): ClaimtrailError {
  return new ClaimtrailError('BAD_INPUT', `.ann line ${lineNo} "${line.slice(0, 60)}": ${why}`)
}

/** Sorted by start then end, without duplicates. */
function canonical(fragments: CodePointSpan[]): CodePointSpan[] {
  const sorted = [...fragments].sort((a, b) => a.start - b.start || a.end - b.end)
  return sorted.filter((f, i) => i === 0 || f.start !== sorted[i - 1].start || f.end !== sorted[i - 1].end)
}
