// Smoke test of the benchmark's data generator (issue 8: no benchmark runs in npm test, but the
// generator's small scale does, so it cannot rot). It checks what the benchmark relies on — counts,
// valid and unique CVR numbers, determinism, that the real search finds the generated companies, and
// that both load paths (multi-row INSERT and COPY) work. No timings are asserted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { generateCompanies, scales, type GeneratedCompany } from '../src/db/seed/synthetic/companies.ts';
import { insertCompanies } from '../src/db/seed/synthetic/load.ts';
import { pgliteTarget, postgresTarget, type BenchTarget } from '../bench/targets.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadReferenceData } from '../src/db/seed/reference.ts';
import { passesModulus11 } from '../src/domain/companies/cvr.ts';
import { findCompanyRowByCvr, searchCompanyRows } from '../src/features/companies/companies.repository.ts';
import { companySearchQuery } from '../src/features/companies/companies.schema.ts';
import { createTestDatabase, testServerUrl, type TestDatabase } from './helpers/database.ts';

const seed = 4242;
const page = { limit: 25, offset: 0 };

describe('the benchmark data generator (small scale)', () => {
  let database: TestDatabase;
  let companies: GeneratedCompany[];
  before(async () => {
    database = await createTestDatabase();
    companies = [...generateCompanies({ count: scales.small, seed })];
    await insertCompanies(database.db, companies);
  });
  after(async () => database.drop());

  it('loads 2,000 companies, each shared in the region of its municipality', async () => {
    const counted = await sql<{ companies: number; regions: number; mismatched: number }>`
      select (select count(*) from companies) as companies,
             (select count(*) from company_regions) as regions,
             (select count(*) from companies c join municipalities m on m.code = c.municipality_code
               where not exists (select 1 from company_regions cr where cr.company_id = c.id and cr.region_code = m.region_code)) as mismatched`.execute(database.db);
    assert.deepEqual(counted.rows[0], { companies: 2000, regions: 2000, mismatched: 0 });
  });

  it('gives every company with a CVR number a unique one that passes the modulus-11 check', async () => {
    const rows = await database.db.selectFrom('companies').select('cvr').where('cvr', 'is not', null).execute();
    const cvrs = rows.map((row) => row.cvr ?? '');
    assert.ok(cvrs.every(passesModulus11), 'every CVR passes modulus 11');
    assert.equal(new Set(cvrs).size, cvrs.length);
  });

  it('has pre-starters without CVR, ceased and advertising-protected companies in about the stated shares', () => {
    const share = (test: (company: GeneratedCompany) => boolean) => companies.filter(test).length / companies.length;
    const preStarters = share((c) => c.cvr === null);
    const ceased = share((c) => c.status === 'ceased');
    const protectedShare = share((c) => c.advertising_protected);
    assert.ok(preStarters > 0.005 && preStarters < 0.04, `pre-starters ${preStarters}`);
    assert.ok(ceased > 0.025 && ceased < 0.08, `ceased ${ceased}`);
    assert.ok(protectedShare > 0.01 && protectedShare < 0.06, `advertising protected ${protectedShare}`);
    assert.ok(companies.some((c) => / (ApS|A\/S|I\/S)$/.test(c.name)), 'names carry legal forms');
  });

  it('is deterministic: the same seed gives the same companies, another seed others', () => {
    const again = [...generateCompanies({ count: 20, seed })];
    assert.deepEqual(again, companies.slice(0, 20));
    const other = [...generateCompanies({ count: 20, seed: seed + 1 })];
    assert.notDeepEqual(other.map((c) => c.id), again.map((c) => c.id));
  });

  it('makes companies the real search finds by name, by a misspelled name and by CVR number', async () => {
    const company = companies.find((c) => c.cvr !== null && c.name.length > 12);
    assert.ok(company?.cvr);
    const scope = { regionCode: company.region_code };
    const byName = await searchCompanyRows(database.db, scope, companySearchQuery.parse({ q: company.name }), page);
    assert.ok(byName.companies.some((found) => found.cvr === company.cvr), `found by name ${company.name}`);
    const typo = company.name.slice(0, 2) + company.name.slice(3);
    const byTypo = await searchCompanyRows(database.db, scope, companySearchQuery.parse({ q: typo }), page);
    assert.ok(byTypo.companies.some((found) => found.cvr === company.cvr), `found by the typo ${typo}`);
    const byCvr = await searchCompanyRows(database.db, scope, companySearchQuery.parse({ q: company.cvr }), page);
    assert.deepEqual(byCvr.companies.map((found) => found.name), [company.name]);
    assert.equal((await findCompanyRowByCvr(database.db, company.cvr))?.id, company.id);
  });
});

describe('the benchmark bulk load (COPY)', () => {
  const targets: [string, () => Promise<BenchTarget>][] = [['PGlite', async () => pgliteTarget()]];
  const serverUrl = testServerUrl();
  if (serverUrl) targets.push(['PostgreSQL', () => postgresTarget(serverUrl)]);

  for (const [label, makeTarget] of targets) {
    it(`loads the small scale into ${label} through COPY, the same rows as the INSERT path`, { timeout: 120_000 }, async () => {
      const target = await makeTarget();
      try {
        let database = await target.open();
        await migrate(database);
        await loadReferenceData(database.db);
        await database.close();
        const companies = [...generateCompanies({ count: scales.small, seed })];
        assert.equal((await target.bulkLoad(companies)).rows, scales.small);
        database = await target.open();
        try {
          // An ordinary company and a pre-starter (nulls travel as \N in COPY's text format).
          const samples = [companies[0], companies.find((c) => c.cvr === null)];
          for (const sample of samples) {
            assert.ok(sample);
            const row = await database.db.selectFrom('companies').selectAll().where('id', '=', sample.id).executeTakeFirstOrThrow();
            const fields = (c: Pick<GeneratedCompany, 'name' | 'cvr' | 'status' | 'advertising_protected' | 'start_date' | 'employees_year'>) => [
              c.name, c.cvr, c.status, c.advertising_protected, c.start_date, c.employees_year,
            ];
            assert.deepEqual(fields(row), fields(sample));
          }
          const counted = await sql<{ n: number }>`select count(*) as n from company_regions`.execute(database.db);
          assert.equal(counted.rows[0]?.n, scales.small);
        } finally {
          await database.close();
        }
      } finally {
        await target.dispose();
      }
    });
  }
});
