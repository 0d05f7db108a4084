// `npm run migrate`: applies the pending migrations to the database the environment points at (DATABASE_URL, else
// PGlite in .data/). With --build (the last step of `npm run build`) it runs only on a production build or with
// MIGRATE=1, so a deployment's migrations fail its build rather than its visitors' requests. It refuses to migrate
// production's database from a Preview (src/platform/db/migration-target.ts).
import { openDatabase } from '../src/platform/db/client.ts';
import { MigrationError, migrate } from '../src/platform/db/migrate.ts';
import { migrateDuringBuild, migrationRefusal } from '../src/platform/db/migration-target.ts';

const duringBuild = process.argv.includes('--build');

if (duringBuild && !migrateDuringBuild(process.env)) {
  console.log(`Migrerer ikke under denne bygning (VERCEL_ENV=${process.env.VERCEL_ENV ?? 'ikke sat'}): kun produktionen, eller med MIGRATE=1.`);
  process.exit(0);
}

const refusal = migrationRefusal(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

const db = await openDatabase();
try {
  const applied = await migrate(db);
  console.log(applied.length ? `Kørte migreringer: ${applied.join(', ')}` : 'Databasen er allerede opdateret.');
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(`Migreringen fejlede i ${error.message}\nDen fil er rullet tilbage; databasen er som efter den forrige migrering.`);
  process.exitCode = 1;
} finally {
  await db.close();
}
