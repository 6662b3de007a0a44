/**
 * The ledger's store: one small interface, driver-free, readonly data. Two backends
 * implement it through Kysely: SQLite (`sqlite/`, the default, a file) and PostgreSQL
 * (`postgres/`, when `DATABASE_URL` is set). `store.case.test.ts` runs one suite
 * against both.
 */

import type { FlatAmount } from '../model/types.ts'

/** A claim as stored: the JSON contract's claim, flattened with its quantity and quote. */
export interface ClaimRow extends FlatAmount {
  /** Stable key: `<article key>:<start>-<end>:<amount>` (code points); see docs/ledger.md. */
  readonly key: string
  /** Position of the claim in its article's analysis. */
  readonly ordinal: number
  readonly quantityText: string
  /** Code-point offsets of the quantity in the article text. */
  readonly start: number
  readonly end: number
  readonly kind: string
  readonly category: string
  readonly countedText: string
  readonly subject: string | null
  readonly planned: boolean
  /** The figure adds to an earlier count ("another 3,000"), not a total. */
  readonly additional: boolean
  readonly source: string | null
  readonly sourceEntity: string | null
  readonly cue: string | null
  readonly asOf: string | null
  /** The sentence the claim comes from. */
  readonly quote: string
}

/** What is known of an article, without its text. */
export interface ArticleMeta {
  /** Stable key: the first 16 hex digits of the content hash. */
  readonly key: string
  /** SHA-256 of the normalized text (see `contentHash`). */
  readonly contentHash: string
  /** The id the input gave it (JSONL `id`, file name). */
  readonly sourceId: string
  readonly url: string | null
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  readonly language: string
  /** MinHash signature of the text, for near-duplicate grouping. */
  readonly signature: readonly number[]
  /** Version of the extractor that produced the stored analysis. */
  readonly extractor: string
}

/** An article to store, with its analysis (the JSON document, as `toJsonDocument` gives it). */
export interface ArticleInput extends ArticleMeta {
  readonly text: string
  readonly analysis: unknown
  readonly claims: readonly ClaimRow[]
}

/** An article listed from the store. */
export interface StoredArticle extends ArticleMeta {
  readonly ingestedAt: string
  readonly claimCount: number
}

/** A claim joined with the article it comes from: what reconcile and export read. */
export interface LedgerClaim extends ClaimRow {
  readonly articleKey: string
  readonly outlet: string | null
  readonly url: string | null
  readonly title: string | null
  readonly published: string | null
}

/** Filters for {@link Store.claims}; all optional, combined with AND. */
export interface ClaimFilter {
  /** Words of the source or resolved source name, case-insensitive, from the start of a word ("NIS" is not found in "Ministry"). */
  readonly source?: string
  readonly category?: string
  /** Publication date bounds, inclusive, `YYYY-MM-DD`. */
  readonly since?: string
  readonly until?: string
  /** Full-text query over the quote, the counted phrase and the source. */
  readonly text?: string
  readonly articleKey?: string
}

/** Filters for {@link Store.articles}. */
export interface ArticleFilter {
  /** Full-text query over title and text. */
  readonly text?: string
  readonly outlet?: string
  readonly since?: string
  readonly until?: string
}

/** What {@link Store.putArticle} did. */
export type PutResult =
  | { readonly status: 'inserted'; readonly key: string }
  /** Already stored: `by` says which idempotence key matched. */
  | { readonly status: 'duplicate'; readonly key: string; readonly by: 'url' | 'content' }

/**
 * A user decision (an edit: merge, split or rename) about figures, as stored; `body` is the
 * decision (see reconcile's `Decision`). An undone decision stays stored, with `undoneAt`
 * set, and no longer applies.
 */
export interface StoredDecision {
  readonly id: number
  readonly body: unknown
  readonly createdAt: string
  /** When it was undone (ISO time), or null while it applies. */
  readonly undoneAt: string | null
  /** What the figures it touched looked like before it (see `ledger/edits.ts`), or null for edits stored before session 13. */
  readonly before: unknown
}

/** What `watch` remembers about a feed, to poll it politely. */
export interface FeedState {
  readonly url: string
  readonly etag: string | null
  readonly lastModified: string | null
  readonly lastPolledAt: string | null
}

/** Row counts, for summaries and idempotence checks. */
export interface StoreCounts {
  readonly articles: number
  readonly claims: number
  /** Every decision ever made, undone ones included. */
  readonly decisions: number
  /** Decisions undone so far: with `decisions`, changes whenever the applied decisions do. */
  readonly undone: number
}

/** The ledger store. Every method is one transaction; an article and its claims commit together. */
export interface Store {
  readonly backend: 'sqlite' | 'postgres'
  /** The stored article with this URL or content hash, if any. */
  findArticle(by: { readonly url: string | null; readonly contentHash: string }): Promise<ArticleMeta | null>
  /** Store an article and its claims atomically, unless its URL or content is already stored. */
  putArticle(article: ArticleInput): Promise<PutResult>
  /** Replace an article's analysis and claims (re-extraction); user decisions are untouched. */
  replaceAnalysis(key: string, analysis: unknown, claims: readonly ClaimRow[], extractor: string): Promise<void>
  articles(filter?: ArticleFilter): Promise<StoredArticle[]>
  /** One article with its text and stored analysis. */
  article(key: string): Promise<(StoredArticle & { readonly text: string; readonly analysis: unknown }) | null>
  claims(filter?: ClaimFilter): Promise<LedgerClaim[]>
  /** Record a decision; `before` notes the figures it touches as they were (kept for the history). */
  addDecision(body: unknown, before?: unknown): Promise<StoredDecision>
  /** Every decision, oldest first, undone ones included. */
  decisions(): Promise<StoredDecision[]>
  /**
   * Mark decision `id` undone, in one write transaction: `check` sees every decision as
   * stored inside it and throws to refuse (unknown id, already undone, later decisions
   * depend on it). Throws CONFLICT if it was undone meanwhile by someone else.
   */
  undoDecision(id: number, check: (decisions: readonly StoredDecision[]) => void): Promise<StoredDecision>
  feedState(url: string): Promise<FeedState | null>
  saveFeedState(state: FeedState): Promise<void>
  counts(): Promise<StoreCounts>
  close(): Promise<void>
}
