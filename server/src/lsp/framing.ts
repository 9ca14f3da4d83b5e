import { Transform, type TransformCallback } from 'node:stream';

/**
 * The base protocol's framing (`Content-Length: N\r\n\r\n` and N bytes), checked on stdin before
 * vscode-jsonrpc reads it. The library's reader trusts the framing: after one header without a
 * Content-Length (or with one that is not a number, or a Content-Length counted in characters
 * rather than UTF-8 bytes, a common client bug) it read every later message from the wrong place,
 * silently, and the server answered nothing again while its process lived on.
 *
 * Well-formed input passes through unchanged, byte for byte (bodies are not copied). A header
 * that is not one (a line that is not `Name: value`, no Content-Length, a Content-Length that is
 * not a whole number) is reported and skipped up to the next `Content-Length:`, from where
 * reading goes on. A body of the wrong length cannot be told from a right one: the message it
 * garbles, and the one after when the length was too long, are lost (the library drops a body
 * that is not JSON), and the next header is found again.
 */
export class FrameChecker extends Transform {
  /** Bytes of a header not yet complete. */
  private header: Buffer = EMPTY;
  /** Bytes of the current body still to pass through. */
  private bodyLeft = 0;

  constructor(private readonly report: (problem: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = chunk;
    while (data.length) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, data.length);
        this.push(n === data.length ? data : data.subarray(0, n));
        this.bodyLeft -= n;
        data = data.subarray(n);
        continue;
      }
      this.header = this.header.length ? Buffer.concat([this.header, data]) : data;
      data = this.nextHeader();
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    const left = this.header.length + this.bodyLeft;
    if (this.header.some((b) => b !== 0x0d && b !== 0x0a && b !== 0x20)) this.report(`the input ended inside a header (${left} bytes)`);
    done();
  }

  /**
   * Reads a header from `this.header`: when it is complete and well-formed, passes it on and
   * returns the bytes after it (the body's start); when it is malformed, skips to the next
   * `Content-Length:` and tries again; when it is not complete, keeps it and returns nothing.
   */
  private nextHeader(): Buffer {
    for (;;) {
      const buffer = this.header;
      const end = buffer.indexOf(HEADER_END);
      if (end < 0) {
        // A header is a few dozen bytes: this much without an end is not one.
        if (buffer.length > MAX_HEADER) this.skip(buffer, 'a header longer than 8 KiB');
        return EMPTY;
      }
      const problem = headerProblem(buffer.subarray(0, end).toString('latin1'));
      if (problem === undefined) {
        const length = contentLength(buffer.subarray(0, end).toString('latin1'));
        this.push(buffer.subarray(0, end + HEADER_END.length));
        this.bodyLeft = length;
        this.header = EMPTY;
        return buffer.subarray(end + HEADER_END.length);
      }
      // Stop when nothing was skipped: the rest may be the start of a header.
      if (!this.skip(buffer, problem)) return EMPTY;
    }
  }

  /**
   * Drops the bytes before the next `Content-Length:` after the first byte (or all but a tail
   * that may begin one), and reports them. Whether anything was dropped.
   */
  private skip(buffer: Buffer, problem: string): boolean {
    const next = indexOfContentLength(buffer, 1);
    const keep = next >= 0 ? next : Math.max(0, buffer.length - (CONTENT_LENGTH.length - 1));
    if (keep === 0) return false;
    this.report(`skipped ${keep} bytes of input that are not a message (${problem})`);
    this.header = buffer.subarray(keep);
    return next >= 0;
  }
}

const EMPTY = Buffer.alloc(0);
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const CONTENT_LENGTH = 'content-length:';
const MAX_HEADER = 8 * 1024;

/** What is wrong with a header block (without its final blank line), if anything. */
export function headerProblem(block: string): string | undefined {
  let length: string | undefined;
  for (const line of block.split('\r\n')) {
    const m = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) return `a header line that is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`;
    if (m[1].toLowerCase() === 'content-length') {
      if (length !== undefined) return 'two Content-Length headers';
      length = m[2];
    }
  }
  if (length === undefined) return 'a header without Content-Length';
  if (!/^\d{1,15}$/.test(length)) return `a Content-Length that is not a whole number: ${JSON.stringify(length.slice(0, 40))}`;
  return undefined;
}

function contentLength(block: string): number {
  return Number(/(?:^|\r\n)content-length:[ \t]*(\d+)/i.exec(block)![1]);
}

/** Where `Content-Length:` (any case) starts in `buffer` at or after `from`; -1 if nowhere. */
function indexOfContentLength(buffer: Buffer, from: number): number {
  const text = buffer.toString('latin1').toLowerCase();
  return text.indexOf(CONTENT_LENGTH, from);
}
