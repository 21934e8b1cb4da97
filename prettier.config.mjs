// Prettier formats the TypeScript and the JavaScript modules only (see .prettierignore): not the
// Markdown, not the JSON (tests compare some of it byte for byte), not the fixtures.
// The options follow the code as it was written by hand: single quotes, semicolons, trailing
// commas, parentheses around every arrow parameter. Width: doc comments wrap at 100 columns, code
// ran longer (89% of lines within 100, 94.5% within 120, 97.5% within 140); 120 keeps most lines
// as written without the very long ones.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  arrowParens: 'always',
  endOfLine: 'lf',
};
