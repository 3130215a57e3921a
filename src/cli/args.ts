import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fail, succeed, type Result } from '../core/result.ts';

/** What a command accepts: checked strictly, so that a typo is refused instead of ignored. */
export interface CommandShape {
  command: string;
  /**
   * Options by long name, with an optional one-letter form; `flag` ones take no value,
   * `repeatable` ones may be given more than once (their values are in `lists`).
   */
  options: Readonly<Record<string, { short?: string; flag?: true; repeatable?: true }>>;
  /** The plain arguments the command needs, in order, each with the line that says it is missing. */
  positionals: readonly { missing: string }[];
  /** Further plain arguments are accepted instead of refused: `help`'s topic, or `group`'s files. */
  ignoreExtra?: boolean;
}

export interface ParsedCommand {
  /** Each option's value, or undefined when it was not given. Never empty. */
  options: Readonly<Record<string, string | undefined>>;
  /** Each repeatable option's values in the order given; absent when it was not given. */
  lists: Readonly<Record<string, readonly string[] | undefined>>;
  /** The flags given. */
  flags: ReadonlySet<string>;
  positionals: string[];
  /** `-h` or `--help` was given: print the usage and do nothing else. */
  help: boolean;
}

const seeHelp = 'see npm run cli -- help';

type Options = NonNullable<ParseArgsConfig['options']>;

function optionsOf(shape: CommandShape): Options {
  const options: Options = { help: { type: 'boolean', short: 'h' } };
  for (const [name, { short, flag, repeatable }] of Object.entries(shape.options)) {
    const type = flag ? 'boolean' : 'string';
    options[name] = {
      type,
      ...(short ? { short } : {}),
      ...(repeatable ? { multiple: true } : {}),
    };
  }
  return options;
}

/**
 * Parses a command's arguments with node:util's parseArgs in strict mode. Every mistake (an
 * unknown option, an option without its value or given twice, a missing or an extra argument)
 * becomes one plain line naming it; an option's value is never repeated in that line, so a
 * secret pasted by mistake does not end up in a log.
 */
export function parseCommand(
  shape: CommandShape,
  args: readonly string[],
): Result<ParsedCommand, string> {
  const options = optionsOf(shape);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: shape.positionals.length > 0 || shape.ignoreExtra === true,
      tokens: true,
    });
  } catch (error) {
    return fail(explain(shape, options, args, error));
  }
  const help = parsed.values.help === true;
  const values: Record<string, string | undefined> = {};
  const seen = new Set<string>();
  const flags = new Set<string>();
  const lists: Record<string, string[]> = {};
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.name === 'help') continue;
    if (options[token.name]?.multiple) {
      if (!token.value) return fail(missingValue(shape, options, token.name));
      (lists[token.name] ??= []).push(token.value);
      continue;
    }
    if (seen.has(token.name))
      return fail(
        `option ${optionLabel(options, token.name)} for ${shape.command} is given twice; give it once; ${seeHelp}`,
      );
    seen.add(token.name);
    if (options[token.name]?.type === 'boolean') {
      flags.add(token.name);
      continue;
    }
    if (!token.value) return fail(missingValue(shape, options, token.name));
    values[token.name] = token.value;
  }
  if (help)
    return succeed({ options: values, lists, flags, positionals: parsed.positionals, help });
  const extra = parsed.positionals[shape.positionals.length];
  if (extra !== undefined && !shape.ignoreExtra)
    return fail(`unexpected argument "${extra}" for ${shape.command}; ${seeHelp}`);
  for (const [index, { missing }] of shape.positionals.entries())
    if (!parsed.positionals[index]) return fail(missing);
  return succeed({ options: values, lists, flags, positionals: parsed.positionals, help });
}

/** "-o/--out" for an option with a short form, "--set" otherwise. */
function optionLabel(options: Options, name: string): string {
  const short = options[name]?.short;
  return short ? `-${short}/--${name}` : `--${name}`;
}

function missingValue(shape: CommandShape, options: Options, name: string): string {
  return `option ${optionLabel(options, name)} for ${shape.command} needs a value; ${seeHelp}`;
}

/** The one line for what strict parsing refused, found again in the tokens of a lenient parse. */
function explain(
  shape: CommandShape,
  options: Options,
  args: readonly string[],
  error: unknown,
): string {
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional' && shape.positionals.length === 0 && !shape.ignoreExtra)
      return `unexpected argument "${token.value}" for ${shape.command}; ${seeHelp}`;
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) return unknownOption(shape, token.rawName);
    if (option.type === 'boolean' && token.value !== undefined)
      return `option ${token.rawName} for ${shape.command} takes no value; ${seeHelp}`;
    if (
      option.type === 'string' &&
      (token.value === undefined || (token.inlineValue === false && token.value.startsWith('-')))
    )
      return missingValue(shape, options, token.name);
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `${reason} (${shape.command}); ${seeHelp}`;
}

function unknownOption(shape: CommandShape, raw: string): string {
  if (/^--?passphrase$/i.test(raw))
    return `unknown option ${raw} for ${shape.command}: a passphrase is never taken on the command line, where shell history and ps would show it; use --passphrase-file FILE or the CELLGUARD_PASSPHRASE environment variable`;
  const known = ['help', ...Object.keys(shape.options)];
  const near = raw.startsWith('--')
    ? known.find((name) => editDistance(raw.slice(2), name) <= 2)
    : undefined;
  const hint = near ? ` (did you mean --${near}?)` : '';
  return `unknown option ${raw} for ${shape.command}${hint}; ${seeHelp}`;
}

/** Levenshtein distance, for "did you mean": option names are short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
