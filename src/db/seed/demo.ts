// Demo data for Region Nordjylland: KKR Nordjylland's secretariat, Erhvervshus Nordjylland, the 11
// local business offices, three national partners and one demo user for each role. Everything is
// marked is_demo, and nothing is loaded into a database that holds real (non-demo) data.
import type { Executor } from '../database.ts';
import { systemActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { createOrganisation } from '../../features/organisations/organisations.service.ts';
import { countRealOrganisations, findOrganisationByName } from '../../features/organisations/organisations.repository.ts';
import { createUserWithPassword } from '../../features/users/users.service.ts';
import { countRealUsers } from '../../features/users/users.repository.ts';
import { seedDemoCrm } from './demo-crm.ts';
import { seedDemoReferrals } from './demo-referrals.ts';
import { seedDemoEvaluation } from './demo-evaluation.ts';
import { seedDemoContracts } from './demo-contracts.ts';

export const demoPassword = 'Knudepunkt-demo-2026';

const HUB = 'Erhvervshus Nordjylland';
const KKR = 'KKR Nordjyllands sekretariat';
const localOffice = (municipality: string) => `Erhvervsservice ${municipality}`;

export const demoUsers = [
  { email: 'admin@demo.knudepunkt.example', name: 'Anne Administrator', organisation: HUB, roles: ['admin'] },
  { email: 'konsulent@demo.knudepunkt.example', name: 'Karsten Konsulent', organisation: HUB, roles: ['adviser'] },
  { email: 'leder@demo.knudepunkt.example', name: 'Lene Leder', organisation: HUB, roles: ['manager', 'adviser'] },
  { email: 'kkr@demo.knudepunkt.example', name: 'Kirsten KKR-sekretær', organisation: KKR, roles: ['kkr'] },
  { email: 'aalborg@demo.knudepunkt.example', name: 'Ali Aalborg', organisation: localOffice('Aalborg'), roles: ['adviser'] },
  { email: 'laeso@demo.knudepunkt.example', name: 'Lise Læsø', organisation: localOffice('Læsø'), roles: ['adviser'] },
  { email: 'laeser@demo.knudepunkt.example', name: 'Viggo Viewer', organisation: KKR, roles: ['viewer'] },
] as const;

export interface DemoSeedResult {
  loaded: boolean;
  reason?: string;
}

export async function hasDemoData(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Loads the demo data once. Refuses (with a clear message) when the database holds real data. */
export async function seedDemo(db: Executor): Promise<DemoSeedResult> {
  if ((await countRealOrganisations(db)) > 0 || (await countRealUsers(db)) > 0) {
    throw new AppError('conflict', 'Databasen indeholder rigtige data (organisationer eller brugere, der ikke er demo). Demodata indlæses ikke.', {
      en: 'The database holds real data; demo data is not loaded.',
    });
  }
  if (await hasDemoData(db)) return { loaded: false, reason: 'Demodata er allerede indlæst.' };
  const actor = systemActor('Demodata');
  const create = (input: Record<string, unknown>) => createOrganisation(db, actor, input, { isDemo: true });

  await create({ name: KKR, kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland', email: 'kkr-sekretariat@demo.knudepunkt.example' });
  await create({ name: HUB, kind: 'hub', businessHubId: 'nordjylland', email: 'kontakt@demo.knudepunkt.example', website: 'https://demo.knudepunkt.example' });
  const municipalities = await db.selectFrom('municipalities').select(['code', 'name']).where('business_hub_id', '=', 'nordjylland').orderBy('name').execute();
  for (const municipality of municipalities) {
    await create({ name: localOffice(municipality.name), kind: 'localOffice', municipalityCode: municipality.code });
  }
  for (const name of ['Eksportrådet', 'Innovationsfonden', 'Vækstfonden']) {
    await create({ name, kind: 'external' });
  }
  for (const user of demoUsers) {
    const organisation = await findOrganisationByName(db, user.organisation);
    if (!organisation) throw new Error(`demo organisation missing: ${user.organisation}`);
    await createUserWithPassword(
      db,
      actor,
      { email: user.email, name: user.name, organisationId: organisation.id, roles: [...user.roles], password: demoPassword },
      { isDemo: true },
    );
  }
  await seedDemoCrm(db);
  await seedDemoReferrals(db);
  await seedDemoEvaluation(db);
  await seedDemoContracts(db);
  return { loaded: true };
}
