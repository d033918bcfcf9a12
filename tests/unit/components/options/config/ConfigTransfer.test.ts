// @vitest-environment happy-dom
/**
 * Export leaves the webhook and report addresses out unless the admin asks for them; the import
 * preview lists sources that move to another host (their sign-ins go).
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { ConfigTransfer } from '@/components/options/config/ConfigTransfer';
import type { ConfigCheck } from '@/utils/messages';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

async function mount(check: ConfigCheck = { ok: true, keys: [], notes: [], sources: 0 }) {
  const asked: boolean[] = [];
  root = document.createElement('div');
  document.body.append(root);
  const container = root;
  await act(() => {
    render(
      h(ConfigTransfer, {
        exportConfig: async (includeAddresses: boolean) => {
          asked.push(includeAddresses);
          return {};
        },
        check: async () => check,
        importConfig: async () => check,
        download: () => undefined,
        chromeId: 'id',
        firefoxId: 'id@x',
      }),
      container,
    );
  });
  return { container, asked };
}

const click = (element: Element | null | undefined) =>
  act(async () => {
    (element as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

it('exports without the addresses by default, and with them only when ticked', async () => {
  const { container, asked } = await mount();
  const exportButton = () => container.querySelector('button[type="button"]');
  await click(exportButton());
  const box = container.querySelector('input[type="checkbox"]') as HTMLInputElement;
  expect(box.checked).toBe(false);
  await click(box);
  await click(exportButton());
  expect(asked).toEqual([false, true]);
});

it('lists the sources an import moves to another host', async () => {
  const { container } = await mount({
    ok: true,
    keys: ['sources'],
    notes: [],
    sources: 1,
    moved: [{ id: 'team', from: 'https://team.example/feed.xml', to: 'https://evil.example/feed.xml' }],
  });
  const text = container.querySelector('textarea') as HTMLTextAreaElement;
  await act(() => {
    text.value = '{"sources": []}';
    text.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    (container.querySelector('form') as HTMLFormElement).dispatchEvent(
      new Event('submit', { bubbles: true, cancelable: true }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const moved = container.querySelector('[data-testid="config-moved"]');
  expect(moved?.textContent).toContain('configMoved');
  expect(moved?.querySelectorAll('li')).toHaveLength(1);
});
