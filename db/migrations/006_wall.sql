-- The wall at 100,000 signatories: published, listed rows in keyset order (newest first, by name), searched by words,
-- and counted per type and municipality, each from an index. Plain btree and GIN on core functions, so it runs on
-- PostgreSQL 15 and on PGlite alike (PGlite has pg_trgm only as an extension loaded at start, so it is not used).

-- Newest first: the keyset is (confirmed_at, id), walked backwards.
CREATE INDEX signatures_wall_newest ON signatures (confirmed_at DESC, id DESC)
  WHERE status = 'published' AND consent_public;

-- By name: the lowered name in byte order (the same on every server whatever its locale), then id.
CREATE INDEX signatures_wall_name ON signatures ((lower(organisation_name) COLLATE "C"), id)
  WHERE status = 'published' AND consent_public;

-- One municipality's signatories, newest first; and the counts per type and municipality as an index-only scan.
CREATE INDEX signatures_wall_municipality ON signatures (municipality, confirmed_at DESC, id DESC)
  WHERE status = 'published' AND consent_public;
CREATE INDEX signatures_wall_facets ON signatures (organisation_type, municipality)
  WHERE status = 'published' AND consent_public;

-- Search in names and statements by word prefix ("roskil" finds "Roskilde Kommune"). The expression is repeated
-- verbatim in src/signing/wall-queries.ts (wallSearchVector), which is how Postgres knows to use the index.
CREATE INDEX signatures_wall_search ON signatures
  USING gin (to_tsvector('simple'::regconfig, organisation_name || ' ' || coalesce(statement, '')))
  WHERE status = 'published' AND consent_public;

-- No squatting: only a confirmed or published signature holds the organisation's place, so a pending one (anyone can
-- make one with a public CVR number) never blocks the real organisation. Several may be pending; the first confirmed
-- goes to review. A double click still makes one row: one pending signature per organisation and mail address.
DROP INDEX signatures_one_live_per_organisation;
CREATE UNIQUE INDEX signatures_one_live_per_organisation ON signatures (dedupe_key)
  WHERE status IN ('confirmed', 'published');
CREATE UNIQUE INDEX signatures_one_pending_per_contact ON signatures (dedupe_key, lower(email))
  WHERE status = 'pending';
