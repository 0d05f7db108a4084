// From proposal to text: an accepted new wording becomes a pull request that changes the principle's summary in
// content/principles/<slug>.mdx and adds a draft of the next version record (content/charter/versions/<n>.yaml), with
// a link back to the proposal. The change then goes through the same review as a case.
import { stringify } from 'yaml';
import type { Db } from '../platform/db/client.ts';
import { recordAuditRow } from '../platform/audit-log.ts';
import { githubSettingsFromEnv, openPullRequest, type GitHubSettings, type PullRequestRequest } from '../platform/github/pull-request.ts';
import { mailSettings } from '../platform/mail/settings.ts';
import { currentCharter, type CharterVersion } from '../charter/charter-versions.ts';
import { charterVersionsFolder, contentFolders } from '../content-schemas.ts';
import { strings } from '../i18n/index.ts';
import { proposalLinks } from './proposal-mails.ts';
import { isProposalId, type ProposalRow } from './proposals.ts';

export type ProposalPullRequestOutcome =
  | { ok: true; url: string }
  | { ok: false; reason: 'unknown' | 'wrong-status' | 'not-wording' | 'already-opened' | 'not-configured' | 'github-failed'; message: string; url?: string };

const m = strings().charterProposals.admin.messages;

/** The principle's file with `summary:` in its frontmatter set to the new wording; the rest stays as it is. */
export function withSummary(mdx: string | undefined, wording: string): string {
  const frontmatter = mdx === undefined ? undefined : /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  if (mdx === undefined || !frontmatter || !/^summary:.*$/m.test(frontmatter[1]!)) throw new Error('The principle file has no summary in its frontmatter.');
  const line = stringify({ summary: wording }, { lineWidth: 0 }).trimEnd();
  const head = frontmatter[1]!.replace(/^summary:.*(?:\r?\n[ \t]+.*)*$/m, () => line);
  return mdx.replace(frontmatter[1]!, () => head);
}

// @not-ui-text: the version record and the pull request are for the editors who review the change, in the content's language.
export function versionDraft(charter: CharterVersion, proposal: ProposalRow & { wording: string }, proposalUrl: string, today: string): string {
  const next = charter.version + 1;
  const principle = charter.principles.find((p) => p.slug === proposal.principle)!;
  const draft = {
    version: next,
    adopted: today,
    summary: `Ny ordlyd af princip ${principle.number}, »${principle.title}«, fra et forslag på sitet: ${proposalUrl}`,
    principles: charter.principles.map((p) => (p.slug === proposal.principle ? { ...p, wording: proposal.wording } : p)),
  };
  return [
    `# UDKAST til version ${next} fra forslaget ${proposalUrl}`,
    '# Ret adopted til den dag, versionen bliver vedtaget, og skriv summary færdig, før pull requesten flettes.',
    stringify(draft, { lineWidth: 0 }),
  ].join('\n');
}

/** Inline code in a pull request: shows a stranger's text as text (no links, images or @mentions). */
const code = (text: string) => `\`${text.replaceAll('`', "'").replace(/\s+/g, ' ')}\``;

// @not-ui-text: the pull request is for the editors who review the change, in the content's language.
export function pullRequestFor(charter: CharterVersion, proposal: ProposalRow & { wording: string }, proposalUrl: string, today: string): PullRequestRequest {
  const principle = charter.principles.find((p) => p.slug === proposal.principle)!;
  const next = charter.version + 1;
  return {
    branch: `chartret/${proposal.principle}-${proposal.id.slice(0, 8)}`,
    files: [
      { path: `${contentFolders.principles}/${proposal.principle}.mdx`, edit: (mdx) => withSummary(mdx, proposal.wording) },
      { paths: [`${charterVersionsFolder}/${next}.yaml`], content: versionDraft(charter, proposal, proposalUrl, today) },
    ],
    commitMessage: `Ny ordlyd af princippet "${principle.title.replaceAll('"', "'")}" fra et forslag på sitet`,
    title: `Chartret: ny ordlyd af princip ${principle.number}, ${principle.title}`.slice(0, 120),
    body: [
      'Et forslag til chartret, som sekretariatet har taget imod. Pull requesten retter princippets ordlyd (`summary`) og lægger et udkast til næste version af chartret.',
      '',
      `- Forslaget: ${proposalUrl}`,
      `- Princip: ${code(principle.title)} (${proposal.principle})`,
      `- Nu: ${code(principle.wording)}`,
      `- Foreslået: ${code(proposal.wording)}`,
      '',
      'Til redaktøren:',
      `- [ ] Læs forslaget, begrundelsen og sekretariatets svar på ${proposalUrl}`,
      `- [ ] Ret \`adopted\` og \`summary\` i version ${next}, når versionen bliver vedtaget`,
      '- [ ] Ret gerne resten af principets tekst, så den passer til den nye ordlyd',
      '',
      'Forslagsstillerens navn og e-mail står ikke her, fordi pull requests er offentlige.',
    ].join('\n'),
  };
}

/** Opens the pull request for a published proposal of a new wording, once, and records it with an audit row. */
export async function acceptProposal(db: Db, id: string, actor: string, ctx: { now?: Date; site?: string; github?: GitHubSettings | null } = {}): Promise<ProposalPullRequestOutcome> {
  const now = ctx.now ?? new Date();
  const site = ctx.site ?? mailSettings().siteUrl;
  const github = ctx.github === undefined ? githubSettingsFromEnv() : ctx.github;
  if (!isProposalId(id)) return { ok: false, reason: 'unknown', message: m.unknown };
  const { rows } = await db.query<ProposalRow>('SELECT * FROM charter_proposals WHERE id = $1', [id]);
  const proposal = rows[0];
  if (!proposal) return { ok: false, reason: 'unknown', message: m.unknown };
  if (proposal.pr_url) return { ok: false, reason: 'already-opened', message: m.pullRequest(proposal.pr_url), url: proposal.pr_url };
  if (proposal.status !== 'published') return { ok: false, reason: 'wrong-status', message: m.wrongStatus };
  if (proposal.kind !== 'wording' || !proposal.wording) return { ok: false, reason: 'not-wording', message: m.notWording };
  if (!github) return { ok: false, reason: 'not-configured', message: m.notConfigured };

  const charter = await currentCharter();
  const proposalUrl = proposalLinks.proposal(site, proposal.principle, proposal.id, 'da');
  let url: string;
  try {
    url = (await openPullRequest(github, pullRequestFor(charter, { ...proposal, wording: proposal.wording }, proposalUrl, now.toISOString().slice(0, 10)))).url;
  } catch (error) {
    const detail = error instanceof Error ? `${(error as { status?: number }).status ?? ''} ${error.message}`.trim() : String(error);
    console.error(`[chartret] pull request for ${id} failed:`, detail);
    return { ok: false, reason: 'github-failed', message: m.githubFailed(detail.slice(0, 200)) };
  }
  await db.transaction(async (tx) => {
    await tx.query('UPDATE charter_proposals SET pr_url = $2, pr_opened_at = $3 WHERE id = $1 AND pr_url IS NULL', [id, url, now]);
    await recordAuditRow(tx, { actor, action: 'proposal-pull-request', subject: id, detail: url }, now);
  });
  return { ok: true, url };
}
