import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateContract, measurementsByTargetId } from '../../domain/contracts/contract.evaluate.ts';
import type { Measurement } from '../../domain/contracts/contract.evaluate.ts';
import { parseContract } from '../../domain/contracts/contract.schema.ts';
import type { ContractInput } from '../../domain/contracts/contract.schema.ts';
import { buildContractReport } from '../../domain/contracts/report.build.ts';
import type { ContractReport } from '../../domain/contracts/report.types.ts';
import { seedContractInputs } from '../../domain/contracts/seeds/index.ts';
import { parseRational } from '../../domain/money/rational.ts';
import { translator } from '../../web/i18n/index.ts';
import type { PageContext } from '../../web/context.ts';
import { ContractReportBody, ReportDifferencesList } from './report.views.tsx';

const value = (text: string, n: number | null): Measurement => ({ kind: 'value', value: parseRational(text)!, n, period: { from: '2023-01-01', to: '2023-12-31' }, recordIds: ['a', 'b', 'c'] });

function report(): ContractReport {
  const input = structuredClone(seedContractInputs.find((c) => c.id === 'nordjylland-2023')) as ContractInput;
  const list = input.goals!.find((g) => g.number === 8)!.targets[0]!;
  if (list.kind === 'activities') {
    list.activities[0]!.status = 'done';
    list.activities[0]!.evidence = [
      { kind: 'link', value: 'https://example.dk/fonde', label: 'Ansøgning' },
      { kind: 'link', value: 'javascript:alert(1)', label: 'Farlig' },
      { kind: 'file', value: 'fil 7', label: 'Referat', date: '2023-05-04' },
      { kind: 'text', value: 'Drøftet på bestyrelsesmødet <b>maj</b>' },
    ];
  }
  const parsed = parseContract(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const contract = parsed.value;
  return buildContractReport({
    contract,
    evaluation: evaluateContract(contract, measurementsByTargetId({ 'nps-drift': value('6999/100', 90), 'unikke-virksomheder': value('1234', null) })),
    computedAt: new Date('2024-02-15T10:00:00Z'),
    drillDownPaths: { 'nps-drift': '/kontrakter/nordjylland-2023/maal/3/nps-drift' },
    spread: [{ municipalityCode: '825', municipalityName: 'Læsø', guidedCompanies: 12, courses: 15, companyPopulation: 240, guidedShare: { exact: '5', shown: '5,0' } }],
    development: [{ year: 2023, uniqueCompanies: 1234, courses: 950, nps: null, npsN: 0, referralUptakeShare: null, goalsFulfilled: 0, goalsTotal: 11 }],
  });
}

const ctx: PageContext = { t: translator('da'), locale: 'da', actor: null, csrfToken: 'x', path: '/kontrakter/nordjylland-2023/afrapportering', isDemo: false, unreadNotifications: undefined };

const render = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());

describe('ContractReportBody', () => {
  it('renders the sections as h2, targets as h3, in order', async () => {
    const html = await render(<ContractReportBody report={report()} ctx={ctx} header={{ version: 2, issuedAt: '2024-03-01T09:30:00Z' }} />);
    const h2 = [...html.matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(h2, ['rapport-sammenfatning', ...Array.from({ length: 11 }, (_, i) => `maal-${i + 1}`), 'rapport-spredning', 'rapport-udvikling']);
    assert.equal((html.match(/<h1/g) ?? []).length, 0);
    assert.ok((html.match(/<h3 /g) ?? []).length >= 20);
    assert.match(html, /2, udstedt 1\. marts 2024 kl\. 10\.30/);
  });

  it('has captioned tables with scoped headers and the status as text', async () => {
    const html = await render(<ContractReportBody report={report()} />);
    assert.equal((html.match(/<table/g) ?? []).length, (html.match(/<caption/g) ?? []).length);
    assert.deepEqual(html.match(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/g) ?? [], [], 'every th has a scope');
    assert.match(html, /<caption>Mål, målepunkter, resultat, opfyldelse og status<\/caption>/);
    assert.match(html, /<span class="badge badge-small badge-info">Ikke målbart<\/span>/);
    assert.match(html, /<span class="badge badge-small badge-error">Ikke opfyldt<\/span>/);
    assert.match(html, /<th scope="rowgroup" rowspan="4"><a href="#maal-3">3. Kvalitet og tilfredshed<\/a><\/th>/);
  });

  it('names every landmark uniquely (named sections and scroll regions)', async () => {
    const html = await render(<ContractReportBody report={report()} />);
    const regions = [...html.matchAll(/role="region" aria-label="([^"]+)"/g)].map((m) => m[1]!);
    const sections = [...html.matchAll(/<section aria-labelledby="([^"]+)"/g)].map((m) => {
      const heading = new RegExp(`<h2 id="${m[1]}">(.*?)</h2>`).exec(html);
      return (heading?.[1] ?? '').replace(/<[^>]+>/g, '');
    });
    const names = [...regions, ...sections];
    assert.equal(new Set(names).size, names.length, names.join(' | '));
    assert.equal(sections.length, 14);
  });

  it('links results to their drill-down and evidence to links and files, never to a script URL', async () => {
    const html = await render(<ContractReportBody report={report()} />);
    assert.match(html, /<a href="\/kontrakter\/nordjylland-2023\/maal\/3\/nps-drift">70,0<span class="sr-only"> – se de 3 registreringer bag tallet for NPS, driftssegmentet<\/span><\/a>/);
    assert.match(html, /<a href="https:\/\/example.dk\/fonde">Ansøgning<\/a>/);
    assert.match(html, /<a href="\/kontrakter\/filer\/fil%207">Referat<\/a> \(fil\), 4. maj 2023/);
    assert.doesNotMatch(html, /href="javascript:/);
    assert.match(html, /Drøftet på bestyrelsesmødet &lt;b&gt;maj&lt;\/b&gt;/);
  });

  it('draws the spread and development charts next to their tables', async () => {
    const html = await render(<ContractReportBody report={report()} ctx={ctx} />);
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="rapport-spredning-diagram-title"/);
    assert.match(html, /<th scope="row">Læsø<\/th><td>825<\/td><td class="align-text-right">12<\/td>/);
    assert.match(html, /<th scope="row">2023<\/th><td class="align-text-right">1.234<\/td>/);
  });
});

describe('ReportDifferencesList', () => {
  it('lists the differences in a table, or says there are none', async () => {
    const html = await render(<ReportDifferencesList differences={[{ where: 'Mål 3', field: 'Status', before: 'Ikke opfyldt', after: 'Opfyldt' }, { where: 'Geografisk spredning · Læsø', field: 'Kommune', before: null, after: 'Læsø' }]} />);
    assert.match(html, /<caption>Forskelle mellem versionerne<\/caption>/);
    assert.match(html, /<th scope="row">Mål 3<\/th><td>Status<\/td><td>Ikke opfyldt<\/td><td>Opfyldt<\/td>/);
    assert.match(html, /<td>–<\/td><td>Læsø<\/td>/);
    assert.match(await render(<ReportDifferencesList differences={[]} />), /Ingen forskelle/);
  });
});
