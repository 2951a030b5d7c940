// `npm run admin -- <command>`: the operator's CLI, on the same lib functions as the UI. It works while
// the portal runs (it connects to the running embedded server) and when it is down (it serves the data
// directory itself for the duration).
import { parseArgs } from "node:util";
import { EnvError, parseEnv, resetEnvCache } from "@/lib/env";
import { EmbeddedDatabaseBusyError } from "@/lib/db/embedded";
import { DatabaseUnavailableError, openDatabase } from "@/lib/db/runtime";
import { DomainError, InvalidError } from "@/lib/errors";

const usage = `Usage: npm run admin -- <command> [options]

Commands:
  create-user    --email <email> --name <name> --password <password>
  reset-password --email <email> --password <password>
  create-team    --slug <slug> --name <name> [--owner <email>] [--description <text>]
  add-member     --team <slug> --email <email> [--role owner|maintainer|member|viewer]
  create-token   --team <slug> --name <name> [--expires-days <n>]   (prints the token alone on the last line)
  migrate        apply pending migrations
  seed-demo      create the demo organisation (idempotent)
`;

const options = {
  email: { type: "string" },
  name: { type: "string" },
  password: { type: "string" },
  slug: { type: "string" },
  owner: { type: "string" },
  description: { type: "string" },
  team: { type: "string" },
  role: { type: "string" },
  "expires-days": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") fail(`Missing --${name}\n\n${usage}`);
  return value;
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (!command || values.help) {
    console.log(usage);
    process.exit(command ? 0 : 1);
  }
  const known = ["create-user", "reset-password", "create-team", "add-member", "create-token", "migrate", "seed-demo"];
  if (!known.includes(command)) fail(`Unknown command "${command}"\n\n${usage}`);

  const settings = parseEnv();
  const database = await openDatabase(settings, "connect");
  console.error(`database: ${database.description}`);
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  const { getDb } = await import("@/lib/db/client");
  try {
    const { migrate } = await import("@/lib/db/migrate");
    if (command === "migrate") {
      const result = await migrate(database.url, { log: (line) => console.log(line) });
      console.log(result.applied.length ? `applied ${result.applied.length} migration(s)` : "schema up to date");
      return;
    }
    const { systemActor, userActor } = await import("@/lib/auth/actor");
    const actor = systemActor();
    switch (command) {
      case "seed-demo": {
        const { seedDemo } = await import("@/lib/demo/seed");
        await seedDemo((line) => console.log(line));
        break;
      }
      case "create-user": {
        const { createUser } = await import("@/lib/users/users.server");
        const user = await createUser({ email: required(values, "email"), name: required(values, "name"), password: required(values, "password") });
        console.log(`created user ${user.email} (${user.id})`);
        break;
      }
      case "reset-password": {
        const { resetPassword } = await import("@/lib/users/users.server");
        const user = await resetPassword(required(values, "email"), required(values, "password"));
        console.log(`reset the password of ${user.email}`);
        break;
      }
      case "create-team": {
        const { createTeam } = await import("@/lib/teams/teams.server");
        let ownerId: string | null = null;
        if (values.owner) {
          const owner = await getDb().user.findUnique({ where: { email: values.owner.trim().toLowerCase() } });
          if (!owner) throw InvalidError.field(["owner"], `No user has the email ${values.owner}`);
          ownerId = owner.id;
        }
        const team = await createTeam(ownerId ? userActor(ownerId) : actor, { slug: required(values, "slug"), name: required(values, "name"), description: values.description ?? "" }, ownerId);
        console.log(`created team ${team.slug}${values.owner ? ` owned by ${values.owner}` : ""}`);
        break;
      }
      case "add-member": {
        const { addMember } = await import("@/lib/teams/teams.server");
        const role = (values.role ?? "member").toUpperCase();
        await addMember(actor, required(values, "team"), { email: required(values, "email"), role: role as never });
        console.log(`added ${values.email} to ${values.team} as ${role.toLowerCase()}`);
        break;
      }
      case "create-token": {
        const { createToken } = await import("@/lib/tokens/tokens.server");
        const { token, secret } = await createToken(actor, required(values, "team"), { name: required(values, "name"), expiresInDays: values["expires-days"] ?? "never" });
        console.log(`created token "${token.name}" for team ${values.team}${token.expiresAt ? `, expires ${token.expiresAt.toISOString()}` : ""}. It is shown once:`);
        console.log(secret);
        break;
      }
    }
  } finally {
    await getDb().$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  if (error instanceof InvalidError) {
    const details = error.issues.map((issue) => `  --${issue.path.join(".") || "input"}: ${issue.message}`);
    fail(error.issues.length === 1 && error.issues[0].message === error.message ? details[0].trim() : [error.message, ...details].join("\n"));
  }
  if (error instanceof DomainError || error instanceof EnvError || error instanceof DatabaseUnavailableError || error instanceof EmbeddedDatabaseBusyError) fail(error.message);
  fail(`admin failed: ${error instanceof Error ? error.message : String(error)}`);
});
