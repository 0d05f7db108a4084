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

/** Statuses that hold the organisation's place: while one exists, the same organisation cannot sign again. */
export const liveStatuses: readonly SignatureStatus[] = signatureStatuses.filter((status) => !finalStatuses.includes(status));

export const isLive = (status: SignatureStatus): boolean => liveStatuses.includes(status);

/**
 * "One live signature per organisation" as SQL: the predicate of the partial unique index
 * signatures_one_live_per_organisation (db/migrations/001_signing.sql), written from the list above. The ON CONFLICT
 * clause must repeat the index's predicate for Postgres to infer the index, so it is spelt as the index spells it.
 */
export const liveSignatureSql = `status NOT IN (${finalStatuses.map((status) => `'${status}'`).join(', ')})`;

export function canTransition(from: SignatureStatus, to: SignatureStatus): boolean {
  return Object.values(signatureTransitions).some((t) => t.to === to && (t.from as readonly SignatureStatus[]).includes(from));
}

/** The status a named transition leads to from `from`, or undefined when the move isn't allowed. */
export function applyTransition(from: SignatureStatus, transition: SignatureTransition): SignatureStatus | undefined {
  const rule = signatureTransitions[transition];
  return (rule.from as readonly SignatureStatus[]).includes(from) ? rule.to : undefined;
}
