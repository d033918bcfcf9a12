import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface Tab<T extends string> {
  id: T;
  label: string;
}

interface Props<T extends string> {
  label: string;
  tabs: Tab<T>[];
  active: T;
  onSelect: (id: T) => void;
  /** The active tab's panel content. */
  children: ComponentChildren;
}

/**
 * Tabs as the WAI-ARIA tabs pattern describes them: one tab stop for the list, arrow keys (and
 * Home / End) move between tabs and select them, the panel follows the list.
 */
export function Tabs<T extends string>({ label, tabs, active, onSelect, children }: Props<T>) {
  const list = useRef<HTMLDivElement>(null);
  const focusTab = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#sp-tab-${tab.id}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === active);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    focusTab(next);
  };
  return (
    <>
      <div role="tablist" aria-label={label} class="sp-tabs" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`sp-tab-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`sp-panel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {/* One panel per tab, so that every tab's aria-controls names an element; only the active one is filled. */}
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`sp-panel-${tab.id}`}
          aria-labelledby={`sp-tab-${tab.id}`}
          class="sp-panel"
          hidden={tab.id !== active}
        >
          {tab.id === active && children}
        </div>
      ))}
    </>
  );
}
