// The 98 municipalities with their regions and business hubs: reference data, read by everyone
// signed in, changed only by a new reference file (src/db/seed/reference/municipalities.csv).
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { requireRole } from '../authorization.ts';
import { findMunicipalities, findRegions, type Municipality } from './municipalities.repository.ts';

export async function listMunicipalities(db: Executor, actor: Actor, filter: { regionCode?: number | undefined } = {}): Promise<Municipality[]> {
  requireRole(actor, 'adviser', 'manager', 'kkr', 'admin', 'viewer');
  return findMunicipalities(db, filter);
}

export async function listRegions(db: Executor, actor: Actor) {
  requireRole(actor, 'adviser', 'manager', 'kkr', 'admin', 'viewer');
  return findRegions(db);
}
