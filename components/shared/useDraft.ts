/**
 * A form that starts from a stored value which may arrive late (a service worker that is slow to
 * start): what the person typed before it arrived is kept, field by field, and only the fields
 * they have not touched take the stored value. After a save, `settle()` lets the next stored value
 * (the one the save answered with) replace every field again.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The stored value for each field the person has not touched; their own text for the others. */
export function mergeStored<F extends object>(form: F, stored: F, touched: ReadonlySet<keyof F>): F {
  const next = { ...form };
  let changed = false;
  for (const key of Object.keys(stored) as (keyof F)[]) {
    if (touched.has(key) || Object.is(form[key], stored[key])) continue;
    next[key] = stored[key];
    changed = true;
  }
  // The same object when nothing changes, so that a caller passing a fresh `stored` each render settles.
  return changed ? next : form;
}

export interface Draft<F> {
  form: F;
  /** The person changed these fields: they keep their value when the stored one arrives. */
  update: (change: Partial<F>) => void;
  /** Forgets what was touched (after a save), so that the next stored value is shown in full. */
  settle: () => void;
}

export function useDraft<F extends object>(initial: F, stored: F | null): Draft<F> {
  const [form, setForm] = useState<F>(initial);
  const touched = useRef(new Set<keyof F>());
  // Compared by content: callers may build `stored` afresh on each render.
  const key = stored === null ? null : JSON.stringify(stored);
  // Before the browser paints: the form never shows the initial value beside a page that already
  // says it has loaded.
  useLayoutEffect(() => {
    if (stored) setForm((now) => mergeStored(now, stored, touched.current));
  }, [key]);
  const update = useCallback((change: Partial<F>) => {
    for (const key of Object.keys(change) as (keyof F)[]) touched.current.add(key);
    setForm((now) => ({ ...now, ...change }));
  }, []);
  const settle = useCallback(() => touched.current.clear(), []);
  return { form, update, settle };
}
