/** @module The child's voice: Three Houses and Words and Pictures in the child's own words, and their drawings. */
import { VoiceTool } from '../../platform/codes/safetyCodes.js';


export interface VoiceEntry { entryId: string; childId: string; tool: VoiceTool; words: string; recordedOn: string }
export interface ChildDrawing {
  drawingId: string;
  childId: string;
  tool: VoiceTool;
  description: string;
  contentType: 'image/png' | 'image/jpeg';
  byteSize: number;
  drawnOn: string;
}

/** The largest drawing Cairn keeps: 5 MB. */
export const maxDrawingBytes = 5 * 1024 * 1024;

/**
 * The picture's real type, read from its first bytes (never from the file name or what the browser says);
 * undefined for anything that is not a PNG or JPEG.
 * @example pictureType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) // 'image/png'
 */
export function pictureType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}
