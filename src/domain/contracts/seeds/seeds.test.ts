import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseContract } from '../contract.schema.ts';
import type { Contract, Goal, Target } from '../contract.schema.ts';
import type { GoalKind } from '../contract.vocabulary.ts';
import { formatContractDecimal } from '../decimal.ts';
import { seedContractInputs, seedContracts } from './index.ts';

type RuleKind = Goal['rule']['kind'];
/** [goal number, kind, rule, number of activities (all checklists) or null when the goal has none] */
type GoalRow = [number, GoalKind, RuleKind, number | null];

const expected: { id: string; year: number; status: Contract['status']; followUp: number; goals: GoalRow[] }[] = [
  {
    id: 'nordjylland-2019',
    year: 2019,
    status: 'signed',
    followUp: 2020,
    goals: [
      [1, 'national', 'tiers', null],
      [2, 'national', 'tiers', null],
      [3, 'national', 'activities', 2],
      [4, 'common', 'activities', 1],
      [5, 'common', 'activities', 5], // 4 activities + the CRM statistics
      [6, 'common', 'activities', 4],
      [7, 'common', 'activities', 4],
      [8, 'regional', 'activities', 1],
      [9, 'regional', 'activities', 1],
    ],
  },
  {
    id: 'midtjylland-2020',
    year: 2020,
    status: 'signed',
    followUp: 2021,
    goals: [
      [1, 'national', 'tiers', null],
      [2, 'national', 'tiers', null],
      [3, 'national', 'activities', 1],
      [4, 'common', 'activities', 1],
      [5, 'common', 'all', 1],
      [6, 'common', 'activities', 2],
      [7, 'common', 'activities', 4],
      [8, 'crossMunicipal', 'activities', 2],
      [9, 'crossMunicipal', 'all', 1],
    ],
  },
  ...[2022, 2023].map((year) => ({
    id: `nordjylland-${year}`,
    year,
    status: 'signed' as const,
    followUp: year + 1,
    goals: [
      [1, 'national', 'all', null],
      [2, 'national', 'activities', 1],
      [3, 'national', 'all', null],
      [4, 'national', 'tiers', null],
      [5, 'national', 'all', 2],
      [6, 'national', 'all', null],
      [7, 'national', 'tiers', null],
      [8, 'local', 'activities', 3],
      [9, 'local', 'activities', 5],
      [10, 'local', 'activities', 4],
      [11, 'local', 'all', null],
    ] satisfies GoalRow[],
  })),
  {
    id: 'nordjylland-2024-udkast',
    year: 2024,
    status: 'draft',
    followUp: 2025,
    goals: [
      [8, 'regional', 'activities', 3],
      [9, 'regional', 'activities', 5],
      [10, 'regional', 'activities', 5],
      [11, 'regional', 'all', null],
    ],
  },
];

const activityCount = (goal: Goal): number | null => {
  const lists = goal.targets.filter((t) => t.kind === 'activities');
  return lists.length === 0 ? null : lists.reduce((sum, t) => sum + t.activities.length, 0);
};

const goal = (contract: Contract, number: number): Goal => {
  const found = contract.goals.find((g) => g.number === number);
  if (found === undefined) throw new Error(`${contract.id} has no goal ${number}`);
  return found;
};

const target = (g: Goal, id: string): Target => {
  const found = g.targets.find((t) => t.id === id);
  if (found === undefined) throw new Error(`goal ${g.number} has no target ${id}`);
  return found;
};

/** "nps ≥ 60 [year=2023 segment=operations]" — a compact, comparable form of a judged target. */
function describeTarget(t: Target): string {
  if (t.kind === 'activities') return `activities ${t.activities.length}`;
  const key = t.kind === 'metric' ? t.metric : t.kind === 'count' ? t.count : `external ${t.unit}`;
  const filters = 'filters' in t ? Object.entries(t.filters).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`) : [];
  return `${key} ${t.comparison} ${formatContractDecimal(t.threshold)}${filters.length > 0 ? ` [${filters.join(' ')}]` : ''}`;
}

describe('the shipped contracts', () => {
  it('are the five contracts of the spec, in order', () => {
    assert.deepEqual(
      seedContracts.map((c) => c.id),
      expected.map((e) => e.id),
    );
  });

  for (const [i, e] of expected.entries()) {
    describe(e.id, () => {
      const contract = seedContracts[i];
      const input = seedContractInputs[i];
      assert.ok(contract !== undefined && input !== undefined);

      it('parses from its plain JSON form', () => {
        const result = parseContract(JSON.parse(JSON.stringify(input)));
        assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
        assert.equal(result.value.goals.length, contract.goals.length);
      });

      it(`has year ${e.year}, status ${e.status} and follow-up in Q1 ${e.followUp}`, () => {
        assert.equal(contract.year, e.year);
        assert.equal(contract.status, e.status);
        assert.deepEqual(contract.followUp, { year: e.followUp, quarter: 1 });
        assert.equal(contract.dates.effectiveFrom, `${e.year}-01-01`);
      });

      it(`has ${e.goals.length} goals with the spec's kinds, rules and activities`, () => {
        assert.deepEqual(
          contract.goals.map((g): GoalRow => [g.number, g.kind, g.rule.kind, activityCount(g)]),
          e.goals,
        );
      });

      it('has a Danish title and text for every goal and reports to KKR', () => {
        for (const g of contract.goals) {
          assert.ok(g.title.length > 0 && g.text.length > 0);
          assert.equal(g.reporting[0]?.to, contract.kkr);
        }
      });
    });
  }

  it('base grants as stated (kroner, exact)', () => {
    assert.deepEqual(
      seedContracts.map((c) => [c.id, c.baseGrant === undefined ? null : formatContractDecimal(c.baseGrant.amount)]),
      [
        ['nordjylland-2019', '16500000'],
        ['midtjylland-2020', '37688000'],
        ['nordjylland-2022', '17291000'],
        ['nordjylland-2023', '17645000'],
        ['nordjylland-2024-udkast', null],
      ],
    );
    const [n2019, m2020, n2022] = seedContracts;
    assert.equal(n2019?.baseGrant?.invoicedTotal?.toString(), '16488000');
    assert.equal(m2020?.baseGrant?.tableRowsTotal?.toString(), '37687000');
    assert.equal(n2022?.baseGrant?.tableRowsTotal?.toString(), '17292000');
  });

  const [n2019, m2020, n2022, n2023, n2024] = seedContracts as [Contract, Contract, Contract, Contract, Contract];

  it('2019 goals 1-2: tiers 60/50 on NPS and 70/60 on effectMediumShare', () => {
    const tiers = (g: Goal) =>
      g.rule.kind === 'tiers' ? g.rule.tiers.map((t) => `${t.when.map((c) => `${c.target} ${c.comparison} ${c.threshold === undefined ? '' : formatContractDecimal(c.threshold)}`).join(', ')} → ${formatContractDecimal(t.percent)}`) : [];
    assert.deepEqual(tiers(goal(n2019, 1)), ['nps >= 60 → 100', 'nps >= 50 → 50']);
    assert.deepEqual(tiers(goal(n2019, 2)), ['effekt >= 70 → 100', 'effekt >= 60 → 50']);
    assert.deepEqual(tiers(goal(m2020, 1)), ['nps >= 60 → 100']);
  });

  it('2023 goal 3: very pleased ≥ 80 % and NPS ≥ 70 for both segments', () => {
    assert.deepEqual(goal(n2023, 3).targets.map(describeTarget), [
      'veryPleasedShare >= 80 [year=2023 segment=operations]',
      'nps >= 70 [year=2023 segment=operations]',
      'veryPleasedShare >= 80 [year=2023 segment=growth]',
      'nps >= 70 [year=2023 segment=growth]',
    ]);
  });

  it('2023 goals 1, 4, 5, 6, 7 and 11 carry the spec thresholds', () => {
    assert.deepEqual(goal(n2023, 1).targets.map(describeTarget), ['external % >= 50', 'newCompanyShare >= 50 [year=2023]']);
    assert.deepEqual(goal(n2023, 4).targets.map(describeTarget), ['referralUptakeShare >= 50 [year=2023]']);
    assert.deepEqual(goal(n2023, 5).targets.map(describeTarget), ['activities 2', 'external % >= 74']);
    assert.deepEqual(goal(n2023, 6).targets.map(describeTarget), [
      'expectedEffectHighShare >= 70 [year=2023]',
      'external procentpoint >= 10',
      'external procentpoint >= 5',
      'external procentpoint > 0',
    ]);
    assert.deepEqual(goal(n2023, 7).targets.map(describeTarget), ['digitalEffectHighShare >= 70 [year=2023]']);
    assert.deepEqual(goal(n2023, 11).targets.map(describeTarget), [
      'uniqueCompanies >= 800 [year=2023]',
      'courses >= 350 [year=2023 categories=growth+operations]',
      'courses >= 600 [year=2023 categories=short+earlyWarning]',
    ]);
    const awareness = target(goal(n2023, 1), 'kendskab');
    assert.ok(awareness.kind === 'external');
    assert.equal(awareness.baseline?.value.toString(), '36');
  });

  it('2022 differs from 2023 where the spec says so', () => {
    const awareness = target(goal(n2022, 1), 'kendskab');
    assert.ok(awareness.kind === 'external');
    assert.equal(awareness.baseline?.value.toString(), '40');
    assert.deepEqual(
      awareness.milestones?.map((m) => [m.year, formatContractDecimal(m.threshold)]),
      [
        [2021, '45'],
        [2023, '50'],
      ],
    );
    assert.deepEqual(goal(n2022, 4).targets.map(describeTarget), ['referralUptakeShare >= 47 [year=2022]']);
    assert.deepEqual(goal(n2022, 6).targets.map(describeTarget)[0], 'expectedEffectHighShare >= 65 [year=2022]');
  });

  it('2022 goal 9 states its correction (method 4 activities, rule 5) and has 5 activities', () => {
    const g = goal(n2022, 9);
    assert.equal(g.corrections.length, 1);
    assert.equal(g.corrections[0]?.field, 'method');
    assert.match(g.corrections[0]?.stated ?? '', /4 aktiviteter/);
    assert.match(g.corrections[0]?.applied ?? '', /5 aktiviteter/);
    assert.equal(activityCount(g), 5);
    const names = g.targets.flatMap((t) => (t.kind === 'activities' ? t.activities.map((a) => a.name) : []));
    assert.deepEqual(names, ['Aktivitet 1', 'Aktivitet 2', 'Aktivitet 3', 'Aktivitet 4', 'Aktivitet 5']);
  });

  it('Midtjylland 2020: goal 5 counts 500 + 1.300 + 2.000, goal 9 the 48-hour service goal', () => {
    assert.deepEqual(goal(m2020, 5).targets.map(describeTarget), [
      'uniqueCompanies >= 500 [year=2020 segment=growth]',
      'uniqueCompanies >= 1300 [year=2020 segment=operations]',
      'participants >= 2000 [year=2020]',
      'activities 1',
    ]);
    assert.deepEqual(goal(m2020, 9).targets.map(describeTarget), [
      'activities 1',
      'referralServiceGoalShare >= 100 [year=2020 serviceGoalHours=48 referredFrom=localOffice]',
    ]);
  });

  it('the 2024 draft has goals 8-11 only, goal 11 as 2023 for 2024, and no base grant yet', () => {
    assert.equal(n2024.status, 'draft');
    assert.equal(n2024.baseGrant, undefined);
    assert.deepEqual(
      goal(n2024, 11).targets.map(describeTarget),
      goal(n2023, 11).targets.map(describeTarget).map((s) => s.replace('year=2023', 'year=2024')),
    );
    assert.equal(goal(n2024, 10).title, 'Bæredygtig og digital omstilling');
  });

  it('every activity starts not started, with no evidence', () => {
    for (const c of seedContracts)
      for (const g of c.goals)
        for (const t of g.targets)
          if (t.kind === 'activities') for (const a of t.activities) assert.deepEqual([a.status, a.evidence], ['notStarted', []]);
  });
});
