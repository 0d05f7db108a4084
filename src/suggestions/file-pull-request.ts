// Opens a pull request that adds one file on a new branch, through GitHub's REST API (Octokit). Every step can be
// repeated: a branch, file or pull request left by an earlier, half-finished attempt is found and reused.
import { Octokit } from '@octokit/rest';
import { parseRepository } from '../site-config.ts';

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

/** GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name) turn the GitHub path on; without both, suggestions wait in the admin. */
export function githubSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): GitHubSettings | undefined {
  if (!env.GITHUB_TOKEN || !env.GITHUB_REPOSITORY) return undefined;
  const { owner, name } = parseRepository(env.GITHUB_REPOSITORY);
  return { token: env.GITHUB_TOKEN, owner, repo: name, apiUrl: env.GITHUB_API_URL || 'https://api.github.com' };
}

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
  path: string;
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

export async function openFilePullRequest(settings: GitHubSettings, request: FilePullRequest, timeoutMs = 20_000): Promise<OpenedPullRequest> {
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

  let path: string | undefined;
  for (const candidate of request.paths) {
    if (!(await unless404(() => octokit.rest.repos.getContent({ ...repo, path: candidate, ref: base })))) {
      path = candidate;
      break;
    }
  }
  if (!path) throw new Error(`Alle filnavne er optaget på ${base}: ${request.paths.join(', ')}`);

  const content = Buffer.from(request.content, 'utf8').toString('base64');
  const existing = (await unless404(() => octokit.rest.repos.getContent({ ...repo, path: path!, ref: request.branch })))?.data;
  const existingFile = existing && !Array.isArray(existing) && existing.type === 'file' ? existing : undefined;
  if (existingFile?.content?.replace(/\s/g, '') !== content) {
    await octokit.rest.repos.createOrUpdateFileContents({
      ...repo,
      path,
      message: request.commitMessage,
      content,
      branch: request.branch,
      ...(existingFile ? { sha: existingFile.sha } : {}),
    });
  }

  const { data: open } = await octokit.rest.pulls.list({ ...repo, head: `${settings.owner}:${request.branch}`, state: 'open' });
  const pull = open[0] ?? (await octokit.rest.pulls.create({ ...repo, title: request.title, head: request.branch, base, body: request.body })).data;
  return { url: pull.html_url, number: pull.number, path };
}
