// Same answer, same time: signing, joining and asking for an admin login link with an organisation or address the
// site knows and with one it does not, against the real server on this machine's PostgreSQL. Known and unknown tries
// alternate, each from its own IP (so the rate limit runs as in production), and each try uses a fresh organisation
// or address of its kind, as someone probing a list of addresses would. Reports p50 of each and the difference.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMigratedSchema } from '../../tests/support/test-databases.ts';
import { signingForms } from '../../tests/support/signing-forms.ts';
import { completeCvr } from '../../src/signing/cvr.ts';
import { da, root, startListening } from './measure.ts';

export interface EnumerationOptions {
  databaseUrl: string;
  /** Timed tries of each kind (after a warm-up of a tenth as many). */
  tries: number;
}

export interface EnumerationRun {
  flow: string;
  knownP50: number;
  unknownP50: number;
  /** Whether every known answer had the status and body of every unknown one. */
  sameAnswer: boolean;
}

export const enumerationGoalMs = 1;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

interface Flow {
  name: string;
  path: string;
  known: (i: number) => Record<string, unknown>;
  unknown: (i: number) => Record<string, unknown>;
}

export async function benchEnumeration(options: EnumerationOptions, log: (line: string) => void): Promise<EnumerationRun[]> {
  const { db, schema } = await openMigratedSchema(options.databaseUrl, { prefix: 'bench_enum', maxConnections: 2 });
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-enum-'));
  const count = options.tries + Math.ceil(options.tries / 10);
  const runs: EnumerationRun[] = [];
  try {
    // Known: one organisation that signed and chose not to be listed, confirmed members, and addresses on ADMIN_EMAILS.
    let knownCvr: string | undefined;
    for (let start = 5_555_555; !knownCvr; start++) knownCvr = completeCvr(String(start));
    await db.query(
      `INSERT INTO signatures (organisation_name, organisation_type, cvr, municipality, contact_name, contact_title, email, consent_public, status, created_at, confirmed_at, published_at)
       VALUES ('Den Stille Forening', 'forening', $1, 'Odense', 'Stine Stille', 'Formand', 'stine@stille.example', false, 'published', now(), now(), now())`,
      [knownCvr],
    );
    await db.query(
      `INSERT INTO members (kind, name, email, municipality, status, created_at, consented_at, confirmed_at)
       SELECT 'person', 'Medlem ' || i, 'medlem' || i || '@example.dk', 'Aarhus', 'confirmed', now(), now(), now() FROM generate_series(0, $1::int - 1) AS i`,
      [count],
    );
    const adminEmails = Array.from({ length: count }, (_, i) => `sekretariat${i}@samskabelse.example`);
    const server = await startListening(join(root, 'scripts/bench/edge-server.ts'), {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      DATABASE_SCHEMA: schema,
      DATA_DIR: dataDir,
      RESEND_API_KEY: '',
      SITE_URL: 'http://127.0.0.1:4321',
      RATE_LIMIT_ALLOW: '',
      ADMIN_EMAILS: adminEmails.join(','),
      SESSION_SECRET: 's'.repeat(40),
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const knownForms = signingForms(6, { cvr: knownCvr });
      const unknownForms = signingForms(7);
      const flows: Flow[] = [
        {
          name: 'Underskrive (CVR, der har skrevet under og ikke vises)',
          path: '/api/signatures',
          known: (i) => ({ ...knownForms(), cvr: knownCvr, email: `ny${i}@kendt.example` }),
          unknown: (i) => ({ ...unknownForms(), email: `ny${i}@ukendt.example` }),
        },
        {
          name: 'Blive medlem (adresse, der er medlem)',
          path: '/api/members',
          known: (i) => ({ kind: 'person', name: 'Prøve Person', email: `medlem${i}@example.dk`, municipality: 'Aarhus', consent: true }),
          unknown: (i) => ({ kind: 'person', name: 'Prøve Person', email: `fremmed${i}@example.dk`, municipality: 'Aarhus', consent: true }),
        },
        {
          name: 'Login til administrationen (adresse på listen)',
          path: '/admin/login/',
          known: (i) => ({ email: adminEmails[i]! }),
          unknown: (i) => ({ email: `fremmed${i}@samskabelse.example` }),
        },
      ];
      let ip = 0;
      const nextIp = () => {
        ip++;
        return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
      };
      for (const flow of flows) {
        const times = { known: [] as number[], unknown: [] as number[] };
        const answers = { known: new Set<string>(), unknown: new Set<string>() };
        for (let i = 0; i < count; i++) {
          // Alternate which goes first, so neither kind always follows the other.
          const order: ('known' | 'unknown')[] = i % 2 ? ['known', 'unknown'] : ['unknown', 'known'];
          for (const kind of order) {
            const body = JSON.stringify(flow[kind](i));
            const started = performance.now();
            const response = await fetch(base + flow.path, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'x-bench-client-ip': nextIp() } });
            const text = await response.text();
            const elapsed = performance.now() - started;
            if (response.status >= 400) throw new Error(`${flow.path}: ${response.status} ${text.slice(0, 200)}`);
            answers[kind].add(`${response.status} ${text}`);
            if (i >= count - options.tries) times[kind].push(elapsed);
          }
        }
        times.known.sort((a, b) => a - b);
        times.unknown.sort((a, b) => a - b);
        const run: EnumerationRun = {
          flow: flow.name,
          knownP50: quantile(times.known, 0.5),
          unknownP50: quantile(times.unknown, 0.5),
          sameAnswer: answers.known.size === 1 && answers.unknown.size === 1 && [...answers.known][0] === [...answers.unknown][0],
        };
        runs.push(run);
        log(`  ${flow.name}: kendt p50 ${da(run.knownP50, 2)} ms, ukendt p50 ${da(run.unknownP50, 2)} ms, forskel ${da(Math.abs(run.knownP50 - run.unknownP50), 2)} ms, samme svar: ${run.sameAnswer ? 'ja' : 'nej'}`);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return runs;
}

export function renderEnumerationReport(runs: EnumerationRun[], tries: number, machine: { date: string; cpu: string; cores: number; commit: string; load: string }, postgres: string): string {
  const check = (ok: boolean) => (ok ? '✅' : '❌');
  return [
    '<!-- enumeration:start -->',
    '## Samme svar, samme tid: kendt og ukendt organisation eller adresse',
    '',
    `Skrevet af \`npm run bench -- --only=enumeration\` ${machine.date}, commit ${machine.commit}, ${machine.cpu}, ${machine.cores} kerner, belastning ved start ${machine.load}, ${postgres}. ` +
      `Den rigtige server mod maskinens PostgreSQL. For hver formular sendes ${da(tries)} forsøg med noget, siden kender, og ${da(tries)} med noget, den ikke kender, ` +
      'på skift og hver fra sin egen IP (efter en opvarmning på en tiendedel), og hvert forsøg med en ny organisation eller adresse af sin slags, som en, der prøver en liste af. ' +
      'Tiden er fra forespørgsel til sidste byte på localhost. Begge veje kører de samme SQL-sætninger (testet i `src/signing/signatures.test.ts`, ' +
      '`src/membership/members.test.ts` og `src/admin/admin.test.ts`); dette er målingen, ikke en test.',
    '',
    `**Mål:** forskellen mellem p50 for kendt og ukendt ≤ ${enumerationGoalMs} ms, og samme svar (status og indhold).`,
    '',
    'Før: en sikkerhedstest udefra målte 5–6 ms mod 7–8 ms for en organisation, der havde skrevet under, og 2–4 ms mellem kendt og ukendt adresse ' +
      'for medlemskab og login. Nu kører hver formular de samme sætninger på begge veje, og login-linket laves og sendes efter svaret. ' +
      'På en maskine, der også kører andet, svinger forskellen fra kørsel til kørsel med op til omkring 1 ms, også for underskrifter, hvor begge veje er én og samme sætning.',
    '',
    '| Formular | Kendt p50 ms | Ukendt p50 ms | Forskel ms | Samme svar |',
    '| --- | ---: | ---: | ---: | --- |',
    ...runs.map((r) => {
      const difference = Math.abs(r.knownP50 - r.unknownP50);
      return `| ${r.flow} | ${da(r.knownP50, 2)} | ${da(r.unknownP50, 2)} | ${da(difference, 2)} ${check(difference <= enumerationGoalMs)} | ${r.sameAnswer ? 'ja' : 'nej'} ${check(r.sameAnswer)} |`;
    }),
    '<!-- enumeration:end -->',
  ].join('\n');
}
