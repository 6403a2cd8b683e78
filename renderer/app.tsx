import { useCallback, useEffect, useState } from 'react';
import { MapView } from './map/map-view';
import type { MapClick } from './map/basin-map';
import type { FlowHighlight } from './map/basin-snapshot';
import { TopBar } from './components/top-bar';
import { LayerList, Legend } from './components/layer-list';
import { useBasin } from './basin/use-basin';
import { useT } from './i18n/use-t';
import { useUiStore } from './state/ui-store';
import { host } from './bridge';

/** The application shell: top bar, side panel with layers and legend, the map, and the status bar. */
export function App() {
  const t = useT();
  const basin = useBasin();
  const meetingMode = useUiStore((state) => state.meetingMode);
  const [highlight] = useState<FlowHighlight | null>(null);

  useEffect(() => {
    document.documentElement.lang = t.locale;
    document.title = t('app.title');
  }, [t]);

  useEffect(
    () =>
      host.onMenuCommand((command) => {
        if (command.startsWith('language:')) useUiStore.getState().setLocale(command.slice('language:'.length) as never);
        if (command === 'meeting-mode') useUiStore.getState().setMeetingMode(!useUiStore.getState().meetingMode);
      }),
    [],
  );

  const onMapClick = useCallback((click: MapClick) => {
    if (click.type === 'feature') useUiStore.getState().select({ type: 'record', kind: click.layerId, id: String(click.properties['id'] ?? '') });
  }, []);

  return (
    <div className={meetingMode ? 'app meeting-mode' : 'app'}>
      <TopBar basinName={basin.state === 'ready' ? basin.name : null} fictional={basin.state === 'ready' && basin.fictional} />
      <div className="workspace">
        <aside className="side-panel" aria-label={t('app.sidePanel')}>
          <LayerList />
          <Legend />
        </aside>
        <main className="map-area">
          <MapView basin={basin.state === 'ready' ? basin.snapshot : null} highlight={highlight} onClick={onMapClick} />
          {basin.state === 'loading' && (
            <div className="map-overlay" role="status">
              {t('app.basin.loading')}
            </div>
          )}
          {basin.state === 'error' && (
            <div className="map-overlay error" role="alert">
              {t.message(basin.error)}
            </div>
          )}
        </main>
      </div>
      <footer className="status-bar" role="status" aria-live="polite">
        {basin.state === 'ready' ? t('app.status.ready', { reaches: basin.snapshot.reaches.features.length }) : ''}
      </footer>
    </div>
  );
}
