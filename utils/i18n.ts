import type en from '../public/_locales/en/messages.json';
import { browser } from './browser';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** The browser's translation of a UI string (en and de ship); the key itself if it is missing. */
export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key;

/** Marks a page's root element with the UI language, for screen readers and hyphenation. */
export function setDocumentLanguage(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
}
