/**
 * The document pool the HTTP face renders through: from dist/ (npm test builds first) it runs render
 * threads, and what they give must be what the library gives in-process, byte for byte; refusals come
 * back with their findings.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderOutputs } from '../src/render/output.js';
import { createDocumentPool } from '../src/render/pool.js';
import { clone, fixture } from './helpers/fixtures.js';

const qd = fixture('quyet-dinh-khen-thuong', 'bang-khen-chu-tich-2026');

describe('document pool', () => {
  it('renders in-process from src/ (no compiled worker beside it)', async () => {
    const pool = await createDocumentPool();
    expect(pool.kind).toBe('in-process');
    const r = await pool.render('quyet-dinh-khen-thuong', clone(qd), { formats: ['docx'] });
    expect(r.ok && Buffer.isBuffer(r.docx)).toBe(true);
  });

  it('on render threads (dist/) gives the same DOCX and PDF bytes as in-process, and the same refusals', async () => {
    const dist = fileURLToPath(new URL('../dist/render/pool.js', import.meta.url));
    if (!existsSync(dist)) {
      console.warn('dist/ not built: the render-thread comparison is skipped (npm test builds first)');
      return;
    }
    const lib = (await import(dist)) as typeof import('../src/render/pool.js');
    const pool = await lib.createDocumentPool({ threads: 2 });
    try {
      expect(pool.kind).toBe('workers');
      const [a, b] = await Promise.all([
        pool.render('quyet-dinh-khen-thuong', clone(qd), { formats: ['docx', 'pdf'] }),
        renderOutputs('quyet-dinh-khen-thuong', clone(qd), { formats: ['docx', 'pdf'] }),
      ]);
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(Buffer.isBuffer(a.docx)).toBe(true);
      expect(Buffer.compare(a.docx!, b.docx!)).toBe(0);
      expect(Buffer.compare(Buffer.from(a.pdf!), Buffer.from(b.pdf!))).toBe(0);
      expect(a.pages).toBe(b.pages);

      const bad = clone(qd) as Record<string, unknown>;
      delete bad.trichYeu;
      const refused = await pool.render('quyet-dinh-khen-thuong', bad, { formats: ['docx'] });
      expect(refused.ok).toBe(false);
      expect(refused.findings.some((f) => f.path === '/trichYeu' && f.severity === 'error')).toBe(true);
    } finally {
      await pool.destroy();
    }
  });
});
