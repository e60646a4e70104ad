// How people name a business hub (erhvervshus): by its id ("nordjylland") or its name, with or
// without "Erhvervshus", in any case and spacing ("Erhvervshus Nordjylland", " nordjylland ").
import { matchKey } from './guidance/courses-csv.fields.ts';

/** A hub's name as a key: "Erhvervshus  Nordjylland" → "nordjylland". */
export const hubNameKey = (name: string) => matchKey(name).replace(/^erhvervshus /, '');

/** The hub named by id or name. */
export function findHub<H extends { id: string; name: string }>(hubs: readonly H[], text: string): H | undefined {
  return hubs.find((hub) => hub.id === text.trim().toLowerCase() || hubNameKey(hub.name) === hubNameKey(text));
}

/** The hub name among `names` that `text` names (files and the CLI name hubs, not ids). */
export function findHubName(names: readonly string[], text: string): string | null {
  return names.find((name) => hubNameKey(name) === hubNameKey(text)) ?? null;
}
