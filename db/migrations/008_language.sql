-- The language a person used on the site (da or en): their later mails (confirmation, approval, welcome, receipt)
-- go in the same language. Every row before the English edition was Danish.
ALTER TABLE signatures ADD COLUMN language text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en'));
ALTER TABLE members ADD COLUMN language text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en'));
ALTER TABLE case_suggestions ADD COLUMN language text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en'));
