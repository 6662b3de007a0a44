/**
 * The schema's migrations, in order, for both backends. Each migration is idempotent
 * DDL (`if not exists`) and is recorded in `claimtrail_migrations`; backends run the
 * pending ones inside one transaction under a lock (SQLite `BEGIN IMMEDIATE`,
 * PostgreSQL advisory lock), so two processes opening one database never race.
 */
export interface Migration {
  readonly id: string
  readonly sqlite: readonly string[]
  readonly postgres: readonly string[]
}

const ARTICLE_COLUMNS = (id: string, real: string) => `
  id ${id},
  key text not null unique,
  content_hash text not null unique,
  source_id text not null,
  url text unique,
  title text,
  outlet text,
  published text,
  language text not null,
  text text not null,
  analysis text not null,
  signature text not null,
  extractor text not null,
  ingested_at text not null`

const CLAIM_COLUMNS = (id: string, real: string) => `
  id ${id},
  article_id integer not null references articles(id) on delete cascade,
  key text not null unique,
  ordinal integer not null,
  quantity_text text not null,
  start_cp integer not null,
  end_cp integer not null,
  value ${real},
  low ${real},
  high ${real},
  approx integer not null,
  bound text,
  vague integer not null,
  unit text,
  kind text not null,
  category text not null,
  counted_text text not null,
  subject text,
  planned integer not null,
  source text,
  source_entity text,
  cue text,
  as_of text,
  quote text not null`

/** Characters of an article that PostgreSQL's full-text index covers. */
export const FTS_PREFIX_CHARS = 250_000

/** All migrations, oldest first. Append; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-ledger',
    sqlite: [
      `create table if not exists articles (${ARTICLE_COLUMNS('integer primary key autoincrement', 'real')})`,
      `create index if not exists articles_published on articles(published)`,
      `create table if not exists claims (${CLAIM_COLUMNS('integer primary key autoincrement', 'real')})`,
      `create index if not exists claims_article on claims(article_id)`,
      `create index if not exists claims_category on claims(category)`,
      `create table if not exists decisions (id integer primary key autoincrement, body text not null, created_at text not null)`,
      `create table if not exists feeds (url text primary key, etag text, last_modified text, last_polled_at text)`,
      // External-content FTS5 tables, kept in step with their tables by triggers.
      `create virtual table if not exists articles_fts using fts5(title, text, content='articles', content_rowid='id')`,
      `create trigger if not exists articles_fts_ai after insert on articles begin
         insert into articles_fts(rowid, title, text) values (new.id, new.title, new.text); end`,
      `create trigger if not exists articles_fts_ad after delete on articles begin
         insert into articles_fts(articles_fts, rowid, title, text) values ('delete', old.id, old.title, old.text); end`,
      `create trigger if not exists articles_fts_au after update of title, text on articles begin
         insert into articles_fts(articles_fts, rowid, title, text) values ('delete', old.id, old.title, old.text);
         insert into articles_fts(rowid, title, text) values (new.id, new.title, new.text); end`,
      `create virtual table if not exists claims_fts using fts5(quote, counted_text, source, content='claims', content_rowid='id')`,
      `create trigger if not exists claims_fts_ai after insert on claims begin
         insert into claims_fts(rowid, quote, counted_text, source) values (new.id, new.quote, new.counted_text, coalesce(new.source_entity, new.source)); end`,
      `create trigger if not exists claims_fts_ad after delete on claims begin
         insert into claims_fts(claims_fts, rowid, quote, counted_text, source) values ('delete', old.id, old.quote, old.counted_text, coalesce(old.source_entity, old.source)); end`,
    ],
    postgres: [
      `create table if not exists articles (${ARTICLE_COLUMNS('serial primary key', 'double precision')},
        search tsvector generated always as (to_tsvector('english', coalesce(title, '') || ' ' || text)) stored)`,
      `create index if not exists articles_published on articles(published)`,
      `create index if not exists articles_search on articles using gin(search)`,
      `create table if not exists claims (${CLAIM_COLUMNS('serial primary key', 'double precision')},
        search tsvector generated always as (to_tsvector('english', quote || ' ' || counted_text || ' ' || coalesce(source_entity, source, ''))) stored)`,
      `create index if not exists claims_article on claims(article_id)`,
      `create index if not exists claims_category on claims(category)`,
      `create index if not exists claims_search on claims using gin(search)`,
      `create table if not exists decisions (id serial primary key, body text not null, created_at text not null)`,
      `create table if not exists feeds (url text primary key, etag text, last_modified text, last_polled_at text)`,
    ],
  },
  {
    // PostgreSQL refuses a tsvector over 1 MB, which an article of 1 MB with a large
    // vocabulary reaches (a distinct word costs about twice its length in the vector).
    // Index a bounded prefix: 250,000 characters keep the vector near 500 KB at worst
    // and cover all but book-length articles. FTS5 has no such limit.
    id: '0002-bounded-tsvector',
    sqlite: [],
    postgres: [
      `alter table articles drop column if exists search`,
      `alter table articles add column search tsvector generated always as
        (to_tsvector('english', left(coalesce(title, '') || ' ' || text, ${FTS_PREFIX_CHARS}))) stored`,
      `create index if not exists articles_search on articles using gin(search)`,
      `alter table claims drop column if exists search`,
      `alter table claims add column search tsvector generated always as
        (to_tsvector('english', left(quote || ' ' || counted_text || ' ' || coalesce(source_entity, source, ''), ${FTS_PREFIX_CHARS}))) stored`,
      `create index if not exists claims_search on claims using gin(search)`,
    ],
  },
  {
    // Claims that add to an earlier count ("another 3,000") are told from totals, and the
    // ledger keeps them in a figure of their own. Rows stored before read as totals until
    // `claimtrail reextract` analyses them again.
    id: '0003-additional',
    sqlite: [`alter table claims add column additional integer not null default 0`],
    postgres: [`alter table claims add column if not exists additional integer not null default 0`],
  },
  {
    // Undo for edits (session 13): an undone decision is kept, marked with when it was
    // undone, and left out of the replay; `before` notes what the figures it touched were
    // (ids, labels, claim counts) for the history list. Neither is needed to undo: figures
    // are recomputed from the decisions that remain.
    id: '0004-edit-undo',
    sqlite: [`alter table decisions add column undone_at text`, `alter table decisions add column before text`],
    postgres: [`alter table decisions add column if not exists undone_at text`, `alter table decisions add column if not exists before text`],
  },
]
