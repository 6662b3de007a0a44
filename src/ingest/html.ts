import { parseHTML } from 'linkedom'
import { ClaimtrailError } from '../model/errors.ts'

// Elements whose text is never article text.
const NOISE = 'script, style, noscript, template, iframe, svg, canvas, nav, header, footer, aside, form, button, select, [aria-hidden="true"], [hidden]'
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TD', 'DT', 'DD'])

/** What {@link extractHtml} found: the article's text (paragraphs on lines) and title. */
export interface HtmlArticle {
  readonly text: string
  readonly title: string | null
  readonly published: string | null
}

// The HTML parser (htmlparser2, under linkedom) keeps its open elements in an array it
// shifts and unshifts, so each open tag costs time in proportion to the depth: 100k
// nested elements took 15-30 s, and a 1 MB body of unclosed tags minutes. Browsers stop
// nesting at 512 levels (Blink's parser limit); real pages stay far below that.
const MAX_NESTING_WORK = 5e8
const VOID_OR_SELF_CLOSING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  // Opening one of these closes the previous one, so they do not nest.
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp',
])
// `[^<>]*` rather than `[^>]*`: a run of "<a<a<a…" without ">" stays linear.
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*>/g

/**
 * What parsing `html` would cost in its open-element stack: the sum of the nesting depth
 * at every opening tag (an over-estimate: tags inside scripts and comments count too).
 */
export function nestingWork(html: string): { readonly work: number; readonly maxDepth: number } {
  let depth = 0
  let maxDepth = 0
  let work = 0
  TAG.lastIndex = 0
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    if (VOID_OR_SELF_CLOSING.has(m[2].toLowerCase()) || m[0].endsWith('/>')) continue
    if (m[1] === '/') {
      if (depth > 0) depth--
    } else {
      depth++
      work += depth
      if (depth > maxDepth) maxDepth = depth
    }
  }
  return { work, maxDepth }
}

/**
 * Extract an article's main text from HTML: drop scripts, navigation and chrome, pick
 * the `<article>` (or `<main>`, or the element holding most paragraph text), and join
 * its block elements with blank lines. Scripts are never run: linkedom only parses.
 *
 * @example
 * extractHtml('<article><p>About 4,000 were hurt.</p></article>').text // 'About 4,000 were hurt.'
 */
export function extractHtml(html: string): HtmlArticle {
  const nesting = nestingWork(html)
  if (nesting.work > MAX_NESTING_WORK) {
    throw new ClaimtrailError('BAD_INPUT', `HTML nested ${nesting.maxDepth.toLocaleString('en-US')} elements deep is refused (too costly to parse; browsers stop at 512)`)
  }
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`)
  const title = (document.querySelector('meta[property="og:title"]')?.getAttribute('content')
    ?? document.querySelector('title')?.textContent ?? null)?.trim() || null
  const publishedRaw = document.querySelector('meta[property="article:published_time"]')?.getAttribute('content')
    ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null
  const published = publishedRaw && /^\d{4}-\d{2}-\d{2}/.test(publishedRaw) ? publishedRaw.slice(0, 10) : null
  // The element after a figure's caption (a credit line) is noise too. Found from the
  // captions, not with a `figcaption + *` selector: linkedom matches `+` by listing every
  // element's siblings, which made a page of 30k paragraphs take two minutes.
  const afterCaptions = [...document.querySelectorAll('figure figcaption')].map((c) => c.nextElementSibling)
  for (const el of [...document.querySelectorAll(NOISE), ...afterCaptions]) el?.remove()
  const root = document.querySelector('article') ?? document.querySelector('main') ?? bestContainer(document.body)
  if (!root) return { text: '', title, published }
  const paragraphs: string[] = []
  collectBlocks(root, paragraphs)
  if (paragraphs.length === 0) {
    const flat = normalize(root.textContent ?? '')
    if (flat) paragraphs.push(flat)
  }
  return { text: paragraphs.join('\n\n'), title, published }
}

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

// Walk the tree in document order; a block element's text is one paragraph (nested
// blocks are not split). Iterative, so that hostile, deeply nested markup cannot
// overflow the stack.
function collectBlocks(root: Element, out: string[]): void {
  const stack: Element[] = [...root.children].reverse()
  while (stack.length > 0) {
    const el = stack.pop() as Element
    if (BLOCKS.has(el.tagName)) {
      const t = normalize(el.textContent ?? '')
      if (t) out.push(t)
    } else {
      const kids = el.children
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i])
    }
  }
}

// The element with the most text in direct <p> children: where the story is on pages
// without <article> or <main>.
function bestContainer(body: Element | null): Element | null {
  if (!body) return null
  let best: Element | null = null
  let bestScore = 0
  for (const el of [body, ...body.querySelectorAll('div, section, td')]) {
    let score = 0
    for (const child of el.children) if (child.tagName === 'P') score += (child.textContent ?? '').length
    if (score > bestScore) { bestScore = score; best = el }
  }
  return best ?? body
}
