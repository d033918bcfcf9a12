import type { Ref } from 'preact';
import { useT } from '@/components/shared/i18n';
import { SearchIcon } from '@/components/shared/icons';
import type { ItemKind } from '@/utils/model';

export interface SearchFilters {
  tool?: string;
  kind?: ItemKind;
}

interface Props {
  query: string;
  onQuery: (query: string) => void;
  filters: SearchFilters;
  onFilters: (filters: SearchFilters) => void;
  /** The tools that have content, by name. */
  tools: { id: string; name: string }[];
  input: Ref<HTMLInputElement>;
}

/** The search field with its visible label, and the tool and kind filters on one row beneath. */
export function SearchHeader({ query, onQuery, filters, onFilters, tools, input }: Props) {
  const t = useT();
  return (
    <form class="sp-search" onSubmit={(event) => event.preventDefault()}>
      <label for="sp-query" class="sp-search-label">
        {t('searchLabel')}
      </label>
      <div class="sp-search-field">
        <SearchIcon class="sp-icon" />
        <input
          id="sp-query"
          ref={input}
          type="search"
          value={query}
          autoComplete="off"
          spellcheck={false}
          placeholder={t('searchPlaceholder')}
          onInput={(event) => onQuery(event.currentTarget.value)}
        />
      </div>
      <div class="sp-filters">
        <label>
          <span>{t('searchTool')}</span>
          <select
            value={filters.tool ?? ''}
            onChange={(event) => onFilters({ ...filters, tool: event.currentTarget.value || undefined })}
          >
            <option value="">{t('searchAllTools')}</option>
            {tools.map((tool) => (
              <option key={tool.id} value={tool.id}>
                {tool.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('searchKind')}</span>
          <select
            value={filters.kind ?? ''}
            onChange={(event) =>
              onFilters({
                ...filters,
                kind: (event.currentTarget.value || undefined) as ItemKind | undefined,
              })
            }
          >
            <option value="">{t('searchAllKinds')}</option>
            <option value="article">{t('kindArticle')}</option>
            <option value="tip">{t('kindTip')}</option>
          </select>
        </label>
      </div>
    </form>
  );
}
