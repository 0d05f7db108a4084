// The principle a proposal is about, as the current version of the charter words it (content/charter/versions/).
import { currentCharter } from '../charter/charter-versions.ts';
import type { PrincipleText } from './proposals.ts';

/** The principle's title and wording in the newest adopted version, or undefined for a slug that is no principle. */
export async function principleText(slug: string): Promise<(PrincipleText & { number: number }) | undefined> {
  const charter = await currentCharter();
  const principle = charter.principles.find((p) => p.slug === slug);
  return principle && { slug, title: principle.title, wording: principle.wording, number: principle.number, version: String(charter.version) };
}
