// Companies of the synthetic data set: generateCompanies() (also the benchmark's data), so every
// smaller scale is a prefix of the national one. Each company is shared in its municipality's region.
import { indexCompanies, type SyntheticEntity } from './context.ts';
import { generateCompanies } from './companies.ts';
import { companyColumns } from './load.ts';

export const companiesEntity: SyntheticEntity = {
  name: 'virksomheder',
  tables(context) {
    const index = context.companies;
    function* companies() {
      for (const company of generateCompanies({ count: context.counts.companies, seed: context.seed })) {
        index.ids.push(company.id);
        index.cvrs.push(company.cvr);
        index.names.push(company.name);
        index.municipalityCodes.push(company.municipality_code);
        index.regionCodes.push(company.region_code);
        yield companyColumns.map((column) => company[column]);
      }
      indexCompanies(context);
    }
    function* regions() {
      for (let i = 0; i < index.ids.length; i++) yield [index.ids[i] ?? '', index.regionCodes[i] ?? 0];
    }
    return [
      { table: 'companies', columns: companyColumns, rows: companies() },
      { table: 'company_regions', columns: ['company_id', 'region_code'], rows: regions() },
    ];
  },
};
