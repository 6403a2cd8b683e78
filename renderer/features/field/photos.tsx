import { useEffect, useState } from 'react';
import { useSession } from '../../session/session-context';
import { currentActor } from '../../session/session';
import { useT } from '../../i18n/use-t';
import type { CodedMessage } from '../../../src/i18n/translate';

/*
 * Photos of events and visits: picked from disk, stored as attachments (repository.putAttachment), shown as
 * thumbnails, full size on click.
 */

/** Largest photo accepted, bytes (a phone photo is 2 to 8 MB). */
export const MAX_PHOTO_BYTES = 25 * 1024 * 1024;

/** Checks picked files before anything is written: images only, not too large. */
export function checkPhotos(files: readonly File[]): CodedMessage | null {
  for (const file of files) {
    if (!file.type.startsWith('image/')) return { code: 'field.photos.notImage', params: { name: file.name } };
    if (file.size > MAX_PHOTO_BYTES) return { code: 'field.photos.tooLarge', params: { name: file.name, maxMb: 25 } };
  }
  return null;
}

/** Stores photos as attachments; all or nothing (attachments already written are removed if one fails). */
export async function storePhotos(
  repository: ReturnType<typeof useSession>['repository'],
  files: readonly File[],
): Promise<{ ok: true; ids: string[] } | { ok: false; error: CodedMessage }> {
  const actor = currentActor();
  const ids: string[] = [];
  for (const file of files) {
    const result = await repository.putAttachment(
      { mimeType: file.type, fileName: file.name.slice(0, 200), sizeBytes: file.size },
      file,
      actor,
    );
    if (!result.ok) {
      for (const id of ids) await repository.remove('attachments', id, actor);
      return { ok: false, error: result.problems[0] ?? { code: 'field.photos.failed', params: {} } };
    }
    ids.push(result.value.id);
  }
  return { ok: true, ids };
}

function useAttachmentUrl(id: string): string | null {
  const { repository } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void repository.getAttachmentBlob(id).then((blob) => {
      if (!live || !blob) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [repository, id]);
  return url;
}

function Thumbnail({ id, index, onOpen }: { readonly id: string; readonly index: number; readonly onOpen: (url: string) => void }) {
  const t = useT();
  const url = useAttachmentUrl(id);
  if (!url) return <span className="field-thumb field-thumb-empty" aria-hidden="true" />;
  return (
    <button type="button" className="field-thumb" onClick={() => onOpen(url)} aria-label={t('field.photos.open', { number: index + 1 })}>
      <img src={url} alt={t('field.photos.alt', { number: index + 1 })} />
    </button>
  );
}

/** Thumbnails of stored photos; a click shows the photo full size until closed. */
export function PhotoStrip({ ids }: { readonly ids: readonly string[] }) {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  if (ids.length === 0) return null;
  return (
    <>
      <div className="field-thumbs">
        {ids.map((id, index) => (
          <Thumbnail key={id} id={id} index={index} onOpen={setOpen} />
        ))}
      </div>
      {open && (
        <div className="field-lightbox" role="dialog" aria-modal="true" aria-label={t('field.photos.fullSize')} onClick={() => setOpen(null)}>
          <img src={open} alt={t('field.photos.fullSize')} />
          <button type="button" className="primary" onClick={() => setOpen(null)}>
            {t('field.close')}
          </button>
        </div>
      )}
    </>
  );
}

/** A file input for photos, with the chosen files listed. */
export function PhotoPicker({ files, onChange }: { readonly files: readonly File[]; readonly onChange: (files: File[]) => void }) {
  const t = useT();
  return (
    <label className="field-wide field-file-button">
      {t('field.photos.label')}
      <span className="field-file-face">{files.length > 0 ? t('field.photos.chosen', { count: files.length }) : t('field.photos.choose')}</span>
      <input type="file" accept="image/*" multiple onChange={(event) => onChange(Array.from(event.target.files ?? []))} />
    </label>
  );
}
