// EXPLAIN ANALYZE of the real search: a Kysely plugin records the SQL that searchCompanyRows()
// compiles (for a text: one statement, the page and the capped count together; without text the page and the count), then each is run again under EXPLAIN. This way the
// plan shown is the plan of the code in src/, not of a hand-copied query that may drift from it.
import { CompiledQuery, PostgresQueryCompiler, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Executor } from '../../src/db/database.ts';
import { searchCompanyRows } from '../../src/features/companies/companies.repository.ts';
import type { SearchCase } from './queries.ts';

class RecordQueries implements KyselyPlugin {
  readonly compiled: CompiledQuery[] = [];
  readonly #compiler = new PostgresQueryCompiler();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.compiled.push(this.#compiler.compileQuery(args.node, args.queryId));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export interface ExplainedQuery {
  sql: string;
  parameters: readonly unknown[];
  plan: string;
  /** Index names the plan uses, and tables read by a sequential scan. */
  indexes: string[];
  seqScans: string[];
  executionMs: number;
}

export async function explainSearch(db: Executor, searchCase: SearchCase, pageSize: number): Promise<ExplainedQuery[]> {
  const recorder = new RecordQueries();
  const page = { limit: pageSize, offset: (searchCase.query.side - 1) * pageSize };
  await searchCompanyRows(db.withPlugin(recorder), { regionCode: searchCase.regionCode }, searchCase.query, page);
  const explained: ExplainedQuery[] = [];
  for (const query of recorder.compiled) {
    const result = await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]));
    const plan = result.rows.map((row) => Object.values(row)[0] ?? '').join('\n');
    explained.push({
      sql: query.sql,
      parameters: query.parameters,
      plan,
      indexes: [...new Set([...plan.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map((m) => m[1] ?? ''))],
      seqScans: [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1] ?? ''))],
      executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN),
    });
  }
  return explained;
}
