import { readFileSync } from 'node:fs'
import type { Figure, PointStatus } from '../reconcile/figures.ts'
import { formatEstimate } from '../format/estimate.ts'
import { renderChartLegend, renderTimelineSvg } from './chart.ts'
import { html, safeHref, trusted } from './html.ts'
import { claimDate } from './pages.ts'

/**
 * `claimtrail report`: one self-contained HTML page about a figure, to attach to an
 * email or archive: the same timeline chart as the web app (inline SVG), the evidence
 * table with full citations, and a note on how the figures were made. No scripts, no
 * external resources.
 */

const STATUS_TEXT: Record<PointStatus, string> = {
  corroborated: 'corroborated', conflicting: 'conflicting', revised: 'revised', 'single-source': 'single source',
}

// The web app's stylesheet, inlined: the report looks like the figure page.
const CSS = readFileSync(new URL('./static/style.css', import.meta.url), 'utf8')
const REPORT_CSS = `
body { max-width: 72rem; margin: 0 auto; padding: 1rem; }
.methodology { border-top: 1px solid var(--line); margin-top: 2rem; font-size: .95rem; }
.citation { font-size: .9rem; overflow-wrap: anywhere; }
@media print { a { color: inherit; } .chart-scroll { overflow: visible; } }
`

/** Options for {@link renderReport}. */
export interface ReportOptions {
  /** When the report was made (ISO), printed in its header. */
  readonly generatedAt: string
  /** Where the ledger is, for the record (a path or "PostgreSQL"). */
  readonly ledger?: string
}

/**
 * The report page for one figure, as a complete HTML document.
 *
 * @example
 * await writeFile('troops.html', renderReport(figure, { generatedAt: new Date().toISOString() }))
 */
export function renderReport(f: Figure, options: ReportOptions): string {
  const svg = renderTimelineSvg(f.points, { title: `${f.label}: estimates over time`, href: (p) => safeHref(p.url) })
  const rows = f.points.map((p, i) => {
    const href = safeHref(p.url)
    return html`<tr id="p-${i + 1}">
<td>${claimDate(p.date, p.dateIsAsOf, p.published)}</td>
<td>${p.source ?? html`<em>own voice</em>`}</td>
<td class="num">${formatEstimate(p)}</td>
<td>${STATUS_TEXT[p.status]}</td>
<td><q>${p.quote}</q><br><span class="citation">${p.outlet ?? 'unknown outlet'}${p.title ? html`, “${p.title}”` : ''}, ${p.published ?? 'undated'}${href ? html`, <a href="${href}">${href}</a>` : p.url ? `, ${p.url}` : ''}</span></td>
</tr>`
  })
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${f.label} · claimtrail report</title>
<style>${trusted(CSS)}${trusted(REPORT_CSS)}</style>
</head>
<body>
<main>
<h1>${f.label}</h1>
<p class="lede"><span class="status status-${f.status}">${STATUS_TEXT[f.status]}</span> · ${f.points.length} estimates · ${f.independentSources} independent sources · ${f.independentReports} independent reports</p>
<p class="muted">Figure <code>${f.id}</code> · report made ${options.generatedAt.slice(0, 19).replace('T', ' ')} UTC by claimtrail${options.ledger ? ` from ${options.ledger}` : ''}.</p>
<figure class="chart">
<div class="chart-scroll">${trusted(svg)}</div>
<figcaption>${renderChartLegend(f.points, { interactive: false })}</figcaption>
</figure>
<h2>Evidence</h2>
<div class="table-wrap"><table class="evidence">
<thead><tr><th scope="col">Date</th><th scope="col">Source</th><th scope="col">Estimate</th><th scope="col">Status</th><th scope="col">Quote and citation</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<section class="methodology">
<h2>How this was made</h2>
<p><strong>Extraction.</strong> claimtrail reads each article and finds attributions (who says what: a source, a cue such as “said” or “according to”, and the content), every numeric expression (with hedges such as “about”, ranges, and bounds such as “more than”), and the claims: figures about something counted (troops deployed, killed, wounded, captured…) bound to the source that states them. The extractor is automatic and makes mistakes; every row above quotes the exact sentence it comes from, so each estimate can be checked against its article.</p>
<p><strong>Grouping.</strong> Claims that count the same thing (the same category, subject and counted noun after canonicalization, e.g. “soldiers” and “troops”) form one figure. Syndicated copies of one story (near-duplicate texts, detected with MinHash over five-word shingles) count as one independent report, and a named source counts once however many outlets quote it.</p>
<p><strong>Dates.</strong> An estimate is placed at the date it refers to when the text says so (“as of January”), otherwise at the article's publication date.</p>
<p><strong>Statuses.</strong> An estimate is <em>corroborated</em> when an independent source gives an agreeing estimate (within 10%, or overlapping ranges) within a month of it; <em>conflicting</em> when an independent source disagrees within that window; <em>revised</em> when the same source later gives a different value; <em>single source</em> otherwise. The figure's status is the most pressing of its estimates' (conflicting, then revised, then corroborated).</p>
<p><strong>In the chart,</strong> colour is the source, shape the status, hollow markers are hedged or vague estimates, vertical bars are ranges, carets are “at least”/“at most” bounds, and dashed lines join copies of one story.</p>
</section>
</main>
</body>
</html>
`
  return String(doc)
}
