// Progressive enhancement of a server-checked form: submit in the background and swap in the answer's form
// (with its error summary) without a page load. Without JavaScript the same POST simply returns a new page.
import { languageOf, strings } from '../i18n/index.ts';

const areaId = 'formular-omraade';

function showProblem(area: HTMLElement, message: string): void {
  area.querySelector('.error-summary')?.remove();
  const summary = document.createElement('div');
  summary.className = 'error-summary';
  summary.setAttribute('role', 'alert');
  summary.tabIndex = -1;
  const heading = document.createElement('h2');
  heading.textContent = strings(languageOf(document.documentElement.lang)).form.errorSummaryTitle;
  const text = document.createElement('p');
  text.textContent = message;
  summary.append(heading, text);
  area.prepend(summary);
  summary.focus();
}

export function enhanceSignatureForm(): void {
  const area = document.getElementById(areaId);
  if (!area) return;
  area.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button?.disabled) return;
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        headers: { Accept: 'text/html' },
      });
      if (response.redirected || (response.ok && response.url !== form.action)) {
        window.location.assign(response.url);
        return;
      }
      if (response.status === 400) {
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        const fresh = page.getElementById(areaId);
        if (fresh) {
          area.replaceChildren(...Array.from(fresh.childNodes).map((node) => document.importNode(node, true)));
          document.title = page.title;
          area.querySelector<HTMLElement>('.error-summary')?.focus();
          return;
        }
      }
      const t = strings();
      showProblem(area, response.status === 429 ? t.form.tooMany : t.form.unavailable);
    } catch {
      showProblem(area, strings().form.unavailable);
    } finally {
      if (button) button.disabled = false;
    }
  });
}
