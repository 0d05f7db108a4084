// `npm run check:content`: checks every case, principle and page in seconds, without a build. The build runs the
// same checks (src/content-checks/astro-integration.ts). Exit code 1 when something must be fixed.
//   --format=github   also print GitHub annotations, so each problem shows at its line in the pull request
//   --summary=FILE    append a Danish Markdown summary (CI passes $GITHUB_STEP_SUMMARY)
//   --root=DIR        check another project folder (tests)
//   --translations    also list what the English edition lacks: files not translated, and translations that may be outdated
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/content-checks/check-content.ts';
import { loadProject } from '../src/content-checks/load-project.ts';
import { githubAnnotations, markdownSummary, textReport } from '../src/content-checks/report.ts';
import { translationReport, translationText } from '../src/content-checks/translations.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: resolve(import.meta.dirname, '..') },
    format: { type: 'string', default: 'text' },
    summary: { type: 'string' },
    translations: { type: 'boolean', default: false },
  },
});

if (values.format !== 'text' && values.format !== 'github') {
  console.error(`Ukendt format "${values.format}". Brug --format=text eller --format=github.`);
  process.exit(2);
}

const result = checkContent(loadProject(resolve(values.root)));
if (values.format === 'github') process.stdout.write(githubAnnotations(result));
process.stdout.write(textReport(result));
// The English edition: notes for editors, never a reason to fail.
if (values.translations) process.stdout.write(translationText(translationReport(resolve(values.root))));
if (values.summary) appendFileSync(values.summary, markdownSummary(result));
process.exitCode = result.problems.length > 0 ? 1 : 0;
