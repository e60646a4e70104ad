// The economy part of /api/v1: import a data set, create a key and a new version, read a version
// with its computed result, link a base grant, add a PL rate — with the same rules as the pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { nordjyllandFolk1a, published2023 } from '../../../test/helpers/economy.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { createApiToken } from '../api-tokens/api-tokens.service.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { findUserById } from '../users/users.repository.ts';

type Json = Record<string, any>;

describe('the economy API', () => {
  let t: TestApp;
  let kkrToken: string;
  let adviserToken: string;
  before(async () => {
    t = await createTestApp();
    const token = async (roles: ('kkr' | 'adviser')[]) => {
      const user = await makeUser(t.database.db, { roles });
      return (await createApiToken(t.database.db, t.config, actorFromUser((await findUserById(t.database.db, user.id))!), { name: 'Test' })).token;
    };
    kkrToken = await token(['kkr']);
    adviserToken = await token(['adviser']);
  });
  after(async () => t.close());

  const call = async (path: string, token: string, body?: unknown) => {
    const response = await t.app.request(`/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  let dataSetId: string;
  let allocationId: string;

  it('imports FOLK1A text with a dry run first, then for real, and once only', async () => {
    const dry = await call('/data-sets', kkrToken, { format: 'folk1a', content: nordjyllandFolk1a, dryRun: true });
    assert.equal(dry.body.dataSet, null);
    assert.equal(dry.body.preview.rows.length, 11);
    assert.deepEqual(dry.body.preview.skipped.map((s: Json) => s.line), [2, 3]);
    const real = await call('/data-sets', kkrToken, { format: 'folk1a', content: nordjyllandFolk1a });
    assert.equal(real.status, 201);
    assert.equal(real.body.created, true);
    dataSetId = real.body.dataSet.id;
    assert.equal((await call('/data-sets', kkrToken, { format: 'folk1a', content: nordjyllandFolk1a })).body.created, false);
    const bad = await call('/data-sets', kkrToken, { format: 'folk1a', content: 'OMRÅDE;TID;INDHOLD\nAalborg;2022K1;x\n' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.error.fields, [{ field: 'file', message: 'Linje 2, kolonne INDHOLD: "x" er ikke et tal.' }]);
    const values = (await call(`/data-sets/${dataSetId}`, adviserToken)).body.values;
    assert.deepEqual(values.find((v: Json) => v.municipalityCode === '851'), { municipalityCode: '851', municipalityName: 'Aalborg', value: '220589', line: 13 });
  });

  it('creates a key and answers with the version and its exact result', async () => {
    const body = { name: 'Basisbevilling 2023', total: '17645', unit: '1000 DKK', recipients: 'hub:nordjylland', criteria: [{ dataSetId, weight: 1 }] };
    assert.equal((await call('/allocations', adviserToken, body)).status, 403);
    const refused = await call('/allocations', kkrToken, { ...body, criteria: [{ dataSetId, weight: '0.5' }] });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.error.fields, [{ field: 'criteria.0.weight', message: 'Vægtene summerer til 50 % – de skal summere til 100 %.' }]);
    const created = await call('/allocations', kkrToken, body);
    assert.equal(created.status, 201);
    allocationId = created.body.version.allocationId;
    assert.equal(created.body.version.explanation, '17.645 (1.000 kr.) fordelt efter bopælskommunefolketal pr. 1. kvt. 2022.');
    assert.equal(created.body.version.recipientsLabel, 'Erhvervshus Nordjylland (11 kommuner)');
    const hjoerring = created.body.result.recipients.find((r: Json) => r.municipalityCode === '860');
    assert.deepEqual(
      { share: hjoerring.share, exact: hjoerring.exact, allocated: hjoerring.allocated, perRowRounded: hjoerring.perRowRounded, difference: hjoerring.difference },
      { share: '0.1078705844', exact: '1903.3764622594', allocated: '1904', perRowRounded: '1903', difference: '1' },
    );
    assert.equal(created.body.result.allocatedTotal, '17645');
    assert.equal(created.body.result.perRowTotal, '17644');
  });

  it('creates version 2 and still serves version 1 unchanged', async () => {
    const second = await call(`/allocations/${allocationId}/versions`, kkrToken, { name: 'Basisbevilling 2023', total: 17645000, unit: 'DKK', recipients: 'hub:nordjylland', criteria: [{ dataSetId, weight: '1/1' }] });
    assert.equal(second.status, 201);
    assert.equal(second.body.version.version, 2);
    assert.deepEqual(second.body.versions.map((v: Json) => v.version), [2, 1]);
    const first = await call(`/allocations/${allocationId}/versions/1`, adviserToken);
    assert.equal(first.body.version.total, '17645');
    assert.deepEqual(Object.fromEntries(first.body.result.recipients.map((r: Json) => [r.municipalityCode, Number(r.allocated)])), published2023);
    assert.equal((await call(`/allocations/${allocationId}/versions/9`, adviserToken)).status, 404);
    const list = await call('/allocations', adviserToken);
    assert.deepEqual(list.body.allocations.map((a: Json) => [a.latestVersion, a.total, a.unit]), [[2, '17645000', 'DKK']]);
  });

  it('links a base grant and serves its invoice lines', async () => {
    const version = (await call(`/allocations/${allocationId}`, kkrToken)).body.version;
    const grant = await call('/base-grants', kkrToken, { allocationVersionId: version.id, businessHubId: 'nordjylland', year: 2023 });
    assert.equal(grant.status, 201);
    assert.equal(grant.body.linesTotal, '17645000');
    assert.equal(grant.body.lines.find((l: Json) => l.municipalityCode === '825').amount, '52926');
    assert.equal((await call(`/allocations/${allocationId}`, kkrToken)).body.version.lockedReason, 'Basisbevilling 2023, Erhvervshus Nordjylland');
    assert.equal((await call(`/base-grants/${grant.body.id}`, adviserToken)).body.year, 2023);
    // The files are served at the pages' addresses and accept the same token.
    const file = await t.app.request(`/oekonomi/basisbevillinger/${grant.body.id}/fakturaliste.csv`, { headers: { authorization: `Bearer ${adviserToken}` } });
    assert.equal(file.status, 200);
    assert.match(await file.text(), /;I alt;17645000\r\n$/);
  });

  it('adds a PL rate and lists it, and documents the operations in OpenAPI', async () => {
    const rate = await call('/pl-rates', kkrToken, { year: 2024, category: 'Serviceudgifter i alt', percent: '4.8', source: 'KL', releasedOn: '2023-06-15' });
    assert.equal(rate.status, 201);
    assert.equal(rate.body.current, true);
    assert.equal((await call('/pl-rates', adviserToken)).body.plRates.length, 1);
    const document = (await (await t.app.request('/api/v1/openapi.json')).json()) as Json;
    for (const path of ['/data-sets', '/allocations', '/allocations/{id}/versions/{version}', '/allocations/{id}/versions', '/base-grants', '/pl-rates']) assert.ok(document.paths[path], path);
    for (const schema of ['AllocationVersion', 'AllocationResult', 'DataSet', 'BaseGrant', 'PlRate']) assert.ok(document.components.schemas[schema], schema);
  });
});
