export interface DevBrowser {
  /** Whether WXT opens a browser with the extension loaded. */
  open: boolean;
  /** Extra Chromium flags. */
  chromiumArgs: string[];
  /** One line for the person who ran `npm run dev`, or null when there is nothing to say. */
  hint: string | null;
}
export function devBrowser(machine: {
  platform: string;
  env: Record<string, string | undefined>;
  uid: number | undefined;
}): DevBrowser;
export function thisMachine(): DevBrowser;
