import { Command, InvalidArgumentError, Option } from "commander";
import { createAdminKey, deleteAdminKey, listAdminKeys } from "../domain/access/adminKeys.js";
import { listOutbox } from "../domain/courier/outbox.js";
import { compact } from "../domain/kernel/compact.js";
import type { DomainContext } from "../domain/kernel/context.js";
import { getPool } from "../domain/pools/pools.js";
import { rotateSigningKeys } from "../domain/tokens/signingKeys.js";
import { createLogger } from "../server/logger.js";
import { openDomain, startServer } from "../server/startServer.js";
import type { MessageRecord } from "../store/records.js";

const DEFAULT_DATA = "./.userpool";

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("expected a port number between 0 and 65535");
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number of at least 1");
  return n;
}

const dataOption = () =>
  new Option("--data <location>", "a directory (SQLite inside), :memory:, or a postgres:// URL").default(DEFAULT_DATA);

/** Runs fn against the store at --data, without a server, and closes it. */
async function withDomain(data: string, fn: (domain: DomainContext) => Promise<void>): Promise<void> {
  const domain = await openDomain({ data, logger: createLogger("warn") });
  try {
    await fn(domain);
  } finally {
    await domain.store.close();
  }
}

const program = new Command("userpool")
  .description("A self-hosted user pool server that speaks the Amazon Cognito Identity Provider protocol")
  .showHelpAfterError();

program
  .command("serve")
  .description("start the server")
  .option("--host <host>", "address to listen on", "127.0.0.1")
  .option("--port <port>", "port to listen on; 0 picks a free one", port, 9330)
  .addOption(dataOption())
  .option("--region <region>", "AWS region to answer as (default: USERPOOL_REGION or us-east-1)")
  .option(
    "--public-url <url>",
    "public base URL for token issuers and JWKS links (default: USERPOOL_PUBLIC_URL or the server's own URL)",
  )
  .addOption(
    new Option("--password-hash <cost>", "password hashing cost; fast is for test suites only")
      .choices(["standard", "fast"])
      .default("standard"),
  )
  .addOption(
    new Option(
      "--outbox-codes <mode>",
      "whether the outbox keeps codes and temporary passwords as sent (plain, for development) or masked",
    )
      .choices(["plain", "masked"])
      .default("masked"),
  )
  .addOption(
    new Option(
      "--request-quotas <mode>",
      "cognito refuses requests beyond Cognito's default request rates per category, counted in this process",
    )
      .choices(["off", "cognito"])
      .default("off"),
  )
  .addOption(
    new Option("--log-level <level>", "log level (logs go to stderr)")
      .choices(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default(process.env.USERPOOL_LOG_LEVEL ?? "info"),
  )
  .option("--max-connections <n>", "open connections in all (default 900)", positiveInteger)
  .option("--max-connections-per-address <n>", "open connections from one client address (default 256)", positiveInteger)
  .action(
    async (opts: {
      host: string;
      port: number;
      data: string;
      region?: string;
      publicUrl?: string;
      passwordHash: "standard" | "fast";
      outboxCodes: "plain" | "masked";
      requestQuotas: "off" | "cognito";
      logLevel: "info";
      maxConnections?: number;
      maxConnectionsPerAddress?: number;
    }) => {
      const server = await startServer(
        compact({
          host: opts.host,
          port: opts.port,
          data: opts.data,
          region: opts.region,
          publicUrl: opts.publicUrl,
          passwordHash: opts.passwordHash,
          outboxCodes: opts.outboxCodes,
          requestQuotas: opts.requestQuotas,
          logLevel: opts.logLevel,
          maxConnections: opts.maxConnections,
          maxConnectionsPerAddress: opts.maxConnectionsPerAddress,
        }),
      );
      if (server.credentialsGenerated && server.credentials !== undefined) {
        process.stdout.write(
          "Generated an admin access key on first start; it is shown only this once:\n" +
            `  USERPOOL_ACCESS_KEY_ID=${server.credentials.accessKeyId}\n` +
            `  USERPOOL_SECRET_ACCESS_KEY=${server.credentials.secretAccessKey}\n`,
        );
      }
      process.stdout.write(`userpool listening on ${server.url} (region ${server.region})\n`);
      const stop = (signal: string) => {
        server.logger.info({ signal }, "draining");
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            server.logger.error({ err: error }, "shutdown failed");
            process.exit(1);
          },
        );
      };
      process.once("SIGTERM", () => stop("SIGTERM"));
      process.once("SIGINT", () => stop("SIGINT"));
    },
  );

const keys = program.command("keys").description("manage admin access keys (SigV4 credentials) and pools' token signing keys");

keys
  .command("create")
  .description("create an access key; the secret is shown once")
  .addOption(dataOption())
  .option("--description <text>", "what the key is for")
  .action(async (opts: { data: string; description?: string }) => {
    await withDomain(opts.data, async (domain) => {
      const key = await createAdminKey(domain, opts.description ?? null);
      process.stdout.write(`USERPOOL_ACCESS_KEY_ID=${key.accessKeyId}\nUSERPOOL_SECRET_ACCESS_KEY=${key.secretAccessKey}\n`);
    });
  });

keys
  .command("rotate")
  .description("give a pool new token signing keys; tokens signed with the old ones stay valid until they expire")
  .requiredOption("--pool <poolId>", "the user pool")
  .option("--revoke-now", "stop trusting and publishing the old keys at once (a key leaked); their tokens stop working")
  .addOption(dataOption())
  .action(async (opts: { data: string; pool: string; revokeNow?: boolean }) => {
    await withDomain(opts.data, async (domain) => {
      await getPool(domain, opts.pool);
      await rotateSigningKeys(domain, opts.pool, { revokeNow: opts.revokeNow === true });
      process.stdout.write(
        `rotated the signing keys of ${opts.pool}${opts.revokeNow === true ? "; the old keys are revoked" : ""}\n`,
      );
    });
  });

keys
  .command("list")
  .description("list access key ids (never secrets)")
  .addOption(dataOption())
  .action(async (opts: { data: string }) => {
    await withDomain(opts.data, async (domain) => {
      for (const key of await listAdminKeys(domain)) {
        process.stdout.write(`${key.accessKeyId}\t${new Date(key.createdAt).toISOString()}\t${key.description ?? ""}\n`);
      }
    });
  });

keys
  .command("delete")
  .description("delete an access key; requests signed with it stop working within 10 seconds")
  .argument("<accessKeyId>")
  .addOption(dataOption())
  .action(async (accessKeyId: string, opts: { data: string }) => {
    await withDomain(opts.data, async (domain) => {
      if (!(await deleteAdminKey(domain, accessKeyId))) {
        process.stderr.write(`no access key ${accessKeyId}\n`);
        process.exitCode = 1;
      }
    });
  });

const FOLLOW_INTERVAL_MS = 500;

function printMessage(message: MessageRecord, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...message, createdAt: new Date(message.createdAt).toISOString() })}\n`);
    return;
  }
  process.stdout.write(
    `#${message.id} ${new Date(message.createdAt).toISOString()} ${message.deliveryMedium} to ${message.destination}` +
      ` (pool ${message.poolId}, user ${message.username}, ${message.reason})\n` +
      (message.subject === null ? "" : `Subject: ${message.subject}\n`) +
      `${message.body}\n\n`,
  );
}

program
  .command("outbox")
  .description("print the messages the server sent (invitations, codes), oldest first")
  .addOption(dataOption())
  .option("--pool <poolId>", "only this user pool's messages")
  .option("--to <address>", "only messages to this email address or phone number")
  .option("--follow", "keep printing new messages as they arrive")
  .option("--json", "one JSON object per line")
  .action(async (opts: { data: string; pool?: string; to?: string; follow?: boolean; json?: boolean }) => {
    await withDomain(opts.data, async (domain) => {
      let afterId: number | undefined;
      for (;;) {
        const messages = await listOutbox(domain, compact({ poolId: opts.pool, to: opts.to, afterId, limit: 1000 }));
        for (const message of messages) printMessage(message, opts.json === true);
        afterId = messages.at(-1)?.id ?? afterId;
        if (messages.length === 1000) continue;
        if (opts.follow !== true) return;
        await new Promise((resolve) => setTimeout(resolve, FOLLOW_INTERVAL_MS));
      }
    });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`userpool: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
