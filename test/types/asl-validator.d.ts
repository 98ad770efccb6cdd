// asl-validator 4.0.0 ships no type declarations: the part of its API the tests use.
declare module 'asl-validator' {
  interface ValidationResult {
    isValid: boolean;
    errors: Array<{ message?: string; path?: string }>;
  }
  export default function validator(definition: unknown, options?: Record<string, unknown>): ValidationResult;
}
