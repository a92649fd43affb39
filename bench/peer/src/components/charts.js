import * as Plot from "@observablehq/plot";

// The four charts of the story, one function each, as Framework's examples
// write them: chart(data, {width}).

const GRADES = ["Outstanding", "Good", "Adequate / requires improvement", "Inadequate"];

/** Events of the record by year, coloured by kind. */
export function timelineChart(events, {width} = {}) {
  return Plot.plot({
    width,
    height: 260,
    x: {label: null, tickFormat: "d", interval: 1},
    y: {label: "Events", grid: true},
    color: {legend: true},
    marks: [
      Plot.barY(events, Plot.groupX({y: "count", title: (rows) => rows.map((row) => row.title).join("\n")}, {x: "year", fill: "kind"})),
      Plot.ruleY([0])
    ]
  });
}

/** Headline grades of each full inspection; the frameworks changed, so no line crosses them. */
export function gradesChart(grades, {width} = {}) {
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 190,
    x: {type: "utc", label: null},
    y: {domain: [1, 2, 3, 4], tickFormat: (position) => GRADES[position - 1], label: null, grid: true},
    color: {legend: true},
    marks: [
      Plot.line(grades, {x: (row) => new Date(row.date), y: "position", z: "framework", stroke: "framework"}),
      Plot.dot(grades, {x: (row) => new Date(row.date), y: "position", fill: "framework", r: 5, title: (row) => `${row.section}: ${row.grade}`}),
      Plot.text(grades, {x: (row) => new Date(row.date), y: "position", text: "grade", dy: -12})
    ]
  });
}

/** Cases per social worker over time, Manchester against the region and England. */
export function caseloadsChart(caseloads, {width} = {}) {
  return Plot.plot({
    width,
    height: 300,
    x: {type: "utc", label: null},
    y: {label: "Cases per social worker", grid: true, zero: true},
    color: {legend: true},
    marks: [
      Plot.line(caseloads.filter((row) => !row.place.includes("inspectors")), {x: (row) => new Date(row.date), y: "value", stroke: "place", marker: true}),
      Plot.dot(caseloads.filter((row) => row.place.includes("inspectors")), {x: (row) => new Date(row.date), y: "value", stroke: "place", title: "label"}),
      Plot.ruleY([0])
    ]
  });
}

/** Days from care to adoption against the government threshold of the time. */
export function adoptionChart(adoption, {width} = {}) {
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 110,
    x: {label: "Days from entering care to an adoptive home", grid: true},
    y: {label: null},
    color: {legend: true},
    marks: [
      Plot.barX(adoption.filter((row) => row.measure === "Manchester"), {x: "days", y: "period", fill: "measure"}),
      Plot.tickX(adoption.filter((row) => row.measure === "threshold"), {x: "days", y: "period", stroke: "black", strokeWidth: 3}),
      Plot.text(adoption.filter((row) => row.measure === "Manchester"), {x: "days", y: "period", text: (row) => `${row.days} days`, dx: -4, textAnchor: "end", fill: "white"}),
      Plot.ruleX([0])
    ]
  });
}
