/**
 * The content script: detect the tool → read the screen → ask the background → show a badge
 * (mount.tsx: the UI; watch.ts: when a single-page tool shows a new screen).
 * It never sends anything but the page context to Signpost's own background, and everything it
 * starts is stopped when the extension context goes away (`ctx`).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { NudgeAction } from '@/components/nudge/Nudge';
import { browser } from '@/utils/browser';
import { extractContext } from '@/utils/context';
import { empty } from '@/utils/messages/payload';
import type { TabProtocol } from '@/utils/messages/protocol';
import { type Entry, route } from '@/utils/messages/route';
import { send } from '@/utils/messages/send';
import type { KnowledgeItem, Match, PageContext } from '@/utils/model';
import { detectWithRules, type ToolRule } from '@/utils/rules/tool-rules';
import { loadPageSettings, onPageSettingsChanged } from '@/utils/settings/page-settings';
import { builtinExcludePatterns, builtinMatchPatterns } from '@/utils/tools';
import { mountNudge, type NudgeUi } from './mount';
import { watchScreen } from './watch';

interface Seen {
  context: PageContext;
  matches: Match[];
  paused: boolean;
}

function idle(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => ctx.requestIdleCallback(() => resolve(), { timeout: 1500 }));
}

export default defineContentScript({
  matches: builtinMatchPatterns(),
  excludeMatches: builtinExcludePatterns(),
  runAt: 'document_idle',
  cssInjectionMode: 'manual',

  async main(ctx) {
    // Manifest matches and an admin rule can both cover a page: one instance is enough.
    const scope = globalThis as { signpostRunning?: boolean };
    if (scope.signpostRunning) return;
    scope.signpostRunning = true;
    ctx.onInvalidated(() => {
      scope.signpostRunning = false;
    });

    const initial = await loadPageSettings();
    let rules: ToolRule[] = initial.toolRules;
    let paused = initial.pausedSites.includes(location.host);
    let disabledTools = new Set(initial.disabledTools);
    let ui: NudgeUi | null = null;
    let seen: Seen | null = null;
    let generation = 0;

    // The popup asks what Signpost sees on this page; other messages are left to other listeners.
    const onMessage = route(
      {
        describePage: {
          validate: empty,
          async handle() {
            if (!seen) throw new Error('not a recognised tool page');
            return seen;
          },
        } satisfies Entry<TabProtocol['describePage']['request'], TabProtocol['describePage']['response']>,
      },
      {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        fromTabs: [],
        ignoreUnknown: true,
        onError: () => undefined,
      },
    );
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      ui?.remove();
    });

    let shown = '';

    function clear() {
      ui?.remove();
      ui = null;
      shown = '';
    }

    async function run() {
      const mine = ++generation;
      const stale = () => mine !== generation || ctx.isInvalid;
      const detection = detectWithRules(location.href, document, rules);
      if (!detection) {
        seen = null;
        clear();
        return;
      }
      await idle(ctx);
      if (stale()) return;
      const context = extractContext(document, location.href, detection);
      if (paused || disabledTools.has(detection.id)) {
        // Paused here, or the tool is turned off: nothing is asked or shown; the popup can still
        // say what Signpost sees (and resume a paused site).
        seen = { context, matches: [], paused };
        clear();
        return;
      }
      const { matches, announce, votes } = await send('matchPage', { context });
      if (stale()) return;
      seen = { context, matches, paused };
      const key = matches.map((match) => match.item.id).join('\n');
      if (ui && key === shown) return; // same items: leave the badge (and an open panel) as it is
      clear();
      if (matches.length === 0) return;
      const record = (item: KnowledgeItem, action: NudgeAction) => {
        const request = {
          itemId: item.id,
          action,
          tool: detection.id,
          ...(context.area ? { area: context.area } : {}),
        };
        send('recordAction', request).catch((error: unknown) =>
          console.warn('Signpost: not recorded', error),
        );
      };
      const mounted = await mountNudge(ctx, {
        matches,
        toolName: detection.name,
        ...(announce ? { announce } : {}),
        ...(votes ? { votes } : {}),
        onAction: record,
        onPause: () => {
          paused = true;
          clear();
          send('pauseSite', { paused: true }).catch((error: unknown) => console.warn('Signpost:', error));
        },
      });
      if (stale()) {
        mounted.remove();
        return;
      }
      ui = mounted;
      shown = key;
    }

    const start = () =>
      run().catch((error: unknown) => {
        if (!ctx.isInvalid) console.warn('Signpost: could not check this page', error);
      });
    // Single-page tools change screens without a page load.
    watchScreen(ctx, () => void start());
    const stopSettings = onPageSettingsChanged((settings) => {
      rules = settings.toolRules;
      paused = settings.pausedSites.includes(location.host);
      disabledTools = new Set(settings.disabledTools);
      void start();
    });
    ctx.onInvalidated(stopSettings);
    await start();
  },
});
