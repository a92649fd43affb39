// The peer of issue 14: the same story, data and four charts as the site,
// as a data journalist would make them with Observable Framework 1.13.
// Written into a temporary project by scripts/bench/peer-project.ts.
// See https://observablehq.com/framework/config
export default {
  title: "Manchester’s children’s services",
  root: "src",
  output: "dist",
  pager: false,
  toc: true
};
