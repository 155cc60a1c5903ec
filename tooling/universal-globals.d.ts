// The web-platform globals that exist in every runtime pymem targets — Node ≥ 20,
// browsers and Web Workers — and that the ES2022 lib does not declare. Packages are
// platform-neutral (no Node built-ins, no DOM), so they get exactly these and nothing
// else. Included by tooling/tsconfig.base.json.

declare global {
  interface TextEncoderEncodeIntoResult {
    read: number;
    written: number;
  }
  interface TextEncoder {
    readonly encoding: string;
    encode(input?: string): Uint8Array;
    encodeInto(source: string, destination: Uint8Array): TextEncoderEncodeIntoResult;
  }
  var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

  interface TextDecodeOptions {
    stream?: boolean;
  }
  interface TextDecoderOptions {
    fatal?: boolean;
    ignoreBOM?: boolean;
  }
  interface TextDecoder {
    readonly encoding: string;
    readonly fatal: boolean;
    readonly ignoreBOM: boolean;
    decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
  }
  var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: TextDecoderOptions): TextDecoder };

  interface Console {
    log(...data: unknown[]): void;
    info(...data: unknown[]): void;
    warn(...data: unknown[]): void;
    error(...data: unknown[]): void;
    debug(...data: unknown[]): void;
  }
  var console: Console;

  function queueMicrotask(callback: () => void): void;
  function structuredClone<T>(value: T): T;
}

export {};
