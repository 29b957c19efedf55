import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sqlite3 } from './sqlite-runtime.ts';

/** Name of the VFS that keeps a database in a file on disk (see `installFileVfs`). */
export const FILE_VFS = 'kravkart-file';

// Sectors and locks mean nothing here: one process builds one database, with no journal and no other reader.
const SECTOR_SIZE = 4096;

interface OpenFile {
  fd: number;
  path: string;
  deleteOnClose: boolean;
}

const installed = new WeakSet<Sqlite3>();
let lastError: string | null = null;

/** The last file error the VFS turned into an SQLite error code (SQLite's own message does not say which), once. */
export function fileVfsError(): string | null {
  const e = lastError;
  lastError = null;
  return e;
}

/**
 * Register a VFS that stores database files on disk through node:fs, so a database far larger than memory can be
 * built while only SQLite's page cache stays in the WebAssembly heap (the official build's own VFSes keep files in
 * memory under Node). Pages move straight between the file and the heap, with no copy in JavaScript. It has no
 * clock and no randomness: nothing it does can make two builds of the same rows differ.
 */
export function installFileVfs(sqlite3: Sqlite3): void {
  if (installed.has(sqlite3)) return;
  const { capi, wasm } = sqlite3;
  const files = new Map<number, OpenFile>();
  let temp = 0;

  // A JavaScript exception must never cross into C: each method turns one into the given error code.
  const guard = (code: number, fn: () => number) => {
    try {
      return fn();
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
      return code;
    }
  };
  const fileOf = (pFile: number): OpenFile => {
    const f = files.get(pFile);
    if (!f) throw new Error('unknown sqlite3_file');
    return f;
  };

  const io = new capi.sqlite3_io_methods();
  // The typings name the member `iVersion`; the struct binder exposes C members with a `$` prefix.
  (io as unknown as { $iVersion: number }).$iVersion = 1;
  sqlite3.vfs.installVfs({
    io: {
      struct: io,
      methods: {
        xClose: (pFile) =>
          guard(capi.SQLITE_IOERR_CLOSE, () => {
            const f = fileOf(pFile);
            files.delete(pFile);
            closeSync(f.fd);
            if (f.deleteOnClose) rmSync(f.path, { force: true });
            return 0;
          }),
        xRead: (pFile, pDest, n, offset) =>
          guard(capi.SQLITE_IOERR_READ, () => {
            const heap = wasm.heap8u();
            let got = 0;
            while (got < n) {
              const r = readSync(fileOf(pFile).fd, heap, pDest + got, n - got, Number(offset) + got);
              if (r === 0) break;
              got += r;
            }
            if (got === n) return 0;
            // SQLite requires the unread tail to be zeroed on a short read.
            heap.fill(0, pDest + got, pDest + n);
            return capi.SQLITE_IOERR_SHORT_READ;
          }),
        xWrite: (pFile, pSrc, n, offset) =>
          guard(capi.SQLITE_IOERR_WRITE, () => {
            const heap = wasm.heap8u();
            let put = 0;
            while (put < n) put += writeSync(fileOf(pFile).fd, heap, pSrc + put, n - put, Number(offset) + put);
            return 0;
          }),
        xTruncate: (pFile, size) => guard(capi.SQLITE_IOERR_TRUNCATE, () => (ftruncateSync(fileOf(pFile).fd, Number(size)), 0)),
        // The file is scratch: it is copied out when complete, and a crash only means building it again.
        xSync: () => 0,
        xFileSize: (pFile, pSize) => guard(capi.SQLITE_IOERR_FSTAT, () => (wasm.poke64(pSize, BigInt(fstatSync(fileOf(pFile).fd).size)), 0)),
        xLock: () => 0,
        xUnlock: () => 0,
        xCheckReservedLock: (_pFile, pOut) => (wasm.poke32(pOut, 0), 0),
        xFileControl: () => capi.SQLITE_NOTFOUND,
        xSectorSize: () => SECTOR_SIZE,
        xDeviceCharacteristics: () => 0,
      },
    },
  });

  const vfs = new capi.sqlite3_vfs();
  vfs.$iVersion = 1;
  vfs.$szOsFile = capi.sqlite3_file.prototype.structInfo.sizeof;
  vfs.$mxPathname = 1024;
  sqlite3.vfs.installVfs({
    vfs: {
      struct: vfs,
      name: FILE_VFS,
      methods: {
        xOpen: (_pVfs, zName, pFile, flags, pOutFlags) =>
          guard(capi.SQLITE_CANTOPEN, () => {
            const name = zName ? wasm.cstrToJs(zName) : null;
            // A temporary file (a spilled sort, say) gets a name of its own and goes away when closed.
            const path = name ?? join(tmpdir(), `kravkart-sqlite-${process.pid}-${++temp}`);
            const create = (flags & capi.SQLITE_OPEN_CREATE) !== 0;
            const fd = openSync(path, existsSync(path) || !create ? 'r+' : 'w+');
            files.set(pFile, { fd, path, deleteOnClose: name === null || (flags & capi.SQLITE_OPEN_DELETEONCLOSE) !== 0 });
            const file = new capi.sqlite3_file(pFile);
            file.$pMethods = io.pointer;
            file.dispose();
            if (pOutFlags) wasm.poke32(pOutFlags, flags);
            return 0;
          }),
        xDelete: (_pVfs, zName) => guard(capi.SQLITE_IOERR_DELETE, () => (rmSync(wasm.cstrToJs(zName) ?? '', { force: true }), 0)),
        xAccess: (_pVfs, zName, _flags, pOut) => guard(capi.SQLITE_IOERR_ACCESS, () => (wasm.poke32(pOut, existsSync(wasm.cstrToJs(zName) ?? '') ? 1 : 0), 0)),
        // The sink opens its database by absolute path, so the full path name is the name itself.
        xFullPathname: (_pVfs, zName, nOut, pOut) =>
          guard(capi.SQLITE_CANTOPEN, () => {
            const bytes = Buffer.from(wasm.cstrToJs(zName) ?? '', 'utf8');
            if (bytes.length >= nOut) return capi.SQLITE_CANTOPEN;
            const heap = wasm.heap8u();
            heap.set(bytes, pOut);
            heap[pOut + bytes.length] = 0;
            return 0;
          }),
        // Zeros, not chance: SQLite asks for randomness only to name temporary files, which xOpen names itself.
        xRandomness: (_pVfs, n, pOut) => (wasm.heap8u().fill(0, pOut, pOut + n), n),
        xSleep: () => 0,
        // The Unix epoch, not the clock: no SQL of the build asks for the time, and none may depend on it.
        xCurrentTime: (_pVfs, pOut) => (wasm.poke(pOut, 2440587.5, 'double'), 0),
        xGetLastError: () => 0,
      },
    },
  });
  installed.add(sqlite3);
}
