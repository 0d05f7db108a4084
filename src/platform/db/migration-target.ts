// When `npm run migrate` may run, and against which database: pure, so the build step and its tests agree.
import { isProductionBuild, type Env } from '../production-settings.ts';

/** In `npm run build`: migrate only a production build, or when asked with MIGRATE=1 (e.g. a Preview's own database). */
export function migrateDuringBuild(env: Env): boolean {
  return isProductionBuild(env) || env.MIGRATE === '1';
}

/**
 * A database host as Neon and Postgres name it, so the pooled and the direct address of one database compare equal:
 * lower case, without port, and without Neon's `-pooler` on the endpoint's name. Accepts a host or a whole URL.
 */
export function databaseHost(hostOrUrl: string): string | undefined {
  const text = hostOrUrl.trim();
  if (!text) return undefined;
  let host: string;
  try {
    host = text.includes('://') ? new URL(text).hostname : new URL(`postgres://${text}`).hostname;
  } catch {
    return undefined;
  }
  const [first, ...rest] = host.toLowerCase().split('.');
  return [first!.replace(/-pooler$/, ''), ...rest].join('.');
}

/**
 * Why this environment must not migrate its DATABASE_URL, or undefined when it may. A Preview (or any Vercel
 * environment but production) is refused when its DATABASE_URL points at PRODUCTION_DATABASE_HOST, and also when
 * PRODUCTION_DATABASE_HOST is not set, since then nothing can tell production's database from the Preview's.
 * @not-ui-text: what the migration command tells whoever deploys.
 */
export function migrationRefusal(env: Env): string | undefined {
  const onVercel = Boolean(env.VERCEL || env.VERCEL_ENV);
  if (!env.DATABASE_URL) return onVercel ? 'DATABASE_URL er ikke sat, så der er ingen database at migrere.' : undefined;
  if (!env.VERCEL_ENV || env.VERCEL_ENV === 'production') return undefined;
  const production = databaseHost(env.PRODUCTION_DATABASE_HOST ?? '');
  if (!production) {
    return `Migrerer ikke fra ${env.VERCEL_ENV}: PRODUCTION_DATABASE_HOST er ikke sat, så det kan ikke afgøres, om DATABASE_URL er produktionens database. Sæt PRODUCTION_DATABASE_HOST til produktionens værtsnavn (fx ep-navn-123456.eu-central-1.aws.neon.tech) for alle miljøer.`;
  }
  if (databaseHost(env.DATABASE_URL) === production) {
    return `Migrerer ikke fra ${env.VERCEL_ENV}: DATABASE_URL peger på produktionens database (${production}). Giv Preview en Neon-branch som database (se README, "Sæt siden i drift").`;
  }
  return undefined;
}
