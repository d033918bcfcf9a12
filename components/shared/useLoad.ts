/**
 * The loading, error and stale state of one read that a component gets through a `load` prop:
 *
 *   mount / deps change / reload() ──► load() ──► value   (the error is cleared)
 *                                            └──► error   (the previous value stays: stale)
 *
 * While a newer load runs, the previous value stays on screen; an answer that arrives after a
 * newer request (or after `set`) is dropped. The latest `load` is the one called, so a parent that
 * passes a new function on each render causes no reload: `deps` decide when to read again.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** An Error's message, or anything else as text. */
export function errorText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

export interface LoadOptions {
  /** Read only on `reload()`, not on mount and `deps` changes (a panel that loads when opened). */
  lazy?: boolean;
  /** How a failure is written; by default an Error's message. */
  describe?: (reason: unknown) => string;
}

export interface Loaded<T> {
  /** The last value read or `set`; null until the first one. */
  value: T | null;
  /** Why the last read or action failed; cleared by the next success. */
  error: string | null;
  /** A read is under way. */
  loading: boolean;
  /** The value on screen is older than the read under way, or than the failure after it. */
  stale: boolean;
  /** Reads again. */
  reload: () => void;
  /** Shows a value an action answered with (a save returns the new state) and clears the error. */
  set: (value: T) => void;
  /** Shows why an action failed, in the same place as a failed read. */
  fail: (reason: unknown) => void;
}

interface State<T> {
  value: T | null;
  error: string | null;
  loading: boolean;
}

export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: LoadOptions = {},
): Loaded<T> {
  const [state, setState] = useState<State<T>>({ value: null, error: null, loading: !options.lazy });
  const latest = useRef(load);
  latest.current = load;
  const describe = useRef(options.describe ?? errorText);
  describe.current = options.describe ?? errorText;
  const request = useRef(0);

  const reload = useCallback(() => {
    const id = ++request.current;
    setState((now) => (now.loading ? now : { ...now, loading: true }));
    latest.current().then(
      (value) => {
        if (id === request.current) setState({ value, error: null, loading: false });
      },
      (reason: unknown) => {
        if (id === request.current)
          setState((now) => ({ ...now, error: describe.current(reason), loading: false }));
      },
    );
  }, []);
  const set = useCallback((value: T) => {
    ++request.current;
    setState({ value, error: null, loading: false });
  }, []);
  const fail = useCallback((reason: unknown) => {
    setState((now) => ({ ...now, error: describe.current(reason) }));
  }, []);

  const lazy = Boolean(options.lazy);
  // The caller's deps decide when to read again.
  useEffect(() => {
    if (!lazy) reload();
  }, deps);

  return {
    ...state,
    stale: state.value !== null && (state.loading || state.error !== null),
    reload,
    set,
    fail,
  };
}
