import { formatDanishNumber, formatDanishPercent } from '../../domain/allocation/allocation.ts';
import type { Rational } from '../../domain/money/rational.ts';
import type { PageContext } from '../../web/context.ts';
import type { FormErrors, FormValues } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { ButtonRow, EconomyPage, rowButton } from '../allocations/economy.views.tsx';
import type { StoredVersion } from '../allocations/allocations.repository.ts';
import { upliftLines } from './pl-rates.export.ts';
import type { PlRate } from './pl-rates.schema.ts';
import type { UpliftView } from './pl-rates.service.ts';
import { UpliftForm } from './pl-rates.views.tsx';

const n = (value: Rational) => formatDanishNumber(value);
const signed = (value: Rational) => (value.isPositive() ? `+${n(value)}` : n(value));

export const UpliftPage = (props: {
  ctx: PageContext;
  version: StoredVersion;
  rates: PlRate[];
  values: FormValues;
  errors?: FormErrors;
  uplift?: UpliftView | undefined;
  query: string;
}) => {
  const { ctx, version, uplift } = props;
  const en = ctx.locale === 'en';
  const base = `/oekonomi/fordelingsnoegler/${version.allocationId}/versioner/${version.version}`;
  const title = en ? 'PL uplift' : 'PL-fremskrivning';
  return (
    <EconomyPage ctx={ctx} title={`${title}: ${version.name}`} section="allocations" crumbs={[{ href: base, label: `${version.name} (version ${version.version})` }, { label: title }]}>
      <h1>{title}</h1>
      <p class="font-lead">
        {en
          ? `Next year's contributions from this year's (${version.name}, version ${version.version}) with a price-and-wage rate, and a surplus paid back by the same key.`
          : `Næste års bidrag ud fra årets (${version.name}, version ${version.version}) med en pris- og lønsats, og tilbagebetaling af et overskud efter samme nøgle.`}
      </p>
      <UpliftForm ctx={ctx} action={`${base}/pl-fremskrivning`} rates={props.rates} values={props.values} errors={props.errors ?? {}} />
      {uplift ? <UpliftResultSection ctx={ctx} uplift={uplift} exportBase={`${base}/pl-fremskrivning`} query={props.query} /> : null}
    </EconomyPage>
  );
};

const UpliftResultSection = (props: { ctx: PageContext; uplift: UpliftView; exportBase: string; query: string }) => {
  const { ctx, uplift } = props;
  const en = ctx.locale === 'en';
  const t = uplift.uplift;
  const chosen = t.mode;
  return (
    <section aria-labelledby="uplift-heading" class="mt-7">
      <h2 id="uplift-heading">{en ? 'Next year’s contributions' : 'Næste års bidrag'}</h2>
      {upliftLines(uplift).map((line) => (
        <p>{line}</p>
      ))}
      <ButtonRow>
        <a href={`${props.exportBase}.xlsx?${props.query}`} class={rowButton('secondary')} download>{en ? 'Download Excel' : 'Hent Excel'}</a>
        <a href={`${props.exportBase}.csv?${props.query}`} class={rowButton('secondary')} download>{en ? 'Download CSV' : 'Hent CSV'}</a>
      </ButtonRow>
      <ScrollRegion label={en ? 'Uplift per municipality' : 'Fremskrivning pr. kommune'}>
        <table class="table table--zebra table--compact">
          <caption>{en ? 'Contributions in DKK' : 'Bidrag i kr.'}</caption>
          <thead>
            <tr>
              <th scope="col">{en ? 'Municipality' : 'Kommune'}</th>
              <th scope="col" class="align-text-right">{en ? 'This year' : 'I år'}</th>
              <th scope="col" class="align-text-right">{en ? 'Exact uplift' : 'Præcist fremskrevet'}</th>
              <th scope="col" class="align-text-right">{en ? 'Each row rounded' : 'Afrundet pr. række'}{chosen === 'perRow' ? (en ? ' (chosen)' : ' (valgt)') : ''}</th>
              <th scope="col" class="align-text-right">{en ? 'Rounded together' : 'Afrundet samlet'}{chosen === 'exactSum' ? (en ? ' (chosen)' : ' (valgt)') : ''}</th>
              <th scope="col" class="align-text-right">{en ? 'Difference' : 'Forskel'}</th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr>
                <th scope="row" class="weight-normal">{r.name}</th>
                <td class="align-text-right">{n(r.current)}</td>
                <td class="align-text-right">{formatDanishNumber(r.exact, 4)}</td>
                <td class="align-text-right">{chosen === 'perRow' ? <strong>{n(r.perRow)}</strong> : n(r.perRow)}</td>
                <td class="align-text-right">{chosen === 'exactSum' ? <strong>{n(r.exactSum)}</strong> : n(r.exactSum)}</td>
                <td class="align-text-right">{r.difference.isZero() ? '0' : signed(r.difference)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{en ? 'Total' : 'I alt'}</th>
              <td class="align-text-right">{n(t.currentTotal)}</td>
              <td class="align-text-right">{formatDanishNumber(t.exactTotal, 4)}</td>
              <td class="align-text-right"><strong>{n(t.perRowTotal)}</strong></td>
              <td class="align-text-right"><strong>{n(t.exactSumTotal)}</strong></td>
              <td class="align-text-right">{signed(t.exactSumTotal.sub(t.perRowTotal))}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {uplift.payback ? (
        <>
          <h2>{en ? 'Surplus paid back' : 'Tilbagebetaling af overskud'}</h2>
          <p>
            {en
              ? `Surplus after carry-forward: ${n(uplift.payback.payback)} DKK; ${n(uplift.payback.paidBack)} DKK is paid back by the key. ${uplift.payback.residue.isZero() ? '' : `${n(uplift.payback.residue)} DKK below one rounding step stays with the carry-forward.`}`
              : `Overskud efter overførsel: ${n(uplift.payback.payback)} kr.; ${n(uplift.payback.paidBack)} kr. betales tilbage efter nøglen. ${uplift.payback.residue.isZero() ? '' : `${n(uplift.payback.residue)} kr. under én afrundingsenhed bliver stående sammen med det overførte.`}`}
          </p>
          <ScrollRegion label={en ? 'Payback per municipality' : 'Tilbagebetaling pr. kommune'}>
            <table class="table table--zebra table--compact">
              <caption>{en ? 'Payback in DKK' : 'Tilbagebetaling i kr.'}</caption>
              <thead>
                <tr>
                  <th scope="col">{en ? 'Municipality' : 'Kommune'}</th>
                  <th scope="col" class="align-text-right">{en ? 'Share' : 'Andel'}</th>
                  <th scope="col" class="align-text-right">{en ? 'Paid back' : 'Tilbagebetales'}</th>
                </tr>
              </thead>
              <tbody>
                {uplift.payback.allocation.recipients.map((r) => (
                  <tr>
                    <th scope="row" class="weight-normal">{r.name}</th>
                    <td class="align-text-right">{formatDanishPercent(r.share, 2)}</td>
                    <td class="align-text-right">{n(r.allocated)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{en ? 'Total' : 'I alt'}</th>
                  <td class="align-text-right">100 %</td>
                  <td class="align-text-right"><strong>{n(uplift.payback.allocation.allocatedTotal)}</strong></td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        </>
      ) : null}
    </section>
  );
};
