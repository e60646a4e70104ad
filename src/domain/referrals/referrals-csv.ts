// The referrals CSV (docs/formats.md, "Henvisninger (CSV)"), for migrating referrals from an earlier
// system, on the principles of 02-crm.md ("Imports"): one referral per data line, or the line's errors,
// each naming line, column and value in Danish:
//   Linje 4, kolonne "state": "måske" er ikke en status – brug sent, received, contacted, …
// Pure: what needs the database (organisations, companies, an earlier import of the same referral_id)
// is checked by the import service (src/features/referrals/referral-import.service.ts).
//
// Decisions:
// - Required columns: referral_id, created, from_organisation, to_organisation, cvr, company_name,
//   municipality_code, theme, state; optional: kind, outcome, rejection_reason, note, received,
//   contacted, closed, service_goal_hours. Any order, names without case.
// - Times are Danish: a date (31-12-2023 or 2023-12-31, then midnight) or a date and a time
//   (2023-12-31 14:05). They must follow each other: created ≤ received ≤ contacted ≤ closed.
// - The state decides what must be there: closed needs outcome and closed; rejected needs
//   rejection_reason and closed; withdrawn needs closed; contacted and inProgress need contacted; an
//   open referral (sent, received, contacted, inProgress) has no closed, and sent has no contacted.
// - An empty cvr means a pre-starter, identified by company_name and municipality_code (as activities).
import { readCvr } from '../companies/cvr.ts';
import { copenhagenMidnight } from '../danish-time.ts';
import { matchKey, readDate, type FieldReading } from '../guidance/courses-csv.fields.ts';
import { createCsvSheetParser, rowCells, type CsvCellError, type CsvDataRecord, type CsvSheetParser } from '../guidance/csv-sheet.ts';
import { readMunicipalityCode } from '../municipality-code.ts';
import { referralKinds, referralOutcomeLabels, referralOutcomes, referralStateLabels, referralStates, type ReferralKind, type ReferralOutcome, type ReferralState } from './referral-states.ts';

export const referralCsvRequiredColumns = ['referral_id', 'created', 'from_organisation', 'to_organisation', 'cvr', 'company_name', 'municipality_code', 'theme', 'state'] as const;
export const referralCsvOptionalColumns = ['kind', 'outcome', 'rejection_reason', 'note', 'received', 'contacted', 'closed', 'service_goal_hours'] as const;
export type ReferralCsvColumn = (typeof referralCsvRequiredColumns)[number] | (typeof referralCsvOptionalColumns)[number];

/** One referral as the file states it; the import service resolves names to rows. */
export interface ReferralCsvReferral {
  referralId: string;
  kind: ReferralKind;
  createdAt: Date;
  fromOrganisation: string;
  toOrganisation: string;
  cvr: string | null;
  companyName: string | null;
  municipalityCode: string | null;
  theme: string;
  state: ReferralState;
  outcome: ReferralOutcome | null;
  rejectionReason: string | null;
  note: string | null;
  receivedAt: Date | null;
  contactedAt: Date | null;
  closedAt: Date | null;
  serviceGoalHours: number | null;
}

export type ReferralCsvError = CsvCellError;
export type ReferralCsvRow = { line: number; referral: ReferralCsvReferral } | { line: number; errors: ReferralCsvError[] };

function labelled<K extends string>(keys: readonly K[], labels: Record<K, { da: string; en: string }>): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of keys) for (const name of [key, labels[key].da, labels[key].en]) map.set(matchKey(name), key);
  return map;
}
const stateByName = labelled(referralStates, referralStateLabels);
const outcomeByName = labelled(referralOutcomes, referralOutcomeLabels);
const kindByName = new Map<string, ReferralKind>([...referralKinds.map((k) => [k, k] as const), ['henvisning', 'referral'], ['screening', 'lead']]);

/** Danish time: a date (midnight) or a date and HH:MM. */
export function readInstant(text: string): FieldReading<Date> {
  const match = /^(\S+)(?:[ T](\d{1,2})[:.](\d{2}))?$/.exec(text.trim());
  const date = match ? readDate(match[1]!) : undefined;
  const [hour, minute] = [Number(match?.[2] ?? 0), Number(match?.[3] ?? 0)];
  if (!match || !date?.ok || hour > 23 || minute > 59) return { ok: false, message: `"${text}" er ikke et tidspunkt – skriv en dato (31-12-2023 eller 2023-12-31), evt. med klokkeslæt (2023-12-31 14:05).` };
  return { ok: true, value: new Date(copenhagenMidnight(date.value).getTime() + hour * 3_600_000 + minute * 60_000) };
}

/** The push parser: feed physical lines (without line breaks), get rows; `end()` after the last line. */
export function createReferralsCsvParser(municipalityCodes: ReadonlySet<string>): CsvSheetParser<ReferralCsvRow> {
  return createCsvSheetParser({
    required: referralCsvRequiredColumns,
    optional: referralCsvOptionalColumns,
    sheetName: 'et henvisningsark',
    semicolonHint: 'Står der semikolon i tema eller note uden anførselstegn? Sæt feltet i anførselstegn.',
    rowReader: () => {
      const firstLineOfId = new Map<string, number>();
      return (record, columns) => readReferral(record, columns, municipalityCodes, firstLineOfId);
    },
  });
}

function readReferral(record: CsvDataRecord, columns: ReadonlyMap<ReferralCsvColumn, number>, municipalityCodes: ReadonlySet<string>, firstLineOfId: Map<string, number>): ReferralCsvRow {
  const { line, errors, cell, fail, take, uniqueId } = rowCells(record, columns);
  const referralId = uniqueId('referral_id', firstLineOfId, 'feltet er tomt – angiv kildesystemets id for henvisningen.');
  if (referralId.length > 100) fail('referral_id', referralId, 'id’et må højst være 100 tegn.');

  const instant = (column: 'created' | 'received' | 'contacted' | 'closed'): Date | null | undefined => (cell(column) === '' ? null : take(column, readInstant(cell(column))));
  const createdAt = instant('created');
  if (cell('created') === '') fail('created', '', 'feltet er tomt – angiv hvornår henvisningen blev sendt (31-12-2023 eller 2023-12-31 14:05).');
  const receivedAt = instant('received');
  const contactedAt = instant('contacted');
  const closedAt = instant('closed');

  const fromOrganisation = cell('from_organisation').replace(/\s+/g, ' ');
  if (fromOrganisation === '') fail('from_organisation', '', 'feltet er tomt – angiv den henvisende organisations navn, fx Erhvervshus Nordjylland.');
  const toOrganisation = cell('to_organisation').replace(/\s+/g, ' ');
  if (toOrganisation === '') fail('to_organisation', '', 'feltet er tomt – angiv den modtagende organisations navn, fx Eksportrådet.');
  else if (matchKey(toOrganisation) === matchKey(fromOrganisation)) fail('to_organisation', toOrganisation, 'en organisation kan ikke henvise til sig selv.');

  let cvr: string | null = null;
  if (cell('cvr') !== '') {
    const reading = readCvr(cell('cvr'));
    if (reading.ok) cvr = reading.cvr;
    else fail('cvr', cell('cvr'), reading.message);
  }
  const companyName = cell('company_name') === '' ? null : cell('company_name').replace(/\s+/g, ' ');
  if (cell('cvr') === '' && companyName === null) fail('company_name', '', 'feltet er tomt – navnet skal udfyldes, når cvr er tom (førstarter).');
  let municipalityCode: string | null = null;
  if (cell('municipality_code') !== '') {
    const reading = readMunicipalityCode(cell('municipality_code'), municipalityCodes);
    if (reading.kind === 'municipality') municipalityCode = reading.code;
    else fail('municipality_code', cell('municipality_code'), reading.kind === 'region' ? `"${cell('municipality_code')}" er en regionskode (${reading.name}), ikke en kommunekode.` : reading.message);
  } else if (cell('cvr') === '') fail('municipality_code', '', 'feltet er tomt – kommunekoden skal udfyldes, når cvr er tom (førstarter).');

  const theme = cell('theme').replace(/\s+/g, ' ');
  if (theme === '') fail('theme', '', 'feltet er tomt – angiv temaet eller årsagen til henvisningen.');
  else if (theme.length > 200) fail('theme', theme, `temaet har ${theme.length} tegn; højst 200.`);

  const state = stateByName.get(matchKey(cell('state')));
  if (!state) fail('state', cell('state'), `${cell('state') === '' ? 'feltet er tomt' : `"${cell('state')}" er ikke en status`} – brug ${referralStates.join(', ')} (eller sendt, modtaget, kontaktet, i gang, afsluttet, afvist, trukket tilbage).`);
  let kind: ReferralKind = 'referral';
  if (cell('kind') !== '') {
    const found = kindByName.get(matchKey(cell('kind')));
    if (found) kind = found;
    else fail('kind', cell('kind'), `"${cell('kind')}" er ikke en type – brug referral eller lead.`);
  }
  let outcome: ReferralOutcome | null = null;
  if (cell('outcome') !== '') {
    const found = outcomeByName.get(matchKey(cell('outcome')));
    if (!found) fail('outcome', cell('outcome'), `"${cell('outcome')}" er ikke et udfald – brug used, notUsed eller notRelevant (eller brugt, ikke brugt, ikke relevant).`);
    else if (state && state !== 'closed') fail('outcome', cell('outcome'), `kun en afsluttet henvisning (state = closed) har et udfald; denne er "${state}".`);
    else outcome = found;
  } else if (state === 'closed') fail('outcome', '', 'feltet er tomt – en afsluttet henvisning skal have et udfald (used, notUsed eller notRelevant).');
  const rejectionReason = cell('rejection_reason') === '' ? null : cell('rejection_reason');
  if (state === 'rejected' && rejectionReason === null) fail('rejection_reason', '', 'feltet er tomt – en afvist henvisning skal have en begrundelse.');
  if (state && state !== 'rejected' && rejectionReason !== null) fail('rejection_reason', rejectionReason, `kun en afvist henvisning (state = rejected) har en begrundelse; denne er "${state}".`);
  if (rejectionReason !== null && rejectionReason.length > 2000) fail('rejection_reason', `${rejectionReason.slice(0, 40)} …`, `begrundelsen har ${rejectionReason.length} tegn; højst 2000.`);
  const note = cell('note') === '' ? null : cell('note');
  if (note !== null && note.length > 5000) fail('note', `${note.slice(0, 40)} …`, `noten har ${note.length} tegn; højst 5000.`);

  let serviceGoalHours: number | null = null;
  if (cell('service_goal_hours') !== '') {
    const text = cell('service_goal_hours');
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 720) fail('service_goal_hours', text, `"${text}" er ikke et servicemål – skriv et helt antal timer fra 1 til 720.`);
    else serviceGoalHours = Number(text);
  }

  // What the state needs, and the order of the times.
  if (state) {
    const closedStates: ReferralState[] = ['closed', 'rejected', 'withdrawn'];
    if (closedStates.includes(state) && cell('closed') === '') fail('closed', '', `feltet er tomt – en henvisning med status "${state}" skal have et tidspunkt for afslutningen.`);
    if (!closedStates.includes(state) && cell('closed') !== '') fail('closed', cell('closed'), `en åben henvisning (status "${state}") har ikke et afslutningstidspunkt.`);
    if ((state === 'contacted' || state === 'inProgress') && cell('contacted') === '') fail('contacted', '', `feltet er tomt – en henvisning med status "${state}" skal have tidspunktet for første kontakt.`);
    if ((state === 'sent' || state === 'received') && cell('contacted') !== '') fail('contacted', cell('contacted'), `en henvisning med status "${state}" er ikke kontaktet endnu.`);
    if (state === 'sent' && cell('received') !== '') fail('received', cell('received'), 'en henvisning med status "sent" er ikke modtaget endnu.');
  }
  const order: ['created' | 'received' | 'contacted' | 'closed', Date | null | undefined][] = [
    ['created', createdAt],
    ['received', receivedAt],
    ['contacted', contactedAt],
    ['closed', closedAt],
  ];
  let previous: ['created' | 'received' | 'contacted' | 'closed', Date] | null = null;
  for (const [column, value] of order) {
    if (!value) continue;
    if (previous && value.getTime() < previous[1].getTime()) fail(column, cell(column), `tidspunktet ligger før ${previous[0]} (${cell(previous[0])}).`);
    previous = [column, value];
  }

  if (errors.length > 0 || !createdAt || !state || receivedAt === undefined || contactedAt === undefined || closedAt === undefined) return { line, errors };
  return {
    line,
    referral: { referralId, kind, createdAt, fromOrganisation, toOrganisation, cvr, companyName, municipalityCode, theme, state, outcome, rejectionReason, note, receivedAt, contactedAt, closedAt, serviceGoalHours },
  };
}
