import { useRef, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { EndorseIcon, FlagIcon, UndoIcon } from '@/components/shared/icons';
import type { OutboxEntry } from '@/utils/delivery/outbox';
import type { Reaction } from '@/utils/delivery/reactions';
import type { KnowledgeItem } from '@/utils/model';
import { type FlagDraft, FlagSheet } from './FlagSheet';

interface ReactProps {
  item: KnowledgeItem;
  /** The person's earlier endorsements and flags. */
  entries: OutboxEntry[];
  onReact: (item: KnowledgeItem, reaction: Reaction) => Promise<void>;
  /** Takes back an endorsement; resolves to what to tell the person. */
  onWithdraw: (key: string) => Promise<string>;
}

/** Builds the reaction a flag sheet describes. */
export function flagReaction({ reason, comment, missingTitle }: FlagDraft): Reaction {
  return {
    kind: 'flag',
    reason,
    ...(comment ? { comment } : {}),
    ...(reason === 'missing' ? { missingTitle: missingTitle ?? '' } : {}),
  };
}

/** Endorse (with Undo) and flag (KCS "flag it or fix it") for one item. */
export function ItemReactions({ item, entries, onReact, onWithdraw }: ReactProps) {
  const t = useT();
  const [flagging, setFlagging] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = entries.filter((entry) => entry.itemId === item.id);
  const endorsement = mine.find((entry) => entry.reaction.kind === 'endorse');
  const flagged = mine.some((entry) => entry.reaction.kind === 'flag');
  const sheetId = `sp-flag-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const flagButton = useRef<HTMLButtonElement>(null);
  const closeSheet = () => {
    setFlagging(false);
    setTimeout(() => flagButton.current?.focus(), 0);
  };
  const fail = (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason));

  return (
    <div class="sp-reactions">
      <div class="sp-actions">
        <button
          type="button"
          aria-pressed={endorsement !== undefined}
          aria-label={t(endorsement ? 'endorsedLabel' : 'endorseLabel', item.title)}
          disabled={endorsement !== undefined}
          onClick={() => {
            setNote(null);
            onReact(item, { kind: 'endorse' }).catch(fail);
          }}
        >
          <EndorseIcon class="sp-icon" />
          {endorsement ? t('endorsed') : t('endorse')}
        </button>
        {endorsement && (
          <button
            type="button"
            class="sp-quiet"
            aria-label={t('undoEndorseLabel', item.title)}
            onClick={() => onWithdraw(endorsement.key).then(setNote, fail)}
          >
            <UndoIcon class="sp-icon" />
            {t('undo')}
          </button>
        )}
        {flagged && !flagging ? (
          <span class="sp-chip sp-flagged">
            <FlagIcon class="sp-icon" />
            {t('flaggedByYou')}
          </span>
        ) : (
          <button
            ref={flagButton}
            type="button"
            aria-expanded={flagging}
            aria-controls={sheetId}
            aria-label={t('flagLabel', item.title)}
            onClick={() => setFlagging(!flagging)}
          >
            <FlagIcon class="sp-icon" />
            {t('flag')}
          </button>
        )}
      </div>
      {note && (
        <p class="sp-help" role="status">
          {note}
        </p>
      )}
      {flagging && (
        <FlagSheet
          id={sheetId}
          heading={t('flagHeading', item.title)}
          submitLabel={t('flagSubmit')}
          onSubmit={(draft) => onReact(item, flagReaction(draft)).then(() => setFlagging(false))}
          onClose={closeSheet}
        />
      )}
      {error && (
        <p role="alert" class="sp-error">
          {error}
        </p>
      )}
    </div>
  );
}
