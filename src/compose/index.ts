import type { KindId } from '../kinds.js';
import { baoCaoCaNhanComposer, baoCaoTapTheComposer } from './bao-cao-thanh-tich.js';
import { bienBanComposer } from './bien-ban.js';
import { keHoachComposer } from './ke-hoach.js';
import { phieuKiemTraComposer } from './phieu-kiem-tra-ho-so.js';
import { quyetDinhComposer } from './quyet-dinh-khen-thuong.js';
import { toTrinhComposer } from './to-trinh.js';
import type { Composer, Data, ViewModel, ViewSpec } from './types.js';

const COMPOSERS: Record<KindId, Composer<never>> = {
  'ke-hoach': keHoachComposer,
  'to-trinh': toTrinhComposer,
  'bien-ban': bienBanComposer,
  'bao-cao-thanh-tich-tap-the': baoCaoTapTheComposer,
  'bao-cao-thanh-tich-ca-nhan': baoCaoCaNhanComposer,
  'quyet-dinh-khen-thuong': quyetDinhComposer,
  'phieu-kiem-tra-ho-so': phieuKiemTraComposer,
};

/** Builds the view model of valid, normalized data. */
export function compose(kind: KindId, data: Data): ViewModel {
  return (COMPOSERS[kind] as unknown as Composer<Data>).compose(data);
}

export function viewSpec(kind: KindId): ViewSpec {
  return COMPOSERS[kind].spec;
}

export type { ViewModel, ViewSpec } from './types.js';
