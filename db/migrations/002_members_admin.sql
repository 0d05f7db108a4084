-- People and organisations join the movement; the secretariat logs in by mail link; admin actions are audited;
-- the outbox also carries newsletter-contact jobs; contact data can be erased from a signature that stays public.

-- One row per email address (case and surrounding space ignored), pending until the confirm link is used.
CREATE TABLE members (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind              text NOT NULL CHECK (kind IN ('person', 'organisation')),
  name              text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  email             text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
  email_key         text NOT NULL GENERATED ALWAYS AS (lower(btrim(email))) STORED,
  municipality      text NOT NULL,
  organisation_name text CHECK (char_length(organisation_name) BETWEEN 1 AND 200),
  organisation_type text,
  interests         text[] NOT NULL DEFAULT '{}',
  newsletter        boolean NOT NULL DEFAULT false,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed')),
  created_at        timestamptz NOT NULL DEFAULT now(),
  consented_at      timestamptz NOT NULL DEFAULT now(),
  confirmed_at      timestamptz,
  -- The newsletter contact at Resend, once it exists: removing it later needs no email address.
  resend_contact_id text,
  -- An organisation member names its organisation; a person does not.
  CHECK ((kind = 'organisation') = (organisation_name IS NOT NULL AND organisation_type IS NOT NULL))
);

CREATE UNIQUE INDEX members_one_per_email ON members (email_key);
CREATE INDEX members_by_status ON members (status, created_at);

CREATE TABLE member_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  purpose    text NOT NULL CHECK (purpose IN ('member-confirm', 'member-leave')),
  member_id  uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

CREATE INDEX member_tokens_by_member ON member_tokens (member_id);

-- The secretariat's one-time login links (hash only) and the sessions they start.
CREATE TABLE admin_login_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  email      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

CREATE TABLE admin_sessions (
  id         text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  email      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at   timestamptz
);

-- Who in the secretariat did what, and when. Never holds the email address of a person whose data was looked up or erased.
CREATE TABLE audit_log (
  id      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor   text NOT NULL,
  action  text NOT NULL,
  subject text,
  detail  text,
  at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_by_time ON audit_log (at DESC);

-- The outbox carries three kinds of job: a mail, and adding or removing a newsletter contact at Resend.
ALTER TABLE mail_outbox ADD COLUMN kind text NOT NULL DEFAULT 'mail' CHECK (kind IN ('mail', 'contact-add', 'contact-remove'));
ALTER TABLE mail_outbox ADD COLUMN payload jsonb;
ALTER TABLE mail_outbox ALTER COLUMN subject DROP NOT NULL;
CREATE INDEX mail_outbox_by_recipient ON mail_outbox (lower(recipient));

-- A signature's contact person can be erased (GDPR, withdrawal) while the organisation's public fields stay.
ALTER TABLE signatures ALTER COLUMN contact_name DROP NOT NULL;
ALTER TABLE signatures ALTER COLUMN contact_title DROP NOT NULL;
ALTER TABLE signatures ALTER COLUMN email DROP NOT NULL;
ALTER TABLE signatures ADD COLUMN contact_erased_at timestamptz;
CREATE INDEX signatures_by_email ON signatures (lower(email));
