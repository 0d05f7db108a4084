// Progressive enhancement of the join form: while "as a person" is chosen, the organisation's fields are hidden.
// Without JavaScript both groups stay visible, and the server ignores the organisation's fields for a person.
const areaId = 'formular-omraade';
const organisationFieldsId = 'organisation-felter';

function update(area: HTMLElement): void {
  const fields = document.getElementById(organisationFieldsId);
  if (!fields) return;
  const chosen = area.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.value;
  fields.hidden = chosen === 'person';
}

export function showOrganisationFieldsByKind(): void {
  const area = document.getElementById(areaId);
  if (!area) return;
  update(area);
  area.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name === 'kind') update(area);
  });
  // A failed submit swaps in a fresh form (scripts/signature-form.ts); apply the choice to it too.
  new MutationObserver(() => update(area)).observe(area, { childList: true });
}
