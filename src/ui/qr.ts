import { deflateSync } from 'node:zlib';
import qrcodeTerminal from 'qrcode-terminal';
import QRCode from 'qrcode-terminal/vendor/QRCode/index.js';
import QRErrorCorrectLevel from 'qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel.js';

const ISSUER = 'Amazon Web Services';

/**
 * The otpauth URI an authenticator app expects, shaped like the one AWS's own QR holds:
 * issuer "Amazon Web Services", label `<device>@<account alias or id>`, 6 digits, 30 s, SHA-1.
 */
export function otpauthUri(deviceName: string, accountLabel: string, seed: string): string {
  const label = `${encodeURIComponent(ISSUER)}:${encodeURIComponent(deviceName)}@${encodeURIComponent(accountLabel)}`;
  return `otpauth://totp/${label}?secret=${seed}&issuer=${encodeURIComponent(ISSUER)}`;
}

/** The seed in groups of four, for typing into an app by hand. */
export function groupedKey(seed: string): string {
  return seed.match(/.{1,4}/g)?.join(' ') ?? seed;
}

function encode(text: string) {
  const qr = new QRCode(-1, QRErrorCorrectLevel.L);
  qr.addData(text);
  qr.make();
  return qr;
}

/** Draws a QR code as terminal text (half blocks, two modules a line) and reports its size. */
export function renderQr(content: string): { text: string; columns: number; rows: number } {
  let drawn = '';
  qrcodeTerminal.generate(content, { small: true }, (output) => {
    drawn = output;
  });
  const text = drawn.replace(/\n+$/, '');
  const lines = text.split('\n');
  return { text, columns: Math.max(...lines.map((line) => line.length)), rows: lines.length };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A black-on-white PNG of the QR code (8 px a module, 4-module quiet zone). */
export function qrPng(text: string): Buffer {
  const qr = encode(text);
  const scale = 8;
  const quiet = 4;
  const size = (qr.moduleCount + quiet * 2) * scale;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(size + 1, 0xff);
    row[0] = 0; // filter: none
    const moduleRow = Math.floor(y / scale) - quiet;
    for (let x = 0; x < size; x++) {
      const moduleCol = Math.floor(x / scale) - quiet;
      const inside = moduleRow >= 0 && moduleCol >= 0 && moduleRow < qr.moduleCount && moduleCol < qr.moduleCount;
      if (inside && qr.isDark(moduleRow, moduleCol)) row[x + 1] = 0;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
