// Rate limits as data (burst and sustained windows per form, for accepted and rejected posts; mail caps per recipient),
// and the pure decision whether a request may pass.

export interface RateLimitRule {
  /** Stored as the bucket's window name, so keep it stable. */
  name: string;
  limit: number;
  windowSeconds: number;
}

// A form post is counted after its input is checked: an accepted post counts toward the form's own limit, a rejected
// one (400, errors at the fields) toward a more generous limit of its own. So someone correcting a form is never locked
// out of sending it, and a script hammering invalid posts is still stopped.
export const rateLimitRules = {
  // Asking for an admin login link: a handful per quarter hour is plenty for a real secretariat.
  adminLogin: [
    { name: 'admin-login-burst', limit: 5, windowSeconds: 15 * 60 },
    { name: 'admin-login-sustained', limit: 20, windowSeconds: 24 * 60 * 60 },
  ],
  adminLoginRejected: [
    { name: 'admin-login-rejected-burst', limit: 20, windowSeconds: 15 * 60 },
    { name: 'admin-login-rejected-sustained', limit: 60, windowSeconds: 24 * 60 * 60 },
  ],
  signing: [
    { name: 'signing-burst', limit: 5, windowSeconds: 60 },
    { name: 'signing-sustained', limit: 30, windowSeconds: 60 * 60 },
  ],
  signingRejected: [
    { name: 'signing-rejected-burst', limit: 20, windowSeconds: 60 },
    { name: 'signing-rejected-sustained', limit: 120, windowSeconds: 60 * 60 },
  ],
  joining: [
    { name: 'joining-burst', limit: 5, windowSeconds: 60 },
    { name: 'joining-sustained', limit: 30, windowSeconds: 60 * 60 },
  ],
  joiningRejected: [
    { name: 'joining-rejected-burst', limit: 20, windowSeconds: 60 },
    { name: 'joining-rejected-sustained', limit: 120, windowSeconds: 60 * 60 },
  ],
  // A suggestion takes minutes to write; more than a few a minute from one connection is a script.
  suggesting: [
    { name: 'suggesting-burst', limit: 3, windowSeconds: 60 },
    { name: 'suggesting-sustained', limit: 15, windowSeconds: 60 * 60 },
  ],
  suggestingRejected: [
    { name: 'suggesting-rejected-burst', limit: 15, windowSeconds: 60 },
    { name: 'suggesting-rejected-sustained', limit: 60, windowSeconds: 60 * 60 },
  ],
  // Asking for a new link in place of an expired one: a person needs one or two; each subject gets one mail a day anyway.
  newLink: [
    { name: 'new-link-burst', limit: 5, windowSeconds: 15 * 60 },
    { name: 'new-link-sustained', limit: 20, windowSeconds: 24 * 60 * 60 },
  ],
  // The same page sent without a token of the right shape: a person never does that, but a typo in a copied link might.
  newLinkRejected: [
    { name: 'new-link-rejected-burst', limit: 20, windowSeconds: 15 * 60 },
    { name: 'new-link-rejected-sustained', limit: 60, windowSeconds: 24 * 60 * 60 },
  ],
  // A proposal to the charter takes minutes to write, like a suggested case.
  proposing: [
    { name: 'proposing-burst', limit: 3, windowSeconds: 60 },
    { name: 'proposing-sustained', limit: 15, windowSeconds: 60 * 60 },
  ],
  // Asking for a support link: a few proposals a minute, each one a mail at most.
  supporting: [
    { name: 'supporting-burst', limit: 5, windowSeconds: 60 },
    { name: 'supporting-sustained', limit: 30, windowSeconds: 60 * 60 },
  ],
  // A proposal or a support request sent back with field errors: a person correcting it needs a few more tries.
  proposingRejected: [
    { name: 'proposing-rejected-burst', limit: 15, windowSeconds: 60 },
    { name: 'proposing-rejected-sustained', limit: 60, windowSeconds: 60 * 60 },
  ],
  supportingRejected: [
    { name: 'supporting-rejected-burst', limit: 20, windowSeconds: 60 },
    { name: 'supporting-rejected-sustained', limit: 120, windowSeconds: 60 * 60 },
  ],
} as const satisfies Record<string, readonly RateLimitRule[]>;

/** A form's two sets of limits per IP: for posts it accepts, and for posts it rejects with errors at the fields. */
export interface FormLimits {
  /** The bucket key's prefix, so each form counts on its own. */
  action: string;
  accepted: readonly RateLimitRule[];
  rejected: readonly RateLimitRule[];
}

export const formLimits = {
  signing: { action: 'signing', accepted: rateLimitRules.signing, rejected: rateLimitRules.signingRejected },
  joining: { action: 'joining', accepted: rateLimitRules.joining, rejected: rateLimitRules.joiningRejected },
  suggesting: { action: 'suggesting', accepted: rateLimitRules.suggesting, rejected: rateLimitRules.suggestingRejected },
  adminLogin: { action: 'admin-login', accepted: rateLimitRules.adminLogin, rejected: rateLimitRules.adminLoginRejected },
  newLink: { action: 'new-link', accepted: rateLimitRules.newLink, rejected: rateLimitRules.newLinkRejected },
  proposing: { action: 'proposing', accepted: rateLimitRules.proposing, rejected: rateLimitRules.proposingRejected },
  supporting: { action: 'supporting', accepted: rateLimitRules.supporting, rejected: rateLimitRules.supportingRejected },
} as const satisfies Record<string, FormLimits>;

/** The rules a post is counted against: the accepted ones when its input passed the checks, else the rejected ones. */
export function rulesFor(limits: FormLimits, accepted: boolean): readonly RateLimitRule[] {
  return accepted ? limits.accepted : limits.rejected;
}

/**
 * Mails a stranger can make us send to any address by typing it into a form: at most this many of each name to one
 * recipient in `mailCapHours`, counted in the outbox (so across IPs). Past the cap the form answers as always and the
 * mail is simply not queued, so the answer never tells whether an address is known.
 */
export const mailCapsPerDay: Readonly<Record<string, number>> = {
  'signature-confirm': 3,
  'signature-other-contact': 3,
  'member-confirm': 3,
  'member-already': 3,
  'case-suggestion-received': 3,
  'admin-login': 5,
  // A person may write several proposals in a day; support links go to members and signatories, one per proposal asked for.
  'charter-proposal-confirm': 5,
  'charter-proposal-support': 5,
};
export const mailCapHours = 24;

/** The cap for a mail's name, or null for a mail no form can trigger (welcome, approval, …). */
export function mailCapFor(name: string): number | null {
  return Object.hasOwn(mailCapsPerDay, name) ? mailCapsPerDay[name]! : null;
}

/** Whole minutes to wait, for a person: never less than one. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/** One window's count after this request was counted, and when the window starts over. */
export interface RateLimitCount {
  rule: RateLimitRule;
  count: number;
  resetAt: Date;
}

export type RateLimitDecision =
  | { allowed: true }
  | { allowed: false; rule: string; retryAfterSeconds: number };

/** Denies when any window is over its limit; the wait is the longest of the windows that deny. */
export function decideRateLimit(counts: readonly RateLimitCount[], now: Date): RateLimitDecision {
  const over = counts.filter((c) => c.count > c.rule.limit);
  if (over.length === 0) return { allowed: true };
  const waits = over.map((c) => ({ rule: c.rule.name, seconds: Math.max(1, Math.ceil((c.resetAt.getTime() - now.getTime()) / 1000)) }));
  const longest = waits.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  return { allowed: false, rule: longest.rule, retryAfterSeconds: longest.seconds };
}
