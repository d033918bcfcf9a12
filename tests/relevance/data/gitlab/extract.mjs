// Builds a Signpost catalog (format v1) from the `doc/` folder of a GitLab CE snapshot: each
// article's title (its first heading) and intro (the text before its first section), as a
// documentation source would deliver them.
// Usage: node extract.mjs <git-dir> <commit> > catalog.json
import { execFileSync } from 'node:child_process';
import { cutAtSentence } from '../intro.mjs';

const [gitDir, commit] = process.argv.slice(2);
const BASE = 'https://docs.gitlab.com/ce';
const TOOL = 'gitlab';
/** Contributor, installation and upgrade guides, API reference and training: not what people on GitLab's screens read. */
const LEFT_OUT =
  /^doc\/(?:development|update|install|raketasks|legal|api|university|downgrade_ee_to_ce|migrate_ci_to_ce)\/|^doc\/README\.md$/;

const git = (...args) =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });

function clean(md) {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/\[([^\]]+)\](?![[(])/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|\W)\*([^*]+)\*(?=\W|$)/g, '$1$2')
    .replace(/(^|\s)_([^_]+)_(?=\W|$)/g, '$1$2')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first heading, and the paragraphs before the first section (an "Overview" section when the intro is short). */
function article(markdown) {
  const text = markdown.replace(/```[\s\S]*?```/g, '\n\n').replace(/<!--[\s\S]*?-->/g, '');
  const blocks = text.replace(/^(#{1,6}\s.*)$/gm, '\n\n$1\n\n').split(/\n\s*\n/);
  let title = '';
  const intro = [];
  for (const raw of blocks) {
    const block = raw.trim();
    if (!block) continue;
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(block);
    if (heading) {
      // The first heading of the page (a few older pages open with a second-level one).
      if (!title && heading[1].length <= 2) {
        title = clean(heading[2]);
        continue;
      }
      if (!title) continue;
      const short = intro.join(' ').length < 200;
      if (intro.length && !(short && /^(overview|introduction)\b/i.test(heading[2]))) break;
      continue;
    }
    if (!title) continue;
    if (/^>/.test(block)) continue; // notes and version badges
    if (/^(?:[*+-]|\d+\.)\s|^\|/.test(block)) {
      // A list that the last paragraph introduces ("… you can:") belongs to the intro, and so
      // does a list that opens the page (the steps of a how-to, the pages of an index).
      if ((!intro.length || intro[intro.length - 1].endsWith(':')) && !block.startsWith('|')) {
        const entries = block
          .split(/\n(?=\s*(?:[*+-]|\d+\.)\s)/)
          .map((line) => clean(line.replace(/^\s*(?:[*+-]|\d+\.)\s+/, '')).replace(/[.;]$/, ''))
          .filter(Boolean);
        if (entries.length) intro.push(`${entries.join('; ')}.`);
      }
      if (intro.length) break;
      continue;
    }
    if (/^\[[^\]]+\]:\s/.test(block)) continue; // link definitions
    const plain = clean(block);
    if (plain.length < 25) continue;
    intro.push(plain);
    if (intro.join(' ').length > 450) break;
  }
  return { title, summary: cutAtSentence(intro.join(' ')) };
}

const date = git('show', '-s', '--format=%cI', commit).trim();
const paths = git('ls-tree', '-r', '--name-only', commit, 'doc/')
  .split('\n')
  .filter((path) => path.endsWith('.md') && !LEFT_OUT.test(path))
  .sort();
const items = [];
const seen = new Set();
for (const path of paths) {
  const markdown = git('show', `${commit}:${path}`);
  // Pages that only point elsewhere ("This document was moved to …").
  if (/^\s*(?:#[^\n]*\n\s*)?this (?:document|page) (?:was|has been) moved/i.test(markdown)) continue;
  const { title, summary } = article(markdown);
  if (!title || summary.length < 40) continue;
  const page = path.replace(/^doc\//, '').replace(/\.md$/, '');
  const id = page.replace(/\/(?:index|README)$/, '');
  if (seen.has(id)) continue;
  seen.add(id);
  const url = `${BASE}/${page.replace(/(^|\/)(?:index|README)$/, '$1index')}.html`;
  items.push({ id, kind: 'article', title, summary, url, tags: [], tools: [TOOL], updatedAt: date });
}
process.stdout.write(
  `${JSON.stringify(
    {
      version: 1,
      title: 'GitLab Community Edition documentation (user, CI/CD, workflow, administration)',
      description: `Titles and intros extracted from the doc/ folder of GitLab CE at ${commit.slice(0, 12)}`,
      items,
    },
    null,
    2,
  )}\n`,
);
