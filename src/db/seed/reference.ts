// Reference data every installation has, demo or not: the 5 regions, their KKRs, the 6 business hubs
// and the 98 municipalities (reference/municipalities.csv, copied from shared/reference). Loading is
// idempotent: it inserts what is missing and corrects names that changed.
import { readFileSync } from 'node:fs';
import type { Executor } from '../database.ts';
import { evaluationInstruments, evaluationQuestions, evaluationScales } from '../../domain/evaluation/instrument.ts';
import { loadShippedContracts } from '../../features/contracts/contracts.service.ts';

export interface MunicipalityReference {
  code: string;
  name: string;
  regionCode: number;
  regionName: string;
  businessHub: string;
}

const csvPath = new URL('./reference/municipalities.csv', import.meta.url);

export function readMunicipalities(): MunicipalityReference[] {
  const [header, ...lines] = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  if (header !== 'code,name,region_code,region_name,business_hub') throw new Error(`municipalities.csv: unexpected header ${header}`);
  return lines.map((line) => {
    const [code = '', name = '', regionCode = '', regionName = '', businessHub = ''] = line.split(',');
    return { code, name, regionCode: Number(regionCode), regionName, businessHub };
  });
}

/** 'Erhvervshus Sjælland' → 'sjaelland'; 'Region Nordjylland' → 'nordjylland'. */
export function slugOf(name: string): string {
  return name
    .replace(/^(Erhvervshus|Region)\s+/, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-');
}

export async function loadReferenceData(db: Executor): Promise<void> {
  const municipalities = readMunicipalities();
  await db.transaction().execute(async (tx) => {
    const regions = new Map(municipalities.map((m) => [m.regionCode, m.regionName]));
    for (const [code, name] of regions) {
      await tx.insertInto('regions').values({ code, name }).onConflict((oc) => oc.column('code').doUpdateSet({ name })).execute();
      const kkrName = `KKR ${name.replace(/^Region\s+/, '')}`;
      await tx
        .insertInto('kkrs')
        .values({ id: `kkr-${slugOf(name)}`, name: kkrName, region_code: code })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: kkrName }))
        .execute();
    }
    const hubs = new Map(municipalities.map((m) => [m.businessHub, m.regionCode]));
    for (const [name, regionCode] of hubs) {
      await tx
        .insertInto('business_hubs')
        .values({ id: slugOf(name), name, region_code: regionCode })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name, region_code: regionCode }))
        .execute();
    }
    await tx
      .insertInto('municipalities')
      .values(municipalities.map((m) => ({ code: m.code, name: m.name, region_code: m.regionCode, business_hub_id: slugOf(m.businessHub) })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          region_code: eb.ref('excluded.region_code'),
          business_hub_id: eb.ref('excluded.business_hub_id'),
        })),
      )
      .execute();
    await loadEvaluationInstruments(tx);
    // The result contracts of the source documents (src/domain/contracts/seeds/), stored once and never overwritten.
    await loadShippedContracts(tx, new Date());
  });
}

/** The evaluation instrument version the domain's data is (src/domain/evaluation/instrument.ts). */
export const EVALUATION_INSTRUMENT_VERSION = 1;

/**
 * The user-evaluation instruments (03-evaluation.md: "the instrument is data"): each instrument's
 * questions, with their scales and labels, as jsonb in evaluation_instruments. Idempotent: a row that
 * exists is brought up to date with the domain's data.
 */
export async function loadEvaluationInstruments(db: Executor): Promise<void> {
  for (const instrument of evaluationInstruments) {
    const questions = instrument.questions.map((key) => evaluationQuestions.find((q) => q.key === key)!);
    const scaleIds = [...new Set(questions.map((q) => q.scale))];
    const values = {
      from_year: instrument.fromYear,
      to_year: instrument.toYear,
      questions: JSON.stringify(questions),
      scales: JSON.stringify(Object.fromEntries(scaleIds.map((id) => [id, evaluationScales[id]]))),
    };
    await db
      .insertInto('evaluation_instruments')
      .values({ key: instrument.id, version: EVALUATION_INSTRUMENT_VERSION, ...values })
      .onConflict((oc) => oc.columns(['key', 'version']).doUpdateSet(values))
      .execute();
  }
}
