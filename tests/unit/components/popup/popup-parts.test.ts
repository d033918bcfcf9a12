// @vitest-environment happy-dom
/** The popup's parts in happy-dom: marked words, the live activity, the flag sheet's reaction. */
import { type ComponentChild, h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flagReaction } from '@/components/popup/ItemReactions';
import { ResultCard } from '@/components/popup/ResultCard';
import { useLiveActivity } from '@/components/popup/useLiveActivity';
import { Highlighted } from '@/components/shared/Highlighted';
import type { OutboxEntry } from '@/utils/delivery/outbox';
import type { Activity } from '@/utils/messages';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
  vi.useRealTimers();
});

function mount(node: ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  const target = root;
  act(() => render(node, target));
  return target;
}

describe('Highlighted', () => {
  it('marks the words whose stem the search matched, and renders markup as text', () => {
    const el = mount(h(Highlighted, { text: 'Scheduled sends <b>and</b> schedules', matched: ['schedul'] }));
    expect([...el.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'Scheduled',
      'schedules',
    ]);
    expect(el.textContent).toBe('Scheduled sends <b>and</b> schedules');
    expect(el.querySelector('b')).toBeNull();
  });

  it('marks nothing without matched terms', () => {
    const el = mount(h(Highlighted, { text: 'Plan a sprint' }));
    expect(el.querySelector('mark')).toBeNull();
    expect(el.textContent).toBe('Plan a sprint');
  });
});

describe('ResultCard', () => {
  it('lets a title and summary in a right-to-left script take their own direction', () => {
    const el = mount(
      h(ResultCard, {
        item: {
          id: 'kb:1',
          sourceId: 'kb',
          kind: 'article',
          title: 'איפוס סיסמה',
          summary: 'כך מאפסים סיסמה.',
          url: 'https://kb.example.com/1',
          tags: [],
          tools: [],
          updatedAt: 0,
        },
        idPrefix: 'r',
        labels: { tool: (id) => id, source: () => undefined },
        now: 0,
      }),
    );
    expect(el.querySelector('.sp-title')?.getAttribute('dir')).toBe('auto');
    expect(el.querySelector('.sp-snippet')?.getAttribute('dir')).toBe('auto');
    expect(el.querySelector('.sp-title a')?.textContent).toBe('איפוס סיסמה');
  });
});

const entry = (state: OutboxEntry['state']) => ({ key: state, state }) as unknown as OutboxEntry;
const activity = (...states: OutboxEntry['state'][]): Activity => ({
  entries: states.map(entry),
  webhook: true,
  champion: true,
});

describe('useLiveActivity', () => {
  function Probe(props: { value: Activity; load: () => Promise<Activity>; set: (a: Activity) => void }) {
    useLiveActivity(props.value, props.load, props.set, 100);
    return null;
  }

  it('asks again while something is queued or sending, and hands on what it hears', async () => {
    vi.useFakeTimers();
    const sent = activity('sent');
    const load = vi.fn(async () => sent);
    const set = vi.fn();
    mount(h(Probe, { value: activity('queued'), load, set }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(250);
    });
    expect(load).toHaveBeenCalledTimes(2);
    expect(set).toHaveBeenCalledWith(sent);
  });

  it('does not ask when everything has settled', async () => {
    vi.useFakeTimers();
    const load = vi.fn(async () => activity('sent'));
    mount(h(Probe, { value: activity('sent', 'local', 'failed'), load, set: vi.fn() }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(load).not.toHaveBeenCalled();
  });
});

describe('flagReaction', () => {
  it('keeps the missing title only for a missing flag, and the comment only when there is one', () => {
    expect(flagReaction({ reason: 'outdated', missingTitle: 'x' })).toEqual({
      kind: 'flag',
      reason: 'outdated',
    });
    expect(flagReaction({ reason: 'missing', missingTitle: 'Expenses', comment: 'Asked twice' })).toEqual({
      kind: 'flag',
      reason: 'missing',
      missingTitle: 'Expenses',
      comment: 'Asked twice',
    });
  });
});
