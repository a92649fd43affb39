import {readSiteData} from "./site-data.js";

// Cases per social worker: the Department for Education's series by place,
// and the numbers inspectors and the council gave for Manchester.
const {figures} = await readSiteData();
process.stdout.write(JSON.stringify(figures
  .filter((figure) => (figure.metric === "caseload-per-fte" || figure.metric === "caseload") && figure.valueKind !== "qualitative")
  .map((figure) => ({
    date: figure.date.length === 4 ? `${figure.date}-06-30` : figure.date.length === 7 ? `${figure.date}-15` : figure.date,
    place: figure.metric === "caseload-per-fte" ? figure.place : "Manchester, as inspectors found",
    value: figure.valueKind === "range" ? (figure.low + figure.high) / 2 : figure.value,
    label: figure.label
  }))));
