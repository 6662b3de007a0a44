import { articleKey, contentHash, EXTRACTOR_VERSION } from '../ingest/article.ts'
import { minhash } from '../reconcile/independence.ts'
import type { ArticleInput, ClaimRow, Store } from '../store/store.ts'

/**
 * A small hand-made ledger for the API and browser tests: articles with their claims
 * written directly through the Store interface, so the tests do not depend on how well
 * the extractor does today. Shaped like the demo corpus: two figures reported by several
 * sources, one wire story carried by three outlets, a source that revises itself, and
 * one hostile article whose stored strings contain markup that must never run.
 */

/** One claim of a fixture article, located by substrings of the text. */
export interface FixtureClaim {
  readonly quantity: string
  readonly value?: number
  readonly low?: number
  readonly high?: number
  readonly approx?: boolean
  readonly bound?: 'at_least' | 'at_most'
  readonly category: string
  readonly counted: string
  readonly subject: string
  readonly source: string | null
  /** The named source a pronoun source resolves to. */
  readonly sourceEntity?: string
  readonly cue: string | null
  readonly content: string
  readonly asOf?: string
}

/** One fixture article. */
export interface FixtureArticle {
  readonly id: string
  readonly title: string
  readonly outlet: string
  readonly published: string
  readonly url: string
  readonly text: string
  readonly claims: readonly FixtureClaim[]
}

const WIRE = 'More than 10,000 North Korean troops are now fighting alongside Russian forces in the Kursk region, US officials said on Sunday. The officials said the soldiers had been assigned to airborne and marine units. Moscow has not confirmed the deployment.'

/** The fixture articles. */
export const FIXTURE_ARTICLES: readonly FixtureArticle[] = [
  {
    id: 'nis-first-estimate', title: 'Seoul says Pyongyang has sent troops to Russia', outlet: 'Seoul Herald', published: '2024-10-18',
    url: 'https://seoul-herald.test/2024/10/18/nis-troops',
    text: "South Korea's spy agency says North Korea is sending soldiers to fight for Russia.\n\nSouth Korea's National Intelligence Service (NIS) said about 12,000 North Korean troops would be sent in stages. The agency shared satellite images with reporters.",
    claims: [{ quantity: 'about 12,000', value: 12000, approx: true, category: 'deployed', counted: 'North Korean troops', subject: 'North Korea', source: "South Korea's National Intelligence Service (NIS)", cue: 'said', content: 'about 12,000 North Korean troops would be sent in stages' }],
  },
  {
    id: 'hur-range', title: 'Kyiv puts North Korean contingent at up to 12,000', outlet: 'Kyiv Wire', published: '2024-11-05',
    url: 'https://kyiv-wire.test/news/hur-range',
    text: "Ukraine's military intelligence said 11,000 to 12,000 North Korean soldiers had arrived in the Kursk region. It did not say how it had counted them.",
    claims: [{ quantity: '11,000 to 12,000', low: 11000, high: 12000, category: 'deployed', counted: 'North Korean soldiers', subject: 'North Korea', source: "Ukraine's military intelligence", cue: 'said', content: '11,000 to 12,000 North Korean soldiers had arrived in the Kursk region' }],
  },
  ...['Pacific Ledger', 'Atlantic Daily', 'Northern Times'].map((outlet, i): FixtureArticle => ({
    id: `wire-copy-${i + 1}`, title: i === 0 ? 'US: over 10,000 North Korean troops in Kursk' : `North Korean troops in Kursk, US says (${outlet})`,
    outlet, published: `2024-12-0${1 + i}`, url: `https://${outlet.toLowerCase().replace(' ', '-')}.test/wire/kursk`,
    text: i === 0 ? WIRE : `${WIRE} ${outlet} could not verify the figure independently.`,
    claims: [{ quantity: 'More than 10,000', value: 10000, bound: 'at_least', category: 'deployed', counted: 'North Korean troops', subject: 'North Korea', source: 'US officials', cue: 'said', content: 'More than 10,000 North Korean troops are now fighting alongside Russian forces in the Kursk region' }],
  })),
  {
    id: 'nis-revision', title: 'Spy agency raises its estimate 🇰🇵', outlet: 'Seoul Herald', published: '2025-02-10',
    url: 'https://seoul-herald.test/2025/02/10/nis-revision',
    text: "North Korea 🇰🇵 has sent more soldiers than first thought, lawmakers were told.\n\nThe NIS told lawmakers that some 15,000 North Korean troops were in Russia as of January. It said about 4,000 of them had been killed or wounded.",
    claims: [
      { quantity: 'some 15,000', value: 15000, approx: true, category: 'deployed', counted: 'North Korean troops', subject: 'North Korea', source: 'The NIS', cue: 'told', content: 'some 15,000 North Korean troops were in Russia as of January', asOf: '2025-01' },
      { quantity: 'about 4,000', value: 4000, approx: true, category: 'casualties', counted: 'killed or wounded', subject: 'North Korea', source: 'It', sourceEntity: 'NIS', cue: 'said', content: 'about 4,000 of them had been killed or wounded' },
    ],
  },
  {
    id: 'western-casualties', title: 'Heavy losses for North Korean units, officials say', outlet: 'Atlantic Daily', published: '2025-02-20',
    url: 'https://atlantic-daily.test/2025/02/20/losses',
    text: 'About 4,000 North Korean soldiers have been killed or injured, according to Western officials. The figure could not be checked.',
    claims: [{ quantity: 'About 4,000', value: 4000, approx: true, category: 'casualties', counted: 'North Korean soldiers have been killed or injured', subject: 'North Korea', source: 'Western officials', cue: 'according to', content: 'About 4,000 North Korean soldiers have been killed or injured' }],
  },
  {
    id: 'hostile', title: '<script>alert("title")</script>Hostile <b>markup</b>', outlet: '<img src=x onerror=alert("outlet")>', published: '2025-03-01',
    url: 'javascript:alert("url")',
    text: 'A reader sent this: <script>alert(1)</script> and <img src=x onerror=alert(2)>.\n\nOfficials at <i onmouseover=alert(3)>the ministry</i> said 300 North Korean troops were captured.',
    claims: [{ quantity: '300', value: 300, category: 'captured', counted: 'North Korean troops', subject: 'North Korea', source: 'Officials at <i onmouseover=alert(3)>the ministry</i>', cue: 'said', content: '300 North Korean troops were captured' }],
  },
]

/** Code-point offsets of the first occurrence of `part` in `text` (at or after `from`, UTF-16). */
function locate(text: string, part: string, from = 0): { start: number; end: number; at: number } {
  const at = text.indexOf(part, from)
  if (at < 0) throw new Error(`fixture: "${part}" not in text`)
  const start = [...text.slice(0, at)].length
  return { start, end: start + [...part].length, at }
}

function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at).search(/[^.!?\n]*$/)
  const rest = text.slice(at)
  const stop = rest.search(/[.!?](\s|$)/)
  return text.slice(before, stop < 0 ? undefined : at + stop + 1).replace(/\s+/g, ' ').trim()
}

/** The store row of a fixture article, shaped as ingest would store it. */
export function fixtureInput(a: FixtureArticle): ArticleInput {
  const hash = contentHash(a.text)
  const key = articleKey(hash)
  const quantities = []
  const attributions = []
  const claims = []
  const rows: ClaimRow[] = []
  for (const [i, c] of a.claims.entries()) {
    const q = locate(a.text, c.quantity)
    const sentence = a.text.slice(0, q.at).search(/[^.!?\n]*$/)
    const content = locate(a.text, c.content, sentence)
    const source = c.source === null ? null : locate(a.text, c.source, sentence)
    const cue = c.cue === null ? null : locate(a.text, c.cue, sentence)
    const counted = locate(a.text, c.counted, q.at)
    const value = c.value ?? null
    const low = c.low ?? null
    const high = c.high ?? null
    quantities.push({ id: `q${i + 1}`, start: q.start, end: q.end, text: c.quantity, value, low, high, approx: c.approx ?? false, bound: c.bound ?? null, vague: false, unit: null, kind: 'cardinal' })
    if (cue) {
      attributions.push({
        id: `a${attributions.length + 1}`, kind: 'indirect', cue: { start: cue.start, end: cue.end, text: c.cue },
        source: source ? { start: source.start, end: source.end, text: c.source, entity: c.sourceEntity ?? null } : null,
        content: [{ start: content.start, end: content.end, text: c.content }],
      })
    }
    claims.push({
      id: `c${i + 1}`, quantity: `q${i + 1}`, attribution: cue ? `a${attributions.length}` : null,
      counted: { category: c.category, text: c.counted, start: counted.start, end: counted.end }, subject: c.subject, planned: false, additional: false,
      source: c.source, sourceEntity: c.sourceEntity ?? null, cue: c.cue, asOf: c.asOf ?? null,
    })
    rows.push({
      key: `${key}:${q.start}-${q.end}:${value !== null ? value : `${low}-${high}`}`, ordinal: i, quantityText: c.quantity,
      start: q.start, end: q.end, value, low, high, approx: c.approx ?? false, bound: c.bound ?? null, vague: false, unit: null,
      kind: 'cardinal', category: c.category, countedText: c.counted, subject: c.subject, planned: false, additional: false, source: c.source,
      sourceEntity: c.sourceEntity ?? null, cue: c.cue, asOf: c.asOf ?? null, quote: sentenceAround(a.text, q.at),
    })
  }
  return {
    key, contentHash: hash, sourceId: a.id, url: a.url, title: a.title, outlet: a.outlet, published: a.published, language: 'en',
    signature: minhash(a.text), extractor: EXTRACTOR_VERSION, text: a.text,
    analysis: { id: a.id, title: a.title, published: a.published, language: 'en', entities: [], quantities, attributions, claims },
    claims: rows,
  }
}

/** Store every fixture article; returns their keys by fixture id. */
export async function seedFixture(store: Store): Promise<Map<string, string>> {
  const keys = new Map<string, string>()
  for (const a of FIXTURE_ARTICLES) {
    const put = await store.putArticle(fixtureInput(a))
    keys.set(a.id, put.key)
  }
  return keys
}
