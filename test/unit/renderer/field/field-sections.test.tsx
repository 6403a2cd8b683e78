import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldActions, FieldRecordSection } from '../../../../renderer/features/field/field-sections';
import { tileTemplateOrigin } from '../../../../renderer/features/field/basemap';
import { checkPhotos } from '../../../../renderer/features/field/photos';
import { SessionContext } from '../../../../renderer/session/session-context';
import type { Session } from '../../../../renderer/session/session';
import { useUiStore } from '../../../../renderer/state/ui-store';
import { RiverNetwork } from '../../../../src/hydrology/river-network';
import { NATIONAL_STANDARD_META_KEY } from '../../../../src/field/guidelines';
import type { Draft } from '../../../../src/ports/repository';
import { COORDINATOR, openStore } from '../store/store-fixtures';

// A straight river due south: 'upper' (about 1.1 km) flows into 'lower' (about 2.2 km) to the outlet.
function network(): RiverNetwork {
  const line = (id: string, coordinates: [number, number][]) => ({
    type: 'Feature' as const,
    properties: { id },
    geometry: { type: 'LineString' as const, coordinates },
  });
  return RiverNetwork.fromGeoJson({
    type: 'FeatureCollection',
    features: [
      line('upper', [
        [-75.7, 4.53],
        [-75.7, 4.52],
      ]),
      line('lower', [
        [-75.7, 4.52],
        [-75.7, 4.5],
      ]),
    ],
  }).network;
}

const VEREDA_ABAJO = 'c-abajo';

function sessionOf(store: ReturnType<typeof openStore>): Session {
  return {
    db: store.db,
    repository: store.repository,
    network: network(),
    communityPositions: { [VEREDA_ABAJO]: { reachId: 'lower', fraction: 0.5 } },
    basin: {
      info: {
        settings: { timeZone: 'America/Bogota', utcOffsetMinutes: -300, flowVelocityMs: 0.5, snapToleranceM: 100 },
        communities: [{ id: VEREDA_ABAJO, name: 'Vereda de Abajo', anchor: [-75.7, 4.51] }],
      },
    },
  } as unknown as Session;
}

function renderWith(session: Session, element: React.ReactElement) {
  return render(<SessionContext.Provider value={session}>{element}</SessionContext.Provider>);
}

const eventDraft = (): Draft<'contaminationEvents'> => ({
  location: [-75.7, 4.525],
  snap: { reachId: 'upper', fraction: 0.5, distanceM: 0 },
  observedAt: '2026-11-20T07:45:00-05:00',
  pollutantClass: 'agrochemicals',
  suspectedSource: 'Fumigación',
  description: '',
  status: 'open',
  closedAt: null,
  notifications: [],
  photoIds: [],
});

beforeEach(() => {
  useUiStore.getState().setLocale('es');
  localStorage.setItem('watershed-commons.actor', JSON.stringify({ name: 'Marta Choque', role: 'coordinator' }));
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('contamination event section', () => {
  it('lists the community downstream with its flow distance and arrival time', async () => {
    const store = openStore();
    const created = await store.repository.create('contaminationEvents', eventDraft(), COORDINATOR);
    if (!created.ok) throw new Error('not created');
    renderWith(sessionOf(store), <FieldRecordSection kind="contaminationEvents" id={created.value.id} />);
    const table = await screen.findByRole('table', { name: 'Comunidades y tomas aguas abajo del evento' });
    const row = within(table).getByRole('row', { name: /Vereda de Abajo/ });
    // Half of 'upper' and half of 'lower': about 0.56 + 1.11 = 1.67 km; at 0.5 m/s, about 56 minutes.
    expect(row.textContent).toMatch(/1,7\u00a0km/);
    expect(row.textContent).toMatch(/5[56] min/);
  });

  it('records a warning as a new version of the event, and the community shows as warned', async () => {
    const store = openStore();
    const created = await store.repository.create('contaminationEvents', eventDraft(), COORDINATOR);
    if (!created.ok) throw new Error('not created');
    renderWith(sessionOf(store), <FieldRecordSection kind="contaminationEvents" id={created.value.id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Registrar aviso' }));
    fireEvent.change(screen.getByLabelText('Cómo'), { target: { value: 'radio' } });
    fireEvent.change(screen.getByLabelText('Cuándo'), { target: { value: '2026-11-20T08:10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar aviso' }));
    await screen.findByRole('heading', { name: '1 aviso enviado' });
    const stored = await store.repository.get('contaminationEvents', created.value.id);
    expect(stored?.version).toBe(2);
    expect(stored?.notifications).toEqual([{ communityId: VEREDA_ABAJO, sentAt: '2026-11-20T08:10:00-05:00', channel: 'radio' }]);
    expect(await screen.findByText('Avisada')).toBeTruthy();
  });

  it('says nobody downstream can be listed when the event is off the river', async () => {
    const store = openStore();
    const created = await store.repository.create('contaminationEvents', { ...eventDraft(), snap: null }, COORDINATOR);
    if (!created.ok) throw new Error('not created');
    renderWith(sessionOf(store), <FieldRecordSection kind="contaminationEvents" id={created.value.id} />);
    expect(await screen.findByText(/no está sobre un río/)).toBeTruthy();
  });
});

describe('water samples', () => {
  async function pointWithSample(store: ReturnType<typeof openStore>, value: number, parameter = 'nitrate') {
    const point = await store.repository.create(
      'monitoringPoints',
      { name: 'Puente', kind: 'quality', location: [-75.7, 4.51], snap: null },
      COORDINATOR,
    );
    if (!point.ok) throw new Error('no point');
    const sample = await store.repository.create(
      'measurements',
      { pointId: point.value.id, parameter, value, unit: 'mg/L', time: '2026-11-20T09:00:00-05:00' },
      COORDINATOR,
    );
    if (!sample.ok) throw new Error('no sample');
    return sample.value.id;
  }

  it('marks a sample over the WHO guideline', async () => {
    const store = openStore();
    const id = await pointWithSample(store, 60);
    renderWith(sessionOf(store), <FieldRecordSection kind="measurements" id={id} />);
    expect(await screen.findByText('Supera la norma: el límite es 50 mg/L (WHO GDWQ 2022).')).toBeTruthy();
  });

  it('compares with the national standard the committee stored over WHO', async () => {
    const store = openStore();
    const id = await pointWithSample(store, 20);
    await store.repository.setMeta(NATIONAL_STANDARD_META_KEY, {
      name: 'Res. 2115/2007',
      entries: { nitrate: { unit: 'mg/L', maxValue: 10, minValue: null, basis: 'Res. 2115/2007', health: true } },
    });
    renderWith(sessionOf(store), <FieldRecordSection kind="measurements" id={id} />);
    expect(await screen.findByText('Supera la norma: el límite es 10 mg/L (Res. 2115/2007 + WHO GDWQ 2022).')).toBeTruthy();
  });

  it('saves a sample typed with a decimal comma, and refuses a negative one without writing', async () => {
    const store = openStore();
    const point = await store.repository.create(
      'monitoringPoints',
      { name: 'Puente', kind: 'quality', location: [-75.7, 4.51], snap: null },
      COORDINATOR,
    );
    if (!point.ok) throw new Error('no point');
    renderWith(sessionOf(store), <FieldActions kind="measurements" />);
    fireEvent.click(screen.getByRole('button', { name: 'Agregar una muestra de agua' }));
    await waitFor(() => expect((screen.getByLabelText('Punto de monitoreo') as HTMLSelectElement).value).toBe(point.value.id));
    fireEvent.change(screen.getByLabelText('Parámetro'), { target: { value: 'arsenic' } });
    fireEvent.change(screen.getByLabelText('Valor'), { target: { value: '-0,02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Una concentración o un caudal no puede ser negativo.')).toBeTruthy();
    expect(await store.repository.list('measurements')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Valor'), { target: { value: '0,02' } });
    expect(screen.getByText('Supera la norma: el límite es 0,01 mg/L (WHO GDWQ 2022).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(async () => expect(await store.repository.list('measurements')).toHaveLength(1));
    const [saved] = await store.repository.list('measurements');
    expect([saved?.parameter, saved?.value, saved?.unit]).toEqual(['arsenic', 0.02, 'mg/L']);
  });
});

describe('restoration site section', () => {
  it('shows the area in hectares and the visits with their survival rate', async () => {
    const store = openStore();
    const dLat = 0.000899;
    const dLon = dLat / Math.cos((4.5 * Math.PI) / 180);
    const site = await store.repository.create(
      'restorationSites',
      {
        name: 'Ladera',
        communityId: VEREDA_ABAJO,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-75.7, 4.5],
              [-75.7 + dLon, 4.5],
              [-75.7 + dLon, 4.5 + dLat],
              [-75.7, 4.5 + dLat],
              [-75.7, 4.5],
            ],
          ],
        },
        activity: 'reforestation',
        status: 'in-progress',
        plannedAreaHa: 2,
        doneAreaHa: 1,
        plantsPlanted: 800,
        workDate: '2026-10-01',
      },
      COORDINATOR,
    );
    if (!site.ok) throw new Error('no site');
    await store.repository.create(
      'restorationVisits',
      { siteId: site.value.id, date: '2026-11-10', survivalRatePct: 85, notes: 'Buen prendimiento', photoIds: [] },
      COORDINATOR,
    );
    renderWith(sessionOf(store), <FieldRecordSection kind="restorationSites" id={site.value.id} />);
    expect(await screen.findByText('Área: 1,00 ha')).toBeTruthy();
    expect(screen.getByText('Planeado 2 ha · hecho 1 ha (50 %)')).toBeTruthy();
    expect(await screen.findByText(/sobrevivencia 85 %/)).toBeTruthy();
    // A calendar date is shown as written, whatever the basin's time zone.
    expect(screen.getByText('10 nov 2026')).toBeTruthy();
  });
});

describe('kinds the field module does not own', () => {
  it('renders nothing for them', () => {
    const store = openStore();
    const { container } = renderWith(sessionOf(store), <FieldActions kind="withdrawals" />);
    expect(container.innerHTML).toBe('');
  });
});

describe('basemap and photo checks', () => {
  it('accepts an https tile template and answers its origin only', () => {
    expect(tileTemplateOrigin('https://tiles.example.org/base/{z}/{x}/{y}.png?key=1')).toEqual({ ok: true, origin: 'https://tiles.example.org' });
  });

  it('refuses plain http, credentials and templates without tile numbers', () => {
    expect(tileTemplateOrigin('http://tiles.example.org/{z}/{x}/{y}.png')).toEqual({ ok: false, code: 'field.basemap.httpsOnly' });
    expect(tileTemplateOrigin('https://user:pw@tiles.example.org/{z}/{x}/{y}.png')).toEqual({ ok: false, code: 'field.basemap.httpsOnly' });
    expect(tileTemplateOrigin('https://tiles.example.org/map.png')).toEqual({ ok: false, code: 'field.basemap.needsXYZ' });
  });

  it('refuses a file that is not an image, or too large, before anything is stored', () => {
    expect(checkPhotos([new File(['x'], 'acta.pdf', { type: 'application/pdf' })])?.code).toBe('field.photos.notImage');
    const huge = new File(['x'], 'foto.jpg', { type: 'image/jpeg' });
    Object.defineProperty(huge, 'size', { value: 26 * 1024 * 1024 });
    expect(checkPhotos([huge])?.code).toBe('field.photos.tooLarge');
    expect(checkPhotos([new File(['x'], 'foto.jpg', { type: 'image/jpeg' })])).toBeNull();
  });
});

describe('basemap settings', () => {
  it('allows an online tile server only after the host allowed its origin, and remembers it', async () => {
    const { BasemapSettings, BASEMAP_META_KEY } = await import('../../../../renderer/features/field/basemap');
    const { host } = await import('../../../../renderer/bridge');
    const calls: unknown[] = [];
    const original = host['app:set-tile-origins'];
    (host as { 'app:set-tile-origins': typeof original })['app:set-tile-origins'] = async (request) => {
      calls.push(request);
      return { ok: true, value: { origins: request.origins } };
    };
    try {
      const store = openStore();
      renderWith(sessionOf(store), <BasemapSettings />);
      const address = screen.getByLabelText('Dirección de las teselas del mapa en línea');
      fireEvent.change(address, { target: { value: 'http://tiles.example.org/{z}/{x}/{y}.png' } });
      fireEvent.click(screen.getByRole('button', { name: 'Usar este mapa en línea' }));
      expect(await screen.findByText('Solo se permiten direcciones seguras (https://) sin usuario ni contraseña.')).toBeTruthy();
      expect(calls).toEqual([]);

      fireEvent.change(address, { target: { value: 'https://tiles.example.org/{z}/{x}/{y}.png' } });
      fireEvent.click(screen.getByRole('button', { name: 'Usar este mapa en línea' }));
      await waitFor(async () =>
        expect(await store.repository.getMeta(BASEMAP_META_KEY)).toEqual({ kind: 'online', url: 'https://tiles.example.org/{z}/{x}/{y}.png' }),
      );
      expect(calls).toEqual([{ origins: ['https://tiles.example.org'] }]);
    } finally {
      (host as { 'app:set-tile-origins': typeof original })['app:set-tile-origins'] = original;
    }
  });
});
