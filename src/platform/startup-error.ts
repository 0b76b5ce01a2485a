/** A reason Pacer refuses to start that the operator can fix: printed as one line, without a stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
