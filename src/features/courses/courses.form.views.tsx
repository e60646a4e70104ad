import { guidanceCategories, guidanceCategoryLabels, guidanceSegmentLabels, guidanceSegments, guidanceTargetGroupLabels, guidanceTargetGroups, guidanceThemeLabels, guidanceThemes } from '../../domain/guidance/guidance.types.ts';
import type { PageContext } from '../../web/context.ts';
import { CheckboxGroup, ErrorSummary, SelectField, TextField, listValue, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { CsrfField, Page } from '../../web/layout.tsx';
import { courseStatuses } from './courses.schema.ts';

export const statusLabels = {
  planned: { da: 'Planlagt', en: 'Planned' },
  active: { da: 'I gang', en: 'Active' },
  completed: { da: 'Afsluttet', en: 'Completed' },
  cancelled: { da: 'Afbrudt', en: 'Cancelled' },
} as const;

export const CourseFormPage = (props: {
  ctx: PageContext;
  company: { id: string; name: string };
  courseId?: string;
  values: FormValues;
  errors?: FormErrors;
}) => {
  const { ctx, values } = props;
  const errors = props.errors ?? {};
  const lang = ctx.locale;
  const title = props.courseId ? (lang === 'en' ? 'Edit course' : 'Redigér forløb') : lang === 'en' ? 'New guidance course' : 'Nyt forløb';
  return (
    <Page
      ctx={ctx}
      title={`${title}: ${props.company.name}`}
      breadcrumbs={[
        { href: '/', label: ctx.t('nav.home') },
        { href: '/virksomheder', label: ctx.t('nav.companies') },
        { href: `/virksomheder/${props.company.id}`, label: props.company.name },
        { label: title },
      ]}
    >
      <h1>
        {title}: {props.company.name}
      </h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={props.courseId ? `/forloeb/${props.courseId}` : `/virksomheder/${props.company.id}/forloeb`} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="category"
          label={lang === 'en' ? 'Category' : 'Kategori'}
          value={stringValue(values, 'category')}
          error={errors.category}
          placeholder=""
          options={guidanceCategories.map((key) => ({ value: key, label: guidanceCategoryLabels[key][lang] }))}
        />
        <CheckboxGroup
          ctx={ctx}
          name="themes"
          legend={lang === 'en' ? 'Themes' : 'Tematikker'}
          options={guidanceThemes.map((key) => ({ value: key, label: guidanceThemeLabels[key][lang] }))}
          values={listValue(values, 'themes')}
          error={errors.themes}
        />
        <SelectField
          ctx={ctx}
          name="segment"
          label="Segment"
          required={false}
          value={stringValue(values, 'segment')}
          error={errors.segment}
          placeholder=""
          options={guidanceSegments.map((key) => ({ value: key, label: guidanceSegmentLabels[key][lang] }))}
        />
        <SelectField
          ctx={ctx}
          name="targetGroup"
          label={lang === 'en' ? 'Target group' : 'Målgruppe'}
          required={false}
          value={stringValue(values, 'targetGroup')}
          error={errors.targetGroup}
          placeholder=""
          options={guidanceTargetGroups.map((key) => ({ value: key, label: guidanceTargetGroupLabels[key][lang] }))}
        />
        <TextField ctx={ctx} name="startDate" type="date" label={lang === 'en' ? 'Start date' : 'Startdato'} value={stringValue(values, 'startDate')} error={errors.startDate} />
        <TextField ctx={ctx} name="endDate" type="date" label={lang === 'en' ? 'End date' : 'Slutdato'} required={false} value={stringValue(values, 'endDate')} error={errors.endDate} />
        <SelectField
          ctx={ctx}
          name="status"
          label="Status"
          value={stringValue(values, 'status') ?? 'active'}
          error={errors.status}
          options={courseStatuses.map((key) => ({ value: key, label: statusLabels[key][lang] }))}
        />
        <button type="submit" class="button button-primary">
          {ctx.t('form.save')}
        </button>
      </form>
    </Page>
  );
};
