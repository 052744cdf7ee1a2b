/** The pay input contradicts the rules (unknown golongan, MKG below the first step, missing facts...). */
export class PayDataError extends Error {
  override readonly name = 'PayDataError';
  constructor(
    /** Dotted path of the offending input field, e.g. `employee.mkgYears`. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
