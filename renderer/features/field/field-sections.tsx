import './field.css';
import { EventActions, EventSection } from './contamination';
import { MeasurementSection, PointSection, QualityActions } from './quality';
import { SiteActions, SiteSection, VisitSection } from './restoration';

/*
 * Entry points of the field registers (contamination events, water quality, restoration sites), which the
 * registers module renders above each register's table and inside each record's panel, and the shell mounts
 * for the map. Kinds this module does not own render nothing.
 */

/** Actions above a register's table (e.g. "Report an event"), for the kinds this module owns. */
export function FieldActions({ kind }: { readonly kind: string }) {
  switch (kind) {
    case 'contaminationEvents':
      return <EventActions />;
    case 'measurements':
    case 'monitoringPoints':
      return <QualityActions />;
    case 'restorationSites':
      return <SiteActions />;
    default:
      return null;
  }
}

/** Extra sections of a record's panel for the kinds this module owns (downstream list, visits, photos...). */
export function FieldRecordSection({ kind, id }: { readonly kind: string; readonly id: string }) {
  switch (kind) {
    case 'contaminationEvents':
      return <EventSection id={id} />;
    case 'monitoringPoints':
      return <PointSection id={id} />;
    case 'measurements':
      return <MeasurementSection id={id} />;
    case 'restorationSites':
      return <SiteSection id={id} />;
    case 'restorationVisits':
      return <VisitSection id={id} />;
    default:
      return null;
  }
}

export { FieldOverlays } from './overlays';
export { FieldLegend } from './legend';
export { BasemapSettings } from './basemap';
