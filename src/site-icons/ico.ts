// Writes and reads the ICO container: a directory of images, each stored as a whole PNG (which every browser since IE 9 reads).

export interface IcoImage {
  width: number;
  height: number;
  /** The PNG bytes stored for this size. */
  png: Buffer;
}

/** Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString('latin1', 1, 4) !== 'PNG' || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('Ikke en PNG-fil.');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** An .ico file holding the given PNGs (each at most 256 px), in the order given. */
export function icoFromPngs(pngs: Buffer[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256) throw new Error(`Et ikon må højst være 256 px; dette er ${width}×${height}.`);
    const entry = 6 + 16 * i;
    header.writeUInt8(width % 256, entry); // 0 means 256
    header.writeUInt8(height % 256, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}

/** The images in an .ico file written by {@link icoFromPngs} (PNG entries only); throws on a malformed file. */
export function readIco(ico: Buffer): IcoImage[] {
  if (ico.length < 6 || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('Ikke en ICO-fil.');
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    if (offset + size > ico.length) throw new Error(`Billede ${i + 1} i ICO-filen rækker ud over filen.`);
    const png = ico.subarray(offset, offset + size);
    const { width, height } = pngSize(png);
    const declared = { width: ico.readUInt8(entry) || 256, height: ico.readUInt8(entry + 1) || 256 };
    if (declared.width !== width || declared.height !== height) throw new Error(`Billede ${i + 1} siger ${declared.width}×${declared.height} men er ${width}×${height}.`);
    return { width, height, png };
  });
}
