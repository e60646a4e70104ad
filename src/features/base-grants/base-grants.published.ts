// The published base-grant tables (spec 05; src/db/seed/reference/published-base-grants.csv, copied
// from shared/reference) imported as historical allocations. Per year and hub:
// - a data set of the published amounts (format 'published'),
// - an allocation (origin 'published') splitting the stated total exactly by those amounts,
// - a base grant (source 'published') whose lines are the amounts *as published*, linked to that
//   allocation's version, which is locked.
// The base-grant page then shows the published rows against the stated total and the exact split.
// Idempotent: a year and hub already imported is skipped.
import { readFileSync } from 'node:fs';
import type { Executor } from '../../db/database.ts';
import { slugOf } from '../../db/seed/reference.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import { Rational } from '../../domain/money/rational.ts';
import { requireRole } from '../authorization.ts';
import { computeStoredVersion } from '../allocations/allocations.compute.ts';
import { createAllocation, WRITERS } from '../allocations/allocations.service.ts';
import { contentHash } from '../data-sets/data-sets.service.ts';
import { findDataSetByHash, insertDataSet } from '../data-sets/data-sets.repository.ts';
import { findBaseGrantFor } from './base-grants.repository.ts';
import { storeGrant } from './base-grants.service.ts';

const referenceFile = new URL('../../db/seed/reference/published-base-grants.csv', import.meta.url);
const HEADER = 'year,business_hub,stated_total_1000kr,key_basis,municipality_code,municipality,amount_1000kr';

export interface PublishedTable {
  year: number;
  hubName: string;
  statedTotal: bigint;
  keyBasis: string;
  rows: { municipalityCode: string; municipality: string; amount: bigint }[];
}

/** The reference CSV (no quoted fields) grouped by year and hub. */
export function readPublishedTables(text = readFileSync(referenceFile, 'utf8')): PublishedTable[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header !== HEADER) throw new Error(`published-base-grants.csv: unexpected header ${header}`);
  const tables = new Map<string, PublishedTable>();
  for (const line of lines) {
    const [year = '', hubName = '', stated = '', keyBasis = '', code = '', municipality = '', amount = ''] = line.split(',');
    const key = `${year}|${hubName}`;
    const table = tables.get(key) ?? { year: Number(year), hubName, statedTotal: BigInt(stated), keyBasis, rows: [] };
    table.rows.push({ municipalityCode: code, municipality, amount: BigInt(amount) });
    tables.set(key, table);
  }
  return [...tables.values()].sort((a, b) => a.year - b.year || a.hubName.localeCompare(b.hubName, 'da'));
}

export interface PublishedImportResult {
  imported: string[];
  skipped: string[];
}

export async function importPublishedBaseGrants(db: Executor, clock: Clock, actor: Actor, tables = readPublishedTables()): Promise<PublishedImportResult> {
  requireRole(actor, ...WRITERS);
  const result: PublishedImportResult = { imported: [], skipped: [] };
  for (const table of tables) {
    const hubId = slugOf(table.hubName);
    const label = `${table.year} ${table.hubName}`;
    if (await findBaseGrantFor(db, hubId, table.year, 'published')) {
      result.skipped.push(label);
      continue;
    }
    const dataSetId = await publishedDataSet(db, actor, table);
    const version = await createAllocation(
      db,
      actor,
      {
        name: `Basisbevilling ${table.year}, ${table.hubName} (udgivet)`,
        total: table.statedTotal.toString(),
        unit: '1000 DKK',
        resolution: '1',
        method: 'largestRemainder',
        recipients: `hub:${hubId}`,
        criteria: [{ dataSetId, weight: '1' }],
        note: `Den udgivne tabel for ${table.year} (fordelingsgrundlag: ${table.keyBasis}), importeret som den blev offentliggjort. Fordelingen her er en præcis fordeling af den oplyste total efter de udgivne beløb.`,
      },
      { origin: 'published' },
    );
    await storeGrant(db, actor, clock, version, await computeStoredVersion(db, version), {
      businessHubId: hubId,
      year: table.year,
      source: 'published',
      label: `Udgivet basisbevilling ${table.year}, ${table.hubName}`,
      keyBasis: table.keyBasis,
      statedTotal: Rational.of(table.statedTotal),
      lines: table.rows.map((r) => ({ municipalityCode: r.municipalityCode, municipalityName: r.municipality, amount: r.amount.toString() })),
    });
    result.imported.push(label);
  }
  return result;
}

async function publishedDataSet(db: Executor, actor: Actor, table: PublishedTable): Promise<string> {
  const period = String(table.year);
  const values = table.rows.map((r) => ({ municipalityCode: r.municipalityCode, value: r.amount.toString(), line: null }));
  const hash = contentHash('published', period, values);
  const existing = await findDataSetByHash(db, hash);
  if (existing) return existing.id;
  const inserted = await insertDataSet(db, {
    name: `Udgivet basisbevilling ${table.year}, ${table.hubName}`,
    kind: 'published',
    format: 'published',
    source: `Udgivet basisbevillingstabel (${table.hubName})`,
    period,
    periodLabel: '',
    valueLabel: `de udgivne beløb (${table.keyBasis})`,
    contentHash: hash,
    fileName: 'published-base-grants.csv',
    skipped: [],
    warnings: [],
    importedByUserId: actor.kind === 'user' ? actor.userId : null,
    importedByName: actor.name,
    values,
  });
  return inserted?.id ?? (await findDataSetByHash(db, hash))!.id;
}
