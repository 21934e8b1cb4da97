/** Types of `actionBundle.mjs` for the TypeScript that imports it (the bundle's test). */
import type { BuildOptions } from 'esbuild';

export const ROOT: string;
export const ACTION_BUNDLE: string;
export function actionBuildOptions(options?: { write?: boolean }): BuildOptions & { write: boolean };
