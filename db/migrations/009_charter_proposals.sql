-- Proposals and comments on the charter's principles, confirmed by mail and moderated by the secretariat; support from
-- members and signatories; consultation rounds (høring) with dates. Runs on PostgreSQL 15 and PGlite.

-- A consultation round: open from opens_on to closes_on (both days included) until the secretariat closes it.
CREATE TABLE consultation_rounds (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title      text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  opens_on   date NOT NULL,
  closes_on  date NOT NULL CHECK (closes_on >= opens_on),
  opened_by  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at  timestamptz,
  closed_by  text
);

-- At most one round is open (not closed) at a time.
CREATE UNIQUE INDEX consultation_rounds_one_open ON consultation_rounds ((true)) WHERE closed_at IS NULL;

CREATE TABLE charter_proposals (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The principle's file name in content/principles/.
  principle           text NOT NULL CHECK (principle ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  -- The principle's title when the proposal came, for the mails about it.
  principle_title     text NOT NULL CHECK (char_length(principle_title) BETWEEN 1 AND 200),
  kind                text NOT NULL CHECK (kind IN ('comment', 'wording')),
  -- A proposed new wording, and the wording it was proposed against (for the diff).
  wording             text CHECK (char_length(wording) <= 1000),
  based_on            text,
  based_on_version    text,
  -- The comment itself, or the reason for a new wording.
  reason              text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 3000),
  author_name         text CHECK (char_length(author_name) BETWEEN 1 AND 200),
  author_organisation text CHECK (char_length(author_organisation) <= 200),
  email               text CHECK (char_length(email) BETWEEN 3 AND 254),
  consent_public      boolean NOT NULL DEFAULT false,
  language            text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en')),
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'published', 'rejected', 'merged')),
  -- The round it belongs to; NULL until a round opens ("for the next round").
  round_id            uuid REFERENCES consultation_rounds (id) ON DELETE SET NULL,
  merged_into         uuid REFERENCES charter_proposals (id) ON DELETE SET NULL,
  reject_reason       text CHECK (char_length(reject_reason) <= 2000),
  answer              text CHECK (char_length(answer) <= 3000),
  answer_outcome      text CHECK (answer_outcome IN ('incorporated', 'not-incorporated')),
  answer_version      text CHECK (char_length(answer_version) <= 20),
  answered_at         timestamptz,
  pr_url              text,
  pr_opened_at        timestamptz,
  reviewed_by         text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  confirmed_at        timestamptz,
  published_at        timestamptz,
  -- A double click is one proposal: the same address, principle and text while it waits for confirmation.
  dedupe_key          text NOT NULL,
  CHECK ((kind = 'wording') = (wording IS NOT NULL)),
  CHECK ((status = 'merged') = (merged_into IS NOT NULL))
);

CREATE UNIQUE INDEX charter_proposals_once ON charter_proposals (dedupe_key) WHERE status = 'pending';
CREATE INDEX charter_proposals_by_principle ON charter_proposals (principle, status, published_at);
CREATE INDEX charter_proposals_by_status ON charter_proposals (status, created_at);
CREATE INDEX charter_proposals_by_email ON charter_proposals (lower(email));

CREATE TABLE charter_proposal_tokens (
  token_hash  text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  purpose     text NOT NULL CHECK (purpose IN ('proposal-confirm')),
  proposal_id uuid NOT NULL REFERENCES charter_proposals (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

CREATE INDEX charter_proposal_tokens_by_proposal ON charter_proposal_tokens (proposal_id);

-- One support per member or signatory and proposal. The supporter is kept as an opaque key ("member:<id>",
-- "signature:<id>"), never as an address; the row waits (pending) until the link in the mail is used.
CREATE TABLE charter_proposal_supports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id   uuid NOT NULL REFERENCES charter_proposals (id) ON DELETE CASCADE,
  supporter_key text NOT NULL CHECK (supporter_key ~ '^(member|signature):[0-9a-f-]{36}$'),
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  confirmed_at  timestamptz,
  UNIQUE (proposal_id, supporter_key)
);

CREATE INDEX charter_proposal_supports_by_supporter ON charter_proposal_supports (supporter_key);

CREATE TABLE charter_support_tokens (
  token_hash  text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  purpose     text NOT NULL CHECK (purpose IN ('proposal-support')),
  support_id  uuid NOT NULL REFERENCES charter_proposal_supports (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

CREATE INDEX charter_support_tokens_by_support ON charter_support_tokens (support_id);
