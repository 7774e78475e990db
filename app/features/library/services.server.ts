import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { filesAt, type FileStorage } from "./storage.server.ts";

/** What library commands need; `files` replaces the local-disk storage (tests, other backends). */
export type LibraryServices = Pick<AppServices, "db" | "clock" | "jobs" | "config"> & { files?: FileStorage };
export type Person = Viewer & { id: string };

/** The storage of attachments: the one given, or the local disk under FILES_DIR. */
export function libraryFiles(s: Pick<LibraryServices, "config" | "files">): FileStorage {
  return s.files ?? filesAt(s.config.FILES_DIR);
}

/** Stream of a practice's events (search indexing and audit follow it). */
export const practiceStream = (practiceId: string) => `practice:${practiceId}`;
/** One stream of every publication, so an index can follow the whole library. */
export const LIBRARY_STREAM = "library:published";
