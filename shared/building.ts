// Group complaints match owners by project and building (shared/case-escalation.ts). Many CRMs
// show no building field, only the unit ("3栋1201"), so the building is read from the unit's
// head. Only words that name a building count: "5楼" alone is as often a floor as a building,
// and "1201号" is a room, so neither is taken for one.

/** Longest suffixes first, so that "5號樓" is not cut after "號". */
const CHINESE_BUILDING = /^([0-9A-Za-z一二三四五六七八九十百零〇]{1,8})\s*(号楼|號樓|号院|號院|栋|棟|幢|座)/u;

/** "Block B", "Building 3", "Tower 2A": the English words for one, followed by its name. */
const ENGLISH_BUILDING = /^(block|building|bldg\.?|tower|blk\.?)\s*([0-9A-Za-z]{1,6})\b/iu;

/** The most a building holds (CaseGroup.building). */
const MAX_BUILDING_LENGTH = 60;

/**
 * A building as groups compare it: NFKC (full-width "３栋" is "3栋"), blanks collapsed,
 * trimmed, bounded. Simplified and traditional spellings stay distinct, as the CRM wrote them.
 */
export function normaliseBuilding(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim().slice(0, MAX_BUILDING_LENGTH).trim();
}

/**
 * The customer's building: the CRM's own field when it shows one, else the head of the unit
 * ("3栋1201" → "3栋", "A座-502" → "A座", "5號樓 3單元" → "5號樓", "Block B 1203" → "Block B"),
 * else '' (cases without a building group by project alone).
 */
export function buildingOf(customer: { building?: string | undefined; unit?: string | undefined }): string {
  const given = normaliseBuilding(customer.building ?? '');
  if (given) return given;
  const unit = normaliseBuilding(customer.unit ?? '');
  const chinese = CHINESE_BUILDING.exec(unit);
  if (chinese) return `${chinese[1]}${chinese[2]}`;
  const english = ENGLISH_BUILDING.exec(unit);
  if (english) return `${english[1]} ${english[2]}`;
  return '';
}
