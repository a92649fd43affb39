import type { Citation, Framework, JudgementRow } from '../schema/index.ts';
import type { DocumentEntry } from '../validate/check-references.ts';
import { gradeOnScale } from '../validate/headline-outcome.ts';
import { ownDateClaim } from './derive-timeline.ts';

/** Area id for a grade whose source names no framework and no area. */
export const UNSTATED_AREA = 'overall';

/**
 * One row per graded judgement: those a document gives itself, and those
 * later documents report (the 2014 "inadequate", the 2017 "requires
 * improvement"), merged per event and area with every citation. The grade is
 * kept as written beside its place on the framework's own scale; "Adequate"
 * (2009) and "Requires improvement" (2013) share position 3 but stay distinct.
 */
export function deriveJudgements(documents: readonly DocumentEntry[], frameworks: readonly Framework[]): JudgementRow[] {
  const rows = new Map<string, JudgementRow>();
  const add = (
    event: string,
    date: string,
    frameworkId: string | undefined,
    area: string | undefined,
    gradeAsWritten: string,
    citation: Citation,
  ) => {
    const framework = frameworks.find((candidate) => candidate.id === frameworkId);
    const areaId = area ?? framework?.areas.find((candidate) => candidate.headline)?.id ?? UNSTATED_AREA;
    const areaDef = framework?.areas.find((candidate) => candidate.id === areaId);
    const id = `${event}/${areaId}`;
    const existing = rows.get(id);
    if (existing) {
      existing.citations.push(citation);
      return;
    }
    const outcome = gradeOnScale(frameworks, framework?.id, gradeAsWritten);
    rows.set(id, {
      id,
      event,
      date,
      ...(framework ? { framework: framework.id } : {}),
      frameworkName: framework?.shortName ?? 'Not stated',
      ...(areaDef?.section ? { section: areaDef.section } : {}),
      area: areaId,
      areaLabel: areaDef?.label ?? 'Overall judgement (area not stated)',
      ...(areaDef?.parent ? { parentArea: areaDef.parent } : {}),
      topics: areaDef?.topics ?? [],
      headline: areaDef ? areaDef.headline : areaId === UNSTATED_AREA,
      gradeAsWritten,
      grade: outcome.grade,
      ...(outcome.position ? { position: outcome.position, scaleSize: framework!.scale.length } : {}),
      citations: [citation],
    });
  };

  const byPublication = [...documents].sort((a, b) => a.data.published.localeCompare(b.data.published));
  for (const doc of byPublication) {
    for (const judgement of doc.data.judgements) {
      add(doc.data.event.id, ownDateClaim(doc).date, doc.data.framework, judgement.area, judgement.grade, {
        document: doc.slug,
        role: 'record',
        quote: judgement.quote,
      });
    }
  }
  for (const doc of byPublication) {
    for (const mention of doc.data.mentions) {
      if (!mention.outcome) continue;
      add(mention.event, mention.date, mention.framework, mention.outcome.area, mention.outcome.grade, {
        document: doc.slug,
        role: 'mention',
        quote: mention.quote,
      });
    }
  }
  return [...rows.values()];
}
