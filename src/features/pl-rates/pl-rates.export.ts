// The uplift (and payback) as CSV and Excel; columns in docs/formats.md, "Fordelingsnøgler".
import { formatDanishNumber } from '../../domain/allocation/allocation.ts';
import { Rational } from '../../domain/money/rational.ts';
import { addSheet, amountFormat, cellNumber, csvNumber, toCsv, workbookBuffer } from '../allocations/spreadsheet.ts';
import type { UpliftView } from './pl-rates.service.ts';

export const modeLabel = (mode: string): string =>
  mode === 'exactSum' ? 'samlet afrunding (rækkerne summerer præcis til den fremskrevne total)' : 'hver række afrundet for sig (hver kommune kan efterregne sin linje)';

export function upliftTitle(u: UpliftView): string {
  return `PL-fremskrivning af ${u.view.version.name} (version ${u.view.version.version})`;
}

export function upliftLines(u: UpliftView): string[] {
  const lines = [
    `Bidrag i år × ${formatDanishNumber(u.uplift.factor, 10)} (PL ${formatDanishNumber(u.rate.percent)} %). Sats: ${u.rate.label}.`,
    `Afrunding: ${u.query.rounding === 'oere' ? 'øre' : 'hele kroner'}; ${modeLabel(u.query.mode)}.`,
  ];
  if (u.payback) {
    lines.push(
      `Tilbagebetaling af overskud: ${formatDanishNumber(u.payback.paidBack)} kr. fordelt efter samme nøgle (${u.view.explanation.replace(/\.$/, '')}).`,
    );
  }
  return lines;
}

export function upliftCsv(u: UpliftView): string {
  const payback = new Map(u.payback?.allocation.recipients.map((r) => [r.id, r.allocated]) ?? []);
  const header = ['Kommunekode', 'Kommune', 'Bidrag i år (kr.)', 'Præcist fremskrevet (kr.)', 'Afrundet pr. række (kr.)', 'Samlet afrunding (kr.)', 'Forskel', 'Næste års bidrag (kr.)', ...(u.payback ? ['Tilbagebetaling (kr.)'] : [])];
  const rows = u.uplift.rows.map((r) => [
    r.id,
    r.name,
    csvNumber(r.current),
    csvNumber(r.exact),
    csvNumber(r.perRow),
    csvNumber(r.exactSum),
    csvNumber(r.difference),
    csvNumber(r.uplifted),
    ...(u.payback ? [csvNumber(payback.get(r.id) ?? Rational.ZERO)] : []),
  ]);
  const t = u.uplift;
  const total = ['', 'I alt', csvNumber(t.currentTotal), csvNumber(t.exactTotal), csvNumber(t.perRowTotal), csvNumber(t.exactSumTotal), csvNumber(t.exactSumTotal.sub(t.perRowTotal)), csvNumber(t.upliftedTotal), ...(u.payback ? [csvNumber(u.payback.paidBack)] : [])];
  return toCsv([header, ...rows, total]);
}

export function upliftXlsx(u: UpliftView): Promise<Uint8Array<ArrayBuffer>> {
  const payback = new Map(u.payback?.allocation.recipients.map((r) => [r.id, r.allocated]) ?? []);
  const amount = amountFormat(u.resolution);
  const t = u.uplift;
  return workbookBuffer((workbook) => {
    addSheet(workbook, {
      name: 'PL-fremskrivning',
      title: upliftTitle(u),
      lines: upliftLines(u),
      columns: [
        { header: 'Kommunekode', width: 13 },
        { header: 'Kommune', width: 20 },
        { header: 'Bidrag i år (kr.)', width: 18, numFmt: amount, sum: true },
        { header: 'Præcist fremskrevet (kr.)', width: 22, numFmt: '#,##0.0000', sum: true },
        { header: 'Afrundet pr. række (kr.)', width: 20, numFmt: amount, sum: true },
        { header: 'Samlet afrunding (kr.)', width: 20, numFmt: amount, sum: true },
        { header: 'Forskel', width: 10, numFmt: amount, sum: true },
        { header: 'Næste års bidrag (kr.)', width: 20, numFmt: amount, sum: true },
        ...(u.payback ? [{ header: 'Tilbagebetaling (kr.)', width: 20, numFmt: amount, sum: true }] : []),
      ],
      rows: t.rows.map((r) => [
        r.id,
        r.name,
        cellNumber(r.current),
        cellNumber(r.exact, 6),
        cellNumber(r.perRow),
        cellNumber(r.exactSum),
        cellNumber(r.difference),
        cellNumber(r.uplifted),
        ...(u.payback ? [cellNumber(payback.get(r.id) ?? Rational.ZERO)] : []),
      ]),
      totalLabel: 'I alt',
      totals: {
        2: cellNumber(t.currentTotal),
        3: cellNumber(t.exactTotal, 6),
        4: cellNumber(t.perRowTotal),
        5: cellNumber(t.exactSumTotal),
        6: cellNumber(t.exactSumTotal.sub(t.perRowTotal)),
        7: cellNumber(t.upliftedTotal),
        8: u.payback ? cellNumber(u.payback.paidBack) : 0,
      },
    });
  });
}
