import type { Measurement, MonitoringPoint } from '../domain/records';
import type { Prng } from './prng';
import { dayOfYear, firstVersionMeta, isoLocal, round, type SampleMonth } from './records-common';

/*
 * Discharge at the gauge and water-quality samples. The flow regime is the bimodal one of the Colombian Andes:
 * two wet seasons (April-May and October-November) and two dry ones (December-March, the drier, and July-August),
 * with a drought in early 2024 like the El Niño of that year.
 */

/**
 * Seasonal factor of daily discharge relative to the mean annual flow, for a day of the year (1..366).
 * @example seasonalFlowFactor(30) < 0.6 && seasonalFlowFactor(120) > 1.3
 */
export function seasonalFlowFactor(dayOfYearNumber: number): number {
  const angle = (2 * Math.PI * dayOfYearNumber) / 365.25;
  const bimodal = Math.cos(2 * (angle - (2 * Math.PI * 120) / 365.25));
  // The December-March dry season is longer and drier than July-August.
  const annual = Math.cos(angle - (2 * Math.PI * 300) / 365.25);
  return Math.max(0.2, 1 + 0.5 * bimodal + 0.18 * annual);
}

/** Extra dryness of a drought year: flows in January-April 2024 fall to about 55 % of normal. */
export function droughtFactor(year: number, month: number): number {
  if (year === 2024 && month >= 1 && month <= 4) return month === 4 ? 0.8 : 0.55;
  return 1;
}

/** A day of the gauge series. */
export interface DailyFlow {
  year: number;
  month: number;
  day: number;
  dischargeM3s: number;
}

/**
 * Daily mean discharge at the gauge over the sample months, m3/s: seasonal regime times drought, log-normal
 * persistence (AR(1)) and storm peaks that recede over a few days.
 */
export function dailyDischarge(prng: Prng, months: readonly SampleMonth[], meanAnnualFlowM3s: number): DailyFlow[] {
  const flows: DailyFlow[] = [];
  let persistence = 0;
  let storm = 0;
  for (const month of months) {
    for (let day = 1; day <= month.daysInMonth; day += 1) {
      persistence = 0.85 * persistence + 0.12 * prng.normal();
      storm *= 0.55;
      const seasonal = seasonalFlowFactor(dayOfYear(month.year, month.month, day));
      if (prng.chance(0.04 + 0.08 * Math.max(0, seasonal - 0.8))) storm += prng.range(0.5, 2.5) * seasonal;
      const dischargeM3s = meanAnnualFlowM3s * (seasonal * droughtFactor(month.year, month.month) * Math.exp(persistence) + storm);
      flows.push({ year: month.year, month: month.month, day, dischargeM3s: round(dischargeM3s, 3) });
    }
  }
  return flows;
}

/** One water-quality parameter the sample measures, with its unit and typical clean-water range. */
export interface QualityParameter {
  parameter: string;
  unit: string;
  /** Typical value at a clean station. */
  baseline: number;
  /** Multiplicative spread of samples (log-normal sigma). */
  spread: number;
  detectionLimit: number;
  digits: number;
}

/** Parameters sampled monthly; keys match the guideline table in data/. */
export const QUALITY_PARAMETERS: readonly QualityParameter[] = [
  { parameter: 'ecoli', unit: 'CFU/100mL', baseline: 0.15, spread: 0.9, detectionLimit: 1, digits: 0 },
  { parameter: 'nitrate', unit: 'mg/L', baseline: 4, spread: 0.35, detectionLimit: 0.1, digits: 2 },
  { parameter: 'arsenic', unit: 'mg/L', baseline: 0.002, spread: 0.4, detectionLimit: 0.001, digits: 4 },
  { parameter: 'turbidity', unit: 'NTU', baseline: 1.0, spread: 0.5, detectionLimit: 0.1, digits: 1 },
];

/** What pollutes the water at a quality station: multipliers of the clean baseline per parameter. */
export interface StationLoad {
  point: MonitoringPoint;
  /** Multipliers of the baseline per parameter key (1 = clean). */
  multipliers: Readonly<Record<string, number>>;
  /** Months (index into the sample months) in which the load spikes, and by how much. */
  spikes: readonly { monthIndex: number; parameter: string; factor: number }[];
}

/** Options of the measurement step. */
export interface MeasurementStepOptions {
  author: string;
  nextId: () => string;
}

/** Discharge measurements of a gauge, one per day read at 7:00 local time, m3/s. */
export function dischargeMeasurements(gauge: MonitoringPoint, flows: readonly DailyFlow[], options: MeasurementStepOptions): Measurement[] {
  return flows.map((flow) => {
    const time = isoLocal(flow.year, flow.month, flow.day, 7);
    return {
      ...firstVersionMeta(options.nextId(), isoLocal(flow.year, flow.month, flow.day, 23), options.author),
      pointId: gauge.id,
      parameter: 'discharge',
      value: flow.dischargeM3s,
      unit: 'm3/s',
      time,
    };
  });
}

/** Monthly samples of every quality parameter at each station, on a weekday mid-month. */
export function qualityMeasurements(
  prng: Prng,
  stations: readonly StationLoad[],
  months: readonly SampleMonth[],
  options: MeasurementStepOptions,
): Measurement[] {
  const measurements: Measurement[] = [];
  for (const station of stations) {
    for (const month of months) {
      const day = prng.int(10, 20);
      const time = isoLocal(month.year, month.month, day, 15, prng.int(0, 5) * 10);
      const createdAt = isoLocal(month.year, month.month, day + 7, 14);
      const turbidityRain = 1 + Math.max(0, seasonalFlowFactor(dayOfYear(month.year, month.month, day)) - 1) * 2;
      for (const parameter of QUALITY_PARAMETERS) {
        let factor = (station.multipliers[parameter.parameter] ?? 1) * Math.exp(parameter.spread * prng.normal());
        if (parameter.parameter === 'turbidity') factor *= turbidityRain;
        for (const spike of station.spikes) {
          if (spike.monthIndex === month.index && spike.parameter === parameter.parameter) factor *= spike.factor;
        }
        const raw = parameter.baseline * factor;
        const value = raw < parameter.detectionLimit ? 0 : round(raw, parameter.digits);
        measurements.push({
          ...firstVersionMeta(options.nextId(), createdAt, options.author),
          pointId: station.point.id,
          parameter: parameter.parameter,
          value,
          unit: parameter.unit,
          time,
          detectionLimit: parameter.detectionLimit,
        });
      }
    }
  }
  return measurements;
}
