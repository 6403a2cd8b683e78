import type { Locale } from './define';
import { app } from './messages/app';
import { data } from './messages/data';
import { agreement } from './messages/agreement';
import { field } from './messages/field';
import { findings } from './messages/findings';
import { registers } from './messages/registers';
import { river } from './messages/river';
import { dem } from './messages/dem';
import { hydrology } from './messages/hydrology';
import { io } from './messages/io';
import { menu } from './messages/menu';
import { rules } from './messages/rules';
import { sample } from './messages/sample';
import { store } from './messages/store';

/*
 * The merged catalogs: every namespace file in messages/ contributes its keys under its own prefix
 * (`io.csv.badNumber` comes from messages/io.ts key `csv.badNumber`). Each namespace is checked for the same keys
 * in every language by `defineMessages`, and test/unit/core/i18n checks the merged result again at run time.
 */

type Namespace = { readonly [L in Locale]: Readonly<Record<string, string>> };

const NAMESPACES: Readonly<Record<string, Namespace>> = {
  app,
  data,
  agreement,
  field,
  findings,
  registers,
  river,
  dem,
  hydrology,
  io,
  menu,
  rules,
  sample,
  store,
};

function merge(locale: Locale): Readonly<Record<string, string>> {
  const merged: Record<string, string> = {};
  for (const [prefix, namespace] of Object.entries(NAMESPACES)) {
    for (const [key, text] of Object.entries(namespace[locale])) merged[`${prefix}.${key}`] = text;
  }
  return merged;
}

/** Key of a message in the merged catalogs, e.g. `app.title` or `io.csv.badNumber`. */
export type MessageKey = string;

/** Every message of every namespace, per shipped language. */
export const CATALOGS: { readonly [L in Locale]: Readonly<Record<MessageKey, string>> } = {
  es: merge('es'),
  'pt-BR': merge('pt-BR'),
  en: merge('en'),
};

/** Names of the namespaces merged into the catalogs (each is a file in src/i18n/messages/). */
export const NAMESPACE_NAMES: readonly string[] = Object.keys(NAMESPACES);
