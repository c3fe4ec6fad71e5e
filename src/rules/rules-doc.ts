import { formatDateShort } from '../format/index.js';
import { conditionFields, NAMED_CHECKS } from './conditions.js';
import { listCampaigns } from './campaigns.js';
import { citationText, type Campaign, type Condition } from './types.js';

const SEVERITY: Record<string, string> = { error: 'lỗi (chặn)', warning: 'cảnh báo', review: 'cần xác nhận' };
const SUBJECT: Record<string, string> = { 'tap-the': 'tập thể', 'ca-nhan': 'cá nhân', 'ho-gia-dinh': 'hộ gia đình' };
const isoShort = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return formatDateShort({ day: d, month: m, year: y! });
};
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function conditionText(c: Condition | undefined): string {
  if (!c) return '';
  if (c.tatCa) return `(${c.tatCa.map(conditionText).join(' VÀ ')})`;
  if (c.motTrong) return `(${c.motTrong.map(conditionText).join(' HOẶC ')})`;
  if (c.khong) return `KHÔNG ${conditionText(c.khong)}`;
  if (c.kiemTra) return `${c.kiemTra}(${Object.entries(c.thamSo ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')})`;
  if (c.dem !== undefined) return `số phần tử ${c.dem}${c.loc ? ` có ${conditionText(c.loc)}` : ''} ${c.phep} ${JSON.stringify(c.giaTri)}`;
  return `${c.truong} ${c.phep}${c.phep === 'co' ? '' : ` ${c.truongSoSanh ?? JSON.stringify(c.giaTri)}`}`;
}

function campaignSection(c: Campaign): string {
  const name = (list: { ma: string; ten: string }[] | undefined, ma: string) => list?.find((x) => x.ma === ma)?.ten ?? ma;
  const lines: string[] = [];
  lines.push(`## ${c.ten}`, '');
  lines.push(`- Mã: \`${c.ma}\`, phiên bản ${c.phienBan} (tệp \`campaigns/${c.ma}.json\`)`);
  lines.push(`- Văn bản nguồn: ${c.vanBanNguon.so} ngày ${isoShort(c.vanBanNguon.ngay)} của ${c.vanBanNguon.coQuan}: ${c.vanBanNguon.trichYeu}`);
  if (c.vanBanNguon.thucHien) lines.push(`- Thực hiện: ${c.vanBanNguon.thucHien}`);
  lines.push('');
  if (c.cachHieu?.length) {
    lines.push('### Cách hiểu văn bản nguồn', '', ...c.cachHieu.map((x, i) => `${i + 1}. ${x}`), '');
  }
  lines.push('### Hình thức khen thưởng và quy tắc về đối tượng, khối, dịp', '');
  lines.push('| hình thức | đối tượng | khối | dịp | hệ số tiền thưởng | căn cứ |', '|---|---|---|---|---|---|');
  for (const h of c.hinhThuc) {
    lines.push(`| ${cell(h.ten)} (\`${h.ma}\`) | ${h.doiTuong.map((d) => SUBJECT[d]).join(', ')} | ${(h.khoi ?? []).map((k) => name(c.khoi, k)).join(', ') || 'mọi khối'} | ${h.dip.map((d) => name(c.dip.map((x) => ({ ma: x.ma, ten: x.ten })), d)).join('; ')} | ${h.tienThuong ?? '—'} | ${cell(citationText(h.canCu))} |`);
  }
  lines.push('');
  lines.push('| mã quy tắc | mức độ | nội dung |', '|---|---|---|');
  lines.push(`| \`${c.ma}.hinh-thuc.doi-tuong\` | ${SEVERITY.error} | Hình thức chỉ xét cho các loại đối tượng ghi trong bảng trên. |`);
  lines.push(`| \`${c.ma}.hinh-thuc.khoi\` | ${SEVERITY.error} | Hình thức phân bổ theo khối chỉ xét cho tập thể thuộc các khối ghi trong bảng trên; tập thể phải ghi khối. |`);
  lines.push(`| \`${c.ma}.hinh-thuc.dip\` | ${SEVERITY.error} | Hình thức chỉ xét trong các dịp ghi trong bảng trên. |`, '');
  lines.push('### Chỉ tiêu số lượng (tính trên cả tập đề nghị của một dịp)', '');
  lines.push('| mã | tối đa | nội dung | căn cứ |', '|---|---:|---|---|');
  for (const q of c.chiTieu) lines.push(`| \`${q.ma}\` | ${q.toiDa} | ${cell(q.moTa)} | ${cell(citationText(q.canCu))} |`);
  lines.push('');
  lines.push('### Tiêu chuẩn, điều kiện', '');
  lines.push('| mã | mức độ | áp dụng | nội dung | điều kiện | căn cứ |', '|---|---|---|---|---|---|');
  for (const r of c.quyTac) {
    const scope = [
      r.apDung.hinhThuc ? r.apDung.hinhThuc.map((h) => name(c.hinhThuc, h)).join(', ') : 'mọi hình thức',
      r.apDung.loai ? r.apDung.loai.map((l) => SUBJECT[l]).join(', ') : '',
      r.apDung.loaiDonVi ? `loại đơn vị: ${r.apDung.loaiDonVi.map((u) => name(c.loaiDonVi, u)).join('; ')}` : '',
      r.apDung.khi ? `khi ${conditionText(r.apDung.khi)}` : '',
    ].filter(Boolean).join('; ');
    const review = r.xacNhan ? ` Được xác nhận bằng: “${name(c.xacNhan, r.xacNhan)}” (\`${r.xacNhan}\`, có người xác nhận, chức vụ, ngày).` : '';
    lines.push(`| \`${r.ma}\` | ${SEVERITY[r.mucDo]} | ${cell(scope)} | ${cell(r.moTa + review)} | ${cell(conditionText(r.dieuKien))} | ${cell(citationText(r.canCu))} |`);
  }
  lines.push('');
  const fields = new Set(c.quyTac.flatMap((r) => [...conditionFields(r.dieuKien), ...(r.apDung.khi ? conditionFields(r.apDung.khi) : [])]));
  if (c.truongDuLieu?.length) {
    lines.push('Dữ liệu xét tiêu chuẩn (`duLieu`):', '');
    for (const f of c.truongDuLieu) lines.push(`- \`${f.ma}\`: ${f.ten}${f.donVi ? ` (${f.donVi})` : ''}${fields.has(`/duLieu/${f.ma}`) ? '' : ' — chưa quy tắc nào dùng'}`);
    lines.push('');
  }
  lines.push('Thiếu dữ liệu một tiêu chuẩn cần không bao giờ bị coi là “không đạt”: kết quả là `<mã>.thieu-du-lieu`, nêu rõ thiếu trường nào.', '');
  lines.push('### Thành phần hồ sơ', '');
  for (const s of c.hoSo) {
    lines.push(`#### ${s.ten} (\`${s.ma}\`)`, '');
    lines.push(`Tuyến \`${s.tuyen}\`, thủ tục ${s.thuTuc === 'don-gian' ? 'đơn giản' : 'thông thường'}, ${String(s.soBo).padStart(2, '0')} bộ bản chính — ${cell(citationText(s.canCu))}.`, '');
    lines.push('| mã | thành phần | phạm vi | bắt buộc | khi | căn cứ |', '|---|---|---|---|---|---|');
    for (const t of s.thanhPhan) {
      const req = t.batBuoc === false ? 'không (nếu có)' : `có${t.canXacNhan ? ', có xác nhận của đơn vị trình khen' : ''}${t.mauSo ? `, theo Mẫu số ${t.mauSo.join(', ')}` : ''}`;
      lines.push(`| \`${t.ma}\` | ${cell(t.ten + (t.ghiChu ? ` (${t.ghiChu})` : ''))} | ${t.phamVi === 'ho-so' ? 'cả hồ sơ' : 'từng đối tượng'} | ${req} | ${cell(conditionText(t.khi))} | ${cell(citationText(t.canCu))} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** docs/RULES.md, generated from the rule packs so an officer can review the encoding against the plans. */
export function rulesMarkdown(campaigns: Campaign[] = listCampaigns()): string {
  const head = [
    '# Bộ quy tắc thi đua, khen thưởng',
    '',
    'Tệp này được sinh tự động từ `campaigns/*.json` bằng `npm run rules-doc`; đừng sửa tay. Mỗi quy tắc có mã,',
    'mức độ (lỗi chặn dựng văn bản; cảnh báo; cần xác nhận), nội dung và căn cứ, để cán bộ Sở Nội vụ đối chiếu với văn bản nguồn.',
    '',
    '## Kiểm tra có tên trong hệ thống',
    '',
    'Điều kiện của quy tắc là dữ liệu (so sánh, tất cả / một trong / phủ định, đếm); chỉ những kiểm tra sau cần mã lệnh:',
    '',
    ...Object.entries(NAMED_CHECKS).map(([k, v]) => `- \`${k}\`: ${v.moTa}`),
    '',
  ];
  return [...head, ...campaigns.map(campaignSection)].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
