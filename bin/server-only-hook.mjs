// Node resolve hook: outside Next.js, `server-only` is a marker with nothing to enforce.
// The worker, the command line and the scripts all run on the server, so the marker resolves to an
// empty module there; inside Next.js the real package keeps guarding client bundles.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") {
    return { url: "data:text/javascript,export {};", shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
