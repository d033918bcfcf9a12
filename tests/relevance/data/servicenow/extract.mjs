// Builds tests/relevance/data/servicenow/catalog.json from a local snapshot of
// github.com/ServiceNow/ServiceNowDocs (branch australia).
// Usage: node extract.mjs <git-dir> <out.json>
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [gitDir, out] = process.argv.slice(2);
if (!gitDir || !out) throw new Error('usage: node extract.mjs <git-dir> <out.json>');

const git = (...args) =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const commit = git('rev-parse', 'HEAD').trim();
const PUB = 'markdown/it-service-management/';
const RN = 'markdown/release-notes/release-notes/';
const RN_PAGES = [
  'incident-management-rn',
  'change-management-rn',
  'digital-end-user-experience-rn',
  'ai-native-it-service-desk-rn',
  'now-assist-for-itsm-rn',
  'on-call-scheduling-rn',
  'service-operations-workspace-itsm-rn',
  'devops-rn',
];

function frontMatter(text) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const meta = {};
  if (!m) return { meta, body: text };
  for (const line of m[1].split('\n')) {
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (kv) meta[kv[1]] = kv[2].replace(/^"(.*)"$/, '$1').trim();
  }
  return { meta, body: text.slice(m[0].length) };
}

/** Markdown → plain text: links to their text, emphasis, escapes, html and entities removed. */
function plain(md) {
  return md
    .replace(/\\\[Omitted image[^\]]*\\\](\s*Alt text:[^\n]*)?/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)\*([^*]+)\*/g, '$1$2')
    .replace(/\\([\\_*[\]()#<>&|.!-])/g, '$1')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, cut after a sentence when one ends in the window. */
function cut(text, max = 600) {
  if (text.length <= max) return text;
  const window = text.slice(0, max);
  const end = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (end > max / 3) return window.slice(0, end + 1);
  return `${window.slice(0, window.lastIndexOf(' '))}…`;
}

/** Description plus the plain paragraphs after the H1, up to the first section heading. */
function intro(meta, body) {
  const parts = [];
  const description = meta.description ? plain(meta.description) : '';
  if (description) parts.push(description);
  const afterH1 = body.replace(/^[\s\S]*?^# .*$/m, '').replace(/<table[\s\S]*?<\/table>/g, '');
  for (const block of afterH1.split(/\n\s*\n/)) {
    const b = block.trim();
    if (!b) continue;
    if (/^#{1,6} /.test(b) || /^\*\*Parent Topic/.test(b)) break;
    if (/^(<|\||-\s|\d+\.\s|\\\[Omitted image|```)/.test(b)) continue;
    const text = plain(b);
    const bare = (t) => t.replace(/[®™]/g, '');
    if (!text || bare(description).startsWith(bare(text))) continue;
    parts.push(text);
    if (parts.join(' ').length >= 600) break;
  }
  return cut(parts.join(' '));
}

const tagOf = (product) => (product ? [plain(product).toLowerCase()] : []);

const items = [];
const files = git('ls-tree', '-r', '--name-only', 'HEAD', PUB)
  .split('\n')
  .filter((f) => f.endsWith('.md'));
let skipped = 0;
for (const file of files) {
  const { meta, body } = frontMatter(git('show', `HEAD:${file}`));
  // Tables of contents and reused snippets have no public page of their own.
  if (meta.doc_type === 'toc' || !meta.canonical_url) {
    skipped++;
    continue;
  }
  const title = plain(meta.title || /^# (.*)$/m.exec(body)?.[1] || '');
  if (!title) {
    skipped++;
    continue;
  }
  items.push({
    id: file.slice(PUB.length, -'.md'.length).toLowerCase(),
    kind: 'article',
    title,
    summary: intro(meta, body),
    url: meta.canonical_url.replace(/\\_/g, '_'),
    tags: tagOf(meta.product),
    tools: ['servicenow'],
    updatedAt: meta.last_updated,
  });
}

// New-capability tips: the "New in the … release" entries of the ITSM release notes.
const seen = new Set();
let tips = 0;
for (const page of RN_PAGES) {
  const { meta, body } = frontMatter(git('show', `HEAD:${RN}${page}.md`));
  const product = plain(meta.title).replace(/ release notes$/i, '');
  const sections = body.split(/^## /m).filter((s) => /^(New in the |IT Service Management features)/.test(s));
  for (const section of sections) {
    const entries = section.split(/^-\s+\*\*/m).slice(1);
    for (const entry of entries) {
      const head = /^\[(.+?)\]\((\S+?)\)\*\*/.exec(entry);
      if (!head) continue;
      const [, rawTitle, link] = head;
      if (!link.includes(`/${PUB}`)) continue; // announcements of other products
      const title = plain(rawTitle);
      const key = title.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const text = plain(entry.slice(head[0].length));
      const slug = key.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      items.push({
        id: `rn/${page}/${slug}`,
        kind: 'tip',
        title: `${product}: ${title}`,
        summary: cut(text),
        url: `https://www.servicenow.com/docs/r/release-notes/${page}.html`,
        tags: tagOf(product),
        tools: ['servicenow'],
        startsAt: meta.last_updated,
        updatedAt: meta.last_updated,
      });
      tips++;
    }
  }
}

const ids = new Set(items.map((i) => i.id));
if (ids.size !== items.length) throw new Error('duplicate ids');
const catalog = {
  version: 1,
  title: 'ServiceNow IT Service Management documentation (Australia)',
  description: `Titles and intros of the IT Service Management articles of github.com/ServiceNow/ServiceNowDocs at ${commit}, Apache-2.0.`,
  items,
};
writeFileSync(out, `${JSON.stringify(catalog, null, 1)}\n`);
console.log(`commit ${commit}: ${items.length - tips} articles, ${tips} tips, ${skipped} skipped`);
