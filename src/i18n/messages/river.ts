import { defineMessages } from '../define';

/** River network UI: point inspection, hydrography import, DEM delineation. */
export const river = defineMessages(
  {
    title: 'River',
  },
  {
    title: 'Río',
  },
  {
    title: 'Rio',
  },
);
