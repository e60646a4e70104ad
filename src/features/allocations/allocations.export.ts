// An allocation version as CSV and Excel (columns: docs/formats.md, "Fordelingsnøgler").
import { compareWithPerRowRounding, describeRoundingMethod, formatDanishNumber, type AllocationResult } from '../../domain/allocation/allocation.ts';
import { Rational } from '../../domain/money/rational.ts';
import type { VersionView } from './allocations.service.ts';
import { unitLabel } from './allocations.table.tsx';
import { addSheet, amountFormat, cellNumber, csvNumber, toCsv, workbookBuffer } from './spreadsheet.ts';

function headers(result: AllocationResult): string[] {
  const unit = unitLabel(result.unit);
  return [
    'Kommunekode',
    'Kommune',
    'Andel',
    `Præcist beløb (${unit})`,
    `Tildelt (${unit})`,
    'Regneark (hver række afrundet)',
    'Forskel',
    ...result.derivedTotals.map((d) => d.name),
    'Note',
  ];
}

export function allocationCsv(view: VersionView): string {
  const { result } = view;
  const comparison = compareWithPerRowRounding(result);
  const rows = result.recipients.map((r, i) => [
    r.id,
    r.name,
    csvNumber(r.share),
    csvNumber(r.exact),
    csvNumber(r.allocated),
    csvNumber(comparison.rows[i]!.perRowRounded),
    csvNumber(comparison.rows[i]!.difference),
    ...r.derived.map((d) => csvNumber(d.value)),
    r.note ?? '',
  ]);
  const total = [
    '',
    'I alt',
    '1',
    csvNumber(result.total),
    csvNumber(result.allocatedTotal),
    csvNumber(comparison.perRowTotal),
    csvNumber(result.allocatedTotal.sub(comparison.perRowTotal)),
    ...result.derivedTotals.map((d) => csvNumber(d.valueTotal)),
    '',
  ];
  return toCsv([headers(result), ...rows, total]);
}

export async function allocationXlsx(view: VersionView): Promise<Uint8Array<ArrayBuffer>> {
  const { result, version } = view;
  const comparison = compareWithPerRowRounding(result);
  const amount = amountFormat(version.resolution);
  const sum = (values: Rational[]) => cellNumber(values.reduce((a, b) => a.add(b), Rational.ZERO));
  const rows = result.recipients.map((r, i) => [
    r.id,
    r.name,
    cellNumber(r.share, 12),
    cellNumber(r.exact, 6),
    cellNumber(r.allocated),
    cellNumber(comparison.rows[i]!.perRowRounded),
    cellNumber(comparison.rows[i]!.difference),
    ...r.derived.map((d) => cellNumber(d.value)),
    r.note,
  ]);
  const derivedColumns = result.derivedTotals.map((d) => ({ header: d.name, width: 16, numFmt: amount, sum: true }));
  return workbookBuffer((workbook) => {
    addSheet(workbook, {
      name: 'Fordeling',
      title: `${version.name} (version ${version.version})`,
      lines: [
        view.explanation,
        `Modtagere: ${view.recipientsLabel}. Afrunding: ${describeRoundingMethod(version.method)}; opløsning ${formatDanishNumber(version.resolution)} ${unitLabel(version.unit)}.`,
        `Kilde: ${version.criteria.map((c) => c.dataSetName).join(', ')}. Beregnet af Knudepunkt – de tildelte beløb summerer præcis til totalen.`,
      ],
      columns: [
        { header: 'Kommunekode', width: 13 },
        { header: 'Kommune', width: 20 },
        { header: 'Andel', width: 11, numFmt: '0.00%', sum: true },
        { header: headers(result)[3]!, width: 20, numFmt: '#,##0.0000', sum: true },
        { header: headers(result)[4]!, width: 18, numFmt: amount, sum: true },
        { header: 'Regneark (hver række afrundet)', width: 20, numFmt: amount, sum: true },
        { header: 'Forskel', width: 10, numFmt: amount, sum: true },
        ...derivedColumns,
        { header: 'Note', width: 40 },
      ],
      rows,
      totalLabel: 'I alt',
      totals: {
        2: 1,
        3: cellNumber(result.total, 6),
        4: cellNumber(result.allocatedTotal),
        5: cellNumber(comparison.perRowTotal),
        6: sum(comparison.rows.map((r) => r.difference)),
        ...Object.fromEntries(result.derivedTotals.map((d, i) => [7 + i, cellNumber(d.valueTotal)])),
      },
    });
  });
}
