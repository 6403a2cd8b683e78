import { defineMessages } from '../define';

/** Findings UI: list, panel, map badges, decisions, what-if. */
export const findings = defineMessages(
  {
    title: 'Findings',
  },
  {
    title: 'Hallazgos',
  },
  {
    title: 'Constatações',
  },
);
