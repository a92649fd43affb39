import type { SiteData } from '../derive/derive-site-data.ts';
import { formatPartialDate } from '../lib/partial-dates.ts';
import type { JudgementRow } from '../schema/index.ts';

/**
 * The area-by-area record: what each graded inspection found on each
 * judgement topic (help and protection, children in care, care leavers,
 * adoption, leadership, overall, the safeguarding board), lined up across
 * frameworks by the topics each framework area lists. Rows are topics in the
 * order of content/judgement-topics.yaml; columns are inspections in date
 * order. Pure: shaped from the derived data, drawn by area-record-panel.ts.
 */

/** One grade in a cell, with what the drawing and the key need to name it. */
export interface CellGrade {
  /** Judgement row id, e.g. "2022-03-ilacs-inspection/children-in-care-and-care-leavers". */
  row: string;
  grade: string;
  /** Place on its scale, 1 best. */
  position: number;
  scaleSize: number;
  /** Other wordings of the grade the framework accepts (shorter forms to fit). */
  aliases: string[];
  /** The area as the framework names it. */
  areaLabel: string;
  /** Given by a later document, not the inspection's own report. */
  reported: boolean;
}

/** What one inspection found on one topic. */
export interface AreaCell {
  topic: string;
  event: string;
  /** Usually one; two where a framework judged the topic in two parts (2010: safeguarding and looked after services). */
  grades: CellGrade[];
  /** Topics judged in the same judgement as this one (ILACS until 2022: children in care with care leavers). */
  judgedWith: string[];
  /** For the overall topic: the inspection graded areas but gave no overall grade. */
  noOverallGrade: boolean;
  /** For the overall topic: the framework has no overall area, so the cell holds its headline judgements. */
  fromHeadlines: boolean;
}

/** One graded inspection: a column. */
export interface AreaColumn {
  event: string;
  date: string;
  year: string;
  /** Month and year, e.g. "Mar 2022", or the year alone when that is all the sources give. */
  when: string;
  framework: string;
  frameworkName: string;
  knownFromMentionsOnly: boolean;
}

export interface AreaRecord {
  topics: { id: string; label: string }[];
  columns: AreaColumn[];
  cells: AreaCell[];
}

/** The area-by-area record of every graded inspection in the data. */
export function shapeAreaRecord(data: Pick<SiteData, 'judgements' | 'timeline' | 'frameworks' | 'topics'>): AreaRecord {
  const graded = data.judgements.filter((row) => row.position !== undefined && row.framework);
  const eventIds = [...new Set(graded.map((row) => row.event))];
  const columns: AreaColumn[] = eventIds
    .map((id) => {
      const event = data.timeline.find((candidate) => candidate.id === id)!;
      const framework = data.frameworks.find((candidate) => candidate.id === graded.find((row) => row.event === id)!.framework)!;
      return {
        event: id,
        date: event.date,
        year: event.date.slice(0, 4),
        when: event.date.length >= 7 ? shortMonth(event.date) : event.date.slice(0, 4),
        framework: framework.id,
        frameworkName: framework.shortName,
        knownFromMentionsOnly: event.knownFromMentionsOnly,
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));

  const cells: AreaCell[] = [];
  for (const column of columns) {
    const rows = graded.filter((row) => row.event === column.event);
    const framework = data.frameworks.find((candidate) => candidate.id === column.framework)!;
    const hasOverallArea = framework.areas.some((area) => area.topics.includes('overall'));
    for (const topic of data.topics) {
      let judged = rows.filter((row) => row.topics.includes(topic.id));
      let fromHeadlines = false;
      if (topic.id === 'overall' && judged.length === 0 && !hasOverallArea) {
        judged = rows.filter((row) => row.headline);
        fromHeadlines = judged.length > 0;
      }
      const noOverallGrade = topic.id === 'overall' && judged.length === 0 && !rows.some((row) => row.headline);
      if (judged.length === 0 && !noOverallGrade) continue;
      cells.push({
        topic: topic.id,
        event: column.event,
        grades: judged.map((row) => cellGrade(row, framework.scale.find((grade) => grade.position === row.position)?.aliases ?? [])),
        judgedWith: [...new Set(judged.flatMap((row) => (fromHeadlines ? [] : row.topics)).filter((other) => other !== topic.id))],
        noOverallGrade,
        fromHeadlines,
      });
    }
  }
  const usedTopics = new Set(cells.filter((cell) => cell.grades.length > 0).map((cell) => cell.topic));
  return {
    topics: data.topics.filter((topic) => usedTopics.has(topic.id)).map(({ id, label }) => ({ id, label })),
    columns,
    cells: cells.filter((cell) => usedTopics.has(cell.topic)),
  };
}

function cellGrade(row: JudgementRow, aliases: readonly string[]): CellGrade {
  return {
    row: row.id,
    grade: row.grade,
    position: row.position!,
    scaleSize: row.scaleSize ?? 4,
    aliases: [...aliases],
    areaLabel: row.section ? `${row.section}: ${row.areaLabel}` : row.areaLabel,
    reported: row.citations.every((citation) => citation.role === 'mention'),
  };
}

/** @example shortMonth('2022-03-21') // 'Mar 2022' */
function shortMonth(date: string): string {
  const [month, year] = formatPartialDate(date.slice(0, 7)).split(' ');
  return `${month.slice(0, 3)} ${year}`;
}

/** The distinct grades of a cell, in words: "Good", or "Good / Adequate" when its parts differ. */
export function cellGradeWords(cell: AreaCell): string {
  return [...new Set(cell.grades.map((grade) => grade.grade))].join(' / ');
}
