import { useT } from '../../i18n/use-t';
import { FIELD_COLORS } from './overlays';

/*
 * The legend of the field layers, for the Map tab beside the basin legend: events by status, restoration sites by
 * status, the river below the selected event, and the ring of a sampling point over its guideline.
 */

/** Legend entries of the field overlays. */
export function FieldLegend() {
  const t = useT();
  const swatch = (style: React.CSSProperties, className: string) => <span className={`field-swatch ${className}`} style={style} aria-hidden="true" />;
  return (
    <section className="panel-section" aria-labelledby="field-legend-heading">
      <h2 id="field-legend-heading">{t('field.legendTitle')}</h2>
      <ul className="legend field-map-legend">
        {(['open', 'contained', 'remediated'] as const).map((status) => (
          <li key={status}>
            {swatch({ backgroundColor: FIELD_COLORS.event[status] }, 'field-swatch-event')}
            {t('field.legendEvent', { status: t(`registers.eventStatus.${status}`) })}
          </li>
        ))}
        {(['planned', 'in-progress', 'done', 'failed'] as const).map((status) => (
          <li key={status}>
            {swatch({ backgroundColor: FIELD_COLORS.site[status], borderColor: FIELD_COLORS.siteLine[status] }, 'field-swatch-site')}
            {t('field.legendSite', { status: t(`registers.siteStatus.${status}`) })}
          </li>
        ))}
        <li>
          {swatch({ backgroundColor: FIELD_COLORS.downstream }, 'field-swatch-line')}
          {t('field.legendDownstream')}
        </li>
        <li>
          {swatch({ borderColor: FIELD_COLORS.exceedance }, 'field-swatch-ring')}
          {t('field.legendExceedance')}
        </li>
      </ul>
    </section>
  );
}
