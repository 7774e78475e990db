/**
 * Where attachment bytes live: a `FileStorage` behind which the local disk is the default (the
 * data folder's `files`, FILES_DIR). Keys are made by the server (uuid); a key never carries a
 * name from a person, so nothing they send can point outside the folder.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface FileStorage {
  /** Stores the bytes under the key (replacing what was there). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the bytes (nothing happens when the key is unknown). */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9]+(?:\/[a-z0-9][a-z0-9.-]*)*$/;

/** Whether a key has the server's shape (lower-case segments, no dots at a segment start). */
export function isStorageKey(key: string): boolean {
  return key.length <= 200 && KEY.test(key) && !key.split("/").some((s) => s === "." || s === "..");
}

/** A new server-made key for an attachment: `practices/<uuid>.<ext>`. */
export function newAttachmentKey(extension: string): string {
  return `practices/${crypto.randomUUID()}.${extension}`;
}

/** The local-disk storage under a folder; writes go through a temporary file and a rename. */
export function localFileStorage(root: string): FileStorage {
  const resolved = path.resolve(root);
  const file = (key: string) => {
    if (!isStorageKey(key)) throw new Error(`Invalid storage key: ${key}`);
    const full = path.resolve(resolved, key);
    if (!full.startsWith(resolved + path.sep)) throw new Error(`Storage key outside the folder: ${key}`);
    return full;
  };
  return {
    async put(key, bytes) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, target);
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(file(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(file(key), { force: true });
    },
  };
}

/** An in-memory storage (tests). */
export function memoryFileStorage(): FileStorage & { keys(): string[] } {
  const store = new Map<string, Uint8Array>();
  return {
    async put(key, bytes) {
      if (!isStorageKey(key)) throw new Error(`Invalid storage key: ${key}`);
      store.set(key, bytes);
    },
    async get(key) {
      return store.get(key) ?? null;
    },
    async delete(key) {
      store.delete(key);
    },
    keys: () => [...store.keys()],
  };
}

const byFolder = new Map<string, FileStorage>();

/** The process's storage for a folder (one instance per folder). */
export function filesAt(root: string): FileStorage {
  let storage = byFolder.get(root);
  if (!storage) byFolder.set(root, (storage = localFileStorage(root)));
  return storage;
}
