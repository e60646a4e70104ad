// The details form of a result contract: title, base grant (with the allocations feature's linked base
// grant as a hint), signatories, dates, follow-up and note. A plain DKFDS form as the editing pages:
// labels, an error summary, errors next to the fields, what was typed kept, a CSRF token, no JavaScript.
import { contractStatusLabels, readContractDecimal, type ContractInput } from '../../domain/contracts/contracts.ts';
import { formatDanishNumber } from '../../domain/allocation/allocation.format.ts';
import type { PageContext } from '../../web/context.ts';
import { ErrorSummary, SelectField, TextArea, TextField, stringValue, type FormValues } from '../../web/components/forms.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { BaseGrantHint } from './contract-details.service.ts';
import type { FormState } from './contract-editing.views.tsx';
import type { StoredContract } from './contracts.service.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);

/** An amount in kroner as the form shows it: "17.645.000" (thousands dots, decimal comma). */
export const formatKroner = (amount: unknown): string => {
  const value = readContractDecimal(amount);
  return value === null ? String(amount ?? '') : formatDanishNumber(value, 2);
};

/** The form's values from the stored document. */
export function detailsFormValues(document: ContractInput, revision: number): FormValues {
  const values: FormValues = {
    revision: String(revision),
    title: document.title,
    'baseGrant.amount': document.baseGrant ? formatKroner(document.baseGrant.amount) : '',
    'baseGrant.distributionKey': document.baseGrant?.distributionKey ?? '',
    'baseGrant.note': document.baseGrant?.note ?? '',
    'dates.agreedOn': document.dates.agreedOn ?? '',
    'dates.signedOn': document.dates.signedOn ?? '',
    'dates.sentToKlAndErstOn': document.dates.sentToKlAndErstOn ?? '',
    'followUp.year': String(document.followUp.year),
    'followUp.quarter': String(document.followUp.quarter),
    note: document.note ?? '',
  };
  (document.signatories ?? []).forEach((s, i) => {
    values[`signatories.${i}.name`] = s.name ?? '';
    values[`signatories.${i}.signedOn`] = s.signedOn ?? '';
  });
  return values;
}


const GrantHint = (props: { ctx: PageContext; hint: BaseGrantHint }) => {
  const { ctx, hint } = props;
  const total = `${formatDanishNumber(hint.totalKroner, 2)} kr.`;
  const how = hint.source === 'knudepunkt' ? t(ctx, 'fordelt i Knudepunkt', 'allocated in Knudepunkt') : t(ctx, 'efter den offentliggjorte tabel', 'as in the published table');
  return (
    <p>
      {t(ctx, `Basisbevillingen ${hint.year} for erhvervshuset er ${how}: i alt ${total} (${hint.keyBasis}). `, `The base grant ${hint.year} of the hub is ${how}: ${total} in total (${hint.keyBasis}). `)}
      <a href={`/oekonomi/basisbevillinger/${hint.id}`}>{t(ctx, `Se basisbevillingen ${hint.year}`, `See the base grant ${hint.year}`)}</a>
    </p>
  );
};

export const ContractDetailsPage = (props: { ctx: PageContext; stored: StoredContract; hint: BaseGrantHint | null; action: string; state: FormState }) => {
  const { ctx, stored, state } = props;
  const document = stored.document;
  const errors = state.errors ?? {};
  const v = state.values;
  const contractPath = `/kontrakter/${stored.row.id}`;
  const title = t(ctx, 'Redigér kontraktens oplysninger', "Edit the contract's details");
  const status = contractStatusLabels[stored.contract.status];
  const grant = document.baseGrant;
  return (
    <Page
      ctx={ctx}
      title={title}
      breadcrumbs={[{ href: '/kontrakter', label: t(ctx, 'Resultatkontrakter', 'Result contracts') }, { href: contractPath, label: `${stored.row.hub_name} ${stored.row.year}` }, { label: title }]}
    >
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} message={state.message} />
      <p class="font-lead">{t(ctx, `${document.title}. Status: ${status.da}.`, `${document.title}. Status: ${status.en}.`)}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="revision" value={stringValue(v, 'revision') ?? String(stored.row.revision)} />
        <TextField ctx={ctx} name="title" label={t(ctx, 'Titel', 'Title')} value={stringValue(v, 'title')} error={errors.title} inputClass="input-width-xl" />

        <fieldset>
          <legend class="h2">{t(ctx, 'Basisbevilling', 'Base grant')}</legend>
          {props.hint ? <GrantHint ctx={ctx} hint={props.hint} /> : null}
          <TextField
            ctx={ctx}
            name="baseGrant.amount"
            label={t(ctx, 'Beløb (kr.)', 'Amount (DKK)')}
            required={stored.contract.status !== 'draft'}
            hint={
              stored.contract.status === 'draft'
                ? t(ctx, 'Kroner, fx 17.645.000 eller 17645000 (punktum mellem tusinder, komma før øre). Lad beløb og fordelingsnøgle stå tomme, hvis bevillingen ikke kendes endnu.', 'Kroner, e.g. 17.645.000 or 17645000 (dots between thousands, comma before øre). Leave amount and key empty if the grant is not known yet.')
                : t(ctx, 'Kroner, fx 17.645.000 eller 17645000 (punktum mellem tusinder, komma før øre). Skal angives, når kontrakten ikke længere er et udkast.', 'Kroner, e.g. 17.645.000 or 17645000 (dots between thousands, comma before øre). Required once the contract is no longer a draft.')
            }
            value={stringValue(v, 'baseGrant.amount')}
            error={errors['baseGrant.amount']}
            inputClass="input-width-m"
          />
          <TextField ctx={ctx} name="baseGrant.distributionKey" label={t(ctx, 'Fordelingsnøgle', 'Distribution key')} required={stored.contract.status !== 'draft'} hint={t(ctx, 'Fx "Folketal 1. kvartal 2023 efter bopælskommune".', 'E.g. "Population Q1 2023 by municipality of residence".')} value={stringValue(v, 'baseGrant.distributionKey')} error={errors['baseGrant.distributionKey']} inputClass="input-width-xl" />
          <TextArea ctx={ctx} required={false} inputClass="input-width-xl" name="baseGrant.note" label={t(ctx, 'Bemærkning til basisbevillingen', 'Note on the base grant')} value={stringValue(v, 'baseGrant.note')} error={errors['baseGrant.note']} />
          {grant?.tableRowsTotal !== undefined || grant?.invoicedTotal !== undefined ? (
            <p class="text-small">
              {[
                grant.tableRowsTotal !== undefined ? t(ctx, `Kontraktens tabel summerer til ${formatKroner(grant.tableRowsTotal)} kr.`, `The contract's table sums to ${formatKroner(grant.tableRowsTotal)} DKK.`) : null,
                grant.invoicedTotal !== undefined ? t(ctx, `Faktureret i alt ${formatKroner(grant.invoicedTotal)} kr.`, `Invoiced in total ${formatKroner(grant.invoicedTotal)} DKK.`) : null,
              ]
                .filter(Boolean)
                .join(' ')}
            </p>
          ) : null}
        </fieldset>

        <fieldset>
          <legend class="h2">{t(ctx, 'Underskrivere', 'Signatories')}</legend>
          {(document.signatories ?? []).length === 0 ? <p>{t(ctx, 'Kontrakten har ingen underskrivere.', 'The contract has no signatories.')}</p> : null}
          {(document.signatories ?? []).map((signatory, i) => (
            <fieldset>
              <legend class="h3">{signatory.title}</legend>
              <TextField ctx={ctx} name={`signatories.${i}.name`} label={t(ctx, 'Navn', 'Name')} required={false} value={stringValue(v, `signatories.${i}.name`)} error={errors[`signatories.${i}.name`]} inputClass="input-width-l" />
              <TextField ctx={ctx} name={`signatories.${i}.signedOn`} type="date" label={t(ctx, 'Underskrevet den', 'Signed on')} required={false} value={stringValue(v, `signatories.${i}.signedOn`)} error={errors[`signatories.${i}.signedOn`]} />
            </fieldset>
          ))}
        </fieldset>

        <fieldset>
          <legend class="h2">{t(ctx, 'Datoer', 'Dates')}</legend>
          <p>{t(ctx, `Kontrakten gælder fra ${document.dates.effectiveFrom}.`, `The contract is effective from ${document.dates.effectiveFrom}.`)}</p>
          <TextField ctx={ctx} name="dates.agreedOn" type="date" label={t(ctx, 'Aftalt den', 'Agreed on')} required={false} value={stringValue(v, 'dates.agreedOn')} error={errors['dates.agreedOn']} />
          <TextField ctx={ctx} name="dates.signedOn" type="date" label={t(ctx, 'Underskrevet den', 'Signed on')} required={false} value={stringValue(v, 'dates.signedOn')} error={errors['dates.signedOn']} />
          <TextField ctx={ctx} name="dates.sentToKlAndErstOn" type="date" label={t(ctx, 'Sendt til KL og Erhvervsstyrelsen den', 'Sent to KL and the Danish Business Authority on')} required={false} value={stringValue(v, 'dates.sentToKlAndErstOn')} error={errors['dates.sentToKlAndErstOn']} />
        </fieldset>

        <fieldset>
          <legend class="h2">{t(ctx, 'Opfølgning', 'Follow-up')}</legend>
          <TextField ctx={ctx} name="followUp.year" label={t(ctx, 'År', 'Year')} value={stringValue(v, 'followUp.year')} error={errors['followUp.year']} inputClass="input-width-xs" />
          <SelectField ctx={ctx} name="followUp.quarter" label={t(ctx, 'Kvartal', 'Quarter')} options={['1', '2', '3', '4'].map((q) => ({ value: q, label: t(ctx, `${q}. kvartal`, `Q${q}`) }))} value={stringValue(v, 'followUp.quarter')} error={errors['followUp.quarter']} />
        </fieldset>

        <TextArea ctx={ctx} required={false} inputClass="input-width-xl" name="note" label={t(ctx, 'Bemærkning til kontrakten', 'Note on the contract')} value={stringValue(v, 'note')} error={errors.note} />
        <button type="submit" class="button button-primary">{t(ctx, 'Gem oplysningerne', 'Save the details')}</button>
      </form>
      <p>
        <a href={contractPath}>{t(ctx, 'Tilbage til kontrakten uden at gemme', 'Back to the contract without saving')}</a>
      </p>
    </Page>
  );
};
