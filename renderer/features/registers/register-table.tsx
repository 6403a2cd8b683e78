import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { Column, TableRow } from './register-kinds';

/** Height of one row, pixels; fixed so only the visible rows need to exist in the page. */
export const ROW_HEIGHT = 38;
const OVERSCAN = 8;

/** Props of the register table. */
export interface RegisterTableProps {
  readonly columns: readonly Column<never>[];
  readonly rows: readonly TableRow[];
  readonly sort: { readonly column: number; readonly descending: boolean } | null;
  readonly selectedId: string | null;
  readonly label: string;
  onSort(column: number): void;
  onRowClick(row: TableRow): void;
}

/**
 * A table of thousands of records that renders only the rows in view (plus a few), with spacer rows keeping the
 * scroll height true; the header stays in place. Rows are buttons to the keyboard: Enter or Space opens one. Give it
 * a new `key` when the filters change, so it starts again at the top.
 */
export function RegisterTable({ columns, rows, sort, selectedId, label, onSort, onRowClick }: RegisterTableProps) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight || 600));
    // The observer reports the first size at once, then every change.
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => setScrollTop(scroller.current?.scrollTop ?? 0), []);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);

  return (
    <div className="register-table-scroll" ref={scroller} onScroll={onScroll} tabIndex={-1}>
      <table className="register-table" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {columns.map((column, index) => {
              const sorted = sort?.column === index ? (sort.descending ? 'descending' : 'ascending') : 'none';
              return (
                <th
                  key={column.key}
                  aria-sort={sorted}
                  className={column.numeric ? 'numeric' : column.wide ? 'wide' : undefined}
                  scope="col"
                >
                  <button type="button" onClick={() => onSort(index)} title={t('registers.table.sortHint')}>
                    {t(column.labelKey)}
                    <span className="sort-mark" aria-hidden="true">
                      {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr className="spacer" aria-hidden="true" style={{ height: first * ROW_HEIGHT }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {visible.map((row, offset) => (
            <tr
              key={row.id}
              aria-rowindex={first + offset + 2}
              aria-selected={row.id === selectedId}
              tabIndex={0}
              onClick={() => onRowClick(row)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onRowClick(row);
                }
              }}
              className={
                row.record.reviewState === 'received'
                  ? 'received'
                  : row.record.reviewState === 'has-issues'
                    ? 'has-issues'
                    : undefined
              }
            >
              {row.cells.map((cell, index) => (
                <td
                  key={columns[index]?.key ?? index}
                  className={columns[index]?.numeric ? 'numeric' : undefined}
                  title={cell.text}
                >
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
          {last < rows.length && (
            <tr className="spacer" aria-hidden="true" style={{ height: (rows.length - last) * ROW_HEIGHT }}>
              <td colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="register-empty">{t('registers.table.empty')}</p>}
    </div>
  );
}
