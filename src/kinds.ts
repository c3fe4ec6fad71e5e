import { join } from 'node:path';
import { SCHEMAS_DIR, TEMPLATES_DIR } from './paths.js';

/** The document kinds; these ids are used everywhere (CLI, API, file names, fixtures). */
export const KIND_IDS = [
  'ke-hoach',
  'to-trinh',
  'bien-ban',
  'bao-cao-thanh-tich-tap-the',
  'bao-cao-thanh-tich-ca-nhan',
  'quyet-dinh-khen-thuong',
  'phieu-kiem-tra-ho-so',
] as const;

export type KindId = (typeof KIND_IDS)[number];

export interface KindInfo {
  id: KindId;
  /** Vietnamese name of the kind. */
  title: string;
  /** Abbreviation of the document type (Nghị định 30/2020/NĐ-CP, Phụ lục III), when it has one. */
  abbreviation: string;
  schemaFile: string;
  templateFile: string;
}

const TITLES: Record<KindId, [string, string]> = {
  'ke-hoach': ['Kế hoạch', 'KH'],
  'to-trinh': ['Tờ trình đề nghị khen thưởng', 'TTr'],
  'bien-ban': ['Biên bản họp xét khen thưởng', 'BB'],
  'bao-cao-thanh-tich-tap-the': ['Báo cáo thành tích tập thể', 'BC'],
  'bao-cao-thanh-tich-ca-nhan': ['Báo cáo thành tích cá nhân', 'BC'],
  'quyet-dinh-khen-thuong': ['Quyết định khen thưởng', 'QĐ'],
  'phieu-kiem-tra-ho-so': ['Phiếu kiểm tra hồ sơ', 'PKT'],
};

export function isKindId(id: string): id is KindId {
  return (KIND_IDS as readonly string[]).includes(id);
}

export function kindInfo(id: KindId): KindInfo {
  const [title, abbreviation] = TITLES[id];
  return {
    id,
    title,
    abbreviation,
    schemaFile: join(SCHEMAS_DIR, `${id}.schema.json`),
    templateFile: join(TEMPLATES_DIR, `${id}.docx`),
  };
}

export function listKinds(): KindInfo[] {
  return KIND_IDS.map(kindInfo);
}
