import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const PROJECT = resolve(import.meta.dirname, '../..');

/** A running `npm run dev`, its address and everything it has printed so far. */
export interface DevServer {
  origin: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `npm run dev` (the project's Node 24, through npm) on a free port,
 * on other content and data files, and resolves once it serves pages.
 * It gets the environment of an editor's terminal, not of vitest: Astro
 * turns hot reloading off under NODE_ENV=test and serves no pages at all
 * when VITEST is set.
 */
export async function startDevServer(env: { CONTENT_DIR: string; SITE_DATA_FILE: string; CONTENT_TODAY: string }): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1', '--strictPort'], {
    cwd: PROJECT,
    env: { ...outsideVitest(process.env), ...env, NODE_ENV: 'development', NO_COLOR: '1' },
    // Its own process group, so that stop() ends npm, its shell and astro together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, 'SIGTERM');
    const kill = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(kill);
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited with code ${child.exitCode}:\n${printed}`);
    const answered = await fetch(`${origin}/`, { signal: AbortSignal.timeout(30_000) }).then((response) => response.ok, () => false);
    if (answered) return { origin, output: () => printed, stop };
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`npm run dev did not serve ${origin}/ within 90 s:\n${printed}`);
}

function outsideVitest(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(environment).filter(([name]) => !name.startsWith('VITEST') && name !== 'TEST'));
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
