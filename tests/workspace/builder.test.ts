import { describe, expect, it } from 'vitest';
import { buildIndex, WorkspaceIndex, type IndexSource } from '../../server/src/workspace/index';
import { xrefFiles, xrefText } from './helpers';

/** An in-memory folder: uri -> [text, stamp]. */
function memorySource(files: Map<string, [string, string]>, reads: string[] = []): IndexSource {
  return {
    list: (roots) => [...files.keys()].filter((u) => roots.some((r) => u.startsWith(`${r}/`))).sort(),
    stamp: (uri) => files.get(uri)?.[1] ?? null,
    read: (uri) => {
      reads.push(uri);
      return files.get(uri)?.[0] ?? null;
    },
  };
}

function xrefFolder(): Map<string, [string, string]> {
  return new Map(xrefFiles().map((f) => [`mem://ws/${f}`, [xrefText(f), 'v1']]));
}

describe('buildIndex', () => {
  it('indexes a folder, reporting progress, then re-reads only what changed', async () => {
    const files = xrefFolder();
    const reads: string[] = [];
    const index = new WorkspaceIndex();
    const progress: [number, number][] = [];
    const r1 = await buildIndex(index, memorySource(files, reads), ['mem://ws'], { onProgress: (d, t) => progress.push([d, t]), progressEvery: 10 });
    expect(r1).toMatchObject({ total: files.size, indexed: files.size, unchanged: 0, failed: 0, removed: 0, cancelled: false });
    expect(progress[0]).toEqual([0, files.size]);
    expect(progress[progress.length - 1]).toEqual([files.size, files.size]);
    expect(index.citedBy('09STATE127892').length).toBe(4);

    reads.length = 0;
    files.set('mem://ws/09PARIS1046.txt', [xrefText('09PARIS1046.txt'), 'v2']);
    files.delete('mem://ws/09TALLINN373.txt');
    files.set('mem://ws/new/big.txt', ['x'.repeat(200_000), 'v1']);
    const r2 = await buildIndex(index, memorySource(files, reads), ['mem://ws'], { maxFileChars: 100_000 });
    expect(reads.sort()).toEqual(['mem://ws/09PARIS1046.txt', 'mem://ws/new/big.txt']);
    expect(r2).toMatchObject({ indexed: 1, failed: 1, removed: 1, unchanged: files.size - 2 });
    expect(index.citedBy('09STATE127892').length).toBe(3);
    expect(index.has('mem://ws/new/big.txt')).toBe(false);
  });

  it('stops between files when cancelled, keeping what it indexed; leaves skipped (open) files alone', async () => {
    const files = xrefFolder();
    const index = new WorkspaceIndex();
    index.setText('mem://ws/09PARIS1162.txt', 'edited in the editor', 'open');
    const token = { isCancellationRequested: false };
    const r = await buildIndex(index, memorySource(files), ['mem://ws'], {
      token,
      skip: (u) => u.endsWith('09PARIS1162.txt'),
      progressEvery: 1,
      onProgress: (done) => {
        if (done === 6) token.isCancellationRequested = true;
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.indexed).toBe(6);
    expect(index.fileCount).toBe(7);
    expect(index.stampOf('mem://ws/09PARIS1162.txt')).toBe('open');
  });

  it('yields to the event loop during long builds and survives a throwing source', async () => {
    const files = xrefFolder();
    let yields = 0;
    let clock = 0;
    const source = memorySource(files);
    const flaky: IndexSource = { ...source, read: (u) => { if (u.includes('HARARE')) throw new Error('EIO'); return source.read(u); } };
    const r = await buildIndex(new WorkspaceIndex(), flaky, ['mem://ws'], {
      now: () => (clock += 7),
      sliceMs: 20,
      yieldControl: async () => { yields++; },
    });
    expect(r.failed).toBe(1);
    expect(r.indexed).toBe(files.size - 1);
    expect(yields).toBeGreaterThan(files.size / 4);
  });
});
