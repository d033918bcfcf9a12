import { useT } from '@/components/shared/i18n';
import { isHttpUrl } from '@/utils/model';
import type { FeedEntry, WhatsNewView } from '@/utils/whatsnew/feed';
import type { Topic } from '@/utils/whatsnew/topics';
import { FollowTopics } from './FollowTopics';

interface Props {
  view: WhatsNewView | null;
  error: string | null;
  tools: { id: string; name: string }[];
  onMarkRead: (itemIds: string[]) => void;
  onFollow: (topic: Topic, follow: boolean) => void;
  /** The UI language, for dates. */
  locale?: string;
}

/**
 * What's new: recent tips for the tools the person uses and the topics they follow, newest first.
 * Unread items say so in text (not by colour alone); opening or marking one reads it; each item
 * offers to follow its tool and tags.
 */
export function WhatsNew({ view, error, tools, onMarkRead, onFollow, locale }: Props) {
  const t = useT();
  const nameOf = (id: string) => tools.find((entry) => entry.id === id)?.name ?? id;
  const follows = view?.follows ?? { tools: [], tags: [] };
  const following = (topic: Topic) =>
    (topic.kind === 'tool' ? follows.tools : follows.tags).includes(topic.id);
  const topicLabel = (topic: Topic) => (topic.kind === 'tool' ? nameOf(topic.id) : `#${topic.id}`);
  const why = (entry: FeedEntry) =>
    [
      ...entry.usedTools.map(nameOf),
      ...entry.followed.filter((topic) => topic.kind === 'tag').map(topicLabel),
    ].join(', ');

  return (
    <main class="sp-page" aria-labelledby="sp-whatsnew-title">
      <h1 id="sp-whatsnew-title">{t('whatsNewTitle')}</h1>
      <div aria-live="polite">
        {error !== null && <p role="alert">{t('loadError', error)}</p>}
        {view === null && error === null && <p>{t('popupLoading')}</p>}
        {view !== null && (
          <p class="sp-help">
            {view.unread > 0 ? t('whatsNewUnread', String(view.unread)) : t('whatsNewAllRead')}
          </p>
        )}
      </div>
      {view !== null && view.unread > 0 && (
        <button
          type="button"
          onClick={() =>
            onMarkRead(view.entries.filter((entry) => entry.unread).map((entry) => entry.item.id))
          }
        >
          {t('whatsNewMarkAllRead')}
        </button>
      )}
      {view !== null &&
        (view.entries.length === 0 ? (
          <p>{t('whatsNewEmpty')}</p>
        ) : (
          <ul class="sp-items sp-whatsnew">
            {view.entries.map((entry) => {
              const { item } = entry;
              const titleId = `sp-new-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
              const topics: Topic[] = [
                ...item.tools.map((id) => ({ kind: 'tool' as const, id })),
                ...item.tags.slice(0, 3).map((id) => ({ kind: 'tag' as const, id })),
              ];
              return (
                <li key={item.id} class="sp-item" data-unread={entry.unread} aria-labelledby={titleId}>
                  <p class="sp-kind">
                    {entry.unread && (
                      <>
                        <strong class="sp-chip sp-unread">{t('whatsNewUnreadMark')}</strong>{' '}
                      </>
                    )}
                    {new Date(entry.publishedAt).toLocaleDateString(locale)}
                    {why(entry) && ` · ${t('whatsNewWhy', why(entry))}`}
                  </p>
                  <h3 class="sp-title" id={titleId} dir="auto">
                    {isHttpUrl(item.url) ? (
                      <a
                        href={item.url}
                        target="_blank"
                        rel="noopener noreferrer"
                        onClick={() => entry.unread && onMarkRead([item.id])}
                      >
                        {item.title}
                      </a>
                    ) : (
                      item.title
                    )}
                  </h3>
                  <p class="sp-summary" dir="auto">
                    {item.summary}
                  </p>
                  <div class="sp-actions">
                    {entry.unread && (
                      <button
                        type="button"
                        aria-label={t('whatsNewMarkReadLabel', item.title)}
                        onClick={() => onMarkRead([item.id])}
                      >
                        {t('whatsNewMarkRead')}
                      </button>
                    )}
                    {topics.map((topic) => (
                      <button
                        key={`${topic.kind}:${topic.id}`}
                        type="button"
                        aria-pressed={following(topic)}
                        onClick={() => onFollow(topic, !following(topic))}
                      >
                        {t('followTopic', topicLabel(topic))}
                      </button>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
        ))}
      {view !== null && (
        <FollowTopics follows={view.follows} defaults={view.defaults} tools={tools} onFollow={onFollow} />
      )}
    </main>
  );
}
