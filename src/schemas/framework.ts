import { z } from 'zod';

/** A framework of the organisation's own (content/frameworks/*.yaml), e.g. an internal control set. */
export const customFrameworkSchema = () =>
  z
    .object({
      /** Key used in content files, e.g. "acme-ics" (lowercase, digits, dashes). */
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, e.g. "acme-ics"'),
      /** Display name. */
      name: z.string().min(1),
      /** Edition or version of the control set. */
      edition: z.string().min(1),
      /** Where it comes from (owner, document). */
      source: z.string().min(1),
      /** Word for one item (default "control"). */
      itemLabel: z.string().default('control'),
      /** Optional grouping of controls. */
      groups: z
        .array(
          z
            .object({
              /** Group id. */
              id: z.string().min(1),
              /** Group title. */
              title: z.string().min(1),
              /** Category (defaults to the title). */
              category: z.string().optional(),
            })
            .strict(),
        )
        .default([]),
      /** The controls, in catalog order. */
      controls: z
        .array(
          z
            .object({
              /** Control id; always a string (quote numbers in YAML). */
              id: z.union([z.string().min(1), z.number().transform(String)]),
              /** Short title. */
              title: z.string().min(1),
              /** Id of its group, if groups are used. */
              group: z.string().optional(),
            })
            .strict(),
        )
        .min(1, 'a framework needs at least one control'),
    })
    .strict();

export type CustomFrameworkData = z.infer<ReturnType<typeof customFrameworkSchema>>;
