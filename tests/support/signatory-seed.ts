// Test and bench support: n published, listed signatories written by one INSERT … SELECT, spread over every type and
// municipality, with a statement on every third, as a wall of that size would look.
import type { Queryable } from '../../src/platform/db/client.ts';
import { municipalities } from '../../src/data/municipalities.ts';
import { organisationTypes, wholeCountry } from '../../src/signing/signature-input.ts';

const words = ['Fælles', 'Borger', 'Idræts', 'Kultur', 'Grøn', 'Lokal', 'Ældre', 'Unge', 'Natur', 'Social', 'Bæredygtig', 'Åben'];

/** Adds `count` published signatories, numbered from `from`; the first signed at `start`, one a minute after. */
export async function seedSignatories(db: Queryable, count: number, options: { from?: number; start?: Date } = {}): Promise<void> {
  const areas = [wholeCountry, ...municipalities.map((m) => m.name)];
  await db.query(
    `INSERT INTO signatures (organisation_name, organisation_type, municipality, contact_name, contact_title, email, statement,
                             consent_public, status, created_at, confirmed_at, published_at)
     SELECT ($1::text[])[1 + i % cardinality($1::text[])] || ' ' || ($1::text[])[1 + (i / 7) % cardinality($1::text[])] || 'forening nr. ' || i,
            ($2::text[])[1 + i % cardinality($2::text[])],
            ($3::text[])[1 + (i * 7) % cardinality($3::text[])],
            'Kontakt ' || i, 'Formand', 'kontakt' || i || '@example.dk',
            CASE WHEN i % 3 = 0 THEN 'Vi samskaber i lokalsamfundet, udtalelse nr. ' || i END,
            true, 'published', t, t, t
     FROM generate_series($4::int, $4::int + $5::int - 1) AS i,
          LATERAL (SELECT $6::timestamptz + i * interval '1 minute' AS t) AS at`,
    [words, [...organisationTypes], areas, options.from ?? 0, count, options.start ?? new Date('2026-01-01T00:00:00Z')],
  );
}
