/** An error whose message is meant for the person who caused it: short, localized, no stack. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
