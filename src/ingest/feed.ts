import { XMLParser } from 'fast-xml-parser'
import { ClaimtrailError } from '../model/errors.ts'

/** One item of an RSS or Atom feed. */
export interface FeedItem {
  readonly id: string
  readonly title: string | null
  readonly url: string | null
  /** ISO date `YYYY-MM-DD` when the item carries a readable date. */
  readonly published: string | null
  /** The item's full content (content:encoded, Atom content), HTML, if the feed carries it. */
  readonly content: string | null
  readonly summary: string | null
}

/** A parsed feed: its title (used as the outlet) and items. */
export interface Feed {
  readonly title: string | null
  readonly items: readonly FeedItem[]
}

// Entity expansion stays off and declarations are refused outright: a hostile feed with
// nested entities ("billion laughs") or external entities must not cost memory or I/O.
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', processEntities: false, htmlEntities: false,
  parseTagValue: false, trimValues: true, isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
})

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null
  if (typeof v === 'string') return decodeBasicEntities(v).trim() || null
  if (typeof v === 'number') return String(v)
  if (typeof v === 'object' && '#text' in (v as object)) return text((v as Record<string, unknown>)['#text'])
  return null
}

// The five XML entities and numeric references are safe to decode by hand; named
// declarations were refused before parsing.
function decodeBasicEntities(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (m, e: string) => {
    const lower = e.toLowerCase()
    if (lower === 'lt') return '<'
    if (lower === 'gt') return '>'
    if (lower === 'quot') return '"'
    if (lower === 'apos') return "'"
    if (lower === 'amp') return '&'
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m
  })
}

function isoDate(v: string | null): string | null {
  if (v === null) return null
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10)
  const t = Date.parse(v)
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10)
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return null
  const pick = links.find((l) => typeof l === 'object' && l !== null && ((l as Record<string, string>)['@rel'] ?? 'alternate') === 'alternate')
    ?? links[0]
  if (typeof pick === 'string') return pick.trim()
  return typeof pick === 'object' && pick !== null ? (pick as Record<string, string>)['@href'] ?? null : null
}

/**
 * The XML parser's reason, in one line: its list of tags left open (`Invalid '[ "rss",
 * "channel"]' found.:1:1`, a JSON array it prints) is said as `<rss>, <channel> not closed`.
 */
function xmlReason(message: string): string {
  const first = message.split('\n')[0]
  const open = /^Invalid '\[(.*)\]' found\./.exec(first.replace(/\s+/g, ' '))
  if (open === null) return first
  const names = [...open[1].matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`)
  return names.length === 0 ? first : `${names.join(', ')} not closed`
}

/**
 * Parse an RSS 2.0, RSS 1.0 (RDF) or Atom feed. Refuses documents with a DOCTYPE or
 * entity declarations.
 *
 * @example
 * parseFeed('<rss><channel><title>Wire</title><item><link>https://x/1</link></item></channel></rss>').items[0].url
 */
export function parseFeed(xml: string, origin = 'feed'): Feed {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ClaimtrailError('BAD_INPUT', `${origin}: feed declares a DOCTYPE or entities; refused for safety`)
  }
  let doc: Record<string, any>
  try {
    doc = parser.parse(xml, true) as Record<string, any>
  } catch (e) {
    throw new ClaimtrailError('BAD_INPUT', `${origin}: not an RSS or Atom feed: not well-formed XML (${xmlReason((e as Error).message)})`)
  }
  if (doc.rss?.channel || doc['rdf:RDF']) {
    const channel = doc.rss?.channel ?? doc['rdf:RDF'].channel ?? {}
    const rawItems: any[] = doc.rss?.channel?.item ?? doc['rdf:RDF']?.item ?? []
    return {
      title: text(channel.title),
      items: rawItems.map((it, i) => {
        const url = Array.isArray(it.link) ? text(it.link[0]) : text(it.link)
        return {
          id: text(it.guid) ?? url ?? `item-${i + 1}`, title: text(it.title), url,
          published: isoDate(text(it.pubDate) ?? text(it['dc:date'])),
          content: text(it['content:encoded']), summary: text(it.description),
        }
      }),
    }
  }
  if (doc.feed) {
    const entries: any[] = doc.feed.entry ?? []
    return {
      title: text(doc.feed.title),
      items: entries.map((e, i) => {
        const url = atomLink(e.link)
        return {
          id: text(e.id) ?? url ?? `entry-${i + 1}`, title: text(e.title), url,
          published: isoDate(text(e.published) ?? text(e.updated)),
          content: text(e.content), summary: text(e.summary),
        }
      }),
    }
  }
  throw new ClaimtrailError('BAD_INPUT', `${origin}: not an RSS or Atom feed`)
}
