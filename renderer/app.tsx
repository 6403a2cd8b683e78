import { useCallback, useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { MapView } from './map/map-view';
import type { BasinMap, MapClick } from './map/basin-map';
import { TopBar } from './components/top-bar';
import { LayerList, Legend } from './components/layer-list';
import { ReloadSessionContext, SessionContext, useSessionLoader } from './session/session-context';
import type { Session } from './session/session';
import { useBasinSnapshot } from './session/basin-snapshot-of';
import { useT } from './i18n/use-t';
import { SIDE_TABS, useUiStore, type Selection } from './state/ui-store';
import { useMapStore } from './state/map-store';
import { host } from './bridge';
import { NetworkPanel, PointPanel } from './features/network/network-panel';
import { PeriodBar, RecordPanel, RegisterOverlays, RegistersPanel } from './features/registers/registers-panel';
import { FindingOverlays, FindingPanel, FindingsPanel } from './features/findings/findings-panel';
import { AgreementPanel } from './features/agreement/agreement-panel';
import { BasemapSettings, FieldLegend, FieldOverlays } from './features/field/field-sections';
import { DataButton, DataDialog, useDataDialog, type DataSection } from './features/data/data-dialog';

/*
 * The application shell: top bar, side panel with tabs (map layers, registers, findings, agreement, river), the
 * map, a details panel for whatever is selected, and the status bar. Feature modules live in features/<area>/ and
 * draw on the map through overlays (state/map-store.ts); map clicks go to the active map tool, else select.
 */

/** Menu commands answered by the data dialog, and the section each opens. */
const MENU_SECTIONS: Partial<Record<string, DataSection>> = {
  'open-sample': 'sample',
  export: 'export',
  backup: 'backup',
  restore: 'restore',
  help: 'help',
};

function useMenuCommands() {
  useEffect(
    () =>
      host.onMenuCommand((command) => {
        const ui = useUiStore.getState();
        if (command.startsWith('language:')) ui.setLocale(command.slice('language:'.length) as never);
        if (command === 'meeting-mode') ui.setMeetingMode(!ui.meetingMode);
        // Import of files (meter readings, tracks, hydrography) lives with the registers and the river.
        if (command === 'import') ui.setSideTab('registers');
        const section = MENU_SECTIONS[command];
        if (section) useDataDialog.getState().show(section);
      }),
    [],
  );
}

/** Routes a map click: to the active tool if any, else selects the clicked record or position. */
function routeClick(click: MapClick): void {
  const ui = useUiStore.getState();
  if (ui.mapTool) {
    ui.mapTool.onClick(click.lonLat);
    return;
  }
  const kind = click.type === 'feature' ? click.properties['kind'] : undefined;
  const id = click.type === 'feature' ? click.properties['id'] : undefined;
  if (click.type === 'feature' && kind === 'finding' && typeof id === 'string') ui.select({ type: 'finding', id });
  else if (click.type === 'feature' && typeof kind === 'string' && typeof id === 'string') ui.select({ type: 'record', kind, id });
  else ui.select({ type: 'point', lonLat: click.lonLat });
}

function SideTabs() {
  const t = useT();
  const tab = useUiStore((state) => state.sideTab);
  const setTab = useUiStore((state) => state.setSideTab);
  return (
    <div className="side-tabs" role="tablist" aria-label={t('app.tabs.label')}>
      {SIDE_TABS.map((id) => (
        <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
          {t(`app.tabs.${id}`)}
        </button>
      ))}
    </div>
  );
}

function SidePanel() {
  const t = useT();
  const tab = useUiStore((state) => state.sideTab);
  return (
    <aside className="side-panel" aria-label={t('app.sidePanel')}>
      <SideTabs />
      <div className="side-content" role="tabpanel">
        {tab === 'layers' && (
          <>
            <LayerList />
            <Legend />
            <FieldLegend />
            <BasemapSettings />
          </>
        )}
        {tab === 'registers' && <RegistersPanel />}
        {tab === 'findings' && <FindingsPanel />}
        {tab === 'agreement' && <AgreementPanel />}
        {tab === 'network' && <NetworkPanel />}
      </div>
    </aside>
  );
}

function DetailsBody({ selection }: { readonly selection: NonNullable<Selection> }) {
  if (selection.type === 'point') return <PointPanel lonLat={selection.lonLat} />;
  if (selection.type === 'finding') return <FindingPanel id={selection.id} />;
  return <RecordPanel kind={selection.kind} id={selection.id} />;
}

function DetailsPanel() {
  const t = useT();
  const selection = useUiStore((state) => state.selection);
  const select = useUiStore((state) => state.select);
  if (!selection) return null;
  return (
    <aside className="details-panel" aria-label={t('app.details.label')}>
      <button type="button" className="close" onClick={() => select(null)} aria-label={t('app.details.close')}>
        ×
      </button>
      <DetailsBody key={JSON.stringify(selection)} selection={selection} />
    </aside>
  );
}

function MapToolBanner() {
  const t = useT();
  const tool = useUiStore((state) => state.mapTool);
  const setTool = useUiStore((state) => state.setMapTool);
  const map = useMapStore((state) => state.map);
  useEffect(() => {
    map?.setCursor(tool ? 'crosshair' : '');
  }, [map, tool]);
  if (!tool) return null;
  return (
    <div className="map-overlay map-tool" role="status">
      <span>{t(tool.hintKey)}</span>
      <button type="button" onClick={() => setTool(null)}>
        {t('app.mapTool.cancel')}
      </button>
    </div>
  );
}

function StatusBar({ session }: { readonly session: Session }) {
  const t = useT();
  const counts = useLiveQuery(async () => {
    const [communities, intakes, withdrawals] = await Promise.all([
      session.db.recordTable('communities').count(),
      session.db.recordTable('intakes').count(),
      session.db.recordTable('withdrawals').count(),
    ]);
    return { communities, intakes, withdrawals };
  }, [session]);
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      {t('app.status.ready', { count: session.basin.reaches.features.length })}
      {counts && <> · {t('app.status.records', counts)}</>}
    </footer>
  );
}

function ReadyApp({ session }: { readonly session: Session }) {
  const snapshot = useBasinSnapshot(session);
  const setMap = useMapStore((state) => state.setMap);
  const onMapReady = useCallback((map: BasinMap) => setMap(map), [setMap]);
  return (
    <SessionContext.Provider value={session}>
      <TopBar basinName={session.basin.info.name} fictional={session.basin.info.fictional}>
        <PeriodBar />
        <DataButton />
      </TopBar>
      <div className="workspace">
        <SidePanel />
        <main className="map-area">
          <MapView basin={snapshot} highlight={null} onClick={routeClick} onMapReady={onMapReady} />
          <MapToolBanner />
          <RegisterOverlays />
          <FieldOverlays />
          <FindingOverlays />
        </main>
        <DetailsPanel />
      </div>
      <StatusBar session={session} />
      <DataDialog />
    </SessionContext.Provider>
  );
}

/** The application: loads the session (importing the sample basin on first run), then shows the workspace. */
export function App() {
  const t = useT();
  const loaded = useSessionLoader();
  const meetingMode = useUiStore((state) => state.meetingMode);
  useMenuCommands();

  useEffect(() => {
    document.documentElement.lang = t.locale;
    document.title = t('app.title');
  }, [t]);

  return (
    <div className={meetingMode ? 'app meeting-mode' : 'app'}>
      {loaded.state === 'ready' ? (
        <ReloadSessionContext.Provider value={loaded.reload}>
          <ReadyApp session={loaded.session} />
        </ReloadSessionContext.Provider>
      ) : (
        <>
          <TopBar basinName={null} fictional={false} />
          <div className="loading-screen">
            {loaded.state === 'loading' ? (
              <p role="status">
                {loaded.progress ? t('app.basin.importing', { ...loaded.progress }) : t('app.basin.loading')}
              </p>
            ) : (
              <p role="alert" className="error">
                {t.message(loaded.error)}
              </p>
            )}
          </div>
          <footer className="status-bar" />
        </>
      )}
    </div>
  );
}
