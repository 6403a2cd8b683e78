import { z } from 'zod';

/*
 * Every record kind of DESIGN.md, as zod schemas (validation at the edges: forms, imports, IPC, packages) and the
 * TypeScript types inferred from them. Quantities are stored in canonical units (m3, L/s, m3/s, ha, km, mg/L);
 * what the user typed is kept beside the canonical value where units were converted.
 */

const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'iso-datetime');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'iso-date');
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const position = z.array(z.number()).min(2);
const polygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) });
const multiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(position))),
});
const lineGeometry = z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) });
const pointGeometry = z.object({ type: z.literal('Point'), coordinates: position });

/** ISO 8601 date-time with offset, e.g. 2026-03-01T00:00:00Z. */
export const IsoDateTimeSchema = isoDateTime;
/** ISO 8601 calendar date, e.g. 2026-03-01. */
export const IsoDateSchema = isoDate;
/** [longitude, latitude] in WGS84 degrees. */
export const LonLatSchema = lonLat;
/** A GeoJSON Polygon or MultiPolygon in WGS84. */
export const AreaGeometrySchema = z.union([polygonGeometry, multiPolygonGeometry]);
/** A GeoJSON Polygon or LineString in WGS84 (restoration sites are drawn as either). */
export const SiteGeometrySchema = z.union([polygonGeometry, lineGeometry, multiPolygonGeometry]);
/** A GeoJSON Point or Polygon in WGS84 (protected features). */
export const FeatureGeometrySchema = z.union([pointGeometry, polygonGeometry, multiPolygonGeometry]);

/** Where a point sits on the river network: reach, fraction along it (0 upstream end, 1 downstream), snap distance. */
export const NetworkSnapSchema = z.object({
  reachId: z.string().min(1),
  fraction: z.number().min(0).max(1),
  distanceM: z.number().min(0),
});
export type NetworkSnap = z.infer<typeof NetworkSnapSchema>;

/** Review state of a registration, as in ODK: imported or received records start as `received`. */
export const ReviewStateSchema = z.enum(['received', 'approved', 'has-issues']);
export type ReviewState = z.infer<typeof ReviewStateSchema>;

/** Fields every stored record carries. `version` starts at 1; each edit or deletion adds one. */
export const RecordMetaSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  author: z.string().min(1),
  device: z.string().min(1),
  deleted: z.boolean(),
  reviewState: ReviewStateSchema,
  reviewComment: z.string().optional(),
});
export type RecordMeta = z.infer<typeof RecordMetaSchema>;

/** Uses of water an intake serves; domestic use has first priority in scarcity. */
export const WaterUseSchema = z.enum(['domestic', 'irrigation', 'livestock', 'industry']);
export type WaterUse = z.infer<typeof WaterUseSchema>;

export const CommunitySchema = RecordMetaSchema.extend({
  name: z.string().min(1).max(200),
  territory: AreaGeometrySchema.nullable(),
  population: z.number().int().min(0),
  contacts: z.string().max(2000),
  populationWomen: z.number().int().min(0).optional(),
});
export type Community = z.infer<typeof CommunitySchema>;

export const IntakeSchema = RecordMetaSchema.extend({
  name: z.string().min(1).max(200),
  communityId: z.string().min(1),
  use: WaterUseSchema,
  location: lonLat,
  snap: NetworkSnapSchema.nullable(),
  /** Where a diversion returns water, downstream of the intake; null when nothing returns. */
  returnLocation: lonLat.nullable(),
  returnSnap: NetworkSnapSchema.nullable(),
  /** Irrigated area served, hectares; irrigation turns are proportional to it. */
  irrigatedAreaHa: z.number().min(0).optional(),
  isCanal: z.boolean().optional(),
});
export type Intake = z.infer<typeof IntakeSchema>;

export const WithdrawalMethodSchema = z.enum(['meter', 'estimate']);
export const WithdrawalSchema = RecordMetaSchema.extend({
  intakeId: z.string().min(1),
  periodStart: isoDateTime,
  periodEnd: isoDateTime,
  /** Volume withdrawn over the period, cubic metres (canonical; computed from a rate and duration if so entered). */
  volumeM3: z.number().min(0),
  /** What the reporter entered: a volume in m3, or a rate in L/s held over the period. */
  entered: z.object({ quantity: z.enum(['volume', 'rate']), value: z.number().min(0), unit: z.string() }),
  method: WithdrawalMethodSchema,
  reporter: z.string().max(200),
});
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

export const MonitoringPointSchema = RecordMetaSchema.extend({
  name: z.string().min(1).max(200),
  kind: z.enum(['gauge', 'quality']),
  location: lonLat,
  snap: NetworkSnapSchema.nullable(),
});
export type MonitoringPoint = z.infer<typeof MonitoringPointSchema>;

export const MeasurementSchema = RecordMetaSchema.extend({
  pointId: z.string().min(1),
  /** Parameter key from the guideline table (e.g. 'arsenic', 'ecoli', 'nitrate'), or 'discharge'. */
  parameter: z.string().min(1),
  /** Value in `unit`; discharge in m3/s. */
  value: z.number(),
  unit: z.string().min(1),
  time: isoDateTime,
  /** Below this the laboratory cannot detect the parameter; a value under it is reported as not detected. */
  detectionLimit: z.number().min(0).optional(),
});
export type Measurement = z.infer<typeof MeasurementSchema>;

export const ContaminationStatusSchema = z.enum(['open', 'contained', 'remediated']);
export const PollutantClassSchema = z.enum([
  'sewage',
  'agrochemicals',
  'mining',
  'industrial',
  'solid-waste',
  'livestock',
  'sediment',
  'fuel',
  'other',
]);
export const NotificationSchema = z.object({
  communityId: z.string().min(1),
  sentAt: isoDateTime,
  channel: z.enum(['phone', 'radio', 'message', 'in-person', 'letter', 'other']),
  note: z.string().max(1000).optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const ContaminationEventSchema = RecordMetaSchema.extend({
  location: lonLat,
  snap: NetworkSnapSchema.nullable(),
  observedAt: isoDateTime,
  pollutantClass: PollutantClassSchema,
  suspectedSource: z.string().max(500),
  description: z.string().max(5000),
  status: ContaminationStatusSchema,
  /** When the status became remediated; null while open or contained. */
  closedAt: isoDateTime.nullable(),
  notifications: z.array(NotificationSchema),
  photoIds: z.array(z.string()),
});
export type ContaminationEvent = z.infer<typeof ContaminationEventSchema>;

export const RestorationActivitySchema = z.enum([
  'reforestation',
  'riparian-buffer',
  'spring-protection',
  'check-dams',
  'erosion-control',
]);
export const RestorationStatusSchema = z.enum(['planned', 'in-progress', 'done', 'failed']);
export const RestorationSiteSchema = RecordMetaSchema.extend({
  name: z.string().min(1).max(200),
  communityId: z.string().min(1),
  geometry: SiteGeometrySchema,
  activity: RestorationActivitySchema,
  status: RestorationStatusSchema,
  plannedAreaHa: z.number().min(0),
  doneAreaHa: z.number().min(0),
  plantsPlanted: z.number().int().min(0),
  /** When work was done (or started); restoration commitments count done area by this date. */
  workDate: isoDate,
});
export type RestorationSite = z.infer<typeof RestorationSiteSchema>;

export const RestorationVisitSchema = RecordMetaSchema.extend({
  siteId: z.string().min(1),
  date: isoDate,
  survivalRatePct: z.number().min(0).max(100).nullable(),
  notes: z.string().max(5000),
  photoIds: z.array(z.string()),
});
export type RestorationVisit = z.infer<typeof RestorationVisitSchema>;

export const MeetingSchema = RecordMetaSchema.extend({
  date: isoDate,
  place: z.string().max(200),
  attendance: z.array(
    z.object({ communityId: z.string(), women: z.number().int().min(0), men: z.number().int().min(0) }),
  ),
  agenda: z.array(z.string()),
  /** Audit chain head written into the minutes, so the register can later be proven unchanged since. */
  auditCheckpoint: z.string().nullable(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** A decision about a finding. Findings are derived; only decisions are stored, keyed by the finding's stable id. */
export const DecisionSchema = RecordMetaSchema.extend({
  findingId: z.string().min(1),
  meetingId: z.string().nullable(),
  status: z.enum(['open', 'acknowledged', 'sanctioned', 'resolved', 'dismissed']),
  note: z.string().max(5000),
  decidedAt: isoDateTime,
});
export type Decision = z.infer<typeof DecisionSchema>;

/** A photo or document, stored as a blob beside its metadata. */
export const AttachmentSchema = RecordMetaSchema.extend({
  mimeType: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int().min(0),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
