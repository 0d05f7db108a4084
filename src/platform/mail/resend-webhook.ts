// Resend's webhook: verifies the Svix signature, and suppresses an address that bounced hard or complained, once per
// delivery (svix-id), so no more mail goes to it.
import { Resend } from 'resend';
import type { Db } from '../db/client.ts';
import { firstDelivery, suppressAddress, type SuppressionReason } from './suppressions.ts';

export interface WebhookDelivery {
  /** The body exactly as it came: the signature covers these bytes. */
  body: string;
  headers: { id: string | null; timestamp: string | null; signature: string | null };
  /** RESEND_WEBHOOK_SECRET (whsec_…); without it nothing can be verified, so nothing is accepted. */
  secret: string | undefined;
}

export type WebhookOutcome =
  | { status: 200; handled: 'suppressed' | 'ignored' | 'duplicate'; suppressed: number }
  | { status: 400; problem: 'json' }
  | { status: 401; problem: 'signature' };

/** What the event says about which addresses to suppress, and why; nothing for the other event types. */
export function suppressionsFrom(event: unknown): { addresses: string[]; reason: SuppressionReason; detail: string; emailId?: string } | undefined {
  if (!event || typeof event !== 'object') return undefined;
  const { type, data } = event as { type?: unknown; data?: unknown };
  if (!data || typeof data !== 'object') return undefined;
  const d = data as { to?: unknown; email_id?: unknown; bounce?: { type?: unknown; subType?: unknown; message?: unknown } };
  const addresses = (Array.isArray(d.to) ? d.to : [d.to])
    .filter((a): a is string => typeof a === 'string' && a.includes('@'))
    // "Mette Jensen <mette@forening.dk>" → the address alone.
    .map((a) => /<([^<>]+)>\s*$/.exec(a)?.[1] ?? a);
  const emailId = typeof d.email_id === 'string' ? d.email_id : undefined;
  if (type === 'email.complained') return { addresses, reason: 'complaint', detail: 'complaint', emailId };
  if (type !== 'email.bounced') return undefined;
  // Only a hard bounce (Permanent): a full mailbox (Transient) may take mail again tomorrow.
  const kind = typeof d.bounce?.type === 'string' ? d.bounce.type.toLowerCase() : '';
  if (kind !== 'permanent' && kind !== 'hard') return undefined;
  const detail = [d.bounce?.type, d.bounce?.subType, d.bounce?.message].filter((p) => typeof p === 'string' && p).join(': ');
  return { addresses, reason: 'bounce', detail, emailId };
}

// The SDK's verifier needs a client, though it makes no call; the key is never used.
const verifier = new Resend('re_webhook_verification_only');

/** The event, if the signature holds (HMAC-SHA256 with the secret, timestamp within 5 minutes); else why not. */
export function verifyDelivery(delivery: WebhookDelivery): { ok: true; event: unknown } | { ok: false; problem: 'signature' | 'json' } {
  const { id, timestamp, signature } = delivery.headers;
  if (!delivery.secret || !id || !timestamp || !signature) return { ok: false, problem: 'signature' };
  try {
    return { ok: true, event: verifier.webhooks.verify({ payload: delivery.body, headers: { id, timestamp, signature }, webhookSecret: delivery.secret }) };
  } catch (error) {
    // The verifier parses the body only once the signature matched: a SyntaxError is a signed body that is not JSON.
    return { ok: false, problem: error instanceof SyntaxError ? 'json' : 'signature' };
  }
}

/** Handles one delivery. The signature is checked before the database is opened, so a forged request costs nothing. */
export async function handleWebhook(open: () => Promise<Db>, delivery: WebhookDelivery, now: Date = new Date()): Promise<WebhookOutcome> {
  const verified = verifyDelivery(delivery);
  if (!verified.ok) return verified.problem === 'json' ? { status: 400, problem: 'json' } : { status: 401, problem: 'signature' };
  const event = verified.event;
  if (!event || typeof event !== 'object') return { status: 400, problem: 'json' };
  const type = String((event as { type?: unknown }).type ?? '');
  const found = suppressionsFrom(event);
  const db = await open();
  return db.transaction(async (tx) => {
    if (!(await firstDelivery(tx, delivery.headers.id!, type, now))) return { status: 200, handled: 'duplicate', suppressed: 0 };
    if (!found) return { status: 200, handled: 'ignored', suppressed: 0 };
    let suppressed = 0;
    for (const address of found.addresses) {
      if (await suppressAddress(tx, { address, reason: found.reason, detail: found.detail, providerEmailId: found.emailId }, now)) suppressed++;
    }
    return { status: 200, handled: 'suppressed', suppressed };
  });
}
