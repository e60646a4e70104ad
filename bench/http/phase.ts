// The HTTP phase of a benchmark target: after the last round, with the national data still loaded,
// a hub adviser of Region Nordjylland signs in to the real server and three routes are loaded with
// `connections` requests in flight: /healthz (the trivial baseline), the company search with the
// search mix's Nordjylland terms, and company pages of Nordjylland companies.
import { sql } from 'kysely';
import { systemActor } from '../../src/domain/actor.ts';
import { createOrganisation } from '../../src/features/organisations/organisations.service.ts';
import { createUserWithPassword } from '../../src/features/users/users.service.ts';
import type { HttpResult } from '../results.ts';
import type { QueryMix } from '../search/queries.ts';
import type { BenchTarget } from '../targets.ts';
import { loadRoute, signIn, startBenchServer } from './load.ts';

const NORDJYLLAND = 1081;
const email = 'bench-adviser@bench.knudepunkt.example';
const password = 'bench-password-not-secret-2026';

export interface HttpOptions {
  connections: number;
  requests: number;
  warmup: number;
  port: number;
  log: (message: string) => void;
}

function searchPaths(mix: QueryMix): string[] {
  return mix.kinds.flatMap((kind) =>
    kind.cases
      .filter((c) => c.regionCode === NORDJYLLAND)
      .map(({ query }) => {
        const params = new URLSearchParams({ q: query.q });
        if (query.kommune) params.set('kommune', query.kommune);
        if (query.status) params.set('status', query.status);
        if (query.side > 1) params.set('side', String(query.side));
        return `/virksomheder?${params}`;
      }),
  );
}

export async function measureHttp(target: BenchTarget, mix: QueryMix, options: HttpOptions): Promise<HttpResult> {
  const database = await target.open();
  let companyIds: string[];
  try {
    const system = systemActor('Benchmark');
    const existing = await database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!existing) {
      const hub = await createOrganisation(database.db, system, { name: 'Benchmark-erhvervshus', kind: 'hub', businessHubId: 'nordjylland' });
      await createUserWithPassword(database.db, system, { email, name: 'Benchmark Konsulent', organisationId: hub.id, roles: ['adviser'], password });
    }
    const rows = await sql<{ id: string }>`select company_id as id from company_regions where region_code = ${NORDJYLLAND} order by company_id limit 500`.execute(database.db);
    companyIds = rows.rows.map((r) => r.id);
  } finally {
    await database.close(); // PGlite: the server process needs the folder to itself
  }
  options.log(`${target.label}: HTTP server`);
  const server = await startBenchServer(target.serverEnv(), options.port);
  try {
    const cookie = await signIn(server.url, email, password);
    const load = async (paths: string[], headers?: Record<string, string>) => {
      const figures = await loadRoute(server.url, paths, { connections: options.connections, requests: options.requests, warmup: options.warmup, cookie, headers });
      server.peakRssMiB(); // sampled after each route, so a crash later still leaves the peak so far
      return figures;
    };
    options.log(`${target.label}: HTTP /healthz`);
    const trivial = await load(['/healthz']);
    options.log(`${target.label}: HTTP company search`);
    const search = await load(searchPaths(mix));
    options.log(`${target.label}: HTTP company search as typed (htmx)`);
    // What the search box sends while the adviser types: htmx asks for the results part only.
    const searchTyped = await load(searchPaths(mix), { 'hx-request': 'true', 'hx-target': 'company-results' });
    options.log(`${target.label}: HTTP company page`);
    const companyPage = await load(companyIds.map((id) => `/virksomheder/${id}`));
    const crashed = server.exit();
    return { connections: options.connections, routes: { trivial, search, searchTyped, companyPage }, peakRssMiB: server.peakRssMiB(), ...(crashed ? { serverExit: crashed } : {}) };
  } finally {
    await server.stop();
  }
}
