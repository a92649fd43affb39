import {readSiteData} from "./site-data.js";

// Each full inspection's headline grades, 1 (best) to 4, with the framework it was judged under.
const {judgements} = await readSiteData();
process.stdout.write(JSON.stringify(judgements
  .filter((judgement) => judgement.headline && judgement.position && judgement.framework)
  .map((judgement) => ({
    date: judgement.date,
    framework: judgement.frameworkName,
    section: judgement.section ?? judgement.areaLabel,
    grade: judgement.grade,
    position: judgement.position
  }))));
