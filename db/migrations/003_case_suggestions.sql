-- Suggestions for new cases from the website's form. Each becomes a draft case in a pull request on GitHub,
-- at once when the site has a GitHub token, or later when the secretariat asks for it.

CREATE TABLE case_suggestions (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title           text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
  municipality    text NOT NULL,
  what_happened   text NOT NULL CHECK (char_length(what_happened) BETWEEN 1 AND 3000),
  participants    text NOT NULL CHECK (char_length(participants) BETWEEN 1 AND 1000),
  sources         text NOT NULL CHECK (char_length(sources) BETWEEN 1 AND 2000),
  -- The suggester: never in the pull request, which is public.
  suggester_name  text NOT NULL CHECK (char_length(suggester_name) BETWEEN 1 AND 200),
  suggester_email text NOT NULL CHECK (char_length(suggester_email) BETWEEN 3 AND 254),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'pull-request-opened')),
  pr_url          text,
  pr_opened_at    timestamptz,
  pr_opened_by    text,
  -- Failed attempts to open the pull request, and the last error, so the secretariat can see why and retry.
  pr_attempts     integer NOT NULL DEFAULT 0,
  pr_last_error   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  -- The same person suggesting the same title twice (a double click, a reload) is one suggestion.
  dedupe_key      text NOT NULL GENERATED ALWAYS AS (lower(btrim(suggester_email)) || '|' || lower(regexp_replace(btrim(title), '\s+', ' ', 'g'))) STORED,
  CHECK ((status = 'pull-request-opened') = (pr_url IS NOT NULL))
);

CREATE UNIQUE INDEX case_suggestions_once ON case_suggestions (dedupe_key);
CREATE INDEX case_suggestions_by_status ON case_suggestions (status, created_at);
CREATE INDEX case_suggestions_by_email ON case_suggestions (lower(suggester_email));
