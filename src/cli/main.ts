// The `knudepunkt` command. Each command calls the same services as the web application.
import { runAllocate, describeAllocateUsage } from './commands/allocate.ts';
import { describeCoursesStatsUsage, runCoursesStats } from './commands/courses-stats.ts';
import { contractEvaluateUsage, reportUsage, runContract, runReport } from './commands/contract.ts';
import { demoGenerateUsage, runDemoGenerate } from './commands/demo-generate.ts';
import { describeEvaluationMetricsUsage, runEvaluationMetrics } from './commands/evaluation-metrics.ts';
import { runMigrate, runSeed, runServe, runStart } from './commands/lifecycle.ts';
import { importActivitiesUsage, runImportActivities } from './commands/import-activities.ts';
import { importCoursesUsage, runImportCourses } from './commands/import-courses.ts';
import { importResponsesUsage, runImportResponses } from './commands/import-responses.ts';
import { importReferralsUsage, runImportReferrals } from './commands/import-referrals.ts';
import { importCvrUsage, runImportCvr } from './commands/import-cvr.ts';
import { describeImportUsage, runImport } from './commands/import-population.ts';
import { organisationsUsage, runOrganisations } from './commands/organisations.ts';
import { runUsers } from './commands/users.ts';
import { ConfigError } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { nodeIo, type CliIo } from './io.ts';

interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = {
  start: {
    summary: 'Migrerer, indlæser demodata i en tom database og starter webserveren (npm start)',
    usage: 'knudepunkt start',
    run: (_args, io) => runStart(io),
  },
  serve: {
    summary: 'Starter webserveren og jobkøen (kræver at migreringerne er kørt)',
    usage: 'knudepunkt serve',
    run: (_args, io) => runServe(io),
  },
  migrate: {
    summary: 'Kører databasens migreringer og indlæser referencedata (regioner, KKR, erhvervshuse, kommuner)',
    usage: 'knudepunkt migrate',
    run: (_args, io) => runMigrate(io),
  },
  seed: {
    summary: 'Indlæser demodata for Region Nordjylland (kun i en database uden rigtige data)',
    usage: 'knudepunkt seed demo',
    run: (args, io) => runSeed(args, io),
  },
  demo: {
    summary: 'Genererer et syntetisk datasæt (small, region eller national) med COPY i en database uden rigtige data',
    usage: demoGenerateUsage,
    run: async (args, io) => {
      const [sub, ...rest] = args;
      if (sub === 'generate') return runDemoGenerate(rest, io);
      io.stderr(`Ukendt underkommando "${sub ?? ''}".\n\nBrug: ${demoGenerateUsage}\n`);
      return 2;
    },
  },
  organisations: {
    summary: 'Opretter organisationer (den første i en ny installation)',
    usage: organisationsUsage,
    run: (args, io) => runOrganisations(args, io),
  },
  users: {
    summary: 'Opretter brugere',
    usage:
      'knudepunkt users create --email E --name NAVN --organisation ORG --role ROLLE [--role ROLLE …] [--locale da|en] [--password-stdin]\n' +
      '  Uden --password-stdin skrives et invitationslink ud, hvor brugeren selv vælger adgangskode.\n' +
      '  Roller: adviser, manager, kkr, admin, viewer. ORG er organisationens navn eller id.',
    run: (args, io) => runUsers(args, io),
  },
  import: {
    summary: 'Indlæser data: CVR, forløb, aktiviteter, folketal (FOLK1A) og de udgivne basisbevillinger',
    usage: [importCvrUsage, importCoursesUsage, importActivitiesUsage, importResponsesUsage, importReferralsUsage, describeImportUsage()].join('\n'),
    run: async (args, io) => {
      const [kind, ...rest] = args;
      if (kind === 'cvr') return runImportCvr(rest, io);
      if (kind === 'courses') return runImportCourses(rest, io);
      if (kind === 'activities') return runImportActivities(rest, io);
      if (kind === 'responses') return runImportResponses(rest, io);
      if (kind === 'referrals') return runImportReferrals(rest, io);
      if (kind === 'population' || kind === 'published-base-grants') return runImport(args, io);
      io.stderr(`Ukendt import "${kind ?? ''}": vælg cvr, courses, activities, responses, referrals, population eller published-base-grants.\n`);
      return 2;
    },
  },
  courses: {
    summary: 'Forløbsstatistik for et erhvervshus og et år fra en forløbsfil (CSV, ingen database)',
    usage: describeCoursesStatsUsage(),
    run: async (args, io) => {
      const [sub, ...rest] = args;
      if (sub === 'stats') return runCoursesStats(rest, io);
      io.stderr(`Ukendt underkommando "${sub ?? ''}".\n\nBrug: ${describeCoursesStatsUsage()}\n`);
      return 2;
    },
  },
  evaluation: {
    summary: 'Brugerevalueringens nøgletal (NPS, andele) fra en besvarelsesfil (CSV, ingen database)',
    usage: describeEvaluationMetricsUsage(),
    run: async (args, io) => {
      const [sub, ...rest] = args;
      if (sub === 'metrics') return runEvaluationMetrics(rest, io);
      io.stderr(`Ukendt underkommando "${sub ?? ''}".\n\nBrug: ${describeEvaluationMetricsUsage()}\n`);
      return 2;
    },
  },
  contract: {
    summary: 'Vurderer et erhvervshus\' resultatkontrakt for et år på data i databasen',
    usage: contractEvaluateUsage,
    run: (args, io) => runContract(args, io),
  },
  report: {
    summary: 'Skriver afrapporteringen til KKR som webside, PDF eller Excel',
    usage: reportUsage,
    run: (args, io) => runReport(args, io),
  },
  allocate: {
    summary: 'Beregner en fordelingsnøgle fra en JSON-fil (ingen database)',
    usage: describeAllocateUsage(),
    run: (args, io) => runAllocate(args, io),
  },
};

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'knudepunkt – erhvervsfremmesystemets fælles platform',
    '',
    'Brug: knudepunkt <kommando> [argumenter]',
    '',
    'Kommandoer:',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Skriv "knudepunkt <kommando> --help" for detaljer.',
    'Konfiguration med miljøvariabler: DATABASE_URL, DATA_DIR, PORT, BASE_URL, SESSION_SECRET, SMTP_URL, LOG_LEVEL.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText() + '\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`Ukendt kommando "${name}".\n\n${helpText()}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.summary}\n\nBrug: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof ConfigError) io.stderr(error.message + '\n');
    else if (error instanceof AppError) {
      io.stderr(`Fejl: ${error.userMessage}\n`);
      for (const field of error.fields) io.stderr(`  ${field.field}: ${field.message}\n`);
    } else io.stderr(`Fejl: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
