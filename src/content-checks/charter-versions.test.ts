import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { charterVersionProblems } from './charter-versions.ts';
import { readFrontmatter } from './frontmatter.ts';
import { formatProblem } from './problem.ts';

const principle = (id: string, title: string, summary: string, number = 1) => {
  const path = `content/principles/${id}.mdx`;
  const read = readFrontmatter(path, `---\nnumber: ${number}\ntitle: ${title}\nsummary: ${summary}\n---\n\nTekst.\n`);
  assert.ok(read.ok);
  return { path, id, frontmatter: read.frontmatter };
};

const version = (n: number, wording: string, adopted = '2017') => ({
  path: `content/charter/versions/${n}.yaml`,
  text: `version: ${n}\nadopted: ${adopted}\nsummary: Version ${n}.\nprinciples:\n  - slug: ligevaerd\n    number: 1\n    title: Ligeværd\n    wording: ${wording}\n`,
});

const check = (files: { path: string; text: string }[], principles = [principle('ligevaerd', 'Ligeværd', 'Nye ord.')]) => charterVersionProblems(files, principles).map(formatProblem);

describe('the charter versions in the content check', () => {
  it('accepts versions numbered 1, 2 … whose newest is the principles word for word', () => {
    assert.deepEqual(check([version(1, 'Gamle ord.'), version(2, 'Nye ord.', '2026-11-30')]), []);
  });

  it('tells an editor who changed a principle to add a new version, at the changed line', () => {
    assert.deepEqual(check([version(1, 'Gamle ord.')]), [
      'content/principles/ligevaerd.mdx, linje 4, feltet "summary": Feltet "summary" er ikke det samme som i den gældende version af chartret (content/charter/versions/1.yaml). Et princip ændres ved at vedtage en ny version: kopiér 1.yaml til 2.yaml, skriv den nye tekst dér og her, og ret version, adopted og summary.',
    ]);
  });

  it('points at the field and line of a mistake in a version file, in Danish', () => {
    const [problem] = check([version(1, 'Nye ord.', '"2026-02-30"')]);
    assert.match(problem!, /^content\/charter\/versions\/1\.yaml, linje 2, feltet "adopted": Adopted er ikke en dag, der findes i kalenderen/);
    const [wrong] = check([{ path: 'content/charter/versions/1.yaml', text: version(2, 'Nye ord.').text }]);
    assert.match(wrong!, /linje 1, feltet "version": Filen hedder 1\.yaml, men siger version: 2\./);
  });

  it('finds a gap in the numbers, a stray file, and a principle missing from the newest version or from the folder', () => {
    assert.match(check([version(1, 'Nye ord.'), version(3, 'Nye ord.')]).join('\n'), /version 2 mangler/);
    assert.match(check([{ path: 'content/charter/versions/to.yaml', text: '' }]).join('\n'), /"to\.yaml" er ikke en version/);
    const extra = principle('tidlig-dialog', 'Start dialogen tidligt', 'Tidligt.', 2);
    assert.match(check([version(1, 'Nye ord.')], [principle('ligevaerd', 'Ligeværd', 'Nye ord.'), extra]).join('\n'), /content\/principles\/tidlig-dialog\.mdx, linje 1: Princippet "tidlig-dialog" står ikke i den gældende version/);
    assert.match(check([version(1, 'Nye ord.')], []).join('\n'), /1\.yaml, linje 5, feltet "principles" → nr\. 1 → "slug": Princippet "ligevaerd" findes ikke i content\/principles\//);
  });

  it('checks nothing in a project without versions', () => {
    assert.deepEqual(check([]), []);
  });
});
