import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely'
import { ClaimtrailError, isClaimtrailError } from '../model/errors.ts'
import type { Database } from './schema.ts'
import type {
  ArticleFilter, ArticleInput, ArticleMeta, ClaimFilter, ClaimRow, FeedState, LedgerClaim, PutResult, Store,
  StoredArticle, StoredDecision, StoreCounts,
} from './store.ts'

/** What differs between backends once the schema exists: the full-text predicates. */
export interface BackendParts {
  readonly backend: 'sqlite' | 'postgres'
  /** A predicate on `articles` matching a user's full-text query. */
  articleText(query: string): Expression<SqlBool>
  /** A predicate on `claims` matching a user's full-text query. */
  claimText(query: string): Expression<SqlBool>
  /** Run `fn` in a write transaction that takes the write lock at its start. */
  writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>
  /** A driver's error (read-only file, full disk, server gone) as one line the user can act on. */
  describeError(e: unknown): string
  close(): Promise<void>
}

const bool = (b: boolean): number => (b ? 1 : 0)

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ClaimtrailError('STORE', `a stored ${what} is not valid JSON; the database may be damaged`)
  }
}

function claimValues(articleId: number, c: ClaimRow) {
  return {
    article_id: articleId, key: c.key, ordinal: c.ordinal, quantity_text: c.quantityText,
    start_cp: c.start, end_cp: c.end, value: c.value, low: c.low, high: c.high,
    approx: bool(c.approx), bound: c.bound, vague: bool(c.vague), unit: c.unit, kind: c.kind,
    category: c.category, counted_text: c.countedText, subject: c.subject, planned: bool(c.planned), additional: bool(c.additional),
    source: c.source, source_entity: c.sourceEntity, cue: c.cue, as_of: c.asOf, quote: c.quote,
  }
}

function toDecision(r: Selectable<Database['decisions']>): StoredDecision {
  return {
    id: r.id, body: parseJson<unknown>(r.body, 'decision'), createdAt: r.created_at, undoneAt: r.undone_at,
    before: r.before === null ? null : parseJson<unknown>(r.before, 'decision note'),
  }
}

type ArticleRow = Omit<Database['articles'], 'id' | 'text' | 'analysis'>

function toMeta(r: ArticleRow): ArticleMeta {
  return {
    key: r.key, contentHash: r.content_hash, sourceId: r.source_id, url: r.url, title: r.title,
    outlet: r.outlet, published: r.published, language: r.language,
    signature: parseJson<number[]>(r.signature, 'signature'), extractor: r.extractor,
  }
}

// Postgres returns count(*) as a string (bigint); SQLite as a number.
const num = (v: unknown): number => Number(v ?? 0)

const META_COLUMNS = [
  'articles.key', 'articles.content_hash', 'articles.source_id', 'articles.url', 'articles.title',
  'articles.outlet', 'articles.published', 'articles.language', 'articles.signature', 'articles.extractor',
  'articles.ingested_at',
] as const

/**
 * The {@link Store} over a Kysely database whose schema is migrated. Shared by both
 * backends; `parts` supplies what differs.
 */
export function createKyselyStore(db: Kysely<Database>, parts: BackendParts): Store {
  const store: Store = {
    backend: parts.backend,

    async findArticle({ url, contentHash }) {
      let q = db.selectFrom('articles').select(META_COLUMNS)
      q = url === null ? q.where('content_hash', '=', contentHash)
        : q.where((eb) => eb.or([eb('content_hash', '=', contentHash), eb('url', '=', url)]))
      const row = await q.limit(1).executeTakeFirst()
      return row ? toMeta(row) : null
    },

    async putArticle(a: ArticleInput): Promise<PutResult> {
      return parts.writeTransaction(db, async (trx) => {
        const inserted = await trx.insertInto('articles').values({
          key: a.key, content_hash: a.contentHash, source_id: a.sourceId, url: a.url, title: a.title,
          outlet: a.outlet, published: a.published, language: a.language, text: a.text,
          analysis: JSON.stringify(a.analysis), signature: JSON.stringify(a.signature), extractor: a.extractor,
          ingested_at: new Date().toISOString(),
        }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst()
        if (!inserted) {
          const existing = await trx.selectFrom('articles').select(['key', 'url', 'content_hash'])
            .where((eb) => eb.or([
              eb('content_hash', '=', a.contentHash), eb('key', '=', a.key),
              ...(a.url !== null ? [eb('url', '=', a.url)] : []),
            ])).limit(1).executeTakeFirstOrThrow()
          return { status: 'duplicate', key: existing.key, by: existing.content_hash === a.contentHash ? 'content' : 'url' }
        }
        if (a.claims.length > 0) {
          await trx.insertInto('claims').values(a.claims.map((c) => claimValues(inserted.id, c))).execute()
        }
        return { status: 'inserted', key: a.key }
      })
    },

    async replaceAnalysis(key, analysis, claims, extractor) {
      await parts.writeTransaction(db, async (trx) => {
        const row = await trx.updateTable('articles').set({ analysis: JSON.stringify(analysis), extractor })
          .where('key', '=', key).returning('id').executeTakeFirst()
        if (!row) throw new ClaimtrailError('NOT_FOUND', `no article with key ${key}`)
        await trx.deleteFrom('claims').where('article_id', '=', row.id).execute()
        if (claims.length > 0) await trx.insertInto('claims').values(claims.map((c) => claimValues(row.id, c))).execute()
      })
    },

    async articles(filter: ArticleFilter = {}): Promise<StoredArticle[]> {
      let q = db.selectFrom('articles')
        .select([...META_COLUMNS, (eb) => eb.selectFrom('claims').select((e) => e.fn.countAll().as('n'))
          .whereRef('claims.article_id', '=', 'articles.id').as('claim_count')])
      if (filter.text) q = q.where(parts.articleText(filter.text))
      if (filter.outlet) q = q.where(sql<SqlBool>`lower(articles.outlet) = lower(${filter.outlet})`)
      if (filter.since) q = q.where('articles.published', '>=', filter.since)
      if (filter.until) q = q.where('articles.published', '<=', filter.until)
      const rows = await q.orderBy('articles.published').orderBy('articles.key').execute()
      return rows.map((r) => ({ ...toMeta(r), ingestedAt: r.ingested_at, claimCount: num(r.claim_count) }))
    },

    async article(key) {
      const r = await db.selectFrom('articles')
        .select([...META_COLUMNS, 'articles.text', 'articles.analysis', (eb) => eb.selectFrom('claims')
          .select((e) => e.fn.countAll().as('n')).whereRef('claims.article_id', '=', 'articles.id').as('claim_count')])
        .where('key', '=', key).executeTakeFirst()
      if (!r) return null
      return {
        ...toMeta(r), ingestedAt: r.ingested_at, claimCount: num(r.claim_count), text: r.text,
        analysis: parseJson<unknown>(r.analysis, 'analysis'),
      }
    },

    async claims(filter: ClaimFilter = {}): Promise<LedgerClaim[]> {
      let q = db.selectFrom('claims').innerJoin('articles', 'articles.id', 'claims.article_id')
        .selectAll('claims')
        .select(['articles.key as article_key', 'articles.outlet', 'articles.url', 'articles.title', 'articles.published'])
      if (filter.category) q = q.where('claims.category', '=', filter.category)
      if (filter.since) q = q.where('articles.published', '>=', filter.since)
      if (filter.until) q = q.where('articles.published', '<=', filter.until)
      if (filter.articleKey) q = q.where('articles.key', '=', filter.articleKey)
      if (filter.source) {
        const pattern = `%${filter.source.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        q = q.where(sql<SqlBool>`lower(coalesce(claims.source_entity, '') || ' ' || coalesce(claims.source, '')) like ${pattern} escape '\\'`)
      }
      if (filter.text) q = q.where(parts.claimText(filter.text))
      let rows = await q.orderBy('articles.published').orderBy('articles.key').orderBy('claims.ordinal').execute()
      // LIKE finds the text anywhere; a name is looked for from the start of a word, so
      // that "NIS" does not find "UK Ministry of Defence" (one regular expression, the
      // same on both backends, over the few rows LIKE kept).
      if (filter.source) {
        const startsWord = new RegExp(`(?:^|[^\\p{L}\\p{N}])${filter.source.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u')
        rows = rows.filter((r) => startsWord.test(`${r.source_entity ?? ''} ${r.source ?? ''}`.toLowerCase()))
      }
      return rows.map((r) => ({
        key: r.key, ordinal: r.ordinal, quantityText: r.quantity_text, start: r.start_cp, end: r.end_cp,
        value: r.value, low: r.low, high: r.high, approx: r.approx === 1,
        bound: r.bound === 'at_least' || r.bound === 'at_most' ? r.bound : null, vague: r.vague === 1,
        unit: r.unit, kind: r.kind, category: r.category, countedText: r.counted_text, subject: r.subject,
        planned: r.planned === 1, additional: r.additional === 1, source: r.source, sourceEntity: r.source_entity, cue: r.cue, asOf: r.as_of,
        quote: r.quote, articleKey: r.article_key, outlet: r.outlet, url: r.url, title: r.title, published: r.published,
      }))
    },

    async addDecision(body, before = null): Promise<StoredDecision> {
      const createdAt = new Date().toISOString()
      const row = await db.insertInto('decisions')
        .values({ body: JSON.stringify(body), created_at: createdAt, undone_at: null, before: before === null ? null : JSON.stringify(before) })
        .returning('id').executeTakeFirstOrThrow()
      return { id: row.id, body, createdAt, undoneAt: null, before }
    },

    async decisions(): Promise<StoredDecision[]> {
      const rows = await db.selectFrom('decisions').selectAll().orderBy('id').execute()
      return rows.map(toDecision)
    },

    async undoDecision(id, check): Promise<StoredDecision> {
      return parts.writeTransaction(db, async (trx) => {
        // PostgreSQL: no decision may be added between the check and the mark (a later
        // edit building on this one would be missed). SQLite's BEGIN IMMEDIATE holds the
        // write lock already; this mode lets reads go on and makes writers wait.
        if (parts.backend === 'postgres') await sql`lock table decisions in share row exclusive mode`.execute(trx)
        const rows = await trx.selectFrom('decisions').selectAll().orderBy('id').execute()
        check(rows.map(toDecision))
        // Only a decision still applied is marked: of two undos at once, one wins.
        const row = await trx.updateTable('decisions').set({ undone_at: new Date().toISOString() })
          .where('id', '=', id).where('undone_at', 'is', null).returningAll().executeTakeFirst()
        if (!row) throw new ClaimtrailError('CONFLICT', `edit #${id} was undone meanwhile, by another request; nothing to do`)
        return toDecision(row)
      })
    },

    async feedState(url): Promise<FeedState | null> {
      const r = await db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst()
      return r ? { url: r.url, etag: r.etag, lastModified: r.last_modified, lastPolledAt: r.last_polled_at } : null
    },

    async saveFeedState(s) {
      const values = { url: s.url, etag: s.etag, last_modified: s.lastModified, last_polled_at: s.lastPolledAt }
      await db.insertInto('feeds').values(values)
        .onConflict((oc) => oc.column('url').doUpdateSet({ etag: values.etag, last_modified: values.last_modified, last_polled_at: values.last_polled_at }))
        .execute()
    },

    async counts(): Promise<StoreCounts> {
      const [a, c, d] = await Promise.all([
        db.selectFrom('articles').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow(),
        db.selectFrom('claims').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow(),
        db.selectFrom('decisions').select((e) => [e.fn.countAll().as('n'), e.fn.count('undone_at').as('undone')]).executeTakeFirstOrThrow(),
      ])
      return { articles: num(a.n), claims: num(c.n), decisions: num(d.n), undone: num(d.undone) }
    },

    async close() {
      await db.destroy()
      await parts.close()
    },
  }
  // Every method answers driver errors as STORE errors, translated once here: the CLI
  // prints them as one line, the API as 503, and ingest stops on them (the store, not the
  // document, is at fault).
  const guarded: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(store)) {
    guarded[name] = typeof value !== 'function' ? value : async (...args: unknown[]) => {
      try {
        return await (value as (...a: unknown[]) => Promise<unknown>).apply(store, args)
      } catch (e) {
        if (isClaimtrailError(e)) throw e
        throw new ClaimtrailError('STORE', parts.describeError(e), { cause: e })
      }
    }
  }
  return guarded as unknown as Store
}

/** A user's words as an FTS5 query: each word quoted (no operators), all required. */
export function fts5Query(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? []
  return words.length === 0 ? '""' : words.map((w) => `"${w}"`).join(' ')
}
