// `npm run bench`: the company-search benchmark (issue 4), the contract evaluation (issue 7; ./contracts/),
// HTTP under load (./http/) and the importers (./imports/) on PostgreSQL (BENCH_DATABASE_URL or
// DATABASE_URL; a fresh database kp_bench_<pid>, dropped afterwards) and on PGlite (a temp folder).
// Each round loads the generated companies, runs ANALYZE and times the real search against baselines
// on the same data; bench/README.md gets the figures as min/median/max over the rounds (06-engineering:
// ratios against a baseline in the same run, never wall-clock asserts in tests).
//
//   npm run bench -- [--scale small|region|national] [--pglite-scale …] [--targets postgres,pglite]
//                    [--rounds 3] [--runs 40] [--warmup 10] [--seed N] [--no-readme | --rerender]
//                    [--http-connections 32] [--http-requests 2000] [--no-http] [--import-rows 20000] [--no-imports]
//                    [--contract-runs 30] [--contract-requests 200] [--no-contracts]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { migrate } from '../src/db/migrate.ts';
import { loadReferenceData, readMunicipalities } from '../src/db/seed/reference.ts';
import { findCompanyRowByCvr, searchCompanyRows } from '../src/features/companies/companies.repository.ts';
import { COMPANY_PAGE_SIZE } from '../src/features/companies/companies.service.ts';
import { defaultSeed, generateCompanies, isScale, scales, type GeneratedCompany, type Scale } from '../src/db/seed/synthetic/companies.ts';
import { insertCompanies, stderrProgress } from '../src/db/seed/synthetic/load.ts';
import { measureContracts } from './contracts/phase.ts';
import { measureHttp } from './http/phase.ts';
import { measureImports } from './imports/phase.ts';
import { timed, timeQueries } from './measure.ts';
import { machineInfo, resultsMarkdown, writeReadme } from './report.ts';
import type { LoadFigure, RoundResult, RunInfo, SearchFigures, TargetResult } from './results.ts';
import { explainSearch } from './search/explain.ts';
import { buildQueryMix, type QueryMix, type SearchCase } from './search/queries.ts';
import { pgliteTarget, postgresTarget, type BenchTarget } from './targets.ts';

const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: 'national' },
    'pglite-scale': { type: 'string' },
    targets: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    runs: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '10' },
    seed: { type: 'string', default: String(defaultSeed) },
    slice: { type: 'string', default: '20000' },
    'no-readme': { type: 'boolean', default: false },
    rerender: { type: 'boolean', default: false },
    'http-connections': { type: 'string', default: '32' },
    'http-requests': { type: 'string', default: '2000' },
    'http-port': { type: 'string', default: '3917' },
    'no-http': { type: 'boolean', default: false },
    'import-rows': { type: 'string', default: '20000' },
    'no-imports': { type: 'boolean', default: false },
    'contract-runs': { type: 'string', default: '30' },
    'contract-requests': { type: 'string', default: '200' },
    'no-contracts': { type: 'boolean', default: false },
  },
});

const latestPath = new URL('./results/latest.json', import.meta.url);
if (options.rerender) {
  // After a change of wording or layout: the README again from the last run's raw figures, unmeasured.
  const { info, results } = JSON.parse(readFileSync(latestPath, 'utf8')) as { info: RunInfo; results: TargetResult[] };
  writeReadme(resultsMarkdown(info, results));
  process.exit(0);
}

function scaleOption(value: string | undefined, name: string): Scale {
  if (value === undefined || !isScale(value)) throw new Error(`--${name} must be one of ${Object.keys(scales).join(', ')} (got ${value})`);
  return value;
}

const scale = scaleOption(options.scale, 'scale');
const pgliteScale = scaleOption(options['pglite-scale'] ?? scale, 'pglite-scale');
const rounds = Number(options.rounds);
const runs = Number(options.runs);
const warmup = Number(options.warmup);
const seed = Number(options.seed);
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
const targetNames = (options.targets ?? (serverUrl ? 'postgres,pglite' : 'pglite')).split(',');
if (targetNames.includes('postgres') && !serverUrl) throw new Error('--targets postgres needs BENCH_DATABASE_URL or DATABASE_URL');

const started = Date.now();
const log = (message: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

// Generation is sequential from one seed, so every smaller scale is a prefix of the national data set.
const generated = Math.max(scales[scale], scales[pgliteScale]);
log(`generating ${generated.toLocaleString('en-US')} companies (seed ${seed})`);
const allCompanies = [...generateCompanies({ count: generated, seed })];
const regionNames = new Map(readMunicipalities().map((m) => [m.regionCode, m.regionName.replace(/^Region /, '')]));

function describeCase({ regionCode, query }: SearchCase): string {
  const parts = [query.q !== '' ? `\`${query.q}\`` : 'no text'];
  if (query.kommune) parts.push(`kommune ${query.kommune}`);
  if (query.status) parts.push(query.status);
  if (query.side > 1) parts.push(`page ${query.side}`);
  return `${parts.join(', ')} (${regionNames.get(regionCode) ?? regionCode})`;
}

const figure = (rows: number, ms: number): LoadFigure => ({ rows, ms, rowsPerSecond: (rows / ms) * 1000 });

async function measureRound(target: BenchTarget, companies: GeneratedCompany[], mix: QueryMix, round: number, explain: boolean): Promise<{ result: RoundResult; explained: TargetResult['explain'] }> {
  let slice: RoundResult['slice'];
  if (round === 1) {
    // Once per target: the protocol comparison is about the path, not the noise between rounds.
    const rows = companies.slice(0, Math.min(Number(options.slice), companies.length));
    const database = await target.open();
    await sql`truncate companies cascade`.execute(database.db);
    log(`${target.label}: multi-row INSERT of ${rows.length} companies`);
    const insert = await timed(() => insertCompanies(database.db, rows));
    await database.close();
    log(`${target.label}: COPY of the same ${rows.length}`);
    const copy = await target.bulkLoad(rows);
    slice = { insert: figure(insert.result, insert.ms), copy: figure(copy.rows, copy.ms) };
  }
  log(`${target.label} round ${round}: COPY of ${companies.length} companies`);
  const load = await target.bulkLoad(companies, stderrProgress('COPY', companies.length, 100_000));
  const database = await target.open();
  try {
    const analyze = await timed(() => sql`analyze`.execute(database.db));
    const { kinds, baseline } = mix;
    const db = database.db;
    log(`${target.label} round ${round}: baselines`);
    const baselines = {
      'cvr-equals': await timeQueries((i) => findCompanyRowByCvr(db, baseline.cvrs[i % baseline.cvrs.length] ?? ''), runs, warmup),
      'primary-key': await timeQueries(
        (i) => db.selectFrom('companies').selectAll().where('id', '=', baseline.ids[i % baseline.ids.length] ?? '').executeTakeFirst(),
        runs,
        warmup,
      ),
    };
    const search: Record<string, SearchFigures> = {};
    const explained: TargetResult['explain'] = {};
    for (const kind of kinds) {
      log(`${target.label} round ${round}: ${kind.id}`);
      const matches: number[] = [];
      const figures = await timeQueries(
        async (i) => {
          const searchCase = kind.cases[i % kind.cases.length];
          if (!searchCase) throw new Error(`no cases for ${kind.id}`);
          const page = { limit: COMPANY_PAGE_SIZE, offset: (searchCase.query.side - 1) * COMPANY_PAGE_SIZE };
          const { total } = await searchCompanyRows(db, { regionCode: searchCase.regionCode }, searchCase.query, page);
          matches.push(total);
        },
        runs,
        warmup,
      );
      matches.sort((a, b) => a - b);
      search[kind.id] = { ...figures, matches: matches[matches.length >> 1] ?? 0 };
      const first = kind.cases[0];
      if (explain && first) explained[kind.id] = await explainSearch(db, first, COMPANY_PAGE_SIZE);
    }
    return {
      result: {
        load: figure(load.rows, load.ms),
        ...(slice ? { slice } : {}),
        analyzeMs: analyze.ms,
        search,
        baselines,
      },
      explained,
    };
  } finally {
    await database.close();
  }
}

async function benchTarget(target: BenchTarget, targetScale: Scale): Promise<TargetResult> {
  const companies = allCompanies.slice(0, scales[targetScale]);
  const database = await target.open();
  let version: string;
  try {
    await migrate(database);
    await loadReferenceData(database.db);
    const row = await sql<{ version: string }>`select version()`.execute(database.db);
    version = `${target.label}: ${(row.rows[0]?.version ?? '').replace(/ on .*| \(.*/, '')}`;
  } finally {
    await database.close();
  }
  const regionSizes: Record<string, number> = {};
  for (const company of companies) {
    const name = regionNames.get(company.region_code) ?? String(company.region_code);
    regionSizes[name] = (regionSizes[name] ?? 0) + 1;
  }
  const result: TargetResult = { label: target.label, version, companies: companies.length, scale: targetScale, regionSizes, rounds: [], kinds: [], explain: {} };
  const mix = buildQueryMix(companies);
  result.kinds = mix.kinds.map(({ id, label, cases }) => ({ id, label, example: cases[0] ? describeCase(cases[0]) : '' }));
  for (let round = 1; round <= rounds; round++) {
    const { result: roundResult, explained } = await measureRound(target, companies, mix, round, round === rounds);
    result.rounds.push(roundResult);
    if (round === rounds) result.explain = explained;
  }
  // After the search rounds: it replaces the companies with the whole synthetic data set, which the
  // HTTP phase then runs on.
  if (!options['no-contracts']) {
    result.contracts = await measureContracts(target, { scale: targetScale, seed, runs: Number(options['contract-runs']), warmup: Math.min(warmup, 5), log });
  }
  if (!options['no-http']) {
    const connections = Number(options['http-connections']);
    result.http = await measureHttp(target, mix, {
      connections,
      requests: Number(options['http-requests']),
      warmup: connections * 4,
      port: Number(options['http-port']),
      log,
      contractRequests: result.contracts ? Number(options['contract-requests']) : 0,
    });
  }
  // Last: it replaces the loaded companies with the imported ones.
  if (!options['no-imports']) result.imports = await measureImports(target, companies, { rows: Number(options['import-rows']), seed, log });
  return result;
}

function writeExplainFile(target: TargetResult): void {
  const text = Object.entries(target.explain)
    .flatMap(([kind, queries]) =>
      queries.map((query, i) => `== ${kind} (${i === 0 ? 'rows' : 'count'}) ==\n${query.sql}\nparameters: ${JSON.stringify(query.parameters)}\n\n${query.plan}\n`),
    )
    .join('\n');
  writeFileSync(new URL(`./results/explain-${target.label.toLowerCase()}.txt`, import.meta.url), text);
}

const machine = machineInfo();
const results: TargetResult[] = [];
for (const name of targetNames) {
  const target = name === 'postgres' && serverUrl ? await postgresTarget(serverUrl) : name === 'pglite' ? pgliteTarget() : undefined;
  if (!target) throw new Error(`unknown target ${name} (postgres, pglite)`);
  try {
    results.push(await benchTarget(target, target.kind === 'pglite' ? pgliteScale : scale));
  } finally {
    await target.dispose();
  }
}

const info: RunInfo = {
  ...machine,
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  loadAverageEnd: loadavg(),
  rounds,
  runs,
  warmup,
  pageSize: COMPANY_PAGE_SIZE,
  seed,
  durationS: (Date.now() - started) / 1000,
};
const markdown = resultsMarkdown(info, results);
// The plans and raw figures belong to the run the README shows; --no-readme leaves all three alone.
if (!options['no-readme']) {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  for (const target of results) writeExplainFile(target);
  writeFileSync(latestPath, JSON.stringify({ info, results }, null, 2) + '\n');
  writeReadme(markdown);
}
process.stdout.write(markdown + '\n');
log('done');
