/**
 * Severities, as the configuration writes them. Shared by the configuration (which validates them)
 * and the rule definitions (which default to one); it imports neither.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';
export const SEVERITIES: readonly SeverityOrOff[] = ['error', 'warning', 'info', 'hint', 'off'];
