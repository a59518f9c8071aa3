// Inline validation with the server's own schemas and words (src/core/validation.ts).
export { type FieldErrors, fieldErrors, validateFields as validate } from "../core/validation";
