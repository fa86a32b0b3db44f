/** A request to the simulator that cannot be carried out (unknown order, bad amount, ...). */
export class SimulatorInputError extends Error {
  constructor(
    message: string,
    /** HTTP status the control API answers with. */
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
    this.name = 'SimulatorInputError';
  }
}
