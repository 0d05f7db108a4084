// The fixed value lists a case is classified by; labels live in src/i18n.

/** The word an editor writes for a fact no source gives; the site shows it as "Ikke oplyst". */
export const unknown = 'ukendt';
export const areas = [
  'social',
  'sundhed',
  'uddannelse',
  'beskaeftigelse-og-integration',
  'miljoe-og-klima',
  'byudvikling',
  'kultur-og-fritid',
  'demokrati',
] as const;

export const kinds = ['service-og-myndighed', 'udviklingsprojekt', 'politikudvikling'] as const;

export const forms = ['beskrivende', 'intermedierende', 'transformerende'] as const;

export const initiators = ['borgere-foreninger-virksomheder', 'politikere', 'medarbejdere'] as const;

export const statuses = ['planlagt', 'igangværende', 'afsluttet', 'stoppet'] as const;

export const scopes = ['lokal', 'kommunal', 'regional', 'national'] as const;

/** The public participation spectrum (IAP2): inform, consult, involve, collaborate, empower. */
export const participationLevels = ['informere', 'høre', 'involvere', 'samarbejde', 'overdrage'] as const;

/** How well an outcome is shown, strongest first. */
export const evidenceLevels = ['evalueret', 'dokumenteret', 'omtalt', 'ikke-dokumenteret'] as const;

/** The facts-box fields a source can back (`backs:`); each must be backed or `ukendt`. */
export const factFields = ['period', 'status', 'scope', 'participation', 'form', 'initiators', 'actors', 'outcomes'] as const;

export const actorTypes = [
  'kommune',
  'region',
  'stat',
  'forening',
  'virksomhed',
  'uddannelse',
  'forskning',
  'borgergruppe',
  'borgere',
  'andet',
] as const;

/** The kinds of organisation that sign the charter or join the movement. */
export const organisationTypes = ['kommune', 'region', 'stat', 'forening', 'virksomhed', 'uddannelse', 'borgergruppe', 'andet'] as const;

export type OrganisationType = (typeof organisationTypes)[number];
export type Area = (typeof areas)[number];
export type Kind = (typeof kinds)[number];
export type Form = (typeof forms)[number];
export type Initiator = (typeof initiators)[number];
export type ActorType = (typeof actorTypes)[number];
export type Status = (typeof statuses)[number];
export type Scope = (typeof scopes)[number];
export type Participation = (typeof participationLevels)[number];
export type Evidence = (typeof evidenceLevels)[number];
export type FactField = (typeof factFields)[number];
