import type { Generated } from 'kysely'

/**
 * The ledger's tables as Kysely sees them. One schema for both backends; booleans are
 * stored as integers 0/1 so that rows read back the same from SQLite and PostgreSQL,
 * dates as ISO text, JSON as text. Full-text indexes are backend-specific and live in
 * the migrations only (FTS5 tables in SQLite, tsvector columns in PostgreSQL).
 */
export interface Database {
  articles: ArticlesTable
  claims: ClaimsTable
  decisions: DecisionsTable
  feeds: FeedsTable
  claimtrail_migrations: { id: string; applied_at: string }
}

/** One row per stored article; `key` and `content_hash` and `url` are unique. */
export interface ArticlesTable {
  id: Generated<number>
  key: string
  content_hash: string
  source_id: string
  url: string | null
  title: string | null
  outlet: string | null
  published: string | null
  language: string
  text: string
  analysis: string
  signature: string
  extractor: string
  ingested_at: string
}

/** One row per claim, flattened with its quantity; `key` is the stable claim key. */
export interface ClaimsTable {
  id: Generated<number>
  article_id: number
  key: string
  ordinal: number
  quantity_text: string
  start_cp: number
  end_cp: number
  value: number | null
  low: number | null
  high: number | null
  approx: number
  bound: string | null
  vague: number
  unit: string | null
  kind: string
  category: string
  counted_text: string
  subject: string | null
  planned: number
  additional: number
  source: string | null
  source_entity: string | null
  cue: string | null
  as_of: string | null
  quote: string
}

/** User decisions (edits) about figures, as JSON, applied in `id` order unless undone. */
export interface DecisionsTable {
  id: Generated<number>
  body: string
  created_at: string
  /** When the edit was undone (ISO time); null while it applies. Migration 0004. */
  undone_at: string | null
  /** JSON: the figures the edit touched as they were before it, for the history; null for older rows. */
  before: string | null
}

/** What `watch` remembers per feed for conditional requests. */
export interface FeedsTable {
  url: string
  etag: string | null
  last_modified: string | null
  last_polled_at: string | null
}
