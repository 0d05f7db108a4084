// Where mail comes from, which site its links point to, and the newsletter's segment at Resend, read from the environment with local defaults.
import { defaultMailFrom, secretariatAddress } from '../../site-config.ts';

export { secretariatAddress };

export interface MailSettings {
  from: string;
  siteUrl: string;
  /** RESEND_AUDIENCE_ID: the Resend segment (formerly "audience") newsletter subscribers join; unset means no newsletter list. */
  newsletterSegmentId: string | undefined;
}

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  return {
    from: env.MAIL_FROM || defaultMailFrom,
    siteUrl: (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, ''),
    newsletterSegmentId: env.RESEND_AUDIENCE_ID?.trim() || undefined,
  };
}
