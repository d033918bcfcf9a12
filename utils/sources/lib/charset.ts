/**
 * Bytes → text for everything Signpost reads from a server (feeds, APIs, HTML pages). A byte order
 * mark wins over any label, as the Encoding Standard's "decode" has it (a server's charset is more
 * often wrong than a BOM); then the Content-Type charset, the XML declaration, UTF-16 recognised by
 * its first "<", and UTF-8; bytes that are not UTF-8 and name no charset are windows-1252.
 */

export interface DecodeOptions {
  /**
   * The bytes are the start of a longer body: a character cut in two at the end is left out
   * instead of making the whole text not UTF-8.
   */
  cut?: boolean;
}

/** The text of a response body, by its BOM, Content-Type header or XML declaration. */
export function decodeBody(
  input: Uint8Array | ArrayBuffer,
  contentType?: string,
  opts: DecodeOptions = {},
): string {
  return decodeBytes(toBytes(input), contentType, opts.cut === true);
}

function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return ArrayBuffer.isView(input)
    ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input);
}

function decodeBytes(bytes: Uint8Array, contentType: string | undefined, cut: boolean): string {
  const label =
    sniffBom(bytes) ??
    usable(/;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1]) ??
    usable(declaredEncoding(bytes)) ??
    sniffUtf16(bytes);
  if (label) return decodeAs(label, bytes, cut);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
  } catch {
    // Nothing declared and not valid UTF-8: most likely an old Latin-1 (windows-1252) feed.
    return decodeAs('windows-1252', bytes, cut);
  }
}

/** windows-1252's 0x80–0x9F (ISO-8859-1 and US-ASCII labels mean windows-1252 too). */
const WINDOWS_1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

function decodeAs(label: string, bytes: Uint8Array, cut: boolean): string {
  const decoder = new TextDecoder(label);
  const text = decoder.decode(bytes, { stream: cut });
  if (decoder.encoding !== 'windows-1252') return text;
  // Node 20 decodes windows-1252 as plain Latin-1 (https://github.com/nodejs/node/issues/60888);
  // browsers already give these characters, so this changes nothing there.
  return text.replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_C1.charAt(char.charCodeAt(0) - 0x80));
}

/** The label if TextDecoder knows it. */
function usable(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function sniffBom(bytes: Uint8Array): string | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM still starts with an ASCII character next to a zero byte. */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  const [a, b] = bytes;
  if (a !== undefined && a !== 0 && b === 0) return 'utf-16le';
  if (a === 0 && b !== undefined && b !== 0) return 'utf-16be';
  return undefined;
}

/** `<?xml … encoding="…"?>`, read as ASCII, which every encoding the declaration can name agrees on. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 512));
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']\s*([A-Za-z][\w.:-]*)\s*["']/.exec(head)?.[1];
  // A declaration readable as ASCII cannot be in UTF-16, whatever it says.
  return declared && !/^utf-?16/i.test(declared) ? declared : undefined;
}
