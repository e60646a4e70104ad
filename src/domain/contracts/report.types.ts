// The annual report to KKR (04-contracts.md, "The annual report") as plain, JSON-safe data: the one
// model the web page, the PDF and the Excel file are rendered from, and what an issued report freezes
// as its snapshot. Numbers are carried twice: exact (a fraction "181/250" or an integer, so a frozen
// report can be compared exactly) and as shown (Danish, one decimal: "72,4").
import type { ActivityStatus, Comparison, GoalKind, GoalStatus } from './contract.vocabulary.ts';
import type { Contract, ContractEvaluation } from './contracts.ts';

/** A number as frozen in a report. */
export interface ReportNumber {
  /** Exact: "181/250", "72" or "-13/2". */
  exact: string;
  /** Shown: Danish notation, one decimal for shares and NPS, none for counts ("72,4", "812"). */
  shown: string;
}

export interface ReportInterval {
  low: string;
  high: string;
}

/** One target's line: requirement, measured result with n, interval and period, or what is missing. */
export interface ReportTarget {
  id: string;
  kind: 'metric' | 'count' | 'activities' | 'external';
  label: string;
  /** "≥ 70", "≥ 50 %", "alle indsatser tilfredsstillende gennemført". */
  requirement: string;
  comparison: Comparison | null;
  threshold: ReportNumber | null;
  unit: string;
  result: ReportNumber | null;
  n: number | null;
  interval: ReportInterval | null;
  period: { from: string; to: string } | null;
  /** Where the figure comes from ("Egne besvarelser og ERST", "ERST kendskabsmåling, 2023-09-30"). */
  source: string | null;
  holds: boolean | null;
  missing: string | null;
  /** How many records lie behind the figure, and the app path of the drill-down listing them. */
  recordCount: number;
  drillDownPath: string | null;
  baseline: string | null;
  activities: ReportActivity[];
}

export interface ReportEvidence {
  kind: 'text' | 'file' | 'link' | 'date';
  value: string;
  label: string | null;
  date: string | null;
}

export interface ReportActivity {
  id: string;
  name: string;
  status: ActivityStatus;
  statusLabel: string;
  evidence: ReportEvidence[];
  note: string | null;
}

export interface ReportGoal {
  number: number;
  title: string;
  kind: GoalKind;
  kindLabel: string;
  text: string;
  method: string | null;
  rationale: string | null;
  targets: ReportTarget[];
  status: GoalStatus;
  statusLabel: string;
  /** Fulfilment percent, null when not measurable. */
  fulfilment: ReportNumber | null;
  explanation: string;
  missing: string[];
  corrections: { field: string; stated: string; applied: string; reason: string }[];
}

/** Geographic spread: guided companies and courses per municipality of the hub, for the year. */
export interface ReportSpreadRow {
  municipalityCode: string;
  municipalityName: string;
  guidedCompanies: number;
  courses: number;
  /** Companies registered in the municipality (when known), and the guided share of them in percent. */
  companyPopulation: number | null;
  guidedShare: ReportNumber | null;
}

/** Development over the contract years: the same key figures per year. */
export interface ReportDevelopmentRow {
  year: number;
  uniqueCompanies: number;
  courses: number;
  nps: ReportNumber | null;
  npsN: number;
  referralUptakeShare: ReportNumber | null;
  /** Fulfilled goals of that year's contract, when there is one ("6 af 11"). */
  goalsFulfilled: number | null;
  goalsTotal: number | null;
}

export interface ContractReport {
  contractId: string;
  title: string;
  hub: string;
  kkr: string;
  year: number;
  contractStatus: string;
  /** ISO timestamp the numbers were computed at. */
  computedAt: string;
  /** Data period of the report: the contract year (to today when the year is not over). */
  period: { from: string; to: string };
  baseGrant: { amount: ReportNumber; distributionKey: string } | null;
  summary: { fulfilled: number; partlyFulfilled: number; notFulfilled: number; notMeasurable: number; total: number };
  goals: ReportGoal[];
  spread: ReportSpreadRow[];
  development: ReportDevelopmentRow[];
}

/** Everything the builder needs besides the contract and its evaluation (read from the database). */
export interface ReportInputs {
  contract: Contract;
  evaluation: ContractEvaluation;
  computedAt: Date;
  /** Drill-down path per target id (the service knows the routes), e.g. "/kontrakter/<id>/maal/3/svar". */
  drillDownPaths: Readonly<Record<string, string>>;
  spread: ReportSpreadRow[];
  development: ReportDevelopmentRow[];
}

/** An issued report: version n of the contract's report, frozen. */
export interface ReportSnapshot {
  version: number;
  issuedAt: string;
  issuedBy: string;
  note: string | null;
  report: ContractReport;
}

/** A difference between two versions of a report, for the "what changed" list. */
export interface ReportDifference {
  /** "Mål 3", "Mål 3 · NPS, drift", "Geografisk spredning · Læsø", "Sammenfatning". */
  where: string;
  field: string;
  before: string | null;
  after: string | null;
}
