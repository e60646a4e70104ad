// The text of a PDF, read with a real PDF parser (pdfjs-dist, legacy build for Node, no worker), so a
// test can check what a reader would see: pages joined, runs of whitespace (line wraps) as one space.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** Every page's text in order, whitespace normalised. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const document = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= document.numPages; i++) {
      const page = await document.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(' '));
    }
    return pages.join('\n').replace(/\s+/g, ' ').trim();
  } finally {
    await document.destroy();
  }
}

/** The document information (Title, Author, Language …) and the page count. */
export async function pdfInfo(bytes: Uint8Array): Promise<{ info: Record<string, unknown>; pages: number }> {
  const document = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const { info } = await document.getMetadata();
    return { info: info as Record<string, unknown>, pages: document.numPages };
  } finally {
    await document.destroy();
  }
}
