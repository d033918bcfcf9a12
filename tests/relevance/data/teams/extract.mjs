// Builds a Signpost catalog (format v1) from the Teams folder of a local snapshot of
// github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness (or its German translation).
// Usage: node extract.mjs <git-dir> <commit> <en|de> <out.json>
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [gitDir, commit, lang, out] = process.argv.slice(2);
if (!gitDir || !commit || !lang || !out)
  throw new Error('usage: node extract.mjs <git-dir> <commit> <en|de> <out.json>');
const locale = lang === 'de' ? 'de-de' : 'en-us';

const git = (...args) =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });

const files = git('ls-tree', '-r', '--name-only', commit, 'Teams')
  .split('\n')
  .filter((f) => f.endsWith('.md') && !f.includes('/includes/') && !/\/toc\.md$/i.test(f));
const commitDate = git('show', '-s', '--format=%cI', commit).trim();

// Last commit touching each file, newest first in one pass.
const lastChange = new Map();
{
  let date = '';
  let log;
  try {
    log = git('log', '--name-only', '--format=@%cI', commit, '--', 'Teams');
  } catch (error) {
    // A snapshot may lack old history: what was read up to the gap is enough.
    log = String(error.stdout ?? '');
  }
  for (const line of log.split('\n')) {
    if (line.startsWith('@')) date = line.slice(1);
    else if (line && !lastChange.has(line)) lastChange.set(line, date);
  }
}

/** Front matter: scalar keys and simple `- item` lists (repeated keys merge their lists). */
function frontMatter(text) {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n/.exec(text);
  const meta = {};
  if (!m) return { meta, body: text };
  let key = null;
  for (const raw of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_.0-9]+):\s*(.*)$/.exec(raw);
    if (kv) {
      key = kv[1].toLowerCase();
      const value = kv[2].trim().replace(/^(["'])(.*)\1$/, '$2');
      if (value) meta[key] = value;
      else if (!Array.isArray(meta[key])) meta[key] = [];
      continue;
    }
    const item = /^\s*-\s*(.*)$/.exec(raw);
    if (item && key) {
      if (!Array.isArray(meta[key])) meta[key] = meta[key] ? [meta[key]] : [];
      meta[key].push(item[1].trim().replace(/^(["'])(.*)\1$/, '$2'));
    }
  }
  return { meta, body: text.slice(m[0].length) };
}

/** Markdown → plain text. */
function plain(md) {
  return md
    .replace(/:::no-loc\s+text="([^"]*)":::/g, '$1')
    .replace(/:::(?:(?!:::).)*:::/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[!INCLUDE[^\]]*\]\([^)]*\)\]?/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)[*_]([^*_]+)[*_]/g, '$1$2')
    .replace(/\\([\\_*[\]()#<>&|.!-])/g, '$1')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, cut after a sentence when one ends in the window. */
function cut(text, max = 600) {
  if (text.length <= max) return text;
  const window = text.slice(0, max);
  const end = Math.max(
    window.lastIndexOf('. '),
    window.lastIndexOf('? '),
    window.lastIndexOf('! '),
    window.lastIndexOf(': '),
  );
  if (end > max / 3) return window.slice(0, end + 1);
  const space = window.lastIndexOf(' ');
  return `${window.slice(0, space > 0 ? space : max)}…`;
}

/** The prose after the H1, up to the first H2: paragraphs and list items, no notes or tables. */
function intro(body) {
  const lines = body.split(/\r?\n/);
  let i = lines.findIndex((l) => /^#\s/.test(l));
  const title = i >= 0 ? plain(lines[i].replace(/^#\s+/, '')) : '';
  i = i >= 0 ? i + 1 : 0;
  const blocks = [];
  let current = [];
  const flush = () => {
    if (current.length) blocks.push(current.join(' '));
    current = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (/^#{1,6}\s/.test(line)) {
      if (blocks.length || current.length) break;
      continue;
    }
    const t = line.trim();
    if (!t) {
      flush();
      continue;
    }
    // Setext heading underlines and table rows.
    if (/^(=+|-+)$/.test(t)) {
      if (current.length === 1 && !blocks.length) current = [];
      else if (blocks.length || current.length) break;
      continue;
    }
    if ((t.match(/\|/g) ?? []).length >= 2) {
      flush();
      continue;
    }
    if (t.startsWith(':::') && !t.startsWith(':::no-loc')) {
      flush();
      continue;
    }
    if (t.startsWith('>') || t.startsWith('|') || t.startsWith('```') || /^\[!INCLUDE/i.test(t)) {
      flush();
      continue;
    }
    if (/^!\[[^\]]*\]\([^)]*\)\s*$/.test(t) || (/^<\/?[a-z]/i.test(t) && !/^<a name/i.test(t))) {
      flush();
      continue;
    }
    if (/^([-*+]|\d+\.)\s/.test(t)) {
      flush();
      current.push(t.replace(/^([-*+]|\d+\.)\s+/, ''));
      flush();
      continue;
    }
    current.push(t);
  }
  flush();
  return { title, text: blocks.map(plain).filter((b) => b.length > 1) };
}

function resolve(from, relative) {
  const parts = from.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** Descriptive ms.custom values ("Audio Conferencing"), not help ids or internal markers. */
const isTag = (value) =>
  /^[A-Za-z][A-Za-z &]+$/.test(value) && value.length <= 40 && !/^admindeeplink/i.test(value);

const items = [];
const ids = new Set();
let redirects = 0;
let hubs = 0;
for (const path of files) {
  const text = git('show', `${commit}:${path}`);
  const { meta, body: own } = frontMatter(text);
  // A page that only includes another article (business-voice/*) shows that article's text.
  const whole = /^\s*\[!INCLUDE\s*\[[^\]]*\]\(([^)]+\.md)\)\]\s*$/i.exec(own);
  const body = whole ? frontMatter(git('show', `${commit}:${resolve(path, whole[1])}`)).body : own;
  if (meta.layout === 'HubPage') {
    hubs++;
    continue;
  }
  if (meta.redirect_url || meta.redirect_document_id) {
    redirects++;
    continue;
  }
  const rel = path.replace(/^Teams\//, '').replace(/\.md$/, '');
  const id = rel.toLowerCase().replace(/\//g, '--');
  if (ids.has(id)) throw new Error(`duplicate id ${id}`);
  ids.add(id);
  const { title: h1, text: paras } = intro(body);
  const title = plain(typeof meta.title === 'string' ? meta.title : h1) || h1;
  const description = typeof meta.description === 'string' ? plain(meta.description) : '';
  const parts = [];
  if (description) parts.push(/[.!?]$/.test(description) ? description : `${description}.`);
  let length = description.length;
  for (const p of paras) {
    if (length > 450) break;
    // The description often repeats the intro's first sentence.
    if (description && p.slice(0, 60) === description.slice(0, 60)) continue;
    parts.push(p);
    length += p.length;
  }
  const summary = cut(parts.join(' '));
  const urlPath = rel.toLowerCase().replace(/(^|\/)index$/, '$1');
  const custom = [meta['ms.custom'] ?? []].flat();
  const tags = [...new Set(custom.filter(isTag).map((t) => t.toLowerCase()))];
  const msDate = typeof meta['ms.date'] === 'string' ? new Date(meta['ms.date']) : null;
  const updatedAt =
    msDate && !Number.isNaN(msDate.getTime())
      ? msDate.toISOString().slice(0, 10)
      : (lastChange.get(path) ?? commitDate).slice(0, 10);
  const item = {
    id,
    kind: 'article',
    title,
    ...(summary ? { summary } : {}),
    url: `https://learn.microsoft.com/${locale}/microsoftteams/${urlPath}`,
    tags,
    tools: ['teams'],
    updatedAt,
    lang,
  };
  items.push(item);
}

items.sort((a, b) => a.id.localeCompare(b.id));
const catalog = {
  version: 1,
  title:
    lang === 'de'
      ? 'Microsoft Teams – Dokumentation für Administratoren (deutsch)'
      : 'Microsoft Teams admin documentation',
  description: `Articles of the Teams folder of MicrosoftDocs/OfficeDocs-SkypeForBusiness${lang === 'de' ? '.de-DE' : ''} at ${commit.slice(0, 12)} (CC BY 4.0): title and intro of each.`,
  items,
};
writeFileSync(out, `${JSON.stringify(catalog, null, 1)}\n`);
console.error(`${items.length} items, ${redirects} redirects and ${hubs} hub pages skipped`);
