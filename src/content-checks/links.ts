// Checks links and images against the site as it will be built: internal links must reach a page, external
// links must be real addresses, and images must be files in the repository with a description.
import { posix } from 'node:path';
import { closest, meantText } from './closest.ts';

export const imageRules = {
  maxBytes: 2 * 1024 * 1024,
  formats: ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'svg'],
  folder: 'billeder',
} as const;

export const linkMessages = {
  empty: (text: string) => `Linket "${text}" har ingen adresse. Skriv adressen mellem ( og ).`,
  unknownPage: (url: string, meant: string) => `Linket "${url}" fører ikke til en side på sitet.${meant}`,
  missingSlash: (url: string) => `Linket "${url}" mangler en / til sidst. Skriv "${url.replace(/([?#]|$)/, '/$1')}".`,
  draftCase: (url: string) => `Linket "${url}" fører til en case, der er et udkast (draft: true), så den vises ikke på sitet endnu.`,
  contentFile: (url: string, route: string) => `Link til siden, ikke til filen: skriv "${route}" i stedet for "${url}".`,
  noScheme: (url: string) => `Linket "${url}" mangler https:// foran. Skriv "https://${url}".`,
  relative: (url: string) =>
    `"${url}" er hverken en adresse på sitet eller en webadresse. Skriv interne links med / først, fx /cases/seest/, og eksterne links med https:// foran.`,
  badExternal: (url: string) => `Linket "${url}" er ikke en gyldig webadresse. Tjek stavningen; en adresse må ikke indeholde mellemrum.`,
  badScheme: (url: string) => `Linket "${url}" kan ikke bruges. Links skal begynde med https://, http://, mailto: eller /.`,
} as const;

export const imageMessages = {
  noAlt: (src: string) =>
    `Billedet "${src}" mangler en alternativ tekst. Skriv, hvad billedet viser, mellem [ og ], fx ![Beboere og kommunens medarbejdere ved et møde](${src}).`,
  remote: (src: string, folder: string) =>
    `Billedet "${src}" ligger på en anden hjemmeside, og siden viser kun billeder fra sit eget repository. Hent billedet (hvis I har lov til at bruge det), og læg det i mappen ${folder}/.`,
  missing: (src: string, meant: string, folder: string) => `Billedet "${src}" findes ikke.${meant} Læg billedet i mappen ${folder}/, og skriv stien som ./${imageRules.folder}/filnavn.jpg.`,
  format: (src: string, ext: string) => `Billedet "${src}" er en .${ext}-fil, som siden ikke kan vise. Gem det som .jpg, .png, .webp eller .avif.`,
  tooLarge: (src: string, bytes: number) =>
    `Billedet "${src}" fylder ${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB, men må højst fylde ${imageRules.maxBytes / 1024 / 1024} MB. Gør det mindre, fx med squoosh.app, og gem det som .jpg eller .webp.`,
} as const;

export interface SiteMap {
  /** Every path the built site answers, e.g. /cases/seest/. */
  paths: ReadonlySet<string>;
  /** Paths of draft cases: real files, but not on the site. */
  drafts: ReadonlySet<string>;
  /** content/cases/seest.mdx → /cases/seest/, for links written as file paths. */
  routeOfFile: (file: string) => string | undefined;
}

/** The problem with one link in a file, or undefined when the link is fine. */
export function linkProblem(url: string, text: string, fromFile: string, site: SiteMap): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return linkMessages.empty(text);
  if (trimmed.startsWith('#') || /^(mailto|tel):/i.test(trimmed)) return undefined;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const parsed = new URL(trimmed);
      if (/\s/.test(trimmed) || !parsed.hostname.includes('.') || parsed.hostname.startsWith('.') || parsed.hostname.endsWith('.')) return linkMessages.badExternal(url);
      return undefined;
    } catch {
      return linkMessages.badExternal(url);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return linkMessages.badScheme(url);
  if (/^www\./i.test(trimmed)) return linkMessages.noScheme(trimmed);

  const [pathPart] = trimmed.split(/[?#]/);
  if (/\.mdx?$/i.test(pathPart!)) {
    const target = pathPart!.startsWith('/') ? pathPart!.slice(1) : posix.normalize(posix.join(posix.dirname(fromFile), pathPart!));
    const route = site.routeOfFile(target) ?? site.routeOfFile(`content/${posix.basename(posix.dirname(target))}/${posix.basename(target)}`);
    if (route) return linkMessages.contentFile(url, route);
  }
  if (!trimmed.startsWith('/')) return linkMessages.relative(url);
  const path = decodeURI(pathPart!);
  if (site.paths.has(path)) return undefined;
  if (site.drafts.has(path) || site.drafts.has(`${path}/`)) return linkMessages.draftCase(url);
  if (!path.endsWith('/') && site.paths.has(`${path}/`)) return linkMessages.missingSlash(url);
  return linkMessages.unknownPage(url, meantText(closest(path, [...site.paths])));
}

export interface ImageFiles {
  /** Size in bytes, or undefined when there is no such file. */
  sizeOf: (path: string) => number | undefined;
  /** The files in a folder (relative paths), for "Mente du …?". */
  filesIn: (folder: string) => readonly string[];
}

/** The problem with one image used in a file, or undefined when it is fine; `alt: null` leaves the alt text to the schema. */
export function imageProblem(src: string, alt: string | undefined | null, fromFile: string, files: ImageFiles): string | undefined {
  const folder = `${posix.dirname(fromFile)}/${imageRules.folder}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return imageMessages.remote(src, folder);
  const path = src.startsWith('/') ? posix.join('public', src) : posix.normalize(posix.join(posix.dirname(fromFile), src));
  const size = files.sizeOf(path);
  if (size === undefined) {
    const dir = posix.dirname(path);
    const near = closest(posix.basename(path), files.filesIn(dir).map((f) => posix.basename(f)));
    const relative = (name: string) => (src.startsWith('/') ? posix.join(posix.dirname(src), name) : `./${posix.relative(posix.dirname(fromFile), posix.join(dir, name))}`);
    return imageMessages.missing(src, meantText(near.map(relative)), folder);
  }
  const ext = posix.extname(path).slice(1).toLowerCase();
  if (!(imageRules.formats as readonly string[]).includes(ext)) return imageMessages.format(src, ext || '?');
  if (size > imageRules.maxBytes) return imageMessages.tooLarge(src, size);
  if (alt !== null && (alt ?? '').trim() === '') return imageMessages.noAlt(src);
  return undefined;
}
