// The exact help an editor gets for each kind of broken case: file, line, field, what is wrong, what is allowed.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { checkContent } from './check-content.ts';
import { loadProject } from './load-project.ts';
import { formatProblem } from './problem.ts';
import { caseText, testProject, validBody, type TestProjectOptions } from '../../tests/support/test-project.ts';

function messages(options: TestProjectOptions): string[] {
  return checkContent(testProject(options)).problems.map(formatProblem);
}

/** The messages for one case file named proevecase.mdx. */
const problemsIn = (text: string) => messages({ cases: { 'proevecase.mdx': text } });

const file = 'content/cases/proevecase.mdx';

describe('the content check on the real content', () => {
  it('finds nothing wrong with the cases, principles and pages in the repository', () => {
    const result = checkContent(loadProject(resolve(import.meta.dirname, '../..')));
    assert.deepEqual(result.problems.map(formatProblem), []);
    assert.ok(result.counts.cases >= 8 && result.counts.principles === 11 && result.counts.pages >= 4, JSON.stringify(result.counts));
  });

  it('accepts a complete case', () => {
    assert.deepEqual(problemsIn(caseText()), []);
  });
});

describe('the English edition (content/en/)', () => {
  const english = 'content/en/cases/proevecase.mdx';

  it('checks an English case against the same schema, with the same Danish message and its own file and line', () => {
    assert.deepEqual(messages({ englishCases: { 'proevecase.mdx': caseText({ municipality: 'Kolding Kommune' }) } }), [
      `${english}, linje 4, feltet "municipality": "Kolding Kommune" er ikke en kommune, vi kender. Skriv kommunens navn uden "Kommune". Mente du "Kolding"?`,
    ]);
  });

  it('finds a missing field, a date that does not exist and a bad file name in an English file', () => {
    const found = messages({ englishCases: { 'proevecase.mdx': caseText({ summary: undefined }), 'Prøve Case.mdx': caseText({ lastVerified: '2025-02-30' }) } });
    assert.ok(found.some((m) => m.startsWith(`${english}, `) && m.includes('"summary"')), found.join('\n'));
    assert.ok(found.some((m) => m.startsWith('content/en/cases/Prøve Case.mdx, linje 1: Filnavnet')), found.join('\n'));
    assert.ok(found.some((m) => m.startsWith('content/en/cases/Prøve Case.mdx, ') && m.includes('lastVerified')), found.join('\n'));
  });

  it('accepts a valid English case, whose principles are the Danish file names', () => {
    assert.deepEqual(messages({ englishCases: { 'proevecase.mdx': caseText() } }), []);
  });
});

describe('misspelt values', () => {
  it('asks for the municipality without "Kommune" and suggests the right one', () => {
    assert.deepEqual(problemsIn(caseText({ municipality: 'Kolding Kommune' })), [
      `${file}, linje 4, feltet "municipality": "Kolding Kommune" er ikke en kommune, vi kender. Skriv kommunens navn uden "Kommune". Mente du "Kolding"?`,
    ]);
  });

  it('finds København behind "Københavns Kommune"', () => {
    assert.deepEqual(problemsIn(caseText({ municipality: 'Københavns Kommune' })), [
      `${file}, linje 4, feltet "municipality": "Københavns Kommune" er ikke en kommune, vi kender. Skriv kommunens navn uden "Kommune". Mente du "København"?`,
    ]);
  });

  it('suggests the nearest municipality for a typo, also when æ, ø and å are spelt out', () => {
    assert.deepEqual(problemsIn(caseText({ municipality: 'Koldng' })), [
      `${file}, linje 4, feltet "municipality": "Koldng" er ikke en kommune, vi kender. Kommunen skal være en af de 98 danske kommuner, stavet som på kommunens eget navn, fx "Kolding" eller "Aarhus". Mente du "Kolding"?`,
    ]);
    assert.match(problemsIn(caseText({ municipality: 'Hjoerring' }))[0]!, /Mente du "Hjørring"\?$/);
  });

  it('lists the allowed forms and suggests the nearest', () => {
    assert.deepEqual(problemsIn(caseText({ form: 'transformativ' })), [
      `${file}, linje 9, feltet "form": "transformativ" er ikke en af formerne. Form skal være én af: "beskrivende", "intermedierende", "transformerende", eller "ukendt", hvis ingen kilde siger det. Mente du "transformerende"?`,
    ]);
  });

  it('points at the one misspelt area in a list', () => {
    assert.deepEqual(problemsIn(caseText({ areas: '[demokrati, socail]' })), [
      `${file}, linje 7, feltet "areas" → nr. 2: "socail" er ikke et af områderne. Område skal være én af: "social", "sundhed", "uddannelse", "beskaeftigelse-og-integration", "miljoe-og-klima", "byudvikling", "kultur-og-fritid", "demokrati". Mente du "social"?`,
    ]);
  });

  it('suggests the principle file name and lists all principles when nothing is near', () => {
    assert.deepEqual(problemsIn(caseText({ principles: '[ligevard]' })), [
      `${file}, linje 14, feltet "principles" → nr. 1: "ligevard" er ikke et princip i chartret. Skriv principperne som filnavne fra mappen content/principles/ uden .mdx, fx [ligevaerd, tidlig-dialog]. Mente du "ligevaerd"?`,
    ]);
    assert.match(problemsIn(caseText({ principles: '[demokrati-og-kaffe-i-kantinen]' }))[0]!, /Du kan vælge mellem: "afproev-og-tilpas", .*"tidlig-dialog"\.$/);
  });

  it('suggests "igangværende" for the end of a period spelt without æ', () => {
    assert.deepEqual(problemsIn(caseText({ period: '\n  start: 2010\n  end: igangvaerende' })), [
      `${file}, linje 7, feltet "period" → "end": "igangvaerende" kan ikke bruges her. Slutår skal være et årstal, fx 2018, ordet "igangværende" eller ordet "ukendt". Mente du "igangværende"?`,
    ]);
  });

  it('names an unknown field and the field it probably is, with the fields allowed there', () => {
    assert.deepEqual(problemsIn(caseText({ titel: 'Dobbelt' })), [
      `${file}, linje 25, feltet "titel": Det felt kender vi ikke. Mente du "title"? Felterne her er: "title", "summary", "municipality", "place", "period", "status", "scope", "participation", "areas", "kind", "form", "initiators", "actors", "principles", "outcomes", "lessons", "challenges", "lastVerified", "sources", "image", "draft".`,
    ]);
    assert.deepEqual(problemsIn(caseText({ actors: '\n  - name: Kolding Kommune\n    typ: kommune' })), [
      `${file}, linje 12, feltet "actors" → nr. 1 → "type": Feltet mangler. Aktørtype skal være én af: "kommune", "region", "stat", "forening", "virksomhed", "uddannelse", "forskning", "borgergruppe", "borgere", "andet".`,
      `${file}, linje 13, feltet "actors" → nr. 1 → "typ": Det felt kender vi ikke. Mente du "type"? Felterne her er: "name", "type".`,
    ]);
  });

  it('explains that the address comes from the file name when someone adds a slug', () => {
    assert.deepEqual(problemsIn(caseText({ slug: 'min-case' })), [
      `${file}, linje 25, feltet "slug": Adressen kommer fra filnavnet, så feltet slug bruges ikke. Slet det, og omdøb filen, hvis adressen skal være en anden.`,
    ]);
  });
});

describe('missing and malformed values', () => {
  it('says a required field is missing and what to write', () => {
    assert.deepEqual(problemsIn(caseText({ summary: undefined })), [`${file}, linje 1, feltet "summary": Feltet mangler. Skriv et resumé som tekst.`]);
  });

  it('requires the sources field, and holds a case without sources to ukendt in every fact', () => {
    assert.deepEqual(problemsIn(caseText({ sources: undefined })), [`${file}, linje 1, feltet "sources": Feltet mangler. Skriv kilderne som en liste med title:, url:, publisher:, date: og backs:.`]);
    const unsourced = problemsIn(caseText({ sources: '[]' }));
    assert.deepEqual(unsourced.map((m) => /feltet "(\w+)": Ingen kilde bakker/.exec(m)?.[1]), ['period', 'form', 'initiators', 'actors', 'status', 'scope', 'participation']);
  });

  it('gives the length of a summary that is too long and how much to cut', () => {
    assert.deepEqual(problemsIn(caseText({ summary: 'x'.repeat(342) })), [
      `${file}, linje 3, feltet "summary": Teksten er 342 tegn. Et resumé må højst være 300 tegn. Gør den 42 tegn kortere.`,
    ]);
  });

  it('suggests https:// in front of a source address without it', () => {
    assert.deepEqual(problemsIn(caseText({ sources: '\n  - title: Kolding Kommune\n    url: www.kolding.dk\n    publisher: Kolding\n    date: ukendt\n    backs: [period, status, scope, participation, form, initiators, actors]' })), [
      `${file}, linje 17, feltet "sources" → nr. 1 → "url": "www.kolding.dk" er ikke en fuld webadresse. Kildens url skal være en fuld webadresse, der begynder med https:// eller http://. Mente du "https://www.kolding.dk"?`,
    ]);
  });

  it('shows a list written as one word how to write it as a list', () => {
    assert.deepEqual(problemsIn(caseText({ initiators: 'politikere' })), [
      `${file}, linje 10, feltet "initiators": Skriv initiativtagere som en liste, eller skriv ukendt. Tilladt i listen: "borgere-foreninger-virksomheder", "politikere", "medarbejdere". Skriv fx initiators: [politikere].`,
    ]);
  });

  it('asks for quotes around a title that YAML reads as a number', () => {
    assert.deepEqual(problemsIn(caseText({ title: '2024' })), [`${file}, linje 2, feltet "title": Skriv en titel som tekst. Sæt anførselstegn om, fx title: "2024".`]);
  });

  it('refuses an end year before the start year', () => {
    assert.deepEqual(problemsIn(caseText({ period: '\n  start: 2012\n  end: 2010' })), [`${file}, linje 7, feltet "period" → "end": Slutår kan ikke ligge før startår.`]);
  });
});

describe('dates', () => {
  it('explains that 2024-13-45 is no date instead of letting YAML turn it into February 2025', () => {
    assert.deepEqual(problemsIn(caseText({ period: '\n  start: 2024-13-45' })), [
      `${file}, linje 6, feltet "period" → "start": "2024-13-45" er ikke en rigtig dato: der er ingen måned 13. Startår skal være et årstal med fire cifre, fx 2015, eller ordet "ukendt", hvis ingen kilde siger det. Mente du 2024?`,
    ]);
  });

  it('knows how many days a month has', () => {
    assert.deepEqual(problemsIn(caseText({ period: '\n  start: 2024-02-30' })), [
      `${file}, linje 6, feltet "period" → "start": "2024-02-30" er ikke en rigtig dato: februar 2024 har kun 29 dage. Startår skal være et årstal med fire cifre, fx 2015, eller ordet "ukendt", hvis ingen kilde siger det. Mente du 2024?`,
    ]);
  });

  it('asks for the year alone when a real date stands where a year belongs', () => {
    assert.deepEqual(problemsIn(caseText({ period: '\n  start: 2019-05-01' })), [
      `${file}, linje 6, feltet "period" → "start": Her står en dato (2019-05-01), men feltet skal ikke have en dato. Startår skal være et årstal med fire cifre, fx 2015, eller ordet "ukendt", hvis ingen kilde siger det. Mente du 2019?`,
    ]);
  });
});

describe('YAML that cannot be read', () => {
  it('asks for quotes around a title with a colon', () => {
    assert.deepEqual(problemsIn(caseText({ title: 'Second case: the sequel' })), [
      `${file}, linje 2: Teksten indeholder et kolon (:). Sæt anførselstegn om hele teksten, fx title: "Second case: the sequel".`,
    ]);
  });

  it('suggests the other kind of quotes around text that contains quotes', () => {
    assert.deepEqual(problemsIn(caseText({ summary: '"Han sagde "hej" til os"' })), [
      `${file}, linje 3: Teksten indeholder selv anførselstegn. Brug den anden slags anførselstegn udenom, fx summary: 'Han sagde "hej" til os'.`,
    ]);
  });

  it('points at the line where a quote is never closed', () => {
    assert.deepEqual(problemsIn(caseText({ title: '"En titel uden slut' })), [
      `${file}, linje 2: Der mangler et anførselstegn til sidst i teksten. En tekst, der begynder med et anførselstegn, skal også slutte med et.`,
    ]);
  });

  it('finds a field written twice', () => {
    assert.deepEqual(problemsIn(caseText({}).replace('kind: udviklingsprojekt', 'kind: udviklingsprojekt\nkind: politikudvikling')), [
      `${file}, linje 9: Feltet "kind" står to gange. Slet det ene.`,
    ]);
  });

  it('explains tabs and wrong indentation', () => {
    assert.deepEqual(problemsIn(caseText({ period: '\n\tstart: 2010' })), [`${file}, linje 6: Linjen er rykket ind med tabulator. Brug mellemrum i stedet.`]);
    assert.deepEqual(problemsIn(caseText({ period: '\n  start: 2010\n end: 2012' })), [
      `${file}, linje 7: Linjen er rykket forkert ind. Felter på samme niveau skal begynde lige under hinanden, og et felt inde i et andet skal rykkes to mellemrum ind.`,
    ]);
  });

  it('warns that text after " #" disappears as a comment', () => {
    assert.deepEqual(problemsIn(caseText({ title: 'Sag #1 om byggeri' })), [
      `${file}, linje 2, feltet "title": Alt efter " #" bliver læst som en kommentar og forsvinder fra teksten. Sæt anførselstegn om hele teksten, fx title: "Sag #1 om byggeri".`,
    ]);
  });

  it('asks for the frontmatter lines when a file has none', () => {
    assert.deepEqual(problemsIn('Bare tekst.\n'), [
      `${file}, linje 1: Filen skal begynde med en linje med tre bindestreger (---), så felterne (title, summary og de andre), og så en linje med --- igen. Se eksemplet i CONTRIBUTING.md.`,
    ]);
  });
});

describe('MDX pitfalls in the text', () => {
  const body = (text: string) => caseText({}, `## Kort fortalt\n\n${text}\n`);

  it('explains a < before a number', () => {
    assert.deepEqual(problemsIn(body('Huslejen var under <600 kr. om måneden.')), [
      `${file}, linje 29: Tegnet < i "<600 kr." bliver læst som starten på et HTML-element, og så stopper bygget. Skriv "under" eller "mindre end" i stedet, eller skriv \\< (med en omvendt skråstreg foran).`,
    ]);
  });

  it('explains a stray {', () => {
    assert.deepEqual(problemsIn(body('Se bilag { side 3.')), [
      `${file}, linje 29: Der står en { uden en } bagefter. Krøllede parenteser bruges til kode i MDX; skriv \\{, hvis du mener selve tegnet.`,
    ]);
  });

  it('explains text in braces, HTML comments, unclosed <br> and components', () => {
    assert.deepEqual(problemsIn(body('Året {2024} var godt.')), [
      `${file}, linje 29: Krøllede parenteser { } bliver læst som kode i MDX, og det, der står imellem, vises ikke som tekst. Skriv \\{ og \\}, hvis du mener selve tegnene.`,
    ]);
    assert.deepEqual(problemsIn(body('Tekst <!-- note --> her.')), [`${file}, linje 29: HTML-kommentarer (<!-- -->) virker ikke i MDX. Skriv {/* kommentar */} i stedet.`]);
    assert.deepEqual(problemsIn(body('En linje<br>en anden')), [`${file}, linje 29: Elementet <br> skal lukkes i MDX: skriv <br /> i stedet.`]);
    assert.deepEqual(problemsIn(body('Se <Kort /> her.')), [
      `${file}, linje 29: <Kort> er ikke noget, siden kender, og stopper bygget. Skriv almindelig tekst i stedet, og brug [tekst](adresse) til links.`,
    ]);
  });

  it('allows a component that the file imports from a file that exists, as the privacy page does', () => {
    const imports = (source: string) => body(`import SecretariatAddress from '${source}';\n\nSkriv til <SecretariatAddress />.`);
    assert.deepEqual(problemsIn(imports('../../src/components/SecretariatAddress.astro')), []);
    assert.deepEqual(problemsIn(imports('../../src/components/Findes.astro')), [
      `${file}, linje 29: Filen "../../src/components/Findes.astro", som linjen henter, findes ikke. Tjek stien, eller slet linjen.`,
    ]);
  });

  it('explains a line that MDX reads as code because it starts with "import"', () => {
    assert.deepEqual(problemsIn(body('import af fødevarer var emnet')), [
      `${file}, linje 29: Linjen begynder med ordet "import", og så læser MDX den som kode. Omformulér, så linjen ikke begynder med "import".`,
    ]);
  });

  it('wants text in every section of a finished case, but lets a draft have empty ones', () => {
    const empty = caseText({}, '## Kort fortalt\n\nTekst.\n\n## Hvem var med\n\n## Det kan andre lære\n\nMere tekst.\n');
    assert.deepEqual(problemsIn(empty), [`${file}, linje 31: Afsnittet "Hvem var med" er tomt. Skriv noget i det, eller slet overskriften.`]);
    assert.deepEqual(problemsIn(caseText({}, '')), [`${file}, linje 26: Casen har ingen tekst under felterne. Skriv casen under den sidste linje med ---.`]);
    assert.deepEqual(problemsIn(caseText({ draft: 'true' }, '## Kort fortalt\n\n{/* Skriv her */}\n')), []);
  });
});

describe('links', () => {
  const withLink = (url: string) => caseText({}, `${validBody}\nLæs [mere](${url}).\n`);

  it('accepts links to pages, cases, principles, filters and files that exist', () => {
    for (const url of ['/cases/seest/', '/charter/ligevaerd/#sådan-gør-i', '/manifest/', '/cases/omraade/social/', '/cases/kommune/kolding/', '/og.png', 'https://www.kolding.dk/a?b=c', 'mailto:info@example.org']) {
      assert.deepEqual(problemsIn(withLink(url)), [], url);
    }
  });

  it('suggests the page an internal link probably meant', () => {
    assert.deepEqual(problemsIn(withLink('/cases/seeest/')), [`${file}, linje 31: Linket "/cases/seeest/" fører ikke til en side på sitet. Mente du "/cases/seest/"?`]);
    assert.deepEqual(problemsIn(withLink('/cases/seest')), [`${file}, linje 31: Linket "/cases/seest" mangler en / til sidst. Skriv "/cases/seest/".`]);
  });

  it('turns a link to a content file into the page address', () => {
    assert.deepEqual(problemsIn(withLink('./seest.mdx')), [`${file}, linje 31: Link til siden, ikke til filen: skriv "/cases/seest/" i stedet for "./seest.mdx".`]);
    assert.deepEqual(problemsIn(withLink('../principles/ligevaerd.mdx')), [
      `${file}, linje 31: Link til siden, ikke til filen: skriv "/charter/ligevaerd/" i stedet for "../principles/ligevaerd.mdx".`,
    ]);
  });

  it('asks for https:// on an external address and refuses malformed ones', () => {
    assert.deepEqual(problemsIn(withLink('www.dr.dk')), [`${file}, linje 31: Linket "www.dr.dk" mangler https:// foran. Skriv "https://www.dr.dk".`]);
    assert.deepEqual(problemsIn(withLink('https://kolding')), [
      `${file}, linje 31: Linket "https://kolding" er ikke en gyldig webadresse. Tjek stavningen; en adresse må ikke indeholde mellemrum.`,
    ]);
    assert.deepEqual(problemsIn(withLink('javascript:alert(1)')), [
      `${file}, linje 31: Linket "javascript:alert(1)" kan ikke bruges. Links skal begynde med https://, http://, mailto: eller /.`,
    ]);
  });

  it('says so when a link leads to a draft case', () => {
    const found = messages({ cases: { 'proevecase.mdx': withLink('/cases/udkast/'), 'udkast.mdx': caseText({ title: 'Et udkast', draft: 'true' }) } });
    assert.deepEqual(found, [`${file}, linje 31: Linket "/cases/udkast/" fører til en case, der er et udkast (draft: true), så den vises ikke på sitet endnu.`]);
  });
});

describe('images', () => {
  const withImage = (markdown: string) => caseText({}, `${validBody}\n${markdown}\n`);
  const image = 'content/cases/billeder/moede.jpg';

  it('accepts an image that exists, is small enough and has an alt text', () => {
    assert.deepEqual(messages({ cases: { 'proevecase.mdx': withImage('![Borgere ved et møde](./billeder/moede.jpg)') }, files: { [image]: 300_000 } }), []);
    const inFrontmatter = caseText({ image: '\n  src: ./billeder/moede.jpg\n  alt: Borgere ved et møde' });
    assert.deepEqual(messages({ cases: { 'proevecase.mdx': inFrontmatter }, files: { [image]: 300_000 } }), []);
  });

  it('asks for an alt text that says what the image shows', () => {
    assert.deepEqual(messages({ cases: { 'proevecase.mdx': withImage('![](./billeder/moede.jpg)') }, files: { [image]: 300_000 } }), [
      `${file}, linje 31: Billedet "./billeder/moede.jpg" mangler en alternativ tekst. Skriv, hvad billedet viser, mellem [ og ], fx ![Beboere og kommunens medarbejdere ved et møde](./billeder/moede.jpg).`,
    ]);
    assert.deepEqual(messages({ cases: { 'proevecase.mdx': caseText({ image: '\n  src: ./billeder/moede.jpg' }) }, files: { [image]: 300_000 } }), [
      `${file}, linje 25, feltet "image" → "alt": Feltet mangler. Skriv en alternativ tekst (alt) til billedet som tekst.`,
    ]);
  });

  it('suggests the file name of an image that is not there', () => {
    assert.deepEqual(messages({ cases: { 'proevecase.mdx': caseText({ image: '\n  src: ./billeder/mode.jpg\n  alt: Et møde' }) }, files: { [image]: 300_000 } }), [
      `${file}, linje 26, feltet "image" → "src": Billedet "./billeder/mode.jpg" findes ikke. Mente du "./billeder/moede.jpg"? Læg billedet i mappen content/cases/billeder/, og skriv stien som ./billeder/filnavn.jpg.`,
    ]);
  });

  it('refuses images that are too large, of another type or on another website', () => {
    assert.deepEqual(messages({ cases: { 'proevecase.mdx': withImage('![Et møde](./billeder/moede.jpg)') }, files: { [image]: 5_400_000 } }), [
      `${file}, linje 31: Billedet "./billeder/moede.jpg" fylder 5,1 MB, men må højst fylde 2 MB. Gør det mindre, fx med squoosh.app, og gem det som .jpg eller .webp.`,
    ]);
    assert.deepEqual(messages({ cases: { 'proevecase.mdx': withImage('![Et møde](./billeder/moede.heic)') }, files: { 'content/cases/billeder/moede.heic': 300_000 } }), [
      `${file}, linje 31: Billedet "./billeder/moede.heic" er en .heic-fil, som siden ikke kan vise. Gem det som .jpg, .png, .webp eller .avif.`,
    ]);
    assert.deepEqual(problemsIn(withImage('![Et møde](https://example.org/moede.jpg)')), [
      `${file}, linje 31: Billedet "https://example.org/moede.jpg" ligger på en anden hjemmeside, og siden viser kun billeder fra sit eget repository. Hent billedet (hvis I har lov til at bruge det), og læg det i mappen content/cases/billeder/.`,
    ]);
  });
});

describe('rules across files', () => {
  it('refuses two cases with the same title', () => {
    assert.deepEqual(messages({ cases: { 'a-case.mdx': caseText(), 'b-case.mdx': caseText({ title: 'en prøvecase' }) } }), [
      `content/cases/b-case.mdx, linje 2, feltet "title": Titlen "en prøvecase" bruges også af content/cases/a-case.mdx. Giv casen en titel, der skiller sig ud, eller tjek, om casen allerede findes.`,
    ]);
  });

  it('refuses a file name that cannot be an address, and suggests one that can', () => {
    assert.deepEqual(messages({ cases: { 'Ny Case i Ærø.mdx': caseText() } }), [
      `content/cases/Ny Case i Ærø.mdx, linje 1: Filnavnet "Ny Case i Ærø.mdx" kan ikke bruges som adresse. Brug kun små bogstaver a-z, tal og bindestreger, og skriv æ, ø og å som ae, oe og aa. Mente du "ny-case-i-aeroe.mdx"?`,
    ]);
  });

  it('refuses two files with one address and a case named like a filter', () => {
    assert.deepEqual(messages({ cases: { 'ny-case.mdx': caseText(), 'Ny-case.mdx': caseText({ title: 'Anden' }) } }).filter((m) => m.includes('bruges også af')), [
      `content/cases/Ny-case.mdx, linje 1: Adressen /cases/ny-case/ bruges også af content/cases/ny-case.mdx. To filer kan ikke have samme adresse; giv den ene fil et andet navn.`,
    ]);
    assert.deepEqual(messages({ cases: { 'kommune.mdx': caseText() } }), [`content/cases/kommune.mdx, linje 1: Adressen /cases/kommune/ bruges allerede af sitet selv. Giv filen et andet navn.`]);
  });

  it('asks for .mdx on a case written as .md', () => {
    assert.deepEqual(messages({ strayFiles: ['content/cases/ny-case.md'] }), [
      `content/cases/ny-case.md, linje 1: Kun .mdx-filer bliver til sider. Omdøb "ny-case.md" til "ny-case.mdx", eller flyt filen ud af mappen.`,
    ]);
  });
});

describe('the facts rule: every fact is ukendt or backed by a source', () => {
  const allFacts = '[period, status, scope, participation, form, initiators, actors]';
  const source = (backs: string) => `\n  - title: Kolding Kommune\n    url: https://www.kolding.dk/\n    publisher: Kolding Kommune\n    date: ukendt\n    backs: ${backs}`;

  it('accepts a case that says ukendt for every fact and backs nothing', () => {
    const unknowns = { period: '\n  start: ukendt', status: 'ukendt', scope: 'ukendt', participation: 'ukendt', form: 'ukendt', initiators: 'ukendt', actors: 'ukendt' };
    assert.deepEqual(problemsIn(caseText({ ...unknowns, sources: source('[]') })), []);
  });

  it('fails a fact that no source backs, naming the field and both ways to fix it', () => {
    assert.deepEqual(problemsIn(caseText({ sources: source('[period, status, scope, participation, initiators, actors]') })), [
      `${file}, linje 9, feltet "form": Ingen kilde bakker feltet "form" op. Skriv form i backs på den kilde, der siger det, fx backs: [form]. Siger ingen kilde det, så skriv form: ukendt; siden viser det som »Ikke oplyst«.`,
    ]);
  });

  it('asks for start: ukendt when no source gives the period', () => {
    assert.deepEqual(problemsIn(caseText({ sources: source('[status, scope, participation, form, initiators, actors]') })), [
      `${file}, linje 5, feltet "period": Ingen kilde bakker feltet "period" op. Skriv period i backs på den kilde, der siger det, fx backs: [period]. Siger ingen kilde det, så skriv start: ukendt under period (og slet end); siden viser det som »Ikke oplyst«.`,
    ]);
  });

  it('counts a fact as backed when any one of several sources backs it', () => {
    const two = `${source('[period, status, scope]')}${source('[participation, form, initiators, actors]').replace('https://www.kolding.dk/', 'https://www.dr.dk/')}`;
    assert.deepEqual(problemsIn(caseText({ sources: two })), []);
  });

  it('wants outcomes backed too, or left out', () => {
    const outcomes = '\n  - text: "Flere unge kom i job."\n    evidence: dokumenteret';
    assert.match(problemsIn(caseText({ outcomes, sources: source(allFacts) }))[0]!, /feltet "outcomes": Ingen kilde bakker feltet "outcomes" op\. .*outcomes: ukendt \(eller slet outcomes\)/);
    assert.deepEqual(problemsIn(caseText({ outcomes, sources: source(allFacts.replace(']', ', outcomes]')) })), []);
  });

  it('names an evidence level it does not know and lists the four', () => {
    const outcomes = '\n  - text: "Flere unge kom i job."\n    evidence: bevist';
    assert.match(problemsIn(caseText({ outcomes, sources: source(allFacts.replace(']', ', outcomes]')) }))[0]!, /feltet "outcomes" → nr\. 1 → "evidence": "bevist" er ikke .*"evalueret", "dokumenteret", "omtalt", "ikke-dokumenteret"/);
  });

  it('points at a misspelt initiator inside a list, not at the whole field', () => {
    assert.match(problemsIn(caseText({ initiators: '[politikere, borgerne]' }))[0]!, /linje 10, feltet "initiators" → nr\. 2: "borgerne" er ikke en af initiativtagerne\./);
  });

  it('says which field a source backs that does not exist', () => {
    assert.match(problemsIn(caseText({ sources: source('[periode]') }))[0]!, /feltet "sources" → nr\. 1 → "backs" → nr\. 1: "periode" er ikke .*Mente du "period"\?/);
  });

  it('explains a source date or lastVerified that is no real day, which YAML would quietly move', () => {
    assert.deepEqual(problemsIn(caseText({ lastVerified: '2026-02-30' })), [
      `${file}, linje 24, feltet "lastVerified": "2026-02-30" er ikke en rigtig dato: februar 2026 har kun 28 dage. Skriv en dato, der findes, som ÅÅÅÅ-MM-DD.`,
    ]);
    assert.match(problemsIn(caseText({ sources: source(allFacts).replace('date: ukendt', 'date: "2018-13"') }))[0]!, /feltet "sources" → nr\. 1 → "date": .*"ÅÅÅÅ-MM-DD", "ÅÅÅÅ-MM" eller "ÅÅÅÅ"/);
  });

  it('asks for status, scope, participation and lastVerified on every case', () => {
    const missing = problemsIn(caseText({ status: undefined, scope: undefined, participation: undefined, lastVerified: undefined }));
    assert.deepEqual(missing.map((m) => /feltet "(\w+)": Feltet mangler\./.exec(m)?.[1]), ['status', 'scope', 'participation', 'lastVerified']);
  });
});

describe('readability', () => {
  it('warns about a case whose LIX is over 45, without failing the check', () => {
    const heavy = '## Kort fortalt\n\nSamskabelsesbevægelsens tværsektorielle partnerskabsmodeller understøtter kommunernes implementeringsbestræbelser gennem systematiske borgerinddragelsesprocesser, organisatoriske læringsforløb og ledelsesmæssige prioriteringsdiskussioner.\n';
    const result = checkContent(testProject({ cases: { 'proevecase.mdx': caseText({}, heavy) } }));
    assert.deepEqual(result.problems, []);
    const warning = result.warnings.find((w) => w.file === file);
    assert.match(formatProblem(warning!), /^content\/cases\/proevecase\.mdx, linje 1: LIX er \d+, og målet for denne slags side er højst 45\./);
  });

  it('reports the LIX of every page with text, with the principles held to 40', () => {
    const result = checkContent(testProject());
    const principle = result.readability.find((r) => r.file === 'content/principles/ligevaerd.mdx');
    assert.equal(principle?.goal, 40);
    assert.ok(result.readability.some((r) => r.file === 'content/pages/om.mdx' && r.goal === 45));
  });
});

