import { offsetMap } from '../format/offsets.ts'
import { html, type Html } from './html.ts'

const MARK_NAMES: Record<string, string> = { source: 'source', cue: 'cue', content: 'content', quantity: 'quantity', claim: 'claimed figure' }

/** The id of the legend entry that names a highlight class (`hl-source`, …). */
const legendId = (cls: string): string => `hl-${cls}`

/**
 * The ids a highlight's `aria-describedby` lists: every class but the last points to the
 * hidden copy of its legend entry that ends in a comma (`hl-claim-comma`), so a mark that is
 * a claimed figure and a quantity is described "claimed figure, quantity", as its title
 * reads, not "claimed figure quantity" (a description joins its parts with a space only).
 * `static/extract.js` does the same. Session 15 (rev15).
 */
export function describedBy(classes: readonly string[]): string {
  return classes.map((c, i) => (i < classes.length - 1 ? `${legendId(c)}-comma` : legendId(c))).join(' ')
}

/**
 * The legend of the highlights, shown above an article's text (and the extract page's
 * result). Each entry has an id, which every highlight of its kind points to with
 * `aria-describedby`: a screen reader gets what a highlight marks as its description,
 * where a `title` is only a tooltip many do not read, and the text itself is unchanged
 * (a quote copied from the page has no added words). Session 14 (ux14b). Each entry also
 * has a hidden copy ending in a comma, for a highlight of several kinds (`describedBy`).
 */
export function highlightLegend(): Html {
  const entries = Object.entries(MARK_NAMES)
  return html`<p class="legend-inline" aria-label="Highlight legend">${entries.map(([cls, name], i) => html`${i > 0 ? ' ' : ''}<mark class="${cls}" id="${legendId(cls)}">${name}</mark>`)}${entries.map(([cls, name]) => html`<span id="${legendId(cls)}-comma" hidden>${name},</span>`)}</p>`
}

/**
 * An article's text with its annotations as `<mark>` elements: attribution sources, cues
 * and contents, quantities, and the quantities that are claims (with an anchor
 * `id="q-<start>"`, start in code points, so `/articles/KEY#q-123` scrolls to a claim).
 * The sentence each claim is quoted from is wrapped in `<span class="quote">`, so the
 * targeted claim's whole quote can be highlighted.
 *
 * Overlapping spans are flattened into segments: each stretch of text carries every
 * class that covers it, which keeps the markup well nested whatever the layers overlap.
 */

/** A span as the stored analysis gives it: code-point offsets, maybe in fragments. */
interface CpSpan {
  readonly start: number
  readonly end: number
  readonly fragments?: readonly { readonly start: number; readonly end: number }[]
}

/** The parts of a stored analysis (the JSON contract) the highlighter reads. */
export interface AnalysisLayers {
  readonly quantities?: readonly CpSpan[]
  readonly attributions?: readonly {
    readonly source: CpSpan | null
    readonly cue: CpSpan
    readonly content: readonly CpSpan[]
  }[]
}

/** A claim to anchor: its quantity's code-point offsets and its quote. */
export interface ClaimAnchor {
  readonly start: number
  readonly end: number
  readonly quote: string
}

interface Span {
  readonly start: number
  readonly end: number
  readonly cls: string
}

function pieces(s: CpSpan): readonly { start: number; end: number }[] {
  return s.fragments && s.fragments.length > 0 ? s.fragments : [s]
}

/** The UTF-16 range of the quote sentence around `at`, found by its words; null if not found. */
export function findQuote(text: string, quote: string, at: number): { start: number; end: number } | null {
  const words = quote.trim().split(/\s+/).filter((w) => w !== '')
  if (words.length === 0) return null
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g')
  let best: { start: number; end: number } | null = null
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0
    const end = start + m[0].length
    if (start <= at && at < end) return { start, end }
    best ??= { start, end }
  }
  return best
}

/**
 * Render the article text with highlights (escaped; meant for a `white-space: pre-wrap`
 * container, so offsets and line breaks are kept exactly).
 */
export function renderHighlightedText(text: string, analysis: AnalysisLayers, claims: readonly ClaimAnchor[]): Html {
  const map = offsetMap(text)
  const u = (cp: number): number => Math.max(0, Math.min(text.length, map.toUtf16(cp)))
  const spans: Span[] = []
  const add = (s: CpSpan, cls: string): void => {
    for (const p of pieces(s)) if (p.end > p.start) spans.push({ start: u(p.start), end: u(p.end), cls })
  }
  for (const a of analysis.attributions ?? []) {
    if (a.source) add(a.source, 'source')
    add(a.cue, 'cue')
    for (const c of a.content) add(c, 'content')
  }
  for (const q of analysis.quantities ?? []) add(q, 'quantity')
  const anchors = new Map<number, number>()
  const quotes: { start: number; end: number }[] = []
  for (const c of claims) {
    const start = u(c.start)
    const end = u(c.end)
    if (end > start) spans.push({ start, end, cls: 'claim' })
    if (!anchors.has(start)) anchors.set(start, c.start)
    const q = findQuote(text, c.quote, start)
    if (q && !quotes.some((o) => o.start < q.end && q.start < o.end)) quotes.push(q)
  }
  quotes.sort((a, b) => a.start - b.start)

  const cuts = new Set<number>([0, text.length])
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end) }
  for (const q of quotes) { cuts.add(q.start); cuts.add(q.end) }
  for (const a of anchors.keys()) cuts.add(a)
  const bounds = [...cuts].filter((b) => b >= 0 && b <= text.length).sort((a, b) => a - b)

  const out: Html[] = []
  let qi = 0
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]
    const to = bounds[i + 1]
    if (qi < quotes.length && quotes[qi].start === from) out.push(html`<span class="quote">`)
    const classes = [...new Set(spans.filter((s) => s.start <= from && to <= s.end).map((s) => s.cls))].sort()
    const piece = text.slice(from, to)
    const anchor = anchors.get(from)
    const id = anchor === undefined ? null : `q-${anchor}`
    // What the colour shows, so colour is not the only cue: the title for the mouse, the
    // legend's entries as the description for screen readers (highlightLegend).
    if (classes.length > 0) out.push(html`<mark class="${classes.join(' ')}" title="${classes.map((c) => MARK_NAMES[c] ?? c).join(', ')}" aria-describedby="${describedBy(classes)}"${id ? html` id="${id}" tabindex="-1"` : ''}>${piece}</mark>`)
    else if (id) out.push(html`<span id="${id}" tabindex="-1">${piece}</span>`)
    else out.push(html`${piece}`)
    if (qi < quotes.length && quotes[qi].end === to) {
      out.push(html`</span>`)
      qi++
    }
  }
  return html`${out}`
}
