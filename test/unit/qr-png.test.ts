import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { otpauthUri, qrPng, renderQr } from '../../src/ui/qr.js';
import { readQrFromLines } from '../helpers/phone.js';
import jsqrModule from 'jsqr';

const jsQR = ((jsqrModule as unknown as { default?: typeof jsqrModule }).default ?? jsqrModule) as unknown as typeof jsqrModule.default;
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Decodes the 8-bit greyscale, filter-0 PNG that qrPng writes into RGBA pixels. */
function decodePng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const value = raw[y * (width + 1) + 1 + x]!;
      rgba.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  return { rgba, width, height };
}

describe('QR codes', () => {
  const uri = otpauthUri('alice', 'acme-prod', SEED);

  it('the PNG decodes back to the otpauth URI', () => {
    const { rgba, width, height } = decodePng(qrPng(uri));
    expect(jsQR(rgba, width, height)?.data).toBe(uri);
  });

  it('the terminal drawing decodes back to the otpauth URI, and reports its size', () => {
    const qr = renderQr(uri);
    const lines = qr.text.split('\n');
    expect(readQrFromLines(lines)).toBe(uri);
    expect(qr.rows).toBe(lines.length);
    expect(qr.columns).toBe(Math.max(...lines.map((l) => l.length)));
  });
});
