// Loads Pagefind's UI on demand from the static index built after Astro (pagefind --site dist).
interface PagefindUIOptions {
  element: string;
  showSubResults?: boolean;
  showImages?: boolean;
  translations?: Record<string, string>;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => { triggerSearch(term: string): void };
  }
}

/** `inputLabel` is the search field's name for screen readers; the page passes it from src/i18n, so the script stays small. */
export function startSearch(selector: string, inputLabel: string): void {
  const script = document.createElement('script');
  script.src = '/pagefind/pagefind-ui.js';
  script.addEventListener('load', () => {
    if (!window.PagefindUI) return;
    const ui = new window.PagefindUI({ element: selector, showSubResults: true, showImages: false });
    document.querySelector<HTMLInputElement>(`${selector} input`)?.setAttribute('aria-label', inputLabel);
    // /soeg/?q=… fills in the box and searches, so a search can be linked and shared.
    const term = new URLSearchParams(location.search).get('q')?.trim();
    if (term) ui.triggerSearch(term);
  });
  document.head.append(script);
}
