// The first step of `npm run build`: on a production build, fails with a Danish list of the settings that are missing
// or malformed (src/platform/production-settings.ts); elsewhere it says nothing and lets the build go on.
import { describeSettingProblems, isProductionBuild, productionSettingProblems } from '../src/platform/production-settings.ts';

if (isProductionBuild(process.env)) {
  const problems = productionSettingProblems(process.env);
  if (problems.length > 0) {
    console.error(describeSettingProblems(problems));
    process.exit(1);
  }
  console.log('Produktionens miljøvariabler er sat.');
}
