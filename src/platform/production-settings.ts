// The settings production cannot run without, each with its shape and why it is needed; pure, so the build, the
// functions and the tests all ask the same question: is this environment a production one, and what is missing?

export type Env = Readonly<Record<string, string | undefined>>;

/** A production build: Vercel's production target, or NODE_ENV=production on Vercel when VERCEL_ENV is not set. */
export function isProductionBuild(env: Env): boolean {
  if (env.VERCEL_ENV) return env.VERCEL_ENV === 'production';
  return env.NODE_ENV === 'production' && Boolean(env.VERCEL);
}

/** A production function: Vercel sets VERCEL_ENV=production there (Preview and local runs keep their local defaults). */
export function isProductionRuntime(env: Env): boolean {
  return env.VERCEL_ENV === 'production';
}

export interface SettingProblem {
  name: string;
  /** One line in Danish: what to set and why. */
  message: string;
}

const address = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

function httpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== 'localhost' && !url.username && !url.search && !url.hash;
  } catch {
    return false;
  }
}

function postgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '' && !['localhost', '127.0.0.1', '::1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

interface Setting {
  name: string;
  /** What a valid value looks like, said to a person. */
  shape: string;
  /** Why the site needs it. */
  why: string;
  valid: (value: string) => boolean;
}

// @not-ui-text: the build log and the function log speak to whoever deploys the site, not to visitors.
const settings: Setting[] = [
  {
    name: 'SITE_URL',
    shape: 'sidens adresse med https://, fx https://samskabelse.dk',
    why: 'links i mails og i sitemap peger hertil (ellers peger de på localhost)',
    valid: httpsUrl,
  },
  {
    name: 'DATABASE_URL',
    shape: 'en postgres://-adresse, fx Neons pooled URL med ?sslmode=verify-full',
    why: 'underskrifter, medlemmer og mailkøen gemmes her (uden den prøver funktionerne PGlite på en skrivebeskyttet disk)',
    valid: postgresUrl,
  },
  {
    name: 'RESEND_API_KEY',
    shape: 'en API-nøgle fra Resend, der begynder med re_',
    why: 'bekræftelsesmails sendes gennem Resend',
    valid: (value) => /^re_[A-Za-z0-9_-]{8,}$/.test(value),
  },
  {
    name: 'MAIL_FROM',
    shape: 'navn og adresse på det verificerede domæne, fx Samskabelse <noreply@samskabelse.dk>',
    why: 'afsenderen på alle mails (ellers kommer de fra noreply@localhost)',
    valid: (value) => {
      const match = /^([^<>]+?)\s*<([^<>]+)>$/.exec(value.trim());
      return match !== null && address.test(match[2]!) && !match[2]!.endsWith('@localhost');
    },
  },
  {
    name: 'CRON_SECRET',
    shape: 'en tilfældig streng på mindst 16 tegn uden mellemrum',
    why: 'Vercel sender den til /api/cron, så kun Vercel kan starte det daglige job',
    valid: (value) => /^\S{16,}$/.test(value),
  },
  {
    name: 'SESSION_SECRET',
    shape: 'en tilfældig streng på mindst 32 tegn',
    why: 'underskriver sekretariatets login-sessioner',
    valid: (value) => value.trim().length >= 32,
  },
  {
    name: 'ADMIN_EMAILS',
    shape: 'en kommasepareret liste af mailadresser, fx a@samskabelse.dk,b@samskabelse.dk',
    why: 'de adresser, der kan logge ind i administrationen',
    valid: (value) => {
      const list = value.split(',').map((item) => item.trim());
      return list.length > 0 && list.every((item) => address.test(item));
    },
  },
  {
    name: 'RESEND_WEBHOOK_SECRET',
    shape: 'signeringsnøglen fra Resends webhook, der begynder med whsec_',
    why: 'beviser, at beskeder om bounces og klager på /api/resend-webhook kommer fra Resend',
    valid: (value) => /^whsec_[A-Za-z0-9+/=]{8,}$/.test(value),
  },
];

/** The names of the settings production requires, in the order they are checked. */
export const productionSettingNames: readonly string[] = settings.map((s) => s.name);

/** Every required setting that is missing or malformed, with one Danish line each; empty when all is well. @not-ui-text: for the deployer. */
export function productionSettingProblems(env: Env): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const setting of settings) {
    const value = env[setting.name]?.trim() ?? '';
    if (value && setting.valid(value)) continue;
    const state = value ? 'har en ugyldig værdi' : 'mangler';
    problems.push({ name: setting.name, message: `${setting.name} ${state}: sæt ${setting.shape}. Den bruges til: ${setting.why}.` });
  }
  return problems;
}

/** The build's error: a heading and one line per problem. */
export function describeSettingProblems(problems: readonly SettingProblem[]): string {
  // @not-ui-text: the build log, read by whoever deploys.
  const heading = 'Produktionen kan ikke bygges, før disse miljøvariabler er sat i Vercel (Settings → Environment Variables → Production):';
  return [heading, ...problems.map((p) => `  - ${p.message}`)].join('\n');
}
