/**
 * The registry: every rule the product runs, in the order of `rules.md`. Adding a rule means a
 * rule file, one line here, and its fixtures.
 */
import type { RuleDefinition } from '../engine/rule';
import { contentBeforeFirstPaper } from './content-before-first-paper';
import { emptyPost } from './empty-post';
import { fieldType } from './field-type';
import { filenameDateMismatch } from './filename-date-mismatch';
import { filenameFormat } from './filename-format';
import { frontMatterDuplicateKey } from './front-matter-duplicate-key';
import { frontMatterMissing } from './front-matter-missing';
import { frontMatterSyntax } from './front-matter-syntax';
import { futureDate } from './future-date';
import { mathjaxNeeded } from './mathjax-needed';
import { requiredField } from './required-field';
import { titleDateMismatch } from './title-date-mismatch';
import { titleFormat } from './title-format';
import { unknownField } from './unknown-field';
import { unknownLayout } from './unknown-layout';

export const RULES: readonly RuleDefinition<any>[] = [
  // Front matter and file
  frontMatterMissing,
  frontMatterSyntax,
  frontMatterDuplicateKey,
  requiredField,
  unknownField,
  fieldType,
  unknownLayout,
  titleFormat,
  titleDateMismatch,
  filenameFormat,
  filenameDateMismatch,
  futureDate,
  mathjaxNeeded,
  emptyPost,
  contentBeforeFirstPaper,
];

/** The rule with `id`, or undefined. */
export function ruleById(id: string): RuleDefinition<any> | undefined {
  return RULES.find((rule) => rule.id === id);
}
