// Where mail comes from and which site its links point to, read from the environment with local defaults.

export interface MailSettings {
  from: string;
  siteUrl: string;
}

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  return {
    from: env.MAIL_FROM || 'Samskabelsesbevægelsen <noreply@localhost>',
    siteUrl: (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, ''),
  };
}
