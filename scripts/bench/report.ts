// Writes the benchmark results as the Markdown section of docs/benchmarks.md, with the goals from the issue beside the figures.
import type { BuildReport } from './build-scaling.ts';
import { summariseBuild } from './build-scaling.ts';
import type { ColdStartReport } from './cold-start.ts';
import { da, median, type Machine } from './measure.ts';
import type { PageWeightReport } from './page-weight.ts';
import type { SigningReport } from './signing.ts';
import { summariseSigning } from './signing.ts';
import type { WaveReport } from './wave.ts';

const mark = (ok: boolean) => (ok ? '✅' : '❌');
const times = (n: number) => ({ 1: 'én gang', 2: 'to gange', 3: 'tre gange', 4: 'fire gange', 5: 'fem gange' })[n] ?? `${n} gange`;
const kb = (bytes: number) => da(bytes / 1024, 1);

/**
 * Where a signing's CPU goes next to a pgbench transaction. Both run on the same two cores, so the ratio is the
 * pgbench transaction's machine time over the signing's; the split says which part of the difference is the app.
 */
function cpuBudget(report: SigningReport, s: ReturnType<typeof summariseSigning>): string[] {
  const best = s.sustained;
  if (!best || report.pgbench.machineCpuMsPerTx.length === 0) return [];
  const pgbenchMachine = median(report.pgbench.machineCpuMsPerTx);
  const pgbenchPostgres = median(report.pgbench.postgresCpuMsPerTx);
  const rest = best.machineCpuMs - best.serverCpuMs - best.postgresCpuMs - best.loadCpuMs;
  return [
    `**Hvor CPU-tiden går** (${best.connections} forbindelser): en pgbench-transaktion koster ${da(pgbenchMachine, 2)} ms maskintid (heraf Postgres ${da(pgbenchPostgres, 2)} ms). ` +
      `En underskrift gennem appen koster ${da(best.machineCpuMs, 2)} ms: Postgres ${da(best.postgresCpuMs, 2)} ms, serveren ${da(best.serverCpuMs, 2)} ms, ` +
      `autocannon ${da(best.loadCpuMs, 2)} ms og resten (kernens netværk, andre processer) ${da(rest, 2)} ms. ` +
      `Uden belastningsgeneratoren på de samme to kerner ville forholdet være ca. ${da((pgbenchMachine / (best.machineCpuMs - best.loadCpuMs)) * 100)} %.`,
    '',
  ];
}

function signingSection(report: SigningReport, quick: boolean): string[] {
  const s = summariseSigning(report);
  const best = s.sustained;
  const seconds = Math.round(report.runs[0]?.seconds ?? 0);
  const repeats = report.runs.filter((r) => r.connections === report.runs[0]?.connections).length;
  const lines = [
    '### Underskrifter pr. sekund',
    '',
    `\`autocannon\` sender \`POST /api/signatures/\` (JSON, en ny gyldig organisation hver gang) til den rigtige request-handler fra \`npm start\` ` +
      `på maskinens PostgreSQL ${report.postgresVersion} (pool på ${report.poolSize} forbindelser), ${quick ? 'kort (--quick)' : `i ${seconds} s pr. måling, ${times(repeats)} pr. niveau`}. ` +
      'Rate limit er slået til: hver forespørgsel kommer fra sin egen besøgende (IP), som den ville i en bølge, så rate-limit-forespørgslen kører hver gang og lader den passere. ' +
      'IP’en sættes af en lille stand-in for Vercels edge (`scripts/bench/edge-server.ts`); localhost har kun én adresse. ' +
      'Mails sendes under målingen til en lokal stand-in for Resend, med Resends standardgrænse på 2 kald i sekundet som i drift; resten venter i udbakken.',
    '',
    `**Mål:** mindst 1.000 underskrifter/s vedvarende på 2 kerner med p99 ≤ 100 ms og 0 fejl, og mindst 50 % af pgbench.`,
    '',
    best
      ? `**Resultat:** ${da(best.signingsPerSecond)} underskrifter/s vedvarende (${best.connections} forbindelser, p99 ${best.p99} ms) ${mark(best.signingsPerSecond >= 1000)}; ` +
        `pgbench ${da(s.pgbenchTps)}/s, forhold ${da(s.ratio * 100, 1)} % ${mark(s.ratio >= 0.5)}.`
      : `**Resultat:** intet niveau holdt p99 ≤ 100 ms uden fejl ❌; pgbench ${da(s.pgbenchTps)}/s.`,
    '',
    'CPU-tid pr. underskrift i ms: serveren (Node), Postgres, belastningsgeneratoren (autocannon i benchmarkens egen proces) og hele maskinen (alle kerner, kernen medregnet).',
    '',
    '| Forbindelser | Underskrifter/s (median) | p50 ms | p99 ms | Ikke-2xx og fejl | Svar = rækker, én mail hver | Server | Postgres | autocannon | Hele maskinen |',
    '| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...s.perLevel.map(
      (l) =>
        `| ${l.connections} | ${da(l.signingsPerSecond)} | ${da(l.p50)} | ${da(l.p99)} | ${l.failures} | ${mark(l.consistent)} | ${da(l.serverCpuMs, 2)} | ${da(l.postgresCpuMs, 2)} | ${da(l.loadCpuMs, 2)} | ${da(l.machineCpuMs, 2)} |`,
    ),
    '',
    ...cpuBudget(report, s),
    `pgbench (\`-M prepared -c ${report.pgbench.clients} -j 2\`, samme indsættelser som appen: rate-limit-upsert og den ene sætning, der skriver underskrift, hændelse, to links og mail): ` +
      `${report.pgbench.tps.map((t) => da(t)).join(', ')} transaktioner/s, median ${da(s.pgbenchTps)}; ` +
      `Postgres ${da(median(report.pgbench.postgresCpuMsPerTx), 2)} ms og hele maskinen ${da(median(report.pgbench.machineCpuMsPerTx), 2)} ms CPU pr. transaktion.`,
    '',
    `Udbakken: under målingen går mailen i batches på højst 100 med 2 kald i sekundet (Resends standardgrænse), altså højst 200 mails/s, og resten står i kø (se alle målinger og mailbølgen nedenfor). Når Resend tillader mere, tømmer \`drainOutbox\` (det, cron kører) køen med ${da(report.drain.mails / Math.max(report.drain.seconds, 0.001))} mails/s (${report.drain.mails} mails på ${da(report.drain.seconds, 1)} s, uden grænse hos stand-in'en).`,
    '',
    'Postgres-CPU er summen for alle `postgres`-processer på maskinen; deler andre maskinen, tæller deres arbejde med.',
    '',
    '<details><summary>Alle målinger</summary>',
    '',
    '| Forbindelser | s | 2xx | Underskrifter/s | p50 | p99 | Andre svar | Fejl | Timeouts | Rækker | Afbrudt ved slut | Mails sendt | Mails i kø | Kontrol |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...report.runs.map(
      (r) =>
        `| ${r.connections} | ${da(r.seconds, 1)} | ${r.ok} | ${da(r.signingsPerSecond)} | ${r.p50} | ${r.p99} | ${Object.entries(r.statuses).map(([k, v]) => `${k}: ${v}`).join(', ') || '–'} | ${r.errors} | ${r.timeouts} | ${r.rows} | ${r.cutOff} | ${r.mailsSent} | ${r.mailBacklog} | ${r.problems.length ? r.problems.join('; ') : 'alt stemmer'} |`,
    ),
    '',
    'En forespørgsel, der stadig var i gang, da tiden løb ud, har intet svar; dens række kan findes. Kontrollen kræver, at hvert 2xx har sin række, at hver række uden 2xx var sådan en afbrudt forespørgsel, og at hver underskrift har præcis én bekræftelsesmail, to links og én hændelse.',
    '',
    '</details>',
  ];
  return lines;
}

function buildSection(report: BuildReport): string[] {
  const s = summariseBuild(report);
  const secs = (v: number) => `${da(v, 1)} s`;
  return [
    '### Byggetid',
    '',
    `Syntetiske, gyldige cases (kopier af de rigtige, varieret i navn, titel og kommune; de rigtige er med, fordi sider linker til dem) i en midlertidig kopi af siden (et git-repo, som det rigtige), bygget koldt med \`astro build\`, ` +
      'og den samme MDX bygget af en bar Astro med et minimalt layout. Median af målingerne.',
    '',
    '**Mål:** højst 1,3 × den bare bygning, og t(2.000)/t(1.000) ≤ 2,1.',
    '',
    `Siden bygger ${report.concurrency} sider ad gangen (\`build.concurrency\` i astro.config.mjs); den bare bygning bruger Astros standard, én ad gangen. ` +
      'For at vise, hvad sidens eget ekstra arbejde koster, når begge har samme indstilling, er den bare bygning også målt med sidens værdi (sidste kolonner).',
    '',
    `| Cases | Siden | Bar Astro | Forhold | Mål ≤ 1,3 | Bar Astro, ${report.concurrency} ad gangen | Forhold, samme indstilling |`,
    '| ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...report.sizes.map(
      (n) =>
        `| ${da(n)} | ${secs(s.site(n))} | ${secs(s.bare(n))} | ${da(s.ratioToBare[n]!, 2)} | ${mark(s.ratioToBare[n]! <= 1.3)} | ${secs(s.bareSame(n))} | ${da(s.ratioToBareSame[n]!, 2)} |`,
    ),
    '',
    `t(${da(s.large)})/t(${da(s.small)}) = ${da(s.growth, 2)} ${mark(s.growth <= 2.1)} (bar Astro: ${da(s.bareGrowth, 2)}).`,
    '',
    `Alle målinger (s): ${report.sizes
      .map((n) => `${n} cases: siden ${report.site[n]!.map((v) => da(v, 1)).join(' / ')}, bar ${report.bare[n]!.map((v) => da(v, 1)).join(' / ')}, bar med ${report.concurrency} ad gangen ${report.bareSame[n]!.map((v) => da(v, 1)).join(' / ')}`)
      .join('; ')}.`,
  ];
}

function weightSection(report: PageWeightReport): string[] {
  return [
    '### Sidevægt',
    '',
    'Gzip-størrelser af det, den lokale server (`npm start`) sender; forsiden og Bliv medlem laves af en funktion med det aktuelle antal medlemmer. Første svar er HTML-dokumentet; CSS’en er lagt ind i det. Linket CSS og JavaScript er ekstra forespørgsler.',
    '',
    '**Mål:** 0 byte JavaScript på læsesider, og første svar ≤ 14 KB.',
    '',
    '| Side | Første svar (HTML) KB | Heraf inline CSS KB | Linket CSS KB | JavaScript B | Mål |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...report.map((p) => {
      const js = p.inlineJs + p.linkedJs;
      const ok = p.html <= 14 * 1024 && (!p.reading || js === 0);
      return `| ${p.name} (\`${p.path}\`) | ${kb(p.html)} | ${kb(p.inlineCss)} | ${kb(p.linkedCss)} | ${js} | ${mark(ok)}${p.reading ? '' : ' (ikke læseside)'} |`;
    }),
  ];
}

function coldSection(report: ColdStartReport): string[] {
  return [
    '### Kold start',
    '',
    'En ny Node-proces importerer én funktion (`api/signatures.ts`, fra kilden eller som `vercel build` bundler den) og besvarer sin første underskrift. Median af målingerne, i ms.',
    '',
    '| Database | Node starter | Import | Første svar | I alt i processen | Udefra (spawn til exit) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...report.map((c) => {
      const m = (key: keyof (typeof c.runs)[number]) => da(median(c.runs.map((r) => r[key])));
      return `| ${c.name} | ${m('nodeStart')} | ${m('importMs')} | ${m('firstRequestMs')} | ${m('totalMs')} | ${m('wallMs')} |`;
    }),
  ];
}

/** A bar of `#` for an ASCII chart, scaled to `width` at `max`. */
const bar = (value: number, max: number, width = 30) => '#'.repeat(max > 0 ? Math.round((value / max) * width) : 0);

function waveSection(report: WaveReport): string[] {
  const l = report.latency;
  const exactlyOnce = report.duplicates === 0 && report.missing === 0 && report.mailsAccepted === report.accepted;
  const maxDepth = Math.max(0, ...report.windows.map((w) => w.maxDepth));
  return [
    '### Mailbølgen',
    '',
    `${da(report.perMinute)} underskrifter i minuttet i ${report.minutes} minutter (én hver ${da(60_000 / report.perMinute)} ms, hver fra sin egen besøgende) gennem den rigtige request-handler på PostgreSQL. ` +
      'Bekræftelsesmailen går gennem udbakken i batches på højst 100 (`POST /emails/batch`, permissive) til en stand-in for Resend, der håndhæver 2 kald i sekundet (429 ellers), ' +
      'batch-reglerne og idempotensnøglerne. Serveren sender efter hver underskrift (kick af udbakken), og cron (`/api/cron`) kører hvert ' +
      `${report.cronSeconds}. sekund som sikkerhedsnet. Tiden måles fra underskriften sendes, til Resend har taget mailen.`,
    '',
    '**Mål:** p95 ≤ 60 s og p99 ≤ 120 s fra underskrift til mail taget af Resend, og hver mail sendt præcis én gang.',
    '',
    `**Resultat:** p50 ${da(l.p50, 1)} s, p95 ${da(l.p95, 1)} s ${mark(l.p95 <= 60)}, p99 ${da(l.p99, 1)} s ${mark(l.p99 <= 120)}, længst ${da(l.max, 1)} s. ` +
      `${da(report.accepted)} af ${da(report.signed)} underskrifter fik 202${report.failedSignings ? ` (de andre: ${Object.entries(report.otherAnswers).map(([status, n]) => `${n} × ${status === '0' ? 'intet svar' : status}`).join(', ')})` : ''}; ${da(report.mailsAccepted)} mails taget af Resend, ${report.duplicates} sendt to gange, ${report.missing} mangler ${mark(exactlyOnce)}. ` +
      `${da(report.calls)} batch-kald (største ${report.largestBatch} mails), ${da(report.throttled)} svar 429. Køen var tom ${Number.isFinite(report.drainedAfterSeconds) ? `${da(report.drainedAfterSeconds, 1)} s` : 'ikke inden 5 minutter'} efter sidste underskrift.`,
    '',
    'Køen (mails i udbakken, der venter eller er under afsendelse) pr. 30 s: det højeste, der blev set i vinduet, og hvad Resend tog imod.',
    '',
    '```',
    `   s  underskrevet  taget  kald  429   kø  (# = ${da(maxDepth / 30, 1)} mails)`,
    ...report.windows.map((w) => `${String(w.endSecond).padStart(4)}  ${String(w.signed).padStart(12)}  ${String(w.accepted).padStart(5)}  ${String(w.calls).padStart(4)}  ${String(w.throttled).padStart(3)}  ${String(w.maxDepth).padStart(3)}  ${bar(w.maxDepth, maxDepth)}`),
    '```',
  ];
}

export function renderReport(input: { machine: Machine; quick: boolean; signing?: SigningReport; build?: BuildReport; weight?: PageWeightReport; cold?: ColdStartReport; wave?: WaveReport }): string {
  const { machine } = input;
  const lines = [
    '<!-- bench:start -->',
    '## Belastning, bygning, sidevægt og kold start',
    '',
    `Skrevet af \`npm run bench${input.quick ? ' -- --quick' : ''}\` ${machine.date}${input.quick ? ' (kort røgprøve, ikke tal at holde målene op imod)' : ''}. ` +
      `Maskine: ${machine.cpu}, ${machine.cores} kerner, ${machine.memoryGiB} GiB; belastning ved start ${machine.load}. ` +
      `Node ${machine.node}, ${Object.entries(machine.versions).map(([k, v]) => `${k} ${v}`).join(', ')}; commit ${machine.commit}.`,
    '',
  ];
  if (input.signing) lines.push(...signingSection(input.signing, input.quick), '');
  if (input.build) lines.push(...buildSection(input.build), '');
  if (input.weight) lines.push(...weightSection(input.weight), '');
  if (input.cold) lines.push(...coldSection(input.cold), '');
  if (input.wave) lines.push(...waveSection(input.wave), '');
  lines.push('<!-- bench:end -->');
  return lines.join('\n');
}

/** The `### ` sections of a bench block, by heading, in order. */
function sectionsOf(block: string): { head: string; sections: Map<string, string>; tail: string } {
  const parts = block.split(/^(?=### )/m);
  const head = parts.shift()!;
  const sections = new Map<string, string>();
  let tail = '';
  for (const part of parts) {
    const [text, end] = part.split('<!-- bench:end -->') as [string, string | undefined];
    sections.set(text.slice(0, text.indexOf('\n')), text.trimEnd());
    if (end !== undefined) tail = `<!-- bench:end -->${end}`;
  }
  return { head, sections, tail };
}

/**
 * The existing block with the sections measured now put in place of the old ones (new ones go last), each with
 * `note` under its heading, since the block's header tells of the run that measured the rest.
 */
export function mergeSections(existing: string, measured: string, note: string): string {
  const old = sectionsOf(existing);
  for (const [heading, text] of sectionsOf(measured).sections) {
    old.sections.set(heading, text.replace(heading, `${heading}\n\n${note}`));
  }
  return `${old.head}${[...old.sections.values()].join('\n\n')}\n\n${old.tail || '<!-- bench:end -->'}`;
}
