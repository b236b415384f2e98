import assert from "node:assert/strict";
import { it } from "node:test";
import {
  CreateManagedLoginBrandingCommand,
  DeleteManagedLoginBrandingCommand,
  DescribeManagedLoginBrandingByClientCommand,
  DescribeManagedLoginBrandingCommand,
  UpdateManagedLoginBrandingCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createAppClient, createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const SETTINGS = { components: { primaryButton: { lightMode: { defaults: { backgroundColor: "0972d3ff" } } } } };
const LOGO = {
  Category: "FORM_LOGO" as const,
  ColorMode: "LIGHT" as const,
  Extension: "PNG" as const,
  Bytes: new Uint8Array([1, 2, 3]),
};

describeEachEngine("managed login branding", (t) => {
  async function poolAndClient(): Promise<{ poolId: string; clientId: string }> {
    const poolId = await createPool(t().client);
    return { poolId, clientId: (await createAppClient(t().client, poolId)).clientId };
  }

  it("creates a style with settings and assets; Describe and DescribeByClient return it as put", async () => {
    const { poolId, clientId } = await poolAndClient();
    const { ManagedLoginBranding } = await t().client.send(
      new CreateManagedLoginBrandingCommand({ UserPoolId: poolId, ClientId: clientId, Settings: SETTINGS, Assets: [LOGO] }),
    );
    assert.equal(ManagedLoginBranding?.UserPoolId, poolId);
    assert.equal(ManagedLoginBranding?.UseCognitoProvidedValues, false);
    assert.deepEqual(ManagedLoginBranding?.Settings, SETTINGS);
    assert.deepEqual(ManagedLoginBranding?.Assets, [LOGO]);
    const id = ManagedLoginBranding?.ManagedLoginBrandingId ?? "";
    const described = await t().client.send(
      new DescribeManagedLoginBrandingCommand({ UserPoolId: poolId, ManagedLoginBrandingId: id }),
    );
    assert.deepEqual(described.ManagedLoginBranding, ManagedLoginBranding);
    const byClient = await t().client.send(
      new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: poolId, ClientId: clientId }),
    );
    assert.deepEqual(byClient.ManagedLoginBranding, ManagedLoginBranding);
  });

  it("a style without settings uses Cognito's values; both at once is refused", async () => {
    const { poolId, clientId } = await poolAndClient();
    await rejectsWith(
      t().client.send(
        new CreateManagedLoginBrandingCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          UseCognitoProvidedValues: true,
          Settings: SETTINGS,
        }),
      ),
      "InvalidParameterException",
    );
    const { ManagedLoginBranding } = await t().client.send(
      new CreateManagedLoginBrandingCommand({ UserPoolId: poolId, ClientId: clientId }),
    );
    assert.equal(ManagedLoginBranding?.UseCognitoProvidedValues, true);
    assert.equal(ManagedLoginBranding?.Settings, undefined);
    assert.deepEqual(ManagedLoginBranding?.Assets, []);
  });

  it("allows one style per client, and refuses an unknown client", async () => {
    const { poolId, clientId } = await poolAndClient();
    await t().client.send(new CreateManagedLoginBrandingCommand({ UserPoolId: poolId, ClientId: clientId }));
    await rejectsWith(
      t().client.send(new CreateManagedLoginBrandingCommand({ UserPoolId: poolId, ClientId: clientId })),
      "ManagedLoginBrandingExistsException",
    );
    await rejectsWith(
      t().client.send(new CreateManagedLoginBrandingCommand({ UserPoolId: poolId, ClientId: "unknownclient000" })),
      "ResourceNotFoundException",
    );
  });

  it("updates settings and assets, keeping what the request leaves out; deletes", async () => {
    const { poolId, clientId } = await poolAndClient();
    const created = await t().client.send(
      new CreateManagedLoginBrandingCommand({ UserPoolId: poolId, ClientId: clientId, Settings: SETTINGS, Assets: [LOGO] }),
    );
    const ManagedLoginBrandingId = created.ManagedLoginBranding?.ManagedLoginBrandingId ?? "";
    const next = { categories: { global: { colorSchemeMode: "DARK" } } };
    const { ManagedLoginBranding } = await t().client.send(
      new UpdateManagedLoginBrandingCommand({ UserPoolId: poolId, ManagedLoginBrandingId, Settings: next }),
    );
    assert.deepEqual(ManagedLoginBranding?.Settings, next);
    assert.deepEqual(ManagedLoginBranding?.Assets, [LOGO]);
    await t().client.send(new DeleteManagedLoginBrandingCommand({ UserPoolId: poolId, ManagedLoginBrandingId }));
    await rejectsWith(
      t().client.send(new DescribeManagedLoginBrandingCommand({ UserPoolId: poolId, ManagedLoginBrandingId })),
      "ResourceNotFoundException",
    );
  });

  it("holds the model's asset limits", async () => {
    const { poolId, clientId } = await poolAndClient();
    await rejectsWith(
      t().client.send(
        new CreateManagedLoginBrandingCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          Assets: Array.from({ length: 41 }, () => LOGO),
        }),
      ),
      "InvalidParameterException",
      /length less than or equal to 40/,
    );
  });
});
