// The annual report to KKR as PDF, generated in-process with pdfkit (docs/decisions/011-report-pdf.md):
// A4, a title block, the summary table, a section per goal, the geographic spread and the development
// as tables with vector bar charts, page numbers. The standard Helvetica font is WinAnsi-encoded, which
// holds æ, ø and å; the few signs it lacks (≥, ≤, →) are written as Danish words ("mindst", "højst").
import PDFDocument from 'pdfkit';
import { Rational } from '../../domain/money/rational.ts';
import {
  formatDanish,
  formatDanishDate,
  formatDanishDateTime,
  formatDanishPeriod,
} from '../../domain/contracts/report.build.ts';
import type { ContractReport, ReportGoal, ReportTarget } from '../../domain/contracts/report.types.ts';

/** Set when the report is an issued version (a snapshot). */
export interface ReportPdfHeader {
  version: number;
  issuedAt: string;
}

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const PAGE_WIDTH = 595.28; // A4 in points
const PAGE_HEIGHT = 841.89;
const CONTENT = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE_HEIGHT - MARGIN.bottom;
const BLUE = '#0059B3';
const GREY = '#707070';
const TEXT = '#1a1a1a';
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

// Windows-1252 beyond Latin-1: what the standard fonts can show besides U+0020–U+007E and U+00A0–U+00FF.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const WORDS: Record<string, string> = { '≥': 'mindst', '≤': 'højst', '→': 'giver', '−': '-', '\u202f': ' ', '\u2009': ' ' };

/** Text the standard fonts can show: the contracts' signs as Danish words, anything else unknown as "?". */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (WORDS[ch] !== undefined) out += WORDS[ch];
    else if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

const percent = (shown: string | undefined | null) => (shown === undefined || shown === null ? '–' : `${shown} %`);
const count = (n: number | null) => (n === null ? '–' : formatDanish(Rational.of(n), 0));
const withUnit = (shown: string, unit: string) => (unit === '' ? shown : `${shown} ${unit}`);

/** The result of a target as one line of text, or what is missing. */
export function resultText(t: ReportTarget): string {
  if (t.kind === 'activities') {
    const done = t.activities.filter((a) => a.status === 'done').length;
    return `${done} af ${t.activities.length} gennemført`;
  }
  if (t.result === null) return `Ikke målbart${t.missing === null ? '' : `: ${t.missing}`}`;
  return withUnit(t.result.shown, t.unit);
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function heading(doc: Doc, text: string, size: number): void {
  ensureSpace(doc, size * 4);
  doc.moveDown(size > 14 ? 0.8 : 0.5);
  doc.font(BOLD).fontSize(size).fillColor(TEXT).text(pdfSafe(text), MARGIN.left, doc.y, { width: CONTENT });
  doc.moveDown(0.3);
  doc.font(FONT).fontSize(10);
}

function paragraph(doc: Doc, text: string, options: { label?: string; indent?: number; size?: number; colour?: string } = {}): void {
  const indent = options.indent ?? 0;
  const width = CONTENT - indent;
  const size = options.size ?? 10;
  const body = pdfSafe(text);
  const label = options.label === undefined ? '' : `${pdfSafe(options.label)}: `;
  doc.fontSize(size);
  ensureSpace(doc, Math.min(doc.font(FONT).heightOfString(label + body, { width }), 3 * size * 1.2));
  doc.fillColor(options.colour ?? TEXT);
  if (label !== '') doc.font(BOLD).text(label, MARGIN.left + indent, doc.y, { width, continued: true }).font(FONT).text(body);
  else doc.font(FONT).text(body, MARGIN.left + indent, doc.y, { width });
  doc.fillColor(TEXT);
}

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A table that breaks across pages between rows and repeats its header row on each new page. */
function table(doc: Doc, caption: string, columns: Column[], rows: string[][]): void {
  const pad = 3;
  const size = 9;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * CONTENT);
  const rowHeight = (cells: string[], font: string) =>
    Math.max(...cells.map((cell, i) => doc.font(font).fontSize(size).heightOfString(pdfSafe(cell), { width: widths[i]! - 2 * pad }))) + 2 * pad;
  const drawRow = (cells: string[], font: string, header: boolean) => {
    const height = rowHeight(cells, font);
    const top = doc.y;
    if (header) doc.rect(MARGIN.left, top, CONTENT, height).fill('#e8eef6');
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      doc.font(font).fontSize(size).fillColor(TEXT).text(pdfSafe(cell), x + pad, top + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc.moveTo(MARGIN.left, top + height).lineTo(MARGIN.left + CONTENT, top + height).lineWidth(header ? 0.8 : 0.3).strokeColor(header ? TEXT : GREY).stroke();
    doc.x = MARGIN.left;
    doc.y = top + height;
  };
  const headers = columns.map((c) => c.header);
  ensureSpace(doc, 14 + rowHeight(headers, BOLD) + (rows[0] === undefined ? 0 : rowHeight(rows[0], FONT)));
  doc.font(BOLD).fontSize(10).fillColor(TEXT).text(pdfSafe(caption), MARGIN.left, doc.y, { width: CONTENT });
  doc.moveDown(0.2);
  drawRow(headers, BOLD, true);
  for (const row of rows) {
    if (doc.y + rowHeight(row, FONT) > BOTTOM) {
      doc.addPage();
      drawRow(headers, BOLD, true);
    }
    drawRow(row, FONT, false);
  }
  doc.moveDown(0.6);
}

/** A horizontal bar chart in vector shapes; `text` is written after each bar. */
function barChart(doc: Doc, title: string, bars: { label: string; value: number; text: string }[]): void {
  if (bars.length === 0) return;
  const row = 14;
  const labelWidth = 130;
  const valueWidth = 50;
  const room = CONTENT - labelWidth - valueWidth;
  const max = Math.max(0, ...bars.map((b) => b.value));
  ensureSpace(doc, 16 + Math.min(bars.length, 10) * row);
  doc.font(BOLD).fontSize(10).fillColor(TEXT).text(pdfSafe(title), MARGIN.left, doc.y, { width: CONTENT });
  doc.moveDown(0.3);
  for (const bar of bars) {
    if (doc.y + row > BOTTOM) doc.addPage();
    const y = doc.y;
    const width = max <= 0 || bar.value <= 0 ? 0 : Math.max(1, (bar.value / max) * room);
    doc.font(FONT).fontSize(8).fillColor(TEXT).text(pdfSafe(bar.label), MARGIN.left, y + 3, { width: labelWidth - 6, align: 'right', lineBreak: false, ellipsis: true });
    if (width > 0) doc.rect(MARGIN.left + labelWidth, y + 2, width, row - 4).fill(BLUE);
    doc.fillColor(TEXT).text(pdfSafe(bar.text), MARGIN.left + labelWidth + width + 4, y + 3, { width: valueWidth, lineBreak: false });
    doc.moveTo(MARGIN.left + labelWidth, y).lineTo(MARGIN.left + labelWidth, y + row).lineWidth(0.5).strokeColor(GREY).stroke();
    doc.x = MARGIN.left;
    doc.y = y + row;
  }
  doc.moveDown(0.8);
}

function titleBlock(doc: Doc, report: ContractReport, header: ReportPdfHeader | undefined): void {
  doc.rect(MARGIN.left, MARGIN.top, CONTENT, 4).fill(BLUE);
  doc.y = MARGIN.top + 16;
  doc.font(FONT).fontSize(11).fillColor(GREY).text(pdfSafe(`Afrapportering til ${report.kkr}`), MARGIN.left, doc.y, { width: CONTENT });
  doc.moveDown(0.3);
  doc.font(BOLD).fontSize(20).fillColor(TEXT).text(pdfSafe(report.title), { width: CONTENT });
  doc.moveDown(0.6);
  const lines: [string, string][] = [
    ['Parter', `${report.kkr} og ${report.hub}`],
    ['Kontraktår', String(report.year)],
    ['Kontraktens status', report.contractStatus],
    ['Dataperiode', formatDanishPeriod(report.period)],
    ['Tallene er beregnet', formatDanishDateTime(report.computedAt)],
  ];
  if (header !== undefined) lines.push(['Version', `${header.version}, udstedt ${formatDanishDateTime(header.issuedAt)}`]);
  else lines.push(['Version', 'ikke udstedt (foreløbige tal)']);
  if (report.baseGrant !== null) lines.push(['Basisbevilling', `${report.baseGrant.amount.shown} kr. (fordelingsnøgle: ${report.baseGrant.distributionKey})`]);
  for (const [label, text] of lines) paragraph(doc, text, { label });
  const s = report.summary;
  doc.moveDown(0.4);
  paragraph(
    doc,
    `${s.fulfilled} af ${s.total} mål er opfyldt, ${s.partlyFulfilled} delvist opfyldt, ${s.notFulfilled} ikke opfyldt og ${s.notMeasurable} ikke målbare.`,
    { label: 'Sammenfatning' },
  );
}

function summaryTable(doc: Doc, report: ContractReport): void {
  heading(doc, 'Sammenfatning', 14);
  const rows = report.goals.flatMap((g) =>
    g.targets.map((t, i) => [
      i === 0 ? `${g.number}. ${g.title}` : '',
      `${t.label} (${t.requirement})`,
      resultText(t),
      i === 0 ? percent(g.fulfilment?.shown) : '',
      i === 0 ? g.statusLabel : '',
    ]),
  );
  table(
    doc,
    'Mål, målepunkter, resultat, opfyldelse og status',
    [
      { header: 'Mål', width: 24 },
      { header: 'Målepunkt', width: 34 },
      { header: 'Resultat', width: 18 },
      { header: 'Opfyldelse', width: 11, align: 'right' },
      { header: 'Status', width: 13 },
    ],
    rows,
  );
}

function targetBlock(doc: Doc, t: ReportTarget): void {
  ensureSpace(doc, 48);
  doc.moveDown(0.3);
  doc.font(BOLD).fontSize(10).fillColor(TEXT).text(pdfSafe(t.label), MARGIN.left, doc.y, { width: CONTENT });
  paragraph(doc, t.requirement, { label: 'Krav', indent: 10 });
  if (t.kind !== 'activities') {
    if (t.result === null) paragraph(doc, `Ikke målbart – ${t.missing ?? 'ingen måling'}`, { label: 'Resultat', indent: 10 });
    else {
      const details = [
        t.n === null ? null : `n = ${count(t.n)}`,
        t.interval === null ? null : `95 %-konfidensinterval ${withUnit(`${t.interval.low}–${t.interval.high}`, t.unit)}`,
        t.period === null ? null : `periode ${formatDanishPeriod(t.period)}`,
      ].filter((x) => x !== null);
      paragraph(doc, `${withUnit(t.result.shown, t.unit)}${details.length === 0 ? '' : ` (${details.join('; ')})`}`, { label: 'Resultat', indent: 10 });
    }
    if (t.source !== null) paragraph(doc, t.source, { label: 'Kilde', indent: 10 });
    if (t.recordCount > 0) paragraph(doc, `${count(t.recordCount)} registreringer ligger bag tallet`, { label: 'Grundlag', indent: 10 });
  }
  paragraph(doc, t.holds === null ? 'kan ikke vurderes' : t.holds ? 'ja' : 'nej', { label: 'Kravet er opfyldt', indent: 10 });
  if (t.baseline !== null) paragraph(doc, t.baseline, { label: 'Udgangspunkt', indent: 10 });
  for (const a of t.activities) {
    doc.moveDown(0.2);
    paragraph(doc, `${a.name} – ${a.statusLabel}`, { label: 'Indsats', indent: 10 });
    if (a.note !== null) paragraph(doc, a.note, { label: 'Bemærkning', indent: 22 });
    for (const e of a.evidence) {
      const what = [e.label, e.kind === 'file' ? `fil ${e.value}` : e.value, e.date === null ? null : formatDanishDate(e.date)].filter((x) => x !== null).join(', ');
      paragraph(doc, what, { label: 'Dokumentation', indent: 22 });
    }
    if (a.evidence.length === 0) paragraph(doc, 'ingen registreret', { label: 'Dokumentation', indent: 22, colour: GREY });
  }
}

function goalSection(doc: Doc, g: ReportGoal): void {
  heading(doc, `Mål ${g.number}. ${g.title}`, 13);
  paragraph(doc, `${g.kindLabel} · Status: ${g.statusLabel} · Opfyldelse: ${percent(g.fulfilment?.shown)}`, { colour: GREY });
  doc.moveDown(0.3);
  paragraph(doc, g.text, { label: 'Mål' });
  if (g.method !== null) paragraph(doc, g.method, { label: 'Metode' });
  if (g.rationale !== null) paragraph(doc, g.rationale, { label: 'Begrundelse' });
  for (const t of g.targets) targetBlock(doc, t);
  doc.moveDown(0.3);
  paragraph(doc, g.explanation, { label: 'Vurdering' });
  for (const c of g.corrections) paragraph(doc, `kontrakten angiver "${c.stated}", der er anvendt "${c.applied}" – ${c.reason}`, { label: 'Rettelse' });
}

function spreadSection(doc: Doc, report: ContractReport): void {
  heading(doc, 'Geografisk spredning', 14);
  if (report.spread.length === 0) {
    paragraph(doc, 'Ingen data om geografisk spredning for perioden.');
    return;
  }
  table(
    doc,
    `Vejledte virksomheder og forløb pr. kommune, ${report.year}`,
    [
      { header: 'Kommune', width: 26 },
      { header: 'Kode', width: 9 },
      { header: 'Vejledte virksomheder', width: 18, align: 'right' },
      { header: 'Forløb', width: 12, align: 'right' },
      { header: 'Virksomheder i kommunen', width: 19, align: 'right' },
      { header: 'Andel vejledt', width: 16, align: 'right' },
    ],
    report.spread.map((r) => [r.municipalityName, r.municipalityCode, count(r.guidedCompanies), count(r.courses), count(r.companyPopulation), percent(r.guidedShare?.shown)]),
  );
  barChart(doc, 'Vejledte virksomheder pr. kommune', report.spread.map((r) => ({ label: r.municipalityName, value: r.guidedCompanies, text: count(r.guidedCompanies) })));
}

function developmentSection(doc: Doc, report: ContractReport): void {
  heading(doc, 'Udvikling over kontraktårene', 14);
  if (report.development.length === 0) {
    paragraph(doc, 'Ingen tal fra tidligere år.');
    return;
  }
  table(
    doc,
    'Nøgletal pr. år',
    [
      { header: 'År', width: 8 },
      { header: 'Unikke virksomheder', width: 16, align: 'right' },
      { header: 'Forløb', width: 11, align: 'right' },
      { header: 'NPS', width: 9, align: 'right' },
      { header: 'NPS, n', width: 10, align: 'right' },
      { header: 'Henvisninger benyttet', width: 17, align: 'right' },
      { header: 'Opfyldte mål', width: 14, align: 'right' },
    ],
    report.development.map((r) => [
      String(r.year),
      count(r.uniqueCompanies),
      count(r.courses),
      r.nps?.shown ?? '–',
      count(r.npsN),
      percent(r.referralUptakeShare?.shown),
      r.goalsFulfilled === null || r.goalsTotal === null ? '–' : `${r.goalsFulfilled} af ${r.goalsTotal}`,
    ]),
  );
  barChart(doc, 'Unikke vejledte virksomheder pr. år', report.development.map((r) => ({ label: String(r.year), value: r.uniqueCompanies, text: count(r.uniqueCompanies) })));
}

function pageNumbers(doc: Doc, report: ContractReport): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    const y = PAGE_HEIGHT - MARGIN.bottom + 24;
    doc.font(FONT).fontSize(8).fillColor(GREY);
    doc.text(pdfSafe(`${report.hub} · Afrapportering ${report.year}`), MARGIN.left, y, { width: CONTENT / 2, lineBreak: false });
    doc.text(`Side ${i - range.start + 1} af ${range.count}`, MARGIN.left + CONTENT / 2, y, { width: CONTENT / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export function renderReportPdf(report: ContractReport, header?: ReportPdfHeader): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'da',
    displayTitle: true,
    info: {
      Title: pdfSafe(`Afrapportering ${report.year}: ${report.title}`),
      Author: 'Knudepunkt',
      Subject: pdfSafe(`Afrapportering til ${report.kkr}`),
      Creator: 'Knudepunkt',
      CreationDate: header === undefined ? new Date(report.computedAt) : new Date(header.issuedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  titleBlock(doc, report, header);
  summaryTable(doc, report);
  doc.addPage();
  heading(doc, 'Målene', 16);
  for (const goal of report.goals) goalSection(doc, goal);
  doc.addPage();
  spreadSection(doc, report);
  developmentSection(doc, report);
  pageNumbers(doc, report);
  doc.end();
  return done;
}
