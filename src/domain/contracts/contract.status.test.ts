import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { canTransition, checkTransition, nextContractStatus, transitionContractStatus } from './contract.status.ts';
import { contractStatuses } from './contract.vocabulary.ts';
import type { ContractStatus } from './contract.vocabulary.ts';

const allowed: [ContractStatus, ContractStatus][] = [
  ['draft', 'agreed'],
  ['agreed', 'signed'],
  ['signed', 'reported'],
  ['reported', 'followedUp'],
];

describe('contract status transitions', () => {
  for (const from of contractStatuses) {
    for (const to of contractStatuses) {
      const ok = allowed.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
        assert.equal(canTransition(from, to), ok);
        const result = checkTransition(from, to);
        assert.equal(result.ok, ok);
        if (ok) assert.equal(transitionContractStatus(from, to), to);
        else assert.throws(() => transitionContractStatus(from, to), AppError);
      });
    }
  }

  it('the next status is one step forward, none after followedUp', () => {
    assert.deepEqual(
      contractStatuses.map((s) => nextContractStatus(s)),
      ['agreed', 'signed', 'reported', 'followedUp', null],
    );
  });

  const refusals: [ContractStatus, ContractStatus, string][] = [
    ['draft', 'signed', 'Resultatkontrakten kan ikke skifte status fra "udkast" til "underskrevet". Næste tilladte status er "aftalt".'],
    ['signed', 'draft', 'Resultatkontrakten kan ikke skifte status fra "underskrevet" til "udkast". Næste tilladte status er "afrapporteret".'],
    ['reported', 'agreed', 'Resultatkontrakten kan ikke skifte status fra "afrapporteret" til "aftalt". Næste tilladte status er "fulgt op".'],
    ['agreed', 'agreed', 'Resultatkontrakten har allerede status "aftalt".'],
    ['followedUp', 'draft', 'Resultatkontrakten har status "fulgt op" og kan ikke skifte til "udkast": den er fulgt op og afsluttet.'],
  ];
  for (const [from, to, message] of refusals) {
    it(`refuses ${from} → ${to} with a Danish message`, () => {
      assert.throws(
        () => transitionContractStatus(from, to),
        (error: unknown) => {
          assert.ok(error instanceof AppError);
          assert.equal(error.code, 'conflict');
          assert.equal(error.userMessage, message);
          assert.deepEqual(error.fields, [{ field: 'status', message }]);
          return true;
        },
      );
    });
  }
});
