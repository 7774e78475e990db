import { and, asc, count, eq, ilike, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { municipalities, organisations, profilePhotos, profiles, regions, staffMemberships, users } from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { foldYo } from "~/utils/text";
import { MOSCOW_TIME_ZONE } from "~/utils/timezones";
import { PUBLIC_FIELDS, type PublicField } from "./fields.ts";
import { photoUrl } from "./people.server.ts";
import { seesWholeProfile } from "./policy.server.ts";
import type { PeopleFilter } from "./schemas.ts";

export const PEOPLE_PAGE_SIZE = 24;

/** A profile as one viewer may see it: fields not shown are absent, not empty. */
export interface ProfileView {
  id: string;
  /** Which fields this view carries; for the owner it also tells what is public. */
  shown: PublicField[];
  publicFields: PublicField[];
  whole: boolean;
  name?: string;
  photoUrl?: string | null;
  position?: string | null;
  organisation?: { id: string; name: string; place: string; confirmed: boolean } | null;
  subjects?: string[];
  grades?: number[];
  experienceYears?: number | null;
  canHelp?: string[];
  needsHelp?: string[];
  bio?: string | null;
}

async function profileRow(ex: Executor, userId: string) {
  const [row] = await ex
    .select({
      id: users.id,
      name: users.name,
      status: users.status,
      profile: profiles,
      orgName: organisations.shortName,
      region: regions.name,
      municipality: municipalities.name,
      regionZone: regions.timeZone,
      photoVersion: profilePhotos.version,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .leftJoin(regions, eq(regions.id, organisations.regionId))
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .leftJoin(profilePhotos, eq(profilePhotos.userId, users.id))
    .where(eq(users.id, userId));
  return row;
}

/**
 * The profile page of a person as the viewer may see it, or null when there is nothing the
 * viewer may see (no such person, a deleted account, or nothing made public).
 */
export async function getProfileView(ex: Executor, viewer: Viewer, userId: string): Promise<ProfileView | null> {
  const row = await profileRow(ex, userId);
  if (!row || row.status === "deleted") return null;
  const p = row.profile;
  const publicFields = (p?.publicFields ?? []) as PublicField[];
  const whole = seesWholeProfile(viewer, userId);
  const shown = whole ? [...PUBLIC_FIELDS] : publicFields;
  if (shown.length === 0) return null;
  const has = (f: PublicField) => shown.includes(f);
  let confirmed = false;
  if (has("organisation") && p?.organisationId) {
    const [m] = await ex
      .select({ n: count() })
      .from(staffMemberships)
      .where(and(eq(staffMemberships.userId, userId), eq(staffMemberships.organisationId, p.organisationId), eq(staffMemberships.status, "confirmed")));
    confirmed = (m?.n ?? 0) > 0;
  }
  const view: ProfileView = { id: userId, shown, publicFields, whole };
  if (has("name")) view.name = row.name;
  if (has("photo")) view.photoUrl = row.photoVersion ? photoUrl(userId, row.photoVersion) : null;
  if (has("position")) view.position = p?.position ?? null;
  if (has("organisation"))
    view.organisation = p?.organisationId ? { id: p.organisationId, name: row.orgName ?? "", place: [row.municipality, row.region].filter(Boolean).join(", "), confirmed } : null;
  if (has("subjects")) view.subjects = p?.subjects ?? [];
  if (has("grades")) view.grades = p?.grades ?? [];
  if (has("experience")) view.experienceYears = p?.experienceYears ?? null;
  if (has("canHelp")) view.canHelp = p?.canHelp ?? [];
  if (has("needsHelp")) view.needsHelp = p?.needsHelp ?? [];
  if (has("bio")) view.bio = p?.bio ?? null;
  return view;
}

/** Everything the owner edits on the profile form. */
export async function getProfileForEdit(ex: Executor, userId: string) {
  const row = await profileRow(ex, userId);
  if (!row) return null;
  const p = row.profile;
  return {
    name: row.name,
    position: p?.position ?? "",
    organisationId: p?.organisationId ?? "",
    subjects: p?.subjects ?? [],
    grades: p?.grades ?? [],
    experienceYears: p?.experienceYears ?? null,
    canHelp: p?.canHelp ?? [],
    needsHelp: p?.needsHelp ?? [],
    timeZone: p?.timeZone ?? "",
    /** The zone used when none is chosen: the organisation's region, else Moscow. */
    defaultTimeZone: row.regionZone ?? MOSCOW_TIME_ZONE,
    bio: p?.bio ?? "",
    publicFields: (p?.publicFields ?? []) as PublicField[],
    photoUrl: row.photoVersion ? photoUrl(row.id, row.photoVersion) : null,
  };
}

/** The zone a signed-in person's times are shown in: their choice, else their organisation's region. */
export async function personTimeZone(ex: Executor, userId: string): Promise<string | null> {
  const [row] = await ex
    .select({ own: profiles.timeZone, region: regions.timeZone })
    .from(profiles)
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .leftJoin(regions, eq(regions.id, organisations.regionId))
    .where(eq(profiles.userId, userId));
  return row?.own ?? row?.region ?? null;
}

const isPublic = (field: PublicField) => sql`${field} = any(${profiles.publicFields})`;

/**
 * The people directory: people who made at least their name public, as the public sees them.
 * Every filter applies only to a field its owner made public, so a filter never reveals a
 * private value. Russian alphabetical order by the stored sort key.
 */
export async function listPeople(ex: Executor, f: PeopleFilter) {
  const where: SQL[] = [eq(users.status, "active"), isPublic("name")];
  if (f.organisation || f.municipality || f.region) where.push(isPublic("organisation"));
  if (f.organisation) where.push(eq(profiles.organisationId, f.organisation));
  if (f.municipality) where.push(eq(organisations.municipalityId, f.municipality));
  if (f.region) where.push(eq(organisations.regionId, f.region));
  if (f.subject) where.push(isPublic("subjects"), sql`${profiles.subjects} @> array[${f.subject}]::text[]`);
  if (f.position) where.push(isPublic("position"), eq(profiles.position, f.position));
  if (f.canHelp) where.push(isPublic("canHelp"), sql`${profiles.canHelp} @> array[${f.canHelp}]::text[]`);
  if (f.needsHelp) where.push(isPublic("needsHelp"), sql`${profiles.needsHelp} @> array[${f.needsHelp}]::text[]`);
  if (f.q) where.push(ilike(profiles.nameSort, `%${foldYo(f.q.toLowerCase()).replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  const from = () =>
    ex
      .select({
        id: users.id,
        name: users.name,
        publicFields: profiles.publicFields,
        position: profiles.position,
        subjects: profiles.subjects,
        canHelp: profiles.canHelp,
        needsHelp: profiles.needsHelp,
        orgId: organisations.id,
        orgName: organisations.shortName,
        region: regions.name,
        photoVersion: profilePhotos.version,
      })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
      .leftJoin(regions, eq(regions.id, organisations.regionId))
      .leftJoin(profilePhotos, eq(profilePhotos.userId, profiles.userId))
      .where(and(...where));
  const [total] = await ex.select({ n: count() }).from(from().as("matching"));
  const rows = await from()
    .orderBy(asc(profiles.nameSort), asc(users.id))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((f.page - 1) * PEOPLE_PAGE_SIZE);
  return {
    total: total?.n ?? 0,
    rows: rows.map((r) => {
      const pub = new Set(r.publicFields as PublicField[]);
      return {
        id: r.id,
        name: r.name,
        photoUrl: pub.has("photo") && r.photoVersion ? photoUrl(r.id, r.photoVersion) : null,
        position: pub.has("position") ? r.position : null,
        organisation: pub.has("organisation") && r.orgId ? { id: r.orgId, name: r.orgName ?? "", region: r.region ?? "" } : null,
        subjects: pub.has("subjects") ? r.subjects : [],
        canHelp: pub.has("canHelp") ? r.canHelp : [],
        needsHelp: pub.has("needsHelp") ? r.needsHelp : [],
      };
    }),
  };
}

/** A stored photo, if the viewer may see it. */
export async function getPhoto(ex: Executor, viewer: Viewer, userId: string, version: string) {
  const [row] = await ex
    .select({ image: profilePhotos.image, contentType: profilePhotos.contentType, version: profilePhotos.version, publicFields: profiles.publicFields, status: users.status })
    .from(profilePhotos)
    .innerJoin(users, eq(users.id, profilePhotos.userId))
    .leftJoin(profiles, eq(profiles.userId, profilePhotos.userId))
    .where(eq(profilePhotos.userId, userId));
  if (!row || row.version !== version || row.status === "deleted") return null;
  if (!seesWholeProfile(viewer, userId) && !(row.publicFields ?? []).includes("photo")) return null;
  return row;
}

/** Organisations to choose from on the profile form, grouped by region in Russian order. */
export async function organisationChoices(ex: Executor) {
  const rows = await ex
    .select({ id: organisations.id, name: organisations.shortName, region: regions.name, regionSort: regions.nameSort })
    .from(organisations)
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .orderBy(asc(regions.nameSort), asc(organisations.nameSort));
  const groups: { region: string; options: { id: string; name: string }[] }[] = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last?.region === r.region) last.options.push({ id: r.id, name: r.name });
    else groups.push({ region: r.region, options: [{ id: r.id, name: r.name }] });
  }
  return groups;
}
