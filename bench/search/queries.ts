// The query mix of the company-search benchmark, built from the generated companies themselves, so
// every search term exists in the data (or is a plausible typo of something that does). Each kind
// has many concrete queries spread over the five regions; the benchmark cycles through them.
import { companySearchQuery, type CompanySearchQuery } from '../../src/features/companies/companies.schema.ts';
import type { GeneratedCompany } from '../../src/db/seed/synthetic/companies.ts';
import { mulberry32, type Random } from '../../src/db/seed/synthetic/random.ts';

export interface SearchCase {
  /** The region the searching user works in (their organisation's region). */
  regionCode: number;
  query: CompanySearchQuery;
}

export interface QueryKind {
  id: string;
  label: string;
  cases: SearchCase[];
}

export interface BaselineCases {
  cvrs: string[];
  ids: string[];
}

const search = (regionCode: number, raw: Record<string, unknown>): SearchCase => ({ regionCode, query: companySearchQuery.parse(raw) });

/** One edit in the first word (swap, drop or double a letter), so the prefix path misses and trigrams must find it. */
function misspell(random: Random, name: string): string {
  const first = name.indexOf(' ') > 3 ? name.indexOf(' ') : Math.min(name.length, 6);
  const at = 1 + random.int(Math.max(1, first - 2));
  const kind = random.int(3);
  if (kind === 0) return name.slice(0, at) + (name[at + 1] ?? '') + (name[at] ?? '') + name.slice(at + 2);
  if (kind === 1) return name.slice(0, at) + name.slice(at + 1);
  return name.slice(0, at) + (name[at] ?? '') + name.slice(at);
}

/** The first word of a trade phrase as users type it: "maskinfabrik", "tømrer". */
function tradeWord(name: string): string | undefined {
  const words = name.replace(/ (ApS|A\/S|I\/S|P\/S|K\/S|A\.m\.b\.A\.|Fond)$/, '').split(' ');
  const word = words.at(-1);
  return word && word.length >= 5 && /^[A-ZÆØÅ]/.test(word) ? word.toLowerCase() : undefined;
}

export interface QueryMix {
  kinds: QueryKind[];
  baseline: BaselineCases;
}

/** Concrete queries per kind: enough that one term's cache luck does not make a kind's figure. */
export const termsPerKind = 40;

export function buildQueryMix(companies: readonly GeneratedCompany[], perKind = termsPerKind, seed = 7): QueryMix {
  const random = mulberry32(seed);
  const byRegion = new Map<number, GeneratedCompany[]>();
  for (const company of companies) {
    const list = byRegion.get(company.region_code) ?? [];
    list.push(company);
    byRegion.set(company.region_code, list);
  }
  const regions = [...byRegion.keys()].sort();
  // Round-robin over the regions: Hovedstaden (a third of all companies) and Nordjylland (a tenth) both count.
  const sample = (i: number): [number, GeneratedCompany] => {
    const regionCode = regions[i % regions.length] ?? 0;
    return [regionCode, random.pick(byRegion.get(regionCode) ?? [])];
  };
  const withCvr = (i: number): [number, GeneratedCompany & { cvr: string }] => {
    for (;;) {
      const [regionCode, company] = sample(i);
      if (company.cvr !== null) return [regionCode, { ...company, cvr: company.cvr }];
    }
  };
  const kinds: QueryKind[] = [];
  const kind = (id: string, label: string, make: (i: number) => SearchCase) => kinds.push({ id, label, cases: Array.from({ length: perKind }, (_, i) => make(i)) });

  kind('prefix', 'name prefix, 3 letters ("hjø"), page 1', (i) => {
    const [regionCode, company] = sample(i);
    return search(regionCode, { q: company.name.slice(0, 3).toLowerCase() });
  });
  kind('prefix-page3', 'name prefix, 3 letters, page 3', (i) => {
    const [regionCode, company] = sample(i);
    return search(regionCode, { q: company.name.slice(0, 3).toLowerCase(), side: 3 });
  });
  kind('full-name', 'full name ("Hjørring Maskinfabrik ApS")', (i) => {
    const [regionCode, company] = sample(i);
    return search(regionCode, { q: company.name });
  });
  kind('misspelled', 'misspelled name (trigram path)', (i) => {
    const [regionCode, company] = sample(i);
    return search(regionCode, { q: misspell(random, company.name) });
  });
  kind('trade-word', 'one word of the name ("maskinfabrik")', (i) => {
    for (;;) {
      const [regionCode, company] = sample(i);
      const word = tradeWord(company.name);
      if (word) return search(regionCode, { q: word });
    }
  });
  kind('cvr-prefix', 'CVR prefix, 4 digits', (i) => {
    const [regionCode, company] = withCvr(i);
    return search(regionCode, { q: company.cvr.slice(0, 4) });
  });
  kind('cvr-full', 'full CVR number (whole country)', (i) => {
    const [regionCode, company] = withCvr(i);
    return search(regionCode, { q: company.cvr });
  });
  kind('municipality-status', 'no text: municipality + status active', (i) => {
    const [regionCode, company] = sample(i);
    return search(regionCode, { kommune: company.municipality_code, status: 'active' });
  });
  kind('prefix-municipality', 'name prefix + municipality + status active', (i) => {
    const [regionCode, company] = sample(i);
    return search(regionCode, { q: company.name.slice(0, 3).toLowerCase(), kommune: company.municipality_code, status: 'active' });
  });
  kind('region-page3', 'no text, whole region, page 3', (i) => search(regions[i % regions.length] ?? 0, { side: 3 }));

  const baseline: BaselineCases = { cvrs: [], ids: [] };
  for (let i = 0; i < perKind; i++) {
    baseline.cvrs.push(withCvr(i)[1].cvr);
    baseline.ids.push(sample(i)[1].id);
  }
  return { kinds, baseline };
}
