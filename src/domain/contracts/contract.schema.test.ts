import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldError } from '../errors.ts';
import { Rational } from '../money/rational.ts';
import { parseContract, parseGoal } from './contract.schema.ts';
import type { ContractInput, GoalInput } from './contract.schema.ts';
import { formatContractDecimal, readContractDecimal } from './decimal.ts';

const npsGoal = (threshold: unknown): GoalInput => ({
  number: 1,
  title: 'Tilfredshed',
  kind: 'national',
  text: 'NPS skal være mindst 60.',
  targets: [{ kind: 'metric', id: 'nps', label: 'NPS', metric: 'nps', filters: { year: 2023 }, comparison: '>=', threshold }],
  rule: { kind: 'tiers', tiers: [{ when: [{ target: 'nps', comparison: '>=', threshold }], percent: '100' }] },
});

const contract = (overrides: Partial<ContractInput> = {}): ContractInput => ({
  id: 'test-2023',
  year: 2023,
  title: 'Testkontrakt',
  hub: 'Erhvervshus Test',
  kkr: 'KKR Test',
  parties: [
    { role: 'kkr', name: 'KKR Test' },
    { role: 'hub', name: 'Erhvervshus Test' },
  ],
  dates: { effectiveFrom: '2023-01-01' },
  status: 'signed',
  baseGrant: { amount: '17645000', distributionKey: 'Folketal' },
  followUp: { year: 2024, quarter: 1 },
  goals: [npsGoal('60')],
  ...overrides,
});

describe('exact decimals as the contracts write them', () => {
  const cases: [unknown, string | null][] = [
    ['60', '60'],
    ['47,5', '95/2'],
    [' 47,5 ', '95/2'],
    ['0,1', '1/10'],
    [47.5, '95/2'],
    [0.1, '1/10'],
    ['-3', '-3'],
    ['1.300', null],
    ['47.5', null],
    ['1e3', null],
    ['', null],
    ['60 %', null],
    [Number.NaN, null],
    [null, null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected ?? 'refused'}`, () => {
      assert.equal(readContractDecimal(input)?.toString() ?? null, expected);
    });
  }

  it('formats with a decimal comma', () => {
    assert.equal(formatContractDecimal(Rational.of(95, 2)), '47,5');
    assert.equal(formatContractDecimal(Rational.of(200, 3)), '66,6666666667');
  });
});

describe('parseContract', () => {
  it('reads thresholds into exact rationals', () => {
    const result = parseGoal(npsGoal('47,5'));
    assert.ok(result.ok);
    const target = result.value.targets[0];
    assert.ok(target?.kind === 'metric');
    assert.deepEqual(target.threshold, Rational.of(95, 2));
    assert.deepEqual(result.value.corrections, []);
  });

  const refusals: [string, ContractInput, FieldError | FieldError[]][] = [
    [
      'a threshold with a thousands separator',
      contract({ goals: [npsGoal('1.300')] }),
      [
        {
          field: 'goals.0.targets.0.threshold',
          message: '"1.300" er ikke et eksakt decimaltal – skriv fx "60" eller "47,5" (decimalkomma, ingen tusindtalsseparator)',
        },
        {
          field: 'goals.0.rule.tiers.0.when.0.threshold',
          message: '"1.300" er ikke et eksakt decimaltal – skriv fx "60" eller "47,5" (decimalkomma, ingen tusindtalsseparator)',
        },
      ],
    ],
    [
      'a misspelt key',
      contract({ goals: [{ ...npsGoal('60'), targets: [{ kind: 'metric', id: 'nps', label: 'NPS', metric: 'nps', comparison: '>=', treshold: '60' } as never] }] }),
      [
        { field: 'goals.0.targets.0.threshold', message: 'skal udfyldes med et tal (fx "60" eller "47,5")' },
        { field: 'goals.0.targets.0', message: 'ukendt felt: treshold' },
      ],
    ],
    [
      'an unknown metric',
      contract({ goals: [{ ...npsGoal('60'), targets: [{ kind: 'metric', id: 'nps', label: 'NPS', metric: 'happiness' as never, comparison: '>=', threshold: '60' }] }] }),
      { field: 'goals.0.targets.0.metric', message: '"happiness" er ikke tilladt – brug "nps", "veryPleasedShare", "expectedEffectHighShare", "effectMediumShare", "effectHighShare", "referralUptakeShare", "digitalEffectHighShare", "newCompanyShare", "referralServiceGoalShare"' },
    ],
    [
      'a tier on a target the goal does not have',
      contract({ goals: [{ ...npsGoal('60'), rule: { kind: 'tiers', tiers: [{ when: [{ target: 'npss' }], percent: '100' }] } }] }),
      { field: 'goals.0.rule.tiers.0.when.0.target', message: '"npss" er ikke et målepunkt i mål 1' },
    ],
    [
      'a tier percent above 100',
      contract({ goals: [{ ...npsGoal('60'), rule: { kind: 'tiers', tiers: [{ when: [{ target: 'nps' }], percent: '150' }] } }] }),
      { field: 'goals.0.rule.tiers.0.percent', message: '"150" er ikke en opfyldelsesprocent mellem 0 og 100' },
    ],
    [
      'an activities rule without activities',
      contract({ goals: [{ ...npsGoal('60'), rule: { kind: 'activities' } }] }),
      { field: 'goals.0.rule.kind', message: 'mål 1 har opfyldelse efter indsatser, men ingen indsatsliste' },
    ],
    [
      'two goals with the same number',
      contract({ goals: [npsGoal('60'), npsGoal('50')] }),
      { field: 'goals.1.number', message: 'mål 1 findes to gange' },
    ],
    [
      'an unknown status',
      contract({ status: 'approved' as never }),
      { field: 'status', message: '"approved" er ikke tilladt – brug "draft", "agreed", "signed", "reported", "followedUp"' },
    ],
    [
      'an impossible date',
      contract({ dates: { effectiveFrom: '2023-02-30' } }),
      { field: 'dates.effectiveFrom', message: '"2023-02-30" er ikke en gyldig dato (ÅÅÅÅ-MM-DD)' },
    ],
    [
      'a signed contract without base grant',
      contract({ baseGrant: undefined }),
      { field: 'baseGrant', message: 'basisbevillingen skal angives, når kontrakten har status "underskrevet"' },
    ],
    [
      'a follow-up before the contract year',
      contract({ followUp: { year: 2022, quarter: 1 } }),
      { field: 'followUp.year', message: 'opfølgningsåret 2022 ligger før kontraktåret 2023' },
    ],
  ];
  for (const [name, input, error] of refusals) {
    it(`refuses ${name}, naming the field and the value`, () => {
      const result = parseContract(input);
      assert.equal(result.ok, false);
      if (!result.ok) assert.deepEqual(result.errors, Array.isArray(error) ? error : [error]);
    });
  }

  it('a draft may leave out the base grant', () => {
    assert.ok(parseContract(contract({ status: 'draft', baseGrant: undefined })).ok);
  });

  it('keeps a stated correction of the source', () => {
    const result = parseGoal({
      ...npsGoal('60'),
      corrections: [{ field: 'method', stated: '4 aktiviteter', applied: '5 aktiviteter', reason: 'Metode og kriterium er uenige.' }],
    });
    assert.ok(result.ok);
    assert.equal(result.value.corrections[0]?.applied, '5 aktiviteter');
  });
});
