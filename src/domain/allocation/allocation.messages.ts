// The error vocabulary of allocations: one stable code and one Danish message per failure
// (spec 06: "a stable code, a user-safe Danish message"; spec 05: bad input "is refused with a
// message that names the field"). Every message names the field and, where there is one, the value.
import type { Rational } from '../money/rational.ts';
import { describeInputValue, formatDanishNumber, formatDanishPercent } from './allocation.format.ts';
import type { AllocationError } from './allocation.types.ts';

const err = (field: string, code: string, message: string): AllocationError => ({ field, code, message });
const n = (value: Rational): string => formatDanishNumber(value, 10);

export const allocationErrors = {
  required: (field: string) => err(field, 'required', `Feltet "${field}" mangler.`),
  invalidType: (field: string, expected: string, value: unknown) =>
    err(field, 'invalid_type', `Feltet "${field}" skal være ${expected}, men er ${describeInputValue(value)}.`),
  notANumber: (field: string, value: unknown) =>
    err(
      field,
      'not_a_number',
      `Feltet "${field}" skal være et tal (fx 0.5, "0.5" eller "1/3"), men er ${describeInputValue(value)}.`,
    ),
  rootNotObject: (value: unknown) =>
    err('', 'invalid_type', `Fordelingen skal være et JSON-objekt ({…}), men er ${describeInputValue(value)}.`),
  emptyText: (field: string) => err(field, 'empty_text', `Feltet "${field}" må ikke være tomt.`),
  unknownField: (field: string) =>
    err(field, 'unknown_field', `Feltet "${field}" kendes ikke – tjek stavningen (store og små bogstaver tæller).`),
  unknownMethod: (field: string, value: string) =>
    err(
      field,
      'unknown_method',
      `"${field}" er "${value}" – kendte afrundingsmetoder er largestRemainder, roundEach og floor.`,
    ),
  unknownUnit: (field: string, value: string) =>
    err(field, 'unknown_unit', `"${field}" er "${value}" – kendte enheder er DKK, 1000 DKK, places og persons.`),

  negativeTotal: (value: Rational) =>
    err('total', 'negative_total', `"total" er ${n(value)} – totalen må ikke være negativ.`),
  nonPositiveResolution: (value: Rational) =>
    err('resolution', 'non_positive_resolution', `"resolution" er ${n(value)} – opløsningen skal være større end 0.`),
  totalNotMultiple: (total: Rational, resolution: Rational) =>
    err(
      'total',
      'total_not_multiple',
      `"total" er ${n(total)}, som ikke er et helt antal gange opløsningen ${n(resolution)} ("resolution").`,
    ),

  noCriteria: () =>
    err('criteria', 'no_criteria', 'Der er ingen kriterier i "criteria" – angiv mindst ét kriterium med nøgle og vægt.'),
  weightsNotOne: (sum: Rational) =>
    err('criteria', 'weights_not_one', `Vægtene i "criteria" summerer til ${n(sum)} – de skal summere til 1.`),
  negativeWeight: (field: string, value: Rational) =>
    err(field, 'negative_weight', `Vægten i "${field}" er ${n(value)} – den må ikke være negativ.`),
  duplicateCriterion: (field: string, key: string, firstIndex: number) =>
    err(
      field,
      'duplicate_criterion',
      `Kriteriet "${key}" i "${field}" findes allerede i "criteria[${firstIndex}].key" – hver nøgle må kun optræde én gang.`,
    ),
  zeroCriterionSum: (field: string, key: string) =>
    err(
      field,
      'zero_criterion_sum',
      `Alle værdier for kriteriet "${key}" ("${field}") er 0 hos de modtagere, der fordeles efter kriterierne – ` +
        'der kan ikke fordeles efter en sum på 0 (division med 0). Ret værdierne eller sæt vægten til 0.',
    ),

  noRecipients: () => err('recipients', 'no_recipients', 'Der er ingen modtagere i "recipients".'),
  duplicateRecipient: (field: string, id: string, firstIndex: number) =>
    err(
      field,
      'duplicate_recipient',
      `Modtager-id'et "${id}" i "${field}" findes allerede i "recipients[${firstIndex}].id" – id'er skal være entydige.`,
    ),
  missingValue: (field: string, id: string, key: string) =>
    err(field, 'missing_value', `Værdien "${field}" mangler – modtageren "${id}" skal have en værdi for kriteriet "${key}".`),
  negativeValue: (field: string, value: Rational) =>
    err(field, 'negative_value', `Værdien i "${field}" er ${n(value)} – den må ikke være negativ.`),

  fixedShareOutOfRange: (field: string, value: Rational) =>
    err(
      field,
      'fixed_share_out_of_range',
      `Den faste andel i "${field}" er ${n(value)} – den skal ligge mellem 0 og 1 (fx 0.072 for 7,2 %).`,
    ),
  fixedSharesOver100: (sum: Rational) =>
    err(
      'recipients',
      'fixed_shares_over_100',
      `De faste andele ("fixedShare") i "recipients" summerer til ${formatDanishPercent(sum, 10)} – de må højst summere til 100 %.`,
    ),
  noRecipientForRest: (fixedSum: Rational) =>
    err(
      'recipients',
      'no_recipient_for_rest',
      `De faste andele ("fixedShare") i "recipients" summerer til ${formatDanishPercent(fixedSum, 10)}, men ingen ` +
        'modtager fordeles efter kriterierne, så resten kan ikke fordeles.',
    ),
  exemptWithFixedShare: (field: string, id: string) =>
    err(field, 'exempt_with_fixed_share', `Modtageren "${id}" er fritaget ("exempt") og kan ikke samtidig have en fast andel ("${field}").`),
  exemptWithTransfer: (field: string, id: string) =>
    err(field, 'exempt_with_transfer', `Modtageren "${id}" er fritaget ("exempt") og har intet at overdrage ("${field}").`),

  unknownTransferTarget: (field: string, target: string) =>
    err(field, 'unknown_transfer_target', `"${field}" peger på "${target}", som ikke er en modtager i fordelingen.`),
  transferToSelf: (field: string, id: string) =>
    err(field, 'transfer_to_self', `"${field}" peger på modtageren selv ("${id}") – en modtager kan ikke overtage sin egen andel.`),
  transferToExempt: (field: string, target: string) =>
    err(field, 'transfer_to_exempt', `"${field}" peger på "${target}", som er fritaget ("exempt") og ikke kan overtage andele.`),
  transferCycle: (field: string, cycle: readonly string[]) =>
    err(
      field,
      'transfer_cycle',
      `"${field}" indgår i en ring af overdragelser (${cycle.join(' → ')}) – andelen ville aldrig lande hos nogen.`,
    ),

  negativeFactor: (field: string, value: Rational) =>
    err(field, 'negative_factor', `Faktoren i "${field}" er ${n(value)} – den må ikke være negativ.`),
  duplicateDerived: (field: string, name: string) =>
    err(field, 'duplicate_derived', `Kolonnen "${name}" i "${field}" findes allerede – navnene i "derived" skal være entydige.`),
};
