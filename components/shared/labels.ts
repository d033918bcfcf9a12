/** Translation keys of labels that more than one screen shows (popup, options, dashboard). */

import type { DeliveryState } from '@/utils/delivery/outbox';
import type { FlagReason } from '@/utils/delivery/reactions';
import type { MessageKey } from '@/utils/i18n';

/** The label of each flag reason: the champion's flag form, their activity, the dashboard's flag chart. */
export const FLAG_REASON_KEYS = {
  outdated: 'flagReasonOutdated',
  incorrect: 'flagReasonIncorrect',
  incomplete: 'flagReasonIncomplete',
  duplicate: 'flagReasonDuplicate',
  missing: 'flagReasonMissing',
  other: 'flagReasonOther',
} as const satisfies Record<FlagReason, MessageKey>;

/** The label of each delivery state of an outbox entry: reactions in the popup, reports in the options. */
export const DELIVERY_STATE_KEYS = {
  local: 'stateLocal',
  queued: 'stateQueued',
  sending: 'stateSending',
  sent: 'stateSent',
  failed: 'stateFailed',
} as const satisfies Record<DeliveryState, MessageKey>;
