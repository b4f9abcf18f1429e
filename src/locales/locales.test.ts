import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every language says everything English says: the same namespaces, the same keys (nested), and
 * the same interpolation placeholders ({{x}}) and markup (<kbd>) in each string. Reads the files
 * from disk, so a namespace added by anyone is covered without touching this test.
 *
 * Plural keys are the one allowed difference: i18next picks `key_<category>` by the language's own
 * plural rules (Intl.PluralRules), so Indonesian, which has no singular, needs only `_other`, and
 * French may add `_many`. A plural group must hold `_other` and every form both English and the
 * language use; it may hold English's other forms (unused, harmless) and the language's own.
 */

type Messages = { [key: string]: string | Messages };

const root = fileURLToPath(new URL('.', import.meta.url));
const languages = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const namespacesOf = (language: string): string[] =>
  readdirSync(`${root}/${language}`)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
const load = (language: string, namespace: string): Messages =>
  JSON.parse(readFileSync(`${root}/${language}/${namespace}.json`, 'utf8')) as Messages;

/** Every string as "path.to.key" → value. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** What a translation must carry over unchanged: {{placeholders}} and <tags> for <Trans>. */
const tokens = (text: string): string[] => (text.match(/\{\{\s*[\w.]+\s*\}\}|<\/?[a-z]+>/g) ?? []).sort();

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;
const categoriesOf = (language: string): string[] =>
  new Intl.PluralRules(language).resolvedOptions().pluralCategories;

/** Plural groups of a namespace: base key → its categories. */
function pluralGroups(keys: Iterable<string>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const key of keys) {
    const [, base, form] = PLURAL.exec(key) ?? [];
    if (base && form) groups.set(base, (groups.get(base) ?? new Set<string>()).add(form));
  }
  return groups;
}

/** What is wrong with a translation's keys, as readable lines (empty when right). */
function keyProblems(source: Map<string, string>, target: Map<string, string>, language: string): string[] {
  const own = categoriesOf(language);
  const problems: string[] = [];
  const plain = (keys: Iterable<string>) => [...keys].filter((key) => !PLURAL.test(key));
  for (const key of plain(source.keys())) if (!target.has(key)) problems.push(`missing ${key}`);
  for (const key of plain(target.keys())) if (!source.has(key)) problems.push(`unknown ${key}`);
  const theirs = pluralGroups(target.keys());
  for (const [base, english] of pluralGroups(source.keys())) {
    const forms = theirs.get(base) ?? new Set<string>();
    for (const form of ['other', ...own.filter((c) => english.has(c))])
      if (!forms.has(form)) problems.push(`missing ${base}_${form}`);
    for (const form of forms)
      if (!english.has(form) && !own.includes(form)) problems.push(`unknown ${base}_${form}`);
    theirs.delete(base);
  }
  for (const base of theirs.keys()) problems.push(`unknown plural ${base}`);
  return problems;
}

/** The English string a translated key renders: the same key, or the group's `_other`. */
const englishFor = (source: Map<string, string>, key: string): string | undefined =>
  source.get(key) ?? source.get(key.replace(PLURAL, '$1_other'));

const english = namespacesOf('en');
const others = languages.filter((language) => language !== 'en');

describe('locale files', () => {
  it('has English and the two other interface languages', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'fr', 'id']));
    expect(english).toContain('app');
  });

  describe.each(others)('%s', (language) => {
    it('has a file for every English namespace, and no other', () => {
      expect(namespacesOf(language)).toEqual(english);
    });

    describe.each(english)('namespace %s', (namespace) => {
      const source = flatten(load('en', namespace));
      const target = flatten(load(language, namespace));

      it('has exactly the English keys (plural forms by its own rules)', () => {
        expect(keyProblems(source, target, language)).toEqual([]);
      });

      it('keeps every placeholder and tag, and leaves nothing empty', () => {
        for (const [key, translated] of target) {
          const text = englishFor(source, key);
          if (text === undefined) continue; // Reported by the key test.
          expect(tokens(translated), `${namespace}:${key}`).toEqual(tokens(text));
          expect(translated.trim(), `${namespace}:${key}`).not.toBe('');
        }
      });
    });
  });

  // French typography in the namespaces written with it in mind (the others' authors can opt in):
  // a no-break space before : ; ? ! % and inside « », never a plain one.
  describe.each(['home', 'capture', 'scan', 'review'])('French typography, namespace %s', (namespace) => {
    it('uses no-break spaces where French puts a space', () => {
      for (const [key, text] of flatten(load('fr', namespace))) {
        expect(text, `${namespace}:${key}`).not.toMatch(/ [:;?!%»]|« /);
        expect(text, `${namespace}:${key}`).not.toMatch(
          /[^\s\u00a0\u202f/][;?!»]|[^\s\u00a0\u202f/]:(?!\/\/)|«[^\s\u00a0\u202f]/,
        );
      }
    });
  });
});
