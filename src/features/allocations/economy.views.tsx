// The frame of the economy pages (Økonomi): distribution keys, data sets, base grants and PL rates
// share a side menu, so a KKR secretary moves between import, key, invoice list and uplift.
import type { Child } from 'hono/jsx';
import { hasRole } from '../../domain/actor.ts';
import type { PageContext } from '../../web/context.ts';
import { SelectField } from '../../web/components/forms.tsx';
import { Page } from '../../web/layout.tsx';

export type EconomySection = 'allocations' | 'dataSets' | 'baseGrants' | 'plRates';

const sections: { key: EconomySection; href: string; da: string; en: string }[] = [
  { key: 'allocations', href: '/oekonomi/fordelingsnoegler', da: 'Fordelingsnøgler', en: 'Distribution keys' },
  { key: 'dataSets', href: '/oekonomi/datasaet', da: 'Datasæt', en: 'Data sets' },
  { key: 'baseGrants', href: '/oekonomi/basisbevillinger', da: 'Basisbevillinger', en: 'Base grants' },
  { key: 'plRates', href: '/oekonomi/pl-satser', da: 'PL-satser', en: 'Price and wage rates' },
];

export const sectionLabel = (ctx: PageContext, key: EconomySection): string => {
  const section = sections.find((s) => s.key === key)!;
  return ctx.locale === 'en' ? section.en : section.da;
};

/** kkr and admin create and change allocations, data sets, base grants and rates; all others read. */
export const canEditEconomy = (ctx: PageContext): boolean => ctx.actor !== null && hasRole(ctx.actor, 'kkr', 'admin');

export const EconomyPage = (props: {
  ctx: PageContext;
  title: string;
  section: EconomySection;
  /** Crumbs after the section's own crumb; the last one is the current page. */
  crumbs?: { href?: string; label: string }[];
  children: Child;
}) => {
  const { ctx, section } = props;
  const en = ctx.locale === 'en';
  const own = sections.find((s) => s.key === section)!;
  const crumbs = props.crumbs ?? [];
  const breadcrumbs = [
    { href: '/', label: ctx.t('nav.home') },
    crumbs.length > 0 ? { href: own.href, label: en ? own.en : own.da } : { label: en ? own.en : own.da },
    ...crumbs,
  ];
  return (
    <Page ctx={ctx} title={props.title} wide breadcrumbs={breadcrumbs}>
      <div class="row">
        <div class="col-12 col-lg-3">
          <nav aria-label={en ? 'Finance' : 'Økonomi'}>
            <ul class="sidemenu">
              {sections.map((s) => {
                const current = s.key === section;
                return (
                  <li class={current ? 'active current' : undefined}>
                    <a href={s.href} class="nav-link" aria-current={current && crumbs.length === 0 ? 'page' : undefined}>
                      <div>{en ? s.en : s.da}</div>
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
        <div class="col-12 col-lg-9">{props.children}</div>
      </div>
    </Page>
  );
};

/** A definition list of facts (DKFDS has no summary list; a borderless table reads well). */
export const Facts = (props: { rows: [string, Child][] }) => (
  <table class="table table--borderless table--compact facts">
    <tbody>
      {props.rows.map(([label, value]) => (
        <tr>
          <th scope="row">{label}</th>
          <td>{value}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** Economy forms choose among long names (data sets, "Erhvervshus Nordjylland (11 kommuner)"). */
export const WideSelectField = (props: Parameters<typeof SelectField>[0]) => <SelectField {...props} width={props.width ?? 'input-width-xl'} />;

/** A row of buttons and download links (DKFDS's .table-actions is a bordered table toolbar). */
export const ButtonRow = (props: { children: Child }) => <div class="d-flex flex-wrap align-items-center mt-5 mb-5 button-row">{props.children}</div>;

/** Class of a button in a ButtonRow: the space between buttons (DKFDS has no gap utility). */
export const rowButton = (variant: 'primary' | 'secondary' | 'tertiary') => `button button-${variant} mr-4 mb-4`;
