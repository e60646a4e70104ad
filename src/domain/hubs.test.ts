import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findHub, findHubName, hubNameKey } from './hubs.ts';

const hubs = [
  { id: 'nordjylland', name: 'Erhvervshus Nordjylland' },
  { id: 'sjaelland', name: 'Erhvervshus Sjælland' },
];

describe('naming a business hub', () => {
  it('ignores "Erhvervshus", case and spacing', () => {
    assert.equal(hubNameKey('  Erhvervshus   NORDJYLLAND '), 'nordjylland');
    assert.equal(hubNameKey('Sjælland'), hubNameKey('erhvervshus SJÆLLAND'));
  });

  it('finds a hub by id or by name, and nothing for another name', () => {
    assert.equal(findHub(hubs, 'nordjylland')?.id, 'nordjylland');
    assert.equal(findHub(hubs, ' Nordjylland')?.id, 'nordjylland');
    assert.equal(findHub(hubs, 'erhvervshus sjælland')?.id, 'sjaelland');
    assert.equal(findHub(hubs, 'Sjaelland')?.id, 'sjaelland', 'the id, as typed');
    assert.equal(findHub(hubs, 'Fyn'), undefined);
  });

  it('finds a name among names, as the files and the CLI give them', () => {
    assert.equal(findHubName(hubs.map((h) => h.name), 'NORDJYLLAND'), 'Erhvervshus Nordjylland');
    assert.equal(findHubName(hubs.map((h) => h.name), 'Midtjylland'), null);
  });
});
