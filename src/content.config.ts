import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { DocumentSchema, FrameworkSchema, JudgementTopicSchema, MetricSchema } from './schema/index.ts';

// The same schemas validate content in scripts/derive-data.ts, which runs
// first and gives editors messages with line numbers; Astro's check here is
// the second line of defence. Pages never render these entries' markdown:
// bodies come rendered and sanitised in the derived data
// (src/validate/markdown-body.ts), from the tree the validator checked.
const contentDir = process.env.CONTENT_DIR ?? './content';

const documents = defineCollection({
  loader: glob({ pattern: '*.md', base: `${contentDir}/documents` }),
  schema: DocumentSchema,
});

const frameworks = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${contentDir}/frameworks` }),
  schema: FrameworkSchema,
});

const metrics = defineCollection({
  loader: file(`${contentDir}/metrics.yaml`),
  schema: MetricSchema,
});

const judgementTopics = defineCollection({
  loader: file(`${contentDir}/judgement-topics.yaml`),
  schema: JudgementTopicSchema,
});

export const collections = { documents, frameworks, metrics, judgementTopics };
