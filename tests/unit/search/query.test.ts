import { describe, expect, it } from 'vitest';
import { queryTokens, understandQuery } from '@/utils/search/query';

describe('understandQuery', () => {
  it('keeps the meaningful words of a question and says it is one', () => {
    const q = understandQuery('how do I require a review before merging?');
    expect(q.shape).toBe('question');
    expect(q.words).toEqual(['require', 'review', 'merging']);
    expect(q.lastIsPrefix).toBe(false);
    expect(understandQuery('wie kann ich eine Seite freigeben').words).toEqual(['seite', 'freigeben']);
    expect(understandQuery('what is a fork').words).toEqual(['fork']);
  });

  it('knows a line by the file or the user at a host in it, though it has no prefix', () => {
    const conflict = understandQuery('CONFLICT (content): Merge conflict in src/app.js');
    expect(conflict.shape).toBe('pasted');
    expect(conflict.words).toEqual(['conflict', 'content', 'merge']);
    const ssh = understandQuery('git@github.com: Permission denied (publickey).');
    expect(ssh.shape).toBe('pasted');
    expect(ssh.words).toEqual(['permission', 'denied', 'publickey']);
    // A file named without a folder is how people type it.
    expect(understandQuery('edit package.json scripts').shape).toBe('keywords');
  });

  it('strips prefixes, paths, refs, hashes and numbers from a pasted line and keeps its words', () => {
    const q = understandQuery('remote: error: GH006: Protected branch update failed for refs/heads/main.');
    expect(q.shape).toBe('pasted');
    expect(q.words).toEqual(['protected', 'branch', 'update', 'failed']);
    expect(understandQuery("error: failed to push some refs to 'git@github.com:org/repo.git'").words).toEqual(
      ['failed', 'push', 'refs'],
    );
    expect(understandQuery('fatal: bad object 3f9a2c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f').words).toEqual([
      'bad',
      'object',
    ]);
    expect(
      understandQuery(
        'TypeError: Cannot read properties of undefined (reading x) at render (src/App.tsx:12:5)',
      ).words,
    ).not.toContain('tsx');
  });

  it("reads a pasted line's addresses when the rest of it says next to nothing", () => {
    const q = understandQuery(
      'GET https://login.example.com/.well-known/apple-app-site-association 404 (Not Found)',
    );
    expect(q.shape).toBe('pasted');
    expect(q.words).toEqual(['found', 'well', 'known', 'apple', 'app', 'site', 'association']);
    // A line that says enough on its own keeps its address out.
    expect(
      understandQuery('redirect_uri mismatch for client https://login.example.com/admin/app/oidc/instance')
        .words,
    ).toEqual(['redirect', 'uri', 'mismatch', 'client']);
  });

  it('splits identifiers copied from an error into their words', () => {
    expect(understandQuery('NET::ERR_CERT_AUTHORITY_INVALID').words).toEqual([
      'net',
      'err',
      'cert',
      'authority',
      'invalid',
    ]);
    expect(understandQuery('error: pushProtection blocked the push').words).toContain('protection');
  });

  it('never empties a query of stop words alone, and says so', () => {
    const q = understandQuery('how to');
    expect(q.words.length).toBeGreaterThan(0);
    expect(q.onlyStopWords).toBe(true);
    expect(understandQuery('huddle').onlyStopWords).toBe(false);
  });

  it('treats the last word as still being typed unless a space or punctuation follows', () => {
    expect(understandQuery('pull requ').lastIsPrefix).toBe(true);
    expect(understandQuery('pull request ').lastIsPrefix).toBe(false);
    expect(understandQuery('how to').lastIsPrefix).toBe(true);
  });

  it('finds the phrases a title may carry, keeping the small words inside them', () => {
    expect(understandQuery('Transfer of ownership for a repository').phrases).toEqual([
      ['transfer', 'of', 'ownership', 'for', 'a', 'repository'],
    ]);
    expect(understandQuery('how do I open a draft pull request').phrases).toEqual([
      ['open', 'a', 'draft', 'pull', 'request'],
    ]);
  });

  it('gives nothing for an empty or blank query', () => {
    expect(understandQuery('   ').shape).toBe('empty');
    expect(understandQuery('?!').words).toEqual([]);
  });
});

describe('queryTokens', () => {
  it('lowercases, folds apostrophes and drops bare numbers', () => {
    expect(queryTokens("Don't push 42 times to Main")).toEqual(['dont', 'push', 'times', 'to', 'main']);
    expect(queryTokens('Zusammenführen über Änderungen')).toEqual(['zusammenführen', 'über', 'änderungen']);
  });
});
