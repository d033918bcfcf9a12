import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import type { Topic, TopicSet } from '@/utils/whatsnew/topics';

interface Props {
  follows: TopicSet;
  /** The organisation's defaults for this person (shown as such). */
  defaults: TopicSet;
  tools: { id: string; name: string }[];
  onFollow: (topic: Topic, follow: boolean) => void;
}

/** The topics the person follows, with Unfollow, and a small form to follow a tool or a tag. */
export function FollowTopics({ follows, defaults, tools, onFollow }: Props) {
  const t = useT();
  const [tool, setTool] = useState('');
  const [tag, setTag] = useState('');
  const nameOf = (id: string) => tools.find((entry) => entry.id === id)?.name ?? id;
  const topics: Topic[] = [
    ...follows.tools.map((id) => ({ kind: 'tool' as const, id })),
    ...follows.tags.map((id) => ({ kind: 'tag' as const, id })),
  ];
  const label = (topic: Topic) => (topic.kind === 'tool' ? nameOf(topic.id) : `#${topic.id}`);
  const isDefault = (topic: Topic) =>
    (topic.kind === 'tool' ? defaults.tools : defaults.tags).includes(topic.id);

  return (
    <section aria-labelledby="sp-follows">
      <h2 id="sp-follows">{t('followsTitle')}</h2>
      {topics.length === 0 ? (
        <p>{t('followsNone')}</p>
      ) : (
        <ul class="sp-follows">
          {topics.map((topic) => (
            <li key={`${topic.kind}:${topic.id}`}>
              {label(topic)}
              {isDefault(topic) && <span class="sp-help"> {t('followsByOrganisation')}</span>}{' '}
              <button
                type="button"
                class="sp-link-button"
                aria-label={t('unfollowLabel', label(topic))}
                onClick={() => onFollow(topic, false)}
              >
                {t('unfollow')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="sp-inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (tool) onFollow({ kind: 'tool', id: tool }, true);
          setTool('');
        }}
      >
        <label>
          {t('followToolLabel')}{' '}
          <select value={tool} onChange={(event) => setTool(event.currentTarget.value)}>
            <option value="">{t('followChooseTool')}</option>
            {tools
              .filter((entry) => !follows.tools.includes(entry.id))
              .map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
          </select>
        </label>{' '}
        <button type="submit" disabled={!tool}>
          {t('follow')}
        </button>
      </form>
      <form
        class="sp-inline"
        onSubmit={(event) => {
          event.preventDefault();
          const id = tag.trim().replace(/^#/, '').toLowerCase();
          if (id) onFollow({ kind: 'tag', id }, true);
          setTag('');
        }}
      >
        <label>
          {t('followTagLabel')}{' '}
          <input
            type="text"
            value={tag}
            maxLength={60}
            autoComplete="off"
            onInput={(event) => setTag(event.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit" disabled={!tag.trim()}>
          {t('follow')}
        </button>
      </form>
    </section>
  );
}
