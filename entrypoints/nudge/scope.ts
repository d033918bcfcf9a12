/** Where the injected UI leaves its mount function for the content script (their shared isolated world). */
import type { mountNudge } from './mount';

export type MountNudge = typeof mountNudge;

export interface NudgeScope {
  signpostNudge?: MountNudge;
}

/** The file the background injects (the unlisted script built from this folder). */
export const NUDGE_SCRIPT = '/nudge.js';
