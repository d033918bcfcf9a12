/**
 * The in-page UI (injected by the background only into a page that has something to show; see
 * index.ts): the nudge rendered with Preact in a **closed** shadow root on a `signpost-nudge`
 * element at the end of <body>, styled by our own inlined CSS only.
 *
 * Why closed, and why the guard: the page is not ours. With a closed root, `host.shadowRoot` is
 * null for page script, so it cannot read item titles (which say what the person is working on)
 * nor reach our buttons. The root lives only in this closure. A capture-phase guard on the root
 * drops every event the browser did not generate (`isTrusted` false), so that even a page that
 * got hold of a node could not fake "open", "helpful", "dismiss" or "pause" — those feed the
 * measurement and the reports. Tests read the UI through the DevTools protocol
 * (tests/e2e/pages.ts), never through an open build.
 */
import { render } from 'preact';
import { Nudge, type NudgeProps } from '@/components/nudge/Nudge';
import { type WhyContext, whyShown } from '@/components/nudge/why';
import { I18n } from '@/components/shared/i18n';
import type { Translate } from '@/utils/i18n';
import styles from './style.css?inline';

/** The host element's inline styles that keep it visible whatever the page's CSS says. */
const SHOWN = [
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
] as const;

/** Input a person makes; anything of these types that the browser did not generate is dropped. */
const GUARDED = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'pointermove',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'toggle',
] as const;

/** Keys typed in the panel must not trigger the host tool's own keyboard shortcuts. */
const KEPT_INSIDE = ['keydown', 'keyup', 'keypress'] as const;

export interface NudgeUi {
  remove(): void;
}

/** Drops events that page script made (or re-dispatched) before any of our handlers see them. */
export function guardTrusted(target: EventTarget, signal?: AbortSignal): void {
  const drop = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of GUARDED) target.addEventListener(type, drop, { capture: true, signal });
}

/** What the content script hands the UI: the nudge's props, and the screen that says why an item is shown. */
export interface MountProps extends Omit<NudgeProps, 'why'> {
  whyContext: WhyContext;
}

/** Shows the nudge in the page, in the content script's language (`t` is its `browser.i18n`). */
export function mountNudge({ whyContext, ...props }: MountProps, t: Translate): NudgeUi {
  const host = document.createElement('signpost-nudge');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  // Inlined: no web-accessible CSS file for pages to probe, and no fetch before the badge shows.
  style.textContent = styles;
  const container = document.createElement('div');
  root.append(style, container);
  const stop = new AbortController();
  guardTrusted(root, stop.signal);
  for (const type of KEPT_INSIDE) {
    root.addEventListener(type, (event) => event.stopPropagation(), { signal: stop.signal });
  }
  // The host sits in the page's light DOM: inline !important keeps hostile page rules
  // (`* { all: unset }`, `display: none !important` on unknown elements) from hiding it.
  for (const [property, value] of SHOWN) host.style.setProperty(property, value, 'important');
  (document.body ?? document.documentElement).append(host);
  render(
    <I18n.Provider value={t}>
      <Nudge {...props} why={(item) => whyShown(t, item, whyContext)} />
    </I18n.Provider>,
    container,
  );
  return {
    remove() {
      render(null, container);
      stop.abort();
      host.remove();
    },
  };
}
