import { defineMessages } from '../define';

/** Strings of the app shell: title, panels, map, layers, store and bridge errors. */
export const app = defineMessages(
  {
    title: 'Watershed Commons',
    languageName: 'English',
  },
  {
    title: 'Cuenca en Común',
    languageName: 'Español',
  },
  {
    title: 'Bacia em Comum',
    languageName: 'Português',
  },
);
