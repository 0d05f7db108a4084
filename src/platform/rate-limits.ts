// Rate limits as data (burst and sustained windows per action), and the pure decision whether a request may pass.

export interface RateLimitRule {
  /** Stored as the bucket's window name, so keep it stable. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export const rateLimitRules = {
  // Asking for an admin login link: a handful per quarter hour is plenty for a real secretariat.
  adminLogin: [
    { name: 'admin-login-burst', limit: 5, windowSeconds: 15 * 60 },
    { name: 'admin-login-sustained', limit: 20, windowSeconds: 24 * 60 * 60 },
  ],
  signing: [
    { name: 'signing-burst', limit: 5, windowSeconds: 60 },
    { name: 'signing-sustained', limit: 30, windowSeconds: 60 * 60 },
  ],
  joining: [
    { name: 'joining-burst', limit: 5, windowSeconds: 60 },
    { name: 'joining-sustained', limit: 30, windowSeconds: 60 * 60 },
  ],
  // A suggestion takes minutes to write; more than a few a minute from one connection is a script.
  suggesting: [
    { name: 'suggesting-burst', limit: 3, windowSeconds: 60 },
    { name: 'suggesting-sustained', limit: 15, windowSeconds: 60 * 60 },
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
} as const satisfies Record<string, readonly RateLimitRule[]>;

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
