/**
 * How a benchmark hands its figures to bench/run.ts: one line on stdout per figure, `[figure] <id> <value>`,
 * or `[figure] <id> - <why not measured>` when it could not measure one (e.g. a peer tool missing). run.ts
 * reads these lines, leaves them out of what it echoes, and puts the figures against DESIGN.md's targets in its
 * summary. A bench run on its own prints them as they are.
 */

/** Reports one measured figure (in the unit bench/run.ts's target table gives for `id`). */
export function reportFigure(id: string, value: number): void {
  console.log(`[figure] ${id} ${Number.isFinite(value) ? String(value) : 'NaN'}`);
}

/** Reports that a figure could not be measured in this run, and why. */
export function reportUnmeasured(id: string, reason: string): void {
  // eslint-disable-next-line no-control-regex -- strips terminal colour codes that error messages carry
  console.log(`[figure] ${id} - ${reason.replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ')}`);
}
