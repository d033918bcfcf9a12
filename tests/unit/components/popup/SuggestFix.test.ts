// @vitest-environment happy-dom
/** Suggest a fix: before/after, the limits checked as the champion types, and what is sent. */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { SuggestFix } from '@/components/popup/SuggestFix';
import type { SuggestionDraft } from '@/utils/delivery/suggestions';
import type { KnowledgeItem } from '@/utils/model';

const item: KnowledgeItem = {
  id: 'kb:1',
  sourceId: 'kb',
  kind: 'article',
  title: 'Reset a password',
  summary: 'Open settings.',
  url: 'https://kb.example.com/1',
  tags: [],
  tools: ['jira'],
  updatedAt: 0,
};

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

it('shows the item as before, checks the title as typed, and sends the edit', async () => {
  const sent: SuggestionDraft[] = [];
  root = document.createElement('div');
  document.body.append(root);
  const container = root;
  await act(() => {
    render(
      h(SuggestFix, {
        target: { mode: 'edit', item },
        onSuggest: async (draft: SuggestionDraft) => void sent.push(draft),
      }),
      container,
    );
  });
  const toggle = container.querySelector('button') as HTMLButtonElement;
  await act(() => toggle.click());
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(container.querySelector('.sp-before')?.textContent).toContain('Open settings.');
  const submit = container.querySelector('button[type="submit"]') as HTMLButtonElement;
  // Unchanged: nothing to send yet.
  expect(submit.disabled).toBe(true);

  const title = container.querySelector('input[name="title"]') as HTMLInputElement;
  await type(title, 'x'.repeat(81));
  expect(container.querySelector('[data-problem="titleTooLong"]')).not.toBeNull();
  expect(title.getAttribute('aria-invalid')).toBe('true');
  expect(submit.disabled).toBe(true);

  await type(title, 'Reset your password');
  expect(container.querySelector('[data-problem]')).toBeNull();
  expect(submit.disabled).toBe(false);
  await act(async () => {
    submit.click();
    await Promise.resolve();
  });
  expect(sent).toEqual([
    { mode: 'edit', itemId: 'kb:1', title: 'Reset your password', summary: 'Open settings.' },
  ]);
  expect(container.querySelector('[role="status"]')).not.toBeNull();
});

it('prefills a new tip with the screen and sends tool and area', async () => {
  const sent: SuggestionDraft[] = [];
  root = document.createElement('div');
  document.body.append(root);
  const container = root;
  await act(() => {
    render(
      h(SuggestFix, {
        target: { mode: 'new', tool: 'jira', toolName: 'Jira', area: 'board' },
        onSuggest: async (draft: SuggestionDraft) => void sent.push(draft),
      }),
      container,
    );
  });
  await act(() => (container.querySelector('button') as HTMLButtonElement).click());
  await type(container.querySelector('input[name="title"]') as HTMLInputElement, 'Filter by assignee');
  await type(container.querySelector('textarea[name="summary"]') as HTMLTextAreaElement, 'Press Q.');
  await act(() => (container.querySelector('button[type="submit"]') as HTMLButtonElement).click());
  expect(sent).toEqual([
    { mode: 'new', tool: 'jira', area: 'board', title: 'Filter by assignee', summary: 'Press Q.' },
  ]);
});
