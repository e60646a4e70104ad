// What changed between two versions of an annual report (04-contracts.md: "later corrections make a
// new version, and the difference between versions can be seen"). Compared on the exact values, so a
// result that moves from 69,99 to 70 is a difference even where both are shown as "70,0"; written
// with the shown values (and the exact one where the shown ones look alike). The order is stable:
// summary, then goals by number (their targets and activities in the report's order), the
// geographic spread and the development.
import { Rational } from '../money/rational.ts';
import { formatDanish } from './report.build.ts';
import type { ContractReport, ReportActivity, ReportDifference, ReportGoal, ReportNumber, ReportTarget } from './report.types.ts';

type Out = ReportDifference[];

function add(out: Out, where: string, field: string, before: string | null, after: string | null): void {
  if (before !== after) out.push({ where, field, before, after });
}

/** Adds a difference when the exact values differ; shows "70,0 (6999/100)" when the shown ones are alike. */
function addNumber(out: Out, where: string, field: string, before: ReportNumber | null, after: ReportNumber | null, unit = ''): void {
  if ((before?.exact ?? null) === (after?.exact ?? null)) return;
  const alike = before !== null && after !== null && before.shown === after.shown;
  const text = (n: ReportNumber | null) => (n === null ? null : `${n.shown}${unit}${alike ? ` (${n.exact})` : ''}`);
  out.push({ where, field, before: text(before), after: text(after) });
}

const count = (n: number | null) => (n === null ? null : formatDanish(Rational.of(n), 0));
const holdsText = (holds: boolean | null) => (holds === null ? 'kan ikke vurderes' : holds ? 'ja' : 'nej');
const unitSuffix = (unit: string) => (unit === '' ? '' : ` ${unit}`);

/** Pairs items by key: those of `after` in its order, then those only in `before`. */
function pair<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): [T | null, T | null][] {
  const old = new Map(before.map((item) => [key(item), item]));
  const seen = new Set<string>();
  const pairs: [T | null, T | null][] = after.map((item) => {
    seen.add(key(item));
    return [old.get(key(item)) ?? null, item];
  });
  for (const item of before) if (!seen.has(key(item))) pairs.push([item, null]);
  return pairs;
}

function diffTarget(out: Out, goalWhere: string, b: ReportTarget | null, a: ReportTarget | null): void {
  const t = (a ?? b)!;
  const where = `${goalWhere} · ${t.label}`;
  if (b === null || a === null) {
    add(out, where, 'Målepunkt', b === null ? null : b.requirement, a === null ? null : a.requirement);
    return;
  }
  add(out, where, 'Krav', b.requirement, a.requirement);
  addNumber(out, where, 'Resultat', b.result, a.result, unitSuffix(a.unit));
  add(out, where, 'n', count(b.n), count(a.n));
  add(out, where, 'Opfyldt', holdsText(b.holds), holdsText(a.holds));
  add(out, where, 'Mangler', b.missing, a.missing);
  for (const [before, after] of pair(b.activities, a.activities, (x) => x.id)) diffActivity(out, where, before, after);
}

function diffActivity(out: Out, targetWhere: string, b: ReportActivity | null, a: ReportActivity | null): void {
  const where = `${targetWhere} · ${(a ?? b)!.name}`;
  add(out, where, 'Status', b?.statusLabel ?? null, a?.statusLabel ?? null);
  const evidence = (x: ReportActivity | null) => (x === null ? null : String(x.evidence.length));
  if (b !== null && a !== null) add(out, where, 'Dokumentation (antal)', evidence(b), evidence(a));
}

function diffGoal(out: Out, b: ReportGoal | null, a: ReportGoal | null): void {
  const g = (a ?? b)!;
  const where = `Mål ${g.number}`;
  if (b === null || a === null) {
    add(out, where, 'Mål', b === null ? null : b.title, a === null ? null : a.title);
    return;
  }
  add(out, where, 'Titel', b.title, a.title);
  add(out, where, 'Status', b.statusLabel, a.statusLabel);
  addNumber(out, where, 'Opfyldelse', b.fulfilment, a.fulfilment, ' %');
  for (const [before, after] of pair(b.targets, a.targets, (x) => x.id)) diffTarget(out, where, before, after);
}

export function diffReports(before: ContractReport, after: ContractReport): ReportDifference[] {
  const out: Out = [];
  const summary = 'Sammenfatning';
  add(out, summary, 'Dataperiode', `${before.period.from} – ${before.period.to}`, `${after.period.from} – ${after.period.to}`);
  add(out, summary, 'Kontraktens status', before.contractStatus, after.contractStatus);
  const s = [
    ['fulfilled', 'Opfyldte mål'],
    ['partlyFulfilled', 'Delvist opfyldte mål'],
    ['notFulfilled', 'Ikke opfyldte mål'],
    ['notMeasurable', 'Ikke målbare mål'],
    ['total', 'Mål i alt'],
  ] as const;
  for (const [key, field] of s) add(out, summary, field, String(before.summary[key]), String(after.summary[key]));

  const goals = pair(before.goals, after.goals, (g) => String(g.number)).sort(([b1, a1], [b2, a2]) => (a1 ?? b1)!.number - (a2 ?? b2)!.number);
  for (const [b, a] of goals) diffGoal(out, b, a);

  for (const [b, a] of pair(before.spread, after.spread, (r) => r.municipalityCode)) {
    const where = `Geografisk spredning · ${(a ?? b)!.municipalityName}`;
    if (b === null || a === null) {
      add(out, where, 'Kommune', b?.municipalityName ?? null, a?.municipalityName ?? null);
      continue;
    }
    add(out, where, 'Vejledte virksomheder', count(b.guidedCompanies), count(a.guidedCompanies));
    add(out, where, 'Forløb', count(b.courses), count(a.courses));
    add(out, where, 'Virksomheder i kommunen', count(b.companyPopulation), count(a.companyPopulation));
    addNumber(out, where, 'Andel vejledt', b.guidedShare, a.guidedShare, ' %');
  }

  const years = pair(before.development, after.development, (r) => String(r.year)).sort(([b1, a1], [b2, a2]) => (a1 ?? b1)!.year - (a2 ?? b2)!.year);
  for (const [b, a] of years) {
    const where = `Udvikling · ${(a ?? b)!.year}`;
    if (b === null || a === null) {
      add(out, where, 'År', b === null ? null : String(b.year), a === null ? null : String(a.year));
      continue;
    }
    add(out, where, 'Unikke virksomheder', count(b.uniqueCompanies), count(a.uniqueCompanies));
    add(out, where, 'Forløb', count(b.courses), count(a.courses));
    addNumber(out, where, 'NPS', b.nps, a.nps);
    add(out, where, 'NPS, n', count(b.npsN), count(a.npsN));
    addNumber(out, where, 'Andel henvisninger benyttet', b.referralUptakeShare, a.referralUptakeShare, ' %');
    add(out, where, 'Opfyldte mål', count(b.goalsFulfilled), count(a.goalsFulfilled));
    add(out, where, 'Mål i alt', count(b.goalsTotal), count(a.goalsTotal));
  }
  return out;
}
