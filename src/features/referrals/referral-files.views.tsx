// The screening on the referral form (a file input; the form is multipart, no JavaScript needed) and
// the link to download it on the referral page.
import type { PageContext } from '../../web/context.ts';
import { SelectField, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { MAX_SCREENING_BYTES, SCREENING_FIELD, type ScreeningInfo } from './referral-files.service.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);

/** The kind (referral or lead) and, for a lead, the screening file. */
export const ScreeningFields = (props: { ctx: PageContext; values: FormValues; errors: FormErrors }) => {
  const { ctx, errors } = props;
  const error = errors[SCREENING_FIELD];
  return (
    <>
      <SelectField
        ctx={ctx}
        name="kind"
        label={t(ctx, 'Type', 'Kind')}
        value={stringValue(props.values, 'kind') ?? 'referral'}
        error={errors.kind}
        options={[
          { value: 'referral', label: t(ctx, 'Henvisning', 'Referral') },
          { value: 'lead', label: t(ctx, 'Lead (fra en bæredygtighedsscreening)', 'Lead (from a sustainability screening)') },
        ]}
      />
      <div class={`form-group${error ? ' form-error' : ''}`}>
        <label class="form-label" for={SCREENING_FIELD}>
          {t(ctx, 'Screening', 'Screening')}
          <span class="weight-normal"> ({ctx.t('form.optional')})</span>
        </label>
        <span class="form-hint" id={`${SCREENING_FIELD}-hint`}>
          {t(ctx, `Kun for leads: PDF, DOCX, XLSX eller CSV, højst ${MAX_SCREENING_BYTES / 1024 / 1024} MB. Ses kun af din og den modtagende organisation.`, `Leads only: PDF, DOCX, XLSX or CSV, at most ${MAX_SCREENING_BYTES / 1024 / 1024} MB. Seen only by your and the receiving organisation.`)}
        </span>
        {error ? (
          <span class="form-error-message" id={`${SCREENING_FIELD}-error`}>
            <span class="sr-only">{ctx.t('form.error')}: </span>
            {error}
          </span>
        ) : null}
        <input
          type="file"
          id={SCREENING_FIELD}
          name={SCREENING_FIELD}
          class="form-input"
          accept=".pdf,.docx,.xlsx,.csv,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={[`${SCREENING_FIELD}-hint`, error ? `${SCREENING_FIELD}-error` : null].filter(Boolean).join(' ')}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
    </>
  );
};

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`);

export const ScreeningLink = (props: { ctx: PageContext; referralId: string; screening: ScreeningInfo }) => (
  <section aria-labelledby="screening">
    <h2 id="screening">{t(props.ctx, 'Screening', 'Screening')}</h2>
    <p>
      <a href={`/henvisninger/${props.referralId}/screening`} download>
        {props.screening.name}
      </a>{' '}
      ({size(props.screening.size)})
    </p>
  </section>
);
