/**
 * @module An uploaded drawing is decoded and drawn again (sharp) before Cairn keeps it: what is kept is pixels
 * Cairn wrote itself, in the same format, turned the right way up, with no EXIF, GPS position, camera details,
 * comments or colour profile of the original. Anything sharp cannot decode as a PNG or JPEG is not a picture, and
 * a picture with more pixels than `maxDrawingPixels` is refused before it is decoded (a small file can declare an
 * enormous image: a "decompression bomb").
 */
import sharp from 'sharp';
import { maxDrawingBytes, pictureType } from './childVoice.js';

/** The most pixels a drawing may have: 40 million, more than any phone camera takes (8,000 by 5,000). */
export const maxDrawingPixels = 40_000_000;

export type RedrawnDrawing =
  | { outcome: 'redrawn'; contentType: 'image/png' | 'image/jpeg'; picture: Buffer }
  | { outcome: 'not_a_picture' }
  | { outcome: 'too_many_pixels' }
  | { outcome: 'too_large' };

/**
 * The drawing decoded and encoded again in its own format, without any of the original's metadata.
 * @example const redrawn = await redrawDrawing(upload) // { outcome: 'redrawn', contentType: 'image/jpeg', picture }
 */
export async function redrawDrawing(upload: Buffer): Promise<RedrawnDrawing> {
  // The first bytes must already say PNG or JPEG: sharp reads many other formats (SVG, TIFF, PDF...) Cairn never keeps.
  const contentType = pictureType(upload);
  if (!contentType) return { outcome: 'not_a_picture' };
  const options = { limitInputPixels: maxDrawingPixels, failOn: 'warning' as const };
  let picture: Buffer;
  try {
    const { format, width, height } = await sharp(upload, options).metadata();
    if (format !== (contentType === 'image/png' ? 'png' : 'jpeg')) return { outcome: 'not_a_picture' };
    if (!width || !height) return { outcome: 'not_a_picture' };
    if (width * height > maxDrawingPixels) return { outcome: 'too_many_pixels' };
    // sharp keeps no metadata unless asked (withMetadata / keepMetadata); autoOrient applies the EXIF orientation
    // first, so a phone photo of a drawing is not kept on its side once the orientation tag is gone.
    const image = sharp(upload, options).autoOrient();
    picture = contentType === 'image/png' ? await image.png().toBuffer() : await image.jpeg({ quality: 90 }).toBuffer();
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) return { outcome: 'too_many_pixels' };
    return { outcome: 'not_a_picture' };
  }
  if (picture.length > maxDrawingBytes) return { outcome: 'too_large' };
  return { outcome: 'redrawn', contentType, picture };
}
