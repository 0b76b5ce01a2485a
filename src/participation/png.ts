import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';

const deflateOffThread = promisify(deflate);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: 'IHDR' | 'IDAT' | 'IEND', data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * 8-bit RGBA pixels (straight alpha, as an opaque chart's are) as a PNG. The compression, nearly all the work,
 * runs on libuv's thread pool (zlib's deflate); the event loop only copies the rows, about a millisecond for the
 * chart, where an encoder on the event loop held it for 5-10 ms.
 */
export async function encodePng(width: number, height: number, rgba: Uint8Array): Promise<Buffer> {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`encodePng: ${rgba.length} bytes is not ${width} x ${height} RGBA pixels.`);
  // Each row starts with its filter type: 0, none (deflate alone does well on a chart's flat colours).
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA; compression, filter method and interlace stay 0
  const compressed = await deflateOffThread(rows);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', compressed), chunk('IEND', new Uint8Array(0))]);
}
