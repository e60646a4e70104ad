// Resultatkontrakter (/kontrakter): the list, the live dashboard, the drill-down behind every figure,
// and the annual report — live, issued versions, their differences, PDF and Excel. Thin: the services
// check who may read and change, and compute.
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { sendDownload } from '../../web/download.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { mayReadRawAnswers } from '../evaluation/evaluation.service.ts';
import { composeReport, differencesSinceIssued, getIssuedReport, issueReport, listReportVersions } from './contract-report.service.ts';
import { ContractReportPage, IssuedReportPage } from './contract-report.views.tsx';
import { evaluateStoredContract, getContract, getDrillDown, listContracts } from './contracts.service.ts';
import { ContractDashboardPage, ContractListPage, DrillDownPage } from './contracts.views.tsx';
import { renderReportPdf } from './report.pdf.ts';
import { renderReportWorkbook, reportFileName } from './report.spreadsheet.ts';
import type { ContractReport } from '../../domain/contracts/report.types.ts';

const notices: Record<string, [string, string]> = {
  gemt: ['Ændringen er gemt.', 'The change has been saved.'],
  status: ['Kontraktens status er ændret.', "The contract's status has been changed."],
  kopi: ['Kopien er oprettet som udkast.', 'The copy has been created as a draft.'],
  indsats: ['Indsatsen er opdateret.', 'The activity has been updated.'],
  ekstern: ['Tallet er registreret.', 'The figure has been recorded.'],
  udstedt: ['Afrapporteringen er udstedt, og tallene er låst i denne version.', 'The report has been issued and its numbers are frozen in this version.'],
};
export const contractNoticeOf = (c: AppContext) => notices[c.req.query('besked') ?? '']?.[c.get('locale') === 'en' ? 1 : 0];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const versionParam = (c: AppContext): number => {
  const text = c.req.param('version') ?? '';
  if (!/^[1-9]\d{0,5}$/.test(text)) throw new AppError('notFound', `Version "${text}" af afrapporteringen findes ikke.`, { en: `Version "${text}" of the report was not found.` });
  return Number(text);
};


export function contractRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const stored = (c: AppContext) => getContract(c.get('deps').database.db, requireActor(c), c.req.param('id') ?? '');
  const liveReport = async (c: AppContext): Promise<{ report: ContractReport; contract: Awaited<ReturnType<typeof stored>> }> => {
    const { database, clock } = c.get('deps');
    const contract = await stored(c);
    return { report: await composeReport(database.db, await evaluateStoredContract(database.db, contract, clock), clock), contract };
  };

  app.get('/kontrakter', async (c) => {
    const contracts = await listContracts(c.get('deps').database.db, requireActor(c));
    return c.html(<ContractListPage ctx={pageContext(c)} contracts={contracts} />);
  });

  app.get('/kontrakter/:id', async (c) => {
    const { database, clock } = c.get('deps');
    const actor = requireActor(c);
    const contract = await stored(c);
    const evaluated = await evaluateStoredContract(database.db, contract, clock);
    const versions = await listReportVersions(database.db, contract);
    const rawAccess = await mayReadRawAnswers(database.db, actor, contract.row.business_hub_id);
    return c.html(
      <ContractDashboardPage ctx={pageContext(c)} evaluated={evaluated} rawAccess={rawAccess} notice={contractNoticeOf(c)} latestVersion={versions[0]?.version ?? null} thisYear={clock.now().getUTCFullYear()} />,
    );
  });

  app.get('/kontrakter/:id/maal/:number/:targetId', async (c) => {
    const { database, clock } = c.get('deps');
    const number = Number(c.req.param('number'));
    const drill = await getDrillDown(database.db, requireActor(c), await stored(c), Number.isInteger(number) ? number : -1, c.req.param('targetId'), clock);
    return c.html(<DrillDownPage ctx={pageContext(c)} drill={drill} />);
  });

  app.get('/kontrakter/:id/rapport', async (c) => {
    const { report, contract } = await liveReport(c);
    const versions = await listReportVersions(c.get('deps').database.db, contract);
    return c.html(<ContractReportPage ctx={pageContext(c)} stored={contract} report={report} versions={versions} notice={contractNoticeOf(c)} />);
  });

  app.get('/kontrakter/:id/rapport/pdf', async (c) => {
    const { report } = await liveReport(c);
    return sendDownload(c, await renderReportPdf(report), 'application/pdf', reportFileName(report, 'pdf'));
  });

  app.get('/kontrakter/:id/rapport/xlsx', async (c) => {
    const { report } = await liveReport(c);
    return sendDownload(c, await renderReportWorkbook(report), XLSX, reportFileName(report, 'xlsx'));
  });

  app.post('/kontrakter/:id/rapport', async (c) => {
    const { database, clock } = c.get('deps');
    const actor = requireActor(c);
    const body = await formBody(c);
    const note = typeof body.note === 'string' ? body.note : null;
    const contract = await stored(c);
    const version = await database.db.transaction().execute((tx) => issueReport(tx, actor, contract, note, clock));
    return c.redirect(`/kontrakter/${contract.row.id}/rapport/v/${version}?besked=udstedt`, 303);
  });

  app.get('/kontrakter/:id/rapport/v/:version', async (c) => {
    const { database, clock } = c.get('deps');
    const contract = await stored(c);
    const issued = await getIssuedReport(database.db, contract, versionParam(c));
    const live = await composeReport(database.db, await evaluateStoredContract(database.db, contract, clock), clock);
    const sinceIssued = await differencesSinceIssued(database.db, contract, issued.version, live);
    return c.html(<IssuedReportPage ctx={pageContext(c)} stored={contract} issued={issued} sinceIssued={sinceIssued} notice={contractNoticeOf(c)} />);
  });

  app.get('/kontrakter/:id/rapport/v/:version/pdf', async (c) => {
    const issued = await getIssuedReport(c.get('deps').database.db, await stored(c), versionParam(c));
    const header = { version: issued.version, issuedAt: issued.issuedAt.toISOString() };
    return sendDownload(c, await renderReportPdf(issued.report, header), 'application/pdf', reportFileName(issued.report, 'pdf', header));
  });

  app.get('/kontrakter/:id/rapport/v/:version/xlsx', async (c) => {
    const issued = await getIssuedReport(c.get('deps').database.db, await stored(c), versionParam(c));
    const header = { version: issued.version, issuedAt: issued.issuedAt.toISOString() };
    return sendDownload(c, await renderReportWorkbook(issued.report, header), XLSX, reportFileName(issued.report, 'xlsx', header));
  });

  return app;
}
