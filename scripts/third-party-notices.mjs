// The licence of every package esbuild put into the bundle, found from the
// bundle's own list of inputs, so the notices always match what is shipped.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** `node_modules/@inquirer/core/dist/index.js` -> the folder of `@inquirer/core` (the innermost package). */
function packageFolder(input) {
  const parts = input.split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at === -1) return undefined;
  const length = parts[at + 1]?.startsWith("@") ? 2 : 1;
  return parts.slice(0, at + 1 + length).join("/");
}

function licenceText(folder) {
  const file = readdirSync(folder).find((name) => /^(licen[cs]e|copying)(\.|-|$)/i.test(name));
  return file ? readFileSync(join(folder, file), "utf8").trim() : undefined;
}

/** The notices file: one section per bundled package, sorted by name. */
export function thirdPartyNotices(metafile, ownName) {
  const folders = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const folder = packageFolder(input);
    if (folder) folders.add(folder);
  }
  const sections = [...folders]
    .map((folder) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, folder, "package.json"), "utf8"));
      return { manifest, text: licenceText(join(ROOT, folder)) };
    })
    .filter(({ manifest }) => manifest.name !== ownName)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
  const missing = sections.filter(({ manifest, text }) => !text && !manifest.license);
  if (missing.length > 0) {
    throw new Error(`no licence found for: ${missing.map(({ manifest }) => manifest.name).join(", ")}`);
  }
  const header = `${ownName} bundles the following packages. Their licences follow.\n`;
  return [
    header,
    ...sections.map(({ manifest, text }) =>
      [
        `${"-".repeat(72)}\n${manifest.name} ${manifest.version} (${manifest.license ?? "see below"})`,
        manifest.homepage ?? manifest.repository?.url ?? "",
        "",
        text ?? `Licensed under ${manifest.license}; the package ships no licence file.`,
      ].join("\n"),
    ),
  ].join("\n");
}
