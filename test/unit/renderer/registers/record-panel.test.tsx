import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordPanel } from '../../../../renderer/features/registers/registers-panel';
import { SessionContext } from '../../../../renderer/session/session-context';
import type { Session } from '../../../../renderer/session/session';
import { useUiStore } from '../../../../renderer/state/ui-store';
import { createCommunityDraft, openStore } from '../store/store-fixtures';

const ACTOR_KEY = 'watershed-commons.actor';

function sessionOf(store: ReturnType<typeof openStore>): Session {
  return {
    db: store.db,
    repository: store.repository,
    basin: { info: { settings: { timeZone: 'America/Bogota', utcOffsetMinutes: -300 } } },
  } as unknown as Session;
}

function renderPanel(session: Session, kind: string, id: string) {
  return render(
    <SessionContext.Provider value={session}>
      <RecordPanel kind={kind} id={id} />
    </SessionContext.Provider>,
  );
}

beforeEach(() => {
  useUiStore.getState().setLocale('es');
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('record panel', () => {
  it('shows each version with who wrote it and what changed, and lets a coordinator approve', async () => {
    localStorage.setItem(ACTOR_KEY, JSON.stringify({ name: 'Marta Choque', role: 'coordinator' }));
    const store = openStore();
    const actor = { name: 'Rosa Quispe', device: 'laptop-rosa', role: 'participant' as const };
    const created = await store.repository.create(
      'communities',
      createCommunityDraft({ name: 'Vereda El Silencio', population: 240 }),
      actor,
    );
    if (!created.ok) throw new Error('not created');
    await store.repository.update('communities', created.value.id, { population: 1250 }, actor, { expectedVersion: 1 });
    renderPanel(sessionOf(store), 'communities', created.value.id);

    const history = await screen.findByRole('region', { name: 'Historial' });
    await waitFor(() => expect(within(history).getByText(/Población:/).textContent).toBe('Población: 240 → 1250'));
    expect(within(history).getByText('Editado')).toBeTruthy();
    expect(within(history).getAllByText(/Rosa Quispe/)).toHaveLength(2);
    expect(screen.getByText('Recibido, sin revisar')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Aprobar' }));
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Revisión' })).getByText('Aprobado')).toBeTruthy(),
    );
    expect((await store.repository.get('communities', created.value.id))?.reviewState).toBe('approved');
    await waitFor(() => expect(within(history).getByText('Revisado')).toBeTruthy());
  });

  it('offers a participant neither review nor changes to someone else’s record, and shows deletions', async () => {
    localStorage.setItem(ACTOR_KEY, JSON.stringify({ name: 'João Silva', role: 'participant' }));
    const store = openStore();
    const coordinator = { name: 'Marta Choque', device: 'laptop', role: 'coordinator' as const };
    const created = await store.repository.create(
      'communities',
      createCommunityDraft({ name: 'San Isidro' }),
      coordinator,
    );
    if (!created.ok) throw new Error('not created');
    renderPanel(sessionOf(store), 'communities', created.value.id);
    await screen.findByRole('heading', { name: 'San Isidro' });
    expect(screen.queryByRole('button', { name: 'Aprobar' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Editar' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Borrar' })).toBeNull();

    await store.repository.remove('communities', created.value.id, coordinator);
    expect(await screen.findByText('Este registro fue borrado. Su historial queda abajo.')).toBeTruthy();
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Historial' })).getByText('Borrado', { selector: 'strong' }),
      ).toBeTruthy(),
    );
  });

  it('edits through a new version: the form saves with the version seen, and a stale one is a conflict', async () => {
    localStorage.setItem(ACTOR_KEY, JSON.stringify({ name: 'Marta Choque', role: 'coordinator' }));
    const store = openStore();
    const coordinator = { name: 'Marta Choque', device: 'laptop', role: 'coordinator' as const };
    const created = await store.repository.create(
      'communities',
      createCommunityDraft({ name: 'San Isidro', population: 420 }),
      coordinator,
    );
    if (!created.ok) throw new Error('not created');
    renderPanel(sessionOf(store), 'communities', created.value.id);
    fireEvent.click(await screen.findByRole('button', { name: 'Editar' }));
    fireEvent.change(screen.getByLabelText('Población'), { target: { value: '500' } });
    // Another laptop's edit arrives while this form is open.
    await store.repository.update('communities', created.value.id, { contacts: 'radio 5' }, coordinator, {
      expectedVersion: 1,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));
    expect(await screen.findByText(/Otra persona guardó este registro/)).toBeTruthy();
    expect((await store.repository.get('communities', created.value.id))?.population).toBe(420);
  });

  it('marks a record "has issues" only with a comment, which the panel then shows', async () => {
    localStorage.setItem(ACTOR_KEY, JSON.stringify({ name: 'Marta Choque', role: 'coordinator' }));
    const store = openStore();
    const actor = { name: 'Rosa Quispe', device: 'laptop-rosa', role: 'participant' as const };
    const created = await store.repository.create('communities', createCommunityDraft({ name: 'El Roble' }), actor);
    if (!created.ok) throw new Error('not created');
    renderPanel(sessionOf(store), 'communities', created.value.id);
    fireEvent.click(await screen.findByRole('button', { name: 'Marcar «tiene problemas»' }));
    const save = screen.getByRole('button', { name: 'Guardar revisión' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/¿Qué está mal\?/), {
      target: { value: 'La población no cuadra con el censo' },
    });
    fireEvent.click(save);
    const review = await screen.findByRole('region', { name: 'Revisión' });
    await waitFor(() =>
      expect(review.textContent).toBe('Tiene problemas — La población no cuadra con el censoAprobar'),
    );
    expect(await store.repository.get('communities', created.value.id)).toMatchObject({
      reviewState: 'has-issues',
      reviewComment: 'La población no cuadra con el censo',
    });
  });
});
