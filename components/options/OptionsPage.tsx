import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { Tabs } from '@/components/shared/Tabs';
import type { MessageKey } from '@/utils/i18n';

export const OPTION_TABS = ['sources', 'tools', 'nudges', 'sharing', 'config', 'dashboard'] as const;
export type OptionTab = (typeof OPTION_TABS)[number];

const LABELS: Record<OptionTab, MessageKey> = {
  sources: 'tabSources',
  tools: 'tabTools',
  nudges: 'tabNudges',
  sharing: 'tabSharing',
  config: 'tabConfig',
  dashboard: 'tabDashboard',
};

interface Props {
  initialTab: OptionTab;
  /** Called when the admin switches tabs (the entry point keeps it in the address's #hash). */
  onTabChange: (tab: OptionTab) => void;
  /** Calls back when the address asks for another tab (back, forward, a link); returns the stop function. */
  watchTab: (show: (tab: OptionTab) => void) => () => void;
  /** Each tab's content, made when the tab is shown (so a closed dashboard reads nothing). */
  panels: Record<OptionTab, () => ComponentChildren>;
  /** Why the local database cannot be opened, or null; shown above the tabs. */
  loadDatabaseProblem?: () => Promise<string | null>;
}

/** The admin's options page: one tab per job, the measurement dashboard last. */
export function OptionsPage({ initialTab, onTabChange, watchTab, panels, loadDatabaseProblem }: Props) {
  const t = useT();
  const [tab, setTab] = useState<OptionTab>(initialTab);
  const [dbProblem, setDbProblem] = useState<string | null>(null);
  useEffect(() => watchTab(setTab), [watchTab]);
  useEffect(() => {
    loadDatabaseProblem?.().then(setDbProblem, () => undefined);
  }, [loadDatabaseProblem]);
  return (
    <main class="sp-page sp-options">
      <h1>{t('optionsTitle')}</h1>
      {dbProblem && (
        <p role="alert" class="sp-error" data-testid="database-problem">
          {t('databaseProblem', dbProblem)}
        </p>
      )}
      <Tabs
        label={t('optionsTitle')}
        tabs={OPTION_TABS.map((id) => ({ id, label: t(LABELS[id]) }))}
        active={tab}
        onSelect={(next) => {
          setTab(next);
          onTabChange(next);
        }}
      >
        {panels[tab]()}
      </Tabs>
    </main>
  );
}
