// The explorer's figures as an Excel workbook (exceljs; docs/formats.md, "Brugerevaluering"): the
// metrics (value to one decimal as a number, the exact fraction, n, interval), the trend per guidance
// year, and the distribution of the answers per question. Built from the service's overview, so a
// suppressed figure is "færre end 5 svar" here too and never a number.
import ExcelJS from 'exceljs';
import { addSheet } from '../allocations/spreadsheet.ts';
import { evaluationSourceLabels } from '../../domain/evaluation/evaluation.types.ts';
import { guidanceSegmentLabels, guidanceThemeLabels } from '../../domain/guidance/guidance.types.ts';
import { fewerThanFive, metricLabels, noAnswers } from './evaluation.format.ts';
import type { EvaluationOverview, Figure } from './evaluation.service.ts';

const RULES =
  '"Ved ikke" er et svar og tæller i nævneren; en tom celle er ubesvaret. Værdien er afrundet til én decimal; mål vurderes på den eksakte værdi. Interval: 95 % (Wilson; NPS: standardfejlen af forskellen). Tal på færre end 5 svar vises kun for erhvervshusets egne medarbejdere.';

type Cell = string | number | null;

function describeFilters(o: EvaluationOverview): string {
  const f = o.filters;
  return [
    o.hub.name,
    f.year === null ? 'alle år' : `vejledningsår ${f.year}`,
    f.segment === null ? null : `segment ${guidanceSegmentLabels[f.segment].da}`,
    f.municipalityCode === null ? null : `kommune ${f.municipalityCode}`,
    f.source === null ? null : `kilde ${evaluationSourceLabels[f.source].da}`,
    f.theme === null ? null : `tematik ${guidanceThemeLabels[f.theme].da}`,
  ]
    .filter((x) => x !== null)
    .join(', ');
}

const figureValue = (figure: Figure): Cell => (figure.status === 'none' ? noAnswers('da') : figure.status === 'suppressed' || figure.value === null ? fewerThanFive('da') : Number(figure.value.toFixed(1)));
const round1 = (value: number) => Number(value.toFixed(1));

/** A sheet in the shared house style (allocations/spreadsheet.ts), with the rules under the title. */
function addEvaluationSheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: { header: string; width: number }[], rows: Cell[][]): void {
  addSheet(workbook, { name, title, lines: [RULES], columns, rows });
}

export async function evaluationWorkbook(o: EvaluationOverview): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Knudepunkt';
  const title = `Brugerevaluering – ${describeFilters(o)}`;
  addEvaluationSheet(
    workbook,
    'Nøgletal',
    title,
    [
      { header: 'Nøgletal', width: 46 },
      { header: 'Nøgle', width: 24 },
      { header: 'Værdi', width: 18 },
      { header: 'Eksakt', width: 14 },
      { header: 'n', width: 8 },
      { header: 'Interval fra', width: 12 },
      { header: 'Interval til', width: 12 },
    ],
    [
      ['Besvarelser', 'n', o.nStatus === 'suppressed' ? fewerThanFive('da') : (o.n ?? 0), null, null, null, null],
      ...o.figures.map((f): Cell[] => [
        metricLabels[f.metric].da,
        f.metric,
        figureValue(f),
        f.status === 'ok' && f.value !== null ? f.value.toString() : null,
        f.status === 'ok' ? f.n : null,
        f.interval ? round1(f.interval.low) : null,
        f.interval ? round1(f.interval.high) : null,
      ]),
    ],
  );
  addEvaluationSheet(
    workbook,
    'Udvikling',
    title,
    [{ header: 'Vejledningsår', width: 14 }, { header: 'Besvarelser', width: 14 }, ...(o.trend[0]?.figures ?? o.figures).flatMap((f) => [{ header: metricLabels[f.metric].da, width: 20 }, { header: `n (${f.metric})`, width: 10 }])],
    o.trend.map((year): Cell[] => [year.year, year.nStatus === 'suppressed' ? fewerThanFive('da') : (year.n ?? 0), ...year.figures.flatMap((f): Cell[] => [figureValue(f), f.status === 'ok' ? f.n : null])]),
  );
  addEvaluationSheet(
    workbook,
    'Svarfordeling',
    title,
    [{ header: 'Spørgsmål', width: 60 }, { header: 'Svar', width: 20 }, { header: 'Antal', width: 12 }],
    o.distribution.flatMap((q): Cell[][] => (q.suppressed ? [[q.text.da, null, fewerThanFive('da')]] : q.answers.map((a): Cell[] => [q.text.da, a.label.da, a.count]))),
  );
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** "brugerevaluering-nordjylland-2023.xlsx", "brugerevaluering-nordjylland-alle-aar.xlsx". */
export const evaluationFileName = (o: Pick<EvaluationOverview, 'hub' | 'filters'>) => `brugerevaluering-${o.hub.id}-${o.filters.year ?? 'alle-aar'}.xlsx`;
