// Dates as pages show them, in Danish time. The formatters are made once: building an Intl.DateTimeFormat costs far
// more than using one, and a build with 2,000 cases formats a date on every case page.
const timeZone = 'Europe/Copenhagen';
const longFormats = new Map<string, Intl.DateTimeFormat>();
// Swedish formats a date as YYYY-MM-DD, which is what <time datetime> wants.
const isoFormat = new Intl.DateTimeFormat('sv-SE', { timeZone });

/** "24. november 2026" in the given locale. */
export function longDate(date: Date, locale: string): string {
  let format = longFormats.get(locale);
  if (!format) longFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone })));
  return format.format(date);
}

/** "2026-11-24", the day in Danish time, for <time datetime>. */
export function isoDay(date: Date): string {
  return isoFormat.format(date);
}
