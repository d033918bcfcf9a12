import { useT } from '@/components/shared/i18n';

interface Props {
  onOpenOptions: () => void;
}

/**
 * The first-run page, opened once after install: what Signpost does, that matching stays on the
 * device, how to pause it, and where What's new is.
 */
export function Welcome({ onOpenOptions }: Props) {
  const t = useT();
  return (
    <main class="sp-page sp-welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <section aria-labelledby="sp-welcome-private">
        <h2 id="sp-welcome-private">{t('welcomePrivateTitle')}</h2>
        <p>{t('welcomePrivate')}</p>
      </section>
      <section aria-labelledby="sp-welcome-pause">
        <h2 id="sp-welcome-pause">{t('welcomePauseTitle')}</h2>
        <p>{t('welcomePause')}</p>
      </section>
      <section aria-labelledby="sp-welcome-new">
        <h2 id="sp-welcome-new">{t('welcomeNewTitle')}</h2>
        <p>{t('welcomeNew')}</p>
      </section>
      <p>
        <button type="button" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </p>
    </main>
  );
}
