// The wall at scale: seeds 1,000, then 10,000, then 100,000 published signatories into this machine's PostgreSQL and
// measures the first response of /underskrivere/ (gzip), the server's p50/p99 for page 1, a filtered page, a search
// and a JSON page, and how much the server process grows while it streams the whole CSV.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openMigratedSchema } from '../../tests/support/test-databases.ts';
import { seedSignatories } from '../../tests/support/signatory-seed.ts';
import { da, root, startListening } from './measure.ts';

export interface WallOptions {
  databaseUrl: string;
  sizes: number[];
  /** Timed requests per URL (after a warm-up of a tenth as many). */
  requests: number;
}

export interface WallRun {
  size: number;
  firstPageGzipBytes: number;
  firstPageBytes: number;
  /** p50 and p99 in ms per URL name. */
  latency: Record<string, { p50: number; p99: number }>;
  csvRows: number;
  csvSeconds: number;
  /** Growth of the server's resident memory over its size before the CSV, at its peak while streaming. */
  csvGrowthMb: number;
}

export const wallGoals = { gzipKb: 30, p99Ms: 50, csvGrowthMb: 100 };

const urls: Record<string, string> = {
  'Side 1': '/underskrivere/',
  'Filtreret side': '/underskrivere/?kommune=Roskilde&type=forening',
  Søgning: '/underskrivere/?q=gr%C3%B8n+forening',
  'JSON-side': '/api/signatories?sortering=navn',
};

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function benchWall(options: WallOptions, log: (line: string) => void): Promise<WallRun[]> {
  const { db, schema } = await openMigratedSchema(options.databaseUrl, { prefix: 'bench_wall', maxConnections: 2 });
  const runs: WallRun[] = [];
  try {
    let seeded = 0;
    for (const size of options.sizes) {
      // Seeded in steps of 10,000 so one statement never holds the whole set.
      while (seeded < size) {
        const step = Math.min(10_000, size - seeded);
        await seedSignatories(db, step, { from: seeded });
        seeded += step;
      }
      await db.exec('VACUUM ANALYZE signatures');
      const server = await startListening(join(root, 'scripts/bench/edge-server.ts'), { ...process.env, DATABASE_URL: options.databaseUrl, DATABASE_SCHEMA: schema });
      try {
        const base = `http://127.0.0.1:${server.port}`;
        const first = await (await fetch(`${base}/underskrivere/`)).text();
        const latency: WallRun['latency'] = {};
        for (const [name, path] of Object.entries(urls)) {
          const times: number[] = [];
          for (let i = 0; i < options.requests + Math.ceil(options.requests / 10); i++) {
            const started = performance.now();
            const response = await fetch(base + path);
            await response.arrayBuffer();
            if (!response.ok) throw new Error(`${path}: ${response.status}`);
            if (i >= Math.ceil(options.requests / 10)) times.push(performance.now() - started);
          }
          times.sort((a, b) => a - b);
          latency[name] = { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
        }
        const pid = server.child.pid!;
        const before = await rssMb(pid);
        let peak = before;
        const sampler = setInterval(() => void rssMb(pid).then((mb) => (peak = Math.max(peak, mb)), () => undefined), 25);
        const started = performance.now();
        const reader = (await fetch(`${base}/api/signatories?format=csv`)).body!.getReader();
        let newlines = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const byte of value) if (byte === 10) newlines++;
        }
        const csvSeconds = (performance.now() - started) / 1000;
        clearInterval(sampler);
        peak = Math.max(peak, await rssMb(pid));
        const run: WallRun = {
          size,
          firstPageBytes: Buffer.byteLength(first),
          firstPageGzipBytes: gzipSync(first).length,
          latency,
          csvRows: newlines - 1,
          csvSeconds,
          csvGrowthMb: peak - before,
        };
        runs.push(run);
        log(`  ${da(size)}: side 1 ${da(run.firstPageGzipBytes / 1024, 1)} KB gzip, ${Object.entries(latency).map(([n, l]) => `${n} p99 ${da(l.p99, 1)} ms`).join(', ')}, CSV ${da(run.csvRows)} rækker på ${da(csvSeconds, 1)} s, +${da(run.csvGrowthMb)} MB`);
      } finally {
        await server.stop();
      }
    }
  } finally {
    await db.close();
  }
  return runs;
}

export function renderWallReport(runs: WallRun[], machine: { date: string; cpu: string; cores: number; commit: string; load: string }, postgres: string): string {
  const check = (ok: boolean) => (ok ? '✅' : '❌');
  const names = Object.keys(urls);
  const largest = runs.at(-1);
  const lines = [
    '<!-- wall:start -->',
    '## Væggen med mange underskrivere',
    '',
    `Skrevet af \`npm run bench -- --only=wall\` ${machine.date}, commit ${machine.commit}, ${machine.cpu}, ${machine.cores} kerner, belastning ved start ${machine.load}, ${postgres}. ` +
      'Den rigtige server (`npm start`s request-handler) mod maskinens PostgreSQL med 1.000, 10.000 og 100.000 offentliggjorte underskrivere ' +
      '(`tests/support/signatory-seed.ts`: alle typer og kommuner, en udtalelse på hver tredje). Hver adresse hentes 200 gange efter hinanden på én ' +
      'forbindelse efter en opvarmning; tiden er fra forespørgsel til sidste byte på localhost. CSV-filen hentes hel, mens serverens RSS måles hvert 25. ms.',
    '',
    `**Mål ved 100.000:** første svar på \`/underskrivere/\` ≤ ${wallGoals.gzipKb} KB gzip; p99 ≤ ${wallGoals.p99Ms} ms for side 1, en filtreret side, en søgning og en JSON-side; CSV med alle rækker, mens processen vokser ≤ ${wallGoals.csvGrowthMb} MB.`,
    '',
  ];
  if (largest) {
    const worst = Math.max(...Object.values(largest.latency).map((l) => l.p99));
    lines.push(
      `**Resultat ved ${da(largest.size)}:** ${da(largest.firstPageGzipBytes / 1024, 1)} KB gzip ${check(largest.firstPageGzipBytes <= wallGoals.gzipKb * 1024)}; ` +
        `højeste p99 ${da(worst, 1)} ms ${check(worst <= wallGoals.p99Ms)}; CSV ${da(largest.csvRows)} rækker, +${da(largest.csvGrowthMb)} MB ${check(largest.csvGrowthMb <= wallGoals.csvGrowthMb && largest.csvRows === largest.size)}.`,
      '',
    );
  }
  lines.push(
    `| Underskrivere | Side 1 (KB / gzip) | ${names.map((n) => `${n} p50 / p99 ms`).join(' | ')} | CSV rækker | CSV s | RSS-vækst MB |`,
    `| ---: | ---: | ${names.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`,
    ...runs.map(
      (r) =>
        `| ${da(r.size)} | ${da(r.firstPageBytes / 1024, 1)} / ${da(r.firstPageGzipBytes / 1024, 1)} | ${names.map((n) => `${da(r.latency[n]!.p50, 1)} / ${da(r.latency[n]!.p99, 1)}`).join(' | ')} | ${da(r.csvRows)} | ${da(r.csvSeconds, 1)} | ${da(r.csvGrowthMb)} |`,
    ),
    '<!-- wall:end -->',
  );
  return lines.join('\n');
}
