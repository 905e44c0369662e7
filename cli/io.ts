/** What a CLI command may touch: its arguments, stdout, stderr and files. Injected so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** Unexpected failure. */
  error: 1,
  /** Invalid input (bad arguments, bad JSON, a value that breaks the format). */
  invalid: 2,
  /** The input was checked and has violations. */
  violations: 3,
  /** The solver could not satisfy every hard rule. */
  infeasible: 4,
} as const;

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
