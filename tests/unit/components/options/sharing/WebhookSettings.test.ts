// @vitest-environment happy-dom
/** The webhook form keeps what the person typed while the stored settings are still on their way. */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { WebhookSettings } from '@/components/options/sharing/WebhookSettings';
import type { WebhookSettings as Webhook } from '@/utils/messages';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

it('does not overwrite a typed address when the stored one arrives late', async () => {
  let arrive: (value: Webhook) => void = () => {};
  const stored = new Promise<Webhook>((resolve) => {
    arrive = resolve;
  });
  const saved: string[] = [];
  root = document.createElement('div');
  document.body.append(root);
  const container = root;
  await act(() => {
    render(
      h(WebhookSettings, {
        load: () => stored,
        save: async (url: string, format: Webhook['format']) => {
          saved.push(url);
          return { url, format, granted: true };
        },
        grant: async () => true,
      }),
      container,
    );
  });
  const input = container.querySelector('input[type="url"]') as HTMLInputElement;
  await act(() => {
    input.value = 'https://hooks.example.com/typed';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  // The worker answers only now, with what was stored before.
  await act(async () => {
    arrive({ url: 'https://old.example.com/hook', format: 'generic', granted: true });
    await stored;
  });
  expect(input.value).toBe('https://hooks.example.com/typed');
  await act(async () => {
    (container.querySelector('form') as HTMLFormElement).dispatchEvent(
      new Event('submit', { bubbles: true, cancelable: true }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(saved).toEqual(['https://hooks.example.com/typed']);
});
