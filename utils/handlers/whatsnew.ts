/**
 * What's new and follows, for the popup: the feed of recent tips for the tools the person uses and
 * the topics they follow, marking items read, following a tool or a tag. Each answer is the feed
 * again, and the toolbar badge follows the unread count.
 */
import { MESSAGE_LIMITS } from '../limits';
import { empty } from '../messages/payload';
import { isRecord } from '../model';
import { parseTopic } from '../whatsnew/topics';
import type { State } from './state';
import { defineHandlers } from './types';

export function whatsNewHandlers({ whatsNew }: State) {
  return defineHandlers({
    listWhatsNew: {
      validate: empty,
      handle: async () => whatsNew.refreshBadge(),
    },

    markWhatsNewRead: {
      validate(payload) {
        if (!isRecord(payload) || !Array.isArray(payload.itemIds)) return null;
        const { itemIds } = payload;
        if (itemIds.length > MESSAGE_LIMITS.idsPerRequest) return null;
        const ok = itemIds.every(
          (id): id is string => typeof id === 'string' && id !== '' && id.length <= MESSAGE_LIMITS.itemId,
        );
        return ok ? { itemIds } : null;
      },
      handle: ({ itemIds }) => whatsNew.markRead(itemIds),
    },

    followTopic: {
      validate(payload) {
        if (!isRecord(payload) || typeof payload.follow !== 'boolean') return null;
        const topic = parseTopic(payload.topic);
        return topic ? { topic, follow: payload.follow } : null;
      },
      handle: ({ topic, follow }) => whatsNew.follow(topic, follow),
    },
  });
}
