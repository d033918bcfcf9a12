/**
 * The page cannot read or drive the nudge. Page script sees a closed shadow root (no titles, no
 * buttons), a page that hooks `attachShadow` before Signpost starts gets nothing (content scripts
 * run with their own prototypes), and even page script that holds one of the nudge's buttons (the
 * DevTools protocol hands it one here, as a leak would) cannot open the panel, vote, close or pause:
 * its events are not trusted. A page firing WXT's "content script started" event does not remove
 * the nudge for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, routePage, storedEvents } from './fixtures';
import { NudgeUi } from './pages';

const JIRA_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';

/** Page script's attempts on an element: a synthetic click, a dispatched click and Enter. */
const FAKE_ACTIVATE = (el: Element) => {
  (el as HTMLElement).click();
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
  el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  return true;
};

describe('page script and the nudge', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await routePage(h.context, 'https://acme.atlassian.net/**', 'jira-board.html');
  });
  afterAll(async () => h?.close());

  it('cannot read the items, even with attachShadow hooked before Signpost starts', async () => {
    const page = await h.context.newPage();
    await page.addInitScript(() => {
      const original = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = original.call(this, { ...init, mode: 'open' });
        (window as unknown as { leaked?: ShadowRoot }).leaked = root;
        return root;
      };
    });
    await page.goto(JIRA_BOARD);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    const titles = await nudge.itemLinks.allTextContents();
    expect(titles.length).toBeGreaterThan(0);

    const seenByPage = await page.evaluate(() => {
      const host = document.querySelector('signpost-nudge');
      return {
        host: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        leaked: (window as unknown as { leaked?: ShadowRoot }).leaked !== undefined,
        text: `${document.body.innerText}\n${document.documentElement.outerHTML}\n${host?.textContent ?? ''}`,
        links: [...document.querySelectorAll('a')].map((a) => a.textContent),
      };
    });
    expect(seenByPage.host).toBe(true);
    expect(seenByPage.shadowRoot).toBeNull();
    expect(seenByPage.leaked).toBe(false);
    for (const title of titles) {
      expect(seenByPage.text).not.toContain(title);
      expect(seenByPage.links).not.toContain(title);
    }
    await page.close();
  });

  it('cannot fake open, helpful, close or pause, even holding the buttons', async () => {
    const page = await h.context.newPage();
    await page.goto(JIRA_BOARD);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });

    // `evaluate` runs in the page's own world: the page script that got hold of the badge.
    expect(await nudge.badge.evaluate(FAKE_ACTIVATE)).toBe(true);
    await page.waitForTimeout(400);
    expect(await nudge.panel.count()).toBe(0);
    expect(await nudge.badge.getAttribute('aria-expanded')).toBe('false');

    // A person's click (trusted input) opens it.
    await nudge.open();
    const [first] = await nudge.itemLinks.allTextContents();
    const helpful = nudge.panel.getByRole('button', { name: `Helpful: ${first}`, exact: true });
    await helpful.evaluate(FAKE_ACTIVATE);
    const close = nudge.panel.getByRole('button', { name: 'Close', exact: true });
    await close.evaluate(FAKE_ACTIVATE);
    const pause = nudge.panel.getByRole('button', { name: /Pause/ });
    await pause.evaluate(FAKE_ACTIVATE);
    await page.waitForTimeout(600);
    expect(await helpful.getAttribute('aria-pressed')).toBe('false');
    expect(await nudge.panel.count()).toBe(1);
    expect(await nudge.host.count()).toBe(1);

    // Nothing reached the background either: no vote, no pause.
    const recorded = (await storedEvents(h)).map((event) => event.type);
    expect(recorded).not.toContain('helpful');
    expect(recorded).not.toContain('pause');

    // The same button works for a person.
    await helpful.click();
    await expect.poll(() => helpful.getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('comes back after the page fires WXT\'s "content script started" event', async () => {
    const page = await h.context.newPage();
    await page.goto(JIRA_BOARD);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    const removed = await page.evaluate(async (extensionId) => {
      let gone = false;
      const watcher = new MutationObserver(() => {
        if (!document.querySelector('signpost-nudge')) gone = true;
      });
      watcher.observe(document.body, { childList: true });
      for (let i = 0; i < 3; i++) {
        document.dispatchEvent(
          new CustomEvent(`${extensionId}:content:wxt:content-script-started`, {
            detail: { contentScriptName: 'content', messageId: `page-${i}` },
          }),
        );
        window.postMessage(
          {
            type: `${extensionId}:content:wxt:content-script-started`,
            contentScriptName: 'content',
            messageId: `page-${i}`,
          },
          '*',
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      watcher.disconnect();
      return gone;
    }, h.extensionId);
    // The event did reach Signpost (its context was invalidated and the nudge went away) …
    expect(removed).toBe(true);
    // … and it starts again by itself, with the badge back and working.
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    expect((await nudge.itemLinks.allTextContents()).length).toBeGreaterThan(0);
    await page.close();
  });
});
