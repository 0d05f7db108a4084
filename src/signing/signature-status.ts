// The life of a signature as a small named state machine: pending → confirmed → published, with rejection and withdrawal.

export const signatureStatuses = ['pending', 'confirmed', 'published', 'rejected', 'withdrawn'] as const;
export type SignatureStatus = (typeof signatureStatuses)[number];

/** Every allowed move, by name. Anything not listed here cannot happen. */
export const signatureTransitions = {
  confirm: { from: ['pending'], to: 'confirmed' },
  approve: { from: ['confirmed'], to: 'published' },
  reject: { from: ['confirmed'], to: 'rejected' },
  withdraw: { from: ['pending', 'confirmed', 'published'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly SignatureStatus[]; to: SignatureStatus }>;

export type SignatureTransition = keyof typeof signatureTransitions;

/** Statuses nothing leads out of. */
export const finalStatuses: readonly SignatureStatus[] = signatureStatuses.filter(
  (status) => !Object.values(signatureTransitions).some((t) => (t.from as readonly SignatureStatus[]).includes(status)),
);

/** Statuses that are not over: the signature can still be confirmed, published or withdrawn. */
export const liveStatuses: readonly SignatureStatus[] = signatureStatuses.filter((status) => !finalStatuses.includes(status));

export const isLive = (status: SignatureStatus): boolean => liveStatuses.includes(status);

/**
 * Statuses that hold the organisation's place: a signature whose mail address has been confirmed. A pending one holds
 * nothing, so a stranger who signs with an organisation's CVR number blocks no one: several may be pending, and the
 * first confirmed goes to review.
 */
export const placeHoldingStatuses: readonly SignatureStatus[] = liveStatuses.filter((status) => status !== 'pending');

export const holdsPlace = (status: SignatureStatus): boolean => placeHoldingStatuses.includes(status);

/**
 * "One place-holding signature per organisation" as SQL: the predicate of the partial unique index
 * signatures_one_live_per_organisation (db/migrations/006_wall.sql), written from the list above.
 */
export const liveSignatureSql = `status IN (${placeHoldingStatuses.map((status) => `'${status}'`).join(', ')})`;

/** One pending signature per organisation and mail address: a double click makes one row and one mail. */
export const pendingSignatureSql = `status = 'pending'`;

export function canTransition(from: SignatureStatus, to: SignatureStatus): boolean {
  return Object.values(signatureTransitions).some((t) => t.to === to && (t.from as readonly SignatureStatus[]).includes(from));
}

/** The status a named transition leads to from `from`, or undefined when the move isn't allowed. */
export function applyTransition(from: SignatureStatus, transition: SignatureTransition): SignatureStatus | undefined {
  const rule = signatureTransitions[transition];
  return (rule.from as readonly SignatureStatus[]).includes(from) ? rule.to : undefined;
}
