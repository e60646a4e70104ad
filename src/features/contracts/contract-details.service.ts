// A result contract's details (issue 7; 04-contracts.md, "What a contract is"): title, base grant and
// distribution key, the signatories' names and signing dates, the dates agreed, signed and sent to KL
// and ERST, the follow-up quarter and the note. A copied contract or the shipped 2024 draft has no base
// grant, and the contract schema refuses "agreed" without one — this is where it is recorded. Everything
// else of the document is left as it is; the save goes through saveContractDocument (validation of the
// whole contract, editors only, a stale revision is a conflict, audited before/after).
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Contract, ContractInput } from '../../domain/contracts/contracts.ts';
import { AppError, forbidden, validationFailed, type FieldError } from '../../domain/errors.ts';
import { Rational, parseDecimal } from '../../domain/money/rational.ts';
import { findBaseGrant, findBaseGrantFor } from '../base-grants/base-grants.repository.ts';
import { parseDetailsForm, type DetailsEdit } from './contract-details.schema.ts';
import { readRevision } from './contract-editing.schema.ts';
import { saveContractDocument, type StoredContract } from './contracts.service.ts';

type Body = Record<string, string | string[] | undefined>;

const withoutUndefined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('da-DK') + text.slice(1);

/** The document with the form's details; goals, parties, status, effective date and stated totals unchanged. */
export function applyDetailsEdit(document: ContractInput, edit: DetailsEdit): ContractInput {
  const { baseGrant: previousGrant, ...rest } = document;
  const baseGrant = edit.baseGrant
    ? withoutUndefined({
        ...previousGrant,
        amount: edit.baseGrant.amount,
        distributionKey: edit.baseGrant.distributionKey,
        note: edit.baseGrant.note,
      })
    : undefined;
  const signatories = (document.signatories ?? []).map((signatory, i) =>
    withoutUndefined({ ...signatory, name: edit.signatories[i]?.name, signedOn: edit.signatories[i]?.signedOn }),
  );
  return withoutUndefined({
    ...rest,
    title: edit.title,
    signatories,
    dates: withoutUndefined({ ...document.dates, ...edit.dates }),
    ...(baseGrant ? { baseGrant } : {}),
    followUp: edit.followUp,
    note: edit.note,
  });
}

/**
 * Saves the details form (fields of parseDetailsForm, plus `revision`). The contract schema's own
 * refusals are shown on the form's fields: a base grant cleared after the draft ("baseGrant") on the
 * amount, a follow-up year before the contract year on that year.
 */
export async function editContractDetails(db: Executor, actor: Actor, stored: StoredContract, body: Body, clock: Clock): Promise<Contract> {
  if (!stored.mayEdit) throw forbidden(`may not edit contract ${stored.row.slug}`);
  const revision = readRevision(body);
  const document = applyDetailsEdit(stored.document, parseDetailsForm(body, stored.document));
  try {
    return await saveContractDocument(db, actor, { ...stored, row: { ...stored.row, revision } }, document, clock, 'contract-details');
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation' || error.fields.length === 0) throw error;
    const fields: FieldError[] = error.fields.map((f) =>
      f.field === 'baseGrant'
        ? { field: 'baseGrant.amount', message: `${capitalised(f.message)}. Basisbevillingen kan kun fjernes, mens kontrakten er et udkast.` }
        : { field: f.field, message: capitalised(f.message) },
    );
    throw validationFailed(fields);
  }
}

export interface BaseGrantHint {
  id: string;
  year: number;
  /** The linked base grant's stated total, in kroner. */
  totalKroner: Rational;
  keyBasis: string;
  /** 'knudepunkt': computed and locked in Knudepunkt; 'published': a historical table. */
  source: 'knudepunkt' | 'published';
}

/**
 * The base grant the allocations feature holds for the contract's hub and year (05-allocation.md),
 * offered as a hint on the form — computed in Knudepunkt first, else a published table. Only editors
 * see the form, and they may all read base grants.
 */
export async function baseGrantHint(db: Executor, stored: StoredContract): Promise<BaseGrantHint | null> {
  for (const source of ['knudepunkt', 'published'] as const) {
    const found = await findBaseGrantFor(db, stored.row.business_hub_id, stored.row.year, source);
    const grant = found ? await findBaseGrant(db, found.id) : undefined;
    const total = grant ? parseDecimal(grant.statedTotal) : null;
    if (grant && total) {
      const totalKroner = grant.unit === '1000 DKK' ? total.mul(Rational.of(1000n)) : total;
      return { id: grant.id, year: grant.year, totalKroner, keyBasis: grant.keyBasis, source };
    }
  }
  return null;
}
