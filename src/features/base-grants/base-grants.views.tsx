import { formatDanishNumber } from '../../domain/allocation/allocation.ts';
import { parseDecimal, Rational } from '../../domain/money/rational.ts';
import type { PageContext } from '../../web/context.ts';
import { Alert } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField } from '../../web/layout.tsx';
import { ButtonRow, canEditEconomy, EconomyPage, Facts, rowButton, sectionLabel } from '../allocations/economy.views.tsx';
import { invoiceTitle } from './base-grants.export.ts';
import type { BaseGrant, BaseGrantSummary } from './base-grants.schema.ts';
import type { Deviation } from './base-grants.service.ts';

const n = (text: string) => formatDanishNumber(parseDecimal(text) ?? Rational.ZERO);
const signed = (value: Rational) => (value.isPositive() ? `+${formatDanishNumber(value)}` : formatDanishNumber(value));
const unitText = (unit: BaseGrant['unit'], en: boolean) => (unit === '1000 DKK' ? (en ? '1,000 DKK' : '1.000 kr.') : en ? 'DKK' : 'kr.');
const withUnit = (text: string, unit: BaseGrant['unit'], en: boolean) => (unit === '1000 DKK' ? `${n(text)} (${unitText(unit, en)})` : `${n(text)} ${unitText(unit, en)}`);

export const BaseGrantListPage = (props: { ctx: PageContext; grants: (BaseGrantSummary & { deviation: Deviation })[]; message?: string | undefined }) => {
  const { ctx } = props;
  const en = ctx.locale === 'en';
  const title = sectionLabel(ctx, 'baseGrants');
  return (
    <EconomyPage ctx={ctx} title={title} section="baseGrants">
      <h1>{title}</h1>
      <p class="font-lead">
        {en
          ? "The hubs' base grants per year with the invoice list per municipality. Published historical tables are shown against their stated total and an exact split."
          : 'Erhvervshusenes basisbevillinger pr. år med fakturalisten pr. kommune. Udgivne, historiske tabeller vises mod deres oplyste total og en præcis fordeling.'}
      </p>
      {props.message ? <Alert variant="success">{props.message}</Alert> : null}
      {canEditEconomy(ctx) ? (
        <form method="post" action="/oekonomi/basisbevillinger/udgivne" class="mb-6">
          <CsrfField ctx={ctx} />
          <button type="submit" class="button button-secondary">{en ? 'Import the published base grants' : 'Indlæs de udgivne basisbevillinger'}</button>
          <span class="form-hint ml-4">{en ? 'Years already imported are skipped.' : 'År, der allerede er indlæst, springes over.'}</span>
        </form>
      ) : null}
      {props.grants.length === 0 ? (
        <p>{en ? 'There are no base grants yet. Link a distribution key to a hub and a year from its page.' : 'Der er endnu ingen basisbevillinger. Knyt en fordelingsnøgle til et erhvervshus og et år fra nøglens side.'}</p>
      ) : (
        <ScrollRegion label={title}>
          <table class="table table--zebra">
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{en ? 'Base grant' : 'Basisbevilling'}</th>
                <th scope="col" class="align-text-right">{en ? 'Stated total' : 'Oplyst total'}</th>
                <th scope="col" class="align-text-right">{en ? 'Rows sum to' : 'Rækkerne summerer til'}</th>
                <th scope="col" class="align-text-right">{en ? 'Deviation' : 'Afvigelse'}</th>
                <th scope="col" class="align-text-right">{en ? 'Rows differing from an exact split' : 'Rækker, der afviger fra en præcis fordeling'}</th>
              </tr>
            </thead>
            <tbody>
              {props.grants.map((g) => (
                <tr>
                  <td>
                    <a href={`/oekonomi/basisbevillinger/${g.id}`}>{`${g.year}, ${g.businessHubName}`}</a>
                    {g.source === 'published' ? <span class="badge badge-small ml-3">{en ? 'Published' : 'Udgivet'}</span> : null}
                  </td>
                  <td class="align-text-right">{withUnit(g.statedTotal, g.unit, en)}</td>
                  <td class="align-text-right">{n(g.linesTotal)}</td>
                  <td class="align-text-right">{g.deviation.deviation.isZero() ? '0' : <strong>{signed(g.deviation.deviation)}</strong>}</td>
                  <td class="align-text-right">{g.deviation.differingRows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </EconomyPage>
  );
};

export const BaseGrantPage = (props: { ctx: PageContext; grant: BaseGrant; deviation: Deviation }) => {
  const { ctx, grant, deviation } = props;
  const en = ctx.locale === 'en';
  const title = invoiceTitle(grant);
  const inThousands = grant.unit === '1000 DKK';
  const base = `/oekonomi/basisbevillinger/${grant.id}`;
  const total = deviation.linesTotal;
  return (
    <EconomyPage ctx={ctx} title={title} section="baseGrants" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p class="font-lead">
        {grant.source === 'published' ? `${en ? 'Key according to the published table' : 'Fordelingsgrundlag ifølge den udgivne tabel'}: ${grant.keyBasis}` : grant.keyBasis}
      </p>
      <Facts
        rows={[
          [en ? 'Business hub' : 'Erhvervshus', grant.businessHubName],
          [en ? 'Year' : 'År', String(grant.year)],
          [en ? 'Stated total' : 'Oplyst total', withUnit(grant.statedTotal, grant.unit, en)],
          [en ? 'Distribution key' : 'Fordelingsnøgle', <a href={`/oekonomi/fordelingsnoegler/${grant.allocationId}/versioner/${grant.allocationVersion}`}>{`Version ${grant.allocationVersion}`}</a>],
          [en ? 'Created' : 'Oprettet', `${formatDateTime(grant.createdAt)} ${en ? 'by' : 'af'} ${grant.createdBy}`],
        ]}
      />
      <h2>{en ? 'Invoice list' : 'Fakturaliste'}</h2>
      <ButtonRow>
        <a href={`${base}/fakturaliste.xlsx`} class={rowButton('primary')} download>{en ? 'Download invoice list (Excel)' : 'Hent fakturaliste (Excel)'}</a>
        <a href={`${base}/fakturaliste.csv`} class={rowButton('secondary')} download>{en ? 'Download CSV' : 'Hent CSV'}</a>
      </ButtonRow>
      <ScrollRegion label={en ? 'Invoice list' : 'Fakturaliste'}>
        <table class="table table--zebra table--compact">
          <caption class="sr-only">{en ? 'Invoice list per municipality' : 'Fakturaliste pr. kommune'}</caption>
          <thead>
            <tr>
              <th scope="col">{en ? 'Code' : 'Kode'}</th>
              <th scope="col">{en ? 'Municipality' : 'Kommune'}</th>
              <th scope="col" class="align-text-right">{`${en ? 'Amount' : 'Beløb'} (${unitText(grant.unit, en)})`}</th>
              {inThousands ? <th scope="col" class="align-text-right">{en ? 'Amount (DKK)' : 'Beløb (kr.)'}</th> : null}
            </tr>
          </thead>
          <tbody>
            {deviation.rows.map((r) => (
              <tr>
                <td>{r.municipalityCode}</td>
                <td>{r.municipalityName}</td>
                <td class="align-text-right">{formatDanishNumber(r.amount)}</td>
                {inThousands ? <td class="align-text-right">{formatDanishNumber(r.amount.mul(Rational.of(1000n)))}</td> : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={2}>{en ? 'Total' : 'I alt'}</th>
              <td class="align-text-right" data-testid="invoice-total"><strong>{formatDanishNumber(total)}</strong></td>
              {inThousands ? <td class="align-text-right"><strong>{formatDanishNumber(total.mul(Rational.of(1000n)))}</strong></td> : null}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <DeviationSection ctx={ctx} grant={grant} deviation={deviation} />
    </EconomyPage>
  );
};

const DeviationSection = (props: { ctx: PageContext; grant: BaseGrant; deviation: Deviation }) => {
  const { ctx, deviation } = props;
  const en = ctx.locale === 'en';
  const d = deviation.deviation;
  const sumsUp = d.isZero();
  return (
    <section aria-labelledby="deviation-heading">
      <h2 id="deviation-heading">{en ? 'Check against an exact split' : 'Kontrol mod en præcis fordeling'}</h2>
      <p data-testid="deviation">
        {sumsUp
          ? en
            ? `The rows add up exactly to the stated total of ${formatDanishNumber(deviation.statedTotal)}.`
            : `Rækkerne summerer præcis til den oplyste total på ${formatDanishNumber(deviation.statedTotal)}.`
          : en
            ? `The rows add up to ${formatDanishNumber(deviation.linesTotal)}, not the stated total of ${formatDanishNumber(deviation.statedTotal)} (${signed(d)}): each row was rounded on its own.`
            : `Rækkerne summerer til ${formatDanishNumber(deviation.linesTotal)}, ikke den oplyste total på ${formatDanishNumber(deviation.statedTotal)} (${signed(d)}): hver række er afrundet for sig.`}{' '}
        {deviation.differingRows === 0
          ? en ? 'An exact split of the stated total gives the same rows.' : 'En præcis fordeling af den oplyste total giver de samme rækker.'
          : en
            ? `An exact split of the stated total by the same rows differs in ${deviation.differingRows} row(s), marked below.`
            : `En præcis fordeling af den oplyste total efter de samme rækker afviger i ${deviation.differingRows} ${deviation.differingRows === 1 ? 'række' : 'rækker'}, markeret nedenfor.`}
      </p>
      <ScrollRegion label={en ? 'Exact split' : 'Præcis fordeling'}>
        <table class="table table--compact">
          <caption class="sr-only">{en ? 'Invoiced amounts against an exact split' : 'Fakturerede beløb mod en præcis fordeling'}</caption>
          <thead>
            <tr>
              <th scope="col">{en ? 'Municipality' : 'Kommune'}</th>
              <th scope="col" class="align-text-right">{props.grant.source === 'published' ? (en ? 'Published' : 'Udgivet') : en ? 'Invoiced' : 'Faktureret'}</th>
              <th scope="col" class="align-text-right">{en ? 'Exact share of the stated total' : 'Præcis andel af den oplyste total'}</th>
              <th scope="col" class="align-text-right">{en ? 'Exact split' : 'Præcis fordeling'}</th>
              <th scope="col" class="align-text-right">{en ? 'Difference' : 'Forskel'}</th>
            </tr>
          </thead>
          <tbody>
            {deviation.rows.map((r) => (
              <tr class={r.difference.isZero() ? undefined : 'deviating'}>
                <th scope="row" class="weight-normal">{`${r.municipalityName} (${r.municipalityCode})`}</th>
                <td class="align-text-right">{formatDanishNumber(r.amount)}</td>
                <td class="align-text-right">{formatDanishNumber(r.exact, 4)}</td>
                <td class="align-text-right">{formatDanishNumber(r.split)}</td>
                <td class="align-text-right">{r.difference.isZero() ? '0' : <strong>{`${signed(r.difference)} ${en ? '(differs)' : '(afviger)'}`}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
};
