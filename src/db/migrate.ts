// Forward-only SQL migrations, named by timestamp (YYYYMMDDHHMMSS_name.sql), applied in name order, each
// in its own transaction together with its row in schema_migrations. Migrations never import app code.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_LOCK = 7245_1001; // pg advisory lock id: two processes never migrate at once

export interface MigrationFile {
  name: string;
  sql: string;
}

export function migrationFiles(): MigrationFile[] {
  return readdirSync(migrationsDir)
    .filter((name) => /^\d{14}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name: name.replace(/\.sql$/, ''), sql: readFileSync(migrationsDir + name, 'utf8') }));
}

async function ensureTable(database: Database): Promise<void> {
  await database.rawTransaction((exec) =>
    exec('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())'),
  );
}

export async function appliedMigrations(database: Database): Promise<string[]> {
  await ensureTable(database);
  const rows = await database.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
  return rows.map((row) => row.name);
}

export async function pendingMigrations(database: Database): Promise<MigrationFile[]> {
  const applied = new Set(await appliedMigrations(database));
  return migrationFiles().filter((file) => !applied.has(file.name));
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(database: Database): Promise<string[]> {
  await ensureTable(database);
  const appliedNow: string[] = [];
  for (const file of migrationFiles()) {
    const applied = await database.rawTransaction(async (exec) => {
      if (database.kind === 'postgres') await exec(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const done = await exec(`select 1 from schema_migrations where name = '${file.name}'`);
      if (done.length > 0) return false;
      await exec(file.sql);
      await exec(`insert into schema_migrations (name) values ('${file.name}')`);
      return true;
    });
    if (applied) appliedNow.push(file.name);
  }
  return appliedNow;
}
