// The life of a result contract (04-contracts.md): draft → agreed → signed → reported → followedUp.
// Only one step forward at a time; anything else is refused with a Danish message naming both states.
import { AppError } from '../errors.ts';
import { contractStatusLabels, contractStatuses } from './contract.vocabulary.ts';
import type { ContractStatus } from './contract.vocabulary.ts';

const next: Readonly<Record<ContractStatus, ContractStatus | null>> = {
  draft: 'agreed',
  agreed: 'signed',
  signed: 'reported',
  reported: 'followedUp',
  followedUp: null,
};

/** The status a contract may move to from `from`, or null when it is finished. */
export function nextContractStatus(from: ContractStatus): ContractStatus | null {
  return next[from];
}

export function canTransition(from: ContractStatus, to: ContractStatus): boolean {
  return next[from] === to;
}

export type TransitionResult = { ok: true; status: ContractStatus } | { ok: false; message: string; messageEn: string };

export function checkTransition(from: ContractStatus, to: ContractStatus): TransitionResult {
  if (canTransition(from, to)) return { ok: true, status: to };
  const fromDa = contractStatusLabels[from].da;
  const toDa = contractStatusLabels[to].da;
  const fromEn = contractStatusLabels[from].en;
  const toEn = contractStatusLabels[to].en;
  const allowed = next[from];
  if (from === to) {
    return { ok: false, message: `Resultatkontrakten har allerede status "${fromDa}".`, messageEn: `The result contract already has status "${fromEn}".` };
  }
  if (allowed === null) {
    return {
      ok: false,
      message: `Resultatkontrakten har status "${fromDa}" og kan ikke skifte til "${toDa}": den er fulgt op og afsluttet.`,
      messageEn: `The result contract has status "${fromEn}" and cannot change to "${toEn}": it is followed up and closed.`,
    };
  }
  return {
    ok: false,
    message: `Resultatkontrakten kan ikke skifte status fra "${fromDa}" til "${toDa}". Næste tilladte status er "${contractStatusLabels[allowed].da}".`,
    messageEn: `The result contract cannot change status from "${fromEn}" to "${toEn}". The next allowed status is "${contractStatusLabels[allowed].en}".`,
  };
}

/** Returns the new status, or throws an AppError (conflict) with the Danish message on field `status`. */
export function transitionContractStatus(from: ContractStatus, to: ContractStatus): ContractStatus {
  const result = checkTransition(from, to);
  if (result.ok) return result.status;
  throw new AppError('conflict', result.message, {
    en: result.messageEn,
    internal: `contract status ${from} -> ${to} refused`,
    fields: [{ field: 'status', message: result.message }],
  });
}

export function isContractStatus(value: string): value is ContractStatus {
  return (contractStatuses as readonly string[]).includes(value);
}
