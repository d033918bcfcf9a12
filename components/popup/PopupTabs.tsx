import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { Tabs } from '@/components/shared/Tabs';
import { useLoad } from '@/components/shared/useLoad';
import type { WhatsNewView } from '@/utils/whatsnew/feed';
import type { Topic } from '@/utils/whatsnew/topics';
import { WhatsNew } from './WhatsNew';

export const POPUP_TABS = ['search', 'whatsnew'] as const;
export type PopupTab = (typeof POPUP_TABS)[number];

interface Props {
  initialTab: PopupTab;
  /** The search and this page (the Popup component). */
  search: ComponentChildren;
  loadWhatsNew: () => Promise<WhatsNewView>;
  markRead: (itemIds: string[]) => Promise<WhatsNewView>;
  follow: (topic: Topic, follow: boolean) => Promise<WhatsNewView>;
  tools: { id: string; name: string }[];
  locale?: string;
}

/** The popup's two tabs: search and this page, and What's new (its label says how many are unread). */
export function PopupTabs(props: Props) {
  const t = useT();
  const [tab, setTab] = useState<PopupTab>(props.initialTab);
  const whatsNew = useLoad(props.loadWhatsNew, [props.loadWhatsNew]);
  const unread = whatsNew.value?.unread ?? 0;
  const act = (answer: Promise<WhatsNewView>) => answer.then(whatsNew.set, whatsNew.fail);
  return (
    <Tabs
      label={t('popupTabsLabel')}
      tabs={[
        { id: 'search', label: t('popupTabSearch') },
        {
          id: 'whatsnew',
          label: unread > 0 ? t('popupTabWhatsNewCount', String(unread)) : t('whatsNewTitle'),
        },
      ]}
      active={tab}
      onSelect={setTab}
    >
      {tab === 'search' ? (
        props.search
      ) : (
        <WhatsNew
          view={whatsNew.value}
          error={whatsNew.error}
          tools={props.tools}
          locale={props.locale}
          onMarkRead={(ids) => void act(props.markRead(ids))}
          onFollow={(topic, follow) => void act(props.follow(topic, follow))}
        />
      )}
    </Tabs>
  );
}
