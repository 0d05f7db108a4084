// Runs the editors' content check at the start of `astro build` (and as warnings in `astro dev`), so the build
// stops with the same plain Danish messages as `npm run check:content`, before Astro's own, terser errors.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from './check-content.ts';
import { loadProject } from './load-project.ts';
import { formatProblem } from './problem.ts';
import { summaryLine } from './report.ts';

export function contentChecks(): AstroIntegration {
  return {
    name: 'samskabelse:content-checks',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const result = checkContent(loadProject(fileURLToPath(config.root)));
        for (const warning of result.warnings) logger.warn(formatProblem(warning));
        if (result.problems.length === 0) return;
        const report = command === 'build' ? logger.error.bind(logger) : logger.warn.bind(logger);
        for (const problem of result.problems) report(formatProblem(problem));
        if (command === 'build') {
          const error = new Error(`${summaryLine(result)} Ret dem, og byg igen. Du kan tjekke indholdet hurtigt med npm run check:content.`);
          // The problems above say where; a stack trace into this file would only confuse an editor.
          error.stack = error.message;
          throw error;
        }
      },
    },
  };
}
