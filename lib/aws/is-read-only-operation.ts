/**
 * The one rule that keeps Silkroute's reads of AWS read-only: an operation may be called only when
 * its name starts with List, Describe or Get. The client factory enforces it at run time and
 * lib/aws/read-only-imports.test.ts enforces it over the source tree.
 */
const READ_ONLY_PREFIX = /^(List|Describe|Get)[A-Z0-9]/;

/** `operation` is an SDK operation name ("ListThings") or command name ("ListThingsCommand"). */
export function isReadOnlyOperation(operation: string): boolean {
  return READ_ONLY_PREFIX.test(operationName(operation));
}

/** "ListThingsCommand" -> "ListThings"; an operation name is returned unchanged. */
export function operationName(commandOrOperation: string): string {
  return commandOrOperation.endsWith("Command") ? commandOrOperation.slice(0, -"Command".length) : commandOrOperation;
}
