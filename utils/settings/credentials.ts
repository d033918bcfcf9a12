/** Source credentials: their shape, and its validation for a policy or the options page. */
import { isRecord } from '../model';

/** Credentials for a source, kept in storage.local only, sent only to the source's own origin. */
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
