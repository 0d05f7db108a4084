// GET /api/health/: which database (pg or pglite) and mail transport (resend or file) this deployment uses, and its
// schema version against the migrations it ships with. 200 when the database answers and is up to date, else 503.
// It names engines and migration files only: never a URL, key or secret.
import { json } from '../src/platform/http/respond.ts';
import { endpoint } from '../src/platform/http/endpoint.ts';
import { healthReport } from '../src/platform/runtime.ts';

export const GET = endpoint(async (): Promise<Response> => {
  const report = await healthReport();
  const ok = report.schema !== undefined && report.schema.pending.length === 0;
  return json(
    {
      ok,
      database: report.database,
      mail: report.mail,
      schema: report.schema ? { version: report.schema.version ?? null, expected: report.schema.expected ?? null, pending: report.schema.pending } : null,
    },
    ok ? 200 : 503,
  );
});
