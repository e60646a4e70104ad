// The annual report to KKR as an Excel workbook (exceljs; the house style of allocations/spreadsheet.ts):
// a sheet each for the summary, the targets, the activities, the geographic spread and the development.
// Figures are number cells (formatted with the precision they are shown with: one decimal for shares
// and NPS, whole numbers for counts), and the exact value is written next to a result as text, so the
// secretariat can both calculate further and see what the goal was judged on.
import ExcelJS from 'exceljs';
import { addSheet } from '../allocations/spreadsheet.ts';
import { formatDanishDateTime, formatDanishPeriod } from '../../domain/contracts/report.build.ts';
import type { ContractReport, ReportNumber, ReportTarget } from '../../domain/contracts/report.types.ts';

type Cell = string | number | null;

export interface ReportFileHeader {
  version: number;
  issuedAt: string;
}

interface Column {
  header: string;
  width: number;
  /** Excel number format for number cells in this column. */
  format?: string;
}

const ONE_DECIMAL = '0.0';
const WHOLE = '#,##0';

/** "362/5" → 72.4, "-13/2" → -6.5: the exact value as the nearest double, for a number cell. */
export function exactNumber(n: ReportNumber | null): number | null {
  if (n === null) return null;
  const [num, den] = n.exact.split('/');
  const value = den === undefined ? Number(num) : Number(num) / Number(den);
  return Number.isFinite(value) ? value : null;
}

/** "55,0" → 55 (an interval bound as shown). */
const shownNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

const holdsText = (holds: boolean | null) => (holds === null ? 'kan ikke vurderes' : holds ? 'ja' : 'nej');

function describe(report: ContractReport, header: ReportFileHeader | undefined): string {
  const version = header === undefined ? 'ikke udstedt (foreløbige tal)' : `version ${header.version}, udstedt ${formatDanishDateTime(header.issuedAt)}`;
  return `${report.kkr} og ${report.hub} · dataperiode ${formatDanishPeriod(report.period)} · beregnet ${formatDanishDateTime(report.computedAt)} · ${version}`;
}

/**
 * A sheet in the shared house style (allocations/spreadsheet.ts): title, the report's line, header,
 * rows; number cells formatted by their column (whole numbers unless it says otherwise) or `cellFormat`,
 * and an "I alt" row summing the `total` columns.
 */
function addReportSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  subtitle: string,
  columns: Column[],
  rows: Cell[][],
  total: number[] = [],
  cellFormat?: (row: number, column: number) => string | undefined,
): ExcelJS.Worksheet {
  const sum = (i: number) => rows.reduce((s, row) => s + (typeof row[i] === 'number' ? (row[i] as number) : 0), 0);
  return addSheet(workbook, {
    name,
    title,
    lines: [subtitle],
    columns: columns.map((c, i) => ({ header: c.header, width: c.width, numFmt: c.format ?? WHOLE, sum: total.includes(i) })),
    rows,
    cellFormat,
    ...(total.length > 0 && rows.length > 0 ? { totalLabel: 'I alt', totals: Object.fromEntries(total.map((i) => [i, sum(i)])) } : {}),
  });
}

function targetRow(goalNumber: number, goalStatus: string, t: ReportTarget): Cell[] {
  const activities = t.kind === 'activities' ? `${t.activities.filter((a) => a.status === 'done').length} af ${t.activities.length} gennemført` : null;
  return [
    goalNumber,
    t.label,
    t.requirement,
    exactNumber(t.result) ?? activities,
    t.unit === '' ? null : t.unit,
    t.result?.exact ?? null,
    t.n,
    t.interval === null ? null : shownNumber(t.interval.low),
    t.interval === null ? null : shownNumber(t.interval.high),
    t.period?.from ?? null,
    t.period?.to ?? null,
    t.source,
    holdsText(t.holds),
    t.missing,
    goalStatus,
    t.baseline,
    t.drillDownPath,
  ];
}

export async function renderReportWorkbook(report: ContractReport, header?: ReportFileHeader): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Knudepunkt';
  workbook.title = `Afrapportering ${report.year}: ${report.title}`;
  const title = `Afrapportering ${report.year} – ${report.title}`;
  const subtitle = describe(report, header);

  const summary = addReportSheet(
    workbook,
    'Sammenfatning',
    title,
    subtitle,
    [
      { header: 'Mål', width: 6 },
      { header: 'Titel', width: 40 },
      { header: 'Art', width: 18 },
      { header: 'Opfyldelse (%)', width: 15, format: '0.#' },
      { header: 'Status', width: 16 },
      { header: 'Vurdering', width: 80 },
    ],
    report.goals.map((g) => [g.number, g.title, g.kindLabel, exactNumber(g.fulfilment), g.statusLabel, g.explanation]),
  );
  summary.addRow([]);
  const s = report.summary;
  for (const [label, value] of [
    ['Opfyldt', s.fulfilled],
    ['Delvist opfyldt', s.partlyFulfilled],
    ['Ikke opfyldt', s.notFulfilled],
    ['Ikke målbart', s.notMeasurable],
    ['Mål i alt', s.total],
  ] as const) {
    summary.addRow([null, label, null, null, value]).font = label === 'Mål i alt' ? { bold: true } : {};
  }
  if (report.baseGrant !== null) {
    summary.addRow([]);
    const grant = summary.addRow([null, 'Basisbevilling (kr.)', null, null, exactNumber(report.baseGrant.amount), report.baseGrant.distributionKey]);
    grant.getCell(5).numFmt = WHOLE;
  }

  const targets = report.goals.flatMap((g) => g.targets);
  addReportSheet(
    workbook,
    'Mål',
    title,
    subtitle,
    [
      { header: 'Mål', width: 6 },
      { header: 'Målepunkt', width: 48 },
      { header: 'Krav', width: 26 },
      { header: 'Resultat', width: 12, format: ONE_DECIMAL },
      { header: 'Enhed', width: 12 },
      { header: 'Eksakt', width: 14 },
      { header: 'n', width: 8, format: WHOLE },
      { header: 'Interval fra', width: 12, format: ONE_DECIMAL },
      { header: 'Interval til', width: 12, format: ONE_DECIMAL },
      { header: 'Periode fra', width: 12 },
      { header: 'Periode til', width: 12 },
      { header: 'Kilde', width: 30 },
      { header: 'Opfyldt', width: 16 },
      { header: 'Mangler', width: 40 },
      { header: 'Målets status', width: 16 },
      { header: 'Udgangspunkt', width: 30 },
      { header: 'Grundlag (sti)', width: 40 },
    ],
    report.goals.flatMap((g) => g.targets.map((t) => targetRow(g.number, g.statusLabel, t))),
    undefined,
    (r, c) => (c === 3 && targets[r]?.kind === 'count' ? WHOLE : undefined),
  );

  addReportSheet(
    workbook,
    'Indsatser',
    title,
    subtitle,
    [
      { header: 'Mål', width: 6 },
      { header: 'Indsats', width: 48 },
      { header: 'Status', width: 28 },
      { header: 'Bemærkning', width: 30 },
      { header: 'Dokumentation', width: 14 },
      { header: 'Indhold', width: 40 },
      { header: 'Beskrivelse', width: 30 },
      { header: 'Dato', width: 12 },
    ],
    report.goals.flatMap((g) =>
      g.targets.flatMap((t) =>
        t.activities.flatMap((a): Cell[][] => {
          const base: Cell[] = [g.number, a.name, a.statusLabel, a.note];
          if (a.evidence.length === 0) return [[...base, null, null, null, null]];
          return a.evidence.map((e) => [...base, evidenceKindText[e.kind], e.value, e.label, e.date]);
        }),
      ),
    ),
  );

  addReportSheet(
    workbook,
    'Geografisk spredning',
    title,
    subtitle,
    [
      { header: 'Kommune', width: 24 },
      { header: 'Kommunekode', width: 14 },
      { header: 'Vejledte virksomheder', width: 22, format: WHOLE },
      { header: 'Forløb', width: 12, format: WHOLE },
      { header: 'Virksomheder i kommunen', width: 24, format: WHOLE },
      { header: 'Andel vejledt (%)', width: 18, format: ONE_DECIMAL },
    ],
    report.spread.map((r) => [r.municipalityName, r.municipalityCode, r.guidedCompanies, r.courses, r.companyPopulation, exactNumber(r.guidedShare)]),
    [2, 3],
  );

  addReportSheet(
    workbook,
    'Udvikling',
    title,
    subtitle,
    [
      { header: 'År', width: 8, format: '0' },
      { header: 'Unikke virksomheder', width: 20, format: WHOLE },
      { header: 'Forløb', width: 12, format: WHOLE },
      { header: 'NPS', width: 10, format: ONE_DECIMAL },
      { header: 'NPS, n', width: 10, format: WHOLE },
      { header: 'Henvisninger benyttet (%)', width: 24, format: ONE_DECIMAL },
      { header: 'Opfyldte mål', width: 14, format: WHOLE },
      { header: 'Mål i alt', width: 12, format: WHOLE },
    ],
    report.development.map((r) => [r.year, r.uniqueCompanies, r.courses, exactNumber(r.nps), r.npsN, exactNumber(r.referralUptakeShare), r.goalsFulfilled, r.goalsTotal]),
  );

  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const evidenceKindText = { text: 'Tekst', file: 'Fil', link: 'Link', date: 'Dato' } as const;

/** "afrapportering-nordjylland-2023.pdf"; an issued version: "afrapportering-nordjylland-2023-v2.xlsx". */
export function reportFileName(report: Pick<ContractReport, 'contractId'>, ext: 'pdf' | 'xlsx' | 'html' | 'json', header?: { version: number }): string {
  return `afrapportering-${report.contractId}${header === undefined ? '' : `-v${header.version}`}.${ext}`;
}
