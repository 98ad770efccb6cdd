// Errors caused by what the user gave us (a tag, an event, a snapshot, a config value): exit status 2, nothing changed.
export class BadInputError extends Error {
  override name = 'BadInputError';
}

/** Error classes defined before BadInputError existed, or in modules that must not depend on it, by name. */
const BAD_INPUT_NAMES = new Set([
  'SnapshotError',
  'ConfigError',
  'UnknownRegionPriceError',
  'SimClockError',
  'ScheduleParseError',
  'TagValueError',
  'EventValidationError',
  'ZodError',
  'ParseError',
  'TargetsError',
  'SnapshotDirError',
]);

export function isBadInput(error: unknown): boolean {
  return error instanceof BadInputError || (error instanceof Error && BAD_INPUT_NAMES.has(error.name));
}

/** The run went through but some resources failed (reported in its output): exit status 1. */
export class IncompleteRunError extends Error {
  override name = 'IncompleteRunError';
}

/**
 * An error as a person reads it: the message alone for our own and JavaScript's `…Error` classes (their names
 * mean nothing to a user), "Code: message" for AWS errors, whose name is the AWS error code (ThrottlingException,
 * UnauthorizedOperation…) and says what to look up.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message || error.name;
  if (error.name === '' || error.name.endsWith('Error') || message.startsWith(`${error.name}:`))
    return message;
  return `${error.name}: ${message}`;
}
