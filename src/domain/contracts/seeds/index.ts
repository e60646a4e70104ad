// The result contracts of the source documents (04-contracts.md), shipped as data and validated by
// contractSchema when this module loads.
import type { Contract, ContractInput } from '../contract.schema.ts';
import { midtjylland2020, midtjylland2020Input } from './midtjylland-2020.ts';
import { nordjylland2019, nordjylland2019Input } from './nordjylland-2019.ts';
import { nordjylland2022, nordjylland2022Input } from './nordjylland-2022.ts';
import { nordjylland2023, nordjylland2023Input } from './nordjylland-2023.ts';
import { nordjylland2024Draft, nordjylland2024DraftInput } from './nordjylland-2024-draft.ts';

export { midtjylland2020, nordjylland2019, nordjylland2022, nordjylland2023, nordjylland2024Draft };

export const seedContracts: readonly Contract[] = [nordjylland2019, midtjylland2020, nordjylland2022, nordjylland2023, nordjylland2024Draft];

/** The plain input form of each seed (JSON-safe), in the same order. */
export const seedContractInputs: readonly ContractInput[] = [
  nordjylland2019Input,
  midtjylland2020Input,
  nordjylland2022Input,
  nordjylland2023Input,
  nordjylland2024DraftInput,
];
