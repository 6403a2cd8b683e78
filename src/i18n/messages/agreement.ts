import { defineMessages } from '../define';

/** Agreement editor UI and irrigation-turns calendar. */
export const agreement = defineMessages(
  {
    title: 'Agreement',
  },
  {
    title: 'Acuerdo',
  },
  {
    title: 'Acordo',
  },
);
