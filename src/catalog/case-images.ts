// A case's image: the path an editor writes in image.src (relative to the case file), turned into the imported file
// that astro:assets optimises. Every image under content/cases/ is known to the bundler through one glob.
import { posix } from 'node:path';
import type { ImageMetadata } from 'astro';

const images = import.meta.glob<{ default: ImageMetadata }>('/content/cases/**/*.{jpg,jpeg,png,webp,avif,gif,svg}');

/** The key import.meta.glob uses for `src` written in the case file at `filePath` (e.g. content/cases/seest.mdx). */
export function caseImageKey(filePath: string, src: string): string {
  return posix.normalize(posix.join('/', posix.dirname(filePath), src));
}

/** The image for a case, or an error naming the file (check:content stops a missing image long before this). */
// @not-ui-text: a build error for the editor whose case file names a missing image.
export async function caseImage(filePath: string, src: string): Promise<ImageMetadata> {
  const load = images[caseImageKey(filePath, src)];
  if (!load) throw new Error(`${filePath}: billedet ${src} findes ikke under content/cases/`);
  return (await load()).default;
}
