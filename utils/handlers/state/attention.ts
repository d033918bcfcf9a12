/**
 * Spending the attention budget (utils/budget.ts holds its rules): which new-capability tip may
 * announce itself on this page now, and what the person's reactions do to the budget.
 */

import type { Db } from '../../db';
import { afterAnnounce, afterReaction, localTime, mayAnnounce, parseBudgetState } from '../../match/budget';
import type { KnowledgeItem, Match, PageContext } from '../../model';
import type { Settings } from '../../settings/settings';
import { readFeedback, writeFeedback } from './signals';

function inWindow(item: KnowledgeItem, now: number): boolean {
  return (
    (item.startsAt === undefined || item.startsAt <= now) && (item.endsAt === undefined || now < item.endsAt)
  );
}

/**
 * A current new-capability tip aimed at this tool, never announced before, when the attention
 * budget allows one now. Marks it announced and spends the budget.
 */
export async function pickAnnouncement(
  db: Db,
  context: PageContext,
  matches: Match[],
  budgetSettings: Settings['nudges'],
  now: number,
): Promise<string | undefined> {
  let tip: { item: KnowledgeItem; previous: Awaited<ReturnType<typeof readFeedback>> } | undefined;
  for (const { item } of matches) {
    if (item.kind !== 'tip' || !item.tools.includes(context.tool ?? '') || !inWindow(item, now)) continue;
    const previous = await readFeedback(db, item.id);
    if (previous?.announcedAt !== undefined) continue;
    tip = { item, previous };
    break;
  }
  if (!tip) return undefined;
  const local = localTime(now);
  const budget = parseBudgetState(await db.get('meta', 'budget'));
  if (!mayAnnounce(budget, budgetSettings, now, local).ok) return undefined;
  await db.put('meta', afterAnnounce(budget, tip.item.id, now, local), 'budget');
  await writeFeedback(db, {
    ...(tip.previous ?? { itemId: tip.item.id, views: 0 }),
    announcedAt: now,
    updatedAt: now,
  });
  return tip.item.id;
}

/** An announcement dismissed, or an item engaged with: the budget backs off or resets. */
export async function spendOnReaction(
  db: Db,
  budgetSettings: Settings['nudges'],
  reaction: 'dismissed' | 'engaged',
  now: number,
): Promise<void> {
  const budget = parseBudgetState(await db.get('meta', 'budget'));
  await db.put('meta', afterReaction(budget, budgetSettings, reaction, now), 'budget');
}
