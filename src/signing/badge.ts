// The embeddable badge a published signatory can show on its own site, as a self-contained SVG in three sizes. Every
// line of text is measured with the conservative table in badge-layout.ts and wrapped, so nothing is ever clipped.
import { escapeHtml } from '../platform/html/escape.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { fitText, wrapText } from './badge-layout.ts';

export const badgeSizes = ['small', 'medium', 'large'] as const;
export type BadgeSize = (typeof badgeSizes)[number];
export const defaultBadgeSize: BadgeSize = 'medium';

/** The query's size, or the default for anything else: an embedded image should show, not fail, on a typo. */
export function badgeSize(value: string | null | undefined): BadgeSize {
  return (badgeSizes as readonly string[]).includes(value ?? '') ? (value as BadgeSize) : defaultBadgeSize;
}

/** Each size's width in px and the scale of its type and spacing (medium is the design at 1). */
const sizes: Record<BadgeSize, { width: number; scale: number }> = {
  small: { width: 240, scale: 0.85 },
  medium: { width: 320, scale: 1 },
  large: { width: 440, scale: 1.3 },
};

const fontFamily = 'system-ui,Segoe UI,Arial,sans-serif';
/** Where the text column starts (after the two rings) and the padding around it, at scale 1. */
const textLeft = 60;
const padding = 11;
/** The badge is never lower than this at scale 1, so the rings always fit. */
const minHeight = 64;
/** From the top of a line box to its baseline, and the line box's height, in em: room for the ascent and descent of any font in the stack. */
const ascent = 0.95;
const lineHeight = 1.25;

interface Block {
  fontSize: number;
  lines: string[];
  bold: boolean;
}

export interface BadgeLine {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  fontSize: number;
  bold: boolean;
}

export interface BadgeLayout {
  width: number;
  height: number;
  scale: number;
  /** The width the text may take, from `textLeft` to the right padding. */
  textWidth: number;
  textLeft: number;
  lines: BadgeLine[];
}

/** Places the text blocks in a column, centred in the badge's minimum height, or making the badge taller when they need it. */
function layout(size: BadgeSize, blocks: Block[]): BadgeLayout {
  const { width, scale } = sizes[size];
  const left = textLeft * scale;
  const gap = 2 * scale;
  const contentHeight = blocks.reduce((sum, b) => sum + b.lines.length * b.fontSize * lineHeight, 0) + gap * (blocks.length - 1);
  const height = Math.ceil(Math.max(minHeight * scale, contentHeight + 2 * padding * scale));
  let top = (height - contentHeight) / 2;
  const lines: BadgeLine[] = [];
  for (const block of blocks) {
    for (const text of block.lines) {
      lines.push({ text, x: left, y: round(top + ascent * block.fontSize), fontSize: round(block.fontSize), bold: block.bold });
      top += block.fontSize * lineHeight;
    }
    top += gap;
  }
  return { width, height, scale, textWidth: width - left - padding * scale, textLeft: left, lines };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The badge's text, laid out for a size: "We have signed", the charter's name, and the organisation's name, fitted. */
export function badgeLayout(organisationName: string, size: BadgeSize = defaultBadgeSize, t: Strings = strings()): BadgeLayout {
  const { width, scale } = sizes[size];
  const room = width - textLeft * scale - padding * scale;
  const fixed = (text: string, fontSize: number, bold: boolean): Block => ({ fontSize: fontSize * scale, lines: wrapText(text, fontSize * scale, room), bold });
  // Never below 9 px, even on the small badge: a longer name gets more lines instead.
  const name = fitText(organisationName.trim(), room, { largest: 14 * scale, smallest: Math.max(9, 10 * scale), maxLines: 3 });
  return layout(size, [fixed(t.badge.signed, 13, false), fixed(t.badge.charter, 13, false), { ...name, bold: true }]);
}

/** The neutral badge's layout: the charter's name alone. */
export function neutralBadgeLayout(size: BadgeSize = defaultBadgeSize, t: Strings = strings()): BadgeLayout {
  const { width, scale } = sizes[size];
  const room = width - textLeft * scale - padding * scale;
  return layout(size, [{ fontSize: 15 * scale, lines: wrapText(t.badge.charter, 15 * scale, room), bold: true }]);
}

function svg(box: BadgeLayout, label: string, fill: string): string {
  const s = box.scale;
  const ring = (cx: number) => `<circle cx="${round(cx * s)}" cy="${round(32 * s)}" r="${round(11 * s)}" fill="none" stroke="#fff" stroke-width="${round(3 * s)}"/>`;
  const text = box.lines
    .map((l) => `<text x="${round(l.x)}" y="${l.y}" font-size="${l.fontSize}"${l.bold ? ' font-weight="700"' : ''}>${escapeHtml(l.text)}</text>`)
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}" role="img" aria-label="${label}">
<rect width="${box.width}" height="${box.height}" rx="${round(8 * s)}" fill="${fill}"/>
${ring(26)}${ring(38)}
<g fill="#fff" font-family="${fontFamily}">
${text}
</g>
</svg>`;
}

export function badgeSvg(organisationName: string, size: BadgeSize = defaultBadgeSize, t: Strings = strings()): string {
  return svg(badgeLayout(organisationName, size, t), t.badge.label(escapeHtml(organisationName)), '#1d4d34');
}

/**
 * What a partner's page shows when the badge's signatory is unknown or has withdrawn: the charter's name and no
 * organisation, as an image (an <img> would show a broken icon for JSON), so nobody is named who has not signed.
 */
export function neutralBadgeSvg(size: BadgeSize = defaultBadgeSize, t: Strings = strings()): string {
  return svg(neutralBadgeLayout(size, t), escapeHtml(t.badge.charter), '#505a5f');
}
