import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { K, N, pow, powG } from "../../src/domain/kernel/srp.js";
import { modPow, SRP_N } from "../support/srpClient.js";

/**
 * The server's exponentiations run in OpenSSL through Node's
 * Diffie-Hellman objects; these pin down what Node 20 does with them
 * against plain BigInt arithmetic and the reference's values (§4.3).
 */
describe("SRP arithmetic on Node's Diffie-Hellman objects", () => {
  const exponents = [1n, 2n, 0xffn, 0x80n << 248n, (1n << 256n) - 1n, BigInt(`0x${"9c".repeat(64)}`)];

  it("uses the reference's N and k", () => {
    assert.equal(N, SRP_N);
    assert.equal(K.toString(16), "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6");
  });

  it("setPrivateKey(e) then generateKeys() is g^e mod N, for small exponents and ones with the high bit set", () => {
    for (const e of exponents) assert.equal(powG(e), modPow(2n, e), `e = ${e.toString(16)}`);
  });

  it("computeSecret(X) with private key e is X^e mod N, leading zero bytes of the result included", () => {
    const bases = [3n, N - 3n, BigInt(`0x${"01".repeat(200)}`), modPow(2n, 12345n)];
    for (const base of bases) for (const e of exponents) assert.equal(pow(base, e), modPow(base, e));
  });

  it("refuses 1 and N − 1 as bases (OpenSSL's check of a peer key), which callers treat as a failed proof", () => {
    assert.throws(() => pow(1n, 5n));
    assert.throws(() => pow(N - 1n, 5n));
  });
});
