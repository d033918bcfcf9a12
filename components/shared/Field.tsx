import type { ComponentChildren } from 'preact';

interface Props {
  /** The control's id (the control itself is the child and must carry it). */
  id: string;
  label: ComponentChildren;
  help?: string;
  error?: string;
  children: ComponentChildren;
}

/** The ids that describe a field's control: its help and, when there is one, its error. */
export function describedBy(id: string, help?: string, error?: string): string | undefined {
  return [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * A labelled form field whose help and error are outside the label, so that a screen reader
 * reads the label as the name and the help and error as the description (aria-describedby).
 */
export function Field({ id, label, help, error, children }: Props) {
  return (
    <div class="sp-field">
      <label for={id}>{label}</label>
      {children}
      {help && (
        <span id={`${id}-help`} class="sp-screen">
          {help}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} class="sp-error">
          {error}
        </span>
      )}
    </div>
  );
}
