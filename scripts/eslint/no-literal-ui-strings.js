/*
 * Every string a user can see comes from the catalogs in src/i18n (es, pt-BR, en). This rule fails on text
 * written straight into JSX: text children with a letter in them, and the visible attributes (title, aria-label,
 * placeholder, alt, label). Symbols and numbers alone (×, →, 1:50 000) are allowed.
 */
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
const LETTER = /\p{L}/u;

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text must come from the message catalogs' },
    messages: { literal: 'Visible text "{{text}}" is not from a catalog: use t(...)' },
    schema: [],
  },
  create(context) {
    return {
      JSXText(node) {
        const text = node.value.trim();
        if (text && LETTER.test(text)) context.report({ node, messageId: 'literal', data: { text: text.slice(0, 40) } });
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!VISIBLE_ATTRIBUTES.has(name) || !node.value) return;
        const value = node.value.type === 'Literal' ? node.value.value : node.value.type === 'JSXExpressionContainer' && node.value.expression.type === 'Literal' ? node.value.expression.value : null;
        if (typeof value === 'string' && LETTER.test(value)) {
          context.report({ node, messageId: 'literal', data: { text: value.slice(0, 40) } });
        }
      },
    };
  },
};
