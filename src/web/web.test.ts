// The web shell through HTTP: login and logout, CSRF, security headers, language, error pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, TestClient, type TestApp } from '../../test/helpers/app.ts';
import { systemClock } from '../domain/clock.ts';
import { createLogger } from '../logger.ts';
import { createApp } from './app.tsx';
import { makeUser, testPassword } from '../../test/helpers/factories.ts';

describe('the web shell', () => {
  let t: TestApp;
  before(async () => (t = await createTestApp()));
  after(async () => t.close());

  it('sends an anonymous visitor of the start page to the login page', async () => {
    const response = await t.client().get('/');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/log-ind?next=%2F');
  });

  it('renders the login page in Danish with DKFDS, a skip link and security headers', async () => {
    const response = await t.client().get('/log-ind');
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.match(html, /<html lang="da">/);
    assert.match(html, /dkfds-virkdk\.min\.css/);
    assert.match(html, /class="skipnav" href="#main-content">Gå til sidens indhold/);
    assert.match(html, /<h1>Log ind<\/h1>/);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'.*script-src 'self'/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(response.headers.get('x-request-id'));
  });

  it('logs in, shows the user and organisation in the header, and logs out', async () => {
    const user = await makeUser(t.database.db, { name: 'Lise Læsø' });
    const client = t.client();
    const login = await client.login(user.email);
    assert.equal(login.headers.get('location'), '/');
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('kp_session='));
    assert.match(cookie ?? '', /HttpOnly/);
    assert.match(cookie ?? '', /SameSite=Lax/);
    const home = await (await client.get('/')).text();
    assert.match(home, /Velkommen, Lise Læsø/);
    assert.match(home, new RegExp(`Lise Læsø, ${user.organisationName}`));
    const logout = await client.post('/log-af');
    assert.equal(logout.headers.get('location'), '/log-ind?logget-af');
    assert.equal((await client.get('/')).status, 303);
  });

  it('shows a clear Danish error and keeps the e-mail after a wrong password', async () => {
    const user = await makeUser(t.database.db);
    const response = await t.client().post('/log-ind', { email: user.email, password: 'forkert adgangskode' });
    const html = await response.text();
    assert.equal(response.status, 401);
    assert.match(html, /Forkert e-mail eller adgangskode\./);
    assert.match(html, /error-summary/);
    assert.match(html, new RegExp(`value="${user.email}"`));
  });

  it('throttles sign-in through the login form after five wrong passwords, even with the right one', async () => {
    const user = await makeUser(t.database.db);
    const client = t.client();
    for (let i = 0; i < 5; i++) assert.equal((await client.post('/log-ind', { email: user.email, password: `forkert ${i}` })).status, 401);
    const blocked = await client.post('/log-ind', { email: user.email, password: testPassword });
    assert.equal(blocked.status, 429);
    assert.match(await blocked.text(), /For mange mislykkede login-forsøg/);
  });

  it('refuses a form post without the CSRF token', async () => {
    const user = await makeUser(t.database.db);
    const response = await t.client().post('/log-ind', { email: user.email, password: 'x' }, { csrf: false });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /Formularen var forældet/);
  });

  it('refuses a form post from another site even with a token', async () => {
    const client = t.client();
    await client.get('/log-ind');
    const body = new URLSearchParams({ _csrf: client.cookies.get('kp_csrf')!, email: 'a@b.dk', password: 'x' });
    const response = await client.request('/log-ind', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    assert.equal(response.status, 403);
  });

  it('switches the language to English and back', async () => {
    const client = t.client();
    await client.get('/log-ind');
    const switched = await client.post('/sprog', { lang: 'en', next: '/log-ind' });
    assert.equal(switched.headers.get('location'), '/log-ind');
    const english = await (await client.get('/log-ind')).text();
    assert.match(english, /<html lang="en">/);
    assert.match(english, /<h1>Log in<\/h1>/);
    await client.post('/sprog', { lang: 'da', next: '/log-ind' });
    assert.match(await (await client.get('/log-ind')).text(), /<h1>Log ind<\/h1>/);
  });

  it('never redirects to another site after login', async () => {
    const user = await makeUser(t.database.db);
    const client = t.client();
    const response = await client.post('/log-ind', { email: user.email, password: 'correct horse battery staple', next: '//evil.example/' });
    assert.equal(response.headers.get('location'), '/');
  });

  it('renders 404 and 403 pages in the same style', async () => {
    const user = await makeUser(t.database.db, { roles: ['adviser'] });
    const client = t.client();
    await client.login(user.email);
    const missing = await client.get('/findes-ikke');
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /Siden findes ikke.*dkfds-virkdk|dkfds-virkdk[\s\S]*Siden findes ikke/);
    const forbidden = await client.get('/admin/brugere');
    assert.equal(forbidden.status, 403);
    assert.match(await forbidden.text(), /Du har ikke adgang/);
  });

  it('serves the DKFDS stylesheet, its fonts and htmx from the installed packages', async () => {
    const client = t.client();
    const css = await client.get('/static/dkfds/css/dkfds-virkdk.min.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    assert.equal((await client.get('/static/htmx/htmx.min.js')).status, 200);
    assert.equal((await client.get('/static/app.js')).status, 200);
    assert.equal((await client.get('/static/app.css')).status, 200);
    assert.equal((await client.get('/static/dkfds/img/all-svg-icons.svg')).status, 200);
    assert.equal((await client.get('/static/dkfds/../../package.json')).status, 404);
  });

  it('shows a 500 page with the request id for an unexpected error, and logs nothing personal', async () => {
    const lines: string[] = [];
    const app = createApp({ database: t.database, config: t.config, logger: createLogger('error', {}, (line) => lines.push(line)), clock: systemClock });
    app.get('/test-fejl', () => {
      throw new Error('boom');
    });
    const response = await new TestClient(app).get('/test-fejl');
    assert.equal(response.status, 500);
    const requestId = response.headers.get('x-request-id')!;
    const html = await response.text();
    assert.match(html, /Der skete en fejl/);
    assert.ok(html.includes(requestId), 'the page gives the reference');
    assert.ok(!html.includes('boom'), 'no internals on the page');
    const logged = JSON.parse(lines.find((line) => line.includes('unhandled error'))!);
    assert.equal(logged.requestId, requestId);
    assert.equal(logged.error.message, 'boom');
  });

  it('tells a user whose session has ended that they were logged out for inactivity', async () => {
    const client = t.client();
    client.cookies.set('kp_session', 'expired-or-unknown-token');
    const response = await client.get('/admin');
    assert.equal(response.headers.get('location'), '/log-ind?next=%2Fadmin&udloebet');
    assert.match(await (await client.get('/log-ind?next=%2Fadmin&udloebet')).text(), /Du var inaktiv for længe/);
  });

  it('refuses a request body over 25 MB before reading it', async () => {
    const client = t.client();
    await client.get('/log-ind');
    const response = await client.request('/log-ind', {
      method: 'POST',
      body: new Uint8Array(26 * 1024 * 1024),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(response.status, 413);
    assert.match(await response.text(), /højst 25 MB/);
  });

  it('answers /healthz and /readyz', async () => {
    const client = t.client();
    assert.deepEqual(await (await client.get('/healthz')).json(), { status: 'ok' });
    const ready = await client.get('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { status: string }).status, 'ready');
  });
});

describe('the request log', () => {
  it('masks the token of a personal link in the logged path', async () => {
    const { maskTokens } = await import('./middleware.ts');
    const token = 'abcdefghijABCDEFGHIJ0123456789_-abcdefghij';
    assert.equal(token.length, 42);
    assert.equal(maskTokens(`/evaluering/svar/${token}x`), '/evaluering/svar/[token]');
    assert.equal(maskTokens(`/henvisning/${token}x/udfald`), '/henvisning/[token]/udfald');
    assert.equal(maskTokens('/virksomheder/0b6a3c1e-5a0e-4c39-9d7a-0f2d5b8c1a20'), '/virksomheder/0b6a3c1e-5a0e-4c39-9d7a-0f2d5b8c1a20');
  });
});
