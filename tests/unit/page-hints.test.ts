// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool, pageHints } from '@/utils/tools';
import { hintsOf } from '@/utils/tools/hints';

function page(title: string, dataPage?: string): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title;
  if (dataPage !== undefined) doc.body.setAttribute('data-page', dataPage);
  return doc;
}

describe('what the content script reads for the detectors', () => {
  it('is the title and GitLab’s data-page, bounded, and nothing else', () => {
    expect(pageHints(page('Chat | Microsoft Teams'))).toEqual({ title: 'Chat | Microsoft Teams' });
    expect(pageHints(page('webapp · GitLab', 'projects:show'))).toEqual({
      title: 'webapp · GitLab',
      dataPage: 'projects:show',
    });
    const long = pageHints(page('t'.repeat(5000), 'p'.repeat(5000)));
    expect(long.title).toHaveLength(300);
    expect(long.dataPage).toHaveLength(100);
    expect(pageHints(page('x', ''))).toEqual({ title: 'x' });
  });

  it('tell the detectors the screens only the page itself says', () => {
    // By address alone, a GitLab project and group look alike, and Teams' new client is one view.
    expect(detectTool('https://gitlab.com/acme/webapp')?.area).toBeUndefined();
    expect(detectTool('https://teams.microsoft.com/v2/')?.area).toBeUndefined();
    for (const [url, doc, area] of [
      ['https://gitlab.com/acme/webapp', page('webapp · GitLab', 'projects:show'), 'repository'],
      ['https://gitlab.com/acme', page('acme · GitLab', 'groups:show'), 'group'],
      ['https://teams.microsoft.com/v2/', page('Calendar | Microsoft Teams'), 'calendar'],
    ] as const) {
      expect(detectTool(url, pageHints(doc))?.area).toBe(area);
    }
    expect(hintsOf(undefined)).toBeUndefined();
    expect(hintsOf({ title: 'a' })).toEqual({ title: 'a' });
  });
});
