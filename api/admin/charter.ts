// The secretariat's API for the charter's versions (Authorization: Bearer ADMIN_TOKEN): GET lists the versions in
// content and which have been announced; POST { version } announces an adopted version to the signatories.
import { withoutControlCharacters } from '../../src/platform/plain-text.ts';
import { hasBearer } from '../../src/platform/http/bearer.ts';
import { readBody } from '../../src/platform/http/request-body.ts';
import { json, problem } from '../../src/platform/http/respond.ts';
import { adoptCharterVersion, adoptionMessage, announcedVersions } from '../../src/signing/charter-adoption.ts';
import { loadCharterVersions } from '../../src/charter/charter-versions.ts';
import { afterResponse, database, kickOutbox } from '../../src/platform/runtime.ts';
import { endpoints } from '../../src/platform/http/endpoint.ts';
import { strings } from '../../src/i18n/index.ts';

const t = strings();

const unauthorised = () => problem(401, t.api.adminTokenRequired, { headers: { 'WWW-Authenticate': 'Bearer' } });

export const { GET, POST } = endpoints({
  async GET(request: Request): Promise<Response> {
    if (!hasBearer(request, process.env.ADMIN_TOKEN)) return unauthorised();
    const [versions, announced] = await Promise.all([loadCharterVersions(), announcedVersions(await database())]);
    return json({ versions: versions.map((v) => ({ version: v.version, adopted: v.adopted, summary: v.summary, announced: announced.get(v.version) ?? null })) });
  },
  async POST(request: Request): Promise<Response> {
    if (!hasBearer(request, process.env.ADMIN_TOKEN)) return unauthorised();
    const body = await readBody(request);
    if (!body.ok) return body.response;
    const { version, actor } = body.data as Record<string, unknown>;
    const number = typeof version === 'number' ? version : typeof version === 'string' && /^\d{1,6}$/.test(version) ? Number(version) : NaN;
    if (!Number.isInteger(number) || number < 1) return json({ errors: [{ field: 'version', message: t.charterVersions.adopt.versionMissing }] }, 400);
    const name = typeof actor === 'string' ? withoutControlCharacters(actor).trim() : '';
    const outcome = await adoptCharterVersion(await database(), number, name ? `api:${name.slice(0, 100)}` : 'api');
    if (!outcome.ok) return json({ errors: [{ field: 'version', message: adoptionMessage(outcome) }] }, outcome.reason === 'unknown-version' ? 404 : 409);
    afterResponse(kickOutbox());
    return json({ version: outcome.version, mailed: outcome.mailed, announcedBefore: outcome.announcedBefore, message: adoptionMessage(outcome) });
  },
});
