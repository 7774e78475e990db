/** How a kind of notification reaches a person by e-mail (in-app it always arrives). Shared by the schema and the UI. */
export const EMAIL_CHANNELS = ["immediate", "digest", "never"] as const;
export type EmailChannel = (typeof EMAIL_CHANNELS)[number];
