import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { systemActor } from '../../domain/actor.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { exportAuditCsv, recordAudit, withoutSecrets } from './audit.service.ts';

describe('the audit log', () => {
  let database: TestDatabase;
  before(async () => (database = await createTestDatabase()));
  after(async () => database.drop());

  it('cannot be changed or deleted, not even with SQL', async () => {
    await recordAudit(database.db, systemActor('Test'), { action: 'create', entityType: 'thing', entityId: '1', after: { a: 1 } });
    await assert.rejects(sql`update audit_log set actor_name = 'someone else'`.execute(database.db), /append-only/);
    await assert.rejects(sql`delete from audit_log`.execute(database.db), /append-only/);
    const rows = await database.db.selectFrom('audit_log').select('actor_name').execute();
    assert.ok(rows.every((row) => row.actor_name === 'Test'));
  });

  it('never records password or token hashes', () => {
    assert.deepEqual(withoutSecrets({ name: 'A', password_hash: 'x', nested: { tokenHash: 'y', ok: true }, list: [{ secret: 1, keep: 2 }] }), {
      name: 'A',
      nested: { ok: true },
      list: [{ keep: 2 }],
    });
  });

  it('exports CSV with cells that a spreadsheet would run as formulas made harmless', async () => {
    await recordAudit(database.db, systemActor('=HYPERLINK("http://evil")'), { action: 'create', entityType: 'csv', entityId: '2', after: { note: 'a,b "c"' } });
    const actor = systemActor('Eksport');
    let text = '';
    for await (const line of exportAuditCsv(database.db, actor, { entityType: 'csv' })) text += line;
    const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(header, 'id,tidspunkt,bruger,organisation,handling,entitet,entitet_id,før,efter,request_id');
    assert.match(row ?? '', /,"'=HYPERLINK\(""http:\/\/evil""\)",/);
    assert.match(row ?? '', /"\{""note"":""a,b \\""c\\""""\}"/);
  });
});
