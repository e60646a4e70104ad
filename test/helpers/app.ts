// An in-process Knudepunkt for HTTP tests: a fresh database, the real app, and a small browser-like
// client that keeps cookies and sends the CSRF token with forms.
import type { Hono } from 'hono';
import type { Config } from '../../src/config.ts';
import { type Clock, systemClock } from '../../src/domain/clock.ts';
import { silentLogger } from '../../src/logger.ts';
import { createApp } from '../../src/web/app.tsx';
import type { AppEnv } from '../../src/web/context.ts';
import { testConfig } from './config.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import type { Role } from '../../src/domain/actor.ts';
import { makeUser, testPassword } from './factories.ts';

export interface TestApp {
  database: TestDatabase;
  config: Config;
  app: Hono<AppEnv>;
  client(): TestClient;
  /** A new user of the organisation with the roles, and a client signed in as that user. */
  signedIn(organisationId: string, roles: Role[]): Promise<{ client: TestClient; user: Awaited<ReturnType<typeof makeUser>> }>;
  close(): Promise<void>;
}

export async function createTestApp(options: { clock?: Clock; config?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(options.config);
  const app = createApp({ database, config, logger: silentLogger, clock: options.clock ?? systemClock });
  const signedIn = async (organisationId: string, roles: Role[]) => {
    const user = await makeUser(database.db, { roles, organisationId });
    const client = new TestClient(app);
    await client.login(user.email);
    return { client, user };
  };
  return { database, config, app, client: () => new TestClient(app), signedIn, close: () => database.drop() };
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: Hono<AppEnv>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.request(path, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', ...value] = pair.split('=');
      if (/max-age=0/i.test(cookie) || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    return response;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** Submits a form as a browser would, with the CSRF token from the cookie (fetch a page first). */
  async post(path: string, fields: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}): Promise<Response> {
    if (!this.cookies.has('kp_csrf')) await this.get('/log-ind');
    const body = new URLSearchParams();
    if (options.csrf !== false) body.append('_csrf', this.cookies.get('kp_csrf') ?? '');
    for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async login(email: string, password = testPassword): Promise<Response> {
    const response = await this.post('/log-ind', { email, password });
    if (response.status !== 303) throw new Error(`login failed with ${response.status}: ${await response.text()}`);
    return response;
  }
}
