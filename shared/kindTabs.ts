import type { RecordKind } from './kinds'

/** One tab of a page that lists a single kind of record, searchable: its URL segment, the kind, its words. */
export interface KindTab { slug: string, kind: RecordKind, label: string, title: string, intro: string }

/** 红黑名单: the four lists of the national standard's 名单类别 (DOMAIN.md glossary), one tab each. */
export const listTabs: KindTab[] = [
  { slug: 'red', kind: 'redList', label: '红名单', title: '守信激励名单（红名单）', intro: '各部门依法认定的守信激励对象，在公示期内可享受信易+等激励措施。' },
  { slug: 'black', kind: 'blackList', label: '黑名单', title: '严重失信主体名单（黑名单）', intro: '各部门依法认定的严重失信主体，依法依规实施联合惩戒。对名单信息有异议的，可提出信用异议申诉。' },
  { slug: 'watch', kind: 'watchList', label: '重点关注', title: '重点关注名单', intro: '有失信行为、尚未达到严重失信程度的主体，相关部门依法加强监管。' },
  { slug: 'defaulters', kind: 'judgmentDefaulter', label: '失信被执行人', title: '失信被执行人', intro: '人民法院依法公布的失信被执行人。履行生效法律文书确定的义务后，由法院依法删除。' },
]

/** 双公示: administrative licences and penalties, the pair every department publishes within 7 working days. */
export const publicityTabs: KindTab[] = [
  { slug: 'licenses', kind: 'license', label: '行政许可', title: '行政许可', intro: '各部门作出的行政许可决定，自决定之日起7个工作日内公示。' },
  { slug: 'penalties', kind: 'penalty', label: '行政处罚', title: '行政处罚', intro: '各部门作出的行政处罚决定，自决定之日起7个工作日内公示；公示期满后不再公示。' },
]

/** The tab a URL segment names; no segment is the first tab, an unknown one is none (a 404). */
export function tabFor(tabs: KindTab[], slug: string | undefined): KindTab | undefined {
  return slug ? tabs.find(tab => tab.slug === slug) : tabs[0]
}
