/**
 * A topic a person can follow: a tool (by id, as `utils/tools` names it) or a tag (lowercase, as
 * items carry them). Followed topics' tips reach What's new even for tools not opened this month.
 */
import { isId, LIMITS } from '../limits';
import { isRecord, type KnowledgeItem } from '../model';

export type TopicKind = 'tool' | 'tag';

export interface Topic {
  kind: TopicKind;
  id: string;
}

/** What a person (or a policy default) follows: tool ids and tags, each once. */
export interface TopicSet {
  tools: string[];
  tags: string[];
}

/** Most topics of one kind in one list (a person's, or one policy entry's). */
export const TOPICS_MAX = 100;

export const EMPTY_TOPICS: TopicSet = { tools: [], tags: [] };

/** A tag as items carry it: trimmed, lowercase, at most {@link LIMITS.tag} characters; null when empty. */
export function normalTag(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const tag = value.trim().toLowerCase().slice(0, LIMITS.tag);
  return tag ? tag : null;
}

/** Validates a topic from a message or storage. */
export function parseTopic(value: unknown): Topic | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'tool') return isId(value.id) ? { kind: 'tool', id: value.id } : null;
  if (value.kind === 'tag') {
    const id = normalTag(value.id);
    return id ? { kind: 'tag', id } : null;
  }
  return null;
}

/** Validates a `{ tools, tags }` list; malformed entries are left out. */
export function parseTopicSet(value: unknown): TopicSet {
  if (!isRecord(value)) return { tools: [], tags: [] };
  const list = (raw: unknown, pick: (entry: unknown) => string | null) =>
    Array.isArray(raw)
      ? [...new Set(raw.map(pick).filter((entry): entry is string => entry !== null))].slice(0, TOPICS_MAX)
      : [];
  return {
    tools: list(value.tools, (entry) => (isId(entry) ? entry : null)),
    tags: list(value.tags, normalTag),
  };
}

export function hasTopic(set: TopicSet, topic: Topic): boolean {
  return (topic.kind === 'tool' ? set.tools : set.tags).includes(topic.id);
}

/** The set with the topic added (or removed, with `present: false`). */
export function withTopic(set: TopicSet, topic: Topic, present: boolean): TopicSet {
  const key = topic.kind === 'tool' ? 'tools' : 'tags';
  const rest = set[key].filter((id) => id !== topic.id);
  return { ...set, [key]: present ? [...rest, topic.id] : rest };
}

/** Both sets together, each id once. */
export function unionTopics(a: TopicSet, b: TopicSet): TopicSet {
  return { tools: [...new Set([...a.tools, ...b.tools])], tags: [...new Set([...a.tags, ...b.tags])] };
}

/** The topics of `set` that `item` is about (its tools and tags). */
export function topicsOf(item: KnowledgeItem, set: TopicSet): Topic[] {
  return [
    ...item.tools.filter((tool) => set.tools.includes(tool)).map((id) => ({ kind: 'tool' as const, id })),
    ...item.tags.filter((tag) => set.tags.includes(tag)).map((id) => ({ kind: 'tag' as const, id })),
  ];
}

/** A policy's default follows for one audience; no audience: everyone. */
export interface DefaultFollow extends TopicSet {
  audience?: string;
}

/** Most entries in a policy's `defaultFollows`. */
export const DEFAULT_FOLLOWS_MAX = 50;

/** Validates a policy's `defaultFollows`: a list of `{ audience?, tools?, tags? }`. Bad entries are left out with the reason. */
export function parseDefaultFollows(value: unknown): { defaults: DefaultFollow[]; problems: string[] } {
  if (!Array.isArray(value))
    return { defaults: [], problems: ['defaultFollows must be a list of { audience, tools, tags }'] };
  const defaults: DefaultFollow[] = [];
  const problems: string[] = [];
  for (const [index, raw] of value.slice(0, DEFAULT_FOLLOWS_MAX).entries()) {
    const at = `defaultFollows[${index}]`;
    if (!isRecord(raw)) {
      problems.push(`${at}: not an object`);
      continue;
    }
    const { audience } = raw;
    if (audience !== undefined && (typeof audience !== 'string' || !audience.trim())) {
      problems.push(`${at}: "audience" must be an audience name (or left out for everyone)`);
      continue;
    }
    const topics = parseTopicSet(raw);
    const given = [raw.tools, raw.tags].filter(Array.isArray).flat().length;
    if (given > topics.tools.length + topics.tags.length)
      problems.push(`${at}: entries that are not tool ids such as "jira" or tags were left out`);
    if (topics.tools.length + topics.tags.length === 0) {
      problems.push(`${at}: names no tool or tag`);
      continue;
    }
    defaults.push(typeof audience === 'string' ? { audience: audience.trim(), ...topics } : topics);
  }
  return { defaults, problems };
}

/** The default follows that apply to a person in these audiences (compared case-insensitively, as items' audiences are). */
export function defaultsFor(defaults: readonly DefaultFollow[], audiences: readonly string[]): TopicSet {
  const mine = new Set(audiences.map((audience) => audience.toLowerCase()));
  return defaults
    .filter((entry) => entry.audience === undefined || mine.has(entry.audience.toLowerCase()))
    .reduce<TopicSet>(unionTopics, { tools: [], tags: [] });
}
