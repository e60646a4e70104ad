// HTTP under concurrent load (issue 8, items 2 and 5): the real server (`knudepunkt serve`) in a child
// process on the benchmark database, a signed-in user, and N connections kept busy with requests for
// one route at a time. Figures per route: p50/p95/p99 latency and requests per second, as ratios
// against a trivial route (/healthz) measured the same way on the same server; and the server
// process's peak resident memory (VmHWM) over the whole load. No dependencies: node:http with a
// keep-alive agent of N sockets, N workers each sending its next request when the last one is answered.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { percentile } from '../measure.ts';

export interface HttpFigures {
  p50: number;
  p95: number;
  p99: number;
  /** Requests answered per second with `connections` in flight: the server's throughput for the route. */
  rps: number;
  requests: number;
  /** Answers other than the expected status (none expected). */
  errors: number;
}

export interface BenchServer {
  url: string;
  pid: number;
  /** Peak resident memory of the server process so far, in MiB (Linux /proc VmHWM). */
  peakRssMiB(): number;
  /** How the server process ended, when it has (a crash under load is a result too). */
  exit(): string | null;
  stop(): Promise<void>;
}

const binPath = fileURLToPath(new URL('../../bin/knudepunkt.js', import.meta.url));

/**
 * Starts `knudepunkt serve` with `env` (DATABASE_URL or DATA_DIR; an empty value removes the variable)
 * on `port` and waits until it answers.
 */
export async function startBenchServer(env: Record<string, string>, port: number): Promise<BenchServer> {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  for (const [name, value] of Object.entries(env)) if (value === '') delete merged[name];
  const child: ChildProcess = spawn(process.execPath, [binPath, 'serve'], {
    env: merged,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let ended: string | null = null;
  let lastPeakKib = Number.NaN;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve();
    }),
  );
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server stopped with exit code ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (attempt > 600) throw new Error('the server did not answer /readyz within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    peakRssMiB() {
      if (ended === null) {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        lastPeakKib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
      }
      return lastPeakKib / 1024;
    },
    exit: () => ended,
    async stop() {
      if (ended === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Signs in through the login form (CSRF token from the form's cookie) and returns the Cookie header. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${url}/log-ind`);
  const csrfCookie = cookiesOf(form);
  const csrf = /kp_csrf=([^;]+)/.exec(csrfCookie)?.[1] ?? '';
  const response = await fetch(`${url}/log-ind`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded', origin: url },
    body: new URLSearchParams({ _csrf: csrf, email, password }),
  });
  if (response.status !== 303) throw new Error(`signing in as ${email} failed with ${response.status}`);
  return `${csrfCookie}; ${cookiesOf(response)}`;
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', reject);
    });
    request.once('error', reject);
  });
}

/**
 * `requests` GETs of `paths` (cycled) with `connections` in flight at once, after `warmup` untimed
 * ones. Latency is per request, from sending to the last byte.
 */
export async function loadRoute(
  url: string,
  paths: readonly string[],
  options: { connections: number; requests: number; warmup: number; cookie: string; headers?: Record<string, string> },
): Promise<HttpFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const base = new URL(url);
  let next = 0;
  const run = async (count: number, samples: number[] | null) => {
    let errors = 0;
    next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        // A refused or reset connection counts as an error (and is not timed); the run goes on.
        const status = await get(agent, new URL(paths[i % paths.length]!, base), { ...options.headers, cookie: options.cookie }).catch(() => 0);
        if (status !== 0) samples?.push(performance.now() - t0);
        if (status !== 200) errors += 1;
      }
    };
    await Promise.all(Array.from({ length: options.connections }, worker));
    return errors;
  };
  try {
    await run(options.warmup, null);
    const samples: number[] = [];
    const started = performance.now();
    const errors = await run(options.requests, samples);
    const seconds = (performance.now() - started) / 1000;
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), rps: options.requests / seconds, requests: options.requests, errors };
  } finally {
    agent.destroy();
  }
}
