// The invoice list of a base grant as Excel and CSV: one line per municipality and a total row.
// For a grant in 1.000 kr. a column in whole kroner follows, as finance systems invoice in kroner.
import { parseDecimal, Rational } from '../../domain/money/rational.ts';
import { addSheet, cellNumber, csvNumber, toCsv, workbookBuffer } from '../allocations/spreadsheet.ts';
import type { BaseGrant } from './base-grants.schema.ts';

const THOUSAND = Rational.of(1000n);

function amounts(grant: BaseGrant) {
  const lines = grant.lines.map((l) => ({ ...l, value: parseDecimal(l.amount)! }));
  const total = lines.reduce((sum, l) => sum.add(l.value), Rational.ZERO);
  return { lines, total, inThousands: grant.unit === '1000 DKK' };
}

export const invoiceTitle = (grant: BaseGrant): string =>
  `${grant.source === 'published' ? 'Udgivet basisbevilling' : 'Basisbevilling'} ${grant.year} – ${grant.businessHubName}`;

export function invoiceCsv(grant: BaseGrant): string {
  const { lines, total, inThousands } = amounts(grant);
  const header = ['Kommunekode', 'Kommune', inThousands ? 'Beløb (1.000 kr.)' : 'Beløb (kr.)', ...(inThousands ? ['Beløb (kr.)'] : [])];
  const rows = lines.map((l) => [l.municipalityCode, l.municipalityName, csvNumber(l.value), ...(inThousands ? [csvNumber(l.value.mul(THOUSAND))] : [])]);
  const totalRow = ['', 'I alt', csvNumber(total), ...(inThousands ? [csvNumber(total.mul(THOUSAND))] : [])];
  return toCsv([header, ...rows, totalRow]);
}

export function invoiceXlsx(grant: BaseGrant): Promise<Uint8Array<ArrayBuffer>> {
  const { lines, total, inThousands } = amounts(grant);
  const format = lines.every((l) => l.value.isInteger()) ? '#,##0' : '#,##0.00';
  return workbookBuffer((workbook) => {
    addSheet(workbook, {
      name: 'Fakturaliste',
      title: invoiceTitle(grant),
      lines: [
        `Fordelt efter: ${grant.keyBasis}`,
        `Fordelingsnøgle: version ${grant.allocationVersion}. Oplyst total: ${csvNumber(parseDecimal(grant.statedTotal)!)} ${inThousands ? '(1.000 kr.)' : 'kr.'}`,
      ],
      columns: [
        { header: 'Kommunekode', width: 13 },
        { header: 'Kommune', width: 22 },
        { header: inThousands ? 'Beløb (1.000 kr.)' : 'Beløb (kr.)', width: 18, numFmt: format, sum: true },
        ...(inThousands ? [{ header: 'Beløb (kr.)', width: 18, numFmt: format, sum: true }] : []),
      ],
      rows: lines.map((l) => [l.municipalityCode, l.municipalityName, cellNumber(l.value), ...(inThousands ? [cellNumber(l.value.mul(THOUSAND))] : [])]),
      totalLabel: 'I alt',
      totals: inThousands ? { 2: cellNumber(total), 3: cellNumber(total.mul(THOUSAND)) } : { 2: cellNumber(total) },
    });
  });
}
