/**
 * @module The typeface Cairn prints documents and charts in: Noto Sans (SIL Open Font License), embedded in every PDF so
 * £, Σ, – and ’ print as themselves wherever the file is opened. Files come from the @expo-google-fonts/noto-sans package.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const folder = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));

export const fontFiles = {
  regular: join(folder, '400Regular', 'NotoSans_400Regular.ttf'),
  bold: join(folder, '700Bold', 'NotoSans_700Bold.ttf'),
  italic: join(folder, '400Regular_Italic', 'NotoSans_400Regular_Italic.ttf'),
} as const;

/** The family name, for Word documents (which fall back to a similar sans serif where Noto Sans is not installed). */
export const fontFamily = 'Noto Sans';
