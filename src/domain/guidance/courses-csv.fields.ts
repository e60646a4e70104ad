// Readers for the columns of the guidance courses CSV (02-crm.md, "Imports"). Each returns the value or
// a Danish message fragment that begins with the value as written; courses-csv.ts adds line and column.
import {
  guidanceCategories,
  guidanceCategoryLabels,
  guidanceSegments,
  guidanceSegmentLabels,
  guidanceTargetGroups,
  guidanceTargetGroupLabels,
  guidanceThemes,
} from './guidance.types.ts';
import type { GuidanceCategory, GuidanceSegment, GuidanceTargetGroup, GuidanceTheme, IsoDate } from './guidance.types.ts';
import { readMunicipalityCode } from '../municipality-code.ts';

export type FieldReading<T> = { ok: true; value: T } | { ok: false; message: string; value?: string };

/**
 * Case and runs of spaces do not matter when matching keys and labels. `toLowerCase()`, not
 * `toLocaleLowerCase('da-DK')`: Danish has no locale-specific casing (only Turkish, Azeri and
 * Lithuanian do), so the result is the same — and the locale-aware call was a third of an import's
 * JavaScript time.
 */
export function matchKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function lookup<K extends string>(keys: readonly K[], labels: Readonly<Record<K, { da: string }>>): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of keys) {
    map.set(matchKey(key), key);
    map.set(matchKey(labels[key].da), key);
  }
  return map;
}

const categoryByName = lookup(guidanceCategories, guidanceCategoryLabels);
const segmentByName = lookup(guidanceSegments, guidanceSegmentLabels);
const targetGroupByName = lookup(guidanceTargetGroups, guidanceTargetGroupLabels);
const themeByName = new Map(guidanceThemes.map((key) => [matchKey(key), key]));

export function readCategory(text: string): FieldReading<GuidanceCategory> {
  const key = categoryByName.get(matchKey(text));
  if (key !== undefined) return { ok: true, value: key };
  const danish = guidanceCategories.map((c) => guidanceCategoryLabels[c].da).join(', ');
  return { ok: false, message: `"${text}" er ikke en forløbskategori – brug ${guidanceCategories.join(', ')} (eller ${danish}).` };
}

export function readSegment(text: string): FieldReading<GuidanceSegment> {
  const key = segmentByName.get(matchKey(text));
  if (key !== undefined) return { ok: true, value: key };
  return { ok: false, message: `"${text}" er ikke et segment – brug growth eller operations (eller vækst, drift).` };
}

export function readTargetGroup(text: string): FieldReading<GuidanceTargetGroup | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const key = targetGroupByName.get(matchKey(text));
  if (key !== undefined) return { ok: true, value: key };
  return { ok: false, message: `"${text}" er ikke en målgruppe – brug ${guidanceTargetGroups.join(', ')}.` };
}

/** Semicolon-separated theme keys; one message per unknown theme. Repeats are dropped. */
export function readThemes(text: string): { themes: GuidanceTheme[]; errors: { value: string; message: string }[] } {
  const themes: GuidanceTheme[] = [];
  const errors: { value: string; message: string }[] = [];
  const parts = text.split(';').map((t) => t.trim()).filter((t) => t !== '');
  if (parts.length === 0) {
    errors.push({ value: text, message: 'feltet er tomt – angiv mindst ét tema (fx innovation;finance).' });
  }
  for (const part of parts) {
    const key = themeByName.get(matchKey(part));
    if (key === undefined) errors.push({ value: part, message: `"${part}" er ikke et tema – brug ${guidanceThemes.join(', ')}.` });
    else if (!themes.includes(key)) themes.push(key);
  }
  return { themes, errors };
}

/** Danish `31-12-2023` or ISO `2023-12-31` → '2023-12-31'. */
export function readDate(text: string): FieldReading<IsoDate> {
  const t = text.trim();
  const danish = /^(\d{2})-(\d{2})-(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [year, month, day] = danish ? [danish[3]!, danish[2]!, danish[1]!] : iso ? [iso[1]!, iso[2]!, iso[3]!] : ['', '', ''];
  const date = `${year}-${month}-${day}`;
  // A typed year like 2203 or 0023 is a typing error, not a course date; the range guards against it.
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const valid = year !== '' && y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (valid) return { ok: true, value: date };
  return { ok: false, message: `"${text}" er ikke en gyldig dato – skriv 31-12-2023 eller 2023-12-31.` };
}

/** The reference name of a hub, matched without regard to case or runs of spaces. */
export function readHub(text: string, hubs: readonly string[]): FieldReading<string> {
  const found = hubs.find((hub) => matchKey(hub) === matchKey(text));
  if (found !== undefined) return { ok: true, value: found };
  if (text.trim() === '') return { ok: false, message: `feltet er tomt – angiv erhvervshuset (${hubs.join(', ')}).` };
  return { ok: false, message: `"${text}" er ikke et erhvervshus – brug et af: ${hubs.join(', ')}.` };
}

/** A municipality code of the 98 (3 digits; "0851" reads as 851), or why not: empty, a region code, unknown. */
export function readMunicipality(text: string, municipalities: ReadonlySet<string>): FieldReading<string> {
  if (text === '') return { ok: false, message: 'feltet er tomt – angiv kommunekoden (fx 851).' };
  const reading = readMunicipalityCode(text, municipalities);
  if (reading.kind === 'municipality') return { ok: true, value: reading.code };
  if (reading.kind === 'region') return { ok: false, message: `"${text}" er en regionskode (${reading.name}), ikke en kommunekode.` };
  return { ok: false, message: reading.message };
}
