import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { familyColumns } from '../../shared/columns'
import { familyOf, kindLabels, recordKinds, severityLabels, subjectKindLabels, type RecordFamily, type RecordKind, type Severity, type SubjectKind } from '../../shared/kinds'
import { creditCodeCheckDigit, CREDIT_CODE_CHARSET } from '../../shared/utils/creditCode'
import { todayInChina, type IsoDate } from '../../shared/utils/dates'
import { residentIdCheckChar } from '../../shared/utils/idNumber'
import type { RawRow } from '../../server/domain/ingest/rows'
import { loadCity, type CityConfig } from '../../server/domain/city'

/**
 * Synthetic 双公示 records for the demo city: pure and deterministic for a seed and a "today" (a seeded
 * PRNG, never Math.random). Rows carry the field keys of shared/columns.ts with the string values a
 * department's file would hold, so they go through the same validation as real data. Resident ID
 * numbers are computed here at run time; none is written into the source.
 */

export interface GeneratedRow { family: RecordFamily, kind: RecordKind, row: RawRow }

export interface GenerateOptions {
  /** Same seed (and same today) → same rows. */
  seed?: number
  /** No decision date falls after this day; defaults to today in China. */
  today?: IsoDate
  /** Earliest decision date. */
  from?: IsoDate
  /** Distinct subjects to draw from; defaults to about one per eight records, so profiles have several records. */
  subjects?: number
  /** Only these kinds (e.g. ['penalty'] for a penalty file); defaults to every kind some department may publish. */
  kinds?: readonly RecordKind[]
  /** Departments and their catalog; defaults to config/city.json (CITY_CONFIG). */
  city?: CityConfig
}

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85EBCA6B)
  h ^= h >>> 13
  h = Math.imul(h, 0xC2B2AE35)
  h ^= h >>> 16
  return h >>> 0
}

/** mulberry32: small, fast and good enough for synthetic data. */
export class Rng {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** An independent stream for (seed, stream, index), e.g. the subject with index i. */
  static derive(seed: number, stream: number, index: number): Rng {
    return new Rng(fmix32((fmix32(seed ^ Math.imul(stream, 0x9E3779B1)) + Math.imul(index, 0x27D4EB2F) + (Math.floor(index / 4294967296) | 0)) >>> 0))
  }

  next(): number {
    this.state = (this.state + 0x6D2B79F5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0)
    let x = this.next() * total
    for (const [item, w] of items) {
      x -= w
      if (x < 0) return item
    }
    return items[items.length - 1]![0]
  }
}

// ---------------------------------------------------------------------------------------------------
// Dates

const DAY = 86_400_000
const dayNumber = (date: IsoDate) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY)
const isoOfDay = (day: number): IsoDate => new Date(day * DAY).toISOString().slice(0, 10)
const chineseDate = (date: IsoDate) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return `${y}年${m}月${d}日`
}
const plusYears = (date: IsoDate, years: number): IsoDate => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate()
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

// ---------------------------------------------------------------------------------------------------
// Identifiers

/** 朝阳市 and its districts and counties (GB/T 2260), for credit codes, ID numbers and addresses. */
const CHAOYANG_DISTRICTS = [
  { code: '211302', name: '双塔区', short: '双塔区' },
  { code: '211303', name: '龙城区', short: '龙城区' },
  { code: '211321', name: '朝阳县', short: '朝阳县' },
  { code: '211322', name: '建平县', short: '建平县' },
  { code: '211324', name: '喀喇沁左翼蒙古族自治县', short: '喀左县' },
  { code: '211381', name: '北票市', short: '北票市' },
  { code: '211382', name: '凌源市', short: '凌源市' },
] as const

const STREETS = [
  '朝阳大街', '友谊大街', '新华路', '文化路', '龙山街', '中山大街', '黄河路', '长江路', '珠江路', '燕都大街',
  '凤凰大街', '红旗街', '迎宾路', '光明街', '建设路', '柳城路', '大凌河北街', '北四家子路', '汇通路', '胜利大街',
]

const ID_DAYS = 14_600 // birth dates over 40 years
const ID_SPACE = ID_DAYS * 1000 * CHAOYANG_DISTRICTS.length
const ID_BIRTH_START = dayNumber('1958-01-01')

/** A resident ID number unique for `index` (a bijection over ID_SPACE), with a valid check character. */
function residentId(index: number, offset: number, divisions: readonly string[]): string {
  const n = (index * 1_000_003 + offset) % ID_SPACE
  const birth = isoOfDay(ID_BIRTH_START + (n % ID_DAYS)).replaceAll('-', '')
  const serial = String(Math.floor(n / ID_DAYS) % 1000).padStart(3, '0')
  const division = divisions[Math.floor(n / ID_DAYS / 1000) % divisions.length]!
  const first17 = `${division}${birth}${serial}`
  return first17 + residentIdCheckChar(first17)
}

const ORG_SPACE = 31 ** 7

function base31(n: number, width: number): string {
  let out = ''
  for (let i = 0; i < width; i++) {
    out = CREDIT_CODE_CHARSET[n % 31]! + out
    n = Math.floor(n / 31)
  }
  return out
}

/** A unified social credit code unique for `index`: 登记管理部门码 + 机构类别码 + division + 'MA' + 7 chars + check. */
function creditCode(prefix: string, division: string, index: number, offset: number): string {
  const serial = (index * 1_000_003 + offset) % ORG_SPACE
  const first17 = `${prefix}${division}MA${base31(serial, 7)}`
  return first17 + creditCodeCheckDigit(first17)
}

// ---------------------------------------------------------------------------------------------------
// Names

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤佟关那'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥建国志海波宇辉鹏飞凤琴云莲梅丹颖慧晶晨欣宁鑫浩然博文子涵雨轩佳怡俊峰立新淑珍德胜永福长春玉凤振东'
const BRAND_WORDS = [
  '鑫达', '宏远', '恒信', '盛华', '泰和', '兴隆', '源丰', '昌盛', '瑞祥', '金通', '利民', '安泰', '德顺', '嘉禾', '顺通',
  '华宇', '天成', '永利', '东方', '北辰', '凌峰', '龙腾', '福源', '广源', '聚鑫', '众诚', '诚信', '宏达', '新世纪',
  '金桥', '红山', '凤凰', '燕都', '大凌河', '佳和', '志成', '鼎盛', '汇丰', '万达通', '益民', '惠民', '融通', '中驰', '锦程',
]
const BRAND_CHARS = '鑫达宏远恒信盛华泰和兴隆源丰昌瑞祥金通利安德顺嘉禾宇天成永东方北辰凌峰龙腾福广聚众诚汇鼎佳志益惠融锦程'
const INDUSTRIES = [
  '建材', '商贸', '环保科技', '餐饮', '物流', '建筑工程', '房地产开发', '农业发展', '食品', '医药', '机械制造',
  '汽车销售', '矿业', '电力设备', '化工', '纺织', '信息技术', '网络科技', '文化传媒', '旅游开发', '物业管理',
  '农牧', '生物科技', '新能源', '钢结构', '装饰工程', '劳务', '粮油', '果蔬', '酒店管理', '商砼', '运输',
]
const ENTITY_SUFFIXES = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司']
const SHOP_KINDS = [
  '超市', '小吃部', '烟酒商店', '五金商店', '汽车修理部', '理发店', '饭店', '水果店', '建材商店', '服装店',
  '粮油店', '家电维修部', '烧烤店', '农资商店', '药店', '网吧', '洗浴中心', '手机维修店', '快餐店', '副食商店',
]
const NON_PROFIT = ['培训学校', '养老院', '职业培训学校', '社会工作服务中心', '幼儿园']

function personName(rng: Rng): string {
  const surname = SURNAMES[rng.int(0, SURNAMES.length - 1)]!
  const length = rng.chance(0.7) ? 2 : 1
  let given = ''
  for (let i = 0; i < length; i++) given += GIVEN[rng.int(0, GIVEN.length - 1)]!
  return surname + given
}

function brand(rng: Rng): string {
  if (rng.chance(0.5)) return rng.pick(BRAND_WORDS)
  const a = BRAND_CHARS[rng.int(0, BRAND_CHARS.length - 1)]!
  let b = BRAND_CHARS[rng.int(0, BRAND_CHARS.length - 1)]!
  if (b === a) b = '兴'
  return a + b
}

// ---------------------------------------------------------------------------------------------------
// Subjects

interface Subject {
  kind: SubjectKind
  name: string
  creditCode?: string
  legalRepresentative?: string
  legalRepIdNumber?: string
  idNumber?: string
  district: string
}

/** Every 20th subject is a natural person, three in twenty are 个体工商户, the rest organisations. */
const STRIDE = 20
const typeOffsets: Record<SubjectKind, readonly number[]> = {
  natural_person: [0],
  individual_business: [1, 2, 3],
  legal_entity: Array.from({ length: STRIDE - 4 }, (_, i) => i + 4),
}
const subjectKindOf = (index: number): SubjectKind =>
  index % STRIDE === 0 ? 'natural_person' : index % STRIDE < 4 ? 'individual_business' : 'legal_entity'

interface Geography {
  cityShort: string
  cityName: string
  division: string
  districts: readonly { code: string, name: string, short: string }[]
}

function geographyOf(city: CityConfig): Geography {
  const cityShort = city.city.name.replace(/市$/, '')
  const districts = city.city.division === '211300'
    ? CHAOYANG_DISTRICTS
    : [{ code: city.city.division, name: city.city.name, short: city.city.name }]
  return { cityShort, cityName: city.city.name, division: city.city.division, districts }
}

function makeSubject(seed: number, index: number, geo: Geography): Subject {
  const rng = Rng.derive(seed, 1, index)
  const kind = subjectKindOf(index)
  const offset = fmix32(seed ^ 0x5EED) % ORG_SPACE
  const district = rng.pick(geo.districts)
  const divisions = geo.districts.map(d => d.code)
  if (kind === 'natural_person') {
    return { kind, name: personName(rng), idNumber: residentId(index, fmix32(seed ^ 0x1D) % ID_SPACE, divisions), district: district.short }
  }
  const representative = personName(rng)
  if (kind === 'individual_business') {
    const owner = rng.chance(0.3) ? `${representative.slice(0, 1)}记` : rng.chance(0.5) ? brand(rng) : `${representative.slice(0, 1)}氏`
    return {
      kind,
      name: `${geo.cityName}${district.short}${owner}${rng.pick(SHOP_KINDS)}`,
      creditCode: creditCode('92', district.code, index, offset),
      legalRepresentative: representative,
      district: district.short,
    }
  }
  const legalRepIdNumber = rng.chance(0.4) ? residentId(index + 7_777_777, fmix32(seed ^ 0x2D) % ID_SPACE, divisions) : undefined
  if (rng.chance(0.05)) {
    return {
      kind,
      name: `${geo.cityName}${district.short === geo.cityName ? '' : district.short}${brand(rng)}${rng.pick(NON_PROFIT)}`,
      creditCode: creditCode('52', district.code, index, offset),
      legalRepresentative: representative,
      legalRepIdNumber,
      district: district.short,
    }
  }
  const region = rng.weighted<string>([[geo.cityShort, 6], [geo.cityName, 3], [district.short, 2]])
  const registration = rng.chance(0.6) ? geo.division : district.code
  return {
    kind,
    name: `${region}${brand(rng)}${rng.pick(INDUSTRIES)}${rng.pick(ENTITY_SUFFIXES)}`,
    creditCode: creditCode('91', registration, index, offset),
    legalRepresentative: representative,
    legalRepIdNumber,
    district: district.short,
  }
}

// ---------------------------------------------------------------------------------------------------
// Record templates: what each department plausibly decides, with its legal basis

interface Ctx {
  rng: Rng
  subject: Subject
  /** 2025年3月8日 */
  date: string
  year: number
  place: string
  /** 朝阳 */
  cityShort: string
  department: string
}

/** Which subjects a template is about: organisations only, or people too (weights legal/individual/natural). */
type Who = readonly [number, number, number]
const ORG: Who = [80, 20, 0]
const ANY: Who = [70, 18, 12]
const PEOPLE: Who = [35, 10, 55]
const COMPANY: Who = [100, 0, 0]
const SHOPS: Who = [45, 55, 0]

interface PenaltyTemplate {
  type: string
  facts: (c: Ctx) => string
  basis: string
  categories: readonly string[]
  /** 罚款 in 元. */
  fine?: readonly [number, number]
  /** 没收违法所得 in 元. */
  confiscate?: readonly [number, number]
  /** 暂扣或吊销证照名称. */
  licence?: string
  severity: Severity
  who?: Who
}

interface LicenseTemplate {
  documentName: string
  certificate: string
  category: '普通' | '特许' | '认可' | '核准' | '登记' | '其他'
  prefix: string
  content: (c: Ctx) => string
  /** Years of validity; null: no end (长期). */
  years: number | null
  who?: Who
}

interface ActionTemplate {
  documentName: string
  content: (c: Ctx) => string
  basis: string
  who?: Who
}

interface ListTemplate {
  content: (c: Ctx) => string
  basis: string
  /** Years on the list; null: until removed. */
  years: readonly [number, number] | null
  who?: Who
}

const n = (c: Ctx, min: number, max: number) => c.rng.int(min, max)
const FOODS = ['酸奶', '火腿肠', '方便面', '饮料', '糕点', '速冻水饺', '食用油', '调味品', '奶粉', '熟食']
const PRODUCTS = ['电线电缆', '建筑用钢筋', '电动自行车', '儿童玩具', '插座', '安全帽', '化肥', '防水卷材']

const penaltyTemplates: Record<string, readonly PenaltyTemplate[]> = {
  market: [
    {
      type: '经营超过保质期的食品',
      facts: c => `经查，当事人于${c.date}前在其位于${c.place}的经营场所销售超过保质期的${c.rng.pick(FOODS)}共计${n(c, 3, 60)}件，货值金额${n(c, 50, 3000)}元。`,
      basis: '《中华人民共和国食品安全法》第三十四条第（十）项、第一百二十四条第一款第（五）项',
      categories: ['没收违法所得', '罚款'],
      fine: [5000, 50000],
      confiscate: [50, 3000],
      severity: 'general',
      who: SHOPS,
    },
    {
      type: '未取得食品经营许可从事食品经营活动',
      facts: c => `经查，当事人自${c.year}年起在${c.place}未取得食品经营许可从事餐饮服务活动，违法所得${n(c, 800, 20000)}元。`,
      basis: '《中华人民共和国食品安全法》第三十五条第一款、第一百二十二条第一款',
      categories: ['没收违法所得', '罚款'],
      fine: [50000, 100000],
      confiscate: [800, 20000],
      severity: 'serious',
      who: SHOPS,
    },
    {
      type: '发布虚假广告',
      facts: c => `经查，当事人通过其微信公众号及店内宣传单发布含有“${c.rng.pick(['根治', '百分之百有效', '国家级', '最佳'])}”等内容的虚假广告，广告费用${n(c, 500, 8000)}元。`,
      basis: '《中华人民共和国广告法》第二十八条、第五十五条第一款',
      categories: ['罚款'],
      fine: [10000, 200000],
      severity: 'general',
      who: ORG,
    },
    {
      type: '不明码标价',
      facts: c => `${c.date}，执法人员检查发现当事人经营的${n(c, 5, 40)}种商品未按规定明码标价。`,
      basis: '《中华人民共和国价格法》第十三条、第四十二条',
      categories: ['警告'],
      severity: 'minor',
      who: SHOPS,
    },
    {
      type: '销售不合格产品',
      facts: c => `经抽样检验，当事人销售的${c.rng.pick(PRODUCTS)}经检验不合格，共销售${n(c, 10, 500)}件，货值金额${n(c, 1000, 60000)}元。`,
      basis: '《中华人民共和国产品质量法》第三十九条、第四十九条',
      categories: ['没收违法所得', '罚款'],
      fine: [10000, 150000],
      confiscate: [300, 20000],
      severity: 'general',
      who: ORG,
    },
    {
      type: '使用未经定期检验的特种设备',
      facts: c => `${c.date}，执法人员检查发现当事人使用的${n(c, 1, 4)}台${c.rng.pick(['电梯', '叉车', '锅炉', '压力容器'])}超过检验有效期未申报定期检验，仍继续使用。`,
      basis: '《中华人民共和国特种设备安全法》第四十条、第八十四条第（一）项',
      categories: ['责令停产停业', '罚款'],
      fine: [30000, 300000],
      severity: 'serious',
      who: COMPANY,
    },
  ],
  tax: [
    {
      type: '未按照规定期限办理纳税申报',
      facts: c => `当事人未按照规定期限办理${c.year}年${n(c, 1, 12)}月增值税纳税申报和报送纳税资料。`,
      basis: '《中华人民共和国税收征收管理法》第二十五条、第六十二条',
      categories: ['罚款'],
      fine: [200, 2000],
      severity: 'minor',
      who: SHOPS,
    },
    {
      type: '虚开增值税专用发票',
      facts: c => `经查，当事人在没有真实交易的情况下，向${n(c, 2, 9)}户企业虚开增值税专用发票${n(c, 5, 80)}份，金额合计${n(c, 100, 900)}万元。`,
      basis: '《中华人民共和国发票管理办法》第二十一条、第三十五条',
      categories: ['没收违法所得', '罚款'],
      fine: [50000, 500000],
      confiscate: [10000, 200000],
      severity: 'serious',
      who: COMPANY,
    },
    {
      type: '偷税',
      facts: c => `经查，当事人${c.year - 1}年度通过在账簿上多列支出、少列收入的手段，少缴企业所得税${n(c, 2, 80)}万元。`,
      basis: '《中华人民共和国税收征收管理法》第六十三条第一款',
      categories: ['罚款'],
      fine: [20000, 400000],
      severity: 'serious',
      who: COMPANY,
    },
  ],
  environment: [
    {
      type: '超标排放大气污染物',
      facts: c => `${c.date}，执法人员对当事人进行现场检查，监测结果显示其${c.rng.pick(['锅炉', '烘干炉', '喷涂车间'])}排放的颗粒物浓度超过国家排放标准${(n(c, 11, 40) / 10).toFixed(1)}倍。`,
      basis: '《中华人民共和国大气污染防治法》第十八条、第九十九条第（二）项',
      categories: ['罚款'],
      fine: [100000, 1000000],
      severity: 'serious',
      who: COMPANY,
    },
    {
      type: '建设项目环境影响评价文件未经批准擅自开工建设',
      facts: c => `当事人${c.rng.pick(['年产5万吨商砼', '废旧塑料加工', '石材加工', '饲料生产'])}项目环境影响评价文件未经审批，于${c.date}前擅自开工建设。`,
      basis: '《中华人民共和国环境影响评价法》第二十五条、第三十一条第一款',
      categories: ['罚款'],
      fine: [50000, 300000],
      severity: 'general',
      who: COMPANY,
    },
    {
      type: '未按规定贮存危险废物',
      facts: c => `执法人员检查发现当事人将废机油等危险废物约${n(c, 1, 20)}吨露天堆放，未采取防扬散、防流失、防渗漏措施。`,
      basis: '《中华人民共和国固体废物污染环境防治法》第八十一条、第一百一十二条第一款第（六）项',
      categories: ['罚款'],
      fine: [100000, 1000000],
      severity: 'serious',
      who: ORG,
    },
  ],
  housing: [
    {
      type: '未取得施工许可证擅自施工',
      facts: c => `当事人建设的位于${c.place}的${c.rng.pick(['住宅楼', '厂房', '商业综合体', '仓库'])}项目，建筑面积${n(c, 800, 30000)}平方米，未取得建筑工程施工许可证擅自施工。`,
      basis: '《中华人民共和国建筑法》第七条、第六十四条，《建筑工程施工许可管理办法》第十二条',
      categories: ['罚款'],
      fine: [10000, 200000],
      severity: 'general',
      who: COMPANY,
    },
    {
      type: '施工现场安全防护措施不到位',
      facts: c => `${c.date}检查发现当事人承建的项目施工现场临边洞口未设置防护，脚手架搭设不符合规范。`,
      basis: '《建设工程安全生产管理条例》第二十八条、第六十二条',
      categories: ['责令停产停业', '罚款'],
      fine: [20000, 100000],
      severity: 'general',
      who: COMPANY,
    },
  ],
  transport: [
    {
      type: '未取得道路运输经营许可擅自从事道路运输经营',
      facts: c => `${c.date}，执法人员在${c.place}检查发现当事人未取得道路运输经营许可，使用${c.rng.pick(['小型客车', '重型货车', '面包车'])}从事道路运输经营。`,
      basis: '《中华人民共和国道路运输条例》第十条、第六十三条',
      categories: ['没收违法所得', '罚款'],
      fine: [10000, 50000],
      confiscate: [100, 2000],
      severity: 'general',
      who: PEOPLE,
    },
    {
      type: '车辆超限运输',
      facts: c => `${c.date}，当事人驾驶的货车在${c.rng.pick(['G101京沈线', 'G306绥珠线', 'S210凌建线'])}超限检测站经检测车货总重${n(c, 50, 90)}吨，超过限定标准。`,
      basis: '《公路安全保护条例》第三十五条、第六十四条',
      categories: ['罚款'],
      fine: [1000, 30000],
      severity: 'minor',
      who: PEOPLE,
    },
  ],
  emergency: [
    {
      type: '未按规定对从业人员进行安全生产教育和培训',
      facts: c => `${c.date}，执法人员检查发现当事人${n(c, 2, 15)}名从业人员未经安全生产教育和培训上岗作业。`,
      basis: '《中华人民共和国安全生产法》第二十八条、第九十七条第（三）项',
      categories: ['罚款'],
      fine: [10000, 100000],
      severity: 'general',
      who: COMPANY,
    },
    {
      type: '未建立安全生产事故隐患排查治理制度',
      facts: () => '当事人未建立事故隐患排查治理制度，未如实记录事故隐患排查治理情况，未向从业人员通报。',
      basis: '《中华人民共和国安全生产法》第四十一条、第一百零一条第（五）项',
      categories: ['责令停产停业', '罚款'],
      fine: [20000, 100000],
      severity: 'serious',
      who: COMPANY,
    },
  ],
  health: [
    {
      type: '使用非卫生技术人员从事医疗卫生技术工作',
      facts: c => `经查，当事人使用${n(c, 1, 3)}名未取得执业资格的人员从事诊疗活动。`,
      basis: '《医疗机构管理条例》第二十七条、第四十七条',
      categories: ['警告', '罚款'],
      fine: [5000, 30000],
      severity: 'general',
      who: ORG,
    },
    {
      type: '公共场所未取得有效健康合格证明的从业人员上岗',
      facts: c => `${c.date}检查发现当事人${n(c, 1, 6)}名从业人员未取得有效健康合格证明从事直接为顾客服务的工作。`,
      basis: '《公共场所卫生管理条例实施细则》第十条、第三十八条',
      categories: ['警告'],
      severity: 'minor',
      who: SHOPS,
    },
  ],
  hr: [
    {
      type: '拖欠农民工工资',
      facts: c => `经查，当事人拖欠${n(c, 5, 80)}名农民工工资共计${n(c, 5, 150)}万元，经责令限期支付逾期仍未支付。`,
      basis: '《保障农民工工资支付条例》第五十七条',
      categories: ['罚款'],
      fine: [20000, 100000],
      severity: 'serious',
      who: COMPANY,
    },
    {
      type: '违反工作时间和休息休假规定',
      facts: c => `当事人安排劳动者延长工作时间每月超过${n(c, 40, 80)}小时。`,
      basis: '《中华人民共和国劳动法》第四十一条，《劳动保障监察条例》第二十五条',
      categories: ['警告', '罚款'],
      fine: [2000, 20000],
      severity: 'general',
      who: ORG,
    },
  ],
  culture: [
    {
      type: '互联网上网服务营业场所接纳未成年人',
      facts: c => `${c.date}，执法人员检查发现当事人经营的网吧接纳${n(c, 1, 5)}名未成年人进入营业场所上网。`,
      basis: '《互联网上网服务营业场所管理条例》第二十一条、第三十一条第（二）项',
      categories: ['警告', '罚款'],
      fine: [5000, 15000],
      severity: 'general',
      who: SHOPS,
    },
    {
      type: '擅自从事营业性演出经营活动',
      facts: c => `当事人未取得营业性演出许可证，于${c.date}在${c.place}组织营业性演出。`,
      basis: '《营业性演出管理条例》第四十三条',
      categories: ['没收违法所得', '罚款'],
      fine: [30000, 100000],
      confiscate: [1000, 20000],
      severity: 'general',
      who: ORG,
    },
  ],
  education: [
    {
      type: '未经批准擅自举办校外培训机构',
      facts: c => `当事人未取得办学许可证，在${c.place}举办面向中小学生的学科类培训，招收学员${n(c, 10, 120)}人。`,
      basis: '《中华人民共和国民办教育促进法》第六十四条',
      categories: ['没收违法所得', '罚款'],
      fine: [10000, 50000],
      confiscate: [2000, 60000],
      severity: 'general',
      who: ANY,
    },
  ],
  police: [
    {
      type: '旅馆未按规定登记住宿旅客信息',
      facts: c => `${c.date}检查发现当事人经营的旅馆未按规定登记${n(c, 1, 6)}名住宿旅客的姓名、身份证件种类和号码。`,
      basis: '《中华人民共和国治安管理处罚法》第五十六条第一款',
      categories: ['罚款'],
      fine: [200, 500],
      severity: 'minor',
      who: SHOPS,
    },
    {
      type: '殴打他人',
      facts: c => `${c.date}，违法行为人在${c.place}因琐事与他人发生纠纷并殴打他人，致人轻微伤。`,
      basis: '《中华人民共和国治安管理处罚法》第四十三条第一款',
      categories: ['行政拘留', '罚款'],
      fine: [200, 500],
      severity: 'general',
      who: [0, 0, 100],
    },
  ],
  land: [
    {
      type: '非法占用土地',
      facts: c => `经查，当事人未经批准擅自占用${c.subject.district}${c.rng.pick(['集体土地', '耕地', '林地'])}${n(c, 200, 20000)}平方米建设${c.rng.pick(['厂房', '库房', '养殖场', '停车场'])}。`,
      basis: '《中华人民共和国土地管理法》第四十四条、第七十七条第一款',
      categories: ['罚款', '其他'],
      fine: [5000, 400000],
      severity: 'serious',
      who: ANY,
    },
  ],
  agriculture: [
    {
      type: '经营假农药',
      facts: c => `经抽样检验，当事人经营的${c.rng.pick(['草甘膦水剂', '吡虫啉可湿性粉剂', '阿维菌素乳油'])}有效成分含量不符合标准，判定为假农药，货值${n(c, 500, 20000)}元。`,
      basis: '《农药管理条例》第四十四条、第五十五条第一款',
      categories: ['没收违法所得', '罚款'],
      fine: [5000, 100000],
      confiscate: [200, 8000],
      severity: 'serious',
      who: SHOPS,
    },
  ],
  commerce: [
    {
      type: '单用途商业预付卡未按规定备案',
      facts: c => `当事人自${c.year}年起发行单用途商业预付卡，未在规定期限内向商务主管部门备案，发卡金额${n(c, 2, 60)}万元。`,
      basis: '《单用途商业预付卡管理办法（试行）》第七条、第三十六条',
      categories: ['警告', '罚款'],
      fine: [1000, 10000],
      severity: 'minor',
      who: ORG,
    },
  ],
  water: [
    {
      type: '未经批准擅自取水',
      facts: c => `当事人未取得取水许可，擅自在${c.subject.district}打井取用地下水，累计取水约${n(c, 1000, 80000)}立方米。`,
      basis: '《中华人民共和国水法》第四十八条、第六十九条第（一）项',
      categories: ['罚款'],
      fine: [20000, 100000],
      severity: 'general',
      who: ORG,
    },
  ],
  civil: [
    {
      type: '社会组织未按规定参加年度检查',
      facts: c => `当事人连续两年（${c.year - 2}年度、${c.year - 1}年度）未按规定参加年度检查。`,
      basis: '《民办非企业单位登记管理暂行条例》第二十五条第（五）项',
      categories: ['警告'],
      severity: 'minor',
      who: COMPANY,
    },
  ],
  justice: [
    {
      type: '法律服务机构违规执业',
      facts: () => '当事人存在同时在两个法律服务机构执业、以不正当手段承揽业务的行为。',
      basis: '《中华人民共和国律师法》第五十条',
      categories: ['警告', '罚款'],
      fine: [10000, 50000],
      severity: 'general',
      who: COMPANY,
    },
  ],
  'medical-insurance': [
    {
      type: '骗取医疗保障基金',
      facts: c => `经查，当事人通过虚记诊疗项目、串换药品等方式骗取医疗保障基金${n(c, 5000, 300000)}元。`,
      basis: '《医疗保障基金使用监督管理条例》第二十条、第四十条第一款',
      categories: ['罚款', '其他'],
      fine: [20000, 600000],
      severity: 'serious',
      who: ORG,
    },
  ],
  enforcement: [
    {
      type: '擅自占用城市道路',
      facts: c => `${c.date}，当事人擅自在${c.place}人行道上摆放商品及经营设施，占用城市道路约${n(c, 5, 60)}平方米。`,
      basis: '《城市道路管理条例》第二十七条、第四十二条',
      categories: ['罚款'],
      fine: [200, 2000],
      severity: 'minor',
      who: [20, 50, 30],
    },
    {
      type: '随意倾倒建筑垃圾',
      facts: c => `${c.date}，当事人在${c.place}附近随意倾倒建筑垃圾约${n(c, 5, 100)}立方米。`,
      basis: '《城市市容和环境卫生管理条例》第十六条、第三十六条第（二）项',
      categories: ['罚款'],
      fine: [5000, 50000],
      severity: 'general',
      who: ANY,
    },
  ],
  fire: [
    {
      type: '消防设施、器材未保持完好有效',
      facts: c => `${c.date}检查发现当事人场所内${c.rng.pick(['火灾自动报警系统', '室内消火栓', '自动喷水灭火系统'])}故障，${n(c, 2, 20)}具灭火器失效。`,
      basis: '《中华人民共和国消防法》第十六条、第六十条第一款第（一）项',
      categories: ['罚款'],
      fine: [5000, 50000],
      severity: 'general',
      who: ORG,
    },
    {
      type: '占用、堵塞、封闭疏散通道、安全出口',
      facts: c => `${c.date}检查发现当事人场所${n(c, 1, 4)}处安全出口被锁闭，疏散通道堆放杂物。`,
      basis: '《中华人民共和国消防法》第二十八条、第六十条第一款第（三）项',
      categories: ['罚款'],
      fine: [5000, 50000],
      severity: 'general',
      who: SHOPS,
    },
  ],
  finance: [
    {
      type: '政府采购供应商提供虚假材料谋取中标',
      facts: c => `当事人在${c.year}年“${c.cityShort}${c.rng.pick(['办公设备采购', '道路维修', '校园安防'])}项目”投标中提供虚假业绩证明材料谋取中标。`,
      basis: '《中华人民共和国政府采购法》第七十七条第一款第（一）项',
      categories: ['罚款', '其他'],
      fine: [5000, 50000],
      severity: 'serious',
      who: COMPANY,
    },
  ],
  statistics: [
    {
      type: '提供不真实统计资料',
      facts: c => `经执法检查，当事人上报的${c.year - 1}年度统计报表中营业收入数据与财务账簿不符，虚报${n(c, 100, 5000)}万元。`,
      basis: '《中华人民共和国统计法》第七条、第四十一条第二款第（二）项',
      categories: ['警告', '罚款'],
      fine: [10000, 50000],
      severity: 'general',
      who: COMPANY,
    },
  ],
  'credit-office': [
    {
      type: '招标投标中串通投标',
      facts: c => `当事人在${c.year}年${c.cityShort}${c.rng.pick(['市政道路改造', '老旧小区改造', '污水管网'])}工程招标中与其他投标人串通投标报价。`,
      basis: '《中华人民共和国招标投标法》第三十二条、第五十三条',
      categories: ['罚款'],
      fine: [10000, 300000],
      severity: 'serious',
      who: COMPANY,
    },
  ],
}

const genericPenalty: PenaltyTemplate = {
  type: '违反行政管理秩序',
  facts: c => `经查，当事人于${c.date}存在违反${c.department}职责范围内行政管理规定的行为，经责令改正后仍未改正。`,
  basis: '《中华人民共和国行政处罚法》第二十八条',
  categories: ['警告', '罚款'],
  fine: [1000, 20000],
  severity: 'general',
  who: ANY,
}

const licenseTemplates: Record<string, readonly LicenseTemplate[]> = {
  market: [
    { documentName: '食品经营许可决定书', certificate: '食品经营许可证', category: '普通', prefix: 'JY2', years: 5, who: SHOPS, content: () => '经营项目：预包装食品销售（含冷藏冷冻食品）、散装食品销售、热食类食品制售' },
    { documentName: '特种设备使用登记决定书', certificate: '特种设备使用登记证', category: '登记', prefix: 'TS', years: null, who: COMPANY, content: c => `特种设备使用登记：${c.rng.pick(['乘客电梯', '叉车', '承压蒸汽锅炉', '储气罐'])}${n(c, 1, 6)}台` },
  ],
  'business-env': [
    { documentName: '建筑工程施工许可决定书', certificate: '建筑工程施工许可证', category: '普通', prefix: '2113', years: null, who: COMPANY, content: c => `准予${c.subject.name}在${c.place}建设${c.rng.pick(['住宅楼', '厂房', '综合楼'])}工程施工，建筑面积${n(c, 1000, 60000)}平方米` },
    { documentName: '公共场所卫生许可决定书', certificate: '公共场所卫生许可证', category: '普通', prefix: 'WG', years: 4, who: SHOPS, content: c => `许可项目：${c.rng.pick(['住宿', '沐浴', '美容美发', '游泳场馆'])}` },
    { documentName: '食品经营许可决定书', certificate: '食品经营许可证', category: '普通', prefix: 'JY2', years: 5, who: SHOPS, content: () => '经营项目：热食类食品制售、冷食类食品制售' },
  ],
  environment: [
    { documentName: '排污许可决定书', certificate: '排污许可证', category: '普通', prefix: '9121', years: 5, who: COMPANY, content: c => `行业类别：${c.rng.pick(['水泥制品制造', '热力生产和供应', '金属表面处理', '畜禽养殖'])}；排放污染物种类：颗粒物、二氧化硫、氮氧化物` },
  ],
  housing: [
    { documentName: '建筑业企业资质审批决定书', certificate: '建筑业企业资质证书', category: '认可', prefix: 'D221', years: 5, who: COMPANY, content: c => `准予${c.rng.pick(['建筑工程施工总承包', '市政公用工程施工总承包', '建筑装修装饰工程专业承包'])}${c.rng.pick(['二级', '三级'])}资质` },
    { documentName: '商品房预售许可决定书', certificate: '商品房预售许可证', category: '普通', prefix: '朝房预售', years: null, who: COMPANY, content: c => `准予预售${c.place}项目${n(c, 1, 12)}号楼，预售面积${n(c, 3000, 30000)}平方米` },
  ],
  transport: [
    { documentName: '道路运输经营许可决定书', certificate: '道路运输经营许可证', category: '普通', prefix: '辽交运管许可朝字', years: 4, who: [60, 20, 20], content: c => `经营范围：${c.rng.pick(['道路普通货物运输', '货物专用运输（集装箱）', '道路旅客运输（县内班车客运）'])}` },
  ],
  emergency: [
    { documentName: '危险化学品经营许可决定书', certificate: '危险化学品经营许可证', category: '特许', prefix: '辽朝危化经', years: 3, who: COMPANY, content: c => `许可范围：${c.rng.pick(['汽油、柴油（闭杯闪点≤60℃）', '液化石油气', '工业用盐酸、硫酸'])}（不带储存设施经营）` },
  ],
  health: [
    { documentName: '医疗机构执业许可决定书', certificate: '医疗机构执业许可证', category: '普通', prefix: 'PDY', years: 5, who: ORG, content: c => `诊疗科目：${c.rng.pick(['内科；外科；中医科', '口腔科', '预防保健科；全科医疗科'])}` },
    { documentName: '公共场所卫生许可决定书', certificate: '公共场所卫生许可证', category: '普通', prefix: '朝卫公', years: 4, who: SHOPS, content: () => '许可项目：住宿、美容美发' },
  ],
  hr: [
    { documentName: '劳务派遣经营许可决定书', certificate: '劳务派遣经营许可证', category: '普通', prefix: '211300', years: 3, who: COMPANY, content: () => '许可经营事项：劳务派遣经营' },
    { documentName: '人力资源服务许可决定书', certificate: '人力资源服务许可证', category: '普通', prefix: '辽人服证字', years: null, who: COMPANY, content: () => '服务范围：为劳动者介绍用人单位、为用人单位推荐劳动者、组织开展现场招聘会' },
  ],
  culture: [
    { documentName: '娱乐经营许可决定书', certificate: '娱乐经营许可证', category: '普通', prefix: '211300', years: 2, who: SHOPS, content: c => `经营范围：歌舞娱乐场所，包厢${n(c, 6, 30)}个` },
  ],
  education: [
    { documentName: '民办学校办学许可决定书', certificate: '民办学校办学许可证', category: '普通', prefix: '教民', years: 5, who: COMPANY, content: () => '办学内容：非学科类培训（艺术、体育、科技）' },
  ],
  police: [
    { documentName: '特种行业许可决定书', certificate: '特种行业许可证', category: '特许', prefix: '朝公特旅字', years: null, who: SHOPS, content: c => `许可项目：旅馆业，客房${n(c, 8, 120)}间` },
  ],
  land: [
    { documentName: '建设用地规划许可决定书', certificate: '建设用地规划许可证', category: '普通', prefix: '地字第211300', years: null, who: COMPANY, content: c => `用地位置：${c.place}；用地面积${n(c, 2000, 90000)}平方米；用地性质：${c.rng.pick(['二类居住用地', '工业用地', '商业用地'])}` },
  ],
  agriculture: [
    { documentName: '农药经营许可决定书', certificate: '农药经营许可证', category: '普通', prefix: '农药经许（辽）', years: 5, who: SHOPS, content: () => '经营范围：农药（限制使用农药除外）' },
  ],
  commerce: [
    { documentName: '成品油零售经营批准决定书', certificate: '成品油零售经营批准证书', category: '核准', prefix: '油零售证书第', years: 5, who: COMPANY, content: () => '经营品种：汽油、柴油' },
  ],
  water: [
    { documentName: '取水许可决定书', certificate: '取水许可证', category: '普通', prefix: '取水（朝）字', years: 5, who: ORG, content: c => `取水地点：${c.subject.district}；取水方式：地下水；年取水量${n(c, 1, 60)}万立方米` },
  ],
  civil: [
    { documentName: '民办非企业单位成立登记决定书', certificate: '民办非企业单位登记证书', category: '登记', prefix: '民证字', years: 5, who: COMPANY, content: c => `业务范围：${c.rng.pick(['养老服务、康复护理', '职业技能培训', '社会工作服务'])}` },
  ],
  justice: [
    { documentName: '律师事务所设立许可决定书', certificate: '律师事务所执业许可证', category: '特许', prefix: '3211300', years: null, who: COMPANY, content: () => '准予设立律师事务所，组织形式：普通合伙' },
  ],
  fire: [
    { documentName: '公众聚集场所投入使用、营业前消防安全检查意见书', certificate: '公众聚集场所投入使用、营业前消防安全检查合格证', category: '普通', prefix: '朝消安检字', years: null, who: SHOPS, content: c => `场所建筑面积${n(c, 200, 8000)}平方米，准予投入使用、营业` },
  ],
  'credit-office': [
    { documentName: '企业投资项目核准决定书', certificate: '项目核准文件', category: '核准', prefix: '朝发改核准字', years: 2, who: COMPANY, content: c => `核准建设${c.rng.pick(['风电场', '光伏发电', '生物质热电联产'])}项目，总投资${n(c, 5000, 90000)}万元` },
  ],
}

const genericLicense: LicenseTemplate = {
  documentName: '行政许可决定书', certificate: '许可证', category: '普通', prefix: 'XK', years: 3, who: ORG,
  content: c => `准予${c.subject.name}从事${c.department}监管的许可事项`,
}

const actionTemplates: Partial<Record<RecordKind, Record<string, readonly ActionTemplate[]>>> = {
  inspection: {
    market: [
      { documentName: '现场检查笔录', basis: '《中华人民共和国食品安全法》第一百一十条', who: SHOPS, content: c => `${c.date}对${c.subject.name}开展食品安全日常监督检查，检查结果：${c.rng.pick(['符合', '基本符合，责令限期整改', '符合'])}` },
      { documentName: '“双随机、一公开”抽查检查结果', basis: '《市场监督管理行政执法程序规定》', who: ORG, content: c => `“双随机、一公开”抽查：登记事项、年报公示信息检查，结果：${c.rng.pick(['未发现问题', '未发现问题', '通过登记的住所（经营场所）无法联系'])}` },
    ],
    transport: [
      { documentName: '道路运输企业安全生产检查记录', basis: '《中华人民共和国道路运输条例》第五十九条', who: COMPANY, content: c => `对${c.subject.name}车辆动态监控、驾驶员管理开展检查，结果：${c.rng.pick(['合格', '发现隐患2项，已责令整改'])}` },
    ],
  },
  confirmation: {
    'business-env': [
      { documentName: '行政确认决定书', basis: '《辽宁省优化营商环境条例》', who: COMPANY, content: c => `确认${c.subject.name}${c.rng.pick(['建设工程竣工联合验收合格', '为“专精特新”培育企业', '享受小微企业帮扶政策资格'])}` },
    ],
  },
  levy: {
    tax: [
      { documentName: '税务事项通知书', basis: '《中华人民共和国城镇土地使用税暂行条例》第三条', who: ORG, content: c => `依法征收${c.year}年度城镇土地使用税${n(c, 1000, 200000)}元` },
      { documentName: '税务事项通知书', basis: '《中华人民共和国环境保护税法》第二条', who: COMPANY, content: c => `依法征收${c.year}年第${n(c, 1, 4)}季度环境保护税${n(c, 500, 80000)}元` },
    ],
  },
  enforcement: {
    environment: [
      { documentName: '查封（扣押）决定书', basis: '《中华人民共和国环境保护法》第二十五条', who: COMPANY, content: c => `对当事人违法排放污染物的${c.rng.pick(['生产设备', '喷涂设施', '燃煤锅炉'])}予以查封，期限三十日` },
    ],
    emergency: [
      { documentName: '查封（扣押）决定书', basis: '《中华人民共和国安全生产法》第六十五条第一款第（四）项', who: COMPANY, content: () => '对不符合保障安全生产的国家标准的设施、设备、器材予以查封' },
    ],
    enforcement: [
      { documentName: '扣押决定书', basis: '《中华人民共和国行政强制法》第二十二条', who: [10, 60, 30], content: c => `扣押当事人占道经营物品${n(c, 2, 20)}件` },
    ],
  },
}

const genericAction: Record<string, (c: Ctx) => string> = {
  enforcement: c => `对${c.subject.name}涉案财物依法予以查封扣押`,
  confirmation: c => `确认${c.subject.name}相关资格`,
  levy: c => `依法征收相关费用${n(c, 500, 50000)}元`,
  benefit: c => `向${c.subject.name}发放${c.rng.pick(['稳岗补贴', '就业补贴', '最低生活保障金'])}${n(c, 1000, 50000)}元`,
  ruling: c => `对${c.subject.name}与他人之间的${c.rng.pick(['土地权属', '林木权属', '取水'])}争议作出裁决`,
  compensation: c => `因${c.rng.pick(['道路拓宽', '旧城改造'])}征收，依法给予${c.subject.name}补偿${n(c, 2, 300)}万元`,
  reward: c => `对${c.subject.name}在${c.year}年度${c.rng.pick(['安全生产', '纳税', '诚信经营'])}工作中的突出表现给予通报表扬`,
  inspection: c => `${c.date}对${c.subject.name}开展监督检查，结果：未发现问题`,
}

const listTemplates: Partial<Record<RecordKind, Record<string, readonly ListTemplate[]>>> = {
  redList: {
    tax: [{ basis: '《纳税信用管理办法》第二十九条', years: [1, 1], who: COMPANY, content: c => `${c.year - 1}年度纳税信用级别评定为A级` }],
    'credit-office': [{ basis: '《朝阳市守信激励对象名单管理办法》', years: [2, 3], who: COMPANY, content: c => `${c.year}年度“诚信示范企业”` }],
  },
  blackList: {
    'credit-office': [{ basis: '《失信行为纠正后的信用信息修复管理办法》，《朝阳市严重失信主体名单管理办法》', years: [3, 3], who: ORG, content: () => '拒不履行法定义务，严重影响司法机关、行政机关公信力' }],
    market: [{ basis: '《市场监督管理严重违法失信名单管理办法》第二条、第九条', years: [3, 3], who: ORG, content: c => `因${c.rng.pick(['食品安全严重违法', '提交虚假材料取得公司登记', '被列入经营异常名录届满3年仍未履行相关义务'])}被列入严重违法失信名单` }],
    tax: [{ basis: '《重大税收违法失信主体信息公布管理办法》第六条', years: [3, 3], who: COMPANY, content: c => `虚开增值税专用发票${n(c, 10, 200)}份，金额${n(c, 100, 3000)}万元，属于重大税收违法失信主体` }],
    environment: [{ basis: '《企业环境信用评价办法（试行）》第十五条', years: [2, 3], who: COMPANY, content: () => '篡改、伪造自动监测数据，环境信用评价为环保不良企业' }],
    housing: [{ basis: '《建筑市场信用管理暂行办法》第十四条', years: [1, 3], who: COMPANY, content: () => '发生较大及以上工程质量安全事故，列入建筑市场主体“黑名单”' }],
    emergency: [{ basis: '《安全生产严重失信主体名单管理办法》第五条', years: [3, 3], who: COMPANY, content: () => '发生生产安全事故造成人员死亡，对事故负有责任，列入安全生产严重失信主体名单' }],
    hr: [{ basis: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条', years: [3, 3], who: [70, 10, 20], content: c => `拖欠农民工工资${n(c, 30, 400)}万元，经责令限期支付逾期未支付` }],
    civil: [{ basis: '《社会组织信用信息管理办法》第十二条', years: [2, 2], who: COMPANY, content: () => '被列入活动异常名录期满仍未纠正，列入严重违法失信名单' }],
    'medical-insurance': [{ basis: '《医疗保障基金使用监督管理条例》第四十条', years: [3, 3], who: ORG, content: c => `骗取医疗保障基金${n(c, 5, 100)}万元，列入医疗保障领域严重失信名单` }],
  },
  watchList: {
    'credit-office': [{ basis: '《朝阳市重点关注对象名单管理办法》', years: [1, 1], who: ORG, content: () => '一年内受到三次以上行政处罚，列入重点关注名单' }],
    market: [{ basis: '《市场主体登记管理条例实施细则》第七十条，《企业经营异常名录管理暂行办法》第四条', years: [1, 3], who: ORG, content: c => c.rng.pick(['通过登记的住所或者经营场所无法联系', '未按规定期限公示年度报告', '公示企业信息隐瞒真实情况、弄虚作假']) }],
  },
  judgmentDefaulter: {
    court: [{
      basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第（一）项',
      years: [2, 2],
      who: [40, 10, 50],
      content: c => `有履行能力而拒不履行生效法律文书确定义务，未履行金额${n(c, 1, 500)}万元`,
    }],
  },
}

const genericList: ListTemplate = { basis: '《中华人民共和国行政处罚法》', years: [1, 3], who: ORG, content: c => `由${c.department}认定列入` }

/** Document-number abbreviations of the demo city's departments (朝市监罚〔2025〕123号). */
const ABBREVIATIONS: Record<string, string> = {
  'credit-office': '朝发改', market: '朝市监', 'business-env': '朝营商', tax: '朝税', environment: '朝环',
  housing: '朝住建', transport: '朝交', emergency: '朝应急', health: '朝卫', hr: '朝人社', culture: '朝文旅',
  education: '朝教', police: '朝公', land: '朝自然资', agriculture: '朝农', commerce: '朝商', water: '朝水',
  civil: '朝民', justice: '朝司', 'medical-insurance': '朝医保', enforcement: '朝综执', fire: '朝消',
  court: '辽13', finance: '朝财', statistics: '朝统',
}
const KIND_MARK: Record<RecordKind, string> = {
  license: '许', penalty: '罚', enforcement: '强', confirmation: '确', levy: '征', benefit: '给', ruling: '裁',
  compensation: '补', reward: '奖', inspection: '检', redList: '信红', blackList: '信黑', watchList: '信关', judgmentDefaulter: '执',
}

/** How often a department and a kind appear: the market regulator dominates, as in real portals. */
const DEPARTMENT_WEIGHT: Record<string, number> = {
  market: 12, tax: 6, 'business-env': 5, transport: 4, environment: 3, emergency: 3, housing: 3, fire: 3, health: 3,
  police: 3, enforcement: 3, court: 3, culture: 2, hr: 2, agriculture: 2, 'credit-office': 2,
}
const KIND_WEIGHT: Partial<Record<RecordKind, number>> = {
  license: 6, penalty: 6, inspection: 4, confirmation: 3, levy: 3, enforcement: 2, redList: 1, blackList: 1, watchList: 1, judgmentDefaulter: 3,
}

// ---------------------------------------------------------------------------------------------------
// Rows

const formatNumber = (value: number) => String(Number(value.toFixed(6)))
const yuan = (value: number) => value.toLocaleString('en-US')

interface Choice { department: CityConfig['departments'][number], kind: RecordKind, weight: number }

function choices(city: CityConfig, kinds: readonly RecordKind[] | undefined): Choice[] {
  const wanted = new Set(kinds ?? recordKinds)
  const list: Choice[] = []
  for (const department of city.departments) {
    const allowed = department.kinds.filter(k => wanted.has(k))
    const total = department.kinds.reduce((s, k) => s + (KIND_WEIGHT[k] ?? 1), 0)
    for (const kind of allowed) {
      list.push({ department, kind, weight: (DEPARTMENT_WEIGHT[department.slug] ?? 1) * (KIND_WEIGHT[kind] ?? 1) / total })
    }
  }
  return list
}

const abbreviationOf = (department: Choice['department'], city: CityConfig) =>
  ABBREVIATIONS[department.slug] ?? `${city.city.name.slice(0, 1)}${department.name.replace(city.city.name, '').slice(0, 2)}`

/**
 * `count` rows over every kind some department's catalog allows (or `options.kinds`), each from a
 * department that may publish it. Lazy: a million rows never sit in memory at once.
 */
export function* generateRows(count: number, options: GenerateOptions = {}): Generator<GeneratedRow> {
  const seed = options.seed ?? 1
  const today = options.today ?? todayInChina()
  const city = options.city ?? loadCity()
  const geo = geographyOf(city)
  const pool = Math.max(STRIDE * 2, options.subjects ?? Math.ceil(count / 8))
  const pairs = choices(city, options.kinds)
  if (!pairs.length) throw new Error(`没有数据来源单位可以报送所选类别：${(options.kinds ?? []).map(k => kindLabels[k]).join('、')}`)
  const weightedPairs = pairs.map(p => [p, p.weight] as const)
  const firstDay = dayNumber(options.from ?? '2021-01-01')
  const lastDay = dayNumber(today)
  if (lastDay < firstDay) throw new Error('today 早于最早决定日期')
  const serials = new Map<string, number>()
  const subjects = new Map<number, Subject>()
  const rng = new Rng(fmix32(seed ^ 0xC0FFEE))

  const subjectFor = (who: Who): Subject => {
    const kind = rng.weighted<SubjectKind>([['legal_entity', who[0]], ['individual_business', who[1]], ['natural_person', who[2]]])
    const offset = rng.pick(typeOffsets[kind])
    const slots = Math.floor((pool - 1 - offset) / STRIDE) + 1
    // Skewed: a few subjects gather many records, most have several.
    const index = Math.floor(slots * rng.next() ** 1.6) * STRIDE + offset
    let subject = subjects.get(index)
    if (!subject) {
      subject = makeSubject(seed, index, geo)
      if (subjects.size > 50_000) subjects.clear()
      subjects.set(index, subject)
    }
    return subject
  }

  for (let i = 0; i < count; i++) {
    const { department, kind } = rng.weighted(weightedPairs)
    const family = familyOf(kind)
    // Recent years hold more records than early ones.
    const decisionDate = isoOfDay(lastDay - Math.floor((lastDay - firstDay + 1) * rng.next() ** 1.25))
    const year = Number(decisionDate.slice(0, 4))
    const serialKey = `${department.slug}|${kind}|${year}`
    const serial = (serials.get(serialKey) ?? 0) + 1
    serials.set(serialKey, serial)
    const abbreviation = abbreviationOf(department, city)
    const documentNumber = kind === 'judgmentDefaulter'
      ? `（${year}）${abbreviation}执${serial}号`
      : `${abbreviation}${KIND_MARK[kind]}〔${year}〕${serial}号`

    let who: Who = ORG
    let fill: (c: Ctx, values: Record<string, string>) => void
    if (kind === 'penalty') {
      const template = rng.pick(penaltyTemplates[department.slug] ?? [genericPenalty])
      who = template.who ?? ANY
      fill = (c, v) => penaltyValues(c, v, template)
    }
    else if (kind === 'license') {
      const template = rng.pick(licenseTemplates[department.slug] ?? [genericLicense])
      who = template.who ?? ORG
      fill = (c, v) => licenseValues(c, v, template, decisionDate, today, serial)
    }
    else if (family === 'action') {
      const template = rng.pick<ActionTemplate>(actionTemplates[kind]?.[department.slug] ?? [{ documentName: `${kindLabels[kind]}决定书`, basis: '', content: genericAction[kind]! }])
      who = template.who ?? ORG
      fill = (c, v) => {
        v.category = kindLabels[kind]
        v.documentName = template.documentName
        v.content = template.content(c)
        if (template.basis) v.legalBasis = template.basis
      }
    }
    else {
      const template = rng.pick(listTemplates[kind]?.[department.slug] ?? [genericList])
      who = kind === 'redList' ? COMPANY : template.who ?? ORG
      fill = (c, v) => {
        v.category = kindLabels[kind]
        v.content = template.content(c)
        v.legalBasis = template.basis
        if (template.years) v.validTo = plusYears(decisionDate, c.rng.int(template.years[0], template.years[1]))
      }
    }

    const subject = subjectFor(who)
    const c: Ctx = {
      rng,
      subject,
      date: chineseDate(decisionDate),
      year,
      place: `${subject.district}${rng.pick(STREETS)}${rng.int(1, 399)}号`,
      cityShort: geo.cityShort,
      department: department.name,
    }
    const values: Record<string, string> = {
      subjectName: subject.name,
      subjectCategory: subjectKindLabels[subject.kind],
    }
    if (subject.creditCode) values.creditCode = subject.creditCode
    if (subject.legalRepresentative) values.legalRepresentative = subject.legalRepresentative
    if (subject.idNumber) {
      values.idType = '身份证'
      values.idNumber = subject.idNumber
    }
    if (family !== 'list' && subject.legalRepIdNumber) {
      values.legalRepIdType = '身份证'
      values.legalRepIdNumber = subject.legalRepIdNumber
    }
    values.documentNumber = documentNumber
    values.decisionDate = decisionDate
    fill(c, values)
    values.authority = department.name
    values.authorityCreditCode = department.creditCode
    values.sourceDepartment = department.name
    values.sourceDepartmentCreditCode = department.creditCode
    if (rng.chance(0.03)) values.remarks = rng.pick(['已整改到位', '当事人已履行完毕', '系统补录数据', '已按期缴纳罚款'])
    yield { family, kind, row: { row: i + 1, values } }
  }
}

function penaltyValues(c: Ctx, v: Record<string, string>, t: PenaltyTemplate): void {
  const round = (x: number) => Math.max(100, Math.round(x / 100) * 100)
  const fine = t.fine ? round(c.rng.int(t.fine[0], t.fine[1])) : 0
  const confiscated = t.confiscate ? Math.round(c.rng.int(t.confiscate[0], t.confiscate[1])) : 0
  const parts = t.categories.map((category) => {
    if (category === '罚款') return `罚款人民币${yuan(fine)}元`
    if (category === '没收违法所得') return `没收违法所得人民币${yuan(confiscated)}元`
    if (category === '责令停产停业') return `责令停产停业整顿${c.rng.pick(['十五日', '一个月', '三个月'])}`
    if (category === '行政拘留') return `行政拘留${c.rng.int(3, 10)}日`
    if (category === '吊销许可证件' || category === '暂扣许可证件') return `${category.slice(0, 2)}${t.licence ?? '许可证件'}`
    if (category === '其他') return c.rng.pick(['责令限期改正', '责令退还违法占用的土地', '责令退回违法所得'])
    return category
  })
  v.violationType = t.type
  v.violationFacts = c.rng.chance(0.3) ? `${c.subject.name}：${t.facts(c)}` : t.facts(c)
  v.legalBasis = t.basis
  v.penaltyCategories = t.categories.join(';')
  v.content = `依据${t.basis.split('，')[0]}的规定，对当事人作出如下行政处罚：${parts.map((p, i) => `${i + 1}.${p}`).join('；')}。`
  if (fine) v.fineAmount = formatNumber(fine / 10_000)
  if (confiscated) v.confiscatedAmount = formatNumber(confiscated / 10_000)
  if (t.licence) v.suspendedLicense = t.licence
  // Departments state the grade only sometimes (rule 3: 一般 when absent).
  if (c.rng.chance(0.45)) {
    const severity = c.rng.chance(0.8) ? t.severity : c.rng.pick(['minor', 'general', 'serious'] as const)
    v.severity = severityLabels[severity]
  }
}

function licenseValues(c: Ctx, v: Record<string, string>, t: LicenseTemplate, decisionDate: IsoDate, today: IsoDate, serial: number): void {
  v.documentName = t.documentName
  v.licenseCategory = t.category
  v.certificateName = t.certificate
  v.licenseNumber = `${t.prefix}${c.year}${String(serial).padStart(6, '0')}`
  v.content = t.content(c)
  v.validFrom = decisionDate
  if (t.years !== null) v.validTo = plusYears(decisionDate, t.years)
  const lapsed = v.validTo !== undefined && v.validTo < today
  v.licenseStatus = lapsed || c.rng.chance(0.02) ? '无效' : '有效'
}

// ---------------------------------------------------------------------------------------------------
// Files

function csvCell(value: string | undefined): string {
  if (value === undefined) return ''
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/**
 * Writes `count` rows of one family as a department's CSV file (UTF-8, the standard's Chinese headers),
 * streaming to disk with back-pressure. Returns the rows written.
 */
export async function writeFamilyCsv(path: string, family: RecordFamily, count: number, options: GenerateOptions = {}): Promise<number> {
  const columns = familyColumns[family]
  const kinds = (options.kinds ?? recordKinds).filter(k => familyOf(k) === family)
  const out = createWriteStream(path, { encoding: 'utf8' })
  const failed = new Promise<never>((_, reject) => out.once('error', reject))
  const write = async (line: string) => {
    if (!out.write(line)) await Promise.race([once(out, 'drain'), failed])
  }
  let written = 0
  let buffer = `${columns.map(c => c.header).join(',')}\n`
  for (const { row } of generateRows(count, { ...options, kinds })) {
    buffer += `${columns.map(c => csvCell(row.values[c.key] as string | undefined)).join(',')}\n`
    written++
    if (buffer.length > 65_536) {
      await write(buffer)
      buffer = ''
    }
  }
  await write(buffer)
  out.end()
  await Promise.race([once(out, 'finish'), failed])
  return written
}
