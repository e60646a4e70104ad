import type { PageContext } from '../../web/context.ts';
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField, listValue, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import { activityKindLabels, activityKinds } from './activities.schema.ts';
import { t } from './activities.views.tsx';


/**
 * Register or change an activity. `companies` are the companies already on it (from the company page:
 * that company); further participants are added by CVR number.
 */
export const ActivityFormPage = (props: {
  ctx: PageContext;
  companies: { id: string; name: string }[];
  /** Where the user came from: the company page, or the activity when changing it. */
  back: { href: string; label: string };
  /** The form's target: the company's activities (new) or the activity (change). */
  action: string;
  activityId?: string;
  values: FormValues;
  errors?: FormErrors;
}) => {
  const { ctx, values } = props;
  const errors = props.errors ?? {};
  const lang = ctx.locale;
  const title = props.activityId ? t(ctx, 'Redigér aktivitet', 'Edit activity') : t(ctx, 'Ny aktivitet', 'New activity');
  return (
    <Page
      ctx={ctx}
      title={`${title}: ${props.back.label}`}
      breadcrumbs={[{ href: '/', label: ctx.t('nav.home') }, { href: '/aktiviteter', label: ctx.t('nav.activities') }, { href: props.back.href, label: props.back.label }, { label: title }]}
    >
      <h1>
        {title}: {props.back.label}
      </h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={props.action} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="kind"
          label="Type"
          value={stringValue(values, 'kind')}
          error={errors.kind}
          placeholder=""
          options={activityKinds.map((key) => ({ value: key, label: activityKindLabels[key][lang] }))}
        />
        <TextField ctx={ctx} name="activityDate" type="date" label={t(ctx, 'Dato', 'Date')} value={stringValue(values, 'activityDate')} error={errors.activityDate} />
        <TextField ctx={ctx} name="title" label={t(ctx, 'Titel', 'Title')} hint={t(ctx, 'Kort, fx "Besøg om generationsskifte".', 'Short, e.g. "Visit about succession".')} value={stringValue(values, 'title')} error={errors.title} />
        {props.companies.length > 0 ? (
          <CheckboxGroup
            ctx={ctx}
            name="companyIds"
            legend={t(ctx, 'Virksomheder', 'Companies')}
            options={props.companies.map((company) => ({ value: company.id, label: company.name }))}
            values={listValue(values, 'companyIds')}
            error={errors.companyIds}
          />
        ) : null}
        <TextArea
          ctx={ctx}
          name="cvrs"
          required={false}
          rows={2}
          label={t(ctx, 'Flere deltagende virksomheder (CVR-numre)', 'More participating companies (CVR numbers)')}
          hint={t(ctx, 'Adskil med komma eller linjeskift. Virksomhederne skal være registreret i Knudepunkt.', 'Separate with commas or line breaks. The companies must be registered in Knudepunkt.')}
          value={stringValue(values, 'cvrs')}
          error={errors.cvrs}
        />
        <TextField
          ctx={ctx}
          name="participantCount"
          type="number"
          required={false}
          label={t(ctx, 'Antal deltagere', 'Number of participants')}
          hint={t(ctx, 'Kun for arrangementer (kollektive aktiviteter).', 'Events (collective activities) only.')}
          value={stringValue(values, 'participantCount')}
          error={errors.participantCount}
        />
        <TextArea ctx={ctx} required={false} name="note" label="Note" value={stringValue(values, 'note')} error={errors.note} />
        <SelectField
          ctx={ctx}
          name="noteVisibility"
          label={t(ctx, 'Hvem kan se noten', 'Who can see the note')}
          value={stringValue(values, 'noteVisibility') ?? 'internal'}
          error={errors.noteVisibility}
          options={[
            { value: 'internal', label: t(ctx, 'Kun min organisation (intern)', 'Only my organisation (internal)') },
            { value: 'shared', label: t(ctx, 'Alle organisationer i regionen (delt)', 'All organisations in the region (shared)') },
          ]}
        />
        <button type="submit" class="button button-primary">
          {ctx.t('form.save')}
        </button>
      </form>
    </Page>
  );
};
