// The result contracts of the source documents (04-contracts.md), shipped as the JSON files next to this module
// (the same JSON form a contract is stored and edited in) and validated by
// contractSchema when this module loads: a seed that does not parse is a bug, reported per field.
import type { Contract, ContractInput } from '../contract.schema.ts';
import { defineContract } from '../contract.schema.ts';
import midtjylland2020Json from './midtjylland-2020.json' with { type: 'json' };
import nordjylland2019Json from './nordjylland-2019.json' with { type: 'json' };
import nordjylland2022Json from './nordjylland-2022.json' with { type: 'json' };
import nordjylland2023Json from './nordjylland-2023.json' with { type: 'json' };
import nordjylland2024DraftJson from './nordjylland-2024-udkast.json' with { type: 'json' };

/** The plain input form of each seed (JSON), oldest first. */
export const seedContractInputs: readonly ContractInput[] = [
  nordjylland2019Json,
  midtjylland2020Json,
  nordjylland2022Json,
  nordjylland2023Json,
  nordjylland2024DraftJson,
] as ContractInput[];

export const seedContracts: readonly Contract[] = seedContractInputs.map(defineContract);

export const [nordjylland2019, midtjylland2020, nordjylland2022, nordjylland2023, nordjylland2024Draft] = seedContracts as [
  Contract,
  Contract,
  Contract,
  Contract,
  Contract,
];
