/**
 * A QR code for a link, as an SVG path of its dark modules (drawn locally; no image service).
 * Error correction M (15 % of the code can be lost) while the link fits, else L; a link longer
 * than a QR code can hold (2,953 bytes at level L, version 40) is refused with its length.
 */
import qrcode from 'qrcode-generator';

export interface QrCode {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `M x y h1v1h-1z` per dark module, in module units. */
  path: string;
  level: 'M' | 'L';
}

export const QR_MAX_BYTES = 2_953;

export function qrCodeFor(
  text: string,
): { ok: true; value: QrCode } | { ok: false; error: string } {
  for (const level of ['M', 'L'] as const) {
    try {
      const qr = qrcode(0, level);
      qr.addData(text, 'Byte');
      qr.make();
      const size = qr.getModuleCount();
      let path = '';
      for (let row = 0; row < size; row++)
        for (let col = 0; col < size; col++)
          if (qr.isDark(row, col)) path += `M${col} ${row}h1v1h-1z`;
      return { ok: true, value: { size, path, level } };
    } catch {
      // Too long for this level: try the next, lower one.
    }
  }
  return {
    ok: false,
    error: `This link is ${text.length.toLocaleString('en')} characters long, more than a QR code can hold (${QR_MAX_BYTES.toLocaleString('en')}). Copy the link instead.`,
  };
}
