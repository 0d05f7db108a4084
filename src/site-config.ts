// Where the site's source lives on GitHub: the one place to change it. The "Rediger denne side" links and the
// suggest-a-case pull requests use it. GITHUB_REPOSITORY ("owner/name", set by GitHub Actions) overrides it at build time.
import { strings } from './i18n/index.ts';

const defaultRepository = 'samskabelsesbevaegelsen/samskabelse';

// @not-ui-text: a build-time error for whoever sets GITHUB_REPOSITORY.
export function parseRepository(value: string): { owner: string; name: string } {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(value.trim());
  if (!match) throw new Error(`GITHUB_REPOSITORY skal have formen ejer/navn, fx ${defaultRepository}; den er "${value}".`);
  return { owner: match[1]!, name: match[2]! };
}

export const repository = {
  ...parseRepository(process.env.GITHUB_REPOSITORY || defaultRepository),
  /** The branch the site is built from; edit links open files there. */
  branch: 'main',
};

const base = `https://github.com/${repository.owner}/${repository.name}`;

export const repositoryLinks = {
  /** GitHub's web editor for a file in the repository (content/cases/seest.mdx). */
  edit: (path: string) => `${base}/edit/${repository.branch}/${path}`,
  /** The file as GitHub shows it. */
  file: (path: string) => `${base}/blob/${repository.branch}/${path}`,
  /** The editors' guide. */
  contributing: `${base}/blob/${repository.branch}/CONTRIBUTING.md`,
};

/** Where mail comes from when MAIL_FROM is unset (local work only; a production build requires MAIL_FROM). */
export const defaultMailFrom = `${strings().site.name} <noreply@localhost>`;

/** The bare address in MAIL_FROM ("Navn <a@b.dk>" → "a@b.dk"): where people write to the secretariat. */
export function secretariatAddress(env: NodeJS.ProcessEnv = process.env): string {
  const from = env.MAIL_FROM || defaultMailFrom;
  return /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();
}
