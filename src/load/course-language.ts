/** The `lang:` a course.yaml declares, read from its text: its YAML may be broken. */
export function declaredLang(text: string): string | undefined {
  return /^lang:[ \t]*(["']?)([A-Za-z]{2}(?:-[A-Za-z]{2})?)\1[ \t]*(?:#.*)?$/m.exec(text)?.[2];
}
