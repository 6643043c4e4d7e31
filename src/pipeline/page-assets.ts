import { mermaidModules } from '../diagrams/mermaid-page.js';
import type { AssetSource } from '../print/browser-session.js';
import type { FontFile } from '../render/fonts.js';
import { fontAssets } from '../render/styles.js';

/** What the build's pages may load: the bundled fonts and Mermaid's modules. */
export function pageAssets(fonts: FontFile[]): AssetSource[] {
  return [fontAssets(fonts), mermaidModules];
}
