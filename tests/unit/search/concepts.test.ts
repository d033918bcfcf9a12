import { describe, expect, it } from 'vitest';
import { conceptsOf, tableFor } from '@/utils/search/concepts';
import { understandQuery } from '@/utils/search/query';

const englishOf = (query: string) =>
  conceptsOf(understandQuery(query), tableFor('*')).map((concept) =>
    concept.variants.slice(1).map((variant) => variant.words.join(' ')),
  );

describe('conceptsOf', () => {
  it('keeps the English names of every German word of one stem ("Anruf", "Anrufer")', () => {
    const [call] = englishOf('Anruf');
    expect(call).toContain('call');
    expect(call).toContain('caller');
    const [security] = englishOf('Sicherheit');
    expect(security).toContain('security');
  });

  it('leaves out another name that would shrink to one word by losing its particle', () => {
    const [signOut] = englishOf('sign out');
    expect(signOut).toContain('logout');
    // "log out" without "out" is "log": every article about a system log would match.
    expect(signOut).not.toContain('log');
  });

  it("leaves such a name out of the glossary's names too, unless it is the only one", () => {
    // "einrichten": set up, configure. "set" alone would be any article that sets anything.
    const [setUp] = englishOf('einrichten');
    expect(setUp).toContain('configure');
    expect(setUp).not.toContain('set');
    const [signOut] = englishOf('abmelden');
    expect(signOut).toEqual(['sign']);
  });

  it('splits a German compound only at a last part of four letters of stem or more', () => {
    expect(englishOf('Richtlinienpakete')[0]).toContain('policy package');
    // "verhalten" is not "ver" + "alten" (older).
    expect(englishOf('Verhalten')[0]).toEqual([]);
  });

  it('reads a handbook as a guide, not as the verb "buchen" (to book) its stem shares', () => {
    expect(englishOf('Handbuch')[0]).toContain('guide');
    expect(englishOf('Handbuch')[0]).not.toContain('book');
    expect(englishOf('Benutzerhandbuch')[0]).toContain('user guide');
    expect(englishOf('Raum buchen')[1]).toContain('book');
  });

  it('reads two words as the one the catalog writes, and one it lacks as two it has', () => {
    const vocabulary = new Set(['multifactor', 'setup', 'api', 'token', 'callinglineidentity']);
    const known = (word: string) => vocabulary.has(word);
    const of = (query: string) =>
      conceptsOf(understandQuery(query), tableFor('*'), known).map((concept) =>
        concept.variants.map((variant) => variant.words.join(' ')),
      );
    expect(of('multi-factor')).toEqual([['multi factor', 'multifactor']]);
    expect(of('set up sso')[0]).toContain('setup');
    expect(of('apitoken')).toEqual([['apitoken', 'api token']]);
    // A pasted identifier, split into its parts, is also searched whole.
    expect(of('Grant-CsCallingLineIdentity : Cannot get policy (Identity: user@contoso.com)')).toContainEqual(
      ['calling line identity', 'callinglineidentity'],
    );
    // Without the vocabulary, or where the catalog has neither form, nothing is added.
    expect(englishOf('multi-factor')).toEqual([[], []]);
    expect(of('blue print')).toEqual([['blue'], ['print']]);
  });
});
