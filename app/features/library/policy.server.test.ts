import { describe, expect, it } from "vitest";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { VersionStatus } from "../../../db/schema/library.ts";
import {
  canBookmark,
  canDecideReview,
  canEditCurrent,
  canEditPractice,
  canModerateComments,
  canReadPractice,
  canStartNewVersion,
  canSubmit,
  canTakeReview,
  canVoteUseful,
  mayOpenReviewQueue,
  reviewRefusal,
  type ExpertContext,
  type PracticeAccess,
} from "./policy.server.ts";
import { LIBRARY_ERRORS } from "./strings.ts";
import { KIND_CODES } from "./schemas.ts";
import { PRACTICE_KINDS } from "../../../db/schema/library.ts";

it("the form's kinds are the database's kinds", () => expect(KIND_CODES).toEqual([...PRACTICE_KINDS]));

const R1 = "00000000-0000-4000-8000-0000000000a1";
const R2 = "00000000-0000-4000-8000-0000000000a2";
const ORG = "00000000-0000-4000-8000-0000000000c1";
const OTHER_ORG = "00000000-0000-4000-8000-0000000000c2";
const who = (id: string, roles: Viewer["roles"] = []): Viewer => ({ id, anonymous: false, roles });

const viewers = {
  guest: { id: null, anonymous: true, roles: [] } as Viewer,
  reader: who("reader"),
  author: who("author"),
  coauthor: who("coauthor"),
  expert: who("expert", [{ role: "expert", scopeType: "region", scopeId: R1 }]),
  expertOwnSchool: who("expert-own", [{ role: "expert", scopeType: "region", scopeId: R1 }]),
  expertForeignRegion: who("expert-foreign", [{ role: "expert", scopeType: "region", scopeId: R2 }]),
  coordinator: who("coordinator", [{ role: "coordinator", scopeType: "region", scopeId: R1 }]),
  admin: who("admin", [{ role: "admin" }]),
};
type V = keyof typeof viewers;
const orgsOf: Record<V, ExpertContext> = Object.fromEntries(Object.keys(viewers).map((k) => [k, { organisationIds: k === "expertOwnSchool" ? [ORG] : k === "expert" ? [OTHER_ORG] : [] }])) as unknown as Record<V, ExpertContext>;
const only = (...allowed: V[]) => Object.fromEntries((Object.keys(viewers) as V[]).map((v) => [v, allowed.includes(v)]));
const run = (check: (v: Viewer, e: ExpertContext) => boolean) => Object.fromEntries((Object.keys(viewers) as V[]).map((v) => [v, check(viewers[v], orgsOf[v])]));

function practice(status: VersionStatus, over: Partial<PracticeAccess> = {}): PracticeAccess {
  return { id: "p", authorIds: ["author", "coauthor"], organisationId: ORG, regionId: R1, published: status === "published", current: { id: "v", status }, review: null, ...over };
}
const underReview = practice("under_review", { review: { expertId: "expert", status: "in_progress" } });

describe("library policy: reading", () => {
  it("a draft is read by its authors and admins only", () => {
    expect(run((v, e) => canReadPractice(v, practice("draft"), e))).toEqual(only("author", "coauthor", "admin"));
  });
  it("a submitted practice is also read by the region's experts who may review it (not of its school, not of another region)", () => {
    expect(run((v, e) => canReadPractice(v, practice("submitted"), e))).toEqual(only("author", "coauthor", "expert", "admin"));
  });
  it("under review: the reviewing expert, not the other experts", () => {
    expect(run((v, e) => canReadPractice(v, underReview, e))).toEqual(only("author", "coauthor", "expert", "admin"));
    expect(canReadPractice(who("expert2", viewers.expert.roles), underReview, { organisationIds: [] })).toBe(false);
  });
  it("a returned version is read by its authors and admins", () => {
    expect(run((v, e) => canReadPractice(v, practice("returned"), e))).toEqual(only("author", "coauthor", "admin"));
  });
  it("a published practice is read by everyone, guests included, even while a new version is being written", () => {
    const all = Object.keys(viewers) as V[];
    expect(run((v, e) => canReadPractice(v, practice("published"), e))).toEqual(only(...all));
    expect(run((v, e) => canReadPractice(v, practice("draft", { published: true }), e))).toEqual(only(...all));
  });
});

describe("library policy: the review", () => {
  it("taking a submitted practice: experts of its region who do not work in its organisation, and admins", () => {
    expect(run((v, e) => canTakeReview(v, practice("submitted"), e))).toEqual(only("expert", "admin"));
  });
  it("an expert of the author's own school can never take the review, and is told why", () => {
    expect(canTakeReview(viewers.expertOwnSchool, practice("submitted"), orgsOf.expertOwnSchool)).toBe(false);
    expect(reviewRefusal(viewers.expertOwnSchool, practice("submitted"), orgsOf.expertOwnSchool)).toBe(LIBRARY_ERRORS.ownOrganisation);
    expect(reviewRefusal(viewers.expertForeignRegion, practice("submitted"), orgsOf.expertForeignRegion)).toBe(LIBRARY_ERRORS.notExpert);
  });
  it("an expert who is an author never reviews it; an admin who works in the organisation neither", () => {
    const expertAuthor = who("author", viewers.expert.roles);
    expect(canTakeReview(expertAuthor, practice("submitted"), { organisationIds: [] })).toBe(false);
    expect(reviewRefusal(expertAuthor, practice("submitted"), { organisationIds: [] })).toBe(LIBRARY_ERRORS.ownPractice);
    expect(canTakeReview(viewers.admin, practice("submitted"), { organisationIds: [ORG] })).toBe(false);
  });
  it("only a submitted version can be taken", () => {
    for (const status of ["draft", "returned", "under_review", "published"] as const) expect(canTakeReview(viewers.expert, practice(status), orgsOf.expert)).toBe(false);
  });
  it("deciding: only the expert who took it, while the review is open", () => {
    expect(run((v, e) => canDecideReview(v, underReview, e))).toEqual(only("expert"));
    expect(canDecideReview(viewers.expert, { ...underReview, review: { expertId: "expert", status: "returned" } }, orgsOf.expert)).toBe(false);
    // Moved to the practice's organisation in the meantime: no longer.
    expect(canDecideReview(viewers.expert, underReview, { organisationIds: [ORG] })).toBe(false);
  });
  it("the queue: experts and admins", () => {
    expect(run((v) => mayOpenReviewQueue(v))).toEqual(only("expert", "expertOwnSchool", "expertForeignRegion", "admin"));
  });
});

describe("library policy: authors and readers", () => {
  it("editing in place: authors of a draft or returned version", () => {
    for (const status of ["draft", "returned"] as const) expect(run((v) => canEditCurrent(v, practice(status)))).toEqual(only("author", "coauthor"));
    for (const status of ["submitted", "under_review", "published"] as const) expect(run((v) => canEditCurrent(v, practice(status)))).toEqual(only());
  });
  it("a published practice: authors start a new version; nobody edits while the experts have it", () => {
    expect(run((v) => canStartNewVersion(v, practice("published")))).toEqual(only("author", "coauthor"));
    expect(run((v) => canEditPractice(v, practice("published")))).toEqual(only("author", "coauthor"));
    expect(run((v) => canEditPractice(v, practice("submitted", { published: true })))).toEqual(only());
  });
  it("submitting: authors of a draft or returned version", () => {
    expect(run((v) => canSubmit(v, practice("returned")))).toEqual(only("author", "coauthor"));
    expect(run((v) => canSubmit(v, practice("submitted")))).toEqual(only());
  });
  it("bookmarks and comments: signed-in people on a published practice; «полезно»: not its authors", () => {
    expect(run((v) => canBookmark(v, practice("published")))).toEqual(only(...(Object.keys(viewers) as V[]).filter((v) => v !== "guest")));
    expect(run((v) => canBookmark(v, practice("draft")))).toEqual(only());
    expect(run((v) => canVoteUseful(v, practice("published")))).toEqual(only(...(Object.keys(viewers) as V[]).filter((v) => !["guest", "author", "coauthor"].includes(v))));
  });
  it("moderating comments: admins and the region's coordinators", () => {
    expect(run((v) => canModerateComments(v, practice("published")))).toEqual(only("coordinator", "admin"));
  });
});
