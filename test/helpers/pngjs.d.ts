// pngjs (node-qrcode's PNG writer) ships no types; the tests only read a PNG back.
declare module 'pngjs' {
  export const PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
