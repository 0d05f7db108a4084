import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { strings } from '../i18n/index.ts';
import { manifestIcons, robotsTxt, webManifest } from './site-files.ts';

describe('robots.txt', () => {
  it('keeps crawlers out of the admin and names the sitemap by its full address', () => {
    const text = robotsTxt(new URL('https://samskabelse.dk'));
    assert.match(text, /^Disallow: \/admin\/$/m);
    assert.match(text, /^Sitemap: https:\/\/samskabelse\.dk\/sitemap-index\.xml$/m);
  });
});

describe('the web manifest', () => {
  const manifest = JSON.parse(webManifest(strings())) as { name: string; short_name: string; lang: string; start_url: string; icons: { src: string }[] };

  it('names the site in Danish, with a short name that fits under an icon', () => {
    assert.equal(manifest.name, 'Samskabelsesbevægelsen');
    assert.equal(manifest.lang, 'da');
    assert.ok(manifest.short_name.length <= 12, manifest.short_name);
    assert.equal(manifest.start_url, '/');
  });

  it('lists only icons that exist in public/', () => {
    assert.equal(manifest.icons.length, manifestIcons.length);
    for (const icon of manifest.icons) assert.ok(existsSync(join(import.meta.dirname, '../../public', icon.src)), icon.src);
  });
});
