/**
 * Why an item is shown, as a sentence a person would say ("Because you are on a pull request in
 * GitHub where it says “reviewers”."), translated, with the screen's name translated too
 * (`area_<id>` messages; a screen without a translated name is not named rather than shown as its
 * raw id). Pure: the content script passes what it read from the screen.
 */
import type { MessageKey, Translate } from '@/utils/i18n';
import type { KnowledgeItem } from '@/utils/model';

export interface WhyContext {
  toolName: string;
  area?: string;
  /** The screen's own words: title, headings and labels. */
  words: string;
}

/** The translated name of a tool's screen ("a pull request"), or null when there is none. */
export function areaName(t: Translate, area: string): string | null {
  const key = `area_${area.replace(/-/g, '_')}` as MessageKey;
  const name = t(key);
  return name && name !== key ? name : null;
}

const plain = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * The first of the item's tags that the screen shows in its own words, or null; a tag that only
 * repeats the screen's name (`area`) says nothing new and is skipped.
 */
export function sharedTag(item: KnowledgeItem, words: string, area = ''): string | null {
  const page = plain(words);
  const screen = plain(area.replace(/-/g, ' '));
  return (
    item.tags.find((tag) => tag.length > 2 && page.includes(plain(tag)) && !screen.includes(plain(tag))) ??
    null
  );
}

export function whyShown(t: Translate, item: KnowledgeItem, context: WhyContext): string {
  if (item.urlPatterns?.length) return t('whyPage');
  const tool = context.toolName;
  const tag = sharedTag(item, context.words, context.area);
  const area = context.area ? areaName(t, context.area) : null;
  if (area && tag) return t('whyAreaTerm', [area, tool, tag]);
  if (area) return t('whyArea', [area, tool]);
  if (tag) return t('whyTerm', [tool, tag]);
  return item.tools.length === 0 ? t('whyGeneral') : t('whyTool', tool);
}
