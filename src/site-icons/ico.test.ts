import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { icoFromPngs, pngSize, readIco } from './ico.ts';

const publicDir = join(import.meta.dirname, '../../public');

/** The smallest valid PNG header of a given size: enough for the container, which never decodes the pixels. */
function fakePng(width: number, height: number): Buffer {
  const png = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
  png.writeUInt32BE(13, 8);
  png.write('IHDR', 12, 'latin1');
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

describe('the ICO container', () => {
  it('reads back the sizes and bytes it wrote, in order', () => {
    const pngs = [fakePng(16, 16), fakePng(32, 32), fakePng(256, 256)];
    const images = readIco(icoFromPngs(pngs));
    assert.deepEqual(images.map((i) => [i.width, i.height]), [[16, 16], [32, 32], [256, 256]]);
    assert.deepEqual(images.map((i) => Buffer.compare(i.png, pngs[images.indexOf(i)]!)), [0, 0, 0]);
  });

  it('refuses an image over 256 px and bytes that are not a PNG', () => {
    assert.throws(() => icoFromPngs([fakePng(512, 512)]), /højst være 256 px/);
    assert.throws(() => pngSize(Buffer.from('GIF89a..................')), /Ikke en PNG/);
  });
});

describe('the icons in public/', () => {
  it('has a favicon.ico with 16, 32 and 48 px images', async () => {
    const images = readIco(await readFile(join(publicDir, 'favicon.ico')));
    assert.deepEqual(images.map((i) => i.width), [16, 32, 48]);
  });

  it('has a 180 px apple-touch-icon and the 192 and 512 px icons the manifest lists', async () => {
    for (const [file, size] of [['apple-touch-icon.png', 180], ['icon-192.png', 192], ['icon-512.png', 512]] as const) {
      assert.deepEqual(pngSize(await readFile(join(publicDir, file))), { width: size, height: size }, file);
    }
  });
});
