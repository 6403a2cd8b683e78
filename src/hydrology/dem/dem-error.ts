/** Why a DEM could not be read or delineated: a message code (in src/i18n/messages/dem.ts) and its parameters. */
export type DemErrorCode =
  | 'dem.notTiff'
  | 'dem.multiBand'
  | 'dem.notElevation'
  | 'dem.missingGeotransform'
  | 'dem.rotatedGrid'
  | 'dem.missingCrs'
  | 'dem.unsupportedCrs'
  | 'dem.emptyRaster'
  | 'dem.outletOutside'
  | 'dem.badThreshold';

/** A refusal the user can read: `code` names the message, `params` fill its placeholders. */
export class DemError extends Error {
  /** Message code, e.g. 'dem.multiBand'. */
  readonly code: DemErrorCode;
  /** Values for the message's placeholders. */
  readonly params: Readonly<Record<string, string | number>>;

  /** Creates the error; the Error message is the code, never shown to users. */
  constructor(code: DemErrorCode, params: Readonly<Record<string, string | number>> = {}) {
    super(code);
    this.name = 'DemError';
    this.code = code;
    this.params = params;
  }
}
