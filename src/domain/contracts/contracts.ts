// Result contracts, the pure part (04-contracts.md): the contract and goal schemas, the status
// transitions, the evaluator, and the contracts of the source documents as data.
export * from './contract.vocabulary.ts';
export * from './contract.schema.ts';
export * from './contract.status.ts';
export * from './contract.evaluate.ts';
export { formatContractDecimal, formatDisplay, readContractDecimal } from './decimal.ts';
export { seedContractInputs, seedContracts } from './seeds/index.ts';
