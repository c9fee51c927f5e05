/** htmx would inject its indicator <style>, which the strict CSP blocks: turn that off. */
export function HtmxConfig() {
  return <meta name="htmx-config" content='{"includeIndicatorStyles":false}' />;
}
