// The words of Vietnamese administrative plans the extractor reads targets by: units of measure,
// the words that say what kind of target a figure is (đạt, trên, dưới, không quá, giảm, tăng …),
// and how a figure's digits are read. General to the genre (kế hoạch, nghị quyết of a commune's
// people's committee), never to one document's wording.
import { upperFirst } from './lines'

/** A found target's name that names nothing but its level: "Đạt", "Tăng từ", "Duy trì ổn định", "Phấn đấu đạt". */
export const LEVEL_ONLY_NAME_RE = /^(?:(?:phấn đấu|đạt|tăng|giảm|từ|trên|dưới|duy trì|ổn định|ít nhất|tối thiểu|không dưới|không quá|bằng|khoảng|mức|trở lên|trở xuống)(?:\s+|$))*$/iu

/** "sửa lại:", "Đính chính:", "em xin sửa lại:", "- Điều chỉnh lại:": a line correcting a figure the plan stated before. */
export const CORRECTION_RE = /^(?:[-+•*]\s+)?(?:(?:em|mình|tôi|xin)\s+){0,2}(?:sửa lại|đính chính|điều chỉnh lại|chỉnh lại)\s*:\s*/iu

export interface UnitInfo {
  /** How the plan file writes it. */
  canonical: string
  /** Counted things and money in đồng: a figure is a whole number. */
  integer: boolean
}

/** What a crop's yield weighs: beans, grain, paddy, roots, fruit, fresh buds, dried. */
const YIELD_PRODUCTS = ['nhân', 'hạt', 'thóc', 'củ', 'củ tươi', 'quả', 'quả tươi', 'trái', 'trái tươi', 'búp tươi', 'tươi', 'khô', 'mủ khô']

const UNIT_LIST: [string[], string, boolean][] = [
  // A table's unit cell may say what the percentage is of ("% kế hoạch", "% chỉ tiêu giao").
  [['%', 'điểm phần trăm', 'điểm %', '% kế hoạch', '% KH', '% chỉ tiêu', '% chỉ tiêu giao', '% dự toán'], '%', false],
  [['‰'], '‰', false],
  [['triệu đồng/người/năm', 'triệu/người/năm', 'tr.đ/người/năm'], 'triệu đồng/người/năm', false],
  [['triệu đồng/năm'], 'triệu đồng/năm', false],
  [['triệu đồng/người', 'triệu/người', 'tr.đồng/người'], 'triệu đồng/người', false],
  // A yield may name the product weighed between the weight and the hectare ("3,2 tấn nhân/ha" of
  // green coffee beans, "55 tạ thóc/ha", "25 tấn củ tươi/ha"): the same yield in tấn/ha or tạ/ha.
  [['tạ/ha', ...YIELD_PRODUCTS.map((p) => `tạ ${p}/ha`)], 'tạ/ha', false],
  [['tấn/ha', ...YIELD_PRODUCTS.map((p) => `tấn ${p}/ha`)], 'tấn/ha', false],
  // "235 triệu đồng/ha/năm": a hectare's yield in money over the year, as written.
  [['triệu đồng/ha/năm', 'tr.đ/ha/năm', 'triệu/ha/năm'], 'triệu đồng/ha/năm', false],
  [['triệu đồng/ha', 'tr.đ/ha', 'triệu/ha', 'tr.đồng/ha'], 'triệu đồng/ha', false],
  [['nghìn đồng', 'ngàn đồng'], 'nghìn đồng', false],
  [['triệu đồng', 'tr.đồng', 'trđ', 'tr.đ', 'tr đồng'], 'triệu đồng', false],
  [['tỷ đồng', 'tỉ đồng', 'tỷ đ'], 'tỷ đồng', false],
  // Border trade is counted in dollars ("đạt 42 triệu USD trở lên").
  [['triệu USD', 'triệu đô la', 'triệu đô-la'], 'triệu USD', false],
  [['đồng', 'đ'], 'đồng', true],
  // Freight through a port or a wharf, a big crop's output: by the thousand or the million tonnes ("đạt 3,2 triệu tấn").
  [['triệu tấn'], 'triệu tấn', false],
  // Containers through a port, in twenty-foot equivalent units ("hàng container đạt 1,6 triệu TEU").
  [['triệu TEU'], 'triệu TEU', false],
  [['nghìn TEU', 'ngàn TEU'], 'nghìn TEU', false],
  [['TEU'], 'TEU', false],
  [['nghìn tấn', 'ngàn tấn'], 'nghìn tấn', false],
  // "lúa 4.100 t": a note's "t" after a figure is tấn.
  [['tấn', 't'], 'tấn', false],
  [['tạ'], 'tạ', false],
  // Fish sauce, milk, water sold: by the litre, the thousand or the million litres ("đạt tối thiểu 3,2 triệu lít").
  [['triệu lít'], 'triệu lít', false],
  [['nghìn lít', 'ngàn lít'], 'nghìn lít', false],
  [['lít'], 'lít', false],
  [['kg/người/năm', 'kg/người'], 'kg/người/năm', false],
  // A yield weighed in kilograms ("năng suất trứng artemia 120 kg/ha", seeds, pepper, honey).
  [['kg/ha'], 'kg/ha', false],
  [['kg'], 'kg', false],
  [['ha', 'héc-ta', 'héc ta', 'hecta'], 'ha', false],
  [['m²', 'm2', 'mét vuông'], 'm²', false],
  // "Nâng công suất cấp nước lên 4.500 m3/ngày đêm": a plant's capacity, per day and night.
  [['m³/ngày đêm', 'm3/ngày đêm', 'm³/ngày.đêm', 'm3/ngày.đêm', 'm³/ngđ', 'm3/ngđ'], 'm³/ngày đêm', false],
  [['m³', 'm3', 'mét khối'], 'm³', false],
  [['km'], 'km', false],
  // Cloth and nets are counted by the metre ("lụa tơ tằm dệt đạt 260.000 mét"); a size is no quantity
  // ("tàu cá có chiều dài từ 15 mét trở lên": sizeAfter below).
  [['mét'], 'mét', false],
  [['nghìn con', 'ngàn con'], 'nghìn con', false],
  // Fry, fingerlings and ornamental fish are counted by the million ("sản lượng cá giống đạt 12 triệu con").
  [['triệu con'], 'triệu con', false],
  // Shrimp seed hatched and sold, by the billion ("xuất trại 1,6 tỷ con post").
  [['tỷ con'], 'tỷ con', false],
  [['con'], 'con', true],
  // Bee colonies are counted by the colony ("duy trì 1.200 đàn ong"), a flock or a colony as such.
  [['đàn'], 'đàn', true],
  [['hộ'], 'hộ', true],
  // Comrades are counted in people ("8 đồng chí"); workers (lao động) and a named membership
  // ("đảng viên") keep the plan's own word.
  [['người', 'đồng chí'], 'người', true],
  [['lao động', 'LĐ'], 'lao động', true],
  [['học sinh'], 'học sinh', true],
  [['trẻ'], 'trẻ', true],
  [['cháu'], 'cháu', true],
  [['lượt hộ'], 'lượt hộ', true],
  // Jobs found counted in turns of workers ("giải quyết việc làm cho 1.300 lượt lao động"): the plan's own word.
  [['lượt lao động', 'lượt LĐ'], 'lượt lao động', true],
  [['lượt người', 'lượt'], 'lượt', true],
  // Visitors to a tourist place, by the thousand or the million ("đón từ 1,25 triệu lượt khách trở lên").
  [['triệu lượt khách'], 'triệu lượt khách', false],
  [['triệu lượt'], 'triệu lượt', false],
  [['nghìn lượt khách', 'ngàn lượt khách'], 'nghìn lượt khách', false],
  [['nghìn lượt', 'ngàn lượt'], 'nghìn lượt', false],
  [['phiên'], 'phiên', true],
  [['suất'], 'suất', true],
  [['công trình'], 'công trình', true],
  [['cây cầu', 'cầu'], 'cầu', true],
  [['vườn mẫu', 'vườn'], 'vườn', true],
  [['doanh nghiệp', 'DN'], 'doanh nghiệp', true],
  [['di tích'], 'di tích', true],
  [['chuỗi liên kết', 'chuỗi'], 'chuỗi', true],
  [['hợp tác xã', 'HTX'], 'hợp tác xã', true],
  // Investment projects a commune draws in ("thu hút ít nhất 03 dự án đầu tư"), counted as such.
  [['dự án'], 'dự án', true],
  // Classes a plan opens ("mở ít nhất 04 lớp đào tạo nghề"), counted as such.
  [['lớp'], 'lớp', true],
  [['sản phẩm', 'SP'], 'sản phẩm', true],
  [['cơ sở'], 'cơ sở', true],
  [['chợ'], 'chợ', true],
  // "có thêm 01 làng nghề được công nhận": a craft village is counted as such, not as a village.
  [['làng nghề'], 'làng nghề', true],
  [['đập'], 'đập', true],
  // Sluices and culverts of the irrigation works ("xây dựng mới 03 cống ngăn mặn"), counted as such.
  [['cống'], 'cống', true],
  [['phòng học'], 'phòng học', true],
  // Rooms of hotels and homestays ("tổng số phòng lưu trú đạt 1.650 phòng trở lên"), counted as such.
  [['phòng lưu trú', 'phòng nghỉ', 'phòng'], 'phòng', true],
  // Or in buồng, the hotel trade's word for a room ("đạt 6.800 buồng trở lên"), counted in the plan's own word.
  [['buồng lưu trú', 'buồng nghỉ', 'buồng'], 'buồng', true],
  [['trường học', 'trường'], 'trường', true],
  [['tiêu chí'], 'tiêu chí', true],
  // A grassroots trade union ("Thành lập mới ít nhất 12 công đoàn cơ sở"), counted as such.
  [['công đoàn cơ sở'], 'công đoàn cơ sở', true],
  [['tuyến đường', 'tuyến'], 'tuyến', true],
  [['tuyến phố'], 'tuyến phố', true],
  [['điểm'], 'điểm', true],
  [['đợt'], 'đợt', true],
  [['giường bệnh', 'giường'], 'giường', true],
  // Per population ("9 bác sĩ/vạn dân") and a ratio at birth ("110 bé trai/100 bé gái"): rates.
  [['bác sĩ/vạn dân', 'bác sỹ/vạn dân', 'bác sĩ/1 vạn dân'], 'bác sĩ/vạn dân', false],
  [['giường bệnh/vạn dân', 'giường/vạn dân'], 'giường bệnh/vạn dân', false],
  [['bé trai/100 bé gái'], 'bé trai/100 bé gái', false],
  // The plan's own word: "35 nhà tạm" counts nhà, "40 căn" counts căn.
  [['căn nhà', 'căn'], 'căn', true],
  // An apartment ("320 căn hộ nhà ở xã hội"), counted as such: "hộ" there is no household.
  [['căn hộ'], 'căn hộ', true],
  [['ngôi nhà', 'nhà'], 'nhà', true],
  // A lodging house for migrant workers ("60 nhà trọ đạt tiêu chuẩn …"), counted as such, not as a house.
  [['nhà trọ', 'khu nhà trọ'], 'nhà trọ', true],
  // A growing area's or a product's code for export ("Cấp mới 03 mã số vùng trồng").
  [['mã số'], 'mã số', true],
  [['thẻ'], 'thẻ', true],
  [['triệu cây'], 'triệu cây', false],
  // Power plants: the capacity connected to the grid in megawatts ("291 MW"), the electricity sent
  // to it in kilowatt-hours, by the million ("720 triệu kWh").
  [['MW'], 'MW', false],
  [['triệu kWh'], 'triệu kWh', false],
  [['kWh'], 'kWh', false],
  // The plan's own word for what it counts: "trái" for fruit ("27,5 triệu trái dừa"), "quả" for eggs
  // or fruit ("96 triệu quả trứng"), kept as written like "căn" and "nhà".
  [['triệu trái'], 'triệu trái', false],
  [['triệu quả'], 'triệu quả', false],
  // Cut flowers are counted by the million stems or blooms ("sản lượng hoa đạt 1.260 triệu cành").
  [['triệu cành'], 'triệu cành', false],
  [['triệu bông'], 'triệu bông', false],
  [['đội'], 'đội', true],
  [['cây'], 'cây', true],
  // The ornamental and nursery trades count by their own words: pots of ornamental plants sold for
  // Tết ("cung ứng 240.000 chậu mai", "sản xuất 1,2 triệu chậu hoa"), trees by the root ("trồng mới
  // 3.500 gốc đào"), seedlings raised in bags ("ươm 800.000 bầu cây giống") and cut branches ("50.000
  // cành đào"): the plan's own word, as "cây" ("18 triệu cây giống" stays in "triệu cây").
  // Lamps put up ("lắp đặt mới 120 bóng đèn chiếu sáng công cộng"), counted by the bulb.
  [['bóng đèn', 'bóng'], 'bóng', true],
  [['chậu'], 'chậu', true],
  [['gốc'], 'gốc', true],
  [['bầu'], 'bầu', true],
  [['cành'], 'cành', true],
  [['tàu cá', 'tàu'], 'tàu', true],
  [['thuyền'], 'thuyền', true],
  [['chiếc'], 'chiếc', true],
  // Goods a craft or a farm turns out are counted by their own count word: pairs of sedge mats or
  // shoes ("420.000 đôi"), sets ("3.000 bộ bàn ghế"), sheets of brocade ("2.000 tấm"), cases
  // ("10.000 thùng"), pieces ("500 cái"), rafts of fish cages ("40 bè"), racks of pearl oysters
  // hung in the sea ("1.450 giàn nuôi trai"), and pearls, tablets or bricks by the piece ("52.000 viên").
  [['đôi'], 'đôi', true],
  [['bộ'], 'bộ', true],
  [['tấm'], 'tấm', true],
  [['thùng'], 'thùng', true],
  [['cái'], 'cái', true],
  [['bè'], 'bè', true],
  [['giàn'], 'giàn', true],
  [['viên'], 'viên', true],
  // Cells of fish cages on a lagoon ("số ô lồng nuôi cá … không quá 1.200 ô"), counted as such.
  [['ô lồng', 'ô'], 'ô', true],
  // Kilns and furnaces of a craft ("chuyển đổi ít nhất 15 lò nung thủ công", "duy trì 12 lò gốm cổ"), counted as such.
  [['lò'], 'lò', true],
  // Security cameras a ward installs ("Lắp đặt mới ≥ 60 camera an ninh"), counted as such.
  [['camera'], 'camera', true],
  // Water tanks handed out where salt water comes in ("lắp đặt 350 bồn chứa nước ngọt"), counted as such.
  [['bồn'], 'bồn', true],
  [['lồng bè', 'lồng'], 'lồng', true],
  [['mô hình'], 'mô hình', true],
  [['hồ sơ'], 'hồ sơ', true],
  [['câu lạc bộ', 'CLB'], 'câu lạc bộ', true],
  [['tổ hợp tác'], 'tổ hợp tác', true],
  [['tổ hội'], 'tổ hội', true],
  [['chi hội'], 'chi hội', true],
  [['đơn vị máu'], 'đơn vị máu', true],
  [['vụ'], 'vụ', true],
  // Couples married as children or of close kin ("xảy ra 03 cặp tảo hôn"), counted by the couple.
  [['cặp'], 'cặp', true],
  [['đoàn viên'], 'đoàn viên', true],
  [['hội viên'], 'hội viên', true],
  [['đảng viên', 'ĐV'], 'đảng viên', true],
  // Craftsmen honoured for their craft ("ít nhất 02 nghệ nhân được công nhận danh hiệu …"), counted as such.
  [['nghệ nhân'], 'nghệ nhân', true],
  // Innovations recognised ("có ít nhất 60 sáng kiến, cải tiến kỹ thuật … được công nhận"), counted as such.
  [['sáng kiến'], 'sáng kiến', true],
]

/**
 * Units and places counted only as a share of their whole ("7/9 thôn", "3/5 tổ dân phố") or as
 * new ones ("thêm 01 thôn đạt chuẩn …") or bounded ("có ít nhất 12 thôn đạt …", "có từ 12 thôn trở
 * lên đạt …"): a bare "12 thôn" is how many there are, never a target, unless a target's subject
 * names those units and a title they hold ("Số thôn văn hóa: 12 thôn", SUBJECT_COUNT).
 */
// (The villages of the K'Ho and M'nông of the Central Highlands are "bon": "12/14 thôn, bon".)
// (A Catholic commune counts its parishes' parts too: "có ít nhất 20/24 giáo họ được công nhận …".)
const FRACTION_NOUNS = ['thôn', 'tổ dân phố', 'khu dân cư', 'khu phố', 'khối phố', 'khóm', 'ấp', 'bản', 'làng', 'xóm', 'buôn', 'bon', 'plei', 'cơ quan', 'đơn vị', 'giáo họ', 'giáo xứ']

const UNIT_BY_SPELLING = new Map<string, UnitInfo>()
for (const [spellings, canonical, integer] of UNIT_LIST) for (const s of spellings) UNIT_BY_SPELLING.set(s.toLowerCase(), { canonical, integer })
/**
 * Goods a craft turns out by the million, each by its own count word ("sản xuất 1,8 triệu chiếc nón
 * lá", "2,5 triệu viên gạch", "1,2 triệu đôi giày", "2,6 triệu mét vải lụa"), as "triệu cây", "triệu trái": the plan's own unit.
 * ("triệu sản phẩm" is not one: a plan has counted it out in sản phẩm.)
 */
for (const word of ['chiếc', 'cái', 'đôi', 'bộ', 'tấm', 'thùng', 'viên', 'chậu', 'bầu', 'mét']) UNIT_BY_SPELLING.set(`triệu ${word}`, { canonical: `triệu ${word}`, integer: false })
for (const noun of FRACTION_NOUNS) UNIT_BY_SPELLING.set(noun, { canonical: noun, integer: true })
/**
 * "29/31 khu trở lên", "12/14 khu đạt danh hiệu …": a ward's or a thị trấn's residential groups
 * called "khu" alone, counted as a share of all of them. Only so: a bare "khu" is also an area
 * ("khu vực", "khu công nghiệp", "khu vui chơi").
 */
// (The look back is bounded: it runs at every place a figure's digits are tried, and unbounded it
// went back over a long run of digits or spaces each time.)
const SHARE_ONLY_KHU = String.raw`(?<=\d/\d{1,15}\s{0,20})khu(?=\s+(?:trở lên|đạt|giữ vững|được)(?![\p{L}])|\s*[.;,)]|\s*$)`
UNIT_BY_SPELLING.set('khu', { canonical: 'khu', integer: true })

/**
 * Who produces or trades, counted: households, establishments, firms, cooperatives and
 * cooperative groups. Two of them joined by a comma are counted together as one unit ("duy trì
 * ít nhất 62 hộ, cơ sở sản xuất đạt …", "thành lập mới 05 hợp tác xã, tổ hợp tác"): the figure
 * counts both, and the clause goes on past the comma. ("DN", "HTX", "THT": their abbreviations, as a
 * table's unit column writes them, "| HTX, THT |".)
 */
const PRODUCER_NOUNS = new Map<string, string>([['hộ', 'hộ'], ['cơ sở', 'cơ sở'], ['doanh nghiệp', 'doanh nghiệp'], ['dn', 'doanh nghiệp'], ['hợp tác xã', 'hợp tác xã'], ['htx', 'hợp tác xã'], ['tổ hợp tác', 'tổ hợp tác'], ['tht', 'tổ hợp tác']])

/** Units that count the same things: a part in "lao động" of a whole in "người". */
export function unitFamily(unit: string): string {
  return ['người', 'lao động', 'lượt', 'lượt lao động', 'đoàn viên', 'hội viên', 'đảng viên'].includes(unit) ? 'người' : unit
}

/**
 * A ratio per hundred of another kind, as a table's unit cell writes it: "số bé trai/100 bé gái",
 * "trẻ trai/100 trẻ gái", "nam/100 nữ" (the sex ratio at birth). A rate, kept in the plan's own words.
 */
const PER_HUNDRED_RE = /^(?:số\s)?\p{L}+(?:\s\p{L}+){0,3}\s?\/\s?100\s\p{L}+(?:\s\p{L}+){0,3}$/u

export function unitInfo(spelling: string): UnitInfo | undefined {
  const key = spelling.toLowerCase().replace(/\s+/g, ' ')
  // "12/15 thôn, buôn": villages of two kinds counted together.
  const kinds = key.split(/\s*,\s*/u)
  if (kinds.length > 1 && kinds.every((k) => FRACTION_NOUNS.includes(k))) return { canonical: kinds.join(', '), integer: true }
  // "62 hộ, cơ sở sản xuất", "| hộ, cơ sở |": producers of two kinds counted together, one unit.
  const producers = kinds.map((k) => PRODUCER_NOUNS.get(k))
  if (kinds.length === 2 && producers.every((k) => k !== undefined) && producers[0] !== producers[1]) return { canonical: producers.join(', '), integer: true }
  return UNIT_BY_SPELLING.get(key) ?? (PER_HUNDRED_RE.test(key) ? { canonical: spelling.trim().replace(/\s+/gu, ' '), integer: false } : undefined)
}

/** Every spelling of a unit the lexicon reads, as written there (lower case): "tấn", "tạ/ha", "triệu đồng/người/năm", "thôn". */
export const unitSpellings = (): string[] => [...UNIT_BY_SPELLING.keys()]

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
// (One alternative a first noun, each followed by a comma and a second noun of another kind, so
// that "35 hộ, hộ cận nghèo …" stays a count of households; bounded spaces, no look-behind.)
const PRODUCER_PAIR = [...PRODUCER_NOUNS.keys()]
  .map((a) => `${escape(a)}\\s{0,3},\\s{0,3}(?:${[...PRODUCER_NOUNS.keys()].filter((b) => PRODUCER_NOUNS.get(b) !== PRODUCER_NOUNS.get(a)).sort((x, y) => y.length - x.length).map(escape).join('|')})(?![\\p{L}\\d])`)
  .join('|')

/**
 * "ít nhất 12 lần trong năm": a count of times in the year is a target; "03 lần mỗi tháng", "01
 * lần/năm", "3 lần trong thai kỳ" say how often a duty is done or what a rate counts, and are not.
 */
UNIT_BY_SPELLING.set('lần', { canonical: 'lần', integer: true })
const TIMES = String.raw`lần(?=\s+trong năm(?![\p{L}])|\s+trở lên|\s*[.;,]|\s*$)`
/** "2 đợt/năm", "01 đợt mỗi quý": rounds per period say how often a duty is done (a schedule), not a figure to reach. */
const ROUNDS = String.raw`đợt(?!\s*(?:\/|mỗi\s|trên\s|một\s)\s*(?:năm|tháng|quý|tuần)(?![\p{L}]))`
/**
 * "một bộ phận cán bộ", "03 bộ phận một cửa", "là một tấm gương": a part and an example, no goods
 * counted; goods' count words (đôi, bộ, tấm, thùng, cái, bè, lò, …) are read after digits only.
 */
// ("05 viên chức": civil servants, no pieces; "3 ô tô": cars, no cells of cages; "1.200 buồng chuối":
// bunches of bananas or areca nuts, no rooms.)
const GOODS_WORDS = ['đôi', 'bộ', 'tấm', 'thùng', 'cái', 'bè', 'giàn', 'viên', 'lò', 'ô', 'ô lồng']
/**
 * Lengths counted ("dệt 260.000 mét lụa", "cứng hóa 7,5 km đường"), not a size: a figure in metres or
 * kilometres after "dài", "rộng", "cao", "sâu" or "cách" (with "từ", "trên", "dưới" … between) says
 * what a thing measures ("tàu cá có chiều dài từ 15 mét trở lên", "đường rộng 5 mét", "tuyến đường …
 * dài 4,2 km"; an alley's width, in metres, is said bare, "hẻm dưới 3 mét"; "kiệt, hẻm 3,8 km" is their length), and is part of the thing's name; not after "mở rộng", "nâng cao" ("nâng cấp, mở rộng 3,5 km
 * đường": the length widened is counted). One rule for every spelling of a length.
 */
// (A look back tried only where the unit stands, bounded in length.)
const sizeAfter = (unit: string, alleys = false): string =>
  String.raw`${unit}(?<!(?<![\p{L}])(?:dài|(?<!(?:mở|nới)\s{1,3})rộng|(?<!nâng\s{1,3})cao|sâu|cách${alleys ? '|hẻm|kiệt|ngõ|ngách' : ''})\s{1,3}(?:(?:từ|trên|dưới|tối thiểu|ít nhất|khoảng|hơn)\s{1,3})?\d(?:[\d.,]{0,20}\d)?\s{0,3}${unit})`
const GOODS_SPELLED: Record<string, string> = { mét: sizeAfter('mét', true), km: sizeAfter('km'), bộ: String.raw`bộ(?!\s+(?:phận|môn|máy)(?![\p{L}]))`, tấm: String.raw`tấm(?!\s+gương(?![\p{L}]))`, viên: String.raw`viên(?!\s+chức(?![\p{L}]))`, ô: String.raw`ô(?!\s+(?:nhiễm|tô|dù|cửa)(?![\p{L}]))`, buồng: String.raw`buồng(?!\s+(?:chuối|cau|trứng)(?![\p{L}]))` }
const SPELLINGS = [...UNIT_BY_SPELLING.keys()].filter((s) => s !== '%' && s !== '‰' && s !== 'lần' && !FRACTION_NOUNS.includes(s) && s !== 'khu').sort((a, b) => b.length - a.length)

/** A figure: digits with dots and commas inside. */
const NUM = String.raw`\d(?:[\d.,]*\d)?`
/**
 * "từ 2.100 ha đến 2.300 ha": a range whose unit is written after each number is written as "từ
 * 2.100 đến 2.300 ha" (normalize.ts), so that QUANTITY_RE reads it as a range in one unit. Only when
 * the same unit follows both numbers; at most three spaces either side of "đến"/"tới". (Done
 * before QUANTITY_RE rather than inside it: a lookahead for each unit there made the expression
 * seven times longer and every match of it about ten times slower.)
 */
const RANGE_UNIT_RE = new RegExp(
  String.raw`(?<![\p{L}\d.,/\-])(${NUM})\s{0,3}(${SPELLINGS.filter((u) => /^\p{L}/u.test(u)).map(escape).join('|')})(\s{1,3}(?:đến|tới)\s{1,3}${NUM}\s{0,3})\2(?![\p{L}\d])`,
  'giu',
)
export const rangeInOneUnit = (line: string): string => line.replace(RANGE_UNIT_RE, (_m, from: string, unit: string, to: string) => `${from}${to}${unit}`)
/**
 * "Số thôn đạt danh hiệu “Thôn văn hóa”: 12 thôn", "Số thôn văn hóa 12 thôn", "Số tổ dân phố được
 * công nhận … (tăng thêm): 03 tổ dân phố": a bare count of reporting units is a target where a
 * target's subject names those units and a title or a standard they hold ("Số <units> … đạt /
 * được công nhận / giữ vững / văn hóa / kiểu mẫu / chuẩn …"), the figure that subject's level.
 * Where no such subject stands before it in its clause, the count describes the commune ("Toàn xã
 * có 12 thôn", "gồm 15 tổ dân phố", "số thôn của xã: 12 thôn") and is no target.
 */
// (Read as a look back bounded in length, no ";" or line break inside, and tried only where a
// figure's digits are followed by a unit's noun: a long line costs at most its length times the
// bound.)
const TITLE_WORDS = String.raw`(?:đạt|được công nhận|công nhận|giữ vững|danh hiệu|văn hóa|văn hoá|kiểu mẫu|nông thôn mới|đô thị văn minh|chuẩn|tiêu biểu)`
const SUBJECT_COUNT = String.raw`(?=(?:${FRACTION_NOUNS.map(escape).join('|')})(?![\p{L}]))(?<=(?<![\p{L}])số\s{1,3}(?:các\s{1,3})?(?:${FRACTION_NOUNS.map(escape).join('|')})(?:\s{0,3},\s{0,3}(?:${FRACTION_NOUNS.map(escape).join('|')})){0,3}(?![\p{L}])[^;\n]{0,100}?(?<![\p{L}])${TITLE_WORDS}(?![\p{L}])[^;\n]{0,160}?(?<![\p{L}\d.,/])\d{1,15}\s{0,20})`
/**
 * A target figure: a number (or two, a range) and its unit of measure. Numbers without a unit
 * (years, ages, section numbers, "12 tổ dân phố") are never targets. A share of a whole ("12/19
 * tiêu chí", "7/9 thôn") is a count: its numerator.
 */
export const QUANTITY_RE = new RegExp(
  String.raw`(?<![\p{L}\d.,/\-])(${NUM})(?:/\d+(?=\s*\p{L}))?(?:\s*([%‰]))?(?:\s*(?:-|–|đến|tới)\s*(${NUM}))?\s*(?:([%‰])|(${PRODUCER_PAIR}|${SPELLINGS.map((u) => (u === 'đợt' ? ROUNDS : (GOODS_SPELLED[u] ?? escape(u)))).join('|')}|${TIMES}|(?<=\d/\d{1,15}\s{0,20}|(?:thêm|ít nhất|tối thiểu)\s+(?:ít nhất\s+|tối thiểu\s+)?\d{1,15}\s{0,20})(?:${FRACTION_NOUNS.map(escape).join('|')})(?:\s*,\s*(?:${FRACTION_NOUNS.map(escape).join('|')})(?![\p{L}\d]))*|(?:${FRACTION_NOUNS.map(escape).join('|')})(?=\s+(?:được\s+)?(?:công nhận|thành lập)\s+mới(?![\p{L}])|\s+trở lên(?![\p{L}]))|${SUBJECT_COUNT}(?:${FRACTION_NOUNS.map(escape).join('|')})(?:\s*,\s*(?:${FRACTION_NOUNS.map(escape).join('|')})(?![\p{L}\d]))*|${SHARE_ONLY_KHU})(?![\p{L}\d]))`,
  'giu',
)

/** Counts written in words, with digits of the same length (leading zeros, as in "02 tiêu chí"). */
const NUMBER_WORDS: Record<string, string> = { một: '001', hai: '002', ba: '03', bốn: '004', sáu: '006', bảy: '007', tám: '008', chín: '009', mười: '0010' }
const NUMBER_WORD_RE = new RegExp(
  String.raw`(?<![\p{L}\d])(?<!(?:cả|chia\s+(?:làm|thành)|mỗi\s+\p{L}+(?:\s+\p{L}+)?)\s+)(${Object.keys(NUMBER_WORDS).join('|')})(?=\s+(?:${SPELLINGS.filter((u) => !['vụ', 'đợt', 'buồng', ...GOODS_WORDS].includes(u)).map(escape).join('|')}|(?<=thêm\s+\S+\s+)(?:${FRACTION_NOUNS.map(escape).join('|')}))(?![\p{L}\d]))`,
  'giu',
)

/**
 * The text with counts written in words before a unit ("thành lập mới hai hợp tác xã", "ba cây
 * cầu", "công nhận thêm ba thôn") in digits of the same length, so that every offset still points
 * into the original text. "năm" (also "year") and "tư" are left as they are, and so are "cả hai vụ",
 * "chia làm hai đợt", "mỗi xã một sản phẩm" (all of them, parts, a slogan) and seasons ("hai vụ").
 */
export function spelledNumbers(text: string): string {
  return text.replace(NUMBER_WORD_RE, (w) => NUMBER_WORDS[w.toLowerCase()] ?? w)
}

// ---------------------------------------------------------------------------
// What a figure means: the words before it (cue) and after it (post)

export type Cue =
  | { kind: 'at_least'; strict: boolean }
  | { kind: 'at_most'; strict: boolean }
  | { kind: 'growth' }
  | { kind: 'reduce' }
  | { kind: 'share' }

/** Longest first: "bằng hoặc dưới" before "dưới", "còn dưới" before "còn". */
const CUES: [string, Cue][] = (
  [
    ['bằng hoặc dưới', { kind: 'at_most', strict: false }],
    ['bằng hoặc thấp hơn', { kind: 'at_most', strict: false }],
    // ("Thu ngân sách … bằng hoặc cao hơn 12,8 tỷ đồng": the figure itself is met, no "hơn" alone.)
    ['bằng hoặc ít hơn', { kind: 'at_most', strict: false }],
    ['bằng hoặc nhỏ hơn', { kind: 'at_most', strict: false }],
    ['bằng hoặc cao hơn', { kind: 'at_least', strict: false }],
    ['bằng hoặc lớn hơn', { kind: 'at_least', strict: false }],
    ['bằng hoặc nhiều hơn', { kind: 'at_least', strict: false }],
    ['bằng hoặc trên', { kind: 'at_least', strict: false }],
    ['bằng hoặc vượt', { kind: 'at_least', strict: false }],
    ['không vượt quá', { kind: 'at_most', strict: false }],
    ['không quá', { kind: 'at_most', strict: false }],
    ['tối đa', { kind: 'at_most', strict: false }],
    ['xuống còn', { kind: 'at_most', strict: false }],
    ['còn dưới', { kind: 'at_most', strict: true }],
    ['xuống dưới', { kind: 'at_most', strict: true }],
    ['thấp hơn', { kind: 'at_most', strict: true }],
    ['ít hơn', { kind: 'at_most', strict: true }],
    ['dưới', { kind: 'at_most', strict: true }],
    ['còn', { kind: 'at_most', strict: false }],
    ['đạt trên', { kind: 'at_least', strict: true }],
    ['trên', { kind: 'at_least', strict: true }],
    ['hơn', { kind: 'at_least', strict: true }],
    ['không dưới', { kind: 'at_least', strict: false }],
    ['không thấp hơn', { kind: 'at_least', strict: false }],
    ['không ít hơn', { kind: 'at_least', strict: false }],
    ['ít nhất', { kind: 'at_least', strict: false }],
    ['tối thiểu', { kind: 'at_least', strict: false }],
    ['đạt và vượt', { kind: 'at_least', strict: false }],
    ['đạt từ', { kind: 'at_least', strict: false }],
    ['đạt', { kind: 'at_least', strict: false }],
    ['đủ', { kind: 'at_least', strict: false }],
    ['từ', { kind: 'at_least', strict: false }],
    ['tăng từ', { kind: 'growth' }],
    ['tăng', { kind: 'growth' }],
    ['kéo giảm từ', { kind: 'reduce' }],
    ['kéo giảm', { kind: 'reduce' }],
    ['giảm từ', { kind: 'reduce' }],
    ['giảm', { kind: 'reduce' }],
    ['chiếm', { kind: 'share' }],
    // "trên dưới 3.900 tấn": about 3.900, the figure itself.
    ['trên dưới', { kind: 'at_least', strict: false }],
    // The signs of a list or a table ("Thu nhập bình quân đầu người: ≥ 62 triệu đồng", "SDD: < 12%").
    ['≥', { kind: 'at_least', strict: false }],
    ['>', { kind: 'at_least', strict: true }],
    ['≤', { kind: 'at_most', strict: false }],
    ['<', { kind: 'at_most', strict: true }],
    // "TNGT giảm 5 → 3 vụ", "GĐVH 90 → 92%": a note's arrow from last year's level to this year's.
    ['→', { kind: 'at_least', strict: false }],
  ] as [string, Cue][]
).sort((a, b) => b[0].length - a[0].length)

/** Words that may stand between a cue and its figure: "giảm trong năm 01 hộ", "ở mức". */
const FILLER_RE = /^(?:[\s:,]|trong năm|bình quân|mỗi năm|hằng năm|hàng năm|ở mức|mức|khoảng|thêm|lên|xuống|là|được|phấn đấu|ít nhất|tối thiểu|không dưới|không ít hơn)*$/iu

export interface CueMatch {
  cue: Cue
  word: string
  /** Offset of the cue in the text searched. */
  at: number
}

/**
 * The cue governing a figure that ends `before`: of the cue words followed only by filler up to
 * the figure, the leftmost ("bằng hoặc dưới 6%", not "dưới"; "giảm trong năm 01 hộ").
 */
export function cueBefore(before: string): CueMatch | undefined {
  const lower = before.toLowerCase()
  let best: CueMatch | undefined
  for (const [word, cue] of CUES) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      if (at > 0 && /[\p{L}\d]/u.test(lower[at - 1] ?? '')) continue
      const after = lower.slice(at + word.length)
      // A word ends where a letter or digit does not follow; a sign may touch its figure ("≥95%").
      if (after !== '' && /\p{L}$/u.test(word) && /^[\p{L}\d]/u.test(after)) continue
      if (!FILLER_RE.test(after)) continue
      // "trên" bounds only the figure right after it ("trên 80%", "đạt trên 650 triệu đồng"): "Ngoài
      // các chỉ tiêu trên, phấn đấu 100% …" points back to the targets above.
      if (/^(?:đạt )?trên$/u.test(word) && !/^\s*(?:mức\s*)?$/u.test(after)) continue
      if (!best || at < best.at) best = { cue, word, at }
    }
  }
  // "tăng ≥ 9%", "giảm ≥ 15 hộ": the verb says what kind; the sign, that it is at least that.
  // ("tăng trên 6% so với năm 2026", "kéo giảm hơn 10% số vụ": so do the words for "more than".)
  const verb = best && /^(?:[≥>]|trên|hơn)$/u.test(best.word) ? /(?:^|\s)(tăng|giảm)\s*$/u.exec(lower.slice(0, best.at)) : null
  if (verb) return { cue: CUES.find(([w]) => w === verb[1])![1], word: verb[1]!, at: verb.index + verb[0].indexOf(verb[1]!) }
  // ("giảm 5 → 3 vụ": a cut from last year's level to the one after the arrow sets at most that level; the name ends before the verb.)
  const cut = best?.word === '→' ? /(?:^|\s)((?:kéo\s+)?giảm)\s+(?:từ\s+)?\d[\d.,]*\s*$/u.exec(lower.slice(0, best.at)) : null
  if (cut) return { cue: { kind: 'at_most', strict: false }, word: '→', at: cut.index + cut[0].indexOf(cut[1]!) }
  // (Last year's level before the arrow is no word of the name either: "GĐVH 90 → 92%".)
  const from = best?.word === '→' ? /\d[\d.,]*\s*$/u.exec(lower.slice(0, best.at)) : null
  if (best && from) return { ...best, at: from.index }
  return best
}

export interface Post {
  /** Length of the text read after the figure. */
  length: number
  orMore: boolean
  orLess: boolean
  points: boolean
  /** "so với năm 2022": the base year; "so với cùng kỳ", "năm trước": the year before the plan's. */
  baseYear?: number | 'previous'
  /** "so với đầu năm", "so với đầu kỳ": a reduction measured from the start of the year. */
  sinceStart: boolean
}

const POST_RE = /^(?:\s*(?:trở lên|trở xuống|điểm phần trăm|điểm %|so với (?:năm (\d{4})|cùng kỳ(?: năm trước| năm \d{4}(?!\d))?|năm trước|đầu năm|đầu kỳ|cuối năm \d{4}|năm \d{4}|\d{4}(?!\d)))|\s*(?:,\s*)?(?=so với))+/iu

export function readPost(after: string): Post {
  const m = POST_RE.exec(after)
  const text = (m?.[0] ?? '').toLowerCase()
  // "so với 2025" (a note's shorthand) is "so với năm 2025".
  // "so với cùng kỳ năm 2025" is "so với năm 2025".
  const year = /so với (?:(?:năm|cuối năm|cùng kỳ năm) )?(\d{4})/.exec(text)
  return {
    length: m?.[0].length ?? 0,
    orMore: text.includes('trở lên'),
    orLess: text.includes('trở xuống'),
    points: text.includes('điểm'),
    baseYear: year ? Number(year[1]) : /cùng kỳ|năm trước/.test(text) ? 'previous' : undefined,
    sinceStart: /đầu năm|đầu kỳ/.test(text),
  }
}

// ---------------------------------------------------------------------------
// Digits

export type DecimalHabit = 'comma' | 'dot' | 'unknown'

/**
 * How the document writes decimals: "38,5%" (vi) or "6.1%" (a PDF or an English habit). A number
 * whose first digit is a 0 followed by more ("ĐT: 0237.3xxx.xxx" in the signature of the e-mail
 * that forwards the plan, an area code) is no decimal of either habit.
 */
export function decimalHabit(text: string): DecimalHabit {
  const comma = (text.match(/(?<![\d.,])\d+,\d{1,2}(?![\d.,])/g) ?? []).length
  const dot = (text.match(/(?<![\d.,\n])(?!0\d)\d+\.\d{1,2}(?![\d.,])\s*(?:%|‰|[a-zà-ỹđ])/g) ?? []).length
  if (comma > 0 && dot === 0) return 'comma'
  if (dot > 0 && comma === 0) return 'dot'
  return 'unknown'
}

export interface NumberReading {
  value: number
  /** Other values the digits may mean; non-empty means the officer must choose. */
  alternatives: number[]
  reasons: string[]
  /** Read in a way that is not the Vietnamese standard (a decimal dot, an English grouping comma). */
  unusual: boolean
}

const plain = (digits: string): number => Number(digits.replace(/[.,]/g, ''))

/**
 * A figure's digits, read in context: `integer` (the unit counts things), `percent` (a share can
 * not be in the thousands) and the document's own decimal habit settle "13.345" and "13,345";
 * otherwise both readings are kept and the officer chooses.
 */
export function readDigits(digits: string, ctx: { integer: boolean; percent: boolean; habit: DecimalHabit }): NumberReading | undefined {
  const ok = (value: number, reasons: string[] = [], unusual = false): NumberReading => ({ value, alternatives: [], reasons, unusual })
  if (/^\d+$/.test(digits)) return ok(Number(digits))
  if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/.test(digits) || /^\d{1,3}(?:\.\d{3})+,\d+$/.test(digits)) {
    return ok(Number(digits.replace(/\./g, '').replace(',', '.')))
  }
  if (/^\d+,\d+$/.test(digits)) {
    const [int = '', frac = ''] = digits.split(',')
    const decimal = Number(`${int}.${frac}`)
    if (frac.length !== 3 || /^0+$/.test(int)) return ok(decimal)
    // "13,345": a Vietnamese decimal, or thousands grouped the English way.
    const thousands = plain(digits)
    // "4,000 tấn", "1,250 tấn": a decimal is not written with a trailing zero, so three places
    // ending in 0 group thousands the English way (a percentage excepted).
    if (frac.endsWith('0') && !ctx.percent) return ok(thousands, [`“${digits}” đọc là ${thousands.toLocaleString('vi-VN')}: số thập phân không viết số 0 ở cuối (dấu phẩy phân cách hàng nghìn kiểu tiếng Anh)`], true)
    if (ctx.integer) return ok(thousands, [`“${digits}” đọc là ${thousands.toLocaleString('vi-VN')} vì đơn vị tính là số đếm (dấu phẩy phân cách hàng nghìn kiểu tiếng Anh)`], true)
    if (ctx.percent && thousands > 1000) return ok(decimal)
    if (ctx.habit === 'dot') return ok(thousands, [`“${digits}” đọc là ${thousands.toLocaleString('vi-VN')}: văn bản viết số thập phân bằng dấu chấm`], true)
    return { value: decimal, alternatives: [thousands], reasons: [`“${digits}” có thể là ${String(decimal).replace('.', ',')} (số thập phân) hoặc ${thousands.toLocaleString('vi-VN')} (nghìn viết kiểu tiếng Anh)`], unusual: false }
  }
  if (/^\d{1,3}\.\d{3}$/.test(digits)) {
    // "13.345": thousands the Vietnamese way, or a decimal dot from a PDF or an English habit.
    const thousands = plain(digits)
    const decimal = Number(digits)
    if (ctx.integer) return ok(thousands)
    if (ctx.percent) return ok(decimal, [`“${digits}” là số thập phân ${String(decimal).replace('.', ',')}: tỷ lệ không thể là ${thousands.toLocaleString('vi-VN')}`], true)
    if (ctx.habit === 'comma') return ok(thousands)
    return { value: thousands, alternatives: [decimal], reasons: [`“${digits}” có thể là ${thousands.toLocaleString('vi-VN')} (dấu chấm phân cách hàng nghìn) hoặc ${String(decimal).replace('.', ',')} (dấu chấm thập phân)`], unusual: false }
  }
  if (/^\d+\.\d+$/.test(digits)) {
    const decimal = Number(digits)
    return ok(decimal, [`“${digits}” đọc là ${String(decimal).replace('.', ',')} (dấu chấm thập phân)`], true)
  }
  if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(digits) || /^\d{1,3}(?:,\d{3}){2,}$/.test(digits)) {
    const value = Number(digits.replace(/,/g, ''))
    return ok(value, [`“${digits}” viết theo kiểu tiếng Anh, đọc là ${value.toLocaleString('vi-VN')}`], true)
  }
  return undefined
}

// ---------------------------------------------------------------------------
// Names and kinds

/** Sectors of an economy: a growth or a share named by these alone is a part of the line's whole. */
export const SECTOR_RE = /^(?:ngành\s+)?(?:nông(?:,| -| –)? lâm(?:,| -| –)? (?:nghiệp )?(?:và )?thủy sản|nông nghiệp|lâm nghiệp|thủy sản|ngư nghiệp|(?:tiểu thủ )?công nghiệp|xây dựng|thương mại|dịch vụ|du lịch|[\s,–-]|và)+$/iu

/**
 * Nouns naming a unit that reports: "100% thôn văn hóa" is each thôn's yes/no ("TDP": tổ dân phố).
 * "Trường hợp" (a case) is no school. (The villages of the Central Highlands, "bon", and the Khmer
 * hamlets of the delta, "sóc", are such units as "buôn" and "ấp" are: "100% bon, tổ dân phố có …".)
 * (A thị trấn's "khu", said alone, is one too where it earns or keeps a title: "100% khu giữ vững danh hiệu …";
 * so is a phường's "khối", "khối dân cư": "Tỷ lệ khối đạt danh hiệu …".)
 */
export const UNIT_NOUN_RE =
  /^(?:các\s+)?(?:thôn|tổ dân phố|TDP|khu dân cư|khu phố|khối phố|khu vực(?=\s+(?:đạt|giữ vững|được công nhận|văn hóa|văn hoá)(?![\p{L}]))|khu(?=\s+(?:đạt|giữ vững|được công nhận)(?![\p{L}]))|khối dân cư|khối(?=\s+(?:đạt|giữ vững|được công nhận)(?![\p{L}]))|khóm|ấp|bản|làng|buôn|bon|sóc|xóm|plei|cơ quan|đơn vị|trường học|trường(?!\s+hợp(?![\p{L}]))|tổ chức chính trị|tổ chức cơ sở đảng|chi bộ|đoàn thể)(?![\p{L}])/iu

/**
 * "100% chi hội nông dân ở các thôn …": a mass organisation's branches said to be those of the
 * villages (one in each) are the villages: each reports its yes/no. ("100% chi hội đạt vững mạnh",
 * not placed, is the organisation's own rate.)
 */
export const VILLAGE_BRANCH_RE = /^(?:các\s+)?(?:chi hội|chi đoàn)(?:\s+\p{L}+){0,3}?\s+(?:ở|tại|của)\s+(?:các|mỗi|từng|100%)\s+(?:thôn|tổ dân phố|TDP|khu dân cư|khu phố|khối phố|khóm|ấp|bản|làng|buôn|xóm|plei)(?![\p{L}])/iu

/** Words that make a count a level at a moment (stock) rather than an amount that accrues (flow). */
const STOCK_RE = /(?<![\p{L}])(?:số hộ|số học sinh|học sinh có mặt|đàn|tổng đàn|hiện có|có mặt|quy mô|dân số|số người|số lượng|số thành viên|số hội viên|số đoàn viên|số đảng viên|số giường|độ che phủ|tỷ lệ|chỉ số)(?![\p{L}])/iu
/**
 * Words of something done, made or added in the year (flow): new ones ("mới", "thêm"), planting,
 * sowing and reworking ("trồng mới", "trồng rừng", "gieo cấy", "tái canh", "chuyển đổi"), output,
 * money in and out, goods sold or supplied ("tiêu thụ", "cung ứng"), the work of the year ("xây dựng", "hỗ trợ", "kết nạp"), events ("chết"). "Trồng"
 * alone is no planting where it names what grows on an area ("diện tích trồng cây ăn trái"), only
 * as the verb opening the measure ("trồng keo 45 ha"); nor is "thu" a receipt in "thu hoạch" (a
 * harvested area) or "thu mua" (buying in), "trồng xen" after a crop's name ("ca cao trồng xen dưới tán dừa": how
 * the crop grows; a clause opening on it, "trồng mới, trồng xen trên rẫy 60 ha", or "diện tích trồng xen", plants), "chi" spending in "chi hội", "cấp" an issue where it is
 * a level ("cấp huyện") or a status held ("được cấp mã số vùng trồng"), "mới" new in "nông thôn mới"
 * or "giống mới" (a new variety), "chuyển đổi" a conversion in "chuyển đổi số", "xuất khẩu" an export
 * in "phục vụ xuất khẩu" or a standard held ("đạt tiêu chuẩn xuất khẩu", "đủ điều kiện xuất khẩu"), "làm" a work but in "làm mới", "làm nhà", "làm đường", "đào tạo" training in
 * "giáo dục - đào tạo" (the field's name, a line's label: "Giáo dục - đào tạo: số học sinh …").
 */
const FLOW_RE =
  /(?<![\p{L}])(?:(?<!(?:nông thôn|giống)\s)mới|thêm|(?<!đào\s)tạo|tuyển|cấp(?=\s+(?:mới|giấy|đổi|lại|phát|thẻ|nước|điện)(?![\p{L}]))|(?<!(?:phục vụ|tiêu chuẩn|điều kiện)\s)xuất khẩu|giải quyết|khám|tiêm|(?<!giáo dục\s{0,3}(?:[-–&,]|và)?\s{0,3})đào tạo|trồng(?=\s+(?:lại|dặm|bổ sung|thay thế|tái canh|rừng)(?![\p{L}]))|trồng(?<=(?:^|[^\p{L}\s])\s{0,3}trồng|diện tích\strồng)(?=\s+xen(?![\p{L}]))|gieo|sạ|xuống giống|thả(?=\s+(?:nuôi|giống|bổ sung|cá|tôm)(?![\p{L}]))|tái canh|ghép|cải tạo|chuyển đổi(?!\s+số(?![\p{L}]))|khai hoang|thu(?!\s+(?:hoạch|mua)(?![\p{L}]))|(?<!được\s)chi(?!\s+(?:hội|bộ|đoàn|nhánh)(?![\p{L}]))|sản lượng|xây dựng|làm(?=\s+(?:mới|nhà|đường|cầu)(?![\p{L}]))|sửa chữa|hỗ trợ|kết nạp|thành lập|xóa|công nhận lại|xuất chuồng|xuất bán|tiêu thụ|cung ứng|giết mổ|chết|tử vong|bị thương)(?![\p{L}])|^(?:trồng|khai thác)(?![\p{L}])/iu

/**
 * Words that say a figure is the level a thing stands at, kept or held (stock): "duy trì", "giữ
 * ổn định", "ổn định" (not the stable jobs of "việc làm ổn định"), "giữ bằng", "hiện có", "tổng
 * đàn", "đội tàu", forest "quản lý, bảo vệ" or "giao khoán", units "hoạt động hiệu quả / ổn định /
 * thường xuyên", workers "làm nghề / làm việc thường xuyên" (the trade or the place named
 * between: "làm nghề thêu ren thường xuyên"), pupils "đầu năm học".
 */
const STANDING_RE =
  /(?<![\p{L}])(?:duy trì|(?<!việc làm\s)ổn định|giữ (?:vững|bằng|nguyên|mức)|hiện có|tổng đàn|đội tàu|quản lý,? bảo vệ|bảo vệ tốt|giao khoán|khoanh nuôi|hoạt động (?:có )?(?:hiệu quả|ổn định|thường xuyên)|đang hoạt động|sinh hoạt thường xuyên|làm (?:nghề|việc)(?:\s+\p{L}+){0,3}?\s+thường xuyên|đầu năm học|có mặt)(?![\p{L}])/iu

/**
 * A figure stated as a level the count is raised to, or as a running total: "nâng tổng số tiêu chí …
 * lên 14/19", "phát triển diện tích sầu riêng lên 410 ha", "(lũy kế)", "lũy kế đến 31/12 có …". (A
 * quarter's year-to-date figure, "quý II lũy kế đạt …", is a milestone of a flow, no level.)
 */
const LEVEL_BEFORE_RE = /(?<![\p{L}])(?:nâng|phát triển|đưa)(?![\p{L}])[^;.]{0,80}?\slên\s*$/iu
const RUNNING_TOTAL_RE = /(?<![\p{L}])(?<!(?:quý|tháng)\s+[\dIVX]{1,4}\s+)(?:lũy|luỹ) kế(?![\p{L}])/iu

/** Money, weight, volume, length, visits and cases: made, spent, moved or happening in the year, never a level held. */
/** The volume of tanks, ponds, cages built to hold water or stock: "thể tích bể nuôi", "dung tích hồ chứa". */
const CAPACITY_RE = /(?<![\p{L}])(?:thể tích|dung tích)\s+(?:\p{L}+\s+){0,2}?(?:bể|lồng|ao|hồ|bồn|hầm|bè)(?![\p{L}])/iu
/** "… trong năm": done within the year (not "trong năm học", "trong năm 2025" names the year too). */
const WITHIN_YEAR_RE = /(?<![\p{L}])trong năm(?!\s+học)(?![\p{L}])/iu
/**
 * "cơ sở được kiểm tra", "bị xử phạt": what is done to those counted, the year's work on them; not a
 * certificate, title or rank they hold ("được cấp giấy chứng nhận", "được công nhận", "được xếp hạng").
 */
const DONE_TO_RE = /(?<![\p{L}])(?:được|bị)\s+(?!(?:cấp\s+(?:giấy|chứng|phép)|công nhận|xếp hạng|xếp loại)(?![\p{L}]))\p{L}/iu
/** "được cấp giấy chứng nhận", "được cấp chứng chỉ": a certificate held, said of who holds it. */
const HELD_CERTIFICATE_RE = /(?<![\p{L}])(?:đã\s+)?được\s+cấp(?=\s+(?:giấy chứng nhận|chứng nhận|chứng chỉ|giấy phép)(?![\p{L}]))/giu
const FLOW_UNIT_RE = /^(?:(?:nghìn |triệu |tỷ )?đồng|triệu USD|(?:nghìn |triệu )?tấn|tạ|kg|(?:nghìn |triệu )?lít|m³|km|lượt(?: hộ| lao động)?|vụ)$/u

/**
 * Crops that stand for years: tea, coffee, rubber, pepper, cashew, cocoa, coconut, fruit trees
 * ("cây ăn quả", "có múi", durian, pomelo, longan, lychee, mango …), macadamia, grapes, cinnamon,
 * star anise, cardamom, ginseng, mulberry, chestnut, sedge, pineapple ("dứa", in the south "khóm":
 * a planting bears for several years; not "khóm 3", a hamlet), banana ("chuối", its clumps bear for
 * years), the yellow apricot grown for Tết ("mai vàng"), and "dâu" (mulberry, the Hạ Châu plum; not
 * "dâu tây", strawberries planted each season).
 */
const PERENNIAL_CROPS = String.raw`chè|trà|cà phê|cao su|hồ tiêu|điều(?!\s+(?:chỉnh|kiện|tra|hành|phối|động|trị))|ca cao|dừa|(?:cây\s+)?ăn (?:quả|trái)|cây lâu năm|lâu năm|dài ngày|(?:cây\s+)?có múi|sầu riêng|bưởi|cam|quýt|chanh|nhãn|vải|xoài|mận|thanh long|chôm chôm|măng cụt|mít|bơ|mãng cầu|vú sữa|ổi|nho|thanh trà|mắc ca|quế|hồi|thảo quả|sâm|dâu tằm|hạt dẻ|cói|dứa|khóm(?!\s+\d)|chuối|mai vàng|dâu(?!\s+tây)|tre|luồng|trúc`

/**
 * The area of what stands for years, named after "diện tích" (or as an orchard, "vườn"): perennial
 * crops (PERENNIAL_CROPS), forest, salt fields, nurseries, greenhouses ("nhà màng, nhà lưới, nhà
 * kính"), high-tech or irrigated fields and ponds farmed intensively ("nuôi tôm thâm canh, siêu thâm
 * canh", built and lined), and ponds ("diện tích ao nuôi cá", "nuôi cá … trong ao": dug, they stand
 * for years); the area standing at the year's end.
 */
const STANDING_AREA_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:diện tích\s+ao|ao\s+nuôi|trong\s+ao)(?![\p{L}])|(?<![\p{L}])(?:diện tích|vườn)(?![\p{L}])(?:\s+[^\s(,;|]+){0,6}?\s+(?:${PERENNIAL_CROPS}|rừng|muối|đồng muối|ươm|nhà màng|nhà lưới|nhà kính)(?![\p{L}])|(?<![\p{L}])diện tích\s+(?:cây\s+)?(?:tiêu|dâu)(?![\p{L}])|(?<![\p{L}])(?:ứng dụng công nghệ cao|tưới tiết kiệm)(?![\p{L}])|(?<![\p{L}])nuôi\s+(?:tôm|cá)(?:\s+\p{L}+){0,3}?\s+(?:siêu\s+)?thâm canh(?![\p{L}])`,
  'iu',
)

/**
 * The area of trees in bearing, "diện tích cho thu hoạch" (or "cho sản phẩm", "cho mủ", "đang cho
 * quả"): the part of a standing area that bears, a level too, wherever it is stated apart from its
 * whole ("+ Trong đó diện tích cho thu hoạch: 1.150 ha" on a line of its own), read in the words
 * before the figure.
 */
const BEARING_AREA_RE = /(?<![\p{L}])diện tích\s+(?:cây\s+)?(?:đang\s+)?cho\s+(?:thu hoạch|sản phẩm|quả|trái|mủ)(?![\p{L}])/iu

/** A perennial crop named alone, as a part or a crop's row names its area ("sầu riêng 185 ha", "Cà phê | 3.420 |", "Cam, bưởi"), one word of its kind after it ("vải thiều"). */
const PERENNIAL_NAME_RE = new RegExp(String.raw`^(?:cây\s+)?(?:${PERENNIAL_CROPS})(?:\s+\p{L}+){0,2}(?:\s*,\s*(?:cây\s+)?(?:${PERENNIAL_CROPS})(?:\s+\p{L}+)?)*$`, 'iu')

/**
 * Fields equipped to stand: greenhouses ("diện tích nhà màng, nhà lưới"), high-tech or irrigated fields, whatever is sown in them.
 * (So is a farming system's area, a rotation named as a model or alone, "mô hình lúa – tôm", "diện tích canh tác lúa – tôm",
 * "tôm - lúa": not an annual crop's,
 * though rice is sown in it; its own words say whether it is kept, "duy trì ổn định …", a stock.)
 */
const EQUIPPED_AREA_RE = /(?<![\p{L}])(?:diện tích\s+nhà (?:màng|lưới|kính)|ứng dụng công nghệ cao|tưới tiết kiệm|(?:mô hình\s+)?(?:lúa|tôm|cá)\s*[-–]\s*(?:lúa|tôm|cá|rừng))(?![\p{L}])/iu

/**
 * An area farmed to a certified standard ("diện tích khóm sản xuất theo tiêu chuẩn VietGAP, GlobalGAP",
 * "rừng được cấp chứng chỉ FSC", "đạt chứng nhận hữu cơ", "diện tích được cấp mã số vùng trồng"): the
 * certificate or code holds for years, the area under it stands (an annual crop's, sown again, is read as such first).
 */
const CERTIFIED_AREA_RE = /(?<![\p{L}])(?:vietgap|globalgap|fsc|chứng chỉ|chứng nhận|mã số vùng trồng|(?:tiêu chuẩn|quy trình|canh tác|sản xuất)\s+hữu cơ)(?![\p{L}])/iu

/** Crops sown each season or year (rice, maize, vegetables, cassava, peanuts, beans …): their area is sown again each year, a flow. */
export const ANNUAL_CROP_RE = /(?<![\p{L}])(?:lúa|thóc|ngô|bắp|rau|màu|sắn|mì|khoai|lạc|đậu|vừng|mè|thuốc lá|hành(?=\s+(?:tím|lá|ta|tây)(?![\p{L}]))|tỏi|dưa|dong riềng|tam giác mạch|lương thực|hằng năm|hàng năm|vụ (?:đông|xuân|mùa|hè thu|thu đông|chiêm)|cây vụ)(?![\p{L}])/iu

/** A ceiling right before the figure ("không quá 820 ha"), and the zoning it is set by ("theo quy hoạch"). */
const ZONING_CAP_RE = /(?<![\p{L}])(?:không\s+(?:vượt\s+)?quá|tối đa)\s*$/iu
const ZONED_RE = /(?<![\p{L}])(?:theo|trong|thuộc)\s+(?:vùng\s+)?quy hoạch(?![\p{L}])/iu

/** Farm animals counted by the head: a herd is a level ("trâu 2.100 con", "gia cầm 85.000 con"). */
const HERD_RE = /(?<![\p{L}])(?:trâu|bò|lợn|heo|dê|cừu|ngựa|hươu|nai|gia súc|gia cầm|gà|vịt|ngan|ngỗng|chim yến|thỏ)(?![\p{L}])/iu

/**
 * Places and establishments holding a title or a standard ("đạt danh hiệu", "đạt chuẩn", "được công
 * nhận", "xếp hạng", a grade "xếp loại khá trở lên"), or meeting the conditions of a trade ("cơ sở sản xuất giống đủ điều kiện",
 * "đủ tiêu chuẩn"): counted as how many hold it, a level. (Goods and households that earn a title
 * in the year are counted as earned: "có thêm 02 sản phẩm OCOP", "320 hộ đạt danh hiệu …".)
 */
const TITLED_UNIT_RE = /^(?:thôn|tổ dân phố|khu dân cư|khu phố|khối phố|khóm|ấp|sóc|bản|làng|xóm|buôn|bon|plei|cơ quan|đơn vị|giáo họ|giáo xứ|trường|tiêu chí|cơ sở|nhà trọ|khu|tuyến|tuyến phố|làng nghề|câu lạc bộ|CLB|hợp tác xã|HTX|đội|tổ)(?:,|$)/iu
const HOLDS_TITLE_RE = /(?<![\p{L}])(?:đạt(?:\s+(?:danh hiệu|chuẩn|tiêu chuẩn|tiêu chí|chứng nhận))?|giữ vững|được công nhận|được xếp hạng|xếp hạng|(?:được\s+)?xếp loại|đủ (?:điều kiện|tiêu chuẩn))(?![\p{L}])/iu
/** "Số thôn văn hóa", "Số tổ dân phố kiểu mẫu": reporting units named by the title they hold. */
const TITLED_NAME_RE = /(?<![\p{L}])(?:thôn|tổ dân phố|khu dân cư|khu phố|khối phố|khóm|ấp|sóc|bản|làng|xóm|buôn|bon|plei|cơ quan|đơn vị|giáo họ|giáo xứ)\s+(?:văn hóa|văn hoá|kiểu mẫu|nông thôn mới|đô thị văn minh)(?![\p{L}])/iu

/** A title or a prize earned ("đạt danh hiệu", "đạt giải", "được khen thưởng"). */
const EARNED_RE = /(?<![\p{L}])(?:đạt|được công nhận|được tặng)\s+(?:danh hiệu|giải)(?![\p{L}])|(?<![\p{L}])được khen thưởng(?![\p{L}])/iu

/** Fleets and fish cages: boats and cages held, a level. */
const FLEET_RE = /(?<![\p{L}])(?:tàu|thuyền|ghe)(?![\p{L}])/iu

/** Cages, rafts and racks farming fish or oysters, named as such: "Số lồng bè nuôi cá …", "giàn nuôi trai" (not lanterns, "lồng đèn", "đèn lồng"). */
const CAGE_RE = /(?<![\p{L}])(?<!đèn\s)(?:lồng(?!\s+đèn)|bè|giàn\s+nuôi)(?![\p{L}])/iu

export interface AmountContext {
  /**
   * The clause's words before the figure; where the clause opens on "và" or "trong đó", with the
   * clause it joins (whose verb it shares, or whose whole it is a part of).
   */
  before?: string
  /** The clause from the figure on, to its end (a table's row: its later cells). */
  after?: string
  /** The unit of measure, as canonical (unitInfo). */
  unit?: string
}

/**
 * How an amount rolls up over the year: a flow (summed over the periods: output, money, planting,
 * new members) or a stock (the level at the period's end, taken from the last period: a standing
 * area, a herd, a fleet, a count of villages holding a title). One rule, by the measure's name, the
 * words of its clause around the figure and its unit, in this order:
 * - money, weight, volume, length, visits and cases: flow;
 * - a level the count is raised to ("nâng tổng số … lên 14/19", "lên 410 ha") or a running total
 *   ("lũy kế"; not a remark in brackets after the figure, which speaks of another): stock;
 * - something done or added in the year (FLOW_RE, in the name or the clause's last words before the
 *   figure: "trồng mới", "gieo cấy", "thêm", "sản lượng" …), and a title or a prize people or
 *   households earn ("320 hộ đạt danh hiệu …", "15 học sinh đạt giải …"): flow;
 * - an annual crop's area ("lúa", "rau", "vụ Đông"): flow, whatever the words of keeping ("gieo cấy
 *   ổn định 2.000 ha" is sown again), unless a greenhouse's, a high-tech or an irrigated one;
 * - words of keeping or standing (STANDING_RE: "duy trì", "giữ ổn định", "hiện có", "đội tàu" …): stock;
 * - what stands by its nature: the area of perennial crops, orchards, forest, salt fields,
 *   greenhouses, high-tech or irrigated fields (ha), herds (con), fleets (chiếc, tàu), fish cages
 *   (lồng), rooms for guests (phòng, buồng), places holding a title or a standard, or counted as a share of all ("10/12 thôn"): stock.
 * Undefined where none says: the name's own words decide (isStockName). `by` says whether the
 * figure's own words decided ('words') or what it measures ('nature', an annual crop's area too): a
 * part of a whole ("trong đó …") rolls up as its whole unless its own words say otherwise.
 */
export function amountAggregation(name: string, context: AmountContext = {}): { aggregation: 'stock' | 'flow'; by: 'words' | 'nature' } | undefined {
  const before = context.before ?? ''
  // (A remark in brackets after the figure speaks of another: "có thêm 04 xóm … (lũy kế 12/34 xóm)" adds four.)
  const after = (context.after ?? '').replace(/\([^()]*\)/gu, ' ')
  const unit = context.unit ?? ''
  const words = (aggregation: 'stock' | 'flow'): { aggregation: 'stock' | 'flow'; by: 'words' } => ({ aggregation, by: 'words' })
  const nature = (aggregation: 'stock' | 'flow'): { aggregation: 'stock' | 'flow'; by: 'nature' } => ({ aggregation, by: 'nature' })
  // ("Thể tích bể nuôi cá nước lạnh | m3 | 6.500": what the tanks hold, built and standing, a level;
  // the cubic metres of timber cut or of earth dug are what the year adds.)
  if (unit === 'm³' && CAPACITY_RE.test(name)) return words('stock')
  if (FLOW_UNIT_RE.test(unit)) return words('flow')
  if (LEVEL_BEFORE_RE.test(before) || RUNNING_TOTAL_RE.test(`${name} ${before} ${after}`)) return words('stock')
  // (The last words before the figure, after the clause's last comma: "đóng mới, cải hoán tàu, phấn đấu số tàu … duy trì" keeps a fleet.)
  const last = before.replace(/\([^()]*\)/gu, ' ').split(/[,;]/u).pop() ?? ''
  // (A bracket in the name listing the kinds counted, "Số cơ sở chế biến sản phẩm từ luồng (đũa, tăm,
  // ván ghép, …)", names products, no work done: "(tăng thêm)" still adds. An establishment "được cấp
  // giấy chứng nhận đủ điều kiện …" holds the certificate, it is not issued one in the year: "có thêm …" still adds.)
  const establishments = unit === 'cơ sở'
  const named = name.replace(/\([^(),]*,[^()]*\)/gu, ' ')
  // ("diện tích chuối xuất khẩu ≥ 900 ha": a crop grown for export names a kind of crop; hectares are not exported.)
  // ("trong đó diện tích được cấp giấy chứng nhận VietGAP 210 ha": an area holds a standard's certificate
  // as an establishment does; land "được cấp giấy chứng nhận quyền sử dụng đất lần đầu" is issued one in the year.)
  const standard = (s: string): string => (/(?<![\p{L}])(?:vietgap|globalgap|fsc|hữu cơ|mã số vùng trồng|an toàn)(?![\p{L}])/iu.test(s) ? s.replace(HELD_CERTIFICATE_RE, ' ') : s)
  const held = (s: string): string => (establishments ? s.replace(HELD_CERTIFICATE_RE, ' ') : unit === 'ha' ? standard(s.replace(/(?<![\p{L}])xuất khẩu(?![\p{L}])/giu, ' ')) : s)
  if (FLOW_RE.test(held(named)) || FLOW_RE.test(held(last))) return words('flow')
  // ("320 hộ hội viên đạt danh hiệu sản xuất, kinh doanh giỏi", "15 học sinh đạt giải …": people and households earn a title or a prize in the year.)
  if (/^(?:hộ|người|học sinh|hội viên|đoàn viên|đảng viên|lao động|nghệ nhân)$/u.test(unit) && EARNED_RE.test(`${name} ${last}`)) return words('flow')
  // (A power plant's capacity connected to the grid, "Công suất điện gió hòa lưới | MW | 291", stands
  // from year to year; the electricity it sends, in kWh, is the year's.)
  if (unit === 'MW') return nature('stock')
  const area = unit === 'ha'
  const annual = area && ANNUAL_CROP_RE.test(name) && !EQUIPPED_AREA_RE.test(name)
  // ("Diện tích rau an toàn hiện có | ha | 42 | 45": an annual crop's area said to exist now is the area
  // standing, kept in that use; one sown or kept "duy trì" in the year is the year's sowing.)
  if (annual) return /(?<![\p{L}])hiện có(?![\p{L}])/iu.test(name) ? words('stock') : nature('flow')
  if (STANDING_RE.test(name) || STANDING_RE.test(before) || STANDING_RE.test(after)) return words('stock')
  // ("Diện tích nuôi hàu … không quá 820 ha theo quy hoạch": a ceiling the zoning sets on an area
  // farmed is on the area standing, as on cages; one planted or converted in the year is read as such above.)
  if (area && ZONING_CAP_RE.test(last) && ZONED_RE.test(`${name} ${after}`)) return words('stock')
  if (area && (STANDING_AREA_RE.test(name) || PERENNIAL_NAME_RE.test(name) || BEARING_AREA_RE.test(`${name} ${last}`) || CERTIFIED_AREA_RE.test(name))) return nature('stock')
  if (/^(?:nghìn |triệu )?con$/u.test(unit) && HERD_RE.test(name)) return nature('stock')
  if (/^(?:chiếc|tàu|thuyền)$/u.test(unit) && FLEET_RE.test(name)) return nature('stock')
  // (Cages and rafts counted by the piece, "Số lồng bè nuôi cá … | chiếc | 186 | ≤ 180", stand as
  // those counted in lồng do, below: a cap on them is on how many stand.)
  if (/^(?:chiếc|cái)$/u.test(unit) && CAGE_RE.test(name)) return nature('stock')
  // (Rooms for guests, like cages, rafts and racks of pearl oysters, stand from year to year: "1.650
  // phòng lưu trú", "6.800 buồng"; so do bee colonies kept, "900 đàn ong".)
  if (/^(?:lồng|ô|bè|giàn|phòng|buồng|đàn)$/u.test(unit)) return nature('stock')
  // (So do cameras put up and connected, "từ 1.200 camera trở lên": equipment standing; those the year
  // puts up, "lắp đặt mới 60 camera", are read as new above.)
  if (unit === 'camera') return nature('stock')
  // (Establishments counted, "số cơ sở chế biến … đạt 32 cơ sở trở lên", "có ít nhất 45 cơ sở … được
  // cấp giấy chứng nhận đủ điều kiện …", are those working or holding a certificate at the year's end;
  // and places counted, "Số điểm ngập nước khi mưa lớn | điểm | 5 | ≤ 2", those standing then (a
  // score in points, "đạt 450 điểm", is a level too): those set up, added or removed in the year,
  // "thành lập mới", "có thêm", "xóa bỏ", are read as such above, and so is what is done to them
  // "trong năm" ("Cơ sở … di dời vào cụm làng nghề trong năm": those moved this year), and those the
  // year's work is done to ("Số cơ sở được kiểm tra vệ sinh an toàn thực phẩm": the inspections).)
  if ((establishments || unit === 'điểm') && !WITHIN_YEAR_RE.test(`${name} ${before} ${after}`) && !DONE_TO_RE.test(`${name} ${before} ${after}`)) return nature('stock')
  if (TITLED_UNIT_RE.test(unit) && (/^\d[\d.,]*\s*\/\s*\d/u.test(after) || HOLDS_TITLE_RE.test(name) || TITLED_NAME_RE.test(name))) return nature('stock')
  return undefined
}

/**
 * A count named as a level by its name's words alone (STOCK_RE, not FLOW_RE): the first reading of a
 * figure, before its clause and unit settle it (amountAggregation, passes.ts settleAggregations).
 */
export function isStockName(name: string): boolean {
  return STOCK_RE.test(name) && !FLOW_RE.test(name)
}

/** Spending set in a budget: a ceiling, not a floor. */
export const SPENDING_RE = /^(?:(?:tổng\s+)?chi\s+(?:ngân sách|thường xuyên|đầu tư)|dự phòng ngân sách)/iu

/** A natural population rate (births, deaths, natural growth) is counted per thousand. */
export const PER_MILLE_NAME_RE = /dân số tự nhiên|tỷ suất sinh|sinh thô|tử thô|tỷ lệ sinh\s*$/iu

/** Verbs a qualitative goal starts with ("giữ vững…", "không để xảy ra…", "thực hiện tốt…"). */
export const GOAL_START_RE =
  /^(?:giữ vững|bảo vệ vững chắc|giữ gìn|giữ ổn định|duy trì|đảm bảo|bảo đảm|không để|không còn|không có|không phát sinh|không xảy ra|kéo giảm|hoàn thành|thực hiện tốt|thực hiện có hiệu quả|triển khai|tổ chức tốt|tổ chức quản lý|xây dựng|phát triển|ổn định|kiểm soát|nâng cao|tăng cường|đẩy mạnh|(?:quan tâm\s+)?(?:chỉ đạo|lãnh đạo) tốt|làm tốt|giải quyết tốt|kiềm chế|kiểm chế|giảm thiểu|củng cố|kiện toàn|phòng,? chống|ngăn chặn|100%|(?:các|mỗi|từng) (?:bộ phận|đơn vị|thôn|tổ dân phố|cơ quan|ngành|trường))/iu

/**
 * A goal worded as a result one can judge done or not: kept ("giữ vững", "duy trì"), secured
 * ("đảm bảo", "không để", "kiểm soát", "ngăn chặn"), finished ("hoàn thành"), or done well ("thực
 * hiện tốt", "tổ chức tốt", "giải quyết tốt", "thực hiện có hiệu quả"). Its opposite is a direction
 * of effort ("đẩy mạnh", "tăng cường", "nâng cao", "xây dựng", "phát triển", "củng cố"): a way to
 * go, with no point at which it is reached.
 */
export const RESULT_GOAL_RE =
  /^(?:(?:tiếp tục|chủ động|tập trung)\s+)*(?:giữ vững|bảo vệ vững chắc|giữ gìn|giữ ổn định|duy trì|đảm bảo|bảo đảm|không để|không còn|không có|kéo giảm|hoàn thành|ổn định|kiểm soát|kiềm chế|kiểm chế|giảm thiểu|ngăn chặn|(?:\p{L}+\s+){1,4}(?:tốt|có hiệu quả)(?![\p{L}]))/iu

/**
 * A result stated as a state to keep or reach (RESULT_GOAL_RE without "… tốt", "… có hiệu
 * quả"): what a plan that lists its targets still sets in its prose ("giữ vững phường đạt tiêu
 * chuẩn an toàn …", "không để xảy ra …"), where "thực hiện tốt …" is a duty.
 */
export const STATE_GOAL_RE =
  /^(?:(?:tiếp tục|chủ động|tập trung|phấn đấu)\s+)*(?:giữ vững|bảo vệ vững chắc|giữ gìn|giữ ổn định|duy trì|đảm bảo|bảo đảm|không để|không còn|không có|không phát sinh|không xảy ra|kéo giảm|giảm (?:trên\s+)?cả|hoàn thành|kiểm soát|kiềm chế|kiểm chế|ngăn chặn)(?![\p{L}])/iu

/**
 * A result inside a clause of prose: after a short subject ("lực lượng dân quân hoàn thành …",
 * "xây dựng xã đạt tiêu chuẩn “An toàn …”") or after a comma ("giảm tảo hôn, phấn đấu không để
 * xảy ra …").
 */
export const RESULT_WITHIN_RE = /^(?:[\p{L}]+\s+){1,5}?(?:hoàn thành|giữ vững|không để|đạt (?:tiêu chuẩn|chuẩn|danh hiệu))\s|,\s*(?:phấn đấu\s+)?(?:không để|không còn|giữ vững|hoàn thành)\s/iu

/**
 * The plan's closing call, no goal of its own: "hoàn thành tốt nhiệm vụ chính trị được giao",
 * "hoàn thành toàn diện các chỉ tiêu năm 2026", "hoàn thành thắng lợi các mục tiêu, nhiệm vụ".
 * A named duty ("hoàn thành chỉ tiêu giao quân", "hoàn thành dự toán thu ngân sách") is not one.
 * ("hoàn thành và hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội, quốc phòng - an ninh năm 2025
 * được Ủy ban nhân dân huyện giao và Hội đồng nhân dân xã thông qua (chi tiết tại Phụ lục …)": the
 * fields the targets cover, who set them, and a pointer to where they are listed are no goal either.)
 */
/**
 * A call closing with an exclamation mark ("Toàn thể cán bộ và Nhân dân … chung sức, đồng lòng thi đua …!"): a slogan, no goal to judge.
 * (Its last characters only: a pattern anchored at the end alone is tried from every place of a text,
 * and the goals of a long line are asked about many times.)
 */
export const exclaimed = (text: string): boolean => /!["”»]?$/u.test(text.trimEnd().slice(-2))

export const GENERIC_GOAL_RE =
  /^hoàn thành(?:\s+(?:tốt|xuất sắc|thắng lợi|toàn diện|vượt mức|và (?:hoàn thành\s+)?vượt(?:\s+mức)?))*\s+(?:(?:các|mọi|toàn bộ|tất cả(?: các)?)\s+)?(?:\d{1,3}\s+)?(?:mục tiêu|chỉ tiêu|nhiệm vụ)(?:,?\s+(?:và\s+)?(?:mục tiêu|chỉ tiêu|nhiệm vụ))*(?:,?\s+(?:và\s+)?(?:chính trị|kinh tế\s*[-–]\s*xã hội|quốc phòng\s*[-–]\s*an ninh|chủ yếu|được giao|đã đề ra|đề ra|năm \d{4}|của (?:năm|kế hoạch)(?:\s+\d{4})?|về\s+(?:phát triển\s+)?(?:kinh tế|văn hóa|văn hoá|xã hội)(?:\s*[-–]\s*xã hội)?|(?:(?:của|theo)\s+)?nghị quyết(?![\p{L}])[^.;]{0,200}))*(?:\s+được\s+[\p{L}\s]{1,80}?\s(?:giao|thông qua|đề ra|phê duyệt)(?:\s+và\s+[\p{L}\s]{1,80}?\s(?:giao|thông qua|đề ra|phê duyệt))?)?(?:\s+(?:tại|theo|ở|trong)\s+(?:phụ lục|biểu|bảng)[^.;]*|\s*\((?:chi tiết\s+|cụ thể\s+)?(?:tại|theo|ở|trong)\s+(?:phụ lục|biểu|bảng)[^()]*\))?\s*$/iu

/**
 * A verb that intensifies or builds up what an item already names ("đẩy mạnh", "tăng cường",
 * "nâng cao", "kiện toàn", "củng cố", "đổi mới", "xây dựng"): after an item's first goal, a
 * clause opening with one elaborates that goal rather than setting another (goals.ts, elaborates).
 */
export const INTENSIFIER_RE = /^(?:(?:tiếp tục|chủ động|tập trung)\s+)*(?:đẩy mạnh|tăng cường|nâng cao|kiện toàn|củng cố|đổi mới|xây dựng)(?![\p{L}])/iu

/**
 * A clause that names rather than sets: the year's theme or slogan ("Chủ đề thi đua năm 2026: “…”"),
 * a movement by its name ("Phong trào thi đua “Cả nước chung tay vì người nghèo”"), a phase
 * ("Đợt thứ nhất: …", read by the header as a phase).
 */
export const NAMING_HEAD_RE =
  /^(?:chủ đề|khẩu hiệu|phương châm|(?:các\s+)?(?:phong trào|cuộc vận động)(?:\s+thi đua)?(?:\s+(?:thứ\s+)?(?:\d{1,2}|[IVX]{1,4}|nhất|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười))?\s*:?\s*[“"]|đợt(?:\s+thi đua)?(?:\s+thứ)?\s+(?:\d+|[IVX]+|một|nhất|hai|ba|bốn|năm|sáu|cao điểm|đặc biệt)(?![\p{L}]))/iu

/**
 * A direction of effort: a way to go with no point at which it is reached ("tăng cường tuần tra",
 * "thường xuyên tuyên truyền", "phát huy vai trò", "vận động Nhân dân …", "tiếp tục sắp xếp, kiện
 * toàn bộ máy …", "các chi bộ chú trọng bồi dưỡng …": attention paid, after its subject). "Xây
 * dựng xã vững mạnh" names a state to reach and is none.
 * ("Các hợp tác xã, tổ hợp tác tích cực liên kết với doanh nghiệp …": whatever is done actively, by
 * subjects named side by side, is an effort too; not "tích cực hoàn thành …", a result.)
 */
export const DIRECTION_RE =
  /^(?:(?:các|mỗi|từng)\s+(?:\p{L}+,?\s+){1,8}?(?=(?:tiếp tục|chủ động|tập trung|thường xuyên|tích cực|quan tâm|chú trọng)\s))?(?:(?:(?:tiếp tục|chủ động|tập trung|thường xuyên|tích cực)\s+)*(?:đổi mới|đẩy mạnh|tăng cường|nâng cao|kiện toàn|sắp xếp|củng cố|đổi mới|phát huy|vận động|tuyên truyền|quan tâm|chú trọng|khuyến khích|tạo điều kiện|phối hợp)(?![\p{L}])|tích cực\s+(?!(?:hoàn thành|đạt|phấn đấu|giữ vững)(?![\p{L}]))\p{L})/iu

/**
 * Readiness against a hazard, "Chủ động phòng, chống hạn, xâm nhập mặn", "chủ động ứng phó với
 * thiên tai": an effort too (DIRECTION_RE), read on the clause as written, since "chủ động" is a
 * prefix goalBody drops; the result it guards ("không để … gây thiệt hại …") is the goal.
 */
/**
 * "tiếp tục xây dựng trường học xanh - sạch - đẹp - an toàn", "tiếp tục phát triển các mô hình …":
 * carrying on building or developing, with no standard reached named (REACHED_RE, STATE_GOAL_RE), is
 * an effort with no point at which it is done, like a direction (DIRECTION_RE); read on the clause
 * as written, since goalBody drops "tiếp tục".
 * So is carrying on any work, whatever its verb ("tiếp tục chuyển đổi diện tích … sang …", "tiếp tục
 * bảo tồn, phát huy …"): with no figure, no state kept and no standard reached, it names no point
 * at which it is done. Not a cut ("tiếp tục giảm …", a result the drafter reads on its own terms).
 */
export const ONGOING_RE = /^tiếp tục\s+(?!(?:kéo\s+)?giảm(?![\p{L}]))\p{L}/iu

export const READINESS_RE = /^(?:tiếp tục\s+)?chủ động\s+(?:phòng,?\s*chống|phòng ngừa|ứng phó)(?![\p{L}])/iu

/**
 * How a plan is run rather than a result to judge: propaganda and study ("tuyên truyền", "quán
 * triệt", "học tập nghị quyết", "phổ biến"), the plan's own paperwork ("xây dựng chương trình, kế
 * hoạch", "đăng ký giao ước"), rewards ("khen thưởng", "nhân rộng điển hình"), reviews ("sơ kết",
 * "tổng kết", "kiểm tra, đôn đốc"), launching a movement ("phát động phong trào"), and the people's
 * land given for the works ("nhân dân hiến đất, góp công theo phương châm …": how a road is built).
 */
/**
 * A duty given to the commune's organisations or units: its subject names them and its verb is
 * an action, not a result ("Các hội, đoàn thể tiếp tục vận động hội viên …", "Hội Liên hiệp Phụ
 * nữ, Đoàn Thanh niên tiếp tục phát động …", "các thôn chủ động dồn điền, đổi thửa …", "Cán bộ,
 * công chức xã thi đua thực hiện văn hóa công sở", "Mặt trận Tổ quốc và các đoàn thể tiếp tục đổi mới
 * phương thức hoạt động …"). "Các thôn giữ vững danh hiệu …" is a result.
 * So is the commune's order to them ("Chỉ đạo các trường học thực hiện …", "Giao các thôn tổ chức …").
 * So are their own targets to register ("Các thôn, cơ quan căn cứ chỉ tiêu trên đăng ký chỉ tiêu thi
 * đua của đơn vị mình, bảo đảm không thấp hơn …"): the plan's paperwork, what they register theirs.
 * ("Mỗi khu tổ chức ít nhất 01 buổi đối thoại với Nhân dân": so is what each residential unit, whatever
 * its name, holds or does: a duty of each, no target of the commune.)
 * Units working together to reach a result ("Các thôn và Trạm Y tế phối hợp phấn đấu không để …
 * xảy ra") are striving for it, no duty: the result is the goal.
 * (So is the commune's police at its work: "Công an xã duy trì tuần tra ban đêm …".)
 */
export const ORG_DUTY_RE =
  /^(?:ngoài (?:các )?chỉ tiêu trên,\s*)?(?:(?:chỉ đạo|giao|yêu cầu|đề nghị)\s+)?(?:(?:các|mỗi|từng)\s+)?(?:hội,?\s+đoàn thể|đoàn thể|hội liên hiệp phụ nữ|hội phụ nữ|đoàn thanh niên|hội nông dân|hội cựu chiến binh|mặt trận tổ quốc|ủy ban mặt trận|chi hội|chi đoàn|trường học|nhà trường|trạm y tế|công an|cán bộ,?\s+công chức|ban,?\s+ngành|thôn|bản|ấp|tổ dân phố|khu(?:\s+(?:phố|dân cư))?(?!\s+(?:công nghiệp|chế xuất|kinh tế|du lịch|di tích|nghỉ dưỡng|đô thị|nhà ở|vực))|khóm|xóm|làng|buôn|plei|sóc|bộ phận|đơn vị|cơ quan)(?![\p{L}])[^;]{0,60}?\s(?:(?:tiếp tục|chủ động|tích cực|thường xuyên|thi đua)\s+)*(?:vận động|phát động|tuyên truyền|thực hiện|nâng cao|đổi mới|củng cố|kiện toàn|dồn điền|phối hợp|tổ chức|hướng dẫn|nhận đỡ đầu|đẩy mạnh|tăng cường|triển khai|huy động|phân công|tuần tra|xây dựng (?:kế hoạch|chương trình)|lập kế hoạch|đăng ký (?:chỉ tiêu|giao ước|thi đua|danh hiệu))(?![\p{L}])(?!\s+phấn đấu(?![\p{L}]))/iu

/** A means to the targets: telling, teaching, planning ("xây dựng và thực hiện phương án phòng cháy …"), registering, rewarding, allotting. */
export const MEANS_RE =
  /(?<![\p{L}])(?:tuyên truyền|quán triệt|học tập (?:nghị quyết|luật|chỉ thị)|phổ biến|xây dựng (?:và thực hiện\s+)?(?:chương trình|kế hoạch|phương án)|đăng ký (?:giao ước|thi đua)|giao ước thi đua|khen thưởng|nhân rộng điển hình|sơ kết|tổng kết|kiểm tra,? đôn đốc|phát động (?:phong trào|thi đua)|phân bổ|phân khai|giao chỉ tiêu|hiến đất)(?![\p{L}])/iu

/**
 * A section on the plan's phases ("4. Đợt thi đua đặc biệt", "Các đợt thi đua", "Thời gian thực
 * hiện", "Thời gian thi đua"), at any depth: what it says (when a phase is launched, who sets its
 * dates, "thời gian cụ thể … thông báo sau") is read by the header as phases, not as the year's
 * targets or goals.
 */
export const PHASE_SECTION_RE = /^(?:các\s+)?(?:đợt thi đua|đợt cao điểm)(?![\p{L}])|^thời gian (?:thực hiện|phát động|thi đua|tổ chức)(?![\p{L}])/iu

/**
 * Sections that hold no targets: purposes, requirements, solutions, how the plan is carried out,
 * its propaganda and slogans, the registration of titles, and the duties shared out to agencies
 * ("Nhiệm vụ của các cơ quan, đơn vị", "Phân công nhiệm vụ").
 */
export const NON_TARGET_SECTION_RE =
  /mục đích|yêu cầu|giải pháp|tổ chức thực hiện|nơi nhận|khen thưởng$|tuyên truyền|khẩu hiệu|(?<!nội dung\s)đăng ký (?:thi đua|danh hiệu|giao ước)|nhiệm vụ (?:của|cho) (?:các|từng)|phân công|^(?:các\s+)?đợt thi đua|thời gian (?:thực hiện|phát động|thi đua|tổ chức)|^(?:thực trạng|tình hình|đặc điểm)(?![\p{L}])|^kinh phí(?: thực hiện| tổ chức)?$|(?:phân bổ|phân khai|phân giao)\s.*\scho\s(?:các|từng)\s|^(?:đề xuất|kiến nghị)(?:\s*(?:,|và)\s*(?:đề xuất|kiến nghị))?$/iu

/** "Kết quả 9 tháng đầu năm 2025", "Tình hình thực hiện 6 tháng": a review of the months of the year gone by. */
const PART_YEAR_REVIEW_RE = /^(?:\p{L}+\s+){0,2}(?:kết quả|tình hình)(?:\s+(?:thực hiện|đạt được))?(?:\s+[^\d\s]+){0,5}?\s+(?:\d{1,2}|sáu|chín)\s+tháng(?:\s+đầu\s+năm)?(?![\p{L}])/iu
/**
 * A section reviewing a year before the plan's ("Đánh giá khái quát kết quả năm 2024", "Kết quả
 * thực hiện năm 2025", "Tình hình thực hiện …"): its figures are results reached, not targets.
 */
export function reviewsPastYear(name: string, planYear: number | undefined): boolean {
  // "KẾT QUẢ NĂM 2024 VÀ CHỈ TIÊU THI ĐUA NĂM 2025": the review and the year's targets, together.
  const withTargets = /(?<![\p{L}])và\s+(?:các\s+)?(?:chỉ tiêu|nhiệm vụ|phương hướng|mục tiêu)(?![\p{L}])/iu.test(name)
  // "KẾT QUẢ 9 THÁNG ĐẦU NĂM 2025" in a plan for the rest of 2025 (a drive to the year's end): the
  // results of the year so far, reached, not targets, whatever the year.
  if (!withTargets && PART_YEAR_REVIEW_RE.test(name)) return true
  if (withTargets || (planYear !== undefined && new RegExp(String.raw`(?<!\d)${planYear}(?!\d)`, 'u').test(name))) return false
  // ("NHÌN LẠI NĂM 2026": a slide looking back on the year gone by, as a review.)
  if (/^(?:\p{L}+\s+){0,2}(?:đánh giá|nhìn lại|tình hình thực hiện|kết quả (?:thực hiện|đạt được))/iu.test(name)) {
    const years = [...name.matchAll(/(?<!\d)(\d{4})(?!\d)/gu)].map((m) => Number(m[1]))
    return years.length === 0 || planYear === undefined || years.every((y) => y < planYear)
  }
  // ("Khái quát kết quả năm 2025", "Tóm tắt kết quả năm 2025": a word or two before it.)
  // ("Kết quả 2025 (để so sánh)": the year written without "năm", as a message shortens it.)
  const m = /^(?:\p{L}+\s+){0,2}kết quả(?![\p{L}])(?:[^\d]{0,80}?năm\s+|\s+)((?:19|20)\d{2})(?!\d)/iu.exec(name)
  return m !== null && planYear !== undefined && Number(m[1]) < planYear
}

/**
 * A section on where the commune stands as the plan opens ("Bối cảnh", "Đặc điểm tình hình",
 * "Tình hình chung", "Khái quát đặc điểm …", "Khái quát tình hình", "Khái quát"), at any depth: its figures (enterprises, workers,
 * last year's budget) describe, they set nothing. Not one that names the year's tasks as well
 * ("Tình hình và nhiệm vụ năm 2026").
 */
export function describesSetting(name: string): boolean {
  // ("KHÁI QUÁT", "Khái quát chung", "Giới thiệu chung": the section's name alone says as much.)
  return (/^(?:(?:khái quát|tóm tắt|đánh giá)\s+)?(?:bối cảnh|đặc điểm(?:\s+tình hình)?|tình hình chung|thực trạng)(?![\p{L}])/iu.test(name) || /^(?:khái quát|tóm tắt)\s+tình hình(?![\p{L}])/iu.test(name) || /^(?:khái quát|giới thiệu)(?:\s+chung)?\s*:?$/iu.test(name.trim())) && !/(?<![\p{L}])(?:chỉ tiêu|mục tiêu|nhiệm vụ|phương hướng)(?![\p{L}])/iu.test(name)
}

/**
 * "Slide 3", "Slide 3/12", "Trang chiếu 4", "Slide 5: CHỈ TIÊU KINH TẾ": the mark a conference's slides
 * copied slide by slide open each slide on; the slide's title follows it (on its line after a colon,
 * or alone on the next). Two of them at least make the text a deck of slides. ("===== Slide 3 =====",
 * "--- Slide 3 ---": a presentation exported as text sets the mark between runs of "=" or "-".)
 */
export const SLIDE_MARK_RE = /^(?:[=*#–-]{2,}\s*)?(?:slide|trang chiếu)\s+(?:số\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[:.–-]\s*([^\s=*#–-].{0,200}?))?(?:\s*[=*#–-]{2,})?$/iu

/**
 * "Ghi chú của người trình bày: …", "Ghi chú: …", "Notes: …": what a slide's presenter says over it
 * (last year's figures, how a target was set), no part of the slide's list of targets.
 */
export const SPEAKER_NOTE_RE = /^(?:ghi chú(?:\s+(?:của\s+)?(?:người trình bày|người thuyết trình|báo cáo viên|diễn giả))?|lời thuyết minh|speaker notes?|notes?)\s*:/iu

/** An introduction to a list of targets: "… với các chỉ tiêu cụ thể sau:", "Các chỉ tiêu chủ yếu:". */
// ("… các chỉ tiêu chủ yếu năm 2025 (theo biểu tổng hợp của …):": a remark in brackets before the colon says where the list comes from.)
export const TARGET_LIST_RE = /chỉ tiêu[^.;:()]{0,50}(?:\([^()]{1,80}\))?\s*:?\s*$/iu

/** The villages or residential groups a figure is asked of one by one: "mỗi thôn", "mỗi TDP ven biển", "mỗi buôn". */
export const EACH_UNIT_RE = /(?<![\p{L}])mỗi\s+(?:thôn|bản|buôn|bon|ấp|làng|xóm|sóc|plei|khóm|tổ dân phố|TDP|khu phố|khối phố|khu dân cư|khu vực)(?![\p{L}])/iu

/**
 * "Mỗi thôn có ít nhất 01 tuyến đường hoa": what every unit must have, a state each reports met or
 * not (the verb right after the unit, no words between that pick out some of them). So is the least
 * every unit must hold in the year: "mỗi khu dân cư tổ chức ít nhất 03 buổi … trong năm".
 */
export const EACH_UNIT_STATE_RE = new RegExp(String.raw`^${EACH_UNIT_RE.source}\s+(?:(?:có|duy trì|giữ vững)\s|(?:tổ chức|thực hiện|xây dựng|ra quân)\s+(?:ít nhất|tối thiểu)\s+\d[^;]*?\strong năm(?![\p{L}]))`, 'iu')

/**
 * "100% tổ dân phố duy trì ít nhất 01 tuyến đường tự quản": every unit keeping at least one of a
 * thing is the same state as "mỗi thôn có ít nhất 01 …", said as a rate: a yes/no each unit reports.
 */
export const ALL_UNITS_STATE_RE = /(?<![\p{L}\d.,])100\s*%\s+(?:các\s+|số\s+)?(?:thôn|bản|buôn|bon|ấp|làng|xóm|sóc|plei|khóm|tổ dân phố|TDP|khu phố|khối phố|khu dân cư|khu vực)\s+(?:(?:xây dựng|thành lập)\s+và\s+)?(?:có|duy trì|giữ vững|xây dựng)\s+(?:ít nhất|tối thiểu)\s+\d/iu

/**
 * "Mỗi thôn có ít nhất 01 …", "100% khu vực xây dựng và duy trì ít nhất 01 mô hình …": a clause
 * that opens on the state every unit must keep, a yes/no each unit reports.
 */
export const unitsState = (body: string): boolean => EACH_UNIT_STATE_RE.test(body) || ALL_UNITS_STATE_RE.exec(body)?.index === 0

/** The line under an attached plan's title naming the decision that issues it: "(Ban hành kèm theo Quyết định số 12/QĐ-UBND …)". */
export const ATTACHED_RE = /^\(?\s*(?:ban hành\s+)?kèm theo\s+(?:quyết định|nghị quyết|công văn)\b/iu

/**
 * An item's number in brackets inside a paragraph or at a line's start: "(1)" to "(99)", or a
 * lower-case Roman numeral "(i)", "(iv)", "(xii)" ("a) Về kinh tế: (i) …; (ii) …"), which numbers
 * items the same way. No quantifier is unbounded (a pattern's source, to build regexes with).
 */
export const ITEM_NUMBER = String.raw`\((?:\d{1,2}|x{0,2}(?:i{1,3}|iv|vi{0,3}|ix)|xx?)\)`

/**
 * A lead-in pointing back to the targets listed above: "Ngoài các chỉ tiêu trên, ", "Bên cạnh các
 * mục tiêu nêu trên, ", "Ngoài ra, ", "Ngoài các chỉ tiêu tại bảng trên, " (the list given as a
 * table or an appendix): it names nothing of the item after it.
 */
// ("Ngoài các chỉ tiêu trong bảng, ", "Ngoài các chỉ tiêu tại phụ lục kèm theo, ": the table or the
// appendix named, "trên" may be left out.)
// ("Ngoài các chỉ tiêu tại Biểu trên, ": a table is a "biểu" as well as a "bảng".)
// ("Cùng với các chỉ tiêu trên, ", "Song song với việc thực hiện các chỉ tiêu nêu trên, ": the same
// pointer back, the list joined rather than set aside.)
// ("Chỉ tiêu khác: Ngoài các chỉ tiêu tại Biểu trên, ": the run-in label of the other targets before it
// names nothing either.)
export const LEAD_BACK_RE = /^(?:(?:một số\s+|các\s+)?(?:chỉ tiêu|mục tiêu)\s+khác\s*:\s*)?(?:(?:ngoài|bên cạnh|cùng với|song song với)\s+(?:việc\s+(?:thực hiện|hoàn thành)\s+)?(?:(?:các|những)\s+)?(?:chỉ tiêu|mục tiêu|nhiệm vụ|nội dung)(?:(?:\s+(?:đã\s+)?nêu)?(?:\s+(?:tại|ở|trong)\s+(?:(?:các\s+)?(?:bảng|biểu)|phụ lục|mục)(?:\s+(?:chỉ tiêu|nêu))?)?\s+trên|\s+(?:tại|ở|trong)\s+(?:các\s+)?(?:bảng|biểu|phụ lục)(?:\s+(?:chỉ tiêu|kèm theo))?)|ngoài ra)\s*,\s*/iu

/**
 * The abbreviations administrative plans write for their measures and subjects, each for the words
 * it stands for ("TNGT: giảm ≥ 10% số vụ", "Tỷ lệ HGĐ văn hóa ≥ 92%", "Giá trị SX/ha …"): a name is
 * read, for its kind and unit, as if spelled out. (Uppercase words only, each a word of its own.)
 */
const ABBREVIATIONS: Record<string, string> = {
  GTSX: 'giá trị sản xuất',
  SX: 'sản xuất',
  TNBQ: 'thu nhập bình quân',
  NSNN: 'ngân sách nhà nước',
  TNGT: 'tai nạn giao thông',
  TNLĐ: 'tai nạn lao động',
  HGĐ: 'hộ gia đình',
  KDC: 'khu dân cư',
  BHYT: 'bảo hiểm y tế',
  ANCT: 'an ninh chính trị',
  ANTT: 'an ninh trật tự',
  TTATXH: 'trật tự an toàn xã hội',
  TTATGT: 'trật tự an toàn giao thông',
  LĐ: 'lao động',
  DS: 'dân số',
  SDD: 'suy dinh dưỡng',
  PPHS: 'phạm pháp hình sự',
}

/**
 * Abbreviations whose words depend on what is measured: "NS lúa … tạ/ha" is a yield (NS alone is
 * also ngân sách), "DT … ha" an area, "SL … tấn" an output, "GT … đồng" a value; "HN giảm 0,3%",
 * "HCN < 2%" (a slide's short forms) the poor and near-poor households, in % or in hộ (HN alone is
 * also Hà Nội or hội nghị).
 */
const MEASURE_ABBREVIATIONS: Record<string, { words: string; units: RegExp }> = {
  DT: { words: 'diện tích', units: /^(?:ha|m²|m2)$/u },
  NS: { words: 'năng suất', units: /^(?:tạ|tấn)\/ha$/u },
  SL: { words: 'sản lượng', units: /^(?:tấn|tạ|kg|lít|(?:nghìn|triệu) lít|m³|m3)$/u },
  GT: { words: 'giá trị', units: /(?:^|\s)đồng(?:\/|$)/u },
  HN: { words: 'hộ nghèo', units: /^(?:%|hộ)$/u },
  HCN: { words: 'hộ cận nghèo', units: /^(?:%|hộ)$/u },
}

const ABBREVIATION_RE = /(?<![\p{L}\p{N}])(\p{Lu}{2,6})(?![\p{L}\p{N}])/gu

/** A name with its abbreviations spelled out (ABBREVIATIONS; a measure's by `unit`, MEASURE_ABBREVIATIONS). */
export function spellAbbreviations(name: string, unit: string): string {
  return name.replace(ABBREVIATION_RE, (m, abbr: string, at: number) => {
    const measure = MEASURE_ABBREVIATIONS[abbr]
    const words = ABBREVIATIONS[abbr] ?? (measure?.units.test(unit) === true ? measure.words : undefined)
    if (words === undefined) return m
    return at === 0 ? upperFirst(words) : words
  })
}

/**
 * The abbreviation of a name's words ("tai nạn giao thông": TNGT), for cases looked for in text written
 * either way; given the unit it is measured in, a measure's too ("hộ nghèo" in %: HN).
 */
export function abbreviationOf(words: string, unit?: string): string | undefined {
  const w = words.toLowerCase()
  const measure = unit === undefined ? undefined : Object.keys(MEASURE_ABBREVIATIONS).find((k) => MEASURE_ABBREVIATIONS[k]!.words === w && MEASURE_ABBREVIATIONS[k]!.units.test(unit))
  return Object.keys(ABBREVIATIONS).find((k) => ABBREVIATIONS[k] === w) ?? measure
}

/**
 * What a cut's or a growth's level is of, from its name: the quantity's words without the measure
 * ("Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)": "hộ nghèo"; "Số người nghiện ma túy": "người nghiện
 * ma túy"), a label before a colon or a dash, a footnote mark, a standard named after it, and the
 * period ("trong năm", "so với cuối năm 2025", "năm 2024") dropped; whether it is a rate (a share,
 * "tỷ lệ", "tỷ suất"); undefined where fewer than two words are left (a quantity too vague to look
 * for). A part of the commune ("hộ nghèo đồng bào dân tộc thiểu số") keeps its words.
 */
export function quantityOf(name: string): { words: string; rate: boolean } | undefined {
  const bare = name
    .replace(/^.{0,80}(?:\s[–—-]\s|:\s)(?=(?:tỷ lệ|tỷ suất|số|mức)\s)/iu, '')
    // ("Tỷ lệ riêng tỷ lệ hộ nghèo đồng bào Chăm": a part's rate, "riêng" or "trong đó" read into its name.)
    .replace(/^(?:tỷ lệ|tỷ suất)\s+(?:riêng|trong đó)\s+(?=(?:tỷ lệ|tỷ suất)\s)/iu, '')
    .replace(/\([^()]{0,80}\)|\(\d\)/gu, ' ')
    .replace(/\s+(?:theo\s+)?chuẩn(?:\s+nghèo)?(?:\s+đa chiều)?(?:\s+của\s+[\p{L} ]{1,20})?(?:\s+giai đoạn[\d\s–-]*)?\s*$/iu, '')
    .replace(/\s+(?:trong năm(?:\s+\d{4})?|trên địa bàn(?:\s+(?:xã|phường|thị trấn|đặc khu))?|chung|so với\s[\p{L}\s]{0,12}(?:năm\s+\d{4})?|năm\s+\d{4}|đa chiều)\s*$/iu, '')
    .replace(/\s+(?:theo\s+)?chuẩn(?:\s+nghèo)?(?:\s+đa chiều)?(?:\s+của\s+[\p{L} ]{1,20})?\s*$/iu, '')
    .replace(/\s+đa chiều\s*$/iu, '')
    .replace(/\s+/gu, ' ')
    .trim()
  // ("Tỷ lệ hộ nghèo đồng bào Bru - Vân Kiều": a people's name may hold a dash between its words.)
  const m = /^(?:(?:mức|phấn đấu)\s+)?(?:giảm\s+)?(?:(tỷ lệ|tỷ suất)|(?:tổng\s+)?số)\s+(\p{L}(?:[\p{L}\d ]|[-–](?=\s?\p{L}))*\p{L}|\p{L}+)$/iu.exec(bare)
  // ("Tỷ suất sinh": the crude birth rate, "tỷ suất sinh thô", the one rate of births in ‰.)
  if (m && /^tỷ suất$/iu.test(m[1] ?? '') && /^sinh(?: thô)?$/iu.test(m[2]!)) return { words: 'sinh thô', rate: true }
  if (!m || m[2]!.split(' ').length < 2) return undefined
  return { words: m[2]!.toLowerCase(), rate: m[1] !== undefined }
}

/**
 * A quantity named for a part of the commune, after the words the target names: "hộ nghèo đồng bào
 * dân tộc thiểu số", "hộ nghèo ở thôn …", "hộ nghèo dân tộc Khmer" are some of the "hộ nghèo".
 */
export const PART_AFTER_RE = /^\s+(?:đồng bào|dân tộc|người dân tộc|DTTS|ở|tại|thuộc|của\s+(?:thôn|bản|ấp|khu|tổ)|thôn|bản|ấp|khu phố|tổ dân phố)(?![\p{L}])/iu

/**
 * The words that may stand between a quantity named and its level in a statement of it ("tỷ lệ hộ
 * nghèo đa chiều của xã đến cuối năm 2025 còn 4,86%", "số người nghiện ma túy có hồ sơ quản lý là
 * 41 người", "số người nghiện ma túy đang quản lý là 40 người", "tỷ lệ hộ nghèo cuối năm 2025 theo kết
 * quả rà soát còn 6,2%", "… chiếm tỷ lệ 21,4%"): a standard, the commune, a time, the review it
 * comes from, then a verb of being; none of cutting or striving.
 */
export const LEVEL_GAP = String.raw`(?:\s*,?\s*(?:đa chiều|(?:theo\s+)?chuẩn(?:\s+nghèo)?(?:\s+đa chiều|\s+của\s+(?:tỉnh|thành phố|trung ương))?|chung|(?:của|toàn)\s+(?:xã|phường|thị trấn|đặc khu)|trên địa bàn(?:\s+(?:xã|phường|thị trấn|đặc khu))?|có hồ sơ quản lý|đang\s+quản lý|(?:theo\s+)?kết quả\s+(?:rà soát|điều tra|tổng điều tra)|(?:tính\s+)?(?:đến\s+)?(?:cuối|đầu)\s+năm(?:\s+\d{4})?|(?:đến\s+)?(?:hết\s+)?năm\s+\d{4}|(?:tại\s+)?(?:thời điểm\s+)?(?:đến\s+)?(?:ngày\s+)?31\/12(?:\/\d{4})?)){0,4}\s*(?::\s*|(?:vẫn\s+)?(?:còn|là|chiếm(?:\s+tỷ lệ)?|đạt|có|ở mức|ước đạt|quản lý)\s+)?`

/**
 * The year whose end a time phrase names: "cuối năm 2025", "năm 2025", "31/12/2025" the end of 2025;
 * "đầu năm 2026" the end of 2025 as well (the level a year starts from is the last one's end).
 */
export function yearEndOf(phrase: string): number | undefined {
  const m = /(?:(cuối|đầu)\s+)?năm\s+(\d{4})(?!\d)|31\/12\/(\d{4})/iu.exec(phrase)
  if (!m) return undefined
  const y = Number(m[2] ?? m[3])
  return m[1]?.toLowerCase() === 'đầu' ? y - 1 : y
}

/**
 * A clause without the stops, commas and spaces that close it ("… năm 2025.;  ") or the `marks` given
 * (one character each), cut off by a walk
 * back from its end: the pattern "[.;,\\s]+$" is tried at every place of a long run of such marks
 * inside the clause (", , , …" before a word) and goes over the run again each time, quadratic.
 */
export function withoutClosingMarks(text: string, marks: RegExp = /[.;,\s]/u): string {
  let end = text.length
  while (end > 0 && marks.test(text[end - 1]!)) end--
  return text.slice(0, end)
}

/**
 * "số vụ tai nạn giao thông bằng hoặc thấp hơn năm 2026", "tội phạm không tăng so với năm trước":
 * a count of incidents held at or under a past year's, a result the plan sets (notAbove reads it
 * against the count the review states). Group 1 names the incidents, group 2 the year if written.
 */
export function casesHeld(text: string): RegExpExecArray | null {
  const m = heldAtMost(text)
  return m && /(?<![\p{L}])(?:số vụ|tai nạn|tội phạm|phạm pháp|phạm tội|cháy|nổ)(?![\p{L}])/iu.test(m[1]!) ? m : null
}

/** "<quantity> bằng hoặc thấp hơn năm 2025", "… không tăng so với năm trước": held at or under a past year's. */
// (One space before the cue, the name trimmed after: "\s+" after a lazy name went over a long run
// of spaces again at every place, quadratic.)
function heldAtMost(text: string): RegExpExecArray | null {
  const m = /^(.+?)\s(?:bằng hoặc thấp hơn|không cao hơn|không vượt quá|không vượt|không tăng so với)\s+(?:năm (\d{4})|năm trước|cùng kỳ(?: năm trước)?)\s*$/iu.exec(withoutClosingMarks(text))
  if (m) m[1] = m[1]!.trimEnd()
  return m
}

/**
 * "tỷ lệ sinh con thứ ba trở lên bằng hoặc thấp hơn năm 2025", "tỷ lệ trẻ suy dinh dưỡng không cao
 * hơn năm trước": a rate held at or under a past year's level, a result the plan sets (notAbove reads
 * it against the level the review states, as notBelow reads "bằng hoặc cao hơn"). Group 1 names the
 * rate, group 2 the year if written.
 */
export function rateHeld(text: string): RegExpExecArray | null {
  const m = heldAtMost(text)
  return m && /^(?:(?:phấn đấu|phân đấu)\s+)?(?:tỷ lệ|tỉ lệ|tỷ suất)\s/iu.test(m[1]!) ? m : null
}
