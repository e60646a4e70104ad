// /api/v1 over HTTP: token authentication, one error shape, validation, and the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { systemClock } from '../../domain/clock.ts';
import { actorFromUser } from '../../features/auth/auth.service.ts';
import { createApiToken, revokeApiToken } from '../../features/api-tokens/api-tokens.service.ts';
import { findUserById } from '../../features/users/users.repository.ts';

describe('the API', () => {
  let t: TestApp;
  let adminToken: string;
  let adviserToken: string;
  before(async () => {
    t = await createTestApp();
    const token = async (roles: ('admin' | 'adviser')[]) => {
      const user = await makeUser(t.database.db, { roles });
      return (await createApiToken(t.database.db, t.config, actorFromUser((await findUserById(t.database.db, user.id))!), { name: 'Test' })).token;
    };
    adminToken = await token(['admin']);
    adviserToken = await token(['adviser']);
  });
  after(async () => t.close());

  const call = (path: string, token?: string, init: RequestInit = {}) =>
    t.app.request(`/api/v1${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...(init.headers ?? {}) } });

  it('refuses a request without a token with the JSON error shape and code unauthenticated', async () => {
    const response = await call('/me');
    assert.equal(response.status, 401);
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    assert.equal(body.error.code, 'unauthenticated');
    assert.match(body.error.message, /Authorization: Bearer/);
    assert.ok(body.error.requestId);
  });

  it('answers /me for a valid token and refuses a revoked one', async () => {
    const user = await makeUser(t.database.db, { roles: ['viewer'], name: 'Token Bruger' });
    const actor = actorFromUser((await findUserById(t.database.db, user.id))!);
    const { token, apiToken } = await createApiToken(t.database.db, t.config, actor, { name: 'Kortvarig' });
    const me = await call('/me', token);
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { name: string }).name, 'Token Bruger');
    await revokeApiToken(t.database.db, systemClock, actor, apiToken.id);
    assert.equal((await call('/me', token)).status, 401);
  });

  it('lists the municipalities of a region', async () => {
    const response = await call('/municipalities?region=1081', adviserToken);
    const body = (await response.json()) as { municipalities: { code: string; businessHubName: string }[] };
    assert.equal(body.municipalities.length, 11);
    assert.ok(body.municipalities.every((m) => m.businessHubName === 'Erhvervshus Nordjylland'));
  });

  it('names the invalid query parameter', async () => {
    const response = await call('/municipalities?region=9999', adviserToken);
    assert.equal(response.status, 422);
    const body = (await response.json()) as { error: { code: string; fields: { field: string; message: string }[] } };
    assert.equal(body.error.code, 'validation');
    assert.equal(body.error.fields[0]?.field, 'query.region');
  });

  it('creates an organisation for an admin and refuses an adviser with 403', async () => {
    const payload = JSON.stringify({ name: 'API-organisation', kind: 'external', website: 'https://api.example' });
    const refused = await call('/organisations', adviserToken, { method: 'POST', body: payload });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'forbidden');
    const created = await call('/organisations', adminToken, { method: 'POST', body: payload });
    assert.equal(created.status, 201);
    const organisation = (await created.json()) as { id: string; name: string };
    assert.equal(organisation.name, 'API-organisation');
    const fetched = await call(`/organisations/${organisation.id}`, adviserToken);
    assert.equal(fetched.status, 200);
    assert.equal((await call('/organisations/ikke-et-id', adviserToken)).status, 404);
  });

  it('refuses a body that is not JSON with a clear message', async () => {
    const response = await call('/organisations', adminToken, { method: 'POST', body: '{"name": ' });
    assert.equal(response.status, 422);
    assert.match(((await response.json()) as { error: { message: string } }).error.message, /ikke gyldig JSON/);
  });

  it('needs no CSRF token for bearer-token calls', async () => {
    const response = await call('/organisations', adminToken, { method: 'POST', body: JSON.stringify({ name: 'Uden CSRF', kind: 'external' }) });
    assert.equal(response.status, 201);
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas, and a docs page', async () => {
    const document = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    assert.equal(document.openapi, '3.1.0');
    assert.equal(document.paths['/organisations/{id}']?.get?.operationId, 'getOrganisation');
    assert.ok(document.paths['/organisations']?.post?.responses['422']);
    for (const name of ['Organisation', 'Municipality', 'Error', 'Me', 'AuditEntry']) assert.ok(document.components.schemas[name], `schema ${name}`);
    assert.ok(document.components.securitySchemes.bearerAuth);
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    assert.ok(refs.every((ref) => ref.includes('#/components/schemas/')), 'every $ref points into components');
    const docs = await (await t.app.request('/api/v1/docs')).text();
    assert.match(docs, /GET \/api\/v1\/municipalities/);
  });
});
