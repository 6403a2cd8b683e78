import { LAYER_GROUPS, useUiStore, type LayerGroup } from '../state/ui-store';
import { COLORS } from '../map/basin-style';
import { useT } from '../i18n/use-t';

const SWATCHES: Record<LayerGroup, { color: string; shape: 'line' | 'fill' | 'dot' | 'ring' | 'raster' }> = {
  hillshade: { color: '#9a9a9a', shape: 'raster' },
  subbasins: { color: COLORS.subbasinLine, shape: 'line' },
  territories: { color: COLORS.territoryLine, shape: 'fill' },
  rivers: { color: COLORS.river, shape: 'line' },
  intakes: { color: COLORS.intakeDomestic, shape: 'dot' },
  monitoringPoints: { color: COLORS.monitoringPoint, shape: 'ring' },
  outlet: { color: COLORS.outlet, shape: 'dot' },
};

function Swatch({ color, shape }: { color: string; shape: string }) {
  return <span className={`swatch swatch-${shape}`} style={{ '--swatch': color } as React.CSSProperties} aria-hidden="true" />;
}

/** The layer list: one toggle per layer group, each with its legend swatch. */
export function LayerList() {
  const t = useT();
  const layers = useUiStore((state) => state.layers);
  const toggleLayer = useUiStore((state) => state.toggleLayer);
  return (
    <section className="panel-section" aria-labelledby="layers-heading">
      <h2 id="layers-heading">{t('app.layers.title')}</h2>
      <ul className="layer-list">
        {[...LAYER_GROUPS].reverse().map((group) => (
          <li key={group}>
            <label>
              <input type="checkbox" checked={layers[group]} onChange={() => toggleLayer(group)} />
              <Swatch {...SWATCHES[group]} />
              {t(`app.layers.${group}`)}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The legend of symbols that the layer list does not already explain: uses of intakes and the flow highlight. */
export function Legend() {
  const t = useT();
  const entries: { key: string; color: string; shape: string }[] = [
    { key: 'app.legend.domestic', color: COLORS.intakeDomestic, shape: 'dot' },
    { key: 'app.legend.irrigation', color: COLORS.intakeIrrigation, shape: 'dot' },
    { key: 'app.legend.livestock', color: COLORS.intakeLivestock, shape: 'dot' },
    { key: 'app.legend.industry', color: COLORS.intakeIndustry, shape: 'dot' },
    { key: 'app.legend.upstream', color: COLORS.upstream, shape: 'line' },
    { key: 'app.legend.downstream', color: COLORS.downstream, shape: 'line' },
    { key: 'app.legend.riverOrder', color: COLORS.river, shape: 'wedge' },
  ];
  return (
    <section className="panel-section" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t('app.legend.title')}</h2>
      <ul className="legend">
        {entries.map((entry) => (
          <li key={entry.key}>
            <Swatch color={entry.color} shape={entry.shape} />
            {t(entry.key)}
          </li>
        ))}
      </ul>
    </section>
  );
}
