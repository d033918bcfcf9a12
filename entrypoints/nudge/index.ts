/**
 * The nudge's UI as a script of its own. Most tool pages show nothing, so the content script that
 * every tool page loads carries no UI: when the background has matches for a page, the content
 * script asks it (`loadNudge`) to inject this file into that tab and frame
 * (`scripting.executeScript`), which runs in the content script's isolated world and leaves
 * `mountNudge` where the content script finds it. Page script never sees that world, and the file
 * is not web-accessible, so pages cannot probe for it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountNudge } from './mount';
import type { NudgeScope } from './scope';

export default defineUnlistedScript(() => {
  (globalThis as NudgeScope).signpostNudge ??= mountNudge;
});
