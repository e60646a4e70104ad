// The shape of a benchmark run's results, shared by run.ts (which fills it) and report.ts (which
// renders it). Kept apart so neither file grows past what one reads at once.
import type { ContractPhaseResult } from './contracts/phase.ts';
import type { HttpFigures } from './http/load.ts';
import type { LatencyFigures } from './measure.ts';
import type { ExplainedQuery } from './search/explain.ts';

export interface LoadFigure {
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

export interface SearchFigures extends LatencyFigures {
  /** Median number of matching companies (the count the page shows). */
  matches: number;
}

export interface RoundResult {
  /** The whole data set through the bulk path (COPY), indexes in place. */
  load: LoadFigure;
  /** First round only: one slice through COPY and through multi-row INSERTs, the bulk path's baseline. */
  slice?: { copy: LoadFigure; insert: LoadFigure };
  analyzeMs: number;
  search: Record<string, SearchFigures>;
  baselines: Record<BaselineId, LatencyFigures>;
}

export type BaselineId = 'cvr-equals' | 'primary-key';

export const baselineLabels: Record<BaselineId, string> = {
  'cvr-equals': 'findCompanyRowByCvr: `cvr = $1` (unique index)',
  'primary-key': '`select * from companies where id = $1` (primary key)',
};

export interface TargetResult {
  label: string;
  version: string;
  companies: number;
  scale: string;
  regionSizes: Record<string, number>;
  rounds: RoundResult[];
  kinds: { id: string; label: string; example: string }[];
  explain: Record<string, ExplainedQuery[]>;
  /** Once per target, after the last round, on the whole synthetic data set (absent with --no-contracts). */
  contracts?: ContractPhaseResult;
  /** Once per target, after the contract phase (absent with --no-http). */
  http?: HttpResult;
  /** Once per target, after the HTTP phase (absent with --no-imports). */
  imports?: ImportResult;
}

export type HttpRouteId = 'trivial' | 'search' | 'searchTyped' | 'companyPage' | 'contractDashboard';

export const httpRouteLabels: Record<HttpRouteId, string> = {
  trivial: '`GET /healthz` — baseline',
  search: '`GET /virksomheder?q=…` (company search page, the mix\'s Nordjylland terms)',
  searchTyped: '`GET /virksomheder?q=…` as the search box sends it (htmx: the results part only)',
  companyPage: '`GET /virksomheder/<id>` (company page, 500 Nordjylland companies)',
  contractDashboard: '`GET /kontrakter/<id>` (contract dashboard, Nordjylland 2023 evaluated live, as a hub manager)',
};

export interface HttpResult {
  connections: number;
  /** contractDashboard: absent in runs from before it was measured, or without the contract phase. */
  routes: Record<Exclude<HttpRouteId, 'contractDashboard'>, HttpFigures> & { contractDashboard?: HttpFigures };
  /** The server process's peak resident memory over the whole HTTP phase. */
  peakRssMiB: number;
  /** The peak so far after each route (absent in runs from before it was recorded). */
  rssAfterMiB?: Partial<Record<HttpRouteId, number>>;
  /** Set when the server process died during the phase ("exit code 1", "killed by SIGKILL"). */
  serverExit?: string;
}

export interface RunInfo {
  date: string;
  commit: string;
  dirty: boolean;
  node: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  loadAverageStart: number[];
  loadAverageEnd: number[];
  rounds: number;
  runs: number;
  warmup: number;
  pageSize: number;
  seed: number;
  durationS: number;
}

/** The importers against a raw COPY of the same rows (rows per second), once per target. */
export interface ImportResult {
  cvr: LoadFigure;
  cvrCopy: LoadFigure;
  courses: LoadFigure;
  coursesCopy: LoadFigure;
}
