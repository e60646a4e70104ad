// The course statistics as an Excel workbook (exceljs; docs/formats.md, "Forløb: import og statistik"):
// one sheet per breakdown, each with a title, the counting rule, a header row and the figures as
// numbers (not text), so KKR's secretariat can sum and chart them further.
import ExcelJS from 'exceljs';
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

function addSheet(workbook: ExcelJS.Workbook, title: string, sheet: Sheet): void {
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.columns = sheet.columns.map((c) => ({ width: c.width }));
  worksheet.addRow([title]).font = { bold: true, size: 14 };
  worksheet.addRow([COUNTING_RULE]);
  worksheet.addRow([]);
  const header = worksheet.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.border = { bottom: { style: 'thin' } }));
  for (const values of sheet.rows) worksheet.addRow(values).eachCell((cell) => typeof cell.value === 'number' && (cell.numFmt = '#,##0'));
  if (sheet.total && sheet.rows.length > 0) {
    const first = header.number + 1;
    const last = header.number + sheet.rows.length;
    const total = worksheet.addRow(['I alt']);
    total.font = { bold: true };
    sheet.columns.forEach((_, i) => {
      if (i === 0 || typeof sheet.rows[0]![i] !== 'number') return;
      const letter = worksheet.getColumn(i + 1).letter;
      const result = sheet.rows.reduce((sum, row) => sum + (row[i] as number), 0);
      const cell = total.getCell(i + 1);
      cell.value = { formula: `SUM(${letter}${first}:${letter}${last})`, result };
      cell.numFmt = '#,##0';
      cell.border = { top: { style: 'thin' } };
    });
  }
  worksheet.views = [{ state: 'frozen', ySplit: header.number }];
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
  for (const sheet of sheets) addSheet(workbook, title, sheet);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** "forloebsstatistik-nordjylland-2023.xlsx". */
export const courseStatsFileName = (s: Pick<CourseStatistics, 'hub' | 'year'>) => `forloebsstatistik-${s.hub.id}-${s.year}.xlsx`;
