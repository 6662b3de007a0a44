import { html as honoHtml, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

/**
 * HTML building for the web app and the report. Every interpolated value is escaped by
 * Hono's `html` template unless it is itself a fragment built by `html`; stored data is
 * never concatenated into markup as a raw string.
 */

/** A fragment of escaped HTML. */
export type Html = HtmlEscapedString

/**
 * The `html` tagged template, synchronous: our fragments never interpolate promises, so
 * the result is always a ready string object.
 *
 * @example
 * String(html`<p>${'<script>'}</p>`) // '<p>&lt;script&gt;</p>'
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return honoHtml(strings, ...values) as Html
}

/** Mark markup produced by our own code (SVG built with {@link html}) as already escaped. */
export function trusted(markup: string): Html {
  return raw(markup) as Html
}

/**
 * A link target for a stored URL, or null when the URL is not http(s): a stored
 * `javascript:` URL must never become a clickable link, escaping alone does not stop it.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null
  } catch {
    return null
  }
}

/** The path of a figure's page; ids contain slashes, so each segment is encoded. */
export function figurePath(id: string): string {
  return `/figures/${id.split('/').map(encodeURIComponent).join('/')}`
}

/** The path of an article's page, optionally at a claim's quote anchor. */
export function articlePath(key: string, quoteStart?: number): string {
  return `/articles/${encodeURIComponent(key)}${quoteStart === undefined ? '' : `#q-${quoteStart}`}`
}

/** The path of a source's page. */
export function sourcePath(name: string): string {
  return `/sources/${encodeURIComponent(name)}`
}
