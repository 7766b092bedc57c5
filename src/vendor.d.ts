// qrcode-terminal ships its QR encoder as plain CommonJS without types.
declare module 'qrcode-terminal/vendor/QRCode/index.js' {
  export default class QRCode {
    constructor(typeNumber: number, errorCorrectLevel: number);
    moduleCount: number;
    addData(data: string): void;
    make(): void;
    isDark(row: number, col: number): boolean;
  }
}
declare module 'qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel.js' {
  const levels: { L: number; M: number; Q: number; H: number };
  export default levels;
}
