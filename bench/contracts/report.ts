// The contract evaluation's tables in bench/README.md (rendered by ../report.ts for each target).
import type { ContractPhaseResult, Samples } from './phase.ts';

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const int = (value: number) => Math.round(value).toLocaleString('en-US');
const times = (value: number) => `×${value < 10 ? value.toFixed(2) : value.toFixed(0)}`;

const row = (label: string, f: Samples, baseline?: Samples) =>
  `| ${label} | ${ms(f.p50)} | ${ms(f.min)} | ${ms(f.p95)} | ${ms(f.max)} | ${f.runs} | ${baseline ? `${times(f.p50 / baseline.p50)} (min ${times(f.min / baseline.min)})` : ''} |`;

const partLabels: Record<string, string> = {
  responses: '`findResponses` — the hub\'s responses of the year, every column',
  countedCourses: '`findCountedCourses` — the courses counted in the year (year counting rule)',
  guidedCompanies: '`findGuidedCompaniesByYear` — companies guided in the year and the year before (every meeting of every course of the hub)',
  guidedCompaniesTwoYears: '`findGuidedCompaniesInYearAndBefore` — the same sets from the two years\' meetings only (what the service uses)',
};

export function contractSection(c: ContractPhaseResult, label: string): string[] {
  const lines = [
    `#### Contract evaluation (\`evaluateStoredContract\`, ${c.contract}, all goals) against a hand-written SQL baseline`,
    '',
    `The whole synthetic data set at ${c.scale} scale (\`knudepunkt demo generate\`: ${int(c.generateS)} s to load, then VACUUM ANALYZE ${c.vacuumS.toFixed(1)} s). ` +
      `Hub ${c.hubId}, ${c.year}: ${int(c.data.responses)} evaluation responses, ${int(c.data.countedCourses)} courses counted in the year (of the hub's ${int(c.data.hubCourses)}). ` +
      `Before timing, the baseline's figures were checked equal to the service's — exact value and n — for all ${c.checkedTargets} measured targets ` +
      `(${c.externalTargets} more are external figures the service reads from the contract). Service and baseline run alternately in one loop, one at a time on one connection.`,
    '',
    '| path | median ms | min ms | p95 ms | max ms | runs | median ÷ baseline |',
    '|---|--:|--:|--:|--:|--:|--:|',
    row('`evaluateStoredContract` (the service: all goals, figures with their record ids and intervals)', c.service, c.baseline),
    row('SQL baseline (2 statements: evaluation metrics by segment; CRM counts and newCompanyShare)', c.baseline),
    row('service, right after the load (before VACUUM)', c.beforeVacuum.service, c.beforeVacuum.baseline),
    row('baseline, right after the load (before VACUUM)', c.beforeVacuum.baseline),
  ];
  if (c.jitOn) {
    lines.push(row('service, JIT on for the session (`-c jit=on`, PostgreSQL\'s default)', c.jitOn.service, c.jitOn.baseline), row('baseline, JIT on for the session', c.jitOn.baseline));
  }
  lines.push('', `Where the service's time goes on ${label} (each read alone, after the VACUUM):`, '', '| read | median ms | min ms | p95 ms | max ms | runs |', '|---|--:|--:|--:|--:|--:|');
  for (const [id, f] of Object.entries(c.parts)) lines.push(`| ${partLabels[id] ?? id} | ${ms(f.p50)} | ${ms(f.min)} | ${ms(f.p95)} | ${ms(f.max)} | ${f.runs} |`);
  lines.push('');
  return lines;
}
