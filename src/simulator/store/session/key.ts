/**
 * Where an exercise's session is kept in localStorage. In its own module so that the practice page's
 * first screen can see whether an attempt is under way without loading the session store.
 */
export const sessionKey = (name: string) => `staging-trainer:session:${name}`;
