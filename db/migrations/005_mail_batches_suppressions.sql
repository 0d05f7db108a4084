-- Mail goes to Resend in batches of up to 100 (POST /emails/batch). A batch is claimed once, with a stable id that is
-- also its Idempotency-Key, and a retry sends the same mails under the same key. The batch carries the retry state.
CREATE TABLE mail_batches (
  id              uuid PRIMARY KEY,
  status          text NOT NULL CHECK (status IN ('pending', 'sending', 'done')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  locked_until    timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL
);

CREATE INDEX mail_batches_due ON mail_batches (next_attempt_at) WHERE status IN ('pending', 'sending');

ALTER TABLE mail_outbox ADD COLUMN batch_id uuid;
CREATE INDEX mail_outbox_by_batch ON mail_outbox (batch_id) WHERE batch_id IS NOT NULL;

-- A mail to a suppressed address is never sent: the outbox marks it 'suppressed' instead.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed'));

-- Addresses that bounced hard or complained (Resend's webhook), lower-cased, so the secretariat can list and lift them.
CREATE TABLE mail_suppressions (
  address           text PRIMARY KEY CHECK (address = lower(address)),
  reason            text NOT NULL CHECK (reason IN ('bounce', 'complaint')),
  detail            text,
  provider_email_id text,
  created_at        timestamptz NOT NULL
);

-- Each webhook delivery is handled once: Svix may deliver the same message (svix-id) again.
CREATE TABLE resend_webhook_events (
  svix_id     text PRIMARY KEY,
  event_type  text NOT NULL,
  received_at timestamptz NOT NULL
);
