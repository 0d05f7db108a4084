// Opens a pull request that adds or changes files on a new branch, through GitHub's REST API (Octokit): a suggested
// case (one new file) and an accepted proposal to the charter (a changed principle and a new version record). Every
// step can be repeated: a branch, file or pull request left by an earlier, half-finished attempt is found and reused.
import { Octokit } from '@octokit/rest';
import { parseRepository } from '../../site-config.ts';

export interface GitHubSettings {
  token: string;
  owner: string;
  repo: string;
  /** GitHub's API, or a local recording server in tests (GITHUB_API_URL). */
  apiUrl: string;
}

/** Whether GitHub is set up for pull requests, and if not, which settings are missing (names only, never values). */
export type GitHubSetup = { ready: true; repository: string } | { ready: false; missing: string[] };

export function githubSetup(env: NodeJS.ProcessEnv = process.env): GitHubSetup {
  const settings = githubSettingsFromEnv(env);
  if (settings) return { ready: true, repository: `${settings.owner}/${settings.repo}` };
  return { ready: false, missing: ['GITHUB_TOKEN', 'GITHUB_REPOSITORY'].filter((name) => !env[name]) };
}

/** GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name) turn the GitHub path on; without both, the work waits in the admin. */
export function githubSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): GitHubSettings | undefined {
  if (!env.GITHUB_TOKEN || !env.GITHUB_REPOSITORY) return undefined;
  const { owner, name } = parseRepository(env.GITHUB_REPOSITORY);
  return { token: env.GITHUB_TOKEN, owner, repo: name, apiUrl: env.GITHUB_API_URL || 'https://api.github.com' };
}

/**
 * One file in the pull request: a new file at the first of `paths` that is free on the default branch, or the file at
 * `path` changed by `edit` from its text on the default branch (undefined when it is not there).
 */
export type PullRequestFile = { paths: readonly string[]; content: string } | { path: string; edit: (onBase: string | undefined) => string };

export interface PullRequestRequest {
  branch: string;
  files: readonly PullRequestFile[];
  commitMessage: string;
  title: string;
  body: string;
}

/** A pull request that adds one new file (a suggested case). */
export interface FilePullRequest {
  branch: string;
  /** Where the file may go, in order of preference; the first path free on the default branch is used. */
  paths: readonly string[];
  content: string;
  commitMessage: string;
  title: string;
  body: string;
}

export interface OpenedPullRequest {
  url: string;
  number: number;
  /** Where each file went, in the order asked. */
  paths: string[];
}

const isStatus = (error: unknown, status: number) => (error as { status?: number }).status === status;

/** Runs `call`, or answers undefined when GitHub says 404. */
async function unless404<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}

export async function openFilePullRequest(settings: GitHubSettings, request: FilePullRequest, timeoutMs = 20_000): Promise<OpenedPullRequest & { path: string }> {
  const { paths, content, ...rest } = request;
  const opened = await openPullRequest(settings, { ...rest, files: [{ paths, content }] }, timeoutMs);
  return { ...opened, path: opened.paths[0]! };
}

export async function openPullRequest(settings: GitHubSettings, request: PullRequestRequest, timeoutMs = 20_000): Promise<OpenedPullRequest> {
  const octokit = new Octokit({
    auth: settings.token,
    baseUrl: settings.apiUrl,
    userAgent: 'samskabelse-forslag',
    request: { signal: AbortSignal.timeout(timeoutMs) },
  });
  const repo = { owner: settings.owner, repo: settings.repo };

  const { data: repository } = await octokit.rest.repos.get(repo);
  const base = repository.default_branch;
  const { data: baseRef } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${base}` });

  const branchRef = await unless404(() => octokit.rest.git.getRef({ ...repo, ref: `heads/${request.branch}` }));
  if (!branchRef) await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${request.branch}`, sha: baseRef.object.sha });

  /** A file's text and sha on a branch, or undefined. */
  const fileOn = async (path: string, ref: string) => {
    const found = (await unless404(() => octokit.rest.repos.getContent({ ...repo, path, ref })))?.data;
    return found && !Array.isArray(found) && found.type === 'file' ? found : undefined;
  };
  const text = (file: { content?: string } | undefined) => (file?.content === undefined ? undefined : Buffer.from(file.content, 'base64').toString('utf8'));

  const paths: string[] = [];
  for (const file of request.files) {
    let path: string | undefined;
    let content: string;
    if ('paths' in file) {
      for (const candidate of file.paths) {
        if (!(await fileOn(candidate, base))) {
          path = candidate;
          break;
        }
      }
      // @not-ui-text: an operator-facing error, shown to the secretariat as GitHub's failure
      if (!path) throw new Error(`Alle filnavne er optaget på ${base}: ${file.paths.join(', ')}`);
      content = file.content;
    } else {
      path = file.path;
      content = file.edit(text(await fileOn(path, base)));
    }
    paths.push(path);
    const encoded = Buffer.from(content, 'utf8').toString('base64');
    const existingFile = await fileOn(path, request.branch);
    if (existingFile?.content?.replace(/\s/g, '') !== encoded) {
      await octokit.rest.repos.createOrUpdateFileContents({
        ...repo,
        path,
        message: request.commitMessage,
        content: encoded,
        branch: request.branch,
        ...(existingFile ? { sha: existingFile.sha } : {}),
      });
    }
  }

  const { data: open } = await octokit.rest.pulls.list({ ...repo, head: `${settings.owner}:${request.branch}`, state: 'open' });
  const pull = open[0] ?? (await octokit.rest.pulls.create({ ...repo, title: request.title, head: request.branch, base, body: request.body })).data;
  return { url: pull.html_url, number: pull.number, paths };
}
