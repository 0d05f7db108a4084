// Checks a Danish CVR number: eight digits whose modulus-11 check with weights 2,7,6,5,4,3,2,1 comes out even.

export const cvrWeights = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Strips what people type around a CVR number ("DK", spaces, dashes, dots): "DK 12 34-56 78" → "12345678". */
export function normaliseCvr(input: string): string {
  return input.trim().replace(/^dk/i, '').replace(/[\s.\-]/g, '');
}

/** The weighted digit sum; a real CVR number's sum is divisible by 11. */
export function cvrChecksum(digits: string): number {
  return [...digits].reduce((sum, digit, i) => sum + Number(digit) * (cvrWeights[i] ?? 0), 0);
}

/** Eight digits, not starting with 0 (numbers are issued from 10000000), and a sum divisible by 11. */
export function hasCvrShape(input: string): boolean {
  return /^[1-9]\d{7}$/.test(normaliseCvr(input));
}

export function isValidCvr(input: string): boolean {
  const digits = normaliseCvr(input);
  return hasCvrShape(digits) && cvrChecksum(digits) % 11 === 0;
}

/** Completes seven digits into a valid CVR number, or undefined when no check digit fits (used to make test data). */
export function completeCvr(first7: string): string | undefined {
  for (let d = 0; d <= 9; d++) if (cvrChecksum(first7 + d) % 11 === 0) return first7 + d;
  return undefined;
}
