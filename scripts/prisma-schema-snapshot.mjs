#!/usr/bin/env node
// A Prisma generator (run by `prisma generate`) that writes the parsed data model as JSON, so the
// schema drift test can compare prisma/schema with the database built by prisma/migrations.
// It speaks Prisma's generator protocol: JSON-RPC requests on stdin, answers on stderr.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";

const answer = (id, result) => process.stderr.write(`${JSON.stringify({ jsonrpc: "2.0", id, result })}\n`);

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return;
  }
  if (message.method === "getManifest") {
    answer(message.id, { manifest: { prettyName: "Schema snapshot", defaultOutput: "schema-snapshot.json", requiresEngines: [] } });
  } else if (message.method === "generate") {
    const output = message.params.generator.output.value;
    fs.mkdirSync(path.dirname(output), { recursive: true });
    const { models, enums, indexes } = message.params.dmmf.datamodel;
    fs.writeFileSync(output, JSON.stringify({ models, enums, indexes }, null, 2));
    answer(message.id, null);
    process.exit(0);
  }
});
