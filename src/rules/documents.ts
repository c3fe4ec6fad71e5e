import type { Finding } from '../findings.js';
import type { KindId } from '../kinds.js';
import { BonusError, computeBonus, type BonusResult } from './bonus.js';
import { getCampaign } from './campaigns.js';
import { checkAwardContext, checkNominees, type AwardContext, type NomineeRef } from './engine.js';
import { renderSnippet } from './snippets.js';
import type { Campaign, Nominee, SubjectType } from './types.js';

interface ChienDich {
  ma: string;
  hinhThuc: string;
  dip: string;
  nam?: number;
}
type HoSo = Omit<Nominee, 'loai' | 'ten'>;
interface Item {
  ten?: string;
  hoTen?: string;
  hoSo?: HoSo;
}
type Data = Record<string, unknown>;

/** Where a document kind names its campaign and lists its nominees. */
interface Located {
  chienDich?: ChienDich;
  pointer: string;
  refs: NomineeRef[];
}

function listRefs(items: Item[] | undefined, loai: SubjectType, pointer: string): NomineeRef[] {
  return (items ?? []).map((it, i) => ({
    pointer: `${pointer}/${i}`,
    nominee: { loai, ten: (it.ten ?? it.hoTen ?? '').trim(), ...(it.hoSo ?? {}) },
    checkCriteria: it.hoSo !== undefined,
  }));
}

export function locateNominees(kind: KindId, d: Data): Located | undefined {
  const fromList = (holder: string): Located | undefined => {
    const h = d[holder] as { chienDich?: ChienDich; tapThe?: Item[]; caNhan?: Item[] } | undefined;
    if (!h) return undefined;
    return {
      chienDich: h.chienDich,
      pointer: `/${holder}/chienDich`,
      refs: [...listRefs(h.tapThe, 'tap-the', `/${holder}/tapThe`), ...listRefs(h.caNhan, 'ca-nhan', `/${holder}/caNhan`)],
    };
  };
  switch (kind) {
    case 'quyet-dinh-khen-thuong':
      return fromList('khenThuong');
    case 'to-trinh':
      return fromList('deNghi');
    case 'bao-cao-thanh-tich-tap-the':
    case 'bao-cao-thanh-tich-ca-nhan': {
      const tapThe = kind === 'bao-cao-thanh-tich-tap-the';
      const ten = tapThe ? (d.tenTapThe as string) : ((d.lyLich as { hoTen: string }).hoTen);
      const hoSo = d.hoSo as HoSo | undefined;
      return {
        chienDich: d.chienDich as ChienDich | undefined,
        pointer: '/chienDich',
        refs: [{ pointer: hoSo ? '/hoSo' : '', nominee: { loai: tapThe ? 'tap-the' : 'ca-nhan', ten, ...(hoSo ?? {}) }, checkCriteria: hoSo !== undefined }],
      };
    }
    default:
      return undefined;
  }
}

export function unknownCampaignFinding(ma: string, path: string): Finding {
  return {
    code: 'campaign.unknown',
    severity: 'error',
    path,
    message: `Không có phong trào thi đua "${ma}" trong thư mục campaigns/.`,
    hint: 'Xem danh sách phong trào bằng "vanban campaigns" hoặc GET /api/campaigns.',
  };
}

/** The award context a document names, resolved against campaigns/ (undefined when it names none). */
export function documentContext(kind: KindId, d: Data): { ctx?: AwardContext; refs: NomineeRef[]; findings: Finding[] } {
  const loc = locateNominees(kind, d);
  if (!loc?.chienDich) return { refs: loc?.refs ?? [], findings: [] };
  const campaign = getCampaign(loc.chienDich.ma);
  if (!campaign) return { refs: loc.refs, findings: [unknownCampaignFinding(loc.chienDich.ma, `${loc.pointer}/ma`)] };
  const ctx = { campaign, hinhThuc: loc.chienDich.hinhThuc, dip: loc.chienDich.dip, pointer: loc.pointer };
  return { ctx, refs: loc.refs, findings: checkAwardContext(ctx) };
}

/** Rule checks of a document against the campaign it names: forms, criteria, quotas, Điều 2 money. */
export function checkDocument(kind: KindId, d: Data): Finding[] {
  const { ctx, refs, findings } = documentContext(kind, d);
  if (!ctx) return findings;
  const out = [...findings, ...checkNominees(ctx, refs)];
  if (kind === 'quyet-dinh-khen-thuong' && d.dieu2 === undefined && !out.some((f) => f.severity === 'error')) {
    const money = decisionBonus(ctx, d);
    if ('error' in money) out.push(money.error);
    else out.push(...money.findings);
  }
  return out;
}

function decisionDate(d: Data): string | undefined {
  const x = d.diaDanhNgay as { ngay?: number; thang?: number; nam: number };
  if (x.ngay === undefined || x.thang === undefined) return undefined;
  return `${x.nam}-${String(x.thang).padStart(2, '0')}-${String(x.ngay).padStart(2, '0')}`;
}

export interface DecisionMoney {
  collective?: BonusResult;
  person?: BonusResult;
  findings: Finding[];
}

/**
 * Bonus of a decision: the form's coefficient × the base salary in force on the decision date
 * (Nghị định 152/2025/NĐ-CP, Điều 49). A draft without its date cannot be priced: Điều 2 must be written.
 */
export function decisionBonus(ctx: AwardContext, d: Data): DecisionMoney | { error: Finding } {
  const form = ctx.campaign.hinhThuc.find((h) => h.ma === ctx.hinhThuc);
  const date = decisionDate(d);
  const kt = d.khenThuong as { tapThe?: unknown[]; caNhan?: unknown[] };
  const fail = (message: string): { error: Finding } => ({
    error: { code: 'quyet-dinh.dieu2-missing', severity: 'error', path: '/dieu2', field: 'Nội dung Điều 2', message, citation: 'Nghị định 152/2025/NĐ-CP, Điều 49' },
  });
  if (!form?.tienThuong) return fail(`Trường 'Nội dung Điều 2' (/dieu2) là bắt buộc: hình thức "${form?.ten ?? ctx.hinhThuc}" không có hệ số tiền thưởng để hệ thống tự tính.`);
  if (!date) return fail("Trường 'Nội dung Điều 2' (/dieu2) là bắt buộc ở bản dự thảo chưa có ngày ban hành: tiền thưởng tính theo mức lương cơ sở tại ngày ký quyết định.");
  try {
    const out: DecisionMoney = { findings: [] };
    if (kt.tapThe?.length) out.collective = computeBonus({ award: form.tienThuong, subject: 'tap-the', date });
    if (kt.caNhan?.length) out.person = computeBonus({ award: form.tienThuong, subject: 'ca-nhan', date });
    const seen = new Set<string>();
    out.findings = [...(out.collective?.findings ?? []), ...(out.person?.findings ?? [])]
      .filter((f) => !seen.has(f.code + f.message) && Boolean(seen.add(f.code + f.message)))
      .map((f) => ({ ...f, path: '/dieu2', hint: `Tham số: ${f.path}. ${f.hint ?? ''}`.trim() }));
    return out;
  } catch (err) {
    if (err instanceof BonusError || err instanceof RangeError) return fail(`Không tính được tiền thưởng: ${err.message} Hãy nhập nội dung Điều 2.`);
    throw err;
  }
}

/** The achievement phrase of Điều 1 from the campaign's snippet (strict Handlebars). */
export function campaignAchievement(c: Campaign, dipMa: string, nam: number): string | undefined {
  const dip = c.dip.find((x) => x.ma === dipMa);
  if (!dip) return undefined;
  const thoiGian = renderSnippet(dip.thoiGian, { nam });
  if (thoiGian === undefined) return undefined;
  return renderSnippet(c.vanBan.thanhTich, { nam, thoiGian, dip: dip.ma, tenDip: dip.ten });
}
