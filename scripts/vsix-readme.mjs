// The README the VSIX carries: README.vsix.md with each relative image inlined as a data: URI.
// Why inline: VS Code shows an installed extension's README in a webview whose content policy
// admits only https: and data: images, and resolves nothing against the extension's folder, so a
// relative image is broken there (vsce's usual fix, rewriting it to a GitHub URL, needs a
// repository and the network). Used by scripts/package-vsix.mjs and by test/lsp/extensionPage.test.ts.
import { readFileSync } from "node:fs";
import { extname, join } from "node:path";

export const USER_README = "README.vsix.md";

const MIME = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif" };

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?((?:\s+"[^"]*")?)\s*\)/g;

/** Relative image paths of a Markdown text (`![alt](path)`), in order. */
export function relativeImages(markdown) {
  return [...markdown.matchAll(IMAGE)].map((m) => m[2]).filter((src) => !/^[a-z][\w+.-]*:/i.test(src));
}

/** `markdown` with every relative image (a path from `root`) replaced by a data: URI. */
export function inlineImages(markdown, root) {
  return markdown.replace(IMAGE, (whole, alt, src, title) => {
    if (/^[a-z][\w+.-]*:/i.test(src)) return whole;
    const mime = MIME[extname(src).toLowerCase()];
    if (!mime) throw new Error(`${USER_README}: ${src} is not a PNG, JPEG or GIF image`);
    const data = readFileSync(join(root, src.replace(/^\.\//, ""))).toString("base64");
    return `![${alt}](data:${mime};base64,${data}${title})`;
  });
}
