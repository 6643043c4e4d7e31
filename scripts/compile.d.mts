/** Compiles a TypeScript entry point (relative to the project) into one cached ESM file; returns its path. */
export function compile(entry: string, name: string): Promise<string>;
