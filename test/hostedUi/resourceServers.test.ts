import assert from "node:assert/strict";
import { it } from "node:test";
import {
  CreateResourceServerCommand,
  DeleteResourceServerCommand,
  DescribeResourceServerCommand,
  ListResourceServersCommand,
  paginateListResourceServers,
  UpdateResourceServerCommand,
  UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createAppClient, createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const SCOPES = [
  { ScopeName: "read", ScopeDescription: "Read things" },
  { ScopeName: "write", ScopeDescription: "Write things" },
];

describeEachEngine("resource servers", (t) => {
  const create = (UserPoolId: string, Identifier: string, Scopes = SCOPES, Name = "API") =>
    t().client.send(new CreateResourceServerCommand({ UserPoolId, Identifier, Name, Scopes }));
  const describe = (UserPoolId: string, Identifier: string) =>
    t().client.send(new DescribeResourceServerCommand({ UserPoolId, Identifier }));

  it("creates a resource server; Describe and List return it as put", async () => {
    const poolId = await createPool(t().client);
    const { ResourceServer } = await create(poolId, "https://api.example.com");
    assert.deepEqual(ResourceServer, { UserPoolId: poolId, Identifier: "https://api.example.com", Name: "API", Scopes: SCOPES });
    assert.deepEqual((await describe(poolId, "https://api.example.com")).ResourceServer, ResourceServer);
    const listed = await t().client.send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 10 }));
    assert.deepEqual(listed.ResourceServers, [ResourceServer]);
  });

  it("a server without scopes answers an empty list of scopes", async () => {
    const poolId = await createPool(t().client);
    assert.deepEqual((await create(poolId, "bare", [])).ResourceServer?.Scopes, []);
  });

  it("refuses an identifier the pool has, and duplicate scope names", async () => {
    const poolId = await createPool(t().client);
    await create(poolId, "api");
    await rejectsWith(create(poolId, "api"), "InvalidParameterException", `api already exists in user pool ${poolId}.`);
    await rejectsWith(
      create(
        poolId,
        "dup",
        [SCOPES[0], SCOPES[0]].flatMap((s) => (s ? [s] : [])),
      ),
      "InvalidParameterException",
    );
  });

  it("holds the model's limits: 100 scopes per server, identifiers of printable ASCII up to 256", async () => {
    const poolId = await createPool(t().client);
    const many = Array.from({ length: 101 }, (_, i) => ({ ScopeName: `s${i}`, ScopeDescription: "d" }));
    await rejectsWith(
      create(poolId, "big", many),
      "InvalidParameterException",
      /'scopes' failed to satisfy constraint: Member must have length less than or equal to 100/,
    );
    assert.equal((await create(poolId, "hundred", many.slice(0, 100))).ResourceServer?.Scopes?.length, 100);
    await rejectsWith(create(poolId, "has space"), "InvalidParameterException", /'identifier'/);
    await rejectsWith(create(poolId, "a".repeat(257)), "InvalidParameterException", /length less than or equal to 256/);
    await rejectsWith(
      create(poolId, "slashed", [{ ScopeName: "a/b", ScopeDescription: "d" }]),
      "InvalidParameterException",
      /scopeName/,
    );
  });

  it("allows 25 resource servers per pool, then LimitExceededException", async () => {
    const poolId = await createPool(t().client);
    for (let i = 0; i < 25; i++) await create(poolId, `server-${i}`, []);
    await rejectsWith(create(poolId, "one-too-many", []), "LimitExceededException");
  });

  it("updates name and scopes with replace semantics", async () => {
    const poolId = await createPool(t().client);
    await create(poolId, "api");
    const scopes = [{ ScopeName: "admin", ScopeDescription: "Everything" }];
    const { ResourceServer } = await t().client.send(
      new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: "api", Name: "Renamed", Scopes: scopes }),
    );
    assert.deepEqual(ResourceServer, { UserPoolId: poolId, Identifier: "api", Name: "Renamed", Scopes: scopes });
    assert.deepEqual((await describe(poolId, "api")).ResourceServer, ResourceServer);
    await t().client.send(new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: "api", Name: "Renamed" }));
    assert.deepEqual((await describe(poolId, "api")).ResourceServer?.Scopes, []);
  });

  it("answers an unknown server with ResourceNotFoundException on Describe, Update and Delete", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(describe(poolId, "nothing"), "ResourceNotFoundException");
    await rejectsWith(
      t().client.send(new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: "nothing", Name: "n" })),
      "ResourceNotFoundException",
    );
    await rejectsWith(
      t().client.send(new DeleteResourceServerCommand({ UserPoolId: poolId, Identifier: "nothing" })),
      "ResourceNotFoundException",
    );
    await rejectsWith(
      describe("us-east-1_000000000", "x"),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });

  it("deletes a server", async () => {
    const poolId = await createPool(t().client);
    await create(poolId, "api");
    await t().client.send(new DeleteResourceServerCommand({ UserPoolId: poolId, Identifier: "api" }));
    await rejectsWith(describe(poolId, "api"), "ResourceNotFoundException");
  });

  it("lists servers by identifier, page by page", async () => {
    const poolId = await createPool(t().client);
    for (const id of ["c", "a", "b"]) await create(poolId, id, []);
    const ids: string[] = [];
    for await (const page of paginateListResourceServers(
      { client: t().client, pageSize: 2 },
      { UserPoolId: poolId, MaxResults: 2 },
    )) {
      ids.push(...(page.ResourceServers ?? []).map((s) => s.Identifier ?? ""));
    }
    assert.deepEqual(ids, ["a", "b", "c"]);
  });

  it("an app client may allow standard scopes and the pool's custom scopes; an unknown scope is ScopeDoesNotExistException", async () => {
    const poolId = await createPool(t().client);
    await create(poolId, "api");
    const { clientId } = await createAppClient(t().client, poolId, { AllowedOAuthScopes: ["openid", "email", "api/read"] });
    await rejectsWith(
      createAppClient(t().client, poolId, { AllowedOAuthScopes: ["api/delete"] }),
      "ScopeDoesNotExistException",
      "Invalid scope requested: api/delete",
    );
    await rejectsWith(
      t().client.send(
        new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, AllowedOAuthScopes: ["Cognito"] }),
      ),
      "ScopeDoesNotExistException",
      "Invalid scope requested: Cognito",
    );
  });
});
