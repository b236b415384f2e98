import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { it } from "node:test";
import { GetSigningCertificateCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("GetSigningCertificate", (t) => {
  const certificateOf = async (UserPoolId: string) =>
    (await t().client.send(new GetSigningCertificateCommand({ UserPoolId }))).Certificate ?? "";

  it("answers a self-signed X.509 certificate, base64 DER, whose key is one the pool's JWKS publishes", async () => {
    const poolId = await createPool(t().client);
    const body = await certificateOf(poolId);
    assert.match(body, /^[A-Za-z0-9+/]+=*$/);
    const certificate = new X509Certificate(Buffer.from(body, "base64"));
    assert.equal(certificate.subject, `CN=${poolId}`);
    assert.ok(certificate.verify(certificate.publicKey), "self-signed: its own key verifies it");
    const jwk = certificate.publicKey.export({ format: "jwk" });
    const jwks = (await (await fetch(`${t().url}/${poolId}/.well-known/jwks.json`)).json()) as {
      keys: { n: string; e: string }[];
    };
    assert.ok(jwks.keys.some((key) => key.n === jwk.n && key.e === jwk.e));
  });

  it("answers the same certificate on every call, and another pool gets its own", async () => {
    const poolId = await createPool(t().client);
    const first = await certificateOf(poolId);
    assert.equal(await certificateOf(poolId), first);
    assert.notEqual(await certificateOf(await createPool(t().client)), first);
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(
      t().client.send(new GetSigningCertificateCommand({ UserPoolId: "us-east-1_000000000" })),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });
});
