/** A ruleset document (national node or tenant) failed validation on load. */
export class RulesetValidationError extends Error {
  override readonly name = 'RulesetValidationError';
  constructor(
    readonly file: string,
    readonly issues: ReadonlyArray<{ path: string; reason: string }>,
  ) {
    super(`${file}: ${issues.map((issue) => `${issue.path}: ${issue.reason}`).join('; ')}`);
  }
}

/** No version of a parameter is in force for the requested month (the data starts later). */
export class RuleNotInForceError extends Error {
  override readonly name = 'RuleNotInForceError';
  constructor(
    readonly rulesetId: string,
    readonly parameterId: string,
    readonly month: string,
  ) {
    super(`${rulesetId}: ${parameterId}: no version in force for ${month}`);
  }
}
