import assert from "node:assert/strict";
import { it } from "node:test";
import {
  CreateUserPoolDomainCommand,
  GetUICustomizationCommand,
  SetUICustomizationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createAppClient, createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const CSS = ".banner-customizable { background-color: #112233; }";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let counter = 0;

describeEachEngine("UI customization", (t) => {
  async function poolWithDomain(): Promise<string> {
    const poolId = await createPool(t().client);
    await t().client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `ui-test-${process.pid}-${++counter}` }));
    return poolId;
  }
  const get = (UserPoolId: string, ClientId?: string) => t().client.send(new GetUICustomizationCommand({ UserPoolId, ClientId }));

  it("sets the pool's CSS and image (client ALL); Get returns what Set answered", async () => {
    const poolId = await poolWithDomain();
    const { UICustomization } = await t().client.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS, ImageFile: PNG }));
    assert.equal(UICustomization?.ClientId, "ALL");
    assert.equal(UICustomization?.CSS, CSS);
    assert.ok(UICustomization?.ImageUrl?.endsWith("/assets/images/image.jpg"));
    assert.ok(UICustomization?.CSSVersion);
    assert.ok(UICustomization?.CreationDate instanceof Date);
    assert.deepEqual((await get(poolId)).UICustomization, UICustomization);
  });

  it("a client has its own customization, and one without shows the pool's", async () => {
    const poolId = await poolWithDomain();
    const a = await createAppClient(t().client, poolId);
    const b = await createAppClient(t().client, poolId);
    await t().client.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS }));
    const own = await t().client.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: a.clientId, CSS: ".x{}" }));
    assert.deepEqual((await get(poolId, a.clientId)).UICustomization, own.UICustomization);
    const fallback = (await get(poolId, b.clientId)).UICustomization;
    assert.equal(fallback?.ClientId, "ALL");
    assert.equal(fallback?.CSS, CSS);
  });

  it("a pool never customized answers only its ids", async () => {
    const poolId = await poolWithDomain();
    assert.deepEqual((await get(poolId)).UICustomization, { UserPoolId: poolId, ClientId: "ALL" });
  });

  it("needs a domain first, a known client and a known pool", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS })),
      "InvalidParameterException",
      "A domain must be associated with this user pool.",
    );
    const withDomain = await poolWithDomain();
    await rejectsWith(
      t().client.send(new SetUICustomizationCommand({ UserPoolId: withDomain, ClientId: "unknownclient1234", CSS })),
      "ResourceNotFoundException",
    );
    await rejectsWith(get("us-east-1_000000000"), "ResourceNotFoundException");
  });
});
