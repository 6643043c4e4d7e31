/** The V8 flags a building command runs with, for the given V8 version (the running one by default). */
export function buildV8Flags(v8Version?: string): string[];
/** Applies `buildV8Flags()` to the running V8. */
export function tuneV8ForBuild(): void;
