/**
 * Kế hoạch 77/KH-UBND (cchc-2026-2030): every criterion, quota and form-level check, as RuleTester
 * tables (test/rules/cases/cchc-2026-2030.ts).
 */
import { describe, expect, it } from 'vitest';
import { campaignId, tables } from './cases/cchc-2026-2030.js';
import { coverageProblems, loadCampaign, registry, ruleTesterAll } from './rule-tester.js';

describe(campaignId, () => {
  ruleTesterAll(campaignId, tables);

  it('mọi quy tắc, chỉ tiêu và kiểm tra hình thức đều đã có bảng', () => {
    expect(coverageProblems(loadCampaign(campaignId), registry.get(campaignId) ?? new Map())).toEqual([]);
  });
});
