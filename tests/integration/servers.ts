/**
 * Real DokuWiki and MediaWiki servers for integration tests, as tests/integration/wikis.test.ts
 * starts them: Debian's packages (tests/integration/install-wikis.sh) served by `php -S` from a
 * throwaway copy of their configuration and data in a temp directory; the packaged installations
 * are only read.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MEDIAWIKI = '/usr/share/mediawiki';
export const DOKUWIKI = '/usr/share/dokuwiki';

function phpModules(): string[] {
  try {
    return execFileSync('php', ['-m'], { encoding: 'utf8' }).toLowerCase().split('\n');
  } catch {
    return [];
  }
}

const modules = phpModules();
const hasModules = (...names: string[]) => names.every((name) => modules.includes(name));

/** Why the MediaWiki tests cannot run here, or ''. */
export const missingMediaWiki = !modules.length
  ? 'php is not installed'
  : !existsSync(join(MEDIAWIKI, 'maintenance/install.php'))
    ? `the mediawiki package is not installed (${MEDIAWIKI})`
    : !hasModules('pdo_sqlite', 'mbstring', 'xml', 'intl')
      ? 'PHP lacks pdo_sqlite, mbstring, xml or intl'
      : '';

/** Why the DokuWiki tests cannot run here, or ''. */
export const missingDokuWiki = !modules.length
  ? 'php is not installed'
  : !existsSync(join(DOKUWIKI, 'feed.php'))
    ? `the dokuwiki package is not installed (${DOKUWIKI})`
    : !hasModules('xml')
      ? 'PHP lacks xml'
      : '';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** `php -S` on the port, once it answers. */
export async function serve(
  port: number,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcess> {
  const server = spawn('php', [...args, '-S', `127.0.0.1:${port}`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  server.stderr?.on('data', (chunk) => {
    log = (log + chunk).slice(-4000);
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    if (server.exitCode !== null) break;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  server.kill();
  throw new Error(`php -S did not start on port ${port}: ${log}`);
}

export function stop(server: ChildProcess | undefined): void {
  if (server && server.exitCode === null) server.kill();
}

export function php(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): string {
  return execFileSync('php', args, {
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface Wiki {
  /** `http://127.0.0.1:<port>`, where the wiki's scripts are. */
  root: string;
  close(): void;
}

export interface MediaWiki extends Wiki {
  /** The temp directory with its SQLite database and LocalSettings.php. */
  dir: string;
  /** Runs one of MediaWiki's maintenance scripts (`edit.php`, `deleteBatch.php`, …) on it. */
  maintenance(script: string, args: string[], input?: string): string;
}

/**
 * A fresh MediaWiki (SQLite, script path ''); `localSettings` is PHP appended to its
 * LocalSettings.php before the server starts.
 */
export async function startMediaWiki({
  localSettings = '',
}: {
  localSettings?: string;
} = {}): Promise<MediaWiki> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-mediawiki-'));
  let server: ChildProcess | undefined;
  const close = () => {
    stop(server);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const root = `http://127.0.0.1:${port}`;
    php([
      join(MEDIAWIKI, 'maintenance/install.php'),
      '--dbtype=sqlite',
      `--dbpath=${dir}`,
      `--confpath=${dir}`,
      `--server=${root}`,
      '--scriptpath=',
      '--pass=Signpost-integration-1',
      'Signpost Test Wiki',
      'Admin',
    ]);
    const settings = join(dir, 'LocalSettings.php');
    if (localSettings) writeFileSync(settings, localSettings, { flag: 'a' });
    server = await serve(port, ['-t', MEDIAWIKI], { MW_CONFIG_FILE: settings });
    const maintenance = (script: string, args: string[], input?: string) =>
      php([join(MEDIAWIKI, 'maintenance', script), ...args], { env: { MW_CONFIG_FILE: settings }, input });
    return { root, dir, close, maintenance };
  } catch (error) {
    close();
    throw error;
  }
}

export interface DokuWiki extends Wiki {
  /** Saves a page through DokuWiki's own command line, as an edit with a summary. */
  commit(id: string, text: string, summary?: string): void;
}

/**
 * A fresh DokuWiki without access control; `conf` adds lines to its local.php, and `startPage`
 * (default true) writes a start page.
 */
export async function startDokuWiki({
  conf = [],
  startPage = true,
}: {
  conf?: string[];
  startPage?: boolean;
} = {}): Promise<DokuWiki> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-dokuwiki-'));
  let server: ChildProcess | undefined;
  const close = () => {
    stop(server);
    rmSync(dir, { recursive: true, force: true });
  };
  // DokuWiki reads DOKU_CONF before its own defaults: a prepended file points it at the temp copy.
  const prepend = join(dir, 'prepend.php');
  const commit = (id: string, text: string, summary = 'test') => {
    const file = join(dir, 'page.txt');
    writeFileSync(file, text);
    php([
      '-d',
      `auto_prepend_file=${prepend}`,
      join(DOKUWIKI, 'bin/dwpage.php'),
      'commit',
      '-m',
      summary,
      file,
      id,
    ]);
  };
  try {
    const data = join(dir, 'data');
    for (const sub of [
      'pages',
      'attic',
      'meta',
      'media',
      'media_attic',
      'media_meta',
      'cache',
      'index',
      'locks',
      'tmp',
      'log',
    ]) {
      mkdirSync(join(data, sub), { recursive: true });
    }
    mkdirSync(join(dir, 'conf'));
    writeFileSync(
      prepend,
      `<?php\nif (!defined('DOKU_CONF')) define('DOKU_CONF', ${JSON.stringify(`${dir}/conf/`)});\n`,
    );
    writeFileSync(
      join(dir, 'conf/local.php'),
      [
        '<?php',
        `$conf['savedir'] = ${JSON.stringify(data)};`,
        "$conf['title'] = 'Signpost Test Wiki';",
        "$conf['useacl'] = 0;",
        ...conf,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    const root = `http://127.0.0.1:${port}`;
    server = await serve(port, ['-d', `auto_prepend_file=${prepend}`, '-t', DOKUWIKI]);
    if (startPage) commit('start', '====== Welcome ======\n\nThe team wiki.\n');
    return { root, close, commit };
  } catch (error) {
    close();
    throw error;
  }
}
