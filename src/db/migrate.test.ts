import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { appliedMigrations, migrate, migrationFiles, pendingMigrations } from './migrate.ts';

describe('migrations', () => {
  let database: TestDatabase;
  before(async () => (database = await createTestDatabase({ reference: false })));
  after(async () => database.drop());

  it('are timestamp-named SQL files applied in order', async () => {
    const names = migrationFiles().map((file) => file.name);
    assert.ok(names.length > 0);
    assert.deepEqual(names, [...names].sort());
    assert.ok(names.every((name) => /^\d{14}_[a-z0-9_]+$/.test(name)));
    assert.deepEqual(await appliedMigrations(database), names);
  });

  it('leave nothing pending and apply nothing the second time', async () => {
    assert.deepEqual(await pendingMigrations(database), []);
    assert.deepEqual(await migrate(database), []);
  });
});
