/**
 * A minimal DER writer and reader, enough for CMS SignedData (RFC 5652) with CAdES attributes: the
 * reader keeps byte offsets, so that the signed attributes are verified over their exact bytes.
 */

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

export const seq = (...c: Uint8Array[]) => tlv(0x30, ...c);
/** SET OF in DER: elements sorted by their encodings (X.690 §11.6). */
export const setOf = (...c: Buffer[]) => tlv(0x31, ...[...c].sort(Buffer.compare));
export const octets = (b: Uint8Array) => tlv(0x04, b);
export const integer = (b: Uint8Array) => tlv(0x02, b);
export const NULL = Buffer.from([0x05, 0x00]);
/** [n] with constructed content (EXPLICIT, or IMPLICIT of a constructed type). */
export const ctx = (n: number, ...c: Uint8Array[]) => tlv(0xa0 | n, ...c);

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [parts[0]! * 40 + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [];
    let v = p;
    do {
      chunk.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i]! |= 0x80;
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

export function oidToString(content: Uint8Array): string {
  const out: number[] = [Math.floor(content[0]! / 40), content[0]! % 40];
  let v = 0;
  for (let i = 1; i < content.length; i++) {
    v = v * 128 + (content[i]! & 0x7f);
    if (!(content[i]! & 0x80)) {
      out.push(v);
      v = 0;
    }
  }
  return out.join('.');
}

export interface DerNode {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the content. */
  content: number;
  /** Offset after the content. */
  end: number;
}

export class DerError extends Error {}

export function readNode(buf: Uint8Array, pos: number, limit = buf.length): DerNode {
  if (pos + 2 > limit) throw new DerError('DER truncated');
  const tag = buf[pos]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('DER multi-byte tags are not supported');
  let len = buf[pos + 1]!;
  let content = pos + 2;
  if (len === 0x80) throw new DerError('BER indefinite length is not DER');
  if (len > 0x80) {
    const n = len & 0x7f;
    if (n > 4 || content + n > limit) throw new DerError('DER length too long');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[content + i]!;
    content += n;
  }
  const end = content + len;
  if (end > limit) throw new DerError('DER content overruns its parent');
  return { tag, start: pos, content, end };
}

export function children(buf: Uint8Array, node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let p = node.content; p < node.end; ) {
    const c = readNode(buf, p, node.end);
    out.push(c);
    p = c.end;
  }
  return out;
}

export const bytesOf = (buf: Uint8Array, n: DerNode) => Buffer.from(buf.subarray(n.start, n.end));
export const contentOf = (buf: Uint8Array, n: DerNode) => Buffer.from(buf.subarray(n.content, n.end));
