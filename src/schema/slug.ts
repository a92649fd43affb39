import { z } from 'zod';

/**
 * The id format shared by frameworks, areas, events, figures and metrics:
 * lower-case words joined by "-", with "." allowed between a section and its
 * area (`safeguarding.overall-effectiveness`). Ids end up in URLs and CSVs.
 */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, {
    error: 'must be lower-case words joined by "-", e.g. "2014-sif-inspection"',
  });
