// Astro builds a fully static site; the functions in api/ are served beside it (locally by scripts/serve.ts).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

const vercelUrl = process.env.VERCEL_PROJECT_PRODUCTION_URL;
const site = process.env.SITE_URL ?? (vercelUrl ? `https://${vercelUrl}` : 'http://localhost:4321');

// In `npm run dev`, the functions run in scripts/dev.ts; these paths go to them (see vercel.json's rewrites).
const devApi = process.env.DEV_API_URL;
const proxied = ['/api', '/underskrivere', '/underskriv/bekraeft', '/underskriv/traek-tilbage'];

export default defineConfig({
  site,
  trailingSlash: devApi ? 'ignore' : 'always',
  build: {
    format: 'directory',
    // Inline the CSS so a reading page arrives in one response.
    inlineStylesheets: 'always',
  },
  integrations: [mdx(), sitemap({ filter: (page) => !/\/(404|skabelon|underskriv\/tak)\//.test(page) })],
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
