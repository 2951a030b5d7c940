// Reads a request body with a byte limit, refusing it by its declared size before reading and by its
// streamed size while reading: an oversized body (with or without Content-Length, chunked or not) is
// never buffered whole. The caller answers 413; the rest of the upload is drained by Node, not kept.
import { InvalidError, TooLargeError } from "@/lib/errors";

/** Sign-in and next-auth posts are a few form fields; nothing there needs more. */
export const AUTH_BODY_LIMIT_BYTES = 8_000;

/** Past this, a body is refused before the proxy (pages, server actions) buffers it. */
export const PAGE_BODY_LIMIT_BYTES = 1_000_000;

/** A body whose bytes are not UTF-8: the caller answers 400 like malformed JSON. */
export class UndecodableBodyError extends InvalidError {
  readonly code = "malformed_body";
  constructor() {
    super("The body is not valid UTF-8");
  }
}

function tooLarge(limitBytes: number) {
  return new TooLargeError(`The body is larger than ${limitBytes} bytes`);
}

/** True when the declared Content-Length alone is over the limit (an unparseable one counts as over). */
export function declaresTooLarge(headers: Headers, limitBytes: number): boolean {
  const declared = headers.get("content-length");
  if (declared === null) return false;
  if (!/^\d+$/.test(declared.trim())) return true;
  return Number(declared) > limitBytes;
}

/** The body's bytes, at most `limitBytes` of them; throws TooLargeError as soon as there are more. */
export async function readBodyBytes(request: Request, limitBytes: number): Promise<Uint8Array> {
  if (declaresTooLarge(request.headers, limitBytes)) throw tooLarge(limitBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The body as UTF-8 text within the limit; bytes that are not UTF-8 throw UndecodableBodyError. */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  const bytes = await readBodyBytes(request, limitBytes);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UndecodableBodyError();
  }
}
