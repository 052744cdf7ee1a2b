import * as z from 'zod';

/**
 * A decimal in [min, max] with at most `places` decimals, for schemas in core (settings files, library
 * entries) and at the HTTP edge alike. DynamoDB stores numbers of magnitude 1e-130 to 1e126 only, and
 * zod's multipleOf lets 1e-300 through (it rounds the value before comparing), so the rounding is
 * checked here as well: 1e-300 is refused, 87.35 is kept.
 */
export function decimal(min: number, max: number, places = 2) {
  const scale = 10 ** places;
  return (
    z
      .number()
      .min(min)
      .max(max)
      .multipleOf(1 / scale)
      .refine((v) => Math.round(v * scale) / scale === v, `paling banyak ${places} angka di belakang koma`)
      // The OpenAPI generator drops zod's multipleOf; the document states the precision all the same.
      .meta({ multipleOf: 1 / scale })
  );
}
