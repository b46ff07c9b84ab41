// A minimal event emitter: listeners run in order; one failing listener does not stop the others.
export class Emitter<T> {
  private readonly listeners: Array<(value: T) => void> = [];

  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  on(listener: (value: T) => void): void {
    this.listeners.push(listener);
  }

  fire(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
