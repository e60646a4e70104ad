// Organisations and users of the synthetic data set: the 6 business hubs, a local business office per
// municipality (98), a KKR secretariat per KKR (5) and a few external organisations, with a few users
// each. Users have no password and no invitation: they are names for advisers and authors and cannot
// log in (password_hash is null until an invitation is accepted, and none is ever sent).
import type { SyntheticContext, SyntheticEntity } from './context.ts';
import { mulberry32, seededUuid } from './random.ts';
import { firstNames, surnames } from './vocabulary.ts';

const EXTERNALS = ['Eksportrådet', 'Innovationsfonden', 'Vækstfonden', 'Danmarks Eksport- og Investeringsfond'];
const CREATED_AT = new Date('2022-01-01T08:00:00Z');

const ascii = (text: string) =>
  text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z0-9]+/g, '-');

/** Users per organisation kind: [roles, how many]. */
const staff: Record<string, readonly (readonly [readonly string[], number])[]> = {
  hub: [[['manager', 'adviser'], 1], [['adviser'], 7], [['admin'], 1]],
  localOffice: [[['adviser'], 2]],
  kkrSecretariat: [[['kkr'], 1], [['viewer'], 1]],
  external: [[['adviser'], 1]],
};

export const organisationsEntity: SyntheticEntity = {
  name: 'organisationer og brugere',
  tables(context: SyntheticContext) {
    const random = mulberry32(context.seed ^ 0x0a9a11);
    const organisations = context.organisations;
    for (const kkr of context.kkrs) {
      organisations.push({ id: seededUuid(random), name: `${kkr.name}s sekretariat`, kind: 'kkrSecretariat', regionCode: kkr.regionCode, hubId: null, municipalityCode: null });
    }
    for (const hub of context.hubs) {
      organisations.push({ id: seededUuid(random), name: hub.name, kind: 'hub', regionCode: hub.regionCode, hubId: hub.id, municipalityCode: null });
    }
    for (const m of context.municipalities) {
      organisations.push({ id: seededUuid(random), name: `Erhvervsservice ${m.name}`, kind: 'localOffice', regionCode: m.regionCode, hubId: null, municipalityCode: m.code });
    }
    for (const name of EXTERNALS) {
      organisations.push({ id: seededUuid(random), name, kind: 'external', regionCode: null, hubId: null, municipalityCode: null });
    }
    const kkrOf = new Map(context.kkrs.map((k) => [k.regionCode, k.id]));
    const users: (readonly [string, string, string, string, readonly string[]])[] = [];
    for (const organisation of organisations) {
      const advisers: string[] = [];
      for (const [roles, count] of staff[organisation.kind] ?? []) {
        for (let i = 0; i < count; i++) {
          const id = seededUuid(random);
          const name = `${random.pick(firstNames)} ${random.pick(surnames)}`;
          users.push([id, organisation.id, `${ascii(name).replace(/-/g, '.')}.${users.length + 1}@syntetisk.knudepunkt.example`, name, roles]);
          context.userNames.set(id, name);
          if (roles.includes('adviser')) advisers.push(id);
        }
      }
      context.advisers.set(organisation.id, advisers);
    }
    return [
      {
        table: 'organisations',
        columns: ['id', 'name', 'kind', 'business_hub_id', 'municipality_code', 'kkr_id', 'email', 'is_demo', 'created_at', 'updated_at'],
        rows: organisations.map((o) => [
          o.id,
          o.name,
          o.kind,
          o.hubId,
          o.municipalityCode,
          o.kind === 'kkrSecretariat' ? (kkrOf.get(o.regionCode ?? 0) ?? null) : null,
          `kontakt@${ascii(o.name)}.syntetisk.knudepunkt.example`,
          true,
          CREATED_AT,
          CREATED_AT,
        ]),
      },
      {
        table: 'users',
        columns: ['id', 'organisation_id', 'email', 'name', 'password_hash', 'roles', 'is_demo', 'created_at', 'updated_at'],
        rows: users.map(([id, organisationId, email, name, roles]) => [id, organisationId, email, name, null, roles, true, CREATED_AT, CREATED_AT]),
      },
    ];
  },
};
