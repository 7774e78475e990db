/**
 * Which stream kinds exist and who may read each: every capability adds its kinds here, deciding
 * through its own policy module. A kind not listed cannot be subscribed to.
 */
import type { Viewer } from "./features/accounts/viewer.server.ts";
import { canReadUserStream } from "./features/notifications/policy.server.ts";
import { canReadImportStream } from "./features/directory/import/policy.server.ts";
import type { AppServices } from "./services.server.ts";

export type StreamReadPolicy = (viewer: Viewer, id: string, services: AppServices) => boolean | Promise<boolean>;

export const STREAM_KINDS: Record<string, StreamReadPolicy> = {
  user: (viewer, id) => canReadUserStream(viewer, id),
  /** Progress of applying a school list: those who may load lists into its region. */
  import: (viewer, id, services) => canReadImportStream(viewer, id, services.db),
  /** Streams of the browser tests; readable only while the test-only endpoints are on. */
  test: (_viewer, _id, services) => services.config.MOST_TEST_MODE,
};
