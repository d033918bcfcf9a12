/**
 * The content script: read the screen → ask the background, which detects the tool → show a badge
 * (watch.ts: when a single-page tool shows a new screen). It carries neither the tools' detectors
 * nor the UI: the background detects the tool from the page's address and hints (utils/tools), and
 * the first time a page has something to show, it injects the nudge's UI (entrypoints/nudge/).
 * It never sends anything but the page context to Signpost's own background, and everything it
 * starts is stopped when the extension context goes away (`ctx`).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { NudgeAction } from '@/components/nudge/Nudge';
import { positionFor } from '@/components/nudge/position';
import type { NudgeUi } from '@/entrypoints/nudge/mount';
import type { MountNudge, NudgeScope } from '@/entrypoints/nudge/scope';
import { browser } from '@/utils/browser';
import { extractContext, withTool } from '@/utils/context';
import { t } from '@/utils/i18n';
import { MESSAGE_LIMITS } from '@/utils/limits';
import { empty } from '@/utils/messages/payload';
import type { TabProtocol } from '@/utils/messages/protocol';
import { type Entry, route } from '@/utils/messages/route';
import { send } from '@/utils/messages/send';
import type { KnowledgeItem, Match, PageContext } from '@/utils/model';
import {
  loadPageSettings,
  onPageSettingsChanged,
  type PageSettings,
  saveBadgePosition,
} from '@/utils/settings/page-settings';
import { pageHints } from '@/utils/tools/hints';
import { watchScreen } from './watch';

interface Seen {
  context: PageContext;
  matches: Match[];
  paused: boolean;
}

/**
 * The nudge's UI: loaded once per page, when the first matches arrive. The background injects it
 * into this frame's isolated world, where it leaves its mount function: with its answer to the
 * first `matchPage` that has something to show, else (an injection that failed) when asked here.
 */
async function loadUi(): Promise<MountNudge> {
  const scope = globalThis as NudgeScope;
  if (!scope.signpostNudge) await send('loadNudge', {});
  if (!scope.signpostNudge) throw new Error('the nudge UI did not load');
  return scope.signpostNudge;
}

function idle(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => ctx.requestIdleCallback(() => resolve(), { timeout: 1500 }));
}

/**
 * The items this screen visit has already shown (one visit: one address, however often the title
 * or headings change — Gmail's and Slack's unread counters). The background counts an impression
 * only for items not in it. Kept outside `start` so that a restart stays in the same visit.
 */
const visit = { url: '', shown: new Set<string>() };

/**
 * What this visit already showed, or undefined on a visit's first ask (the background counts the
 * visit itself then: what's new, the silent first page).
 */
function shownThisVisit(url: string): string[] | undefined {
  if (visit.url !== url) {
    visit.url = url;
    visit.shown.clear();
    return undefined;
  }
  return [...visit.shown].slice(-MESSAGE_LIMITS.idsPerRequest);
}

/** Restarts after an invalidation that the page may have caused; grows while the page keeps at it. */
let restartDelayMs = 100;

/**
 * Starts again after the context was invalidated while the extension is still there. WXT
 * invalidates a context when a `…:content:wxt:content-script-started` event reaches `document`,
 * meant for a newer copy of this script after an update; but any page script can fire that event.
 * A real update orphans this copy (`runtime.id` is gone), so nothing restarts then; and when a
 * newer copy did start, it is the one running and this one stays quiet.
 */
function restartLater(old: ContentScriptContext): void {
  const scope = globalThis as { signpostRunning?: boolean };
  // The class from the old context: importing it here would run WXT's browser-only statics at build time.
  const Context = old.constructor as typeof ContentScriptContext;
  setTimeout(() => {
    if (scope.signpostRunning || !browser.runtime?.id) return;
    void start(new Context(import.meta.env.ENTRYPOINT, old.options)).catch((error: unknown) =>
      console.warn('Signpost: could not start again', error),
    );
  }, restartDelayMs);
  restartDelayMs = Math.min(restartDelayMs * 2, 5000);
}

export default defineContentScript({
  // Every built-in tool's hosts, less the vendors' own sites: wxt.config.ts sets them from the
  // detectors when it builds the manifest, so that this script does not carry the detectors.
  matches: [],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: start,
});

async function start(ctx: ContentScriptContext): Promise<void> {
  // Manifest matches and an admin rule can both cover a page: one instance is enough.
  const scope = globalThis as { signpostRunning?: boolean };
  if (scope.signpostRunning) return;
  scope.signpostRunning = true;
  ctx.onInvalidated(() => {
    scope.signpostRunning = false;
    restartLater(ctx);
  });

  // The settings are read while the page settles: the first check waits for an idle moment anyway.
  const [initial] = await Promise.all([loadPageSettings(), idle(ctx)]);
  let paused = initial.pausedSites.includes(location.host);
  let positions: PageSettings['badgePositions'] = initial.badgePositions;
  let ui: NudgeUi | null = null;
  let seen: Seen | null = null;
  let generation = 0;

  // The popup asks what Signpost sees on this page; other messages are left to other listeners.
  const onMessage = route(
    {
      describePage: {
        validate: empty,
        async handle() {
          const asked = seen;
          if (!asked) throw new Error('not a recognised tool page');
          if (asked.context.tool !== null) return asked;
          // A paused site does not ask the background; only now does it need its tool.
          const { tool } = await send('detectPage', { url: asked.context.url, hints: pageHints(document) });
          if (!tool) throw new Error('not a recognised tool page');
          const described = { ...asked, context: withTool(asked.context, tool) };
          if (seen === asked) seen = described;
          return described;
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
  /** Where the shown badge sits (JSON): a new place from the organisation's policy moves it. */
  let shownAt = '';

  function clear() {
    ui?.remove();
    ui = null;
    shown = '';
    shownAt = '';
  }

  /** Reads the screen and asks; after an idle moment of the page unless `settled` says it just had one. */
  async function run(settled: boolean) {
    const mine = ++generation;
    const stale = () => mine !== generation || ctx.isInvalid;
    if (!settled) await idle(ctx);
    if (stale()) return;
    const read = extractContext(document, location.href, null);
    if (paused) {
      // Paused here: nothing is asked or shown; the popup can still say what Signpost sees (and
      // resume the site).
      seen = { context: read, matches: [], paused };
      clear();
      return;
    }
    const asked = location.href;
    const alreadyShown = shownThisVisit(asked);
    const {
      tool: detection,
      matches,
      announce,
      votes,
      digest,
    } = await send('matchPage', {
      context: read,
      hints: pageHints(document),
      ...(alreadyShown === undefined ? {} : { seen: alreadyShown }),
      ...((globalThis as NudgeScope).signpostNudge ? { hasUi: true } : {}),
    });
    if (visit.url === asked) for (const match of matches) visit.shown.add(match.item.id);
    if (stale()) return;
    if (!detection) {
      seen = null;
      clear();
      return;
    }
    // A tool an admin turned off has no matches: the popup can still say what Signpost sees.
    const context = withTool(read, detection);
    seen = { context, matches, paused };
    const key = matches.map((match) => match.item.id).join('\n');
    const position = positionFor(detection.id, positions.own, positions.admin);
    // Same items in the same place: leave the badge (and an open panel) as it is.
    if (ui && key === shown && JSON.stringify(position) === shownAt) return;
    if (matches.length === 0 && !digest?.length) {
      clear();
      return;
    }
    const record = (item: KnowledgeItem, action: NudgeAction) => {
      const request = {
        itemId: item.id,
        action,
        tool: detection.id,
        ...(context.area ? { area: context.area } : {}),
      };
      send('recordAction', request).catch((error: unknown) => console.warn('Signpost: not recorded', error));
    };
    const words = [context.title, ...context.headings, ...context.keywords].join(' ');
    const whyContext = { toolName: detection.name, ...(context.area ? { area: context.area } : {}), words };
    const mountNudge = await loadUi();
    if (stale()) return;
    clear();
    ui = mountNudge(
      {
        matches,
        toolName: detection.name,
        whyContext,
        onSearch: async (query) => (await send('searchKnowledge', { query })).hits,
        onSeeAll: (query) => {
          send('openSignpost', query ? { query } : {}).catch((error: unknown) =>
            console.warn('Signpost:', error),
          );
        },
        position,
        onMove: (moved) => {
          positions = { ...positions, own: { ...positions.own, [detection.id]: moved } };
          // The person moved the badge there: it is where it should be.
          shownAt = JSON.stringify(positionFor(detection.id, positions.own, positions.admin));
          saveBadgePosition(detection.id, moved).catch((error: unknown) => console.warn('Signpost:', error));
        },
        ...(announce ? { announce } : {}),
        ...(digest?.length ? { digest } : {}),
        ...(votes ? { votes } : {}),
        onAction: record,
        onPause: () => {
          paused = true;
          clear();
          send('pauseSite', { paused: true }).catch((error: unknown) => console.warn('Signpost:', error));
        },
      },
      t,
    );
    shown = key;
    shownAt = JSON.stringify(position);
  }

  const check = (settled = false) =>
    run(settled).catch((error: unknown) => {
      if (!ctx.isInvalid) console.warn('Signpost: could not check this page', error);
    });
  // Single-page tools change screens without a page load.
  watchScreen(ctx, () => void check());
  const stopSettings = onPageSettingsChanged((settings) => {
    paused = settings.pausedSites.includes(location.host);
    positions = settings.badgePositions;
    void check();
  });
  ctx.onInvalidated(stopSettings);
  await check(true);
}
