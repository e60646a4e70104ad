// Table types of result contracts (migration 20261123050000_contracts.sql).
import type { ColumnType, Generated } from 'kysely';
import type { ContractStatus } from '../../domain/contracts/contract.vocabulary.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type ContractOrigin = 'shipped' | 'copy' | 'new';

export interface ContractsTable {
  id: Generated<string>;
  slug: string;
  business_hub_id: string;
  kkr_id: string;
  year: number;
  status: ContractStatus;
  document: Json;
  revision: Generated<number>;
  origin: ContractOrigin;
  copied_from: string | null;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ContractFilesTable {
  id: Generated<string>;
  contract_id: string;
  storage_id: string;
  original_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface ContractReportsTable {
  id: Generated<string>;
  contract_id: string;
  version: number;
  issued_at: Timestamp;
  issued_by: string | null;
  issued_by_name: string;
  note: string | null;
  report: Json;
}

export interface ContractTables {
  contracts: ContractsTable;
  contract_files: ContractFilesTable;
  contract_reports: ContractReportsTable;
}
