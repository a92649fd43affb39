import {readFile} from "node:fs/promises";

// The site's derived data (`npm run derive`), copied beside the project by
// the bench: the peer starts from the same records as the site.
export async function readSiteData() {
  return JSON.parse(await readFile(new URL("../../site-data.json", import.meta.url), "utf-8"));
}
