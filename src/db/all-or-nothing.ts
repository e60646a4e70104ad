// The transaction of an import (02-crm.md, "Imports"): a dry run, or a file with any invalid row,
// writes nothing — the work runs in a transaction that is rolled back, and its summary (what a real
// run would do, or every error) is still returned. A clean real run commits.
import type { Executor } from './database.ts';

class RolledBack<S> extends Error {
  constructor(readonly summary: S) {
    super('rolled back: a dry run, or invalid rows');
  }
}

/**
 * Runs `work` in one transaction; commits and marks the summary imported only when `commit(summary)`
 * says so, otherwise rolls everything back and returns the summary as it is.
 */
export async function allOrNothing<S extends { imported: boolean }>(db: Executor, work: (tx: Executor) => Promise<S>, commit: (summary: S) => boolean): Promise<S> {
  try {
    return await db.transaction().execute(async (tx) => {
      const summary = await work(tx);
      if (!commit(summary)) throw new RolledBack(summary);
      return { ...summary, imported: true };
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.summary as S;
    throw error;
  }
}
