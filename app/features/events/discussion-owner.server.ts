/**
 * Events as owners of discussion threads (kind "event"): the chat of an event's live room. Its
 * participants with a seat and its organisers read and post; the organisers moderate.
 */
import type { Executor } from "../../../db/client.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { registerDiscussionOwner, type DiscussionOwner } from "../discussions/owners.server.ts";
import { canEnterRoom, type RoomStanding } from "./policy.server.ts";
import { loadEvent, viewerFacts } from "./queries.server.ts";
import { standingIn } from "./room.server.ts";

const UUID = /^[0-9a-f-]{36}$/i;

async function standing(ex: Executor, viewer: Viewer, eventId: string): Promise<RoomStanding | null> {
  if (!viewer.id || !UUID.test(eventId)) return null;
  const e = await loadEvent(ex, eventId);
  return e ? standingIn(ex, viewer, e, await viewerFacts(ex, viewer)) : null;
}

const inRoom = (r: RoomStanding | null) => r !== null && canEnterRoom(r);

export const eventDiscussionOwner: DiscussionOwner = {
  canRead: async (ex, viewer, id) => inRoom(await standing(ex, viewer, id)),
  canPost: async (ex, viewer, id) => inRoom(await standing(ex, viewer, id)),
  canModerate: async (ex, viewer, id) => (await standing(ex, viewer, id))?.manage ?? false,
  async describe(ex, id) {
    const e = UUID.test(id) ? await loadEvent(ex, id) : null;
    return e ? { title: `Мероприятие: ${e.event.title}`, href: `/events/${id}/room` } : null;
  },
};

registerDiscussionOwner("event", eventDiscussionOwner);
