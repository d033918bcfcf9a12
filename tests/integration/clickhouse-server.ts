/**
 * A real ClickHouse for integration tests and the benchmark: Debian's clickhouse-server
 * (tests/integration/install-clickhouse.sh) started on 127.0.0.1 from a throwaway configuration and
 * data directory, with the repository's users (docs/clickhouse/users.d/signpost.xml, passwords
 * filled in) and schema (docs/clickhouse/schema.sql) applied.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './servers';

const SERVER = ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'].find((path) => existsSync(path));

/** Why ClickHouse cannot run here, or ''. */
export const missingClickhouse = SERVER
  ? ''
  : 'clickhouse-server is not installed (run tests/integration/install-clickhouse.sh)';

export const WRITER = { user: 'signpost_writer', password: 'writer-secret' };
export const READER = { user: 'signpost_reader', password: 'reader-secret' };

const root = new URL('../..', import.meta.url).pathname;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface Clickhouse {
  url: string;
  /** Runs SQL as the server's unrestricted default user (setup and checks only). */
  admin: (sql: string) => Promise<string>;
  stop: () => Promise<void>;
}

/** The statements of a SQL file (comments dropped, split on `;`). */
export function statements(sql: string): string[] {
  return sql
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}

export async function startClickhouse(): Promise<Clickhouse> {
  if (!SERVER) throw new Error(missingClickhouse);
  const dir = mkdtempSync(join(tmpdir(), 'signpost-clickhouse-'));
  const [http, tcp] = [await freePort(), await freePort()];
  for (const sub of ['data', 'tmp', 'user_files', 'format_schemas', 'users.d']) mkdirSync(join(dir, sub));
  writeFileSync(
    join(dir, 'config.xml'),
    `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
</yandex>
`,
  );
  writeFileSync(
    join(dir, 'users.xml'),
    `<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`,
  );
  const users = readFileSync(join(root, 'docs/clickhouse/users.d/signpost.xml'), 'utf8')
    .replace('REPLACE_WITH_THE_WRITER_PASSWORD_SHA256', sha256(WRITER.password))
    .replace('REPLACE_WITH_THE_READER_PASSWORD_SHA256', sha256(READER.password));
  writeFileSync(join(dir, 'users.d/signpost.xml'), users);

  const server: ChildProcess = spawn(SERVER, [`--config-file=${join(dir, 'config.xml')}`], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  server.stderr?.on('data', (chunk) => {
    log = (log + chunk).slice(-4000);
  });
  const url = `http://127.0.0.1:${http}/`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const admin = async (sql: string) => {
    const response = await fetch(url, { method: 'POST', body: sql });
    const text = await response.text();
    if (!response.ok) throw new Error(`ClickHouse: ${text}`);
    return text;
  };
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) break;
    try {
      if (!(await fetch(`${url}ping`)).ok) throw new Error('not up yet');
    } catch {
      // not up yet
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      for (const statement of statements(readFileSync(join(root, 'docs/clickhouse/schema.sql'), 'utf8')))
        await admin(statement);
    } catch (error) {
      await stop();
      throw error;
    }
    return { url, admin, stop };
  }
  await stop();
  throw new Error(`clickhouse-server did not start: ${log}`);
}
