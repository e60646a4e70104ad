import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { courseCsvColumns, parseCoursesCsv, parseCoursesCsvText } from './courses-csv.ts';
import type { CourseCsvColumn, CourseCsvRow, CoursesCsvReference } from './courses-csv.ts';
import { MAX_RECORD_LINES } from './csv-records.ts';

const REFERENCE: CoursesCsvReference = {
  hubs: ['Erhvervshus Nordjylland', 'Erhvervshus Midtjylland', 'Erhvervshus Sjælland'],
  municipalityCodes: ['101', '751', '813', '825', '849', '851', '860'],
};
const HEADER = courseCsvColumns.join(',');

type Row = Record<CourseCsvColumn, string>;
const valid: Row = {
  course_id: 'SF-1001',
  cvr: '30521439',
  company_name: 'Nordkraft Software ApS',
  municipality_code: '851',
  hub: 'Erhvervshus Nordjylland',
  category: 'growth',
  segment: 'growth',
  themes: 'innovation;digitalisation',
  target_group: 'smeSeeking',
  start_date: '2023-02-01',
  end_date: '2023-11-30',
  meeting_dates: '2023-02-01;2023-05-15',
};
const csvLine = (row: Partial<Row>, separator = ','): string =>
  courseCsvColumns.map((c) => {
    const value = { ...valid, ...row }[c];
    return value.includes(separator) || value.includes('"') || value.includes('\n') ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(separator);
const file = (...rows: Partial<Row>[]) => [HEADER, ...rows.map((r) => csvLine(r))].join('\n');
const parse = (text: string) => parseCoursesCsvText(text, REFERENCE);

describe('the guidance courses CSV (02-crm.md, Imports)', () => {
  it('reads a valid row into a typed course', () => {
    const { courses, errors } = parse(file({}));
    assert.deepEqual(errors, []);
    assert.deepEqual(courses, [
      {
        courseId: 'SF-1001',
        cvr: '30521439',
        companyName: 'Nordkraft Software ApS',
        municipalityCode: '851',
        hub: 'Erhvervshus Nordjylland',
        category: 'growth',
        segment: 'growth',
        themes: ['innovation', 'digitalisation'],
        targetGroup: 'smeSeeking',
        startDate: '2023-02-01',
        endDate: '2023-11-30',
        meetingDates: ['2023-02-01', '2023-05-15'],
      },
    ]);
  });

  it('reads a semicolon file from a Danish spreadsheet: BOM, CRLF, Danish dates and labels, quoted themes', () => {
    const header = courseCsvColumns.join(';');
    const row = 'SF-7;;"  Mette  Holms Keramik ";0825;erhvervshus nordjylland;Korte forløb;drift;"greenTransition; salesMarketing;greenTransition";;31-12-2022;;"05-01-2023;31-12-2022"';
    const { courses, errors } = parse(`\uFEFF${header}\r\n${row}\r\n\r\n`);
    assert.deepEqual(errors, []);
    assert.deepEqual(courses[0], {
      courseId: 'SF-7',
      cvr: null,
      companyName: 'Mette Holms Keramik',
      municipalityCode: '825',
      hub: 'Erhvervshus Nordjylland',
      category: 'short',
      segment: 'operations',
      themes: ['greenTransition', 'salesMarketing'],
      targetGroup: null,
      startDate: '2022-12-31',
      endDate: null,
      meetingDates: ['2022-12-31', '2023-01-05'],
    });
  });

  it('accepts a company name with the separator and quotes inside, and columns in another order', () => {
    const columns = [...courseCsvColumns].reverse();
    const text = `${columns.join(',')}\n${columns.map((c) => (c === 'company_name' ? '"Jensen, Hansen & ""Søn"" I/S"' : { ...valid, cvr: '' }[c])).join(',')}`;
    const { courses, errors } = parse(text);
    assert.deepEqual(errors, []);
    assert.equal(courses[0]?.companyName, 'Jensen, Hansen & "Søn" I/S');
  });

  it('accepts a quoted field that spans two lines and numbers the row by its first line', () => {
    const text = `${HEADER}\n${csvLine({ company_name: 'Nordkraft\nSoftware ApS' })}\n${csvLine({ course_id: 'SF-1002', cvr: 'x' })}`;
    const { courses, errors } = parse(text);
    assert.equal(courses[0]?.companyName, 'Nordkraft Software ApS');
    assert.deepEqual(errors.map((e) => e.line), [4]);
  });

  const invalid: [string, Partial<Row>, [string, string, string][]][] = [
    ['a CVR number failing modulus 11', { cvr: '12345679' }, [['cvr', '12345679', 'Linje 2, kolonne "cvr": "12345679" er ikke et gyldigt CVR-nummer (modulus 11).']]],
    ['a CVR number of 7 digits', { cvr: '3052143' }, [['cvr', '3052143', 'Linje 2, kolonne "cvr": "3052143" er ikke et CVR-nummer (8 cifre).']]],
    ['a pre-starter without a name', { cvr: '', company_name: '' }, [['company_name', '', 'Linje 2, kolonne "company_name": feltet er tomt – navnet skal udfyldes, når cvr er tom (førstarter).']]],
    ['an empty course_id', { course_id: ' ' }, [['course_id', '', 'Linje 2, kolonne "course_id": feltet er tomt – angiv kildesystemets id for forløbet.']]],
    ['a municipality outside the list', { municipality_code: '999' }, [['municipality_code', '999', 'Linje 2, kolonne "municipality_code": "999" er ikke en af de 98 kommuner.']]],
    ['a region code', { municipality_code: '081' }, [['municipality_code', '081', 'Linje 2, kolonne "municipality_code": "081" er en regionskode (Region Nordjylland), ikke en kommunekode.']]],
    ['a municipality name instead of a code', { municipality_code: 'Aalborg' }, [['municipality_code', 'Aalborg', 'Linje 2, kolonne "municipality_code": "Aalborg" er ikke en kommunekode (3 cifre, fx 851).']]],
    ['an unknown hub', { hub: 'Erhvervshus Nord' }, [['hub', 'Erhvervshus Nord', 'Linje 2, kolonne "hub": "Erhvervshus Nord" er ikke et erhvervshus – brug et af: Erhvervshus Nordjylland, Erhvervshus Midtjylland, Erhvervshus Sjælland.']]],
    ['an unknown category', { category: 'Vækst' }, [['category', 'Vækst', 'Linje 2, kolonne "category": "Vækst" er ikke en forløbskategori – brug growth, operations, short, earlyWarning (eller Vækstforløb, Driftsforløb, Korte forløb, Early Warning).']]],
    ['an unknown segment', { segment: 'stor' }, [['segment', 'stor', 'Linje 2, kolonne "segment": "stor" er ikke et segment – brug growth eller operations (eller vækst, drift).']]],
    [
      'unknown themes, one error each',
      { themes: 'innovation;grøn;export' },
      [
        ['themes', 'grøn', 'Linje 2, kolonne "themes": "grøn" er ikke et tema – brug skilledLabour, greenTransition, innovation, digitalisation, internationalisation, management, salesMarketing, finance.'],
        ['themes', 'export', 'Linje 2, kolonne "themes": "export" er ikke et tema – brug skilledLabour, greenTransition, innovation, digitalisation, internationalisation, management, salesMarketing, finance.'],
      ],
    ],
    ['no theme', { themes: ';' }, [['themes', ';', 'Linje 2, kolonne "themes": feltet er tomt – angiv mindst ét tema (fx innovation;finance).']]],
    ['an unknown target group', { target_group: 'smv' }, [['target_group', 'smv', 'Linje 2, kolonne "target_group": "smv" er ikke en målgruppe – brug maturePreStarter, entrepreneurSpecialNeeds, smeSeeking, smeOperations, smeClarified, largerCompany.']]],
    ['a start date that does not exist', { start_date: '31-02-2023', meeting_dates: '' }, [['start_date', '31-02-2023', 'Linje 2, kolonne "start_date": "31-02-2023" er ikke en gyldig dato – skriv 31-12-2023 eller 2023-12-31.']]],
    ['an American date', { start_date: '02/01/2023' }, [['start_date', '02/01/2023', 'Linje 2, kolonne "start_date": "02/01/2023" er ikke en gyldig dato – skriv 31-12-2023 eller 2023-12-31.']]],
    ['no start date', { start_date: '' }, [['start_date', '', 'Linje 2, kolonne "start_date": feltet er tomt – angiv en dato (31-12-2023 eller 2023-12-31).']]],
    ['an end date before the start date', { end_date: '31-01-2023' }, [['end_date', '31-01-2023', 'Linje 2, kolonne "end_date": "31-01-2023" ligger før start_date (2023-02-01).']]],
    ['a meeting date with a typed year', { meeting_dates: '2023-02-01;2203-05-15' }, [['meeting_dates', '2203-05-15', 'Linje 2, kolonne "meeting_dates": "2203-05-15" er ikke en gyldig dato – skriv 31-12-2023 eller 2023-12-31.']]],
  ];
  for (const [title, row, expected] of invalid) {
    it(`rejects ${title}, naming line, column and value`, () => {
      const { courses, errors } = parse(file(row));
      assert.deepEqual(courses, []);
      assert.deepEqual(errors.map((e) => [e.column, e.value, e.message]), expected);
    });
  }

  it('reports every error of a row, not only the first', () => {
    const { errors } = parse(file({ cvr: '12345678', hub: '', start_date: '2023-13-01', meeting_dates: '' }));
    assert.deepEqual(errors.map((e) => e.column), ['cvr', 'hub', 'start_date']);
  });

  it('allows a leap day, an empty end date and a pre-starter with a CVR number left out', () => {
    const { courses, errors } = parse(file({ cvr: '', company_name: 'Nordisk Kaffe Kompagni', start_date: '29-02-2024', end_date: '', meeting_dates: '' }));
    assert.deepEqual(errors, []);
    assert.deepEqual([courses[0]?.cvr, courses[0]?.startDate, courses[0]?.endDate, courses[0]?.meetingDates], [null, '2024-02-29', null, []]);
  });

  it('reports a repeated course_id on the later line', () => {
    const { courses, errors } = parse(file({}, { course_id: 'SF-1002' }, { cvr: '28817649' }));
    assert.equal(courses.length, 2);
    assert.deepEqual(errors, [{ line: 4, column: 'course_id', value: 'SF-1001', message: 'Linje 4, kolonne "course_id": "SF-1001" står allerede i linje 2.' }]);
  });

  it('explains a semicolon file whose themes are not quoted', () => {
    const header = courseCsvColumns.join(';');
    const row = 'SF-1;30521439;;851;Erhvervshus Nordjylland;growth;growth;innovation;finance;;2023-01-01;;';
    const { errors } = parse(`${header}\n${row}`);
    assert.deepEqual(errors.map((e) => e.message), [
      'Linje 2 har 13 felter, men overskriften har 12. Står der semikolon i themes eller meeting_dates uden anførselstegn? Skriv fx "innovation;finance".',
    ]);
  });

  it('stops at a header that is not the courses format, naming what is wrong', () => {
    const { courses, errors } = parse(`course_id,cvr,navn,municipality_code,hub,category,segment,themes,target_group,start_date,end_date,meeting_dates,hub\n${csvLine({})}`);
    assert.deepEqual(courses, []);
    assert.equal(errors.length, 1);
    assert.equal(
      errors[0]?.message,
      'Linje 1: overskriften er ikke et forløbsark – ukendt kolonne "navn"; kolonnen "hub" står to gange; kolonnen "company_name" mangler. Forventet: course_id,cvr,company_name,municipality_code,hub,category,segment,themes,target_group,start_date,end_date,meeting_dates.',
    );
  });

  it('says so when the file is empty, and gives no rows for a header alone', () => {
    assert.deepEqual(parse('\n\n').errors.map((e) => e.message), ['Filen er tom – der er hverken overskrift eller rækker.']);
    assert.deepEqual(parse(`${HEADER}\n`), { courses: [], errors: [] });
  });

  it('reports a quote that is never closed and still reads the rows after it', () => {
    const broken = csvLine({ course_id: 'SF-1' }).replace('Nordkraft', '"Nordkraft');
    const { courses, errors } = parse(file({}) + `\n${broken}\n` + csvLine({ course_id: 'SF-3' }));
    assert.deepEqual(errors.map((e) => e.message), ['Linje 3: et anførselstegn (") er ikke lukket.']);
    assert.deepEqual(courses.map((c) => c.courseId), ['SF-1001', 'SF-3']);
    const many = [HEADER, `SF-9,"${'x\n'.repeat(MAX_RECORD_LINES)}`, csvLine({ course_id: 'SF-10' })].join('\n');
    const result = parse(many);
    assert.deepEqual(result.errors.map((e) => e.line), [2, ...Array.from({ length: MAX_RECORD_LINES - 1 }, (_, i) => i + 3)]);
    assert.deepEqual(result.courses.map((c) => c.courseId), ['SF-10']);
  });

  it('says so when a file is not UTF-8', () => {
    const { errors } = parse(file({ company_name: 'K\uFFFDbmand Hansen' }));
    assert.deepEqual(errors.map((e) => e.message), ['Linje 2 indeholder tegn, der ikke er gyldig UTF-8 – gem filen som "CSV UTF-8".']);
  });

  it('streams: a row comes out before the next line is read', async () => {
    let pulled = 0;
    async function* lines(): AsyncGenerator<string> {
      for (const line of [HEADER, csvLine({}), csvLine({ course_id: 'SF-2' }), csvLine({ course_id: 'SF-3' })]) {
        pulled++;
        yield line;
      }
    }
    const seen: [number, number][] = [];
    for await (const row of parseCoursesCsv(lines(), REFERENCE) as AsyncGenerator<CourseCsvRow>) seen.push([row.line, pulled]);
    assert.deepEqual(seen, [[2, 2], [3, 3], [4, 4]]);
  });
});
