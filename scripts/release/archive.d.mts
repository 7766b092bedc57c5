/** A file to archive: its name inside, its bytes, its mode (0o755 or 0o644). */
export interface Entry {
  name: string;
  data: Buffer;
  mode: number;
}
/** A tar (ustar) archive, gzipped; `mtime` in seconds since the epoch. */
export function tarGz(entries: Entry[], mtime: number): Buffer;
/** A zip archive, each entry deflated, with a fixed date. */
export function zip(entries: Entry[], mtime: number): Buffer;
