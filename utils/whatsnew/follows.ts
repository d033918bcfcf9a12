/**
 * What the person follows, in storage.local `follows`: the topics they followed and the policy
 * defaults they turned off. In force: (own follows ∪ the policy's `defaultFollows` for their
 * audiences) − what they unfollowed.
 */
import { browser } from '../browser';
import { isRecord } from '../model';
import {
  type DefaultFollow,
  defaultsFor,
  parseTopicSet,
  type Topic,
  type TopicSet,
  unionTopics,
  withTopic,
} from './topics';

export const FOLLOWS_KEY = 'follows';

export interface StoredFollows {
  version: 1;
  follow: TopicSet;
  /** Policy defaults the person turned off. */
  unfollow: TopicSet;
}

export const EMPTY_FOLLOWS: StoredFollows = {
  version: 1,
  follow: { tools: [], tags: [] },
  unfollow: { tools: [], tags: [] },
};

/** Validates the stored value; anything malformed counts as nothing followed. */
export function parseFollows(value: unknown): StoredFollows {
  if (!isRecord(value)) return { ...EMPTY_FOLLOWS };
  return { version: 1, follow: parseTopicSet(value.follow), unfollow: parseTopicSet(value.unfollow) };
}

/** The topics in force for a person in these audiences. */
export function effectiveFollows(
  stored: StoredFollows,
  defaults: readonly DefaultFollow[],
  audiences: readonly string[],
): TopicSet {
  const all = unionTopics(stored.follow, defaultsFor(defaults, audiences));
  return {
    tools: all.tools.filter((id) => !stored.unfollow.tools.includes(id)),
    tags: all.tags.filter((id) => !stored.unfollow.tags.includes(id)),
  };
}

/**
 * Follows or unfollows a topic. Unfollowing is remembered, so that a policy default stays off;
 * following again forgets that.
 */
export function changeFollow(stored: StoredFollows, topic: Topic, follow: boolean): StoredFollows {
  return {
    version: 1,
    follow: withTopic(stored.follow, topic, follow),
    unfollow: withTopic(stored.unfollow, topic, !follow),
  };
}

export async function readFollows(): Promise<StoredFollows> {
  const stored = await browser.storage.local.get(FOLLOWS_KEY);
  return parseFollows(stored[FOLLOWS_KEY]);
}

export async function writeFollows(follows: StoredFollows): Promise<void> {
  await browser.storage.local.set({ [FOLLOWS_KEY]: follows });
}
