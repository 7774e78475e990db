/** Addresses of the discussion engine's pages (browser-safe). */

/** Where a post is seen: the page of its thread that holds it, scrolled to the post. */
export const postPath = (threadId: string, postId: string) => `/threads/${threadId}?post=${postId}#post-${postId}`;
