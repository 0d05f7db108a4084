// The municipality map as JSON for the wall's function (src/signing/wall-map.ts): the same simplified paths as the
// case map, drawn once at build time, so the function needs neither the boundaries file nor d3.
import type { APIRoute } from 'astro';
import { denmarkMap } from '../../map/denmark-map.ts';
import type { MunicipalityMap } from '../../data/municipality-map.ts';

export const GET: APIRoute = () => {
  const { width, height, bornholmInset, municipalities } = denmarkMap();
  const map: MunicipalityMap = { width, height, bornholmInset, municipalities };
  return new Response(JSON.stringify(map), { headers: { 'Content-Type': 'application/json' } });
};
