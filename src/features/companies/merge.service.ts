// Merging duplicate companies (02-crm.md): the duplicate's courses, activities, referrals, notes, contact persons, regions
// and production units move to the company that is kept; the duplicate stays as a pointer to it, so
// old links and the audit trail still lead somewhere. Nothing is deleted.
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { getCompany } from './companies.service.ts';

export async function mergeCompanies(db: Executor, actor: Actor, keepId: string, duplicateId: string) {
  requireRole(actor, 'manager', 'admin');
  if (keepId === duplicateId) throw validationFailed([{ field: 'duplicateId', message: 'Vælg en anden virksomhed end den, der beholdes.' }]);
  const keep = await getCompany(db, actor, keepId);
  const duplicate = await getCompany(db, actor, duplicateId);
  if (!keep.inScope || !duplicate.inScope) throw new AppError('forbidden', 'Begge virksomheder skal høre til din region.', { en: 'Both companies must belong to your region.' });
  if (duplicate.company.mergedIntoId || keep.company.mergedIntoId) throw new AppError('conflict', 'En af virksomhederne er allerede flettet.', { en: 'One of the companies has already been merged.' });
  const [keepCvr, duplicateCvr] = [keep.company.cvr, duplicate.company.cvr];
  if (keepCvr && duplicateCvr && keepCvr !== duplicateCvr) {
    throw validationFailed([{ field: 'duplicateId', message: `To virksomheder med hvert sit CVR-nummer (${keepCvr} og ${duplicateCvr}) er ikke dubletter.` }]);
  }

  const moved = {
    courses: Number((await db.updateTable('guidance_courses').set({ company_id: keepId }).where('company_id', '=', duplicateId).executeTakeFirst()).numUpdatedRows),
    contactPersons: Number((await db.updateTable('contact_persons').set({ company_id: keepId }).where('company_id', '=', duplicateId).executeTakeFirst()).numUpdatedRows),
    referrals: Number((await db.updateTable('referrals').set({ company_id: keepId }).where('company_id', '=', duplicateId).executeTakeFirst()).numUpdatedRows),
    notes: Number(
      (await db.updateTable('notes').set({ subject_id: keepId }).where('subject_type', '=', 'company').where('subject_id', '=', duplicateId).executeTakeFirst()).numUpdatedRows,
    ),
  };
  // An activity may involve both records; it keeps one row for the kept company.
  const activities = await sql`insert into activity_companies (activity_id, company_id) select activity_id, ${keepId} from activity_companies where company_id = ${duplicateId} on conflict do nothing`.execute(db);
  await db.deleteFrom('activity_companies').where('company_id', '=', duplicateId).execute();
  await sql`insert into company_regions (company_id, region_code) select ${keepId}, region_code from company_regions where company_id = ${duplicateId} on conflict do nothing`.execute(db);
  await sql`insert into company_production_units (company_id, p_number, active) select ${keepId}, p_number, active from company_production_units where company_id = ${duplicateId} on conflict do nothing`.execute(db);
  // A pre-starter that later got a CVR number: the kept record takes the number over.
  if (!keepCvr && duplicateCvr) {
    await db.updateTable('companies').set({ cvr: null }).where('id', '=', duplicateId).execute();
    await db.updateTable('companies').set({ cvr: duplicateCvr, updated_at: new Date() }).where('id', '=', keepId).execute();
  }
  await db.updateTable('companies').set({ merged_into_id: keepId, updated_at: new Date() }).where('id', '=', duplicateId).execute();
  const result = { ...moved, activities: Number(activities.numAffectedRows ?? 0n) };
  await recordAudit(db, actor, { action: 'update', entityType: 'company', entityId: duplicateId, before: duplicate.company, after: { mergedIntoId: keepId } });
  await recordAudit(db, actor, { action: 'update', entityType: 'company', entityId: keepId, before: { cvr: keepCvr }, after: { mergedFrom: duplicateId, cvr: keepCvr ?? duplicateCvr, moved: result } });
  return result;
}

/** Where a merged company's links should lead now (follows chains of merges). */
export async function mergedTarget(db: Executor, id: string): Promise<string | null> {
  let target: string | null = null;
  let current = id;
  for (let hops = 0; hops < 10; hops++) {
    const row = await db.selectFrom('companies').select('merged_into_id').where('id', '=', current).executeTakeFirst();
    if (!row?.merged_into_id) break;
    target = current = row.merged_into_id;
  }
  return target;
}
