import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachStore } from "../support/storeContract.js";
import { unique } from "../support/storeFixtures.js";

describeEachStore("store contract: settings", (s) => {
  it("an unknown setting reads as undefined", async () => {
    assert.equal(await s().settings.get(unique("setting")), undefined);
  });

  it("settings.putIfAbsent stores a new value and returns it", async () => {
    const key = unique("setting");
    assert.equal(await s().settings.putIfAbsent(key, "first"), "first");
    assert.equal(await s().settings.get(key), "first");
  });

  it("settings.putIfAbsent keeps the first value and returns it", async () => {
    const key = unique("setting");
    await s().settings.putIfAbsent(key, "first");
    assert.equal(await s().settings.putIfAbsent(key, "second"), "first");
    assert.equal(await s().settings.get(key), "first");
  });
});
