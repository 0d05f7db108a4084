// Sends one mail: through Resend when RESEND_API_KEY is set, else into .data/outbox/ as files with the links on the console.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resend } from 'resend';
import { mailSettings } from './settings.ts';

export interface OutgoingMail {
  /** The mail's name, e.g. "signature-confirm": a tag at Resend, part of the file name on disk. */
  name: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export type SendResult =
  | { ok: true; providerId?: string }
  | { ok: false; error: string; retryable: boolean; retryAfterSeconds?: number };

export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail, options: { idempotencyKey: string }): Promise<SendResult>;
}

/** Resend answers these when the mail itself is wrong; sending it again cannot help. */
const permanentStatuses = new Set([400, 422]);

export interface ResendTransportOptions {
  apiKey: string;
  from: string;
  /** Point the SDK elsewhere, e.g. a local recording server in tests. Defaults to RESEND_BASE_URL or Resend's API. */
  baseUrl?: string;
}

export function createResendTransport(options: ResendTransportOptions): MailTransport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    name: 'resend',
    async send(mail, { idempotencyKey }) {
      // The SDK never throws: a 4xx, a 5xx and a refused connection all come back as { error }.
      const { data, error, headers } = await resend.emails.send(
        { from: options.from, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text, tags: [{ name: 'mail', value: mail.name }] },
        { idempotencyKey },
      );
      if (error) {
        const retryAfter = Number(headers?.['retry-after']);
        return {
          ok: false,
          error: `${error.statusCode ?? 'no response'} ${error.name}: ${error.message}`,
          retryable: !permanentStatuses.has(error.statusCode ?? 0),
          ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
        };
      }
      return { ok: true, providerId: data?.id };
    },
  };
}

export interface FileTransportOptions {
  dir: string;
  from: string;
  log?: (line: string) => void;
  clock?: () => Date;
}

/** For local work: each mail becomes <timestamp>-<name>.html and .txt, and its action links are printed. */
export function createFileTransport(options: FileTransportOptions): MailTransport {
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = options.clock ?? (() => new Date());
  return {
    name: 'file',
    async send(mail, { idempotencyKey }) {
      await mkdir(options.dir, { recursive: true });
      const stamp = clock().toISOString().replace(/[:.]/g, '-');
      const base = join(options.dir, `${stamp}-${mail.name}`);
      const header = `Fra: ${options.from}\nTil: ${mail.to}\nEmne: ${mail.subject}\nIdempotency-Key: ${idempotencyKey}\n\n`;
      await writeFile(`${base}.html`, mail.html);
      await writeFile(`${base}.txt`, header + mail.text);
      log(`Mail "${mail.name}" til ${mail.to}: ${base}.html`);
      for (const link of mail.text.match(/https?:\/\/\S+\/underskriv\/(?:bekraeft|traek-tilbage)\/\?token=\S+/g) ?? []) log(`  ${link}`);
      return { ok: true };
    },
  };
}

/** Resend when RESEND_API_KEY is set, else files under `${DATA_DIR ?? '.data'}/outbox`. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport {
  const { from } = mailSettings(env);
  if (env.RESEND_API_KEY) return createResendTransport({ apiKey: env.RESEND_API_KEY, from, baseUrl: env.RESEND_BASE_URL || undefined });
  return createFileTransport({ dir: join(env.DATA_DIR ?? '.data', 'outbox'), from });
}
