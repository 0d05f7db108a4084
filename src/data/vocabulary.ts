// The fixed value lists a case is classified by; labels live in src/i18n.
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
