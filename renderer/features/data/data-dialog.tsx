import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import Dexie from 'dexie';
import { backupFileName, decodeBackup, encodeBackup, type Backup } from '../../../src/io/backup';
import { hasGeometry, recordsToCsv, recordsToGeoJson } from '../../../src/io/record-export';
import { formatAuditCheckpoint } from '../../../src/audit/chain';
import { formatDate, formatNumber } from '../../../src/i18n/format';
import {
  RECORD_KINDS,
  type RecordKind,
  type StoreAuditVerification,
  type StoreDigest,
} from '../../../src/ports/repository';
import type { CodedMessage } from '../../../src/i18n/translate';
import { host } from '../../bridge';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { createBackup, restoreBackup, checkBackup } from './backup-store';
import './data.css';

/*
 * The data dialog: is the register intact (the audit chain, re-hashed), how many records of each kind, backup and
 * restore of everything, exports of one register, going back to the sample basin, and a short help. Opened from
 * the top bar and from the File and Help menus.
 */

/** Sections the menu can open the dialog at. */
export type DataSection = 'integrity' | 'backup' | 'restore' | 'export' | 'sample' | 'help';

/** Whether the dialog is open, and at which section. */
export const useDataDialog = create<{
  section: DataSection | null;
  show(section: DataSection): void;
  hide(): void;
}>((set) => ({
  section: null,
  show: (section) => set({ section }),
  hide: () => set({ section: null }),
}));

type Notice = {
  readonly tone: 'ok' | 'error';
  readonly message: CodedMessage;
} | null;

const EXPORT_KINDS: readonly RecordKind[] = RECORD_KINDS.filter((kind) => kind !== 'attachments');

function bytesOfText(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

function Integrity() {
  const t = useT();
  const { repository } = useSession();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<StoreAuditVerification | null>(null);
  const [digest, setDigest] = useState<StoreDigest | null>(null);
  useEffect(() => {
    void repository.counts().then(setDigest);
  }, [repository]);
  const verify = async () => {
    setBusy(true);
    setResult(null);
    setResult(await repository.verifyAudit());
    setDigest(await repository.counts());
    setBusy(false);
  };
  return (
    <section aria-labelledby="data-integrity">
      <h3 id="data-integrity">{t('data.integrity.title')}</h3>
      <p className="explain">{t('data.integrity.explain')}</p>
      <button type="button" className="primary" onClick={() => void verify()} disabled={busy}>
        {busy ? t('data.integrity.verifying') : t('data.integrity.verify')}
      </button>
      {result?.ok === true && (
        <div className="notice ok" role="status">
          <p>
            {t('data.integrity.ok', {
              entries: result.head.seq,
              versions: result.versionsChecked,
            })}
          </p>
          <p className="checkpoint">
            {t('data.integrity.head', {
              checkpoint: formatAuditCheckpoint(result.head),
            })}
          </p>
        </div>
      )}
      {result?.ok === false && (
        <div className="notice error" role="alert">
          {'firstBadSeq' in result ? (
            <p>
              {t('data.integrity.failed', {
                seq: result.firstBadSeq,
                reason: t(`data.integrity.reason.${result.reason}`),
              })}
            </p>
          ) : (
            <p>
              {t('data.integrity.unaudited', {
                kind: t(`data.kind.${result.kind}`),
                found: 'found' in result ? result.found : 0,
                expected: 'expected' in result ? result.expected : 0,
              })}
            </p>
          )}
        </div>
      )}
      {digest && (
        <table className="counts">
          <caption>{t('data.counts.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.counts.kind')}</th>
              <th scope="col">{t('data.counts.records')}</th>
              <th scope="col">{t('data.counts.deleted')}</th>
            </tr>
          </thead>
          <tbody>
            {digest.tables.map((table) => (
              <tr key={table.kind}>
                <th scope="row">{t(`data.kind.${table.kind}`)}</th>
                <td>{formatNumber(table.records, t.locale)}</td>
                <td>{formatNumber(table.deleted, t.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function BackupSection({ onNotice }: { readonly onNotice: (notice: Notice) => void }) {
  const t = useT();
  const { db, basin } = useSession();
  const save = async () => {
    const now = new Date().toISOString();
    const backup = await createBackup(db, basin.info.name, now);
    const records = RECORD_KINDS.reduce((sum, kind) => sum + (backup.json.tables[kind]?.length ?? 0), 0);
    const saved = await host['file:save']({
      suggestedName: backupFileName(basin.info.name, now),
      data: encodeBackup(backup) as Uint8Array<ArrayBuffer>,
      mimeType: 'application/zip',
    });
    if (!saved.ok)
      onNotice({
        tone: 'error',
        message: { code: 'data.failed', params: { detail: saved.detail } },
      });
    else if (saved.value.saved)
      onNotice({
        tone: 'ok',
        message: { code: 'data.backup.saved', params: { records } },
      });
  };
  return (
    <section aria-labelledby="data-backup">
      <h3 id="data-backup">{t('data.backup.title')}</h3>
      <p className="explain">{t('data.backup.explain')}</p>
      <button type="button" className="primary" onClick={() => void save()}>
        {t('data.backup.save')}
      </button>
    </section>
  );
}

function RestoreSection({ onNotice }: { readonly onNotice: (notice: Notice) => void }) {
  const t = useT();
  const { db } = useSession();
  const [pending, setPending] = useState<{
    backup: Backup;
    records: number;
    entries: number;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    onNotice(null);
    const opened = await host['file:open']({
      titleKey: 'data.restore.open',
      filters: [{ name: t('data.backup.title'), extensions: ['wcbackup', 'zip'] }],
      multiple: false,
    });
    if (!opened.ok)
      return onNotice({
        tone: 'error',
        message: { code: 'data.failed', params: { detail: opened.detail } },
      });
    const file = opened.value.files[0];
    if (opened.value.canceled || !file) return;
    setBusy(true);
    const decoded = decodeBackup(file.bytes);
    if (!decoded.ok) {
      setBusy(false);
      return onNotice({ tone: 'error', message: decoded.problem });
    }
    const checked = await checkBackup(decoded.backup, db);
    setBusy(false);
    if (!checked.ok) return onNotice({ tone: 'error', message: checked.problem });
    setPending({
      backup: decoded.backup,
      records: checked.records,
      entries: checked.auditEntries,
    });
  };
  const replace = async () => {
    if (!pending) return;
    setBusy(true);
    const restored = await restoreBackup(pending.backup, db);
    setBusy(false);
    setPending(null);
    if (!restored.ok) return onNotice({ tone: 'error', message: restored.problem });
    onNotice({ tone: 'ok', message: { code: 'data.restore.done' } });
    globalThis.location.reload();
  };
  return (
    <section aria-labelledby="data-restore">
      <h3 id="data-restore">{t('data.restore.title')}</h3>
      <p className="explain">{t('data.restore.explain')}</p>
      <button type="button" onClick={() => void open()} disabled={busy}>
        {busy ? t('data.restore.checking') : t('data.restore.open')}
      </button>
      {pending && (
        <div className="notice confirm" role="alertdialog" aria-label={t('data.restore.title')}>
          <p>
            {t('data.restore.confirm', {
              basin: pending.backup.json.basinName,
              date: formatDate(pending.backup.json.createdAt, t.locale, 'long'),
              records: pending.records,
              entries: pending.entries,
            })}
          </p>
          <button type="button" className="danger" onClick={() => void replace()} disabled={busy}>
            {t('data.restore.replace')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('data.restore.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}

function ExportSection({ onNotice }: { readonly onNotice: (notice: Notice) => void }) {
  const t = useT();
  const { db, basin } = useSession();
  const [kind, setKind] = useState<RecordKind>('withdrawals');
  const [format, setFormat] = useState<'csv' | 'geojson'>('csv');
  const run = async () => {
    const records = (await db.recordTable(kind).toArray()) as unknown as Record<string, unknown>[];
    if (format === 'geojson' && !hasGeometry(records))
      return onNotice({
        tone: 'error',
        message: { code: 'data.export.noGeometry' },
      });
    const text = format === 'csv' ? recordsToCsv(records, t.locale) : recordsToGeoJson(records);
    const name = `${backupFileName(basin.info.name, new Date().toISOString()).replace('.wcbackup', '')}-${kind}.${format}`;
    const saved = await host['file:save']({
      suggestedName: name,
      data: bytesOfText(text),
      mimeType: format === 'csv' ? 'text/csv' : 'application/geo+json',
    });
    if (!saved.ok)
      return onNotice({
        tone: 'error',
        message: { code: 'data.failed', params: { detail: saved.detail } },
      });
    const count = records.filter((record) => record['deleted'] !== true).length;
    if (saved.value.saved)
      onNotice({
        tone: 'ok',
        message: { code: 'data.export.saved', params: { count } },
      });
  };
  return (
    <section aria-labelledby="data-export">
      <h3 id="data-export">{t('data.export.title')}</h3>
      <p className="explain">{t('data.export.explain')}</p>
      <div className="row">
        <label>
          <span>{t('data.export.kind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as RecordKind)}>
            {EXPORT_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`data.kind.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('data.export.format')}</span>
          <select value={format} onChange={(event) => setFormat(event.target.value as 'csv' | 'geojson')}>
            <option value="csv">{t('data.export.csv')}</option>
            <option value="geojson">{t('data.export.geojson')}</option>
          </select>
        </label>
        <button type="button" onClick={() => void run()}>
          {t('data.export.save')}
        </button>
      </div>
    </section>
  );
}

function SampleSection() {
  const t = useT();
  const { db } = useSession();
  const [confirming, setConfirming] = useState(false);
  const reset = async () => {
    db.close();
    await Dexie.delete(db.name);
    globalThis.location.reload();
  };
  return (
    <section aria-labelledby="data-sample">
      <h3 id="data-sample">{t('data.sample.title')}</h3>
      <p className="explain">{t('data.sample.explain')}</p>
      {confirming ? (
        <div className="notice confirm" role="alertdialog" aria-label={t('data.sample.title')}>
          <p>{t('data.sample.confirm')}</p>
          <button type="button" className="danger" onClick={() => void reset()}>
            {t('data.sample.confirmButton')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('data.restore.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('data.sample.reset')}
        </button>
      )}
    </section>
  );
}

function Help() {
  const t = useT();
  return (
    <section aria-labelledby="data-help">
      <h3 id="data-help">{t('data.help.title')}</h3>
      <ul className="help">
        <li>{t('data.help.map')}</li>
        <li>{t('data.help.registers')}</li>
        <li>{t('data.help.findings')}</li>
        <li>{t('data.help.agreement')}</li>
        <li>{t('data.help.data')}</li>
      </ul>
    </section>
  );
}

/** The data dialog; rendered once by the shell, shown when `useDataDialog` has a section. */
export function DataDialog() {
  const section = useDataDialog((state) => state.section);
  return section ? <DataDialogBody key={section} section={section} /> : null;
}

function DataDialogBody({ section }: { readonly section: DataSection }) {
  const t = useT();
  const hide = useDataDialog((state) => state.hide);
  const [notice, setNotice] = useState<Notice>(null);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    body.current?.querySelector(`[data-section="${section}"]`)?.scrollIntoView({ block: 'start' });
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && hide();
    globalThis.addEventListener('keydown', onKey);
    return () => globalThis.removeEventListener('keydown', onKey);
  }, [section, hide]);
  return (
    <div className="modal-backdrop" onClick={(event) => event.target === event.currentTarget && hide()}>
      <div className="modal data-dialog" role="dialog" aria-modal="true" aria-labelledby="data-title">
        <header>
          <h2 id="data-title">{t('data.title')}</h2>
          <button type="button" onClick={hide}>
            {t('data.close')}
          </button>
        </header>
        {notice && (
          <div className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
            {t.message(notice.message)}
          </div>
        )}
        <div className="modal-body" ref={body}>
          <div data-section="help">{section === 'help' && <Help />}</div>
          <div data-section="integrity">
            <Integrity />
          </div>
          <div data-section="backup">
            <BackupSection onNotice={setNotice} />
          </div>
          <div data-section="restore">
            <RestoreSection onNotice={setNotice} />
          </div>
          <div data-section="export">
            <ExportSection onNotice={setNotice} />
          </div>
          <div data-section="sample">
            <SampleSection />
          </div>
        </div>
      </div>
    </div>
  );
}

/** The top-bar button that opens the dialog. */
export function DataButton() {
  const t = useT();
  const show = useDataDialog((state) => state.show);
  return (
    <button type="button" onClick={() => show('integrity')}>
      {t('data.open')}
    </button>
  );
}
