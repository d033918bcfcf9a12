/** What the Chromium and Firefox policy tests share: a writable policy folder and the catalog a policy source serves. */
import { accessSync, constants, mkdirSync } from 'node:fs';

/** Whether the test may write a policy file into `dir` (root on CI); says why not when it may not. */
export function policyDirWritable(dir: string, suite: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    console.warn(`${suite} skipped: ${dir} is not writable (run as root to include it)`);
    return false;
  }
}

/** The organisation's own catalog a policy source points at. */
export const CORP_CATALOG = {
  version: 1,
  items: ['Corp: how we run sprint reviews', 'Corp: board hygiene before sprint planning'].map(
    (title, i) => ({
      id: `corp-${i}`,
      kind: 'article',
      title,
      summary: `${title}. Our team's agreed way of working, in two minutes.`,
      url: `https://intranet.corp.example/kb/${i}`,
      tags: ['sprint', 'board'],
      updatedAt: '2026-11-01',
    }),
  ),
};
