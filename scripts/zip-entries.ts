// Reads the entries of a zip file (the artifact `serverless package` writes), without a dependency.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
  /** The entry's content, inflated. */
  content(): Buffer;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const STORED = 0;
const DEFLATED = 8;

function endRecordOffset(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = zip.length - END_RECORD_BYTES; at >= lowest; at -= 1)
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  throw new ZipFormatError('not a zip file: no end-of-central-directory record');
}

export function zipEntries(zip: Buffer): ZipEntry[] {
  const end = endRecordOffset(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) throw new ZipFormatError(`bad central entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedBytes = zip.readUInt32LE(at + 20);
    const uncompressedBytes = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    entries.push({
      name,
      compressedBytes,
      uncompressedBytes,
      content() {
        if (zip.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER)
          throw new ZipFormatError(`bad header: ${name}`);
        const dataStart =
          localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
        const data = zip.subarray(dataStart, dataStart + compressedBytes);
        if (method === STORED) return Buffer.from(data);
        if (method === DEFLATED) return inflateRawSync(data);
        throw new ZipFormatError(`${name}: unsupported compression method ${method}`);
      },
    });
  }
  return entries;
}
