import type { Store } from '../store/store.ts'
import { ingest, type IngestOptions, type IngestSummary } from './ingest.ts'

/** The shortest interval between two polls of one feed, in seconds: politeness to publishers. */
export const MIN_INTERVAL_SECONDS = 60

/** What one poll of one feed did. */
export interface PollResult extends IngestSummary {
  readonly url: string
  readonly modified: boolean
}

/**
 * Poll feeds once: a conditional GET per feed (If-None-Match / If-Modified-Since from the
 * last poll, remembered in the store), and ingest of the items not stored yet.
 *
 * @example
 * const results = await pollFeeds(['https://example.org/rss'], { store, analyzer: () => createAnalyzer() })
 */
export async function pollFeeds(feeds: readonly string[], options: Omit<IngestOptions, 'isFeed' | 'feedValidators' | 'onFeedFetched'> & { store: Store }): Promise<PollResult[]> {
  const results: PollResult[] = []
  for (const url of feeds) {
    let modified = false
    let fetched = false
    const previous = await options.store.feedState(url)
    const summary = await ingest([url], {
      ...options, isFeed: true,
      feedValidators: async () => previous,
      onFeedFetched: async (u, r) => {
        modified = r.modified
        fetched = true
        await options.store.saveFeedState({ url: u, etag: r.etag, lastModified: r.lastModified, lastPolledAt: new Date().toISOString() })
      },
    })
    // A failed fetch counts as a poll too: a feed that is down is not hammered.
    if (!fetched) {
      await options.store.saveFeedState({
        url, etag: previous?.etag ?? null, lastModified: previous?.lastModified ?? null, lastPolledAt: new Date().toISOString(),
      })
    }
    results.push({ url, modified, ...summary })
  }
  return results
}

/** Seconds to wait before polling a feed last polled at `lastPolledAt`, given the interval. */
export function secondsUntilDue(lastPolledAt: string | null, intervalSeconds: number, now = Date.now()): number {
  if (lastPolledAt === null) return 0
  const last = Date.parse(lastPolledAt)
  if (Number.isNaN(last)) return 0
  return Math.max(0, Math.ceil((last + intervalSeconds * 1000 - now) / 1000))
}
