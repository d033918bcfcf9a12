/**
 * The in-page UI: the nudge rendered with Preact in a shadow root on a `signpost-nudge` element
 * at the end of <body>, styled by our own inlined CSS only. `ui.remove()` unmounts Preact, so the
 * nudge's effects clean up with it.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Nudge, type NudgeProps } from '@/components/nudge/Nudge';
import { I18n } from '@/components/shared/i18n';
import { t } from '@/utils/i18n';
import styles from './style.css?inline';

/** The host element's inline styles that keep it visible whatever the page's CSS says. */
const SHOWN = [
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
] as const;

export type NudgeUi = ShadowRootContentScriptUi<HTMLElement>;

/** Shows the nudge in the page; resolves once it is mounted. */
export async function mountNudge(ctx: ContentScriptContext, props: NudgeProps): Promise<NudgeUi> {
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: 'signpost-nudge',
    mode: 'open',
    // Inlined: no web-accessible CSS file for pages to probe, and no fetch before the badge shows.
    css: styles,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the panel must not trigger the host tool's own keyboard shortcuts.
    isolateEvents: true,
    onMount(container) {
      render(
        <I18n.Provider value={t}>
          <Nudge {...props} />
        </I18n.Provider>,
        container,
      );
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  // The host element sits in the page's light DOM: inline !important keeps hostile page rules
  // (`* { all: unset }`, `display: none !important` on unknown elements) from hiding it.
  for (const [property, value] of SHOWN) ui.shadowHost.style.setProperty(property, value, 'important');
  return ui;
}
