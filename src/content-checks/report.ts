// The checker's three ways to speak: plain lines for a terminal, annotations for GitHub's file view, and a
// Markdown summary in Danish for the pull request's check page.
import type { CheckResult } from './check-content.ts';
import { fieldLabel, formatProblem, type Problem } from './problem.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function listing(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}`;
}

/** "Indholdet er i orden: …" or "Fandt 3 problemer i 2 filer." */
export function summaryLine({ problems, counts }: CheckResult): string {
  if (problems.length === 0) {
    const cases = plural(counts.cases, 'case', 'cases') + (counts.drafts > 0 ? ` (heraf ${plural(counts.drafts, 'udkast', 'udkast')})` : '');
    return `Indholdet er i orden: ${listing([cases, plural(counts.principles, 'princip', 'principper'), plural(counts.pages, 'side', 'sider')])} er tjekket.`;
  }
  const files = new Set(problems.map((p) => p.file)).size;
  return `Fandt ${plural(problems.length, 'problem', 'problemer')} i ${plural(files, 'fil', 'filer')}.`;
}

const warningCount = (result: CheckResult) => (result.warnings.length > 0 ? ` ${plural(result.warnings.length, 'advarsel', 'advarsler')} om læsbarhed (stopper ikke bygget).` : '');

export function textReport(result: CheckResult): string {
  const lines = [...result.problems.map(formatProblem), ...result.warnings.map((w) => `Advarsel: ${formatProblem(w)}`)];
  const advice = result.problems.length > 0 ? ' Ret dem, og kør npm run check:content igen.' : '';
  return [...lines, `${summaryLine(result)}${advice}${warningCount(result)}`].join('\n') + '\n';
}

/** GitHub's workflow command escaping: data escapes %, CR and LF; properties also : and ,. */
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

function annotationTitle(problem: Problem): string {
  return problem.field && problem.field.length > 0 ? `Feltet ${fieldLabel(problem.field)}` : 'Indholdet';
}

/** GitHub shows at most 10 error annotations per step; past that, one notice says where the rest are. */
export const maxAnnotations = 10;

/**
 * One `::error file=…,line=…,title=…::message` line per problem (the first {@link maxAnnotations}); GitHub shows
 * each on the line in the pull request. The rest are counted in a notice that points at the summary and comment.
 * LIX warnings follow as `::warning` lines.
 */
export function githubAnnotations(result: CheckResult, limit = maxAnnotations): string {
  const lines = result.problems
    .slice(0, limit)
    .map((p) => `::error file=${escapeProperty(p.file)},line=${p.line},title=${escapeProperty(annotationTitle(p))}::${escapeData(p.message)}`);
  const rest = result.problems.length - limit;
  if (rest > 0) lines.push(`::notice title=Flere problemer::${escapeData(`${plural(rest, 'problem mere står', 'problemer mere står')} i opsummeringen og i kommentaren på pull requesten.`)}`);
  const warnings = result.warnings.slice(0, limit).map((p) => `::warning file=${escapeProperty(p.file)},line=${p.line},title=Læsbarhed (LIX)::${escapeData(p.message)}`);
  return [...lines, ...warnings].map((line) => `${line}\n`).join('');
}

/** The hidden line that marks the checker's own comment on a pull request, so each push updates it instead of adding one. */
export const commentMarker = '<!-- samskabelse:indholdstjek -->';

/** The pull request comment: the marker, then the same Danish summary as the check page. */
export function pullRequestComment(result: CheckResult): string {
  return `${commentMarker}\n${markdownSummary(result)}`;
}

/** The readability section: warnings over the goal, and every page's LIX folded away below them. */
function readabilitySection(result: CheckResult): string[] {
  if (result.readability.length === 0) return [];
  const out = ['### Læsbarhed (LIX)', ''];
  if (result.warnings.length === 0) out.push('Alle sider holder deres LIX-mål (principper og manifest højst 40, cases og andre sider højst 45).', '');
  else {
    out.push(`⚠️ ${plural(result.warnings.length, 'side', 'sider')} er over målet. Det er en advarsel, ikke en fejl: siderne bliver stadig bygget.`, '');
    for (const w of result.warnings) out.push(`- ${markdownText(w.file)}: ${markdownText(w.message)}`);
    out.push('');
  }
  out.push('<details><summary>LIX for hver side</summary>', '', '| Fil | LIX | Mål |', '| --- | ---: | ---: |');
  for (const r of result.readability) out.push(`| ${markdownText(r.file)} | ${r.lix}${r.lix > r.goal ? ' ⚠️' : ''} | ${r.goal} |`);
  out.push('', '</details>', '');
  return out;
}

/** Markdown that shows editor text as text: no HTML, no emphasis, no table breaks. */
function markdownText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(/([\\`*_[\]|])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
}

export function markdownSummary(result: CheckResult): string {
  const out = ['## Tjek af indholdet', ''];
  if (result.problems.length === 0) {
    out.push(`✅ ${summaryLine(result)}`, '', ...readabilitySection(result));
    return out.join('\n');
  }
  out.push(
    `❌ ${summaryLine(result)} Ret dem i filerne, og gem. Så kører tjekket igen af sig selv.`,
    '',
    'På GitHub retter du en fil ved at åbne den og trykke på blyanten (✏️). Vejledningen står i CONTRIBUTING.md.',
    '',
  );
  const byFile = Map.groupBy(result.problems, (p) => p.file);
  for (const [file, problems] of byFile) {
    out.push(`### ${markdownText(file)}`, '', '| Linje | Felt | Hvad er galt, og hvad skal der stå |', '| ---: | --- | --- |');
    for (const p of problems) out.push(`| ${p.line} | ${p.field && p.field.length > 0 ? markdownText(fieldLabel(p.field)) : ''} | ${markdownText(p.message)} |`);
    out.push('');
  }
  out.push(...readabilitySection(result));
  return out.join('\n');
}
