// Dates from git history for content files: when a file was first added and when it last changed.
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';

export interface GitHistory {
  /** When the file was first committed (following renames); undefined when git does not know it. */
  added(file: string): Date | undefined;
  /** When the file was last committed; undefined when git does not know it. */
  updated(file: string): Date | undefined;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/**
 * Reads the whole history once, oldest commit first, and follows renames. Asking git about each file on its own
 * cost a process and a walk of the history per file: 19 s of a 40 s build with 1,000 cases (docs/benchmarks.md).
 */
export function readGitHistory(cwd: string = process.cwd()): GitHistory {
  const added = new Map<string, Date>();
  const updated = new Map<string, Date>();
  const top = git(cwd, ['rev-parse', '--show-toplevel'])?.trim();
  const log = top && git(cwd, ['log', '--reverse', '-M', '--name-status', '--format=%x00%cI']);
  if (top && log) {
    for (const commit of log.split('\0').slice(1)) {
      const [stamp, ...changes] = commit.split('\n');
      const date = new Date(stamp!);
      for (const line of changes) {
        const [status, from, to] = line.split('\t');
        if (!status || !from) continue;
        if (status.startsWith('R') && to) {
          added.set(to, added.get(from) ?? date);
          updated.set(to, date);
        } else {
          const path = status.startsWith('C') && to ? to : from;
          if (!added.has(path)) added.set(path, date);
          updated.set(path, date);
        }
      }
    }
  }
  const key = (file: string) => (top ? relative(top, resolve(cwd, file)) : file);
  return { added: (file) => added.get(key(file)), updated: (file) => updated.get(key(file)) };
}

let history: GitHistory | undefined;
const current = () => (history ??= readGitHistory());

/** When the file was first committed; today for a file git does not know yet. */
export function addedDate(file: string | undefined): Date {
  return (file && current().added(file)) || new Date();
}

/** When the file was last committed; today for a file git does not know yet. */
export function updatedDate(file: string | undefined): Date {
  return (file && current().updated(file)) || new Date();
}
