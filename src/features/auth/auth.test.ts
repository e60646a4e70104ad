import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock, minutes } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { testConfig } from '../../../test/helpers/config.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeUser, testPassword } from '../../../test/helpers/factories.ts';
import { checkUserLink, login, logout, requestPasswordReset, resolveSession, setPasswordWithLink, throttle } from './auth.service.ts';
import { verifyPassword } from './password.ts';

describe('signing in, sessions and account links', () => {
  let database: TestDatabase;
  const config = testConfig({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' });
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  const deps = { config, clock };
  before(async () => (database = await createTestDatabase()));
  after(async () => database.drop());

  const expectError = async (promise: Promise<unknown>, code: string) => {
    await assert.rejects(promise, (error: unknown) => error instanceof AppError && error.code === code);
  };

  it('signs in with the right password and resolves the session to the user', async () => {
    const user = await makeUser(database.db, { roles: ['adviser'] });
    const { sessionToken, actor } = await login(database.db, deps, { email: user.email.toUpperCase(), password: testPassword, ip: '10.0.0.1' });
    assert.equal(actor.userId, user.id);
    const resolved = await resolveSession(database.db, deps, sessionToken);
    assert.equal(resolved?.userId, user.id);
    assert.deepEqual(resolved?.roles, ['adviser']);
    assert.equal(resolved?.regionCode, 1081, "the hub's region: data is shared within it");
  });

  it('stores no session token and no password in clear text', async () => {
    const user = await makeUser(database.db);
    const { sessionToken } = await login(database.db, deps, { email: user.email, password: testPassword, ip: '10.0.0.1' });
    const sessions = await database.db.selectFrom('sessions').select('token_hash').execute();
    assert.ok(sessions.every((s) => s.token_hash !== sessionToken));
    const row = await database.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash ?? '', /^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown e-mail with the same message', async () => {
    const user = await makeUser(database.db);
    const wrong = await login(database.db, deps, { email: user.email, password: 'wrong password!', ip: '10.0.0.2' }).catch((e: AppError) => e);
    const unknown = await login(database.db, deps, { email: 'nobody@test.example', password: 'whatever pass', ip: '10.0.0.2' }).catch((e: AppError) => e);
    assert.ok(wrong instanceof AppError && unknown instanceof AppError);
    assert.equal(wrong.code, 'unauthenticated');
    assert.equal(wrong.userMessage, unknown.userMessage);
    assert.equal(wrong.userMessage, 'Forkert e-mail eller adgangskode.');
  });

  it('throttles an e-mail after five failures within 15 minutes, even with the right password', async () => {
    const user = await makeUser(database.db);
    for (let i = 0; i < throttle.perEmail; i++) {
      await expectError(login(database.db, deps, { email: user.email, password: 'wrong password!', ip: `10.1.0.${i}` }), 'unauthenticated');
    }
    await expectError(login(database.db, deps, { email: user.email, password: testPassword, ip: '10.1.1.1' }), 'tooManyRequests');
    clock.advance(throttle.window + 1000);
    const { actor } = await login(database.db, deps, { email: user.email, password: testPassword, ip: '10.1.1.1' });
    assert.equal(actor.userId, user.id);
  });

  it('ends a session after the idle timeout', async () => {
    const user = await makeUser(database.db);
    const { sessionToken } = await login(database.db, deps, { email: user.email, password: testPassword, ip: '10.0.0.3' });
    clock.advance(minutes(29));
    assert.ok(await resolveSession(database.db, deps, sessionToken), 'still alive after 29 idle minutes');
    clock.advance(minutes(31));
    assert.equal(await resolveSession(database.db, deps, sessionToken), null);
  });

  it('ends a session after the absolute timeout even when it is used all the time', async () => {
    const user = await makeUser(database.db);
    const { sessionToken } = await login(database.db, deps, { email: user.email, password: testPassword, ip: '10.0.0.4' });
    for (let step = 0; step < 20; step++) {
      clock.advance(minutes(29));
      const alive = await resolveSession(database.db, deps, sessionToken);
      if ((step + 1) * 29 < 8 * 60) assert.ok(alive, `alive after ${(step + 1) * 29} minutes`);
      else return assert.equal(alive, null);
    }
    assert.fail('session never expired');
  });

  it('ends the session on logout and for a deactivated user', async () => {
    const user = await makeUser(database.db);
    const first = await login(database.db, deps, { email: user.email, password: testPassword, ip: '10.0.0.5' });
    await logout(database.db, deps, first.sessionToken);
    assert.equal(await resolveSession(database.db, deps, first.sessionToken), null);
    const second = await login(database.db, deps, { email: user.email, password: testPassword, ip: '10.0.0.5' });
    await database.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute();
    assert.equal(await resolveSession(database.db, deps, second.sessionToken), null);
  });

  it('e-mails a single-use reset link that sets a new password and ends old sessions', async () => {
    const user = await makeUser(database.db);
    const { sessionToken } = await login(database.db, deps, { email: user.email, password: testPassword, ip: '10.0.0.6' });
    await requestPasswordReset(database.db, deps, user.email);
    const job = await database.db.selectFrom('jobs').select('payload').where('type', '=', 'sendMail').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const mail = job.payload as { to: string; subject: string; text: string };
    assert.equal(mail.to, user.email);
    const token = /nulstil-adgangskode\/([\w-]+)/.exec(mail.text)?.[1];
    assert.ok(token, 'the mail contains the link');

    await assert.rejects(
      setPasswordWithLink(database.db, deps, token, 'passwordReset', { password: 'short', passwordConfirmation: 'short' }),
      (error: AppError) => error.code === 'validation' && error.fields.some((f) => f.field === 'password'),
    );
    await setPasswordWithLink(database.db, deps, token, 'passwordReset', { password: 'a brand new passphrase', passwordConfirmation: 'a brand new passphrase' });
    const row = await database.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.ok(await verifyPassword(row.password_hash!, 'a brand new passphrase'));
    assert.equal(await resolveSession(database.db, deps, sessionToken), null, 'old sessions end');
    await expectError(checkUserLink(database.db, deps, token, 'passwordReset'), 'gone');
  });

  it('refuses an expired, tampered or wrong-purpose link', async () => {
    const user = await makeUser(database.db);
    await requestPasswordReset(database.db, deps, user.email);
    const job = await database.db.selectFrom('jobs').select('payload').where('type', '=', 'sendMail').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const token = /nulstil-adgangskode\/([\w-]+)/.exec((job.payload as { text: string }).text)![1]!;
    await expectError(checkUserLink(database.db, deps, token + 'x', 'passwordReset'), 'gone');
    await expectError(checkUserLink(database.db, deps, token, 'invitation'), 'gone');
    clock.advance(minutes(61));
    await expectError(checkUserLink(database.db, deps, token, 'passwordReset'), 'gone');
  });

  it('says nothing about whether an e-mail has an account when a reset is asked for', async () => {
    const before = await database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await requestPasswordReset(database.db, deps, 'ingen@test.example');
    const afterCount = await database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
  });
});
