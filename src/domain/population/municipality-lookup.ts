// Recognises an area cell as one of the 98 municipalities, or says why it is not one.
// Forms accepted (spec 05, DST CSV): a label ("Aalborg", "Hele landet", "Region Nordjylland"), a code
// ("851"; "000" = whole country; "081"-"085" = regions) or both in one cell ("851 Aalborg").
import type { Municipality } from './population.types.ts';

export type AreaMatch =
  | { kind: 'municipality'; code: string; name: string }
  | { kind: 'outside'; reason: string }
  | { kind: 'invalid'; message: string };

const REGION_NAMES: Record<string, string> = {
  '081': 'Region Nordjylland',
  '082': 'Region Midtjylland',
  '083': 'Region Syddanmark',
  '084': 'Region Hovedstaden',
  '085': 'Region Sjælland',
};

/**
 * Labels compare without case, with hyphens and spaces treated alike ("Høje-Taastrup" = "Høje
 * Taastrup", "Lyngby-Taarbæk" = "Lyngby Taarbæk") and with runs of spaces collapsed. A trailing
 * " Kommune", with or without a genitive s ("Københavns Kommune", "Aalborg Kommune"), is also
 * accepted, as people type it that way when they fix a file by hand.
 */
export function normaliseAreaLabel(label: string): string {
  return label
    .normalize('NFC')
    .toLocaleLowerCase('da-DK')
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function createAreaMatcher(municipalities: readonly Municipality[]): (cell: string) => AreaMatch {
  const byCode = new Map(municipalities.map((m) => [m.code.padStart(3, '0'), m]));
  const byLabel = new Map(municipalities.map((m) => [normaliseAreaLabel(m.name), m]));

  const matchLabel = (label: string): Municipality | undefined => {
    const key = normaliseAreaLabel(label);
    const direct = byLabel.get(key);
    if (direct) return direct;
    const withoutKommune = /^(.*) kommune$/.exec(key)?.[1];
    if (withoutKommune === undefined) return undefined;
    return byLabel.get(withoutKommune) ?? byLabel.get(withoutKommune.replace(/s$/, ''));
  };

  return (cell: string): AreaMatch => {
    const text = cell.trim();
    if (text === '') return { kind: 'invalid', message: 'området er tomt' };
    const coded = /^(\d{1,4})(?:\s+(.*))?$/.exec(text);
    if (coded) {
      const code = coded[1]!.padStart(3, '0');
      const label = coded[2]?.trim() ?? '';
      const m = byCode.get(code);
      if (m) {
        if (label !== '' && matchLabel(label) !== m) {
          return { kind: 'invalid', message: `koden ${code} er ${m.name}, men navnet er "${label}"` };
        }
        return { kind: 'municipality', code: m.code, name: m.name };
      }
      return { kind: 'outside', reason: outsideReasonForCode(code, label) };
    }
    const m = matchLabel(text);
    if (m) return { kind: 'municipality', code: m.code, name: m.name };
    return { kind: 'outside', reason: outsideReasonForLabel(text) };
  };
}

function outsideReasonForCode(code: string, label: string): string {
  if (code === '000') return 'hele landet – ikke en kommune';
  // DST writes regions 081-085; the platform's reference data uses 1081-1085.
  const region = REGION_NAMES[/^1\d{3}$/.test(code) ? code.slice(1) : code];
  if (region !== undefined) return `${region} – en region, ikke en kommune`;
  if (code === '411') return 'Christiansø – hører ikke til de 98 kommuner';
  return `koden ${code}${label ? ` (${label})` : ''} er ikke en af de 98 kommuner`;
}

function outsideReasonForLabel(label: string): string {
  const key = normaliseAreaLabel(label);
  if (key === 'hele landet' || key === 'all denmark' || key === 'danmark') return 'hele landet – ikke en kommune';
  if (key.startsWith('region ')) return 'en region, ikke en kommune';
  if (key.startsWith('landsdel ') || key.startsWith('province ')) return 'en landsdel, ikke en kommune';
  if (key === 'christiansø') return 'Christiansø – hører ikke til de 98 kommuner';
  return `"${label}" er ikke en af de 98 kommuner`;
}
