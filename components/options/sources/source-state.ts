/** A source's state as its status chip says it: off, never synced, failing since …, or synced. Pure. */
import type { SourceView } from '@/utils/model';

export type SourceState =
  | { kind: 'off' }
  | { kind: 'never' }
  | { kind: 'failing'; since: number }
  | { kind: 'synced'; at: number };

export function sourceState(source: Pick<SourceView, 'enabled' | 'status'>): SourceState {
  const { status } = source;
  if (!source.enabled) return { kind: 'off' };
  if (status.error)
    // Statuses written before the streak was recorded: the last attempt is the best we know.
    return { kind: 'failing', since: status.failingSince ?? status.lastSyncAt ?? Date.now() };
  if (status.lastSuccessAt) return { kind: 'synced', at: status.lastSuccessAt };
  return { kind: 'never' };
}
