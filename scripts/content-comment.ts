// CI only: runs the content check and keeps its Danish report as one comment on the pull request (see
// src/content-checks/pull-request-comment.ts). Needs GITHUB_TOKEN, GITHUB_REPOSITORY and --pull=<number>.
// A token that may not comment (a pull request from a fork) gives a warning, not a failed check.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/content-checks/check-content.ts';
import { loadProject } from '../src/content-checks/load-project.ts';
import { upsertContentComment } from '../src/content-checks/pull-request-comment.ts';
import { pullRequestComment } from '../src/content-checks/report.ts';

const { values } = parseArgs({ options: { pull: { type: 'string' }, root: { type: 'string', default: resolve(import.meta.dirname, '..') } } });
const pull = Number(values.pull);
const { GITHUB_TOKEN: token, GITHUB_REPOSITORY: repository, GITHUB_API_URL: apiUrl = 'https://api.github.com' } = process.env;
if (!token || !repository || !Number.isInteger(pull) || pull < 1) {
  console.error('Brug: GITHUB_TOKEN=… GITHUB_REPOSITORY=ejer/navn node scripts/content-comment.ts --pull=<nummer>');
  process.exit(2);
}

const result = checkContent(loadProject(resolve(values.root)));
try {
  const outcome = await upsertContentComment({ apiUrl, token, repository, pull }, pullRequestComment(result), result.problems.length > 0);
  console.log(`content-comment: ${outcome}`);
} catch (error) {
  if ((error as { status?: number }).status === 403) {
    console.log(`::warning title=Ingen kommentar::Kunne ikke skrive kommentaren på pull requesten (ingen adgang). Problemerne står i opsummeringen.`);
  } else throw error;
}
