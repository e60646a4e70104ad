// knudepunkt demo generate --scale small|region|national [--seed N]: the synthetic data set of issue 8
// (src/db/seed/synthetic/), loaded through COPY into the configured database (PostgreSQL via
// DATABASE_URL, PGlite in DATA_DIR otherwise). Migrates and loads the reference data first, like
// `seed demo`. Progress on stderr, the summary on stdout. Exit codes: 0 loaded; 1 refused (the database
// holds real data, or demo data already) or failed (nothing is loaded: one transaction); 2 bad usage.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { migrate } from '../../db/migrate.ts';
import { loadReferenceData } from '../../db/seed/reference.ts';
import { defaultSeed, isScale, type Scale } from '../../db/seed/synthetic/companies.ts';
import { syntheticCounts } from '../../db/seed/synthetic/context.ts';
import { connectPGlite, connectPostgres, generateSyntheticData, SyntheticRefusal } from '../../db/seed/synthetic/generate.ts';
import { openConfiguredDatabase } from '../../server.ts';
import type { CliIo } from '../io.ts';

export const demoGenerateUsage =
  'knudepunkt demo generate --scale small|region|national [--seed N]\n' +
  '  Genererer et syntetisk datasæt (alt markeret som demo) og indlæser det med COPY:\n' +
  '    small     2.000 virksomheder, 1.350 forløb, 6.700 aktiviteter, 670 henvisninger,\n' +
  '              1.000 evalueringsbesvarelser (≈ 1/150 af landet)\n' +
  '    region    50.000 virksomheder, 33.000 forløb, 166.000 aktiviteter, 16.500 henvisninger,\n' +
  '              25.000 evalueringsbesvarelser (≈ én regions andel)\n' +
  '    national  300.000 virksomheder, 200.000 forløb med møder, 1.000.000 aktiviteter,\n' +
  '              100.000 henvisninger, 150.000 evalueringsbesvarelser\n' +
  '  Alle skalaer har de 6 erhvervshuse, et lokalt erhvervskontor i hver af de 98 kommuner,\n' +
  '  KKR-sekretariaterne, nogle eksterne organisationer og et par brugere i hver (uden adgangskode:\n' +
  '  de kan ikke logge ind). Forløb, aktiviteter, henvisninger og besvarelser ligger i 2022–2026.\n' +
  `  --seed N (heltal 0–4294967295, standard ${defaultSeed}): samme frø giver samme data.\n` +
  '  Indlæses kun i en database uden rigtige data og uden demodata; alt i én transaktion, så en\n' +
  '  afbrudt kørsel efterlader intet og blot kan køres igen. Bruger DATABASE_URL eller PGlite i DATA_DIR.';

const count = (n: number) => n.toLocaleString('da-DK');

/** node:util's parseArgs speaks English; the command answers in Danish, naming the argument. */
function danishArgumentError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.replace(/ <value>$/, '');
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Ukendt tilvalg "${option}".`;
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Uventet argument "${option}".`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `Tilvalget "${option}" mangler en værdi (en værdi, der begynder med "-", skrives ${option}=-…).`;
  }
  return `Ugyldige argumenter: ${error.message}`;
}

export async function runDemoGenerate(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: false, strict: true, options: { scale: { type: 'string' }, seed: { type: 'string' } } });
  } catch (error) {
    io.stderr(`${danishArgumentError(error as Error & { code?: string })}\n\nBrug: ${demoGenerateUsage}\n`);
    return 2;
  }
  const scaleText = parsed.values.scale;
  if (scaleText === undefined) {
    io.stderr(`Angiv --scale (small, region eller national).\n\nBrug: ${demoGenerateUsage}\n`);
    return 2;
  }
  if (!isScale(scaleText)) {
    io.stderr(`Ugyldig --scale "${scaleText}": vælg small, region eller national.\n`);
    return 2;
  }
  const scale: Scale = scaleText;
  const seedText = parsed.values.seed ?? String(defaultSeed);
  const seed = Number(seedText);
  if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
    io.stderr(`Ugyldig --seed "${seedText}": skal være et heltal mellem 0 og 4294967295.\n`);
    return 2;
  }

  const config = loadConfig(io.env);
  const database = await openConfiguredDatabase(config);
  try {
    const applied = await migrate(database);
    if (applied.length > 0) io.stderr(`Migreringer kørt: ${applied.join(', ')}\n`);
    await loadReferenceData(database.db);
  } finally {
    await database.close();
  }

  const counts = syntheticCounts[scale];
  io.stderr(
    `Genererer skala "${scale}" (frø ${seed}): ${count(counts.companies)} virksomheder, ${count(counts.courses)} forløb, ${count(counts.activities)} aktiviteter, ${count(counts.referrals)} henvisninger, ${count(counts.evaluationResponses)} evalueringsbesvarelser ` +
      `→ ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite i ${config.dataDir}`}\n`,
  );
  const connection = config.databaseUrl ? await connectPostgres(config.databaseUrl) : await connectPGlite(join(config.dataDir, 'pglite'));
  let result;
  try {
    let lastReport = performance.now();
    result = await generateSyntheticData(connection, scale, seed, {
      onStep: (text) => io.stderr(`  ${text} …\n`),
      onProgress(table, rows, ms, done) {
        const now = performance.now();
        if (!done && now - lastReport < 2_000) return;
        lastReport = now;
        const rate = ms > 0 ? Math.round((rows * 1000) / ms) : 0;
        io.stderr(`  ${table}: ${count(rows)} rækker${done ? ` på ${(ms / 1000).toFixed(1)} s` : ''} (${count(rate)} rækker/s)\n`);
      },
    });
  } catch (error) {
    if (error instanceof SyntheticRefusal) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
  const width = Math.max(...result.tables.map((t) => t.table.length));
  io.stdout(
    [
      `Syntetiske demodata indlæst: skala ${scale}, frø ${seed}, ${(result.ms / 1000).toFixed(1)} s i alt.`,
      ...result.tables.map((t) =>
        t.table.startsWith('(')
          ? `  ${t.table.slice(1, -1).padEnd(width)}  ${String(t.rows).padStart(9)} genoprettet på ${(t.ms / 1000).toFixed(1)} s`
          : `  ${t.table.padEnd(width)}  ${count(t.rows).padStart(9)} rækker  ${(t.ms / 1000).toFixed(1).padStart(6)} s`,
      ),
      'Brugerne har ingen adgangskode og kan ikke logge ind; demo-logins fås med "knudepunkt seed demo" i en anden database.',
      '',
    ].join('\n'),
  );
  return 0;
}
