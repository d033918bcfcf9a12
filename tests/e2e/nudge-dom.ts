/**
 * Reads Signpost's in-page UI, which lives in a *closed* shadow root, through the DevTools
 * protocol — the way the contract says tests must (docs in /README.md, "Security"):
 *
 *   DOM.getDocument / DOM.querySelector('signpost-nudge')
 *     → DOM.describeNode({ pierce: true })   the closed root's backend node id
 *     → DOM.resolveNode                       a handle to it (CDP only; page script has none)
 *     → Runtime.callFunctionOn                find nodes inside it, read them, get their boxes
 *
 * Clicks and keys go through Playwright's mouse and keyboard (CDP `Input.*`), so they are trusted
 * input, as a person's. `ShadowLocator` mirrors the small part of Playwright's Locator API that the
 * specs use (`getByRole`, `getByText`, `nth`, `click`, `allTextContents`, …).
 */
import type { CDPSession, Page } from 'playwright-core';

export type Role =
  | 'button'
  | 'link'
  | 'dialog'
  | 'status'
  | 'textbox'
  | 'searchbox'
  | 'heading'
  | 'list'
  | 'listitem'
  | 'region'
  | 'group'
  | 'slider'
  | 'article';

type Text = { s: string; exact: boolean } | { re: string; flags: string };
type Step = { css: string } | { role: Role; name?: Text } | { text: Text } | { nth: number } | { has: Text };

const text = (value: string | RegExp, exact = false): Text =>
  typeof value === 'string' ? { s: value, exact } : { re: value.source, flags: value.flags };

/**
 * Resolves the steps inside the shadow root (`this`). Runs in the page as a string, so it is plain
 * JavaScript with no helpers from outside.
 */
const RESOLVE = `function resolve(steps) {
  const root = this;
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const ROLE = {
    button: 'button, [role=button], summary',
    link: 'a[href], [role=link]',
    dialog: 'dialog, [role=dialog]',
    status: '[role=status]',
    textbox: 'input:not([type]), input[type=text], input[type=search], textarea, [role=textbox], [role=searchbox]',
    searchbox: 'input[type=search], [role=searchbox]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    list: 'ul, ol, [role=list]',
    listitem: 'li, [role=listitem]',
    region: 'section[aria-label], section[aria-labelledby], [role=region]',
    group: 'fieldset, [role=group]',
    slider: '[role=slider]',
    article: 'article, [role=article]',
  };
  const byIds = (ids) => ids.split(/\\s+/).map((id) => root.getElementById(id)?.textContent || '').join(' ');
  const nameOf = (el) => {
    const aria = el.getAttribute('aria-label');
    if (aria) return norm(aria);
    const by = el.getAttribute('aria-labelledby');
    if (by) return norm(byIds(by));
    if (el.id) {
      const label = root.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (label) return norm(label.textContent);
    }
    const wrap = el.closest('label');
    if (wrap) return norm(wrap.textContent);
    return norm(el.textContent || el.value || el.getAttribute('placeholder') || el.getAttribute('title'));
  };
  const test = (value, t) =>
    t.re !== undefined
      ? new RegExp(t.re, t.flags).test(value)
      : t.exact
        ? value === t.s
        : value.toLowerCase().includes(t.s.toLowerCase());
  const hidden = (el) =>
    el.closest('[aria-hidden=true]') !== null || el.getClientRects().length === 0 || !el.checkVisibility();
  let set = [root];
  for (const step of steps) {
    if (step.nth !== undefined) {
      const el = set[step.nth < 0 ? set.length + step.nth : step.nth];
      set = el ? [el] : [];
      continue;
    }
    if (step.has !== undefined) {
      set = set.filter((el) => test(norm(el.textContent), step.has));
      continue;
    }
    const out = [];
    for (const scope of set) {
      let found;
      if (step.css !== undefined) found = [...scope.querySelectorAll(step.css)];
      else if (step.role !== undefined)
        found = [...scope.querySelectorAll(ROLE[step.role])].filter(
          (el) => !hidden(el) && (!step.name || test(nameOf(el), step.name)),
        );
      else {
        const all = [...scope.querySelectorAll('*')].filter(
          (el) => el.localName !== 'style' && !hidden(el) && test(norm(el.textContent), step.text),
        );
        // The innermost elements with the text, as Playwright's getByText.
        found = all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
      }
      for (const el of found) if (!out.includes(el)) out.push(el);
    }
    set = out;
  }
  return set;
}`;

/** A function run on the first element a locator finds (`el`), with `arg`. */
const onFirst = (body: string) =>
  `function (steps, arg) { const els = (${RESOLVE}).call(this, steps); const el = els[0];
   if (!el) throw new Error('no element'); ${body} }`;

/** The CDP session of a page, one per page. */
const sessions = new WeakMap<Page, Promise<CDPSession>>();

export function cdpOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** A handle (CDP object id) to the closed shadow root of `signpost-nudge`, or null when there is none. */
export async function shadowRootOf(page: Page): Promise<string | null> {
  const cdp = await cdpOf(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'signpost-nudge' });
  if (!nodeId) return null;
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', {
    backendNodeId: shadow.backendNodeId,
    objectGroup: 'signpost-nudge',
  });
  return object.objectId ?? null;
}

async function call<T>(page: Page, steps: Step[], declaration: string, arg?: unknown): Promise<T> {
  const objectId = await shadowRootOf(page);
  if (!objectId) throw new Error('no signpost-nudge in the page');
  const cdp = await cdpOf(page);
  try {
    const result = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: declaration,
      arguments: [{ value: steps }, { value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) {
      throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    }
    return result.result.value as T;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'signpost-nudge' }).catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Something in Signpost's closed shadow root, found afresh at every use (as a Playwright Locator). */
export class ShadowLocator {
  constructor(
    readonly page: Page,
    readonly steps: Step[] = [],
  ) {}

  private then_(step: Step): ShadowLocator {
    return new ShadowLocator(this.page, [...this.steps, step]);
  }

  locator(css: string): ShadowLocator {
    return this.then_({ css });
  }

  getByRole(role: Role, options: { name?: string | RegExp; exact?: boolean } = {}): ShadowLocator {
    return this.then_(
      options.name === undefined ? { role } : { role, name: text(options.name, options.exact) },
    );
  }

  getByText(value: string | RegExp, options: { exact?: boolean } = {}): ShadowLocator {
    return this.then_({ text: text(value, options.exact) });
  }

  /** Keeps the elements whose text contains `value`. */
  filter(options: { hasText: string | RegExp }): ShadowLocator {
    return this.then_({ has: text(options.hasText) });
  }

  nth(index: number): ShadowLocator {
    return this.then_({ nth: index });
  }

  first(): ShadowLocator {
    return this.nth(0);
  }

  last(): ShadowLocator {
    return this.nth(-1);
  }

  /** How many elements match (0 when there is no nudge at all). */
  async count(): Promise<number> {
    if (!(await shadowRootOf(this.page))) return 0;
    return call<number>(
      this.page,
      this.steps,
      `function (steps) { return (${RESOLVE}).call(this, steps).length; }`,
    ).catch(() => 0);
  }

  async all(): Promise<ShadowLocator[]> {
    const n = await this.count();
    return Array.from({ length: n }, (_, i) => this.nth(i));
  }

  async waitFor(options: { state?: 'attached' | 'visible' | 'detached' | 'hidden'; timeout?: number } = {}) {
    const state = options.state ?? 'visible';
    const end = Date.now() + (options.timeout ?? 5000);
    for (;;) {
      const n = await this.count();
      let ok = state === 'detached' ? n === 0 : n > 0;
      if (ok && state === 'visible') ok = (await this.boundingBox()) !== null;
      if (state === 'hidden') ok = n === 0 || (await this.boundingBox()) === null;
      if (ok) return;
      if (Date.now() > end) throw new Error(`nudge: ${JSON.stringify(this.steps)} not ${state} in time`);
      await sleep(100);
    }
  }

  /** Runs `fn(element, arg)` in the page on the first match; returns its (serialisable) result. */
  async evaluate<R, A = undefined>(fn: (el: Element, arg: A) => R, arg?: A): Promise<R> {
    return call<R>(this.page, this.steps, onFirst(`return (${fn.toString()})(el, arg);`), arg);
  }

  async allTextContents(): Promise<string[]> {
    if (!(await shadowRootOf(this.page))) return [];
    return call<string[]>(
      this.page,
      this.steps,
      `function (steps) { return (${RESOLVE}).call(this, steps).map((el) => el.textContent || ''); }`,
    );
  }

  async textContent(): Promise<string | null> {
    return call<string | null>(this.page, this.steps, onFirst('return el.textContent;'));
  }

  async getAttribute(name: string): Promise<string | null> {
    return call<string | null>(this.page, this.steps, onFirst('return el.getAttribute(arg);'), name);
  }

  async inputValue(): Promise<string> {
    return call<string>(this.page, this.steps, onFirst('return el.value;'));
  }

  /** The element's box in the viewport, or null when it is not rendered. */
  async boundingBox(): Promise<Box | null> {
    return call<Box | null>(
      this.page,
      this.steps,
      onFirst(`const r = el.getBoundingClientRect();
        return r.width || r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;`),
    ).catch(() => null);
  }

  /** Moves focus to the element (as a script would; no input event is made). */
  async focus(): Promise<void> {
    await call(this.page, this.steps, onFirst('el.focus();'));
  }

  /** A trusted click in the middle of the element (mouse input through the DevTools protocol). */
  async click(options: { timeout?: number } = {}): Promise<void> {
    await this.waitFor({ state: 'visible', timeout: options.timeout ?? 5000 });
    const box = await call<Box>(
      this.page,
      this.steps,
      onFirst(`el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };`),
    );
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Focuses the field and types into it with trusted key presses. */
  async fill(value: string): Promise<void> {
    await this.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    if (value) await this.page.keyboard.type(value);
  }

  async press(key: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press(key);
  }

  async isVisible(): Promise<boolean> {
    return (await this.count()) > 0 && (await this.boundingBox()) !== null;
  }
}

/**
 * A global of Signpost's content-script world in the page's top frame (the isolated world that
 * page script never sees), as `typeof` says it: 'undefined' when that world has no such global,
 * null when Signpost has no world in the page. The DevTools protocol lists the frame's isolated
 * worlds; Signpost's is the one whose origin is the extension's.
 */
export async function contentWorldType(
  page: Page,
  extensionId: string,
  name: string,
): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const worlds: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    // Enabling reports every context that exists now.
    await cdp.send('Runtime.enable');
    const world = worlds.find(
      (context) =>
        context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`,
    );
    if (!world) return null;
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `typeof globalThis[${JSON.stringify(name)}]`,
      contextId: world.id,
      returnByValue: true,
    });
    return String(result.value);
  } finally {
    await cdp.detach();
  }
}
