-- The charter has versions (content/charter/versions/<n>.yaml). Each signature records the version it signed and the
-- newest version its organisation has stood behind since: signing a version counts as affirming it. Every signature
-- before this migration signed version 1, the only one there was.
ALTER TABLE signatures ADD COLUMN charter_version integer NOT NULL DEFAULT 1 CHECK (charter_version >= 1);
ALTER TABLE signatures ADD COLUMN affirmed_version integer NOT NULL DEFAULT 1 CHECK (affirmed_version >= charter_version);

-- Each time a signatory re-affirmed a newer version, from the link in the mail about it.
CREATE TABLE signature_affirmations (
  signature_id    uuid NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
  charter_version integer NOT NULL CHECK (charter_version >= 1),
  affirmed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (signature_id, charter_version)
);

-- A version the secretariat has adopted and announced to the signatories: one row per version, so announcing twice
-- is seen (the mails themselves are kept from going twice by their idempotency keys).
CREATE TABLE charter_adoptions (
  charter_version integer PRIMARY KEY CHECK (charter_version >= 1),
  adopted_by      text NOT NULL,
  announced_at    timestamptz NOT NULL DEFAULT now()
);

-- The re-affirm link in that mail is a signature token of its own purpose, for the version the mail was about.
ALTER TABLE signature_tokens ADD COLUMN charter_version integer CHECK (charter_version >= 1);
ALTER TABLE signature_tokens DROP CONSTRAINT signature_tokens_purpose_check;
ALTER TABLE signature_tokens ADD CONSTRAINT signature_tokens_purpose_check CHECK (purpose IN ('confirm', 'withdraw', 'charter-affirm'));
