// Output of `knudepunkt courses stats`: the JSON exactly as 02-crm.md shows it, or a readable Danish
// summary for a person at a terminal.
import { guidanceCategories, guidanceCategoryLabels } from '../../domain/guidance/guidance.types.ts';
import type { CourseStats } from '../../domain/guidance/course-stats.ts';

export function formatCourseStatsJson(stats: CourseStats): string {
  // Key order as in the spec: uniqueCompanies, newCompanies, courses, byMunicipality.
  const ordered: CourseStats = {
    uniqueCompanies: stats.uniqueCompanies,
    newCompanies: stats.newCompanies,
    courses: Object.fromEntries(guidanceCategories.map((c) => [c, stats.courses[c]])) as CourseStats['courses'],
    byMunicipality: stats.byMunicipality,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function formatCourseStatsSummary(
  stats: CourseStats,
  context: { hub: string; year: number; path: string; municipalityNames: ReadonlyMap<string, string> },
): string {
  const n = (value: number) => value.toLocaleString('da-DK');
  const totalCourses = guidanceCategories.reduce((sum, c) => sum + stats.courses[c], 0);
  const lines = [
    `Forløbsstatistik ${context.year} – ${context.hub}`,
    `Fil: ${context.path}`,
    'Et forløb tæller i hvert år, hvor det har et registreret møde; uden møder tæller det i startåret.',
    '',
    `Unikke virksomheder: ${n(stats.uniqueCompanies)}`,
    `Nye virksomheder:    ${n(stats.newCompanies)} (vejledt i ${context.year}, men ikke i ${context.year - 1} af samme erhvervshus)`,
    '',
    'Forløb pr. kategori',
    ...guidanceCategories.map((c) => `  ${guidanceCategoryLabels[c].da.padEnd(14)} ${n(stats.courses[c]).padStart(6)}`),
    `  ${'I alt'.padEnd(14)} ${n(totalCourses).padStart(6)}`,
  ];
  const codes = Object.keys(stats.byMunicipality);
  if (codes.length === 0) {
    lines.push('', `Ingen forløb tæller i ${context.year} for ${context.hub}.`);
    return `${lines.join('\n')}\n`;
  }
  const label = (code: string) => `${code} ${context.municipalityNames.get(code) ?? ''}`.trim();
  const width = Math.max(...codes.map((code) => label(code).length), 'Kommune'.length);
  lines.push('', `  ${'Kommune'.padEnd(width)}  Virksomheder  Forløb`);
  let companiesInMunicipalities = 0;
  for (const code of codes) {
    const m = stats.byMunicipality[code]!;
    companiesInMunicipalities += m.uniqueCompanies;
    lines.push(`  ${label(code).padEnd(width)}  ${n(m.uniqueCompanies).padStart(12)}  ${n(m.courses).padStart(6)}`);
  }
  if (companiesInMunicipalities > stats.uniqueCompanies) {
    lines.push('', 'En virksomhed med forløb i flere kommuner tælles med i hver af dem, men kun én gang i alt.');
  }
  return `${lines.join('\n')}\n`;
}
