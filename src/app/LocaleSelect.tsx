import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES, LOCALES, setLocale, type Locale } from './i18n.ts';

/** The contract's `<select name="locale">`: each language named in itself. */
export function LocaleSelect({ className }: { className?: string }) {
  const { t, i18n } = useTranslation('app');
  return (
    <label className={className}>
      {t('language')}{' '}
      <select name="locale" value={i18n.language} onChange={(e) => void setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
