import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, newMessage, unique } from "../support/storeFixtures.js";

describeEachStore("store contract: messages (the outbox)", (s) => {
  const { existingPool } = existingRows(s);

  it("messages.append returns the message with its id", async () => {
    const message = newMessage(await existingPool());
    const appended = await s().messages.append(message);
    assert.deepEqual(appended, { ...message, id: appended.id });
  });

  it("messages.append returns increasing ids", async () => {
    const poolId = await existingPool();
    const first = await s().messages.append(newMessage(poolId));
    const second = await s().messages.append(newMessage(poolId));
    assert.ok(second.id > first.id, `${second.id} should exceed ${first.id}`);
  });

  it("an SMS without a subject reads back as appended", async () => {
    const poolId = await existingPool();
    const appended = await s().messages.append(
      newMessage(poolId, { deliveryMedium: "SMS", destination: "+15555550100", subject: null, body: "Code: 123 ✓" }),
    );
    assert.deepEqual(await s().messages.list({ poolId, limit: 10 }), [appended]);
  });

  it("messages.list returns a pool's messages in insertion order", async () => {
    const poolId = await existingPool();
    const appended = [];
    for (const destination of ["c@example.com", "a@example.com", "b@example.com"]) {
      appended.push(await s().messages.append(newMessage(poolId, { destination })));
    }
    assert.deepEqual(await s().messages.list({ poolId, limit: 10 }), appended);
  });

  it("messages.list filtered by pool leaves out other pools' messages", async () => {
    const poolId = await existingPool();
    await s().messages.append(newMessage(await existingPool()));
    const mine = await s().messages.append(newMessage(poolId));
    assert.deepEqual(await s().messages.list({ poolId, limit: 10 }), [mine]);
  });

  it("messages.list filtered by destination returns that destination's messages from every pool", async () => {
    const destination = unique("inbox") + "@example.com";
    const first = await s().messages.append(newMessage(await existingPool(), { destination }));
    await s().messages.append(newMessage(await existingPool()));
    const second = await s().messages.append(newMessage(await existingPool(), { destination }));
    assert.deepEqual(await s().messages.list({ destination, limit: 10 }), [first, second]);
  });

  it("messages.list filtered by pool and destination needs both to match", async () => {
    const poolId = await existingPool();
    const destination = unique("inbox") + "@example.com";
    await s().messages.append(newMessage(await existingPool(), { destination }));
    await s().messages.append(newMessage(poolId));
    const match = await s().messages.append(newMessage(poolId, { destination }));
    assert.deepEqual(await s().messages.list({ poolId, destination, limit: 10 }), [match]);
  });

  it("messages.list with afterId starts strictly after that id", async () => {
    const poolId = await existingPool();
    const first = await s().messages.append(newMessage(poolId));
    const second = await s().messages.append(newMessage(poolId));
    const third = await s().messages.append(newMessage(poolId));
    assert.deepEqual(await s().messages.list({ poolId, afterId: first.id, limit: 10 }), [second, third]);
  });

  it("messages.list honours the limit, oldest first", async () => {
    const poolId = await existingPool();
    const first = await s().messages.append(newMessage(poolId));
    const second = await s().messages.append(newMessage(poolId));
    await s().messages.append(newMessage(poolId));
    assert.deepEqual(await s().messages.list({ poolId, limit: 2 }), [first, second]);
  });
});
