// The idle minutes before the app locks itself when Settings say nothing else (Settings' default),
// apart from the settings' schema so that the lock, in the first download, reads it without zod.
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
