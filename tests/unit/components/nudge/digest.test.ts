// @vitest-environment happy-dom
/**
 * The weekly digest in the nudge: offered in the announcement slot instead of a single tip,
 * "Show" opens the panel with the digest's items, dismissing it counts as an announcement
 * dismissed (the budget backs off the same way).
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Nudge, type NudgeAction } from '@/components/nudge/Nudge';
import { I18n } from '@/components/shared/i18n';
import type { KnowledgeItem, Match } from '@/utils/model';
import { english } from '../english';

const t = english;

const item = (id: string, kind: KnowledgeItem['kind']): Match => ({
  item: {
    id,
    sourceId: 's',
    kind,
    title: `Title ${id}`,
    summary: 'Summary.',
    url: `https://kb.example/${id}`,
    tags: [],
    tools: ['jira'],
    updatedAt: 0,
  },
  score: 1,
  reasons: [],
});

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(props: { matches: Match[]; digest?: Match[]; announce?: string }) {
  const actions: [string, NudgeAction][] = [];
  root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      h(
        I18n.Provider,
        { value: t },
        h(Nudge, {
          ...props,
          toolName: 'Jira',
          onAction: (target: KnowledgeItem, action: NudgeAction) => actions.push([target.id, action]),
          onPause: () => {},
        }),
      ),
      root,
    );
  });
  return actions;
}

const button = (name: string) =>
  [...root.querySelectorAll('button')].find(
    (b) => b.textContent === name || b.getAttribute('aria-label') === name,
  ) as HTMLButtonElement;

describe('the weekly digest in the nudge', () => {
  const digest = [item('d1', 'tip'), item('d2', 'tip'), item('d3', 'tip'), item('d4', 'tip')];

  it('offers "4 new things" instead of a tip, and Show opens the panel with them', () => {
    mount({ matches: [item('a', 'article'), item('d1', 'tip')], digest, announce: 'd1' });
    const status = root.querySelector('[role="status"]');
    expect(status?.textContent).toContain('4 new things in your tools this week');
    expect(root.querySelectorAll('[role="status"]')).toHaveLength(1); // not the single tip as well
    act(() => button('Show').click());
    const panel = root.querySelector('[role="dialog"]');
    expect(panel?.textContent).toContain('New in your tools this week');
    const links = [...(panel?.querySelectorAll('#sp-digest-title ~ ul a') ?? [])].map((a) => a.textContent);
    expect(links).toEqual(['Title d1', 'Title d2', 'Title d3', 'Title d4']);
  });

  it('dismissing it counts as an announcement dismissed', () => {
    const actions = mount({ matches: [item('a', 'article')], digest });
    act(() => button('Dismiss this announcement').click());
    expect(root.querySelector('[role="status"]')).toBeNull();
    expect(actions).toEqual([['d1', 'announce-dismissed']]);
  });

  it('shows a badge for the digest even when the screen has no match', () => {
    mount({ matches: [], digest });
    expect(root.querySelector('.sp-badge')).not.toBeNull();
  });
});
