/**
 * Intl.DateTimeFormat, built once per locale and options. Building one costs more than rendering
 * a whole page, and a checkpoint's pages ask for the same few shapes on every request.
 */
const built = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = built.get(key);
  if (!format) {
    // an unknown zone throws here, before it could fill the map
    format = new Intl.DateTimeFormat(locale, options);
    built.set(key, format);
  }
  return format;
}
