import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Rational, sumRationals } from '../money/rational.ts';
import { allocate } from './allocation.ts';
import type { AllocationInput, AllocationResult, RecipientInput, RoundingMethod } from './allocation.ts';

const RESOLUTIONS = [Rational.of(1n), Rational.of(1000n), Rational.of(1n, 100n)];

interface Options {
  criteria: number;
  roles: readonly Role[];
  method?: RoundingMethod;
}
type Role = 'normal' | 'exempt' | 'fixed' | 'transfer';

/**
 * Valid allocations: recipient 0 always shares by the criteria with values ≥ 1 (so no criterion sum
 * is 0); fixed shares are k/1000 with k ≤ 90, so ten of them stay below 100 %; a transfer points
 * to a non-exempt recipient with a lower index, so chains occur but cycles cannot.
 */
function allocationArb({ criteria, roles, method = 'largestRemainder' }: Options): fc.Arbitrary<AllocationInput> {
  const recipientArb = fc.record({
    role: fc.constantFrom(...roles),
    values: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: criteria, maxLength: criteria }),
    cents: fc.boolean(),
    fixedPermille: fc.integer({ min: 0, max: 90 }),
    target: fc.nat(),
  });
  return fc
    .record({
      resolution: fc.constantFrom(...RESOLUTIONS),
      units: fc.integer({ min: 0, max: 2_000_000 }),
      weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: criteria, maxLength: criteria }),
      ids: fc.uniqueArray(fc.stringMatching(/^[A-Za-zÆØÅæøå0-9]{1,3}$/), { minLength: 1, maxLength: 10 }),
      specs: fc.array(recipientArb, { minLength: 10, maxLength: 10 }),
    })
    .map(({ resolution, units, weights, ids, specs }) => {
      const w = weights.map((x, i) => (i === 0 ? x + 1 : x));
      const wSum = BigInt(w.reduce((a, b) => a + b, 0));
      const keys = w.map((_, i) => `k${i}`);
      const recipients: RecipientInput[] = [];
      ids.forEach((id, i) => {
        const spec = specs[i]!;
        const role: Role = i === 0 ? 'normal' : spec.role;
        const values: Record<string, Rational> = {};
        keys.forEach((key, k) => {
          const raw = BigInt(spec.values[k]! + (i === 0 ? 1 : 0));
          values[key] = spec.cents ? Rational.of(raw, 100n) : Rational.of(raw);
        });
        const r: RecipientInput = { id, name: `Kommune ${id}`, values };
        if (role === 'exempt') r.exempt = true;
        if (role === 'fixed') r.fixedShare = Rational.of(BigInt(spec.fixedPermille), 1000n);
        if (role === 'transfer') {
          const targets = recipients.filter((x) => x.exempt !== true);
          r.transferTo = targets[spec.target % targets.length]!.id;
        }
        recipients.push(r);
      });
      return {
        name: 'Egenskab',
        total: resolution.mul(Rational.of(BigInt(units))),
        unit: 'DKK',
        resolution,
        method,
        criteria: w.map((x, i) => ({ key: keys[i]!, weight: Rational.of(BigInt(x), wSum) })),
        recipients,
        derived: [{ name: 'frafald', factor: Rational.of(9n, 10n), method: 'largestRemainder' }],
      } satisfies AllocationInput;
    });
}

function mustAllocate(input: AllocationInput): AllocationResult {
  const result = allocate(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const ALL_ROLES: Role[] = ['normal', 'normal', 'exempt', 'fixed', 'transfer'];
const RUNS = { numRuns: 1500 };

describe('largestRemainder for thousands of generated allocations', () => {
  it('always sums to the total', () => {
    fc.assert(
      fc.property(allocationArb({ criteria: 3, roles: ALL_ROLES }), (input) => {
        const result = mustAllocate(input);
        assert.ok(result.allocatedTotal.equals(input.total));
        assert.ok(sumRationals(result.recipients.map((r) => r.exact)).equals(input.total));
      }),
      RUNS,
    );
  });

  it('keeps every recipient within one resolution step of its exact amount', () => {
    fc.assert(
      fc.property(allocationArb({ criteria: 2, roles: ALL_ROLES }), (input) => {
        for (const r of mustAllocate(input).recipients) {
          const gap = r.allocated.sub(r.exact).abs();
          assert.ok(gap.lt(input.resolution), `${r.id}: ${r.allocated} vs ${r.exact}`);
          if (r.transferredTo !== null || r.exempt) assert.ok(r.allocated.isZero());
        }
      }),
      RUNS,
    );
  });

  it('gives everyone the same result whatever the order of the recipients', () => {
    const arb = allocationArb({ criteria: 2, roles: ALL_ROLES }).chain((input) =>
      fc
        .shuffledSubarray([...input.recipients], { minLength: input.recipients.length, maxLength: input.recipients.length })
        .map((shuffled) => [input, { ...input, recipients: shuffled }] as const),
    );
    const byId = (result: AllocationResult) =>
      new Map(
        result.recipients.map((r) => [r.id, `${r.share}|${r.exact}|${r.allocated}|${r.derived.map((d) => d.value).join()}`]),
      );
    fc.assert(
      fc.property(arb, ([original, shuffled]) => {
        assert.deepEqual(byId(mustAllocate(shuffled)), byId(mustAllocate(original)));
      }),
      RUNS,
    );
  });

  it('never gives less to a larger value when there is one criterion', () => {
    fc.assert(
      fc.property(allocationArb({ criteria: 1, roles: ['normal', 'exempt', 'fixed'] }), (input) => {
        const result = mustAllocate(input);
        const sharing = input.recipients
          .map((r, i) => ({ r, out: result.recipients[i]! }))
          .filter(({ r }) => r.exempt !== true && r.fixedShare === undefined);
        for (const a of sharing) {
          for (const b of sharing) {
            if (a.r.values.k0!.gt(b.r.values.k0!)) assert.ok(!a.out.allocated.lt(b.out.allocated), `${a.r.id} < ${b.r.id}`);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('the other rounding methods for generated allocations', () => {
  it('roundEach stays within half a step of each exact amount and reports the difference', () => {
    fc.assert(
      fc.property(allocationArb({ criteria: 2, roles: ALL_ROLES, method: 'roundEach' }), (input) => {
        const result = mustAllocate(input);
        const half = input.resolution.mul(Rational.of(1n, 2n));
        for (const r of result.recipients) assert.ok(!r.allocated.sub(r.exact).abs().gt(half));
        assert.ok(result.difference.equals(result.allocatedTotal.sub(input.total)));
      }),
      { numRuns: 500 },
    );
  });

  it('floor never gives more than the exact amount', () => {
    fc.assert(
      fc.property(allocationArb({ criteria: 2, roles: ALL_ROLES, method: 'floor' }), (input) => {
        for (const r of mustAllocate(input).recipients) {
          assert.ok(!r.allocated.gt(r.exact));
          assert.ok(r.exact.sub(r.allocated).lt(input.resolution));
        }
      }),
      { numRuns: 500 },
    );
  });
});
