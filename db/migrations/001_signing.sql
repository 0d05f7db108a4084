-- Organisations sign the charter: signatures, their link tokens, an audit trail, the mail outbox and rate-limit buckets.
-- Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18). Counters are integer so pg and PGlite both return numbers.

CREATE TABLE signatures (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_name text NOT NULL CHECK (char_length(organisation_name) BETWEEN 1 AND 200),
  organisation_type text NOT NULL CHECK (organisation_type IN ('kommune', 'region', 'stat', 'forening', 'virksomhed', 'uddannelse', 'borgergruppe', 'andet')),
  cvr               text CHECK (cvr ~ '^[1-9][0-9]{7}$'),
  municipality      text NOT NULL,
  website           text,
  contact_name      text NOT NULL,
  contact_title     text NOT NULL,
  email             text NOT NULL,
  statement         text CHECK (char_length(statement) <= 500),
  consent_public    boolean NOT NULL DEFAULT false,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'published', 'rejected', 'withdrawn')),
  -- One organisation, one live signature: by CVR when there is one, else by name (case and spacing ignored) and municipality.
  dedupe_key        text NOT NULL GENERATED ALWAYS AS (
    CASE WHEN cvr IS NOT NULL THEN 'cvr:' || cvr
         ELSE 'name:' || lower(regexp_replace(btrim(organisation_name), '\s+', ' ', 'g')) || '|' || lower(municipality)
    END
  ) STORED,
  created_at        timestamptz NOT NULL DEFAULT now(),
  confirmed_at      timestamptz,
  published_at      timestamptz,
  withdrawn_at      timestamptz,
  rejected_at       timestamptz,
  reject_reason     text,
  reviewed_by       text
);

-- Rejected and withdrawn signatures free the place, so the organisation can sign again.
CREATE UNIQUE INDEX signatures_one_live_per_organisation ON signatures (dedupe_key)
  WHERE status NOT IN ('rejected', 'withdrawn');

CREATE INDEX signatures_by_status ON signatures (status, created_at);

-- Only the sha256 of a token is stored; the token itself exists in the mail and nowhere else.
CREATE TABLE signature_tokens (
  token_hash   text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  purpose      text NOT NULL CHECK (purpose IN ('confirm', 'withdraw')),
  signature_id uuid NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);

CREATE INDEX signature_tokens_by_signature ON signature_tokens (signature_id);

-- Who moved a signature from which status to which, and when.
CREATE TABLE signature_events (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  signature_id uuid NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
  transition   text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  actor        text NOT NULL,
  detail       text,
  at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX signature_events_by_signature ON signature_events (signature_id, at);

-- Mails are written here in the same transaction as the change they report, and sent later.
CREATE TABLE mail_outbox (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mail_name       text NOT NULL,
  recipient       text NOT NULL,
  subject         text NOT NULL,
  html            text,
  text_body       text,
  idempotency_key text NOT NULL UNIQUE,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz,
  last_error      text,
  provider_id     text,
  sent_at         timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

-- Fixed-window counters, one row per key (e.g. "signing:<ip>") and rule.
CREATE TABLE rate_limit_buckets (
  key         text NOT NULL,
  window_name text NOT NULL,
  count       integer NOT NULL,
  reset_at    timestamptz NOT NULL,
  PRIMARY KEY (key, window_name)
);

CREATE INDEX rate_limit_buckets_expiry ON rate_limit_buckets (reset_at);

