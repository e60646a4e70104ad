import type { PageContext } from '../../web/context.ts';
import { Alert, ErrorSummary, TextField, stringValue, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { Table } from '../../web/components/table.tsx';
import { formatDateTime } from '../../web/format.ts';
import { CsrfField, Page } from '../../web/layout.tsx';
import type { ContactPerson } from './contact-persons.schema.ts';

const t = (ctx: PageContext, da: string, en: string) => (ctx.locale === 'en' ? en : da);

export const ContactPersonsPage = (props: {
  ctx: PageContext;
  company: { id: string; name: string };
  persons: ContactPerson[];
  canAdd: boolean;
  isAdmin: boolean;
  values: FormValues;
  errors?: FormErrors;
  notice?: string | undefined;
}) => {
  const { ctx, values } = props;
  const errors = props.errors ?? {};
  const title = t(ctx, 'Kontaktpersoner', 'Contact persons');
  return (
    <Page
      ctx={ctx}
      title={`${title}: ${props.company.name}`}
      wide
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
      {props.notice ? <Alert variant="success">{props.notice}</Alert> : null}
      <p>
        {t(
          ctx,
          'Kontaktpersoner er personoplysninger. Registrér kun det, der er nødvendigt for vejledningen. En administrator kan udlevere alt, der er registreret om en person, og slette personen, uden at virksomhedens historik går tabt.',
          'Contact persons are personal data. Register only what the guidance needs. An administrator can export everything held on a person and erase the person without losing the company’s history.',
        )}
      </p>
      {props.persons.length === 0 ? (
        <p>{t(ctx, 'Ingen kontaktpersoner registreret.', 'No contact persons registered.')}</p>
      ) : (
        <Table
          caption={title}
          hideCaption
          columns={[ctx.t('common.name'), t(ctx, 'Titel', 'Title'), ctx.t('common.email'), t(ctx, 'Telefon', 'Phone'), t(ctx, 'Registreret af', 'Registered by'), ...(props.isAdmin ? [ctx.t('common.actions')] : [])]}
        >
          {props.persons.map((person) =>
            person.erasedAt ? (
              <tr>
                <td colspan={props.isAdmin ? 6 : 5}>
                  {t(ctx, 'Slettet', 'Erased')} {formatDateTime(person.erasedAt)} ({t(ctx, 'personoplysningerne er fjernet', 'the personal data has been removed')})
                </td>
              </tr>
            ) : (
              <tr>
                <td>{person.name}</td>
                <td>{person.title ?? '–'}</td>
                <td>{person.email ?? '–'}</td>
                <td>{person.phone ?? '–'}</td>
                <td>{person.organisationName}</td>
                {props.isAdmin ? (
                  <td>
                    <div class="table-actions">
                      <a href={`/kontaktpersoner/${person.id}/eksport`} class="button button-secondary button-small" download>
                        {t(ctx, 'Udlevér data', 'Export data')}
                      </a>
                      <a href={`/kontaktpersoner/${person.id}/slet`} class="button button-secondary button-small" aria-label={`${t(ctx, 'Slet personoplysninger om', 'Erase personal data of')} ${person.name}`}>
                        {t(ctx, 'Slet personen', 'Erase person')}
                      </a>
                    </div>
                  </td>
                ) : null}
              </tr>
            ),
          )}
        </Table>
      )}
      {props.canAdd ? (
        <>
          <h2>{t(ctx, 'Tilføj kontaktperson', 'Add contact person')}</h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action={`/virksomheder/${props.company.id}/kontaktpersoner`} novalidate>
            <CsrfField ctx={ctx} />
            <TextField ctx={ctx} name="name" label={ctx.t('common.name')} value={stringValue(values, 'name')} error={errors.name} autocomplete="off" />
            <TextField ctx={ctx} name="title" label={t(ctx, 'Titel', 'Title')} required={false} value={stringValue(values, 'title')} error={errors.title} autocomplete="off" />
            <TextField ctx={ctx} name="email" type="email" label={ctx.t('common.email')} required={false} value={stringValue(values, 'email')} error={errors.email} autocomplete="off" />
            <TextField ctx={ctx} name="phone" label={t(ctx, 'Telefon', 'Phone')} required={false} value={stringValue(values, 'phone')} error={errors.phone} autocomplete="off" />
            <button type="submit" class="button button-primary">
              {ctx.t('form.save')}
            </button>
          </form>
        </>
      ) : null}
    </Page>
  );
};

export const EraseContactPersonPage = (props: { ctx: PageContext; person: ContactPerson }) => {
  const { ctx, person } = props;
  const title = t(ctx, 'Slet personoplysninger', 'Erase personal data');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={[{ href: `/virksomheder/${person.companyId}/kontaktpersoner`, label: person.companyName }, { label: title }]}>
      <h1>{title}</h1>
      <Alert variant="warning" heading={t(ctx, 'Kan ikke fortrydes', 'Cannot be undone')}>
        {t(
          ctx,
          `Navn, titel, e-mail og telefon for ${person.name} hos ${person.companyName} slettes. At der har været en kontaktperson, bevares i virksomhedens historik.`,
          `The name, title, e-mail and phone of ${person.name} at ${person.companyName} are erased. That there was a contact person stays in the company's history.`,
        )}
      </Alert>
      <form method="post" action={`/kontaktpersoner/${person.id}/slet`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="button button-primary">
          {t(ctx, 'Slet personoplysningerne', 'Erase the personal data')}
        </button>
        <a href={`/virksomheder/${person.companyId}/kontaktpersoner`} class="button button-secondary ml-4">
          {ctx.t('form.cancel')}
        </a>
      </form>
    </Page>
  );
};
