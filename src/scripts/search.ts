// Loads Pagefind's UI on demand from the static index built after Astro (pagefind --site dist).
interface PagefindUIOptions {
  element: string;
  showSubResults?: boolean;
  showImages?: boolean;
  translations?: Record<string, string>;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

export function startSearch(selector: string): void {
  const script = document.createElement('script');
  script.src = '/pagefind/pagefind-ui.js';
  script.addEventListener('load', () => {
    if (!window.PagefindUI) return;
    new window.PagefindUI({ element: selector, showSubResults: true, showImages: false });
    document.querySelector<HTMLInputElement>(`${selector} input`)?.setAttribute('aria-label', 'Søg på siden');
  });
  document.head.append(script);
}
