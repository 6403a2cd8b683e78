import { defineMessages } from '../define';

/** Registers UI: tables, record panel, history, review, forms, CSV import, period filter. */
export const registers = defineMessages(
  {
    title: 'Registers',
  },
  {
    title: 'Registros',
  },
  {
    title: 'Registros',
  },
);
