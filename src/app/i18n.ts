import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en/index.ts';

/** The interface's languages: English (also the fallback), Indonesian, French. */
export const LOCALES = ['en', 'id', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', id: 'Bahasa Indonesia', fr: 'Français' };

/** Every namespace's file per language; English is bundled, the others load when chosen. */
const lazyLocales = import.meta.glob<{ default: Record<string, unknown> }>('../locales/{id,fr}/*.json');

/** The first of the browser's languages we have, by primary subtag (fr-CA → fr); English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    // "in" is Indonesian's withdrawn code, still sent by some older Android browsers.
    const locale = primary === 'in' ? 'id' : primary;
    if ((LOCALES as readonly string[]).includes(locale)) return locale as Locale;
  }
  return 'en';
}

async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || i18next.hasResourceBundle(locale, 'app')) return;
  const entries = Object.entries(lazyLocales).filter(([path]) => path.includes(`/${locale}/`));
  await Promise.all(
    entries.map(async ([path, load]) => {
      const namespace = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
      i18next.addResourceBundle(locale, namespace, (await load()).default, true, true);
    }),
  );
}

/**
 * Switches the interface language. Nothing is remembered between visits (no storage without
 * consent): the browser's language decides again next time.
 */
export async function setLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  ns: Object.keys(en),
  defaultNS: 'app',
  resources: { en },
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
  initAsync: false,
});

export { i18next };
