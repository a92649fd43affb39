import {readSiteData} from "./site-data.js";

// Every event of the record with its year, kind and outcome.
const {timeline} = await readSiteData();
process.stdout.write(JSON.stringify(timeline.map((event) => ({
  year: Number(event.date.slice(0, 4)),
  kind: event.kind.replaceAll("-", " "),
  title: event.title,
  outcome: event.outcome ?? null
}))));
