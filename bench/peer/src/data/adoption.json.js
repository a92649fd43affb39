import {readSiteData} from "./site-data.js";

// Days from entering care to an adoptive home, against the government's threshold.
const {figures} = await readSiteData();
const measures = {"adoption-days-care-to-placement": "Manchester", "adoption-threshold-days": "threshold"};
const rows = figures
  .filter((figure) => figure.metric in measures)
  .map((figure) => ({period: figure.period, date: figure.date, measure: measures[figure.metric], days: figure.value}));
// One row per period and measure: two documents report 2013/14.
const seen = new Set();
process.stdout.write(JSON.stringify(rows.filter((row) => {
  const key = `${row.date} ${row.measure}`;
  return !seen.has(key) && seen.add(key);
})));
