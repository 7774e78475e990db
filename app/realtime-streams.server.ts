/**
 * Which stream kinds exist and who may read each: every capability adds its kinds here, deciding
 * through its own policy module. A kind not listed cannot be subscribed to.
 */
import type { Viewer } from "./features/accounts/viewer.server.ts";
import { canReadUserStream } from "./features/notifications/policy.server.ts";
import { canReadImportStream } from "./features/directory/import/policy.server.ts";
import { canReadThread } from "./features/discussions/policy.server.ts";
import { communityDiscussionOwner } from "./features/communities/discussion-owner.server.ts";
import { partnershipDiscussionOwner } from "./features/partnerships/discussion-owner.server.ts";
import { canReadRoomStream } from "./features/events/room.server.ts";
import type { AppServices } from "./services.server.ts";

export type StreamReadPolicy = (viewer: Viewer, id: string, services: AppServices) => boolean | Promise<boolean>;

export const STREAM_KINDS: Record<string, StreamReadPolicy> = {
  user: (viewer, id) => canReadUserStream(viewer, id),
  /** Progress of applying a school list: those who may load lists into its region. */
  import: (viewer, id, services) => canReadImportStream(viewer, id, services.db),
  /** A discussion thread: whoever its owner lets read it (a closed community's members only). */
  thread: (viewer, id, services) => canReadThread(services.db, viewer, id),
  /** A community's membership changes: whoever may read the community. */
  community: (viewer, id, services) => communityDiscussionOwner.canRead(services.db, viewer, id),
  /** A partnership's changes (status, members, pairs, visits, files): its insiders only. */
  partnership: (viewer, id, services) => partnershipDiscussionOwner.canRead(services.db, viewer, id),
  /** An event's live room (questions, votes, attendance, materials): its participants with a seat and its organisers. */
  event_room: (viewer, id, services) => canReadRoomStream(services.db, viewer, id),
  /** Streams of the browser tests; readable only while the test-only endpoints are on. */
  test: (_viewer, _id, services) => services.config.MOST_TEST_MODE,
};

/** Stream kinds whose readers see who else has them open and who is typing (discussion threads). */
export const PRESENCE_KINDS: ReadonlySet<string> = new Set(["thread"]);
