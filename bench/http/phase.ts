// The HTTP phase of a benchmark target: after the last round (and the contract phase, which loads the
// whole synthetic data set), a hub adviser of Region Nordjylland signs in to the real server and the
// routes are loaded with `connections` requests in flight: /healthz (the trivial baseline), the company
// search with the search mix's Nordjylland terms, company pages of Nordjylland companies, and — as a
// manager of the same hub — the live dashboard of the Nordjylland 2023 contract.
import { sql } from 'kysely';
import { systemActor } from '../../src/domain/actor.ts';
import { createOrganisation } from '../../src/features/organisations/organisations.service.ts';
import { createUserWithPassword } from '../../src/features/users/users.service.ts';
import type { HttpResult, HttpRouteId } from '../results.ts';
import type { QueryMix } from '../search/queries.ts';
import type { BenchTarget } from '../targets.ts';
import { CONTRACT_SLUG } from '../contracts/phase.ts';
import { loadRoute, signIn, startBenchServer, type HttpFigures } from './load.ts';

const NORDJYLLAND = 1081;
const email = 'bench-adviser@bench.knudepunkt.example';
const managerEmail = 'bench-manager@bench.knudepunkt.example';
const password = 'bench-password-not-secret-2026';

export interface HttpOptions {
  connections: number;
  requests: number;
  warmup: number;
  port: number;
  log: (message: string) => void;
  /**
   * Requests for the contract dashboard (0: not measured). Fewer than the other routes: every request
   * evaluates the whole contract on the data, hundreds of milliseconds of database work.
   */
  contractRequests: number;
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
  let contractId: string;
  try {
    const system = systemActor('Benchmark');
    const existing = await database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!existing) {
      const hub = await createOrganisation(database.db, system, { name: 'Benchmark-erhvervshus', kind: 'hub', businessHubId: 'nordjylland' });
      await createUserWithPassword(database.db, system, { email, name: 'Benchmark Konsulent', organisationId: hub.id, roles: ['adviser'], password });
      await createUserWithPassword(database.db, system, { email: managerEmail, name: 'Benchmark Leder', organisationId: hub.id, roles: ['manager'], password });
    }
    const contract = await database.db.selectFrom('contracts').select('id').where('slug', '=', CONTRACT_SLUG).executeTakeFirstOrThrow();
    contractId = contract.id;
    const rows = await sql<{ id: string }>`select company_id as id from company_regions where region_code = ${NORDJYLLAND} order by company_id limit 500`.execute(database.db);
    companyIds = rows.rows.map((r) => r.id);
  } finally {
    await database.close(); // PGlite: the server process needs the folder to itself
  }
  options.log(`${target.label}: HTTP server`);
  const server = await startBenchServer(target.serverEnv(), options.port);
  try {
    const cookie = await signIn(server.url, email, password);
    // The peak so far, sampled after each route: which route drives the memory (and a crash later still leaves it).
    const rssAfterMiB: Partial<Record<HttpRouteId, number>> = {};
    const load = async (paths: string[], headers?: Record<string, string>) => {
      const figures = await loadRoute(server.url, paths, { connections: options.connections, requests: options.requests, warmup: options.warmup, cookie, headers });
      return figures;
    };
    options.log(`${target.label}: HTTP /healthz`);
    const trivial = await load(['/healthz']);
    rssAfterMiB.trivial = server.peakRssMiB();
    options.log(`${target.label}: HTTP company search`);
    const search = await load(searchPaths(mix));
    rssAfterMiB.search = server.peakRssMiB();
    options.log(`${target.label}: HTTP company search as typed (htmx)`);
    // What the search box sends while the adviser types: htmx asks for the results part only.
    const searchTyped = await load(searchPaths(mix), { 'hx-request': 'true', 'hx-target': 'company-results' });
    rssAfterMiB.searchTyped = server.peakRssMiB();
    options.log(`${target.label}: HTTP company page`);
    const companyPage = await load(companyIds.map((id) => `/virksomheder/${id}`));
    rssAfterMiB.companyPage = server.peakRssMiB();
    let contractDashboard: HttpFigures | undefined;
    if (options.contractRequests > 0) {
      options.log(`${target.label}: HTTP contract dashboard (${options.contractRequests} requests)`);
      const managerCookie = await signIn(server.url, managerEmail, password);
      contractDashboard = await loadRoute(server.url, [`/kontrakter/${contractId}`], {
        connections: options.connections,
        requests: options.contractRequests,
        warmup: options.connections,
        cookie: managerCookie,
      });
      rssAfterMiB.contractDashboard = server.peakRssMiB();
    }
    const crashed = server.exit();
    return {
      connections: options.connections,
      routes: { trivial, search, searchTyped, companyPage, ...(contractDashboard ? { contractDashboard } : {}) },
      peakRssMiB: server.peakRssMiB(),
      rssAfterMiB,
      ...(crashed ? { serverExit: crashed } : {}),
    };
  } finally {
    await server.stop();
  }
}
