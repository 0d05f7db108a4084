// Fails loudly when Node is older than Astro 7 needs, instead of letting the build die obscurely.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.version} er for gammel: projektet kræver Node 22.12 eller nyere (helst 24, se .nvmrc).\n` +
      'Kør "npm install" igen, så bruger npm-scripts den Node 24, der følger med som devDependency.',
  );
  process.exit(1);
}
