import { describe, expect, it } from 'vitest';
import { areaName, sharedTag, whyShown } from '@/components/nudge/why';
import de from '@/public/_locales/de/messages.json';
import en from '@/public/_locales/en/messages.json';
import type { MessageKey, Translate } from '@/utils/i18n';
import type { KnowledgeItem } from '@/utils/model';

/** chrome.i18n's substitution of $1…$9, over one locale's messages. */
const translate =
  (messages: Record<string, { message: string }>): Translate =>
  (key: MessageKey, subs?: string | string[]) => {
    const list = typeof subs === 'string' ? [subs] : (subs ?? []);
    const message = messages[key]?.message;
    return message === undefined
      ? key
      : message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  };

const item = (over: Partial<KnowledgeItem>): KnowledgeItem => ({
  id: 's:1',
  sourceId: 's',
  kind: 'article',
  title: 'Request a review',
  summary: '',
  url: 'https://kb.example/1',
  tags: ['pull request', 'reviewers'],
  tools: ['github'],
  updatedAt: 0,
  ...over,
});

const onPr = {
  toolName: 'GitHub',
  area: 'pull-request',
  words: 'Fix login · Pull Request #42 Reviewers Review required',
};

describe('why an item is shown', () => {
  it('says it as a person would, naming the screen and a word it shows', () => {
    expect(whyShown(translate(en), item({}), onPr)).toBe(
      'Because you are on a pull request in GitHub where it says “reviewers”.',
    );
    expect(whyShown(translate(de), item({}), onPr)).toBe(
      'Weil Sie in GitHub gerade einen Pull Request vor sich haben und dort „reviewers“ steht.',
    );
  });

  it('never shows a raw screen id: an untranslated screen is not named', () => {
    const odd = { ...onPr, area: 'crm-22' };
    expect(areaName(translate(de), 'crm-22')).toBeNull();
    expect(whyShown(translate(de), item({}), odd)).toBe(
      'Weil auf dieser Seite in GitHub „pull request“ steht.',
    );
    expect(whyShown(translate(en), item({ tags: [] }), { toolName: 'GitHub', words: '' })).toBe(
      'Because it is about GitHub.',
    );
  });

  it('skips a word that only repeats the screen’s name, and says so for items made for the page', () => {
    expect(sharedTag(item({ tags: ['pull request'] }), onPr.words, onPr.area)).toBeNull();
    expect(whyShown(translate(en), item({ urlPatterns: ['https://github.com/*'] }), onPr)).toBe(
      'Because it was written for this page.',
    );
  });

  it('has every screen name in both languages', () => {
    const areas = (messages: object) => Object.keys(messages).filter((key) => key.startsWith('area_'));
    expect(areas(en).length).toBeGreaterThan(50);
    expect(areas(de).sort()).toEqual(areas(en).sort());
  });
});
