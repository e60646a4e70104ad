// Demo progress on Erhvervshus Nordjylland's 2023 result contract (the shipped contract, loaded with
// the reference data): the external figures ERST and the control-group study reported, and the
// activities' status with evidence — so the dashboard and the report show every kind of target, with
// goals fulfilled, not fulfilled and not measurable side by side. Recorded through the same service
// as the pages (validated and audited as "Demodata").
import type { Executor } from '../database.ts';
import { systemActor } from '../../domain/actor.ts';
import type { ContractInput } from '../../domain/contracts/contracts.ts';
import { getContract, saveContractDocument } from '../../features/contracts/contracts.service.ts';

type Progress = Record<string, { status: 'done' | 'inProgress' | 'notDone'; evidence?: { kind: 'text' | 'link' | 'date'; value: string; label?: string; date?: string }[] }>;

const external: Record<string, { value: string; source: string; date: string; document?: string; n?: number }> = {
  kendskab: { value: '52', source: 'Erhvervsstyrelsens kendskabsmåling 2023', date: '2023-09-30', document: 'Kendskabsmåling, Erhvervshus Nordjylland, september 2023', n: 1012 },
  'kendskab-groenne-tilbud': { value: '71', source: 'Erhvervsstyrelsens kendskabsmåling 2023', date: '2023-09-30', n: 526 },
  'omsaetning-vaekst': { value: '11,4', source: 'Danmarks Statistik, kontrolgruppeanalyse for Erhvervsstyrelsen', date: '2023-11-15' },
  'beskaeftigelse-vaekst': { value: '4,2', source: 'Danmarks Statistik, kontrolgruppeanalyse for Erhvervsstyrelsen', date: '2023-11-15' },
};

/** Per goal number, the activities' progress by activity id. */
const activities: Record<number, Progress> = {
  2: { 'afrapportering-1': { status: 'done', evidence: [{ kind: 'text', value: 'Spredningen pr. kommune er afrapporteret i kvartalsrapporterne til KKR.' }] } },
  5: {
    'baeredygtighedshjulet-1': { status: 'done', evidence: [{ kind: 'date', value: '2023-03-01', label: 'Bæredygtighedshjulet taget i brug i vejledningen' }] },
    'baeredygtighedshjulet-2': { status: 'done', evidence: [{ kind: 'link', value: 'https://demo.knudepunkt.example/baeredygtighedshjulet', label: 'Selvhjælpsværktøjet på hjemmesiden' }] },
  },
  8: {
    'indsatser-1': { status: 'done', evidence: [{ kind: 'text', value: '4 nye EU- og fondsbevillinger til strategiens indsatsområder.' }] },
    'indsatser-2': { status: 'done', evidence: [{ kind: 'link', value: 'https://demo.knudepunkt.example/co2vision', label: 'CO2Vision – status' }] },
    'indsatser-3': { status: 'done', evidence: [{ kind: 'date', value: '2023-11-30', label: 'Strategien 2024-27 vedtaget i bestyrelsen' }] },
  },
  9: {
    'indsatser-1': { status: 'done' },
    'indsatser-2': { status: 'done' },
    'indsatser-3': { status: 'inProgress', evidence: [{ kind: 'text', value: 'Møder holdt med 9 af 11 borgmestre; de sidste 2 i januar 2024.' }] },
    'indsatser-4': { status: 'done' },
    'indsatser-5': { status: 'done' },
  },
  10: {
    'indsatser-1': { status: 'done' },
    'indsatser-2': { status: 'done' },
    'indsatser-3': { status: 'notDone', evidence: [{ kind: 'text', value: 'CCUS-kompetencecentret blev ikke etableret; midlerne udeblev.' }] },
    'indsatser-4': { status: 'done' },
  },
};

export async function seedDemoContracts(db: Executor): Promise<void> {
  const actor = systemActor('Demodata');
  const stored = await getContract(db, actor, 'nordjylland-2023');
  const document: ContractInput = {
    ...stored.document,
    goals: stored.document.goals.map((goal) => ({
      ...goal,
      targets: goal.targets.map((target) => {
        if (target.kind === 'external' && external[target.id]) return { ...target, recorded: external[target.id] };
        const progress = activities[goal.number];
        if (target.kind === 'activities' && progress) {
          return { ...target, activities: target.activities.map((a) => (progress[a.id] ? { ...a, status: progress[a.id]!.status, evidence: progress[a.id]!.evidence ?? [] } : a)) };
        }
        return target;
      }),
    })),
  };
  await saveContractDocument(db, actor, stored, document, { now: () => new Date() });
}
