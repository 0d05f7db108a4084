// Makes valid, distinct sign-the-charter forms for load tests and benchmarks: each has its own CVR number, so each one makes a signature.
import { completeCvr } from '../../src/signing/cvr.ts';

/** The fields POST /api/signatures takes, as a JSON client sends them. */
export type SigningForm = Record<string, string | boolean>;

const municipalities = ['Aarhus', 'København', 'Odense', 'Aalborg', 'Esbjerg', 'Vejle', 'Hele landet'];
const types = ['forening', 'virksomhed', 'kommune', 'uddannelse', 'andet'];

/**
 * Yields the `n`th valid CVR number of a series: `series` (1–9) picks the first digit, so two runs with
 * different series never collide. About one seven-digit start in eleven has no check digit; those are skipped.
 */
export function cvrSeries(series: number): () => string {
  if (!Number.isInteger(series) || series < 1 || series > 9) throw new RangeError('series must be 1–9');
  let next = 0;
  return () => {
    for (;;) {
      if (next >= 1_000_000) throw new RangeError(`CVR series ${series} is used up`);
      const cvr = completeCvr(`${series}${String(next++).padStart(6, '0')}`);
      if (cvr) return cvr;
    }
  };
}

/** A factory of distinct valid forms; `overrides` apply to every form it makes. */
export function signingForms(series = 1, overrides: SigningForm = {}): () => SigningForm {
  const nextCvr = cvrSeries(series);
  let i = 0;
  return () => {
    const cvr = nextCvr();
    i++;
    return {
      organisation_name: `Belastningsprøvens forening nr. ${cvr}`,
      organisation_type: types[i % types.length]!,
      cvr,
      municipality: municipalities[i % municipalities.length]!,
      website: `www.forening-${cvr}.example`,
      contact_name: 'Mette Jensen',
      contact_title: 'Formand',
      email: `kontakt+${cvr}@forening.example`,
      statement: 'Vi skaber løsninger sammen med borgerne, og vi vil gerne være med.',
      consent_public: true,
      ...overrides,
    };
  };
}
