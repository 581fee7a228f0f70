import { z } from 'zod';
import { isIsoDate } from '../time/dates.ts';
import { durationMinutes, parseDuration } from '../time/duration.ts';

/** Entry identifier: letters, digits, dots, dashes, underscores; unique across the whole program. */
export const idSchema = () =>
  z
    .string({ required_error: 'an id is required' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "-" or "_" only, starting with a letter or digit (e.g. "pol-backup")');

/** A calendar date written YYYY-MM-DD (YAML leaves it a string; we check it is a real day). */
export const dateSchema = () =>
  z.string({ invalid_type_error: 'write the date as YYYY-MM-DD' }).refine(isIsoDate, {
    message: 'not a valid date: write it as YYYY-MM-DD, e.g. 2026-03-31',
  });

/**
 * An ISO 8601 duration such as P1Y, P3M, P90D or PT4H. Longer than zero unless `allowZero`
 * (a measured data loss may be none): a review every P0D or evidence valid for P0D is a typo.
 */
export const durationSchema = (options: { allowZero?: boolean } = {}) =>
  z
    .string({ invalid_type_error: 'write the duration in ISO 8601, e.g. P1Y' })
    .refine((s) => parseDuration(s) !== undefined, {
      message: 'not an ISO 8601 duration (negative lengths included)',
      params: { fix: 'write e.g. P1Y (1 year), P3M (3 months), P90D (90 days), PT4H (4 hours)' },
    })
    .refine((s) => options.allowZero || parseDuration(s) === undefined || durationMinutes(s) > 0, {
      message: 'the duration is zero',
      params: { fix: 'write a length above zero, e.g. P1Y, P3M, P90D or PT4H' },
    });

/** Text that must say something: blank or whitespace-only is refused (a title, a name). */
export const textSchema = (what = 'text') =>
  z.string().refine((s) => s.trim().length > 0, { message: `the ${what} is blank`, params: { fix: `write the ${what}` } });

/** Link schemes a published page may carry: script (javascript:), inline documents (data:) and others are refused. */
const LINK = /^(?:https?:\/\/[^\s/?#]+[^\s]*|mailto:[^\s@]+@[^\s@]+)$/i;

/**
 * A link shown on published pages: http://, https:// or mailto: only (never javascript:, data:
 * or protocol-relative //host). `sitePath` also allows a path on the site itself ("/docs/").
 * `web` allows only http(s) (an address to publish at).
 */
export const urlSchema = (options: { sitePath?: boolean; web?: boolean } = {}) =>
  z.string().refine((s) => (options.web ? /^https?:/i.test(s) : true) && (LINK.test(s) || (!!options.sitePath && /^\/(?!\/)\S*$/.test(s))), {
    message: `not a safe link: it must start with ${options.web ? 'https:// or http://' : `https://, http:// or mailto:${options.sitePath ? ', or be a site path starting with one "/"' : ''}`}`,
    params: { fix: options.web ? 'write the full address, e.g. https://trust.example.com' : 'write a full link such as https://example.com/security or mailto:security@example.com' },
  });

/** Where to report a security issue: an e-mail address or a link (see urlSchema). */
export const contactSchema = () =>
  z.string().refine((s) => /^[^\s@:/]+@[^\s@]+$/.test(s) || LINK.test(s), {
    message: 'not an e-mail address or a safe link',
    params: { fix: 'write an e-mail address (security@example.com) or a link starting with https://' },
  });

/**
 * Who may see an entry or field, from widest to narrowest audience. Content is `internal`
 * unless the author widens it: publishing must be a deliberate act.
 */
export const AUDIENCES = ['public', 'customer', 'internal', 'auditor'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const visibilitySchema = () => z.enum(AUDIENCES).default('internal');

/** A field's visibility when the entry's `fields` map leaves it out: an audience, or "entry" (as visible as its entry). */
export type FieldDefault = Audience | 'entry';
const FIELD_DEFAULTS = new WeakMap<z.ZodTypeAny, FieldDefault>();

/**
 * Who may see one field of an entry (see `fields` on policies, measures and evidence). A field
 * is never shown wider than its entry; left out, the field follows `byDefault`. The schemas
 * are the one list of such fields: the audience filter and the leak guard read it from here
 * (fieldDefaults in src/audience/visibility.ts).
 */
export const fieldAudienceSchema = (byDefault: FieldDefault) => {
  const schema = z.enum(AUDIENCES).optional();
  FIELD_DEFAULTS.set(schema, byDefault);
  return schema;
};

/** The default a `fields` entry was declared with (undefined for any other schema). */
export const fieldDefaultOf = (schema: z.ZodTypeAny): FieldDefault | undefined => FIELD_DEFAULTS.get(schema);

/** A control reference inside a framework list: "CC6.1", or { id, implied, note } for an implied mapping. */
export const controlRefSchema = () =>
  z.union([
    z.string().min(1),
    z
      .object({
        /** Control id exactly as the framework writes it. */
        id: z.string().min(1),
        /** The control only implies this mapping; the framework does not state it explicitly. */
        implied: z.boolean().default(false),
        /** Why the mapping holds. */
        note: z.string().optional(),
      })
      .strict(),
  ]);

/** Controls per framework: { soc2: [CC6.1], iso27001: [A.8.13, { id: A.5.30, implied: true }] }. */
export const controlMapSchema = () => z.record(z.string(), z.array(controlRefSchema())).default({});

/** A half-open description of a stretch of days, both ends included. */
export const periodSchema = () =>
  z
    .object({
      /** First day covered. */
      start: dateSchema(),
      /** Last day covered. */
      end: dateSchema(),
    })
    .strict()
    .refine((p) => p.start <= p.end, { message: 'period.start is after period.end', path: ['end'], params: { fix: 'swap start and end, or correct the day that is wrong (both ends are included)' } });

export type ControlMapInput = z.infer<ReturnType<typeof controlMapSchema>>;
