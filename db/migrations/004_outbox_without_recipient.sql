-- An outbox row may have no recipient: a newsletter contact is removed at Resend by its id alone, and when a person
-- leaves or is erased, the address is taken out of the mails already sent to them (the row stays as a record).
ALTER TABLE mail_outbox ALTER COLUMN recipient DROP NOT NULL;
