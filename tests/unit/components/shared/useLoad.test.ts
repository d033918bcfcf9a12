// @vitest-environment happy-dom
/** The shared load hook, driven through a real Preact component in happy-dom. */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorText, type Loaded, type LoadOptions, useLoad } from '@/components/shared/useLoad';

/** A promise with its resolve and reject in hand. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
});

/** Mounts a component that calls useLoad; returns the latest result and a way to re-render. */
function mount<T>(load: () => Promise<T>, deps: unknown[], options?: LoadOptions) {
  const seen: { current: Loaded<T> | null } = { current: null };
  function Probe(props: { load: () => Promise<T>; deps: unknown[] }) {
    seen.current = useLoad(props.load, props.deps, options);
    return null;
  }
  const root = document.createElement('div');
  document.body.append(root);
  container = root;
  const draw = (nextLoad: () => Promise<T>, nextDeps: unknown[]) =>
    act(() => {
      render(h(Probe, { load: nextLoad, deps: nextDeps }), root);
    });
  const now = () => {
    if (!seen.current) throw new Error('not rendered');
    return seen.current;
  };
  return { draw: () => draw(load, deps), redraw: draw, now };
}

const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('useLoad', () => {
  it('loads on mount: loading, then the value', async () => {
    const first = deferred<string>();
    const probe = mount(() => first.promise, []);
    await probe.draw();
    expect(probe.now()).toMatchObject({ value: null, error: null, loading: true, stale: false });
    await act(() => first.resolve('figures'));
    await settle();
    expect(probe.now()).toMatchObject({ value: 'figures', error: null, loading: false, stale: false });
  });

  it('keeps the previous value while a reload runs and after it fails (stale)', async () => {
    const answers = [deferred<string>(), deferred<string>(), deferred<string>()];
    let call = 0;
    const probe = mount(() => (answers[call++] as ReturnType<typeof deferred<string>>).promise, []);
    await probe.draw();
    await act(() => answers[0]?.resolve('old'));
    await settle();
    await act(() => probe.now().reload());
    expect(probe.now()).toMatchObject({ value: 'old', loading: true, stale: true });
    await act(() => answers[1]?.reject(new Error('database closed')));
    await settle();
    expect(probe.now()).toMatchObject({
      value: 'old',
      error: 'database closed',
      loading: false,
      stale: true,
    });
    // The next success clears the error.
    await act(() => probe.now().reload());
    await act(() => answers[2]?.resolve('new'));
    await settle();
    expect(probe.now()).toMatchObject({ value: 'new', error: null, loading: false, stale: false });
  });

  it('drops an answer that arrives after a newer request', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const probe = mount(() => (answers[call++] as ReturnType<typeof deferred<string>>).promise, []);
    await probe.draw();
    await act(() => probe.now().reload());
    await act(() => answers[1]?.resolve('newer'));
    await act(() => answers[0]?.resolve('older'));
    await settle();
    expect(probe.now().value).toBe('newer');
  });

  it('lets a saved value replace a read still under way, and an action report its failure', async () => {
    const first = deferred<string>();
    const probe = mount(() => first.promise, []);
    await probe.draw();
    await act(() => probe.now().set('saved'));
    await act(() => first.resolve('read before the save'));
    await settle();
    expect(probe.now()).toMatchObject({ value: 'saved', loading: false });
    await act(() => probe.now().fail(new Error('permission refused')));
    expect(probe.now()).toMatchObject({ value: 'saved', error: 'permission refused', stale: true });
    await act(() => probe.now().set('saved again'));
    expect(probe.now().error).toBeNull();
  });

  it('reads again when a dep changes, not when only the load function is new', async () => {
    const load = vi.fn(async () => 'figures');
    const probe = mount(load, ['week']);
    await probe.draw();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    const newer = vi.fn(async () => 'other figures');
    await probe.redraw(newer, ['week']);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(newer).not.toHaveBeenCalled();
    await probe.redraw(newer, ['month']);
    await settle();
    expect(newer).toHaveBeenCalledTimes(1);
    expect(probe.now().value).toBe('other figures');
  });

  it('reads a lazy load only when asked', async () => {
    const load = vi.fn(async () => 'health');
    const probe = mount(load, [], { lazy: true });
    await probe.draw();
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(probe.now()).toMatchObject({ value: null, loading: false });
    await act(() => probe.now().reload());
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(probe.now().value).toBe('health');
  });

  it('writes a failure with the given describe function', async () => {
    const probe = mount(() => Promise.reject(new Error('closed')), [], { describe: String });
    await probe.draw();
    await settle();
    expect(probe.now().error).toBe('Error: closed');
    expect(errorText(new Error('closed'))).toBe('closed');
    expect(errorText('plain')).toBe('plain');
  });
});
