import { defineMessages } from '../define';

/** Field registers UI: contamination events, water quality, restoration sites, basemap. */
export const field = defineMessages(
  {
    title: 'Field registers',
  },
  {
    title: 'Registros de campo',
  },
  {
    title: 'Registros de campo',
  },
);
