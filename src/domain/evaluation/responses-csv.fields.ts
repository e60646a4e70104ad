// Readers for the columns of the responses CSV (03-evaluation.md, "Responses CSV"). Each returns the
// value or a Danish message fragment that begins with the value as written; responses-csv.ts adds line
// and column ("Linje 7, kolonne "recommend": "11" er ikke et tal fra 0 til 10.").
import { readMunicipalityCode } from '../municipality-code.ts';
import { readHub, type FieldReading } from '../guidance/courses-csv.fields.ts';
import { guidanceThemeLabels, guidanceThemes, type GuidanceTheme } from '../guidance/guidance.types.ts';
import { evaluationSources, type EvaluationSource } from './evaluation.types.ts';
import { findOption, labelKey, type ChoiceScale } from './instrument.ts';

const sourceByName = new Map<string, EvaluationSource>([
  ['erst', 'erst'],
  ['erhvervsstyrelsen', 'erst'],
  ['own', 'own'],
  ['egen', 'own'],
  ['egen evaluering', 'own'],
  ['knudepunkt', 'own'],
]);

export function readSource(text: string): FieldReading<EvaluationSource> {
  const key = sourceByName.get(labelKey(text));
  if (key !== undefined) return { ok: true, value: key };
  if (text === '') return { ok: false, message: `feltet er tomt – angiv kilden (${evaluationSources.join(' eller ')}).` };
  return { ok: false, message: `"${text}" er ikke en kilde – brug erst (Erhvervsstyrelsen) eller own (egen evaluering).` };
}

/** The hub's reference name; "Nordjylland" is accepted for "Erhvervshus Nordjylland". */
export function readResponseHub(text: string, hubs: readonly string[]): FieldReading<string> {
  const reading = readHub(text, hubs);
  if (reading.ok || text.trim() === '') return reading;
  const short = readHub(`Erhvervshus ${text}`, hubs);
  return short.ok ? short : reading;
}

/** A 4-digit year from 2000 to 2100 (the evaluations began with the 2019 reform). */
export function readGuidanceYear(text: string): FieldReading<number> {
  if (text === '') return { ok: false, message: 'feltet er tomt – angiv det vejledningsår, besvarelsen gælder (fx 2023).' };
  if (/^\d{4}$/.test(text) && Number(text) >= 2000 && Number(text) <= 2100) return { ok: true, value: Number(text) };
  return { ok: false, message: `"${text}" er ikke et årstal – skriv fx 2023.` };
}

/** 0-10, whole numbers only; empty is "not answered". */
export function readRecommend(text: string): FieldReading<number | null> {
  if (text === '') return { ok: true, value: null };
  if (/^\d{1,2}$/.test(text) && Number(text) <= 10) return { ok: true, value: Number(text) };
  return { ok: false, message: `"${text}" er ikke et tal fra 0 til 10.` };
}

/** A label of the scale (any letter case and spacing); empty is "not answered". */
export function readAnswer<K extends string>(scale: ChoiceScale<K>, text: string): FieldReading<K | null> {
  if (text === '') return { ok: true, value: null };
  const key = findOption(scale, text);
  if (key !== null) return { ok: true, value: key };
  const labels = scale.options.map((option) => option.da).join(', ');
  return { ok: false, message: `"${text}" er ikke et svar på skalaen – brug ${labels} (eller en tom celle for ubesvaret).` };
}

const themeByName = new Map<string, GuidanceTheme>(
  guidanceThemes.flatMap((theme) => [
    [labelKey(theme), theme] as const,
    [labelKey(guidanceThemeLabels[theme].da), theme] as const,
  ]),
);

/** Semicolon-separated theme keys (or Danish names); empty means the source gives no theme. */
export function readResponseThemes(text: string): { themes: GuidanceTheme[]; errors: { value: string; message: string }[] } {
  const themes: GuidanceTheme[] = [];
  const errors: { value: string; message: string }[] = [];
  for (const part of text.split(';').map((t) => t.trim()).filter((t) => t !== '')) {
    const theme = themeByName.get(labelKey(part));
    if (theme === undefined) errors.push({ value: part, message: `"${part}" er ikke et tema – brug ${guidanceThemes.join(', ')}.` });
    else if (!themes.includes(theme)) themes.push(theme);
  }
  return { themes, errors };
}
