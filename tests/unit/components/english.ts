/** English UI text as the browser would give it, for component tests: `$1…$9` replaced. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '@/utils/i18n';

const MESSAGES: Record<string, { message: string }> = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
);

/** Throws for a key the English messages lack, so a missing string fails the test. */
export const english: Translate = (key, substitutions) => {
  const list =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const message = MESSAGES[key]?.message;
  if (message === undefined) throw new Error(`no English message for ${key}`);
  return message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
};
