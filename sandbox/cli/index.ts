/**
 * The sandbox command line (aws / docker subsets): one parser and interpreter shared by the
 * terminal island and the headless runner. Pure: it reads a world and returns actions.
 */
export type { CliEnv, CliOutcome, CliSession, CommandOutput, OutputFormat } from './types.ts';
export { interpret, helpText, echoLine, MAX_LINE_LENGTH } from './interpret.ts';
export { complete, commonPrefix } from './complete.ts';
export type { Completion } from './complete.ts';
export { tokenize, quoteWord } from './tokenize.ts';
export { parseShorthand, parseStructure } from './shorthand.ts';
export { parseCommandFile, looksLikeCommandFile, runCommandFile } from './command-file.ts';
export type { CommandFileLine, CommandFileResult, CommandFileRun } from './command-file.ts';
export { readTaskDefinitionInput, validationFailedText } from './aws/ecs/task-definition-input.ts';
export { registerAwsOperations, AWS_SERVICES } from './aws/aws.ts';
export { runCommandLine } from './run.ts';
