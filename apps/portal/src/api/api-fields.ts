import * as z from 'zod/mini';

/** A decimal string (`"49.90"`): money never travels as a JSON number. */
export const decimalField = z.string().check(z.regex(/^\d+(\.\d+)?$/, 'a decimal string'));

/** An ISO 4217 currency code. */
export const currencyField = z.string().check(z.regex(/^[A-Z]{3}$/, 'a currency code'));

/** An optional value the API may send as `null` or leave out. */
export const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** A link the page may put in an `href`: http(s) only, so never `javascript:`. */
export const webUrlField = z.url({ protocol: /^https?$/ });
