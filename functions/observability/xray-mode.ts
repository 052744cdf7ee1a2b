/**
 * Imported before the Powertools tracer (functions/observability/tracer.ts), because the X-Ray SDK it
 * loads decides on load how it follows a request's context: in its default ("automatic") mode it
 * installs async hooks (cls-hooked) that every promise and callback of the process then pays for —
 * measured here ~1 µs per awaited promise instead of ~0.1 µs, about a tenth of the local payroll run's
 * Node CPU. Outside Lambda the tracer traces nothing anyway (tracer.ts), so there the SDK starts in
 * manual mode and installs no hooks. In Lambda nothing changes: automatic mode, as X-Ray needs.
 */
if (!process.env.AWS_LAMBDA_FUNCTION_NAME && process.env.AWS_XRAY_MANUAL_MODE === undefined) {
  process.env.AWS_XRAY_MANUAL_MODE = 'true';
}
