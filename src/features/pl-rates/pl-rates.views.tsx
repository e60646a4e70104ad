import { formatDanishNumber } from '../../domain/allocation/allocation.ts';
import { parseDecimal, Rational } from '../../domain/money/rational.ts';
import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, SelectField, TextField, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { ScrollRegion } from '../../web/components/scroll-region.tsx';
import { CsrfField } from '../../web/layout.tsx';
import { canEditEconomy, EconomyPage, sectionLabel, WideSelectField } from '../allocations/economy.views.tsx';
import type { PlRate } from './pl-rates.schema.ts';

export const percentText = (text: string) => `${formatDanishNumber(parseDecimal(text) ?? Rational.ZERO)} %`;
export const rateLabel = (r: PlRate) => `${r.year} – ${r.category}: ${percentText(r.percent)} (${r.source}, udgivet ${r.releasedOn})`;

export const PlRatesPage = (props: { ctx: PageContext; rates: PlRate[]; values?: FormValues; errors?: FormErrors; message?: string | undefined }) => {
  const { ctx } = props;
  const en = ctx.locale === 'en';
  const title = sectionLabel(ctx, 'plRates');
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  return (
    <EconomyPage ctx={ctx} title={title} section="plRates">
      <h1>{title}</h1>
      <p class="font-lead">
        {en
          ? "KL's price-and-wage rates (PL) from its budget guidance. KL revises them; a revision is added as a new release, and the newest release of a year and category is the current one."
          : 'KL’s pris- og lønskøn (PL) fra budgetvejledningen. KL reviderer dem; en revision tilføjes som en ny udgivelse, og den nyeste udgivelse for et år og en kategori er den gældende.'}
      </p>
      {props.message === 'gemt' ? <Alert variant="success">{en ? 'The rate is saved.' : 'Satsen er gemt.'}</Alert> : null}
      {props.rates.length === 0 ? (
        <p>{en ? 'No rates yet.' : 'Der er endnu ingen satser.'}</p>
      ) : (
        <ScrollRegion label={title}>
          <table class="table table--zebra">
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{en ? 'Year' : 'År'}</th>
                <th scope="col">{en ? 'Category' : 'Kategori'}</th>
                <th scope="col" class="align-text-right">{en ? 'Rate' : 'Sats'}</th>
                <th scope="col">{en ? 'Source' : 'Kilde'}</th>
                <th scope="col">{en ? 'Released' : 'Udgivet'}</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {props.rates.map((r) => (
                <tr>
                  <td>{r.year}</td>
                  <td>{r.category}</td>
                  <td class="align-text-right">{percentText(r.percent)}</td>
                  <td>{r.source}</td>
                  <td>{r.releasedOn}</td>
                  <td>{r.current ? <span class="badge badge-success badge-small">{en ? 'Current' : 'Gældende'}</span> : en ? 'Revised' : 'Revideret'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {canEditEconomy(ctx) ? (
        <>
          <h2>{en ? 'Add a rate or a revision' : 'Tilføj en sats eller en revision'}</h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action="/oekonomi/pl-satser" novalidate>
            <CsrfField ctx={ctx} />
            <TextField ctx={ctx} name="year" type="number" label={en ? 'Year' : 'År'} value={stringValue(values, 'year')} error={errors.year} inputClass="input-width-xs" />
            <TextField ctx={ctx} name="category" label={en ? 'Category' : 'Kategori'} value={stringValue(values, 'category') ?? 'Serviceudgifter i alt'} error={errors.category} />
            <TextField ctx={ctx} name="percent" label={en ? 'Rate (%)' : 'Sats (%)'} value={stringValue(values, 'percent')} error={errors.percent} hint={en ? 'E.g. 4,8' : 'Fx 4,8'} inputClass="input-width-xs" />
            <TextField ctx={ctx} name="source" label={en ? 'Source' : 'Kilde'} value={stringValue(values, 'source')} error={errors.source} hint={en ? 'E.g. "KL, Budgetvejledning 2024"' : 'Fx "KL, Budgetvejledning 2024"'} />
            <TextField ctx={ctx} name="releasedOn" type="date" label={en ? 'Released on' : 'Udgivet den'} value={stringValue(values, 'releasedOn')} error={errors.releasedOn} inputClass="input-width-s" />
            <button type="submit" class="button button-primary">{ctx.t('form.save')}</button>
          </form>
        </>
      ) : null}
    </EconomyPage>
  );
};

export const UpliftForm = (props: { ctx: PageContext; action: string; rates: PlRate[]; values: FormValues; errors: FormErrors }) => {
  const { ctx, values, errors } = props;
  const en = ctx.locale === 'en';
  const current = props.rates.filter((r) => r.current);
  return (
    <form method="get" action={props.action} novalidate>
      <ErrorSummary ctx={ctx} errors={errors} />
      <div class="row">
        <div class="col-12 col-md-8">
          <WideSelectField ctx={ctx} name="rate" label={en ? 'PL rate' : 'PL-sats'} required={false} value={stringValue(values, 'rate') ?? current[0]?.id} error={errors.rate} placeholder={en ? 'Type the rate instead' : 'Skriv satsen i stedet'} options={current.map((r) => ({ value: r.id, label: rateLabel(r) }))} />
        </div>
        <div class="col-12 col-md-4">
          <TextField ctx={ctx} name="percent" label={en ? 'Or the rate (%)' : 'Eller satsen (%)'} required={false} value={stringValue(values, 'percent')} error={errors.percent} hint={en ? 'Overrides the chosen rate' : 'Går forud for den valgte sats'} inputClass="input-width-xs" />
        </div>
        <div class="col-12 col-md-4">
          <SelectField ctx={ctx} name="rounding" label={en ? 'Rounding' : 'Afrunding'} value={stringValue(values, 'rounding') ?? 'kroner'} error={errors.rounding} options={[{ value: 'kroner', label: en ? 'Whole kroner' : 'Hele kroner' }, { value: 'oere', label: 'Øre' }]} />
        </div>
        <div class="col-12 col-md-8">
          <SelectField
            ctx={ctx}
            name="mode"
            label={en ? 'Rows' : 'Rækkerne'}
            value={stringValue(values, 'mode') ?? 'perRow'}
            error={errors.mode}
            options={[
              { value: 'perRow', label: en ? 'Each row rounded on its own' : 'Hver række afrundet for sig' },
              { value: 'exactSum', label: en ? 'Rounded together: the rows sum to the uplifted total' : 'Afrundet samlet: rækkerne summerer til den fremskrevne total' },
            ]}
          />
        </div>
        <div class="col-12 col-md-6">
          <TextField ctx={ctx} name="surplus" label={en ? 'Surplus to pay back (DKK)' : 'Overskud til tilbagebetaling (kr.)'} required={false} value={stringValue(values, 'surplus')} error={errors.surplus} />
        </div>
        <div class="col-12 col-md-6">
          <TextField ctx={ctx} name="carriedForward" label={en ? 'Of which carried forward (DKK)' : 'Heraf overført til næste år (kr.)'} required={false} value={stringValue(values, 'carriedForward')} error={errors.carriedForward} />
        </div>
      </div>
      <button type="submit" class="button button-primary">{en ? 'Calculate' : 'Beregn'}</button>
    </form>
  );
};
