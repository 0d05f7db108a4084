// Where mail comes from, which site its links point to, and the newsletter's segment at Resend, read from the environment with local defaults.
import { defaultMailFrom, secretariatAddress } from '../../site-config.ts';
import { isProductionRuntime } from '../production-settings.ts';

export { secretariatAddress };

export interface MailSettings {
  from: string;
  siteUrl: string;
  /** RESEND_AUDIENCE_ID: the Resend segment (formerly "audience") newsletter subscribers join; unset means no newsletter list. */
  newsletterSegmentId: string | undefined;
}

/** Locally, mail comes from noreply@localhost with links to localhost; production refuses both fallbacks. */
export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  if (isProductionRuntime(env) && (!env.SITE_URL || !env.MAIL_FROM)) throw new Error('SITE_URL and MAIL_FROM must be set in production; refusing localhost links and sender');
  return {
    from: env.MAIL_FROM || defaultMailFrom,
    siteUrl: (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, ''),
    newsletterSegmentId: env.RESEND_AUDIENCE_ID?.trim() || undefined,
  };
}
