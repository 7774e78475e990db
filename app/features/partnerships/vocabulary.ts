/** The partnership's fixed lists, shared by the schema, the server and the forms (browser-safe). */
export const PARTNERSHIP_STATUSES = ["proposed", "accepted", "active", "completed", "declined", "ended"] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const PARTNERSHIP_MEMBER_ROLES = ["responsible", "teacher", "methodist", "specialist"] as const;
export type PartnershipMemberRole = (typeof PARTNERSHIP_MEMBER_ROLES)[number];
