/** Recorded in every attempt, so a trainer can tell which release produced it. */
export const appVersion = "0.1.0";
