// @vitest-environment happy-dom
/**
 * The source editor says when an address moves to another origin (the stored sign-in goes), and
 * Test sends typed credentials only for the origin they were typed for.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { SourceEditor } from '@/components/options/sources/SourceEditor';
import type { SourceView } from '@/utils/model';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

const editing: SourceView = {
  id: 'team',
  type: 'feed',
  name: 'Team',
  url: 'https://team.example/feed.xml',
  builtin: false,
  tools: [],
  enabled: true,
  origin: 'own',
  status: { sourceId: 'team', itemCount: 0, warnings: [] },
};

async function mount(source: SourceView | null) {
  const previews: { url: string; authOrigin: string; auth: unknown }[] = [];
  root = document.createElement('div');
  document.body.append(root);
  const container = root;
  await act(() => {
    render(
      h(SourceEditor, {
        editing: source,
        takenIds: [],
        guessType: () => 'feed' as const,
        detect: async () => ({
          type: 'feed' as const,
          url: 'https://cdn.example/feed.xml',
          evidence: { kind: 'feed-link' as const, format: 'RSS' },
        }),
        preview: async (draft, auth, authOrigin) => {
          previews.push({ url: draft.url, authOrigin, auth });
          return { items: [], count: 0, warnings: [] };
        },
        save: async () => undefined,
        onDone: () => undefined,
        loadTools: async () => [],
      }),
      container,
    );
  });
  return { container, previews };
}

const type = (input: Element | null, value: string) =>
  act(() => {
    const field = input as HTMLInputElement | HTMLSelectElement;
    field.value = value;
    field.dispatchEvent(
      new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });

it('says that the stored sign-in goes when the address moves to another origin', async () => {
  const { container } = await mount(editing);
  const url = container.querySelector('input[type="url"]');
  await type(url, 'https://team.example/other.xml');
  expect(container.querySelector('[data-testid="source-moved"]')).toBeNull();
  await type(url, 'https://elsewhere.example/feed.xml');
  expect(container.querySelector('[data-testid="source-moved"]')?.textContent).toContain(
    'sourceMovedCredentials',
  );
});

it('Test names the origin typed credentials are for, not the detected one', async () => {
  const { container, previews } = await mount(null);
  await type(container.querySelector('input[type="url"]'), 'https://team.example/news/');
  const selects = [...container.querySelectorAll('select')];
  const sign = selects.find((select) => [...select.options].some((option) => option.value === 'bearer'));
  await type(sign ?? null, 'bearer');
  await type(container.querySelector('input[type="password"]'), 'tok');
  await act(async () => {
    const test = [...container.querySelectorAll('button')].find(
      (button) => button.textContent === 'sourceTest',
    );
    test?.click();
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
  expect(previews).toEqual([
    {
      url: 'https://cdn.example/feed.xml',
      authOrigin: 'https://team.example',
      auth: { kind: 'bearer', token: 'tok' },
    },
  ]);
  expect(container.textContent).toContain('sourceAuthNotSent');
});
