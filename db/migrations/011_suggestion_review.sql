-- The secretariat can close a case suggestion without a pull request: rejected (the suggester gets a short mail with
-- the reason) or archived (no mail). Who closed it, when and why stay with the suggestion, and in the audit log.
ALTER TABLE case_suggestions DROP CONSTRAINT case_suggestions_status_check;
ALTER TABLE case_suggestions ADD CONSTRAINT case_suggestions_status_check CHECK (status IN ('pending', 'pull-request-opened', 'rejected', 'archived'));
ALTER TABLE case_suggestions ADD COLUMN closed_at timestamptz;
ALTER TABLE case_suggestions ADD COLUMN closed_by text;
ALTER TABLE case_suggestions ADD COLUMN close_reason text CHECK (char_length(close_reason) <= 2000);
ALTER TABLE case_suggestions ADD CONSTRAINT case_suggestions_closed_with_reason
  CHECK ((status IN ('rejected', 'archived')) = (closed_at IS NOT NULL AND close_reason IS NOT NULL));
