// The course statistics as an Excel workbook (exceljs; docs/formats.md, "Forløb: import og statistik"):
// one sheet per breakdown, each with a title, the counting rule, a header row and the figures as
// numbers (not text), so KKR's secretariat can sum and chart them further.
import ExcelJS from 'exceljs';
import { addSheet } from '../allocations/spreadsheet.ts';
import { guidanceCategories, guidanceCategoryLabels, guidanceThemeLabels, guidanceThemes } from '../../domain/guidance/guidance.types.ts';
import type { CourseStatistics } from './course-stats.service.ts';
import { monthNames } from './course-stats.views.tsx';

interface Sheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number)[][];
  /** Adds a total row summing the number columns (SUM formulas with their values). */
  total?: boolean;
}

const COUNTING_RULE =
  'Et forløb tæller i hvert år med et registreret møde; uden møder i sit startår. Ny virksomhed: ikke vejledt af erhvervshuset året før.';

/** A sheet in the shared house style (allocations/spreadsheet.ts), with the counting rule under the title. */
function addStatsSheet(workbook: ExcelJS.Workbook, title: string, sheet: Sheet): void {
  const summed = sheet.total && sheet.rows.length > 0 ? sheet.columns.map((_, i) => i > 0 && typeof sheet.rows[0]![i] === 'number') : [];
  addSheet(workbook, {
    name: sheet.name,
    title,
    lines: [COUNTING_RULE],
    columns: sheet.columns.map((c, i) => ({ ...c, numFmt: '#,##0', sum: summed[i] ?? false })),
    rows: sheet.rows,
    ...(summed.length > 0 ? { totalLabel: 'I alt', totals: Object.fromEntries(summed.flatMap((sum, i) => (sum ? [[i, sheet.rows.reduce((total, row) => total + (row[i] as number), 0)]] : []))) } : {}),
  });
}

export async function courseStatsWorkbook(s: CourseStatistics): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Knudepunkt';
  const title = `Forløbsstatistik ${s.year} – ${s.hub.name}`;
  const totalCourses = guidanceCategories.reduce((sum, c) => sum + s.courses[c], 0);
  const sheets: Sheet[] = [
    {
      name: 'Nøgletal',
      columns: [{ header: 'Nøgletal', width: 44 }, { header: 'Antal', width: 12 }],
      rows: [
        ['Unikke virksomheder', s.uniqueCompanies],
        [`Heraf nye (ikke vejledt i ${s.year - 1})`, s.newCompanies],
        ['Forløb i alt', totalCourses],
      ],
    },
    {
      name: 'Kategorier',
      columns: [{ header: 'Kategori', width: 24 }, { header: 'Nøgle', width: 16 }, { header: 'Forløb', width: 12 }],
      rows: guidanceCategories.map((c) => [guidanceCategoryLabels[c].da, c, s.courses[c]]),
      total: true,
    },
    {
      name: 'Kommuner',
      columns: [{ header: 'Kommune', width: 24 }, { header: 'Kommunekode', width: 14 }, { header: 'Unikke virksomheder', width: 20 }, { header: 'Forløb', width: 12 }],
      rows: Object.entries(s.byMunicipality).map(([code, m]) => [s.municipalityNames[code] ?? code, code, m.uniqueCompanies, m.courses]),
    },
    {
      name: 'Tematikker',
      columns: [{ header: 'Tematik', width: 40 }, { header: 'Nøgle', width: 22 }, { header: 'Forløb', width: 12 }],
      rows: guidanceThemes.map((theme) => [guidanceThemeLabels[theme].da, theme, s.byTheme[theme]]),
    },
    {
      name: 'Måneder',
      columns: [{ header: 'Måned', width: 16 }, { header: 'Nr.', width: 6 }, { header: 'Forløb', width: 12 }],
      rows: s.byMonth.map((value, i) => [monthNames.da[i]!, i + 1, value]),
    },
  ];
  for (const sheet of sheets) addStatsSheet(workbook, title, sheet);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** "forloebsstatistik-nordjylland-2023.xlsx". */
export const courseStatsFileName = (s: Pick<CourseStatistics, 'hub' | 'year'>) => `forloebsstatistik-${s.hub.id}-${s.year}.xlsx`;
