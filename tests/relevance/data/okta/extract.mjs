// Builds a Signpost catalog (format v1) from a local snapshot of okta/okta-developer-docs.
// Usage: node extract.mjs <snapshot root containing packages/@okta/vuepress-site> <commit date ISO> > catalog.json
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cutAtSentence } from '../intro.mjs';

const root = join(process.argv[2], 'packages/@okta/vuepress-site');
const commitDate = process.argv[3];
const BASE = 'https://developer.okta.com';
const TOOL = 'okta';

function frontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { data: {}, body: text };
  const data = { sections: [] };
  const lines = m[1].split(/\r?\n/);
  let list = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (kv) {
      list = null;
      const [, key, value] = kv;
      if (value === '' || value === '>' || value === '|' || value === '>-') {
        if (key === 'sections' || key === 'guides') {
          list = key;
          data[key] = [];
        } else if (key === 'meta') list = 'meta';
        else if (value) {
          // folded scalar
          let acc = '';
          while (i + 1 < lines.length && /^\s+/.test(lines[i + 1])) acc += ` ${lines[++i].trim()}`;
          data[key] = acc.trim();
        }
        continue;
      }
      data[key] = value.replace(/^["']|["']$/g, '').trim();
      continue;
    }
    if (list === 'sections' || list === 'guides') {
      const item = /^\s*-\s*(\S+)/.exec(line);
      if (item) data[list].push(item[1]);
    } else if (list === 'meta') {
      const content = /^\s*content:\s*(.*)$/.exec(line);
      if (content && !data.metaDescription)
        data.metaDescription = content[1].replace(/^["']|["']$/g, '').trim();
    }
  }
  return { data, body: text.slice(m[0].length) };
}

/** Markdown (with VuePress components) → plain text of the intro: paragraphs before the first section. */
function introParagraphs(body) {
  const text = body
    .replace(/^(#{1,6}\s.*|---+|\*\*\*+)$/gm, '\n\n$1\n\n')
    .replace(/```[\s\S]*?```/g, '\n\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(
      /<(StackSnippet|StackSelector|ApiLifecycle|ApiAmProdWarning|ApiAuthMethodWarning|EnvironmentWarning|Include|ApiOperation)[^>]*\/?>(<\/\1>)?/g,
      ' ',
    )
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<div[^>]*>|<\/div>/gi, '\n\n');
  const blocks = text.split(/\n\s*\n/);
  const out = [];
  for (const raw of blocks) {
    const block = raw.trim();
    if (!block) continue;
    if (/^#{1,6}\s/.test(block)) {
      // H1 (rare) is the title; any other heading ends the intro once we have some text.
      if (/^#\s/.test(block)) continue;
      // A one-line intro followed by an "Overview" section: that section is the intro.
      const short = out.join(' ').length < 200;
      if (out.length && !(short && /^#+\s*(overview|introduction|about\b|background)/i.test(block))) break;
      // "#### Learning outcomes" / "## What are policies?" before any text: keep looking only for concept pages
      if (/learning outcome|what you need|sample code/i.test(block)) break;
      continue;
    }
    if (/^---+$/.test(block) || /^\*\*\*+$/.test(block)) {
      if (out.length && out.join(' ').length >= 200) break;
      continue;
    }
    if (/^>/.test(block)) continue; // notes, cautions
    if (/^[|*+-]\s|^\d+\.\s|^\|/.test(block)) {
      // A list that the last paragraph introduces ("… the following:") belongs to the intro.
      if (out.length && out[out.length - 1].endsWith(':') && !block.startsWith('|')) {
        const entries = block
          .split(/\n(?=\s*(?:[*+-]|\d+\.)\s)/)
          .map((line) => clean(line.replace(/^\s*(?:[*+-]|\d+\.)\s+/, '')).replace(/[.;]$/, ''))
          .filter(Boolean);
        if (entries.length) out.push(`${entries.join('; ')}.`);
      }
      if (out.length) break;
      continue;
    }
    if (/^<[^>]+>$/.test(block) || /^<\/?[A-Za-z]/.test(block)) continue;
    if (/^\[\[toc\]\]$/i.test(block) || /^:::/.test(block)) continue;
    const plain = clean(block);
    if (plain.length < 25) continue;
    out.push(plain);
    if (out.join(' ').length > 450) break;
  }
  return out.join(' ');
}

function clean(md) {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|\W)\*([^*]+)\*(?=\W|$)/g, '$1$2')
    .replace(/(^|\s)_([^_]+)_(?=\W|$)/g, '$1$2')
    .replace(/&nbsp;/g, ' ')
    .replace(/&mdash;/g, '—')
    .replace(/&ndash;/g, '–')
    .replace(/&rsquo;|&#39;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function summaryOf(lead, body) {
  const intro = introParagraphs(body);
  let text = '';
  const leadClean = lead ? clean(lead).replace(/\s*\.?$/, '.') : '';
  if (leadClean && !intro.toLowerCase().startsWith(leadClean.slice(0, 40).toLowerCase())) text = leadClean;
  if (intro) text = text ? `${text} ${intro}` : intro;
  return cutAtSentence(text);
}

function read(path) {
  return readFileSync(join(root, path), 'utf8');
}

const items = [];
const skipped = [];

// Guides: only those listed in docs/guides/index.md are published.
const guideList = frontMatter(read('docs/guides/index.md')).data.guides;
// The guide's index.md carries another guide's title (a slip in the source); the section's title is the page's.
const TITLE_FROM_SECTION = new Set(['express-configuration']);
// SDK/library walkthroughs that are code only (no Admin Console or end-user task), and a page that is only a list of links.
const SKIP_GUIDES = new Set([
  'archive-auth-js',
  'auth-js',
  'archive-embedded-siw',
  'archive-sign-in-to-spa-authjs',
  'oie-upgrade-sign-in-widget-deprecated-methods',
  'oie-upgrade-sign-in-widget-i18n',
  'mobile-swift-configure-redirect',
]);
for (const guide of guideList) {
  const dir = `docs/guides/${guide}`;
  if (!existsSync(join(root, dir, 'index.md'))) {
    skipped.push(`${guide}: no index.md`);
    continue;
  }
  if (SKIP_GUIDES.has(guide)) {
    skipped.push(`${guide}: code-only/SDK`);
    continue;
  }
  const meta = frontMatter(read(`${dir}/index.md`)).data;
  const sections = meta.sections?.length ? meta.sections : ['main'];
  const section = sections[0];
  const sectionPath = `${dir}/${section}/index.md`;
  if (!existsSync(join(root, sectionPath))) {
    skipped.push(`${guide}: no ${section}/index.md`);
    continue;
  }
  const frameworks = readdirSync(join(root, dir, section))
    .filter((name) => !name.includes('.') && statSync(join(root, dir, section, name)).isDirectory())
    .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  const mainFramework = meta.mainFramework || frameworks[0];
  const url = mainFramework
    ? `${BASE}/docs/guides/${guide}/${mainFramework}/${section}/`
    : `${BASE}/docs/guides/${guide}/${section}/`;
  const { data, body: raw } = frontMatter(read(sectionPath));
  // Framework-specific parts of the page, as the main framework's page shows them.
  const expand = (text, depth = 0) =>
    text.replace(/<StackSnippet\s+snippet="([^"]+)"[^>]*\/>/g, (whole, snippet) => {
      const file = mainFramework && join(root, dir, section, mainFramework, `${snippet}.md`);
      if (!file || !existsSync(file) || depth > 2) return '\n\n';
      const part = expand(frontMatter(readFileSync(file, 'utf8')).body.trim(), depth + 1);
      return /\binline\b/.test(whole) && !part.includes('\n') ? part : `\n\n${part}\n\n`;
    });
  const body = expand(raw);
  const title = TITLE_FROM_SECTION.has(guide) ? data.title : meta.title || data.title;
  const lead = meta.metaDescription || meta.excerpt || data.excerpt || '';
  items.push({ id: `guides-${guide}`, title, lead, body, url });
}

// Concepts, journeys and the hand-written reference pages (no generated API reference).
function walk(dir, fn) {
  for (const name of readdirSync(join(root, dir))) {
    const p = `${dir}/${name}`;
    if (statSync(join(root, p)).isDirectory()) walk(p, fn);
    else if (name === 'index.md') fn(p);
  }
}
walk('docs/concepts', (p) => {
  if (p === 'docs/concepts/index.md') return;
  const slug = p.replace(/^docs\/concepts\//, '').replace(/\/index\.md$/, '');
  const { data, body } = frontMatter(read(p));
  items.push({
    id: `concepts-${slug.replace(/\//g, '-')}`,
    title: data.title,
    lead: data.metaDescription || data.excerpt || '',
    body,
    url: `${BASE}/docs/concepts/${slug}/`,
  });
});
for (const journey of readdirSync(join(root, 'docs/journeys'))) {
  const p = `docs/journeys/${journey}/main/index.md`;
  if (!existsSync(join(root, p))) continue;
  const meta = frontMatter(read(`docs/journeys/${journey}/index.md`)).data;
  const { data, body } = frontMatter(read(p));
  items.push({
    id: `journeys-${journey.toLowerCase()}`,
    title: meta.title || data.title,
    lead: meta.metaDescription || meta.excerpt || data.excerpt || '',
    body,
    url: `${BASE}/docs/journeys/${journey}/main/`,
  });
}
// Hand-written reference pages; generated API reference (docs/reference/api/*, core-okta-api, SCIM protocol
// references) is left out.
const REFERENCE = [
  'error-codes',
  'okta-expression-language',
  'okta-expression-language-in-identity-engine',
  'org-defaults',
  'rate-limits',
  'releases-at-okta',
  'rest',
  'rl-system-log-events',
  'rl2-burst',
  'rl2-client-based',
  'rl2-concurrency',
  'rl2-increase',
  'rl2-limits',
  'rl2-monitor',
  'rl2-token-oauth',
  'scim',
  'system-log-query',
];
for (const slug of REFERENCE) {
  const p = `docs/reference/${slug}/index.md`;
  const { data, body } = frontMatter(read(p));
  items.push({
    id: `reference-${slug.replace(/\//g, '-')}`,
    title: data.title,
    lead: data.metaDescription || data.excerpt || '',
    body,
    url: `${BASE}/docs/reference/${slug}/`,
  });
}

// Pages that only point elsewhere (moved content, a glossary link) are redirects, not articles.
const MOVED = /^[^.]*\bis now available (at|in)\b|^[^.]*instructions are now available (at|in)\b/i;
const catalogItems = items
  .map((item) => ({ ...item, summaryText: summaryOf(item.lead, item.body) }))
  .filter((item) => {
    const keep = item.summaryText && !MOVED.test(item.summaryText);
    if (!keep) skipped.push(`${item.id}: redirect or empty page`);
    return keep;
  })
  .map(({ id, title, summaryText, url }) => ({
    id,
    kind: 'article',
    title: clean(title),
    summary: summaryText,
    url,
    tags: [],
    tools: [TOOL],
    updatedAt: commitDate,
  }));

// New-capability tips: the admin-facing feature entries of the two most recent Identity Engine releases
// (weekly/monthly), each dated by the release's "Published on" comment.
const TIPS = [
  'Unified identity for AI agents is GA in Production',
  'Cross App Access support for AI agents and apps for all customers',
  'New IP service categories for enhanced dynamic zones',
  'Flexible Okta Verify authenticator configuration is self-service EA in Preview',
  'Prompt users to enroll a passkey is self-service EA in Preview',
  'User identification policy is EA in Preview',
  'Customizable emails for Passkey (FIDO2 WebAuthn) authenticator is GA in Production',
  'Email authenticator auto-enrollment and recovery management is GA in Production',
  'Bot protection is GA in Production',
  'Native to Web SSO is GA in Production',
];
const notesPath = 'docs/release-notes/2026-okta-identity-engine/index.md';
const notes = frontMatter(read(notesPath)).body.split(/\r?\n/);
const slug = (heading) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
for (const heading of TIPS) {
  const at = notes.findIndex((line) => line.trim() === `#### ${heading}`);
  if (at < 0) throw new Error(`release note not found: ${heading}`);
  let published = '';
  for (let i = at; i >= 0 && !published; i--) {
    const m = /Published on:\s*(\S+)/.exec(notes[i]);
    if (m) published = m[1];
  }
  const bodyLines = [];
  for (let i = at + 1; i < notes.length && !/^#{2,4}\s/.test(notes[i]); i++) bodyLines.push(notes[i]);
  // A short stable id: the first words of the heading, at most 48 characters.
  const short = slug(heading)
    .slice(0, 49)
    .replace(/-[^-]*$/, (tail) => (slug(heading).length > 49 ? '' : tail));
  catalogItems.push({
    id: `rn-2026-${short}`,
    kind: 'tip',
    title: heading,
    summary: cutAtSentence(introParagraphs(bodyLines.join('\n'))),
    url: `${BASE}/docs/release-notes/2026-okta-identity-engine/#${slug(heading)}`,
    tags: [],
    tools: [TOOL],
    startsAt: published,
    updatedAt: published,
  });
}

process.stderr.write(`${catalogItems.length} items; skipped:\n  ${skipped.join('\n  ')}\n`);
process.stdout.write(
  `${JSON.stringify(
    {
      version: 1,
      title: 'Okta Developer documentation (guides, concepts, journeys, reference)',
      description: `Titles and intros extracted from github.com/okta/okta-developer-docs`,
      items: catalogItems,
    },
    null,
    1,
  )}\n`,
);
