/**
 * The statistics page's own words, in English and Korean (the charts' words come from the server,
 * in the same language).
 */
import { formatMessage, type Locale } from '../../../server/src/core/engine/messages';

export type { Locale };

const STRINGS = {
  documentTitle: { en: 'Seminar Statistics', ko: '세미나 통계' },
  undatedTalks: {
    en: '{n} talks are in posts without a date or quarter: they count everywhere but in the quarters.',
    ko: '발표 {n}개는 날짜나 분기가 없는 포스트에 있어서 분기별 통계에만 빠집니다.',
  },
  indexing: {
    en: 'The workspace is still being read: these numbers will grow.',
    ko: '아직 작업 영역을 읽는 중이라 수치가 늘어날 수 있습니다.',
  },
  loading: { en: 'Counting the talks…', ko: '발표를 세는 중…' },
  exportSvg: { en: 'Export SVG…', ko: 'SVG로 내보내기…' },
  exportCsv: { en: 'Export CSV…', ko: 'CSV로 내보내기…' },
  exportSvgLabel: { en: 'Export the chart "{title}" as SVG', ko: '"{title}" 차트를 SVG로 내보내기' },
  exportCsvLabel: { en: 'Export the table "{title}" as CSV', ko: '"{title}" 표를 CSV로 내보내기' },
  showTable: { en: 'Show as table', ko: '표로 보기' },
  hideTable: { en: 'Hide the table', ko: '표 숨기기' },
  more: {
    en: 'The chart shows the first {shown} of {total} rows; the table and the CSV have them all.',
    ko: '차트는 {total}개 행 중 처음 {shown}개만 보여 줍니다. 표와 CSV에는 모두 있습니다.',
  },
} as const;

export type StringId = keyof typeof STRINGS;

/** The string `id` in `locale`, its `{name}` placeholders filled from `data`. */
export function text(id: StringId, locale: Locale, data: Record<string, string | number> = {}): string {
  return formatMessage(STRINGS[id], locale, data);
}

/** Every string id, for the test that checks both languages are there. */
export const STRING_IDS = Object.keys(STRINGS) as StringId[];
