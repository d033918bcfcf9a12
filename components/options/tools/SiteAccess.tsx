import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';

export interface SiteAccessState {
  /** Recognised tool sites (the content script's host patterns). */
  total: number;
  /** Those the browser does not let Signpost read. */
  missing: number;
}

interface Props {
  check: () => Promise<SiteAccessState>;
  /** Asks the browser for every recognised tool site; resolves to whether it was granted. */
  grant: () => Promise<boolean>;
}

/**
 * Whether the browser lets Signpost read the recognised tools' pages. Chrome grants the manifest's
 * hosts at install; Firefox (Manifest V3) may leave them to the person, and until they allow them
 * Signpost shows nothing on those sites. Hidden while every site is granted.
 */
export function SiteAccess({ check, grant }: Props) {
  const t = useT();
  const [state, setState] = useState<SiteAccessState | null>(null);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    const refresh = () => void check().then(setState, () => setState(null));
    refresh();
    // The person may grant or withdraw access in the browser's own menus meanwhile.
    addEventListener('focus', refresh);
    return () => removeEventListener('focus', refresh);
  }, [check]);

  if (!state || state.missing === 0) return null;
  const ask = async () => {
    const granted = await grant().catch(() => false);
    setRefused(!granted);
    setState(await check());
  };
  return (
    <section aria-labelledby="sp-site-access" class="sp-site-access" data-site-access={state.missing}>
      <h2 id="sp-site-access">{t('siteAccessTitle')}</h2>
      <p role="status">{t('siteAccessMissing', [String(state.missing), String(state.total)])}</p>
      <button type="button" onClick={ask}>
        {t('siteAccessGrant')}
      </button>
      {refused && <p class="sp-error">{t('siteAccessRefused')}</p>}
    </section>
  );
}
