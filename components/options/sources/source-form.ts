/** The source editor's pure parts: type labels, the options each type reads, ids from names. */
import type { MessageKey, Translate } from '@/utils/i18n';
import type { SourceType } from '@/utils/model';
import type { DetectEvidence } from '@/utils/sources/detect';

/** The label of each source type. */
export const TYPE_KEYS: Record<SourceType, MessageKey> = {
  feed: 'sourceTypeFeed',
  catalog: 'sourceTypeCatalog',
  confluence: 'sourceTypeConfluence',
  zendesk: 'sourceTypeZendesk',
  servicenow: 'sourceTypeServicenow',
  discourse: 'sourceTypeDiscourse',
  mediawiki: 'sourceTypeMediawiki',
  dokuwiki: 'sourceTypeDokuwiki',
};

/** The adapter options each type reads (utils/sources/<type>.ts), with their labels. */
export const OPTION_FIELDS: Partial<
  Record<SourceType, { key: string; label: MessageKey; choices?: string[] }[]>
> = {
  confluence: [{ key: 'space', label: 'sourceOptionSpace' }],
  zendesk: [
    { key: 'locale', label: 'sourceOptionLocale' },
    { key: 'incremental', label: 'sourceOptionIncremental', choices: ['', 'true'] },
  ],
  servicenow: [{ key: 'query', label: 'sourceOptionQuery' }],
  mediawiki: [{ key: 'namespace', label: 'sourceOptionNamespace' }],
  dokuwiki: [
    { key: 'mode', label: 'sourceOptionMode', choices: ['recent', 'list'] },
    { key: 'namespace', label: 'sourceOptionDokuNamespace' },
  ],
};

/** A lowercase id from a name: "IT News!" → "it-news". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/** `base` when it is free, else `base-2`, `base-3`, …; never a built-in source's id. */
export function freeId(base: string, taken: string[]): string {
  const stem = base && !base.startsWith('builtin-') ? base : 'source';
  if (!taken.includes(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.includes(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** What made the detection say what the address is, in words. */
export function evidenceText(t: Translate, evidence: DetectEvidence): string {
  switch (evidence.kind) {
    case 'url':
      return t('detectByAddress');
    case 'generator':
      return t('detectByGenerator', evidence.product);
    case 'feed':
      return t('detectFeed', evidence.format);
    case 'feed-link':
      return t('detectFeedLink', evidence.format);
    case 'catalog':
      return t(evidence.atLeast ? 'detectCatalogAtLeast' : 'detectCatalog', String(evidence.items));
    case 'api':
      return t('detectApi', evidence.product);
  }
}
