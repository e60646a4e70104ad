// bench/README.md: the figures of the latest run between two markers, written by `npm run bench`;
// the prose around them (interpretation, how to run) is written by people and kept as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { contractSection } from './contracts/report.ts';
import { spread } from './measure.ts';
import { baselineLabels, httpRouteLabels, type BaselineId, type HttpResult, type HttpRouteId, type ImportResult, type RunInfo, type TargetResult } from './results.ts';
import { termsPerKind } from './search/queries.ts';

export const readmePath = new URL('./README.md', import.meta.url);
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function machineInfo(): Pick<RunInfo, 'commit' | 'dirty' | 'node' | 'cpu' | 'cores' | 'memoryGiB' | 'loadAverageStart'> {
  // /proc/cpuinfo names the CPU as the kernel sees it (a VM shows its host's model family).
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain') !== '',
    node: process.version,
    cpu,
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverageStart: loadavg(),
  };
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const int = (value: number) => Math.round(value).toLocaleString('en-US');
const times = (value: number) => `×${value < 1 ? value.toFixed(2) : value < 10 ? value.toFixed(1) : value.toFixed(0)}`;

/** "median (min–max)" over the rounds. */
function cell(values: number[], format: (value: number) => string): string {
  const { min, median, max } = spread(values);
  return values.length === 1 ? format(median) : `${format(median)} (${format(min)}–${format(max)})`;
}

function targetSection(target: TargetResult, info: RunInfo): string[] {
  const rounds = target.rounds;
  const baseline = (id: BaselineId) => rounds.map((r) => r.baselines[id]);
  const lines = [
    `### ${target.label} — ${target.scale} scale, ${int(target.companies)} companies`,
    '',
    `${target.version}. Companies per region: ${Object.entries(target.regionSizes)
      .map(([region, n]) => `${region} ${int(n)}`)
      .join(', ')}.`,
    '',
    `#### Company search (\`searchCompanyRows\`, scoped to one region, page size ${info.pageSize})`,
    '',
    'Each figure: median over the rounds (min–max). Ratios divide the kind\'s percentile by the `cvr =` baseline\'s same percentile, measured in the same round.',
    '',
    '| query kind | matches | p50 ms | p95 ms | p99 ms | queries/s | p50 ÷ baseline | p95 ÷ baseline |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const kind of target.kinds) {
    const figures = rounds.map((r) => r.search[kind.id]).filter((f) => f !== undefined);
    const ratio = (p: 'p50' | 'p95') => rounds.map((r) => (r.search[kind.id]?.[p] ?? Number.NaN) / r.baselines['cvr-equals'][p]);
    lines.push(
      `| ${kind.label} | ${int(spread(figures.map((f) => f.matches)).median)} | ${cell(figures.map((f) => f.p50), ms)} | ${cell(figures.map((f) => f.p95), ms)} | ${cell(figures.map((f) => f.p99), ms)} | ${cell(figures.map((f) => f.qps), int)} | ${cell(ratio('p50'), times)} | ${cell(ratio('p95'), times)} |`,
    );
  }
  lines.push('', '#### Baselines (same data, same run, timed the same way)', '', '| baseline | p50 ms | p95 ms | p99 ms | queries/s |', '|---|--:|--:|--:|--:|');
  for (const id of Object.keys(baselineLabels) as BaselineId[]) {
    const figures = baseline(id);
    lines.push(`| ${baselineLabels[id]} | ${cell(figures.map((f) => f.p50), ms)} | ${cell(figures.map((f) => f.p95), ms)} | ${cell(figures.map((f) => f.p99), ms)} | ${cell(figures.map((f) => f.qps), int)} |`);
  }
  const slice = rounds[0]?.slice;
  const once = (value: number | undefined, format: (value: number) => string) => (value === undefined ? '—' : format(value));
  lines.push(
    '',
    '#### Loading the generated data',
    '',
    'Times cover the truncate and the load (COPY or INSERTs in one transaction), not opening the connection or PGlite\'s files. The slice comparison runs once, in the first round.',
    '',
    '| step | rows | seconds | rows/s |',
    '|---|--:|--:|--:|',
    `| COPY, whole data set (companies + company_regions; indexes and foreign keys in place) | ${int(target.companies)} | ${cell(rounds.map((r) => r.load.ms / 1000), (v) => v.toFixed(1))} | ${cell(rounds.map((r) => r.load.rowsPerSecond), int)} |`,
    `| COPY, first ${int(slice?.copy.rows ?? 0)} companies into empty tables | ${int(slice?.copy.rows ?? 0)} | ${once(slice?.copy.ms, (v) => (v / 1000).toFixed(1))} | ${once(slice?.copy.rowsPerSecond, int)} |`,
    `| multi-row INSERT (2,000 rows a statement, one transaction), same slice — baseline | ${int(slice?.insert.rows ?? 0)} | ${once(slice?.insert.ms, (v) => (v / 1000).toFixed(1))} | ${once(slice?.insert.rowsPerSecond, int)} |`,
    `| COPY ÷ INSERT, rows/s on the slice | | | ${slice ? times(slice.copy.rowsPerSecond / slice.insert.rowsPerSecond) : '—'} |`,
    `| ANALYZE after the load | | ${cell(rounds.map((r) => r.analyzeMs / 1000), (v) => v.toFixed(1))} | |`,
    '',
    '#### Plans (`EXPLAIN (ANALYZE, BUFFERS)` of the first query of each kind, last round; full plans in `bench/results/`)',
    '',
    '| query kind | example | indexes used | sequential scans | execution ms (each statement the search ran) |',
    '|---|---|---|---|--:|',
  );
  for (const kind of target.kinds) {
    const explained = target.explain[kind.id] ?? [];
    const indexes = [...new Set(explained.flatMap((e) => e.indexes))].join(', ') || '—';
    const seq = [...new Set(explained.flatMap((e) => e.seqScans))].join(', ') || '—';
    lines.push(`| ${kind.id} | ${kind.example.replaceAll('|', '\\|')} | ${indexes} | ${seq} | ${explained.map((e) => ms(e.executionMs)).join(' / ')} |`);
  }
  lines.push('');
  if (target.contracts) lines.push(...contractSection(target.contracts, target.label));
  if (target.http) lines.push(...httpSection(target.http, target.contracts ? 'full' : 'companies'));
  if (target.imports) lines.push(...importSection(target.imports));
  return lines;
}

function httpSection(http: HttpResult, target: 'full' | 'companies'): string[] {
  const trivial = http.routes.trivial;
  const lines = [
    `#### HTTP under load (the real server, ${http.connections} connections, one signed-in adviser of Region Nordjylland)`,
    '',
    `Each route: ${int(trivial.requests)} requests after ${int(http.connections * 4)} untimed, ${http.connections} in flight at once; latency from sending to the last byte. Ratios divide by the \`/healthz\` figure on the same server in the same run.` +
      (http.routes.contractDashboard
        ? ` The contract dashboard: ${int(http.routes.contractDashboard.requests)} requests after ${int(http.connections)} untimed (each evaluates the whole contract), signed in as a manager of the same hub${target === 'full' ? ', on the whole synthetic data set' : ''}.`
        : ''),
    '',
    '| route | p50 ms | p95 ms | p99 ms | requests/s | p50 ÷ baseline | p95 ÷ baseline | errors |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const id of Object.keys(httpRouteLabels) as HttpRouteId[]) {
    const f = http.routes[id];
    if (!f) continue; // a run from before the route was measured
    lines.push(`| ${httpRouteLabels[id]} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${int(f.rps)} | ${times(f.p50 / trivial.p50)} | ${times(f.p95 / trivial.p95)} | ${int(f.errors)} |`);
  }
  const after = Object.entries(http.rssAfterMiB ?? {}).map(([id, mib]) => `${id} ${int(mib)}`);
  lines.push('', `Peak resident memory of the server process (VmHWM) over the HTTP phase: **${int(http.peakRssMiB)} MiB**${after.length > 0 ? ` (the peak so far after each route, MiB: ${after.join(', ')})` : ''}.`, '');
  if (http.serverExit) lines.push(`**The server process died during the phase (${http.serverExit}); requests after that count as errors.**`, '');
  return lines;
}

export function resultsMarkdown(info: RunInfo, targets: TargetResult[]): string {
  const load = (values: number[]) => values.map((v) => v.toFixed(1)).join(' / ');
  return [
    START,
    '## Latest run (written by `npm run bench`)',
    '',
    `- Date: ${info.date}; commit \`${info.commit}\`${info.dirty ? ' (working tree had uncommitted changes)' : ''}; whole run ${Math.round(info.durationS)} s`,
    `- Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB memory; load average (1/5/15 min) ${load(info.loadAverageStart)} at the start, ${load(info.loadAverageEnd)} at the end`,
    `- Node ${info.node}; ${targets.map((t) => t.version).join('; ')}`,
    `- ${info.rounds} rounds (each: load, ANALYZE, measure); per round and query kind ${info.warmup} warm-up queries, then ${info.runs} timed queries, cycling through ${Math.min(info.runs, termsPerKind)} different search terms spread over the 5 regions (the warm-up uses the first of them); seed ${info.seed}${info.runs <= 100 ? `. With ${info.runs} runs a round, p99 is the round's slowest query` : ''}`,
    '- Latency is one query at a time on one connection (what one user waits); queries/s is the sequential rate, not server throughput.',
    '',
    ...targets.flatMap((target) => targetSection(target, info)),
    END,
  ].join('\n');
}

const template = `# Benchmarks

${START}
${END}
`;

/** Replaces the figures between the markers, keeping everything else in the README. */
export function writeReadme(markdown: string): void {
  const current = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : template;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? current.slice(0, start) + markdown + current.slice(end + END.length) : `${current.trimEnd()}\n\n${markdown}\n`;
  writeFileSync(readmePath, next);
}

function importSection(imports: ImportResult): string[] {
  const row = (label: string, f: { rows: number; ms: number; rowsPerSecond: number }) => `| ${label} | ${int(f.rows)} | ${(f.ms / 1000).toFixed(1)} | ${int(f.rowsPerSecond)} |`;
  return [
    '#### Imports against a raw COPY of the same rows',
    '',
    'Once, after the HTTP phase. Each importer runs in one transaction, as the CLI runs it; the COPY loads the rows the importer wrote (companies and their regions; courses and their meetings) into the same emptied tables.',
    '',
    '| path | rows | seconds | rows/s |',
    '|---|--:|--:|--:|',
    row('`importCvrDocuments` (CVR bulk lines, `knudepunkt import cvr`)', imports.cvr),
    row('COPY of the same companies — baseline', imports.cvrCopy),
    `| importer ÷ COPY, rows/s | | | ${times(imports.cvr.rowsPerSecond / imports.cvrCopy.rowsPerSecond)} |`,
    row('`importCourses` (courses CSV, `knudepunkt import courses`)', imports.courses),
    row('COPY of the same courses and meetings — baseline', imports.coursesCopy),
    `| importer ÷ COPY, rows/s | | | ${times(imports.courses.rowsPerSecond / imports.coursesCopy.rowsPerSecond)} |`,
    '',
  ];
}
