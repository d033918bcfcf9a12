/**
 * What's new: the new-capability tips of the last {@link FEED_DAYS} days for the tools this person
 * uses and the topics they follow, newest first, each read or unread. Pure: items, visits-derived
 * tools, follows and the read set come in as arguments.
 */
import type { KnowledgeItem } from '../model';
import { type Topic, type TopicSet, topicsOf } from './topics';

export const FEED_DAYS = 30;
const DAY_MS = 24 * 3600_000;

export interface FeedEntry {
  item: KnowledgeItem;
  /** When the tip was published: its window's start, or its last update. */
  publishedAt: number;
  unread: boolean;
  /** Why it is listed: tools the person used this month that it is about… */
  usedTools: string[];
  /** …and followed topics it is about. */
  followed: Topic[];
}

export interface FeedInput {
  items: readonly KnowledgeItem[];
  /** Tools with a recognised visit in the last 30 days. */
  usedTools: readonly string[];
  follows: TopicSet;
  /** The person's audiences: an item with audiences needs an overlap (case-insensitive). */
  audiences: readonly string[];
  /** Ids of items the person has read. */
  read: ReadonlySet<string>;
  now: number;
}

export function publishedAt(item: KnowledgeItem): number {
  return item.startsAt ?? item.updatedAt;
}

function forAudiences(item: KnowledgeItem, audiences: ReadonlySet<string>): boolean {
  return !item.audiences?.length || item.audiences.some((audience) => audiences.has(audience.toLowerCase()));
}

/** The feed, newest first. */
export function buildFeed({ items, usedTools, follows, audiences, read, now }: FeedInput): FeedEntry[] {
  const since = now - FEED_DAYS * DAY_MS;
  const mine = new Set(audiences.map((audience) => audience.toLowerCase()));
  const entries: FeedEntry[] = [];
  for (const item of items) {
    if (item.kind !== 'tip') continue;
    const published = publishedAt(item);
    if (published <= since || published > now) continue;
    if (item.endsAt !== undefined && item.endsAt <= now) continue;
    if (!forAudiences(item, mine)) continue;
    const used = item.tools.filter((tool) => usedTools.includes(tool));
    const followed = topicsOf(item, follows);
    if (used.length === 0 && followed.length === 0) continue;
    entries.push({ item, publishedAt: published, unread: !read.has(item.id), usedTools: used, followed });
  }
  return entries.sort((a, b) => b.publishedAt - a.publishedAt || a.item.title.localeCompare(b.item.title));
}

export function unreadCount(feed: readonly FeedEntry[]): number {
  return feed.filter((entry) => entry.unread).length;
}

/** The toolbar badge for an unread count: '' for none, "99+" beyond 99. */
export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

/** What the popup's What's new tab shows. */
export interface WhatsNewView {
  entries: FeedEntry[];
  unread: number;
  /** Topics in force (own follows and the policy's defaults, minus what the person unfollowed). */
  follows: TopicSet;
  /** The policy's defaults for the person's audiences. */
  defaults: TopicSet;
  /** Tools with a recognised visit in the last 30 days, most visited first. */
  usedTools: string[];
}
