import type { PointStatus, TimelinePoint } from '../reconcile/figures.ts'
import { pointDay } from '../reconcile/figures.ts'
import { html, trusted, type Html } from './html.ts'
import { formatEstimate } from '../format/estimate.ts'
import { capitalised, MONTH_CUTS } from '../stages/tokens/calendar.ts'

/**
 * The timeline chart of a figure, as an SVG string: one marker per claim, x = the date
 * the estimate is for, y = the estimate. Used by the figure page and by
 * `claimtrail report`, so the archived page and the live one draw the same picture.
 *
 * Encoding (also explained by {@link renderChartLegend}):
 * - colour: the origin (source after canonicalization), so one source's revisions share a colour;
 * - shape: the point's status (circle corroborated, diamond conflicting, square revised,
 *   triangle single-source), so status does not rely on colour alone;
 * - a vertical bar: a range (low to high), the marker at its middle;
 * - hollow marker: a hedged ("about", "some") or vague ("thousands") estimate;
 * - a caret above or below: "at least" or "at most";
 * - a dashed line joining markers: syndicated copies of one story (one independent report).
 */

/** What the chart reads of a timeline point. */
export type ChartPoint = Pick<TimelinePoint,
  'claimKey' | 'date' | 'value' | 'low' | 'high' | 'approx' | 'bound' | 'vague' | 'source' | 'origin' | 'outlet'
  | 'storyGroup' | 'status' | 'text' | 'articleKey' | 'unit' | 'url' | 'dateIsAsOf' | 'published'>

/** The day a point stands on the time axis: the reconcile's own placement (coarse `asOf` by publication date). */
function dayOf(p: ChartPoint): number | null {
  return pointDay(p.dateIsAsOf ? p.date : null, p.published)
}

/** Options for {@link renderTimelineSvg}. */
export interface ChartOptions {
  readonly width?: number
  readonly height?: number
  /** Accessible title of the chart. */
  readonly title?: string
  /** Where a point links to (its article at the quote), or null for no link. */
  readonly href?: (p: ChartPoint) => string | null
}

// Okabe-Ito, then darker companions: distinguishable with common colour-vision
// deficiencies. Ten is about as many hues as a reader tells apart at a glance; grey is
// kept for the rest (see originColors).
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C564B', '#BCBD22', '#6A3D9A']
/** The colour of the sources beyond the palette. */
export const OTHER_SOURCE_COLOR = '#9E9E9E'

/**
 * Colour of each origin: the sources with the most points get the palette's distinct
 * colours (ties in order of first appearance), every further source grey. A repeated
 * colour would pass one source off as another (17 sources in the demo's busiest figure);
 * a grey marker says "a minor source", and the figure page's legend highlights any one
 * source's points on hover, focus or click, grey ones included.
 */
export function originColors(points: readonly ChartPoint[]): Map<string, string> {
  const counts = new Map<string, number>()
  for (const p of points) counts.set(p.origin, (counts.get(p.origin) ?? 0) + 1)
  // Map keeps first-appearance order and sort is stable, so ties keep it.
  const ranked = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))
  return new Map(ranked.map((origin, i) => [origin, i < PALETTE.length ? PALETTE[i] : OTHER_SOURCE_COLOR]))
}

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

/** The y position of an estimate and its bar, in data units; null when it has no number. */
function extent(p: ChartPoint): { mid: number; low: number; high: number } | null {
  if (p.value !== null) return { mid: p.value, low: p.value, high: p.value }
  if (p.low !== null && p.high !== null) return { mid: (p.low + p.high) / 2, low: p.low, high: p.high }
  const one = p.low ?? p.high
  return one === null ? null : { mid: one, low: one, high: one }
}

/** Round a maximum up to 1, 2, 2.5 or 5 times a power of ten, for readable ticks. */
function niceMax(max: number): number {
  if (!(max > 0)) return 1
  const pow = 10 ** Math.floor(Math.log10(max))
  for (const m of [1, 2, 2.5, 5, 10]) if (max <= m * pow) return m * pow
  return 10 * pow
}

/**
 * Tick values from 0 to `max` (a {@link niceMax}) in four or five round steps (1, 2, 2.5 or
 * 5 times a power of ten): quarters of 2,500 are 625 and 1,875, which the compact labels
 * would print as "625" and "1.9K", misstating the line they mark.
 */
function tickValues(max: number): number[] {
  const isRound = (step: number): boolean => {
    const m = step / 10 ** Math.floor(Math.log10(step))
    return [1, 2, 2.5, 5].some((r) => Math.abs(m - r) < 1e-9)
  }
  const intervals = isRound(max / 4) ? 4 : 5
  return Array.from({ length: intervals + 1 }, (_, i) => (max / intervals) * i)
}

/**
 * The span of days the chart's axis covers: all dates, except stray ones at either end
 * that lie further from the rest than the rest spans (and over half a year away).
 */
export function mainWindow(days: readonly number[]): [number, number] {
  const d = [...days].sort((a, b) => a - b)
  if (d.length === 0) return [0, 1]
  let i = 0
  let j = d.length - 1
  while (j - i >= 2) {
    const gapLow = d[i + 1] - d[i]
    const gapHigh = d[j] - d[j - 1]
    if (gapLow >= gapHigh && gapLow > Math.max(183, d[j] - d[i + 1])) i++
    else if (gapHigh > Math.max(183, d[j - 1] - d[i])) j--
    else break
  }
  return [d[i], d[j]]
}

/**
 * The largest value the y axis shows: the maximum, unless it is over five times the
 * upper quartile, in which case the largest value within that bound.
 */
export function valueCap(values: readonly number[]): number {
  const v = values.filter((x) => x > 0).sort((a, b) => a - b)
  if (v.length === 0) return 0
  const limit = 5 * v[Math.floor((v.length - 1) * 0.75)]
  const within = v.filter((x) => x <= limit)
  return within.length > 0 ? within[within.length - 1] : v[v.length - 1]
}

const DAY_MS = 86_400_000
const MONTHS = MONTH_CUTS.map(capitalised)

function monthTicks(fromDay: number, toDay: number): { day: number; label: string }[] {
  const start = new Date(fromDay * DAY_MS)
  let y = start.getUTCFullYear()
  let m = start.getUTCMonth() + 1
  const all: { day: number; month: number; year: number }[] = []
  for (;;) {
    if (m > 11) { m = 0; y++ }
    const day = Math.floor(Date.UTC(y, m, 1) / DAY_MS)
    if (day > toDay) break
    all.push({ day, month: m, year: y })
    m++
  }
  // At most about eight labels: every k-th month; the year is written on the first label
  // and wherever it changes.
  const step = Math.max(1, Math.ceil(all.length / 8))
  const kept = all.filter((_, i) => i % step === 0)
  return kept.map((t, i) => ({ day: t.day, label: i === 0 || kept[i - 1].year !== t.year ? `${MONTHS[t.month]} ${t.year}` : MONTHS[t.month] }))
}

const STATUS_LABEL: Record<PointStatus, string> = {
  corroborated: 'corroborated', conflicting: 'conflicting', revised: 'revised later', 'single-source': 'single source',
}

function marker(status: PointStatus, color: string, hollow: boolean): Html {
  const fill = hollow ? '#ffffff' : color
  switch (status) {
    case 'corroborated': return html`<circle class="marker" r="5.5" fill="${fill}" stroke="${color}" stroke-width="2"/>`
    case 'conflicting': return html`<path class="marker" d="M0,-7 L7,0 L0,7 L-7,0 Z" fill="${fill}" stroke="${color}" stroke-width="2"/>`
    case 'revised': return html`<rect class="marker" x="-5" y="-5" width="10" height="10" fill="${fill}" stroke="${color}" stroke-width="2"/>`
    case 'single-source': return html`<path class="marker" d="M0,-7 L6.5,5 L-6.5,5 Z" fill="${fill}" stroke="${color}" stroke-width="2"/>`
  }
}

/**
 * Render a figure's timeline as a standalone SVG element (a string of markup, every
 * stored string escaped). Each claim is one `<g data-claim="KEY">`; undated claims sit in
 * an "undated" column at the right.
 *
 * @example
 * const svg = renderTimelineSvg(figure.points, { title: figure.label, href: (p) => `/articles/${p.articleKey}` })
 */
export function renderTimelineSvg(points: readonly ChartPoint[], options: ChartOptions = {}): string {
  const width = options.width ?? 760
  const height = options.height ?? 340
  const m = { top: 18, right: 18, bottom: 44, left: 64 }
  const colors = originColors(points)
  const days = points.map(dayOf)
  const dated = days.filter((d): d is number => d !== null)
  // A stray date far from the rest (an extraction error, a historical aside) would squash
  // every other point into a sliver: such points get an "earlier" or "later" column.
  const [lo, hi] = mainWindow(dated)
  const hasEarlier = dated.some((d) => d < lo)
  const hasLater = dated.some((d) => d > hi)
  const hasUndated = dated.length < points.length
  const COLUMN = 64
  const plotLeft = m.left + (hasEarlier ? COLUMN : 0)
  const plotRight = width - m.right - (hasLater ? COLUMN : 0) - (hasUndated ? COLUMN : 0)
  const pad = Math.max(10, Math.round((hi - lo) * 0.05))
  const from = dated.length > 0 ? lo - pad : 0
  const to = dated.length > 0 ? hi + pad : 1
  const x = (day: number): number => plotLeft + ((day - from) / (to - from)) * (plotRight - plotLeft)
  const columnX = {
    earlier: m.left + COLUMN / 2, later: plotRight + COLUMN / 2, undated: plotRight + (hasLater ? COLUMN : 0) + COLUMN / 2,
  }
  const xOf = (d: number | null): number => d === null ? columnX.undated : d < lo ? columnX.earlier : d > hi ? columnX.later : x(d)
  const extents = points.map(extent)
  // Likewise one value far above the others gets clipped at the top, with its number shown.
  const maxValue = niceMax(valueCap(extents.flatMap((e) => (e ? [e.high, e.mid] : [])).filter(Number.isFinite)) * 1.05)
  const y = (v: number): number => height - m.bottom - (Math.min(v, maxValue) / maxValue) * (height - m.top - m.bottom)

  const yTicks = tickValues(maxValue)
  const grid = yTicks.map((v) => html`<g class="tick"><line x1="${plotLeft}" x2="${plotRight}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e3e3e3"/><text x="${m.left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#444">${COMPACT.format(v)}</text></g>`)
  // Tick labels that would collide with an outlier column's label are left out.
  const ticks = monthTicks(from, to).filter((t) => (!hasEarlier || x(t.day) - plotLeft > 28) && ((!hasLater && !hasUndated) || plotRight - x(t.day) > 28))
  const xTicks = dated.length > 0 ? ticks.map((t) => html`<g class="tick"><line x1="${x(t.day).toFixed(1)}" x2="${x(t.day).toFixed(1)}" y1="${height - m.bottom}" y2="${height - m.bottom + 5}" stroke="#888"/><text x="${x(t.day).toFixed(1)}" y="${height - m.bottom + 18}" text-anchor="middle" font-size="11" fill="#444">${t.label}</text></g>`) : []

  // Positions, then nudges: markers that would overlap (copies of one wire story a day
  // apart, two sources agreeing) are spread sideways so each stays visible and clickable.
  const placed: { x: number; y: number }[] = []
  const positions = points.map((p, i) => {
    const e = extents[i]
    const d = days[i]
    const baseX = xOf(d)
    const py = e === null ? y(0) : y(e.mid)
    let px = baseX
    for (let k = 1; k < 40 && placed.some((o) => Math.abs(o.x - px) < 11 && Math.abs(o.y - py) < 11); k++) {
      px = baseX + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * 6
    }
    placed.push({ x: px, y: py })
    return { x: px, y: py, e }
  })

  // Syndicated copies: the same estimate from different articles of one story group,
  // joined by a dashed line. (Two claims of one article are not copies of each other.)
  const groups = new Map<string, number[]>()
  points.forEach((p, i) => {
    const key = [p.storyGroup, p.value, p.low, p.high, p.bound].join('|')
    groups.set(key, [...(groups.get(key) ?? []), i])
  })
  const copyLinks = [...groups.values()]
    .filter((idx) => new Set(idx.map((i) => points[i].articleKey)).size > 1)
    .map((idx) => {
      const d = idx.map((i, k) => `${k === 0 ? 'M' : 'L'}${positions[i].x.toFixed(1)},${positions[i].y.toFixed(1)}`).join(' ')
      return html`<path class="story-group" data-story-group="${points[idx[0]].storyGroup}" d="${d}" fill="none" stroke="#777" stroke-width="1.5" stroke-dasharray="3 3"/>`
    })

  const marks = points.map((p, i) => {
    const { x: px, y: py, e } = positions[i]
    const color = colors.get(p.origin) ?? '#000'
    const bar = e !== null && e.high > e.low
      ? html`<line class="range" x1="0" x2="0" y1="${(y(e.low) - py).toFixed(1)}" y2="${(y(e.high) - py).toFixed(1)}" stroke="${color}" stroke-width="3" stroke-linecap="round"/>`
      : ''
    const clipped = e !== null && e.mid > maxValue
      ? html`<text class="off-scale" x="9" y="4" font-size="11" fill="#222">↑ ${COMPACT.format(e.mid)}</text>` : ''
    const caret = p.bound === 'at_least' ? html`<path class="bound bound-at-least" d="M-5,-11 L0,-16 L5,-11" fill="none" stroke="${color}" stroke-width="2"/>`
      : p.bound === 'at_most' ? html`<path class="bound bound-at-most" d="M-5,11 L0,16 L5,11" fill="none" stroke="${color}" stroke-width="2"/>` : ''
    const who = p.source ?? `${p.outlet ?? 'the outlet'} (own voice)`
    const label = `${formatEstimate(p)} — ${who}${p.outlet && p.source ? `, via ${p.outlet}` : ''}, ${p.date ?? 'undated'}; ${STATUS_LABEL[p.status]}`
    const body = html`<g class="point status-${p.status}" data-claim="${p.claimKey}" data-status="${p.status}" data-origin="${p.origin}" data-story-group="${p.storyGroup}" transform="translate(${px.toFixed(1)},${py.toFixed(1)})"><title>${label}</title>${bar}${marker(p.status, color, p.approx || p.vague)}${caret}${clipped}</g>`
    const href = options.href?.(p) ?? null
    return href === null ? body : html`<a href="${href}" aria-label="${label}">${body}</a>`
  })

  const columnLabel = (cx: number, text: string): Html => html`<text x="${cx}" y="${height - m.bottom + 18}" text-anchor="middle" font-size="11" fill="#444">${text}</text>`
  const columns = [
    hasEarlier ? columnLabel(columnX.earlier, 'earlier') : '', hasLater ? columnLabel(columnX.later, 'later') : '',
    hasUndated ? columnLabel(columnX.undated, 'undated') : '',
  ]
  const title = options.title ?? 'Timeline of estimates'
  const svg = html`<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, sans-serif"><title id="chart-title">${title}</title><desc id="chart-desc">${points.length} estimates by ${colors.size} sources over time; shape shows status, hollow markers are hedged, bars are ranges, carets are bounds.</desc><rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>${grid}<line x1="${plotLeft}" x2="${plotRight}" y1="${height - m.bottom}" y2="${height - m.bottom}" stroke="#888"/>${xTicks}${columns}${copyLinks}${marks}</svg>`
  return String(svg)
}

/**
 * The legend of a timeline chart as HTML: one entry per origin (most points first, with
 * the number of points), the grey ones after "other sources", then the shape and style
 * conventions. Each source entry is a button carrying `data-origin`, which the figure
 * page's script (`/static/chart.js`) uses to highlight that source's points; in the
 * self-contained report, without the script, it is a plain label.
 */
export function renderChartLegend(points: readonly ChartPoint[], options: { readonly interactive?: boolean } = {}): Html {
  const isInteractive = options.interactive ?? true
  const colors = originColors(points)
  const names = new Map<string, string>()
  const counts = new Map<string, number>()
  for (const p of points) {
    if (!names.has(p.origin)) names.set(p.origin, p.source ?? `${p.outlet ?? 'outlet'} (own voice)`)
    counts.set(p.origin, (counts.get(p.origin) ?? 0) + 1)
  }
  const swatch = (color: string): Html => trusted(renderSwatch(color))
  const entry = ([origin, color]: [string, string]): Html => {
    const label = html`${swatch(color)} ${names.get(origin) ?? origin} <span class="muted">(${counts.get(origin) ?? 0})</span>`
    return isInteractive
      ? html`<li><button type="button" class="legend-source" data-origin="${origin}" aria-pressed="false">${label}</button></li>`
      : html`<li class="legend-source" data-origin="${origin}">${label}</li>`
  }
  const entries = [...colors.entries()]
  const coloured = entries.filter(([, c]) => c !== OTHER_SOURCE_COLOR).map(entry)
  const grey = entries.filter(([, c]) => c === OTHER_SOURCE_COLOR).map(entry)
  const others = grey.length > 0 ? html`<li class="legend-others">other sources, in grey:</li>${grey}` : ''
  const shapes = (['corroborated', 'conflicting', 'revised', 'single-source'] as const).map((s) =>
    html`<li><svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">${marker(s, '#333', false)}</svg> ${STATUS_LABEL[s]}</li>`)
  return html`<div class="legend"><ul class="legend-sources" aria-label="${isInteractive ? 'Sources (points per source); hover, focus or click one to highlight its points' : 'Sources (points per source)'}">${coloured}${others}</ul><ul class="legend-shapes" aria-label="Marks">${shapes}<li><svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">${marker('corroborated', '#333', true)}</svg> hedged or vague</li><li><svg width="18" height="22" viewBox="-9 -18 18 22" aria-hidden="true"><path d="M-5,-11 L0,-16 L5,-11" fill="none" stroke="#333" stroke-width="2"/>${marker('corroborated', '#333', false)}</svg> at least</li><li><svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true"><line x1="0" x2="0" y1="-8" y2="8" stroke="#333" stroke-width="3"/></svg> range</li><li><svg width="26" height="10" viewBox="0 0 26 10" aria-hidden="true"><path d="M1,5 L25,5" stroke="#777" stroke-width="1.5" stroke-dasharray="3 3"/></svg> copies of one story</li></ul></div>`
}

function renderSwatch(color: string): string {
  return String(html`<svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" rx="3" fill="${color}"/></svg>`)
}

/**
 * A small sparkline of a figure's estimates over time (dated points with a number),
 * for the figures index.
 */
export function renderSparkline(points: readonly ChartPoint[], width = 120, height = 28): string {
  const all = points.map((p) => ({ day: dayOf(p), e: extent(p) }))
    .filter((r): r is { day: number; e: { mid: number; low: number; high: number } } => r.day !== null && r.e !== null)
  // The same outlier rules as the chart: stray dates left out, far values clipped.
  const [lo, hi] = mainWindow(all.map((r) => r.day))
  const rows = all.filter((r) => r.day >= lo && r.day <= hi)
  if (rows.length === 0) return String(html`<svg class="sparkline" width="${width}" height="${height}" aria-hidden="true"></svg>`)
  const minDay = Math.min(...rows.map((r) => r.day))
  const maxDay = Math.max(...rows.map((r) => r.day))
  const maxV = valueCap(rows.map((r) => r.e.mid)) || 1
  const sx = (d: number): number => 3 + (maxDay === minDay ? (width - 6) / 2 : ((d - minDay) / (maxDay - minDay)) * (width - 6))
  const sy = (v: number): number => height - 3 - (Math.min(v, maxV) / maxV) * (height - 6)
  const path = rows.map((r, i) => `${i === 0 ? 'M' : 'L'}${sx(r.day).toFixed(1)},${sy(r.e.mid).toFixed(1)}`).join(' ')
  const dots = rows.map((r) => html`<circle cx="${sx(r.day).toFixed(1)}" cy="${sy(r.e.mid).toFixed(1)}" r="2" fill="#0072B2"/>`)
  return String(html`<svg class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true"><path d="${path}" fill="none" stroke="#0072B2" stroke-width="1.5"/>${dots}</svg>`)
}
