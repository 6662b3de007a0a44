import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { openSqliteStore } from '../store/sqlite/sqlite.ts'
import { patternAnalyzer } from './fixtures/pattern-analyzer.ts'
import { pollFeeds, secondsUntilDue } from './watch.ts'

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-watch-'))
after(() => rmSync(dir, { recursive: true, force: true }))

test('polls with ETag and If-Modified-Since; an unchanged feed is not re-read', async () => {
  const seen: IncomingHttpHeaders[] = []
  let items = 1
  const server = createServer((req, res) => {
    seen.push(req.headers)
    const etag = `"v${items}"`
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304)
      res.end()
      return
    }
    const body = Array.from({ length: items }, (_, i) => `<item><guid>g${i}</guid><title>T${i}</title><description>${'Filler words for the body. '.repeat(20)} About ${1000 * (i + 1)} troops, according to Kyiv.</description></item>`).join('')
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': 'Tue, 05 Nov 2024 10:00:00 GMT' })
    res.end(`<rss><channel><title>W</title>${body}</channel></rss>`)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`
  const store = openSqliteStore(join(dir, 'w.db'))
  const analyzer = patternAnalyzer()
  try {
    const first = await pollFeeds([url], { store, analyzer: () => analyzer })
    assert.deepEqual(first.map((r) => [r.modified, r.ingested]), [[true, 1]])
    const state = await store.feedState(url)
    assert.equal(state?.etag, '"v1"')
    const second = await pollFeeds([url], { store, analyzer: () => analyzer })
    assert.deepEqual(second.map((r) => [r.modified, r.ingested]), [[false, 0]])
    assert.equal(seen[1]['if-none-match'], '"v1"')
    assert.equal(seen[1]['if-modified-since'], 'Tue, 05 Nov 2024 10:00:00 GMT')
    items = 2
    const third = await pollFeeds([url], { store, analyzer: () => analyzer })
    assert.deepEqual(third.map((r) => [r.modified, r.ingested, r.skipped]), [[true, 1, 1]])
    assert.equal((await store.counts()).articles, 2)
  } finally {
    await store.close()
    server.closeAllConnections()
    server.close()
  }
})

test('the interval is measured from the last poll', () => {
  const now = Date.parse('2025-01-01T00:10:00Z')
  assert.equal(secondsUntilDue(null, 900, now), 0)
  assert.equal(secondsUntilDue('2025-01-01T00:00:00Z', 900, now), 300)
  assert.equal(secondsUntilDue('2024-12-31T00:00:00Z', 900, now), 0)
})
