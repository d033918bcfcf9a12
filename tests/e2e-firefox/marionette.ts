/**
 * A minimal Marionette client: Firefox's own remote protocol, which can reach what WebDriver BiDi
 * cannot — extension pages (moz-extension:) and, with `--remote-allow-system-access`, the browser's
 * chrome scope. Firefox allows one WebDriver session at a time, so the harness closes its BiDi
 * session before it opens this one, and the other way round.
 *
 * Wire format: `<byte length>:<JSON>`; commands are `[0, id, name, params]`, replies
 * `[1, id, error | null, result | null]`.
 * https://firefox-source-docs.mozilla.org/testing/marionette/Protocol.html
 */
import { connect, type Socket } from 'node:net';

/** A WebDriver element reference as Marionette returns it from scripts and finds. */
export type ElementRef = Record<string, string>;
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

export class MarionetteError extends Error {
  override name = 'MarionetteError';
}

export class Marionette {
  #socket: Socket;
  #buffer = Buffer.alloc(0);
  #next = 1;
  #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #greeted: Promise<void>;

  private constructor(socket: Socket) {
    this.#socket = socket;
    let greet: () => void = () => {};
    this.#greeted = new Promise((resolve) => {
      greet = resolve;
    });
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      for (;;) {
        const colon = this.#buffer.indexOf(0x3a);
        if (colon < 0) return;
        const length = Number(this.#buffer.subarray(0, colon).toString('ascii'));
        if (this.#buffer.length < colon + 1 + length) return;
        const message = JSON.parse(this.#buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
        this.#buffer = this.#buffer.subarray(colon + 1 + length);
        if (!Array.isArray(message)) {
          greet();
          continue;
        }
        const [, id, error, result] = message as [
          number,
          number,
          { error: string; message: string } | null,
          unknown,
        ];
        const waiter = this.#waiting.get(id);
        this.#waiting.delete(id);
        if (error) waiter?.reject(new MarionetteError(`${error.error}: ${error.message}`));
        else waiter?.resolve(result);
      }
    });
    socket.on('error', (error) => {
      for (const waiter of this.#waiting.values()) waiter.reject(error);
      this.#waiting.clear();
    });
  }

  /** Connects and starts a session; retries while Firefox is still opening the port. */
  static async open(port: number): Promise<Marionette> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        const client = new Marionette(socket);
        await client.#greeted;
        await client.send('WebDriver:NewSession', { capabilities: {} });
        return client;
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error(`Marionette did not answer on port ${port}: ${String(lastError)}`);
  }

  send<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.#next++;
    const payload = JSON.stringify([0, id, name, params]);
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#socket.write(`${Buffer.byteLength(payload)}:${payload}`);
    });
  }

  async setContext(value: 'chrome' | 'content'): Promise<void> {
    await this.send('Marionette:SetContext', { value });
  }

  /** Runs a function body in the current context and returns its value. */
  async execute<T = unknown>(script: string, args: unknown[] = []): Promise<T> {
    const { value } = await this.send<{ value: T }>('WebDriver:ExecuteScript', { script, args });
    return value;
  }

  async executeAsync<T = unknown>(script: string, args: unknown[] = []): Promise<T> {
    const { value } = await this.send<{ value: T }>('WebDriver:ExecuteAsyncScript', { script, args });
    return value;
  }

  async click(element: ElementRef): Promise<void> {
    await this.send('WebDriver:ElementClick', { id: element[ELEMENT_KEY] });
  }

  async type(element: ElementRef, text: string): Promise<void> {
    await this.send('WebDriver:ElementSendKeys', { id: element[ELEMENT_KEY], text });
  }

  async clear(element: ElementRef): Promise<void> {
    await this.send('WebDriver:ElementClear', { id: element[ELEMENT_KEY] });
  }

  async close(): Promise<void> {
    try {
      await this.send('WebDriver:DeleteSession');
    } finally {
      this.#socket.end();
    }
  }
}
