// Transfers (spec 05: "a recipient's allocation can be taken over by another … its *exact* amount
// moves to the receiver before rounding"). Decision where the spec is silent:
// - Chains are followed: if A → B and B → C, both A's and B's exact amounts land at C (B passed on
//   everything it had, including what it took over). A's note names C and the way via B.
// - Cycles (A → B → A, or A → A) are refused by validation: the amount would never land anywhere.

export interface TransferLink {
  id: string;
  transferTo?: string | undefined;
}

/**
 * The cycles among the transfer links, each as the ids along it starting from the member that comes
 * first in input order and ending with that member again (A → B → A). Links to unknown ids are
 * ignored here (validation reports them separately).
 */
export function findTransferCycles(links: readonly TransferLink[]): string[][] {
  const next = transferMap(links);
  const order = new Map(links.map((l, i) => [l.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  for (const { id } of links) {
    const path: string[] = [];
    let current: string | undefined = id;
    while (current !== undefined && state.get(current) === undefined) {
      state.set(current, 'visiting');
      path.push(current);
      current = next.get(current);
    }
    if (current !== undefined && state.get(current) === 'visiting') {
      const members = path.slice(path.indexOf(current));
      const start = members.reduce((a, b) => ((order.get(a) ?? 0) <= (order.get(b) ?? 0) ? a : b));
      const at = members.indexOf(start);
      const rotated = [...members.slice(at), ...members.slice(0, at)];
      cycles.push([...rotated, start]);
    }
    for (const visited of path) state.set(visited, 'done');
  }
  return cycles;
}

/**
 * For every recipient that transfers: the chain of receivers, ending with the final one.
 * Requires acyclic links to known ids (validated beforehand).
 */
export function resolveTransferChains(links: readonly TransferLink[]): Map<string, string[]> {
  const next = transferMap(links);
  const chains = new Map<string, string[]>();
  for (const { id } of links) {
    const chain: string[] = [];
    let current = next.get(id);
    while (current !== undefined) {
      if (chain.includes(current) || current === id) throw new Error(`transfer cycle through ${id}`);
      chain.push(current);
      current = next.get(current);
    }
    if (chain.length > 0) chains.set(id, chain);
  }
  return chains;
}

function transferMap(links: readonly TransferLink[]): Map<string, string> {
  const known = new Set(links.map((l) => l.id));
  const next = new Map<string, string>();
  for (const l of links) if (l.transferTo !== undefined && known.has(l.transferTo)) next.set(l.id, l.transferTo);
  return next;
}
