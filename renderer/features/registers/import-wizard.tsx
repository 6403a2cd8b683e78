import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  checkCsvMapping,
  createCsvImport,
  guessCsvMapping,
  type CsvCellError,
  type CsvMapping,
  type CsvPreviewRow,
} from '../../../src/io/csv-import';
import { parseCsvText, type CsvTable } from '../../../src/io/csv-table';
import { detectDecimalSeparator, type DecimalSeparator } from '../../../src/io/number-parse';
import { detectTextEncoding } from '../../../src/io/text-decode';
import type { IoIssue } from '../../../src/io/issues';
import { formatDateTime, formatNumber } from '../../../src/i18n/format';
import { translate } from '../../../src/i18n/translate';
import { UNITS, CANONICAL_UNITS, type UnitId } from '../../../src/domain/units';
import { useT, type Translator } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { currentActor } from '../../session/session';
import { startImportWorker } from './import-client';
import {
  convertRows,
  createRowConverter,
  importSchema,
  runCsvImport,
  wholeLines,
  type DateFormat,
  type ImportContext,
  type ImportKind,
  type ImportSettings,
  type MeasurementUnitChoice,
  type RunProgress,
  type RunResult,
} from './import-core';
import { enumLabel, unitSymbol } from './register-kinds';

/*
 * The CSV import wizard: pick the file, map its columns to fields (guessed from the header), choose how numbers
 * (1.234,5 or 1,234.5) and dates (31/12/2025 or 2025-12-31) are written and each number column's unit, and see the
 * first rows exactly as they will be read. Then the whole file is checked in a worker before anything is written;
 * errors are listed by row and column; and all rows are written in one transaction, or none.
 */

// The same first megabyte the worker judges the encoding on.
const PREVIEW_BYTES = 1024 * 1024;
const PREVIEW_ROWS = 8;
const MEASUREMENT_UNITS: readonly MeasurementUnitChoice[] = [
  'auto',
  'mg/L',
  'ug/L',
  'CFU/100mL',
  'MPN/100mL',
  'NTU',
  'm3/s',
  'L/s',
  'pH',
];

/** The start of a file, read for the preview and the guesses. */
interface FileHead {
  readonly file: File;
  readonly table: CsvTable;
  readonly textErrors: readonly IoIssue[];
  readonly wholeFile: boolean;
}

async function readHead(file: File): Promise<FileHead | IoIssue[]> {
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const wholeFile = file.size <= PREVIEW_BYTES;
  const lines = wholeLines(bytes, wholeFile);
  const text = new TextDecoder(detectTextEncoding(lines)).decode(lines).replace(/^\uFEFF/, '');
  const parsed = parseCsvText(text);
  if (!parsed.ok) return [...parsed.errors];
  return { file, table: parsed.table, textErrors: parsed.textErrors, wholeFile };
}

function guessDateFormat(samples: readonly string[]): DateFormat {
  const iso = samples.filter((sample) => /^\s*\d{4}-\d{2}-\d{2}/.test(sample)).length;
  return iso > samples.length / 2 ? 'iso' : 'dmy';
}

/** An error as "Row 5, column «Volume»: what is wrong", in the user's language. */
export function describeCellError(t: Translator, error: CsvCellError | IoIssue): string {
  const params = error.params;
  const message = translate(t.locale, error.code, params);
  if ('row' in error && error.row > 0 && error.column) return `${translate(t.locale, 'io.csv.at', params)}: ${message}`;
  if ('row' in error && error.row > 0 && !String(message).includes(String(error.row)))
    return `${t('registers.import.atRow', { row: error.row })}: ${message}`;
  return message;
}

function previewValue(t: Translator, kind: ImportKind, field: string, row: CsvPreviewRow, timeZone: string): string {
  const value = row.values[field];
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const spec = importSchema(kind).find((entry) => entry.name === field);
    const unit = spec?.units?.[0];
    const canonical = unit ? UNITS[CANONICAL_UNITS[UNITS[unit].quantity]].symbol : '';
    return `${formatNumber(value, t.locale, 3)}${canonical ? `\u00a0${canonical}` : ''}`;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, t.locale, timeZone);
  if (field === 'method') return enumLabel(t.locale, 'registers.method.', value);
  if (field === 'parameter') return enumLabel(t.locale, 'registers.parameter.', value);
  return value;
}

/** Props of the wizard. */
export interface ImportWizardProps {
  readonly kind: ImportKind;
  onClose(): void;
}

type Stage =
  | { readonly type: 'setup' }
  | { readonly type: 'running'; readonly progress: RunProgress | null; cancel(): void }
  | { readonly type: 'finished'; readonly result: RunResult | { readonly ok: false; readonly crashed: string } };

/** The CSV import wizard for withdrawals or measurements. */
export function ImportWizard({ kind, onClose }: ImportWizardProps) {
  const t = useT();
  const session = useSession();
  const schema = importSchema(kind);
  const [head, setHead] = useState<FileHead | null>(null);
  const [fileProblems, setFileProblems] = useState<readonly IoIssue[]>([]);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [decimal, setDecimal] = useState<DecimalSeparator>(t.locale === 'en' ? '.' : ',');
  const [dateFormat, setDateFormat] = useState<DateFormat>('dmy');
  const [valueUnit, setValueUnit] = useState<MeasurementUnitChoice>('auto');
  const [stage, setStage] = useState<Stage>({ type: 'setup' });
  const fileInput = useRef<HTMLInputElement>(null);
  const context = useImportContext();

  const pickFile = async (file: File) => {
    setStage({ type: 'setup' });
    const read = await readHead(file);
    if (Array.isArray(read)) {
      setHead(null);
      setFileProblems(read);
      return;
    }
    setFileProblems([]);
    setHead(read);
    const guess = guessCsvMapping(read.table.header, schema);
    setMapping(guess.mapping);
    const numberColumns = schema
      .filter((field) => field.kind === 'number')
      .map((field) => guess.mapping[field.name]?.column);
    const samples = read.table.rows
      .slice(0, 200)
      .flatMap((row) => numberColumns.map((column) => (column === undefined ? '' : (row.cells[column] ?? ''))));
    const detected = detectDecimalSeparator(samples).decimal;
    if (detected) setDecimal(detected);
    const dateColumns = schema
      .filter((field) => field.kind === 'datetime' || field.kind === 'date')
      .map((field) => guess.mapping[field.name]?.column);
    const dates = read.table.rows
      .slice(0, 50)
      .flatMap((row) => dateColumns.flatMap((column) => (column === undefined ? [] : [row.cells[column] ?? ''])));
    setDateFormat(guessDateFormat(dates.filter(Boolean)));
  };

  const settings: ImportSettings = useMemo(
    () => ({ kind, mapping, decimal, dateFormat, valueUnit }),
    [kind, mapping, decimal, dateFormat, valueUnit],
  );
  const mappingProblems = useMemo(
    () => (head ? checkCsvMapping(schema, head.table.header, mapping) : []),
    [head, schema, mapping],
  );
  const preview = useMemo(() => {
    if (!head || !context || mappingProblems.length > 0) return null;
    const made = createCsvImport(head.table, schema, mapping, { decimal, offsetMinutes: context.offsetMinutes });
    if (!made.ok) return null;
    const rows = made.value.previewRows(PREVIEW_ROWS);
    const converter = createRowConverter(settings, context, head.table.header);
    const errorsByRow = new Map<number, CsvCellError[]>();
    for (const row of rows) {
      convertRows(
        [row],
        converter,
        () => undefined,
        (errors) => errorsByRow.set(row.rowNumber, [...errors]),
      );
    }
    return { rows, errorsByRow };
  }, [head, mappingProblems, schema, mapping, decimal, context, settings]);

  const run = () => {
    if (!head || !context) return;
    const actor = currentActor();
    const onProgress = (progress: RunProgress) =>
      setStage((old) => (old.type === 'running' ? { ...old, progress } : old));
    if (typeof Worker === 'function') {
      const running = startImportWorker(head.file, settings, context, actor, session.db.name, onProgress);
      setStage({ type: 'running', progress: null, cancel: running.cancel });
      void running.result.then((result) => setStage({ type: 'finished', result }));
      return;
    }
    // Without workers (tests in jsdom), the same run on this thread.
    const controller = new AbortController();
    setStage({ type: 'running', progress: null, cancel: () => controller.abort() });
    void (async () => {
      const text = await head.file.text();
      const result = await runCsvImport([text], settings, context, session.repository, actor, {
        signal: controller.signal,
        onProgress,
      });
      setStage({ type: 'finished', result });
    })();
  };

  const fieldLabel = (name: string) => t(`registers.import.field.${kind}.${name}`);
  const mappedFields = schema.filter((field) => mapping[field.name] !== undefined);

  return (
    <section className="import-wizard" aria-label={t(`registers.import.title.${kind}`)}>
      <header className="pane-header">
        <h2>{t(`registers.import.title.${kind}`)}</h2>
        <button type="button" onClick={onClose} disabled={stage.type === 'running'}>
          {t('registers.import.close')}
        </button>
      </header>
      <div className="import-body">
        <p className="import-intro">{t(`registers.import.intro.${kind}`)}</p>
        <div className="import-file">
          <label className="file-button">
            <span>{t(head ? 'registers.import.otherFile' : 'registers.import.pickFile')}</span>
            <input
              ref={fileInput}
              type="file"
              accept=".csv,.txt,text/csv"
              disabled={stage.type === 'running'}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void pickFile(file);
                event.target.value = '';
              }}
            />
          </label>
          {head && (
            <span className="file-name">
              {head.file.size >= 1_048_576
                ? t('registers.import.fileInfoMb', {
                    name: head.file.name,
                    size: formatNumber(head.file.size / 1_048_576, t.locale, 1),
                  })
                : t('registers.import.fileInfo', {
                    name: head.file.name,
                    size: formatNumber(head.file.size / 1024, t.locale, 1),
                  })}
            </span>
          )}
        </div>
        {stage.type === 'running' && <ImportProgressView progress={stage.progress} onCancel={stage.cancel} />}
        {stage.type === 'finished' && <ImportOutcome result={stage.result} />}
        {fileProblems.map((problem, index) => (
          <p key={index} className="field-error" role="alert">
            {describeCellError(t, problem)}
          </p>
        ))}
        {head && stage.type !== 'running' && (
          <>
            <div className="import-settings">
              <label>
                <span>{t('registers.import.decimal')}</span>
                <select value={decimal} onChange={(event) => setDecimal(event.target.value as DecimalSeparator)}>
                  <option value=",">{t('registers.import.decimalComma')}</option>
                  <option value=".">{t('registers.import.decimalPoint')}</option>
                </select>
              </label>
              <label>
                <span>{t('registers.import.dateFormat')}</span>
                <select value={dateFormat} onChange={(event) => setDateFormat(event.target.value as DateFormat)}>
                  <option value="dmy">{t('registers.import.dateDmy')}</option>
                  <option value="iso">{t('registers.import.dateIso')}</option>
                </select>
              </label>
            </div>
            <table className="import-mapping">
              <caption>{t('registers.import.mappingTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('registers.import.fieldColumn')}</th>
                  <th scope="col">{t('registers.import.fileColumn')}</th>
                  <th scope="col">{t('registers.import.unitColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {schema.map((field) => {
                  const choice = mapping[field.name];
                  return (
                    <tr key={field.name}>
                      <th scope="row">
                        {fieldLabel(field.name)}
                        {field.required && <span className="required"> *</span>}
                      </th>
                      <td>
                        <select
                          aria-label={t('registers.import.columnFor', { field: fieldLabel(field.name) })}
                          value={choice === undefined ? '' : String(choice.column)}
                          onChange={(event) => {
                            const next: Record<string, { column: number; unit?: UnitId }> = { ...mapping };
                            if (event.target.value === '') delete next[field.name];
                            else
                              next[field.name] = {
                                column: Number(event.target.value),
                                ...(choice?.unit ? { unit: choice.unit } : {}),
                              };
                            setMapping(next);
                          }}
                        >
                          <option value="">{t('registers.import.noColumn')}</option>
                          {head.table.header.map((name, column) => (
                            <option key={column} value={column}>
                              {name || t('registers.import.columnNumber', { number: column + 1 })}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        {field.units && choice !== undefined && (
                          <select
                            aria-label={t('registers.import.unitFor', { field: fieldLabel(field.name) })}
                            value={choice.unit ?? field.units[0]}
                            onChange={(event) =>
                              setMapping({
                                ...mapping,
                                [field.name]: { column: choice.column, unit: event.target.value as UnitId },
                              })
                            }
                          >
                            {field.units.map((unit) => (
                              <option key={unit} value={unit}>
                                {unitSymbol(unit, t.locale)}
                              </option>
                            ))}
                          </select>
                        )}
                        {kind === 'measurements' && field.name === 'value' && mapping['unit'] === undefined && (
                          <select
                            aria-label={t('registers.import.unitFor', { field: fieldLabel(field.name) })}
                            value={valueUnit}
                            onChange={(event) => setValueUnit(event.target.value as MeasurementUnitChoice)}
                          >
                            {MEASUREMENT_UNITS.map((unit) => (
                              <option key={unit} value={unit}>
                                {unit === 'auto' ? t('registers.import.unitAuto') : unitSymbol(unit, t.locale)}
                              </option>
                            ))}
                          </select>
                        )}
                        {kind === 'measurements' && field.name === 'value' && mapping['unit'] !== undefined && (
                          <span className="hint">{t('registers.import.unitFromColumn')}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {mappingProblems.map((problem, index) => (
              <p key={index} className="field-error" role="alert">
                {t.message(problem)}
              </p>
            ))}
            {preview && (
              <div className="import-preview">
                <h3>{t('registers.import.previewTitle', { count: preview.rows.length })}</h3>
                <div className="preview-scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('registers.import.row')}</th>
                        {mappedFields.map((field) => (
                          <th key={field.name} scope="col">
                            {fieldLabel(field.name)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows.map((row) => {
                        const errors = [...row.errors, ...(preview.errorsByRow.get(row.rowNumber) ?? [])];
                        return (
                          <tr key={row.rowNumber} className={errors.length > 0 ? 'invalid' : undefined}>
                            <th scope="row">{row.rowNumber}</th>
                            {mappedFields.map((field) => {
                              const error = errors.find((candidate) => candidate.field === field.name);
                              return (
                                <td
                                  key={field.name}
                                  className={error ? 'invalid' : undefined}
                                  title={error ? translate(t.locale, error.code, error.params) : row.raw[field.name]}
                                >
                                  {error
                                    ? `⚠ ${row.raw[field.name] ?? ''}`
                                    : previewValue(t, kind, field.name, row, session.basin.info.settings.timeZone)}
                                </td>
                              );
                            })}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                {[...preview.rows.flatMap((row) => row.errors), ...[...preview.errorsByRow.values()].flat()]
                  .slice(0, 6)
                  .map((error, index) => (
                    <p key={index} className="field-error">
                      {describeCellError(t, error)}
                    </p>
                  ))}
              </div>
            )}
            <div className="form-buttons">
              <button type="button" className="primary" disabled={mappingProblems.length > 0 || !context} onClick={run}>
                {t('registers.import.run')}
              </button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}

function ImportProgressView({ progress, onCancel }: { readonly progress: RunProgress | null; onCancel(): void }) {
  const t = useT();
  const [cancelled, setCancelled] = useState(false);
  const phase = progress?.phase ?? 'read';
  const fraction = progress && progress.total > 0 ? progress.done / progress.total : 0;
  return (
    <div className="import-progress" role="status">
      <p>
        {progress === null
          ? t('registers.import.starting')
          : t(`registers.import.phase.${phase}`, {
              done: formatNumber(
                progress.phase === 'read' ? progress.done / 1_048_576 : progress.done,
                t.locale,
                progress.phase === 'read' ? 1 : 0,
              ),
              total: formatNumber(
                progress.phase === 'read' ? progress.total / 1_048_576 : progress.total,
                t.locale,
                progress.phase === 'read' ? 1 : 0,
              ),
            })}
      </p>
      <progress max={1} value={fraction} aria-label={t('registers.import.progress')} />
      <button
        type="button"
        disabled={cancelled}
        onClick={() => {
          setCancelled(true);
          onCancel();
        }}
      >
        {t(cancelled ? 'registers.import.cancelling' : 'registers.import.cancel')}
      </button>
    </div>
  );
}

function ImportOutcome({ result }: { readonly result: RunResult | { readonly ok: false; readonly crashed: string } }) {
  const t = useT();
  if (result.ok) {
    return (
      <p className="import-done" role="status">
        {t('registers.import.done', { count: result.count })}
      </p>
    );
  }
  if ('crashed' in result) {
    return (
      <p className="field-error" role="alert">
        {t('registers.import.crashed', { detail: result.crashed })}
      </p>
    );
  }
  if ('storeProblems' in result) {
    return (
      <div className="import-errors" role="alert">
        {result.storeProblems.map((problem, index) => (
          <p key={index}>{t.message(problem)}</p>
        ))}
      </div>
    );
  }
  return (
    <div className="import-errors" role="alert">
      <h3>{t('registers.import.failed', { count: result.errors.length })}</h3>
      <p>{t('registers.import.nothingWritten')}</p>
      <ul>
        {result.errors.map((error, index) => (
          <li key={index}>{describeCellError(t, error)}</li>
        ))}
      </ul>
      {result.truncated && <p>{t('registers.import.moreErrors')}</p>}
    </div>
  );
}

/** Intakes and monitoring points by name, and the basin's clock, for the import; undefined until read. */
function useImportContext(): ImportContext | undefined {
  const session = useSession();
  return useLiveQuery(async () => {
    const [intakes, points] = await Promise.all([
      session.repository.list('intakes'),
      session.repository.list('monitoringPoints'),
    ]);
    return {
      intakes: intakes.map((intake) => ({ id: intake.id, name: intake.name })),
      points: points.map((point) => ({ id: point.id, name: point.name })),
      offsetMinutes: session.basin.info.settings.utcOffsetMinutes,
    };
  }, [session]);
}
