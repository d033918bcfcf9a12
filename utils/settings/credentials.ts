/** Source credentials: their shape, and its validation for a policy or the options page. */
import { isRecord } from '../model';

/** Credentials for a source, kept in the vault (utils/settings/vault.ts), sent only to the origin they were given for. */
export type SourceAuth =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'discourse'; apiKey: string; username: string };

/** A source's credentials: undefined when absent, null when malformed. */
export function parseAuth(value: unknown): SourceAuth | undefined | null {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return null;
  const text = (key: string) =>
    typeof value[key] === 'string' && value[key] ? (value[key] as string) : null;
  if (value.kind === 'basic' && text('username') && text('password') !== null) {
    return { kind: 'basic', username: text('username') as string, password: text('password') as string };
  }
  if (value.kind === 'bearer' && text('token')) return { kind: 'bearer', token: text('token') as string };
  if (value.kind === 'discourse' && text('apiKey') && text('username')) {
    return { kind: 'discourse', apiKey: text('apiKey') as string, username: text('username') as string };
  }
  return null;
}

/** The origin of an http(s) address, or null. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why credentials may not be sent to this address, or null when they may: only over https, or
 * over plain http to this computer (127.0.0.1, ::1, localhost), where nobody can read them on the way.
 */
export function credentialsRefusal(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'credentials need an http(s) address';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return null;
  return `credentials are sent over https only (plain http only to this computer): use https://${parsed.host}${parsed.pathname}`;
}
