// Dates from git history for content files: when a file was first added and when it last changed.
import { execFileSync } from 'node:child_process';

/** The commit dates git lists for a file, newest first; empty when git or the file's history is missing. */
function commitDates(file: string, args: string[]): Date[] {
  try {
    const out = execFileSync('git', ['log', ...args, '--format=%cI', '--', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter(Boolean).map((iso) => new Date(iso));
  } catch {
    return [];
  }
}

/** When the file was first committed; today for a file git does not know yet. */
export function addedDate(file: string | undefined): Date {
  return (file && commitDates(file, ['--diff-filter=A', '--follow']).at(-1)) || new Date();
}

/** When the file was last committed; today for a file git does not know yet. */
export function updatedDate(file: string | undefined): Date {
  return (file && commitDates(file, ['-1']).at(0)) || new Date();
}
