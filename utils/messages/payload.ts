/** Payload checks more than one side uses. */
import { isRecord } from '../model';

/** A request with nothing in it: `{}` or no payload at all. */
export const empty = (payload: unknown): Record<string, never> | null =>
  payload === undefined || (isRecord(payload) && Object.keys(payload).length === 0) ? {} : null;
