import { LOCALES, type Locale } from '../../src/i18n/define';
import { translate } from '../../src/i18n/translate';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { host } from '../bridge';

/** Props of the top bar. */
export interface TopBarProps {
  readonly basinName: string | null;
  readonly fictional: boolean;
  /** Controls that belong to the loaded basin (the period filter). */
  readonly children?: React.ReactNode;
}

/** Title, basin, language switch and meeting mode. */
export function TopBar({ basinName, fictional, children }: TopBarProps) {
  const t = useT();
  const setLocale = useUiStore((state) => state.setLocale);
  const meetingMode = useUiStore((state) => state.meetingMode);
  const setMeetingMode = useUiStore((state) => state.setMeetingMode);
  const changeLocale = (locale: Locale) => {
    setLocale(locale);
    void host['app:set-locale']({ locale });
  };
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1>{t('app.title')}</h1>
      </div>
      {basinName && (
        <div className="basin-name">
          <span>{basinName}</span>
          {fictional && (
            <span className="badge" title={t('app.basin.fictionalHint')}>
              {t('app.basin.fictional')}
            </span>
          )}
        </div>
      )}
      {children}
      <div className="top-bar-actions">
        <button type="button" aria-pressed={meetingMode} onClick={() => setMeetingMode(!meetingMode)}>
          {t('app.meetingMode')}
        </button>
        <label className="language">
          <span>{t('app.language')}</span>
          <select value={t.locale} onChange={(event) => changeLocale(event.target.value as Locale)}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {translate(locale, 'app.languageName')}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
