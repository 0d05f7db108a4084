// A fresh process that imports one function (POST /api/signatures) and answers its first request; prints its timings as JSON (run by cold-start.ts).
// PROBE_ENTRY and PROBE_RUNTIME point it at a bundled function from `vercel build` instead of the source.
export {};

const started = performance.now(); // ms since the process began: Node's own start-up
const entry = (await import(process.env.PROBE_ENTRY ?? '../../api/signatures.ts')) as { POST: (request: Request) => Promise<Response> };
const { POST } = entry;
const imported = performance.now();
// Locally (PGlite) the database is migrated before the first request, as `npm start` does; a deployment's database is
// migrated by its build, so the PostgreSQL runs only check the schema.
if (!process.env.DATABASE_URL) await (await import('../../src/platform/runtime.ts')).migrateLocalDatabase();
const cvr = process.env.PROBE_CVR!;
const response = await POST(
  new Request('http://127.0.0.1:4321/api/signatures/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-real-ip': `192.0.2.${Number(cvr) % 250}` },
    body: JSON.stringify({
      organisation_name: `Kold start ${cvr}`,
      organisation_type: 'forening',
      cvr,
      municipality: 'Aarhus',
      contact_name: 'Mette Jensen',
      contact_title: 'Formand',
      email: `kold+${cvr}@forening.example`,
      consent_public: true,
    }),
  }),
);
const answered = performance.now();
const { closeRuntime } = (await import(process.env.PROBE_RUNTIME ?? '../../src/platform/runtime.ts')) as { closeRuntime: () => Promise<void> };
await closeRuntime();
console.log(JSON.stringify({ status: response.status, nodeStart: started, importMs: imported - started, firstRequestMs: answered - imported, totalMs: answered }));
