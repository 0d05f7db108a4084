// Reads a file's MDX text with the same parser Astro builds it with (Sätteri), turns its syntax errors into
// plain advice, and collects the links and images for the checks that need the whole site.
import { mdxToMdast } from 'satteri';
import type { Problem } from './problem.ts';

export interface BodyLink {
  url: string;
  text: string;
  line: number;
}

export interface BodyImage {
  src: string;
  alt: string | undefined;
  line: number;
}

/** An `import X from './file'` line: MDX's way to use a component, which developers (not editors) write. */
export interface BodyImport {
  names: string[];
  source: string;
  line: number;
}

export interface BodyFacts {
  links: BodyLink[];
  images: BodyImage[];
  imports: BodyImport[];
  /** Capitalised JSX elements (`<Kort />`): components, which work only when the file imports them. */
  components: { name: string; line: number }[];
  /** Level-2 headings with nothing under them before the next heading. */
  emptySections: { heading: string; line: number }[];
  /** True when there is prose after the frontmatter. */
  hasText: boolean;
  /** The prose as blocks (paragraphs, headings, table cells), for LIX. */
  prose: string[];
}

const importLine = /^\s*import\s+([A-Z][\w$]*)\s+from\s+['"](\.{1,2}\/[^'"]+)['"];?\s*$/;

const voidElements = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'area', 'col', 'embed', 'track']);

export const bodyMessages = {
  lessThan: (snippet: string) =>
    `Tegnet < i "${snippet}" bliver læst som starten på et HTML-element, og så stopper bygget. Skriv "under" eller "mindre end" i stedet, eller skriv \\< (med en omvendt skråstreg foran).`,
  autolink: (url: string) => `Links i < > virker ikke i MDX. Skriv [tekst](${url}) eller bare adressen uden < og >.`,
  htmlComment: 'HTML-kommentarer (<!-- -->) virker ikke i MDX. Skriv {/* kommentar */} i stedet.',
  voidElement: (name: string) => `Elementet <${name}> skal lukkes i MDX: skriv <${name} /> i stedet.`,
  unclosedElement: (name: string) => `Elementet <${name}> bliver aldrig lukket. Skriv </${name}> efter teksten, eller slet <${name}>.`,
  openBrace: 'Der står en { uden en } bagefter. Krøllede parenteser bruges til kode i MDX; skriv \\{, hvis du mener selve tegnet.',
  badExpression: 'Teksten mellem { og } bliver læst som kode og kan ikke forstås. Skriv \\{ og \\}, hvis du mener selve tegnene.',
  unknownSyntax: (detail: string) => `MDX kan ikke læse teksten her (${detail}). Tjek tegnene <, >, { og } på linjen.`,
  expression: 'Krøllede parenteser { } bliver læst som kode i MDX, og det, der står imellem, vises ikke som tekst. Skriv \\{ og \\}, hvis du mener selve tegnene.',
  esm: (word: string) => `Linjen begynder med ordet "${word}", og så læser MDX den som kode. Omformulér, så linjen ikke begynder med "${word}".`,
  component: (name: string) => `<${name}> er ikke noget, siden kender, og stopper bygget. Skriv almindelig tekst i stedet, og brug [tekst](adresse) til links.`,
  missingImport: (source: string) => `Filen "${source}", som linjen henter, findes ikke. Tjek stien, eller slet linjen.`,
} as const;

type Node = {
  type: string;
  position?: { start: { line: number; column: number } };
  children?: Node[];
  value?: string;
  url?: string;
  alt?: string | null;
  name?: string | null;
  depth?: number;
  attributes?: { type: string; name?: string; value?: unknown }[];
};

const textOf = (node: Node): string => node.value ?? (node.children ?? []).map(textOf).join('');

/** Plain advice for one of Sätteri's MDX errors ("5:15: Unexpected character after `<` … (mdx-jsx:…)"). */
function syntaxProblem(file: string, text: string, error: unknown): Problem {
  const raw = error instanceof Error ? error.message : String(error);
  const at = /^(\d+):(\d+):\s*/.exec(raw);
  const line = at ? Number(at[1]) : 1;
  const column = at ? Number(at[2]) : 1;
  const detail = raw.replace(/^\d+:\d+:\s*/, '').replace(/\s*\([\w:-]+\)$/, '');
  const source = text.split('\n')[line - 1] ?? '';
  const fromColumn = source.slice(column - 1);
  let message: string;
  if (detail.includes('to create a comment in MDX') || fromColumn.startsWith('<!--')) message = bodyMessages.htmlComment;
  else if (/^<https?:\/\//.test(fromColumn)) message = bodyMessages.autolink(/^<([^>\s]+)>?/.exec(fromColumn)?.[1] ?? '');
  else if (/Expected a closing tag for `<([\w.-]+)>`/.test(detail)) {
    const name = /Expected a closing tag for `<([\w.-]+)>`/.exec(detail)![1]!;
    message = voidElements.has(name.toLowerCase()) ? bodyMessages.voidElement(name) : bodyMessages.unclosedElement(name);
  } else if (detail.includes('expected a corresponding closing brace for `{`')) message = bodyMessages.openBrace;
  else if (detail.startsWith('Could not parse expression')) message = bodyMessages.badExpression;
  else if (/after `<`|before name|after `<`,/.test(detail) || fromColumn.startsWith('<')) {
    const snippet = fromColumn.slice(0, 24).trim().split(/\s+/).slice(0, 2).join(' ');
    message = bodyMessages.lessThan(snippet);
  } else message = bodyMessages.unknownSyntax(detail);
  return { file, line, message };
}

export type BodyResult = { ok: true; facts: BodyFacts; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Parses the whole file (frontmatter included, so lines match the file) and walks the tree once. */
export function readBody(file: string, text: string): BodyResult {
  let root: Node;
  try {
    root = mdxToMdast(text) as unknown as Node;
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(file, text, error)] };
  }
  const problems: Problem[] = [];
  const facts: BodyFacts = { links: [], images: [], imports: [], components: [], emptySections: [], hasText: false, prose: [] };
  const lineOf = (node: Node) => node.position?.start.line ?? 1;
  const attribute = (node: Node, name: string) => {
    const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    return found ? (typeof found.value === 'string' ? found.value : '') : undefined;
  };

  const visit = (node: Node) => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        facts.prose.push(textOf(node));
        break;
      case 'link':
      case 'definition':
        facts.links.push({ url: node.url ?? '', text: textOf(node), line: lineOf(node) });
        break;
      case 'image':
        facts.images.push({ src: node.url ?? '', alt: node.alt ?? '', line: lineOf(node) });
        break;
      case 'mdxjsEsm': {
        // A real import of a component is allowed; anything else here is prose that happens to start with import/export.
        const found = importLine.exec(node.value ?? '');
        if (found) facts.imports.push({ names: [found[1]!], source: found[2]!, line: lineOf(node) });
        else problems.push({ file, line: lineOf(node), message: bodyMessages.esm(/^\s*(\w+)/.exec(node.value ?? '')?.[1] ?? 'import') });
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // {/* … */} is how MDX writes a comment, and it renders nothing: that one is allowed.
        if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value ?? '')) problems.push({ file, line: lineOf(node), message: bodyMessages.expression });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (/^[A-Z]/.test(name) || name.includes('.')) facts.components.push({ name, line: lineOf(node) });
        if (name === 'a') facts.links.push({ url: attribute(node, 'href') ?? '', text: textOf(node), line: lineOf(node) });
        if (name === 'img') facts.images.push({ src: attribute(node, 'src') ?? '', alt: attribute(node, 'alt'), line: lineOf(node) });
        break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);

  const blocks = (root.children ?? []).filter((n) => n.type !== 'yaml');
  facts.hasText = blocks.some((n) => n.type !== 'heading' && !(n.type === 'mdxFlowExpression' && /^\s*\/\*/.test(n.value ?? '')));
  blocks.forEach((node, i) => {
    if (node.type !== 'heading' || node.depth !== 2) return;
    const next = blocks.slice(i + 1).find((n) => !(n.type === 'mdxFlowExpression' && /^\s*\/\*/.test(n.value ?? '')));
    if (!next || (next.type === 'heading' && (next.depth ?? 6) <= 2)) facts.emptySections.push({ heading: textOf(node), line: lineOf(node) });
  });
  return { ok: true, facts, problems };
}
