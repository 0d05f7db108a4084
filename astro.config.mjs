// Astro builds a fully static site; the functions in api/ are served beside it (locally by scripts/serve.ts).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentChecks } from './src/content-checks/astro-integration.ts';
import { hasTranslation } from './src/content-checks/translations.ts';
import { counterpartPath, pagePath } from './src/routes.ts';

const vercelUrl = process.env.VERCEL_PROJECT_PRODUCTION_URL;
const site = process.env.SITE_URL ?? (vercelUrl ? `https://${vercelUrl}` : 'http://localhost:4321');

// In `npm run dev`, the functions run in scripts/dev.ts; these paths go to them (see vercel.json's rewrites).
const devApi = process.env.DEV_API_URL;
// Keys starting with ^ are regular expressions: / and /bliv-medlem/ alone, not everything under them.
const proxied = ['/api', '/underskrivere', '/underskriv/bekraeft', '/underskriv/traek-tilbage', '/underskriv/ny-version', '^/$', '^/bliv-medlem/?$', '/bliv-medlem/bekraeft', '/bliv-medlem/udmeld'];

// Pages that functions serve from a frame under /skabelon/ (see vercel.json's rewrites): the sitemap lists them
// at their public address, and leaves out the frames themselves.
const servedByFunctions = ['/', '/bliv-medlem/'];

export default defineConfig({
  site,
  trailingSlash: devApi ? 'ignore' : 'always',
  build: {
    format: 'directory',
    // Render four pages at a time: while one page's file is written, the next is rendered. With 1,000 cases the
    // pages are done about 0.6 s sooner on two cores (docs/benchmarks.md); the pages come out the same.
    concurrency: 4,
    // Inline the CSS so a reading page arrives in one response.
    inlineStylesheets: 'always',
  },
  integrations: [
    contentChecks(),
    mdx(),
    sitemap({
      // Thank-you pages, frames and the English notes for pages not translated yet (noindex) stay out.
      filter: (page) =>
        !/\/(404|skabelon|underskriv\/tak|bliv-medlem\/tak|foreslaa-en-case\/tak|sign\/thanks|join\/thanks|suggest-a-case\/thanks)\//.test(page) &&
        !(new URL(page).pathname.startsWith('/en/') && !hasTranslation(new URL(page).pathname, process.cwd(), pagePath)),
      customPages: servedByFunctions.map((path) => new URL(path, site).href),
      // hreflang alternates: each page with a translation names both editions (the slugs differ, e.g. /kort/ and /en/map/).
      serialize: (item) => {
        const path = new URL(item.url).pathname;
        const other = counterpartPath(path);
        if (!other || !hasTranslation(path, process.cwd(), pagePath)) return item;
        const own = path.startsWith('/en/') ? 'en' : 'da';
        return { ...item, links: [{ lang: own, url: item.url }, { lang: other.lang, url: new URL(other.path, site).href }] };
      },
    }),
  ],
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  vite: devApi ? { server: { proxy: Object.fromEntries(proxied.map((path) => [path, { target: devApi }])) } } : {},
  security: {
    // Astro hashes its own inlined styles and scripts; Pagefind's search needs WebAssembly.
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
