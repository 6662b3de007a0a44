import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { openSqliteStore } from '../store/sqlite/sqlite.ts'
import { contentHash, normalizeUrl } from './article.ts'
import { parseFeed } from './feed.ts'
import { fetchDocument } from './fetch.ts'
import { patternAnalyzer } from './fixtures/pattern-analyzer.ts'
import { ingest, type IngestOutcome } from './ingest.ts'

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-ingest-'))
after(() => rmSync(dir, { recursive: true, force: true }))
let dbN = 0
const newStore = () => openSqliteStore(join(dir, `l${dbN++}.db`))
const analyzer = patternAnalyzer()

function run(inputs: string[], store: ReturnType<typeof newStore>, extra: Partial<Parameters<typeof ingest>[1]> = {}) {
  const outcomes: IngestOutcome[] = []
  return ingest(inputs, { store, analyzer: () => analyzer, onOutcome: (o) => outcomes.push(o), timeoutMs: 2000, hostDelayMs: 0, ...extra })
    .then(({ ingested, skipped, failed }) => ({ summary: { ingested, skipped, failed }, outcomes }))
}

describe('keys', () => {
  test('content hash ignores white space differences, not words', () => {
    assert.equal(contentHash('About 12,000 troops\r\n arrived.  '), contentHash('About 12,000 troops arrived.'))
    assert.notEqual(contentHash('About 12,000 troops arrived.'), contentHash('About 11,000 troops arrived.'))
  })
  test('URLs drop fragments, tracking parameters and trailing slashes', () => {
    assert.equal(normalizeUrl('https://Example.org/a/b/?utm_source=x&id=3#top'), 'https://example.org/a/b?id=3')
    assert.equal(normalizeUrl('ftp://example.org/x'), null)
    assert.equal(normalizeUrl('not a url'), null)
  })
})

describe('ingest files and folders', () => {
  test('stores every readable document once; bad ones are reported and do not stop the rest', async () => {
    const root = join(dir, 'corpus')
    mkdirSync(join(root, 'sub'), { recursive: true })
    writeFileSync(join(root, 'a.txt'), 'About 11,000 North Korean troops are in Russia, according to Ukrainian Intelligence.')
    writeFileSync(join(root, 'sub', 'b.html'), '<html><head><title>B</title></head><body><article><p>Some 300 killed in Kursk, according to Seoul.</p></article></body></html>')
    writeFileSync(join(root, 'c.jsonl'), [
      JSON.stringify({ id: 'c1', text: 'Pyongyang sent 12,000 soldiers, according to The Pentagon.', published: '2024-11-05', outlet: 'Wire', url: 'https://wire.example/c1' }),
      '{not json',
      JSON.stringify({ id: 'c2', text: 'No figures here at all.', published: '2024-11-06' }),
    ].join('\n'))
    writeFileSync(join(root, 'empty.txt'), '   ')
    const store = newStore()
    try {
      const first = await run([root], store)
      assert.deepEqual(first.summary, { ingested: 4, skipped: 0, failed: 2 })
      assert.ok(first.outcomes.some((o) => o.status === 'failed' && o.origin.endsWith('c.jsonl:2')))
      assert.deepEqual(await store.counts(), { articles: 4, claims: 3, decisions: 0, undone: 0 })
      const claims = await store.claims({ source: 'pentagon' })
      assert.equal(claims.length, 1)
      assert.equal(claims[0].outlet, 'Wire')
      assert.equal(claims[0].quote, 'Pyongyang sent 12,000 soldiers, according to The Pentagon.')
      const second = await run([root], store)
      assert.deepEqual(second.summary, { ingested: 0, skipped: 4, failed: 2 })
      assert.deepEqual(await store.counts(), { articles: 4, claims: 3, decisions: 0, undone: 0 })
    } finally {
      await store.close()
    }
  })

  test('the same text under another name is skipped by content', async () => {
    const a = join(dir, 'same-a.txt')
    const b = join(dir, 'same-b.txt')
    writeFileSync(a, 'About 11,000 troops.\n')
    writeFileSync(b, 'About   11,000 troops.')
    const store = newStore()
    try {
      const { outcomes } = await run([a, b], store)
      assert.deepEqual(outcomes.map((o) => o.status), ['ingested', 'skipped'])
      assert.equal(outcomes[1].status === 'skipped' && outcomes[1].by, 'content')
    } finally {
      await store.close()
    }
  })

  test('the event loop turns between documents, so Ctrl-C is heard in the middle of a JSONL file (rev16)', async () => {
    // A signal handler (the CLI's Ctrl-C) runs only when the event loop turns; records of
    // one JSONL file were analysed and stored with nothing but promises between them, so
    // `claimtrail start` heard Ctrl-C only once the whole demo corpus was in.
    const path = join(dir, 'turns.jsonl')
    writeFileSync(path, Array.from({ length: 5 }, (_, i) => JSON.stringify({ id: `t${i}`, text: `About ${1000 + i} troops arrived, according to Seoul.` })).join('\n'))
    const store = newStore()
    let seenAtTurn = -1
    let seen = 0
    try {
      await ingest([path], {
        store, analyzer: () => analyzer,
        onOutcome: () => { if (seen++ === 0) setImmediate(() => { seenAtTurn = seen }) },
      })
      assert.equal(seen, 5)
      assert.ok(seenAtTurn >= 1 && seenAtTurn < 5, `the loop turned after ${seenAtTurn} of 5 documents`)
    } finally {
      await store.close()
    }
  })

  test('a model that fails to load ends the run with its error', async () => {
    const store = newStore()
    const path = join(dir, 'model-fail.txt')
    writeFileSync(path, 'About 11,000 troops.')
    try {
      await assert.rejects(ingest([path], { store, analyzer: () => { throw new Error('model missing') } }), /model missing/)
    } finally {
      await store.close()
    }
  })
})

describe('ingest URLs and feeds', () => {
  let server: Server
  let base = ''
  const hits = new Map<string, number>()
  const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {
    '/story': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<html><head><title>Story</title></head><body><nav>Menu</nav><article><p>About 12,000 North Korean troops are in Kursk, according to Kyiv.</p></article></body></html>')
    },
    '/pdf': (res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' })
      res.end('%PDF-1.4')
    },
    '/big': (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('x'.repeat(50_000))
    },
    // Markup around a short text: 30 KB of page for 70 bytes of article.
    '/heavy-page': (res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(`<html><head><style>${'p{color:red}'.repeat(2500)}</style></head><body><article><p>About 12,000 North Korean troops are in Kursk, officials said.</p></article></body></html>`)
    },
    '/long-feed-item': (res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' })
      res.end(`<rss><channel><title>Long Wire</title><item><guid>long-1</guid><description>${'About 300 troops arrived, officials said. '.repeat(500)}</description></item></channel></rss>`)
    },
    '/slow': () => {},
    '/missing': (res) => {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('no')
    },
    '/rss': (res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' })
      res.end(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example Wire</title>
        <item><title>Full item</title><link>${base}/items/1</link><guid>item-1</guid><pubDate>Tue, 05 Nov 2024 10:00:00 GMT</pubDate>
        <content:encoded><![CDATA[<p>${'Context sentence about the war. '.repeat(15)}</p><p>About 3,000 North Korean troops moved west, according to Seoul &amp; allies.</p>]]></content:encoded></item>
        <item><title>Teaser item</title><link>${base}/story</link><guid>item-2</guid><pubDate>2024-11-06T08:00:00Z</pubDate><description>Short teaser.</description></item>
      </channel></rss>`)
    },
    // Older and regional news sites serve legacy encodings, in the header or in a meta tag.
    '/latin': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
      res.end(Buffer.concat([Buffer.from('<html><body><article><p>Caf'), Buffer.from([0xe9]), Buffer.from(' owners said 300 North Korean troops arrived, according to Kyiv'), Buffer.from([0x92]), Buffer.from('s envoy.</p></article></body></html>')]))
    },
    '/euc-kr': (res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(Buffer.concat([Buffer.from('<html><head><meta charset="euc-kr"></head><body><article><p>'), Buffer.from([186, 207, 199, 209, 177, 186]), Buffer.from(' About 12,000 troops were sent, officials said.</p></article></body></html>')]))
    },
    '/latin-feed': (res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' })
      res.end(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\u00e9 Wire</title><item><guid>l1</guid><description>${'Le caf\u00e9 est fermé: 300 soldats sont arrivés, selon le ministère. '.repeat(8)}</description></item></channel></rss>`, 'latin1'))
    },
    // Feeds (and XHTML pages) often declare their encoding only in the XML declaration.
    '/xml-decl-feed': (res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' })
      res.end(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Caf'), Buffer.from([0xe9]),
        Buffer.from(' Gazette</title><item><guid>x1</guid><description>'), Buffer.from(`${'The ministry\x92s count rose again. '.repeat(12)}About 300 North Korean troops arrived, officials said.`, 'latin1'),
        Buffer.from('</description></item></channel></rss>')]))
    },
    '/xml-decl-page': (res) => {
      res.writeHead(200, { 'content-type': 'application/xhtml+xml' })
      res.end(Buffer.concat([Buffer.from("<?xml version='1.0' encoding='ISO-8859-1'?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><article><p>Caf"), Buffer.from([0xe9]),
        Buffer.from(' owners said 400 North Korean troops arrived.</p></article></body></html>')]))
    },
    '/bad-latin': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=x-no-such-encoding' })
      res.end('<html><body><p>Officials said 300 troops arrived.</p></body></html>')
    },
    '/evil': (res) => {
      res.writeHead(200, { 'content-type': 'application/xml' })
      res.end('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>')
    },
  }
  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/'
      hits.set(path, (hits.get(path) ?? 0) + 1)
      const route = routes[path]
      if (route) route(res)
      else {
        res.writeHead(404)
        res.end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => {
    server.closeAllConnections()
    server.close()
  })

  test('fetches a page, extracts its article, and does not fetch it again', async () => {
    const store = newStore()
    try {
      const first = await run([`${base}/story`], store)
      assert.deepEqual(first.summary, { ingested: 1, skipped: 0, failed: 0 })
      const [a] = await store.articles()
      assert.equal(a.title, 'Story')
      assert.equal(a.outlet, '127.0.0.1')
      assert.equal((await store.article(a.key))?.text, 'About 12,000 North Korean troops are in Kursk, according to Kyiv.')
      const before = hits.get('/story')
      const again = await run([`${base}/story#comments`], store)
      assert.deepEqual(again.summary, { ingested: 0, skipped: 1, failed: 0 })
      assert.equal(hits.get('/story'), before)
    } finally {
      await store.close()
    }
  })

  test('a page in its declared encoding (header charset or meta tag) is decoded, not refused', async () => {
    const store = newStore()
    try {
      const { summary, outcomes } = await run([`${base}/latin`, `${base}/euc-kr`, `${base}/bad-latin`], store)
      assert.deepEqual(summary, { ingested: 2, skipped: 0, failed: 1 }, JSON.stringify(outcomes))
      const texts = await Promise.all((await store.articles()).map(async (a) => (await store.article(a.key))?.text))
      assert.ok(texts.includes('Café owners said 300 North Korean troops arrived, according to Kyiv’s envoy.'), JSON.stringify(texts))
      assert.ok(texts.includes('북한군 About 12,000 troops were sent, officials said.'), JSON.stringify(texts))
      const failed = outcomes.find((o) => o.status === 'failed')
      assert.match(failed?.status === 'failed' ? failed.reason : '', /unknown character encoding "x-no-such-encoding"/)
      const feed = await run([`${base}/latin-feed`], store, { isFeed: true })
      assert.deepEqual(feed.summary, { ingested: 1, skipped: 0, failed: 0 }, JSON.stringify(feed.outcomes))
      const stored = (await store.articles()).find((a) => a.outlet === 'Café Wire')
      assert.ok(stored, 'the feed title is decoded too')
      assert.match((await store.article(stored.key))?.text ?? '', /^Le café est fermé: 300 soldats sont arrivés, selon le ministère\./)
    } finally {
      await store.close()
    }
  })

  test('a feed or page that declares its encoding only in <?xml encoding=...?> is decoded in it', async () => {
    const store = newStore()
    try {
      const { summary, outcomes } = await run([`${base}/xml-decl-feed`], store, { isFeed: true })
      assert.deepEqual(summary, { ingested: 1, skipped: 0, failed: 0 }, JSON.stringify(outcomes))
      const page = await run([`${base}/xml-decl-page`], store)
      assert.deepEqual(page.summary, { ingested: 1, skipped: 0, failed: 0 }, JSON.stringify(page.outcomes))
      const articles = await store.articles()
      const fromFeed = articles.find((a) => a.outlet === 'Café Gazette')
      assert.ok(fromFeed, JSON.stringify(articles.map((a) => a.outlet)))
      assert.match((await store.article(fromFeed.key))?.text ?? '', /^The ministry’s count rose again\./)
      const texts = await Promise.all(articles.map(async (a) => (await store.article(a.key))?.text))
      assert.ok(texts.includes('Café owners said 400 North Korean troops arrived.'), JSON.stringify(texts))
    } finally {
      await store.close()
    }
  })

  test('a page that cannot be reached says why in words, not "fetch failed (fetch failed)"', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const store = newStore()
    try {
      const { outcomes } = await run([`http://127.0.0.1:${port}/story`, 'http://127.0.0.1:1/story'], store)
      const reasons = outcomes.map((o) => (o.status === 'failed' ? o.reason : o.status))
      assert.equal(reasons[0], `http://127.0.0.1:${port}/story: cannot connect: nothing answers at 127.0.0.1:${port} (connection refused)`)
      assert.equal(reasons[1], 'http://127.0.0.1:1/story: cannot fetch: port 1 is a port browsers and fetch refuse to use (bad port)')
    } finally {
      await store.close()
    }
  })

  test('waits between two page fetches from one host', async () => {
    const store = newStore()
    try {
      const started = Date.now()
      await run([`${base}/missing`, `${base}/pdf`, `${base}/missing`], store, { hostDelayMs: 150 })
      assert.ok(Date.now() - started >= 300, 'three fetches, two waits')
    } finally {
      await store.close()
    }
  })

  test('refuses wrong content types, oversized bodies, timeouts and errors, one line each', async () => {
    const store = newStore()
    try {
      const { summary, outcomes } = await run([`${base}/pdf`, `${base}/big`, `${base}/slow`, `${base}/missing`, `${base}/rss`], store, { maxBytes: 10_000, timeoutMs: 300 })
      assert.deepEqual(summary, { ingested: 0, skipped: 0, failed: 5 })
      const reasons = outcomes.map((o) => (o.status === 'failed' ? o.reason : ''))
      assert.match(reasons[0], /content type "application\/pdf"/)
      assert.match(reasons[1], /limit/)
      assert.match(reasons[2], /timed out/)
      assert.match(reasons[3], /HTTP 404/)
      assert.match(reasons[4], /--feed/)
      assert.ok(reasons.every((r) => !r.includes('\n')))
    } finally {
      await store.close()
    }
  })

  test('one cap for every document\'s text, markup allowed ten times it, for pages and feeds as for files (session 12)', async () => {
    const store = newStore()
    try {
      // --max-bytes 10000: the page's 30 KB of markup is under 10 times the cap and its text under the cap.
      const page = await run([`${base}/heavy-page`], store, { maxBytes: 10_000 })
      assert.deepEqual(page.summary, { ingested: 1, skipped: 0, failed: 0 }, JSON.stringify(page.outcomes))
      // A feed item's 21 KB of text is over the cap, as it would be in a file.
      const feed = await run([`${base}/long-feed-item`], store, { maxBytes: 10_000, isFeed: true })
      assert.deepEqual(feed.summary, { ingested: 0, skipped: 0, failed: 1 })
      assert.match(feed.outcomes[0].status === 'failed' ? feed.outcomes[0].reason : '', /: 20\.\d KB is over the 9\.8 KB limit per document; split it or raise --max-bytes$/)
      // The text of a plain-text page is its body: over the cap, refused before analysis.
      const big = await run([`${base}/big`], store, { maxBytes: 10_000 })
      assert.match(big.outcomes[0].status === 'failed' ? big.outcomes[0].reason : '', /limit per document/)
    } finally {
      await store.close()
    }
  })

  test('a feed: full items from their content, teasers from their page; hostile feeds refused', async () => {
    const store = newStore()
    try {
      const { summary } = await run([`${base}/rss`, `${base}/evil`], store, { isFeed: true })
      assert.deepEqual(summary, { ingested: 2, skipped: 0, failed: 1 })
      const articles = await store.articles()
      assert.deepEqual(articles.map((a) => [a.published, a.outlet, a.sourceId]), [
        ['2024-11-05', 'Example Wire', 'item-1'], ['2024-11-06', 'Example Wire', 'item-2'],
      ])
      const claims = await store.claims()
      assert.deepEqual(claims.map((c) => c.value), [3000, 12000])
      assert.match(claims[0].quote, /Seoul & allies/)
      const again = await run([`${base}/rss`], store, { isFeed: true })
      assert.deepEqual(again.summary, { ingested: 0, skipped: 2, failed: 0 })
    } finally {
      await store.close()
    }
  })
})

test('a fetched page or feed may be 10 MB by default (10 times the 1 MB text cap), no longer 5 MB', async () => {
  const stub = (bytes: number): typeof fetch => async () => new Response('<p>About 300 troops arrived.</p>', { headers: { 'content-type': 'text/html', 'content-length': String(bytes) } })
  const ok = await fetchDocument('https://x.example/a', { fetchImpl: stub(6 * 1024 * 1024) })
  assert.equal(ok.status, 'ok')
  await assert.rejects(fetchDocument('https://x.example/b', { fetchImpl: stub(11 * 1024 * 1024) }),
    { message: 'https://x.example/b: 11.0 MB is over the 10 MB download limit (10 times --max-bytes, since markup is not text); raise --max-bytes' })
})

describe('feeds saved to disk (session 12)', () => {
  const longText = `${'Context sentence about the war in the east. '.repeat(12)}About 3,000 North Korean troops moved west, according to Seoul.`

  test('--feed reads an RSS or Atom file, in the encoding its XML declaration names', async () => {
    const rss = join(dir, 'saved.xml')
    writeFileSync(rss, Buffer.from(`<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Caf\u00e9 Wire</title>
      <item><guid>s1</guid><pubDate>Tue, 05 Nov 2024 10:00:00 GMT</pubDate><description>${longText}</description></item></channel></rss>`, 'latin1'))
    const atom = join(dir, 'saved.atom')
    writeFileSync(atom, `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:a,1</id><updated>2024-11-06T10:00:00Z</updated><content type="html">&lt;p&gt;${longText.replace('3,000', '4,000')}&lt;/p&gt;</content></entry></feed>`)
    const store = newStore()
    try {
      const { summary, outcomes } = await run([rss, atom], store, { isFeed: true })
      assert.deepEqual(summary, { ingested: 2, skipped: 0, failed: 0 }, JSON.stringify(outcomes))
      const articles = await store.articles()
      // An Atom file without a title takes its file name as the outlet, as a URL takes its host.
      assert.deepEqual(articles.map((a) => [a.sourceId, a.published, a.outlet]).sort(), [['s1', '2024-11-05', 'Café Wire'], ['tag:a,1', '2024-11-06', 'saved']])
      const again = await run([rss], store, { isFeed: true })
      assert.deepEqual(again.summary, { ingested: 0, skipped: 1, failed: 0 })
    } finally {
      await store.close()
    }
  })

  test('with --feed, a missing or malformed feed file says why; documents and folders beside feeds are read as documents', async () => {
    const docs = join(dir, 'docs-beside-feeds')
    mkdirSync(docs)
    writeFileSync(join(docs, 'article.txt'), 'About 3,000 North Korean troops moved west, according to Seoul.')
    const notFeed = join(dir, 'not-a-feed.xml')
    writeFileSync(notFeed, 'About 3,000 North Korean troops moved west.')
    const store = newStore()
    try {
      const { summary, outcomes } = await run([docs, join(dir, 'nope.xml'), notFeed], store, { isFeed: true })
      assert.deepEqual(summary, { ingested: 1, skipped: 0, failed: 2 })
      assert.deepEqual(outcomes.map((o) => (o.status === 'failed' ? o.reason.replace(dir, 'DIR') : o.status)), [
        'ingested',
        'DIR/nope.xml: no such file',
        "DIR/not-a-feed.xml: not an RSS or Atom feed: not well-formed XML (char 'A' is not expected.:1:1)",
      ])
    } finally {
      await store.close()
    }
  })

  test('a feed file given without --feed is refused with the hint to add it', async () => {
    const rss = join(dir, 'hint.rss')
    writeFileSync(rss, '<rss><channel><title>W</title></channel></rss>')
    const store = newStore()
    try {
      const { outcomes } = await run([rss], store)
      assert.match(outcomes[0].status === 'failed' ? outcomes[0].reason : '', /unsupported file type "\.rss"; use \.txt, \.html or \.jsonl \(an RSS or Atom feed: 'claimtrail ingest --feed FILE' reads it\)$/)
    } finally {
      await store.close()
    }
  })
})

describe('feed parsing', () => {
  test('Atom entries with links, dates and content', () => {
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
      <entry><id>tag:x,1</id><title>One</title><link rel="alternate" href="https://x.example/1"/><updated>2025-01-09T10:00:00Z</updated><content type="html">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`)
    assert.equal(feed.title, 'Atom Wire')
    assert.deepEqual(feed.items.map((i) => [i.id, i.url, i.published, i.content]), [['tag:x,1', 'https://x.example/1', '2025-01-09', '<p>Hi</p>']])
  })
  test('entity declarations and garbage are refused with a reason', () => {
    assert.throws(() => parseFeed('<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><rss/>'), /refused/)
    assert.throws(() => parseFeed('<html><body>not a feed</body></html>'), /not an RSS or Atom feed/)
  })
  test('a feed cut short names the tags left open, not the parser\'s JSON list (rev15)', () => {
    assert.throws(() => parseFeed('<rss><channel><item><title>A</title></item>', 'saved.xml'),
      { message: 'saved.xml: not an RSS or Atom feed: not well-formed XML (<rss>, <channel> not closed)' })
    assert.throws(() => parseFeed('<rss><channel></rss>', 'x.xml'), { message: /^x\.xml: not an RSS or Atom feed: not well-formed XML \(Expected closing tag 'channel'/ })
  })
})
