// The secretariat's member search: the stored fields it shows, the filter, and the filter as query parameters. Pure.
import { blankToUndefined } from '../platform/plain-text.ts';

export interface MemberRecord {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  email: string;
  municipality: string;
  organisation_name: string | null;
  organisation_type: string | null;
  interests: string[];
  newsletter: boolean;
  status: 'pending' | 'confirmed';
  created_at: Date;
  confirmed_at: Date | null;
}

export interface MemberFilter {
  /** Free text, matched against name, email and organisation. */
  q?: string;
  kind?: 'person' | 'organisation';
  status?: 'pending' | 'confirmed';
  municipality?: string;
  interest?: string;
  newsletter?: boolean;
}

export const memberColumns = ['id', 'kind', 'name', 'email', 'municipality', 'organisation_name', 'organisation_type', 'interests', 'newsletter', 'status', 'created_at', 'confirmed_at'] as const satisfies readonly (keyof MemberRecord)[];

/** Reads a filter from query parameters, dropping values that are not allowed. */
export function memberFilterFrom(params: URLSearchParams): MemberFilter {
  const filter: MemberFilter = {};
  const text = (name: string) => {
    const value = blankToUndefined(params.get(name) ?? '');
    return typeof value === 'string' ? value : undefined;
  };
  const q = text('q');
  if (q) filter.q = q.slice(0, 200);
  const kind = params.get('type');
  if (kind === 'person' || kind === 'organisation') filter.kind = kind;
  const status = params.get('status');
  if (status === 'pending' || status === 'confirmed') filter.status = status;
  const municipality = text('kommune');
  if (municipality) filter.municipality = municipality;
  const interest = text('interesse');
  if (interest) filter.interest = interest;
  const newsletter = params.get('nyhedsbrev');
  if (newsletter === 'ja' || newsletter === 'nej') filter.newsletter = newsletter === 'ja';
  return filter;
}

/** The same filter as query parameters, for links (the CSV export of exactly what is shown). */
export function memberFilterQuery(filter: MemberFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.kind) params.set('type', filter.kind);
  if (filter.status) params.set('status', filter.status);
  if (filter.municipality) params.set('kommune', filter.municipality);
  if (filter.interest) params.set('interesse', filter.interest);
  if (filter.newsletter !== undefined) params.set('nyhedsbrev', filter.newsletter ? 'ja' : 'nej');
  const text = params.toString();
  return text ? `?${text}` : '';
}
