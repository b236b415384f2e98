import { createHmac } from "node:crypto";
import type { DomainContext } from "../kernel/context.js";
import type { DeliveryMedium } from "../kernel/messageSender.js";
import type { Pool } from "../pools/pools.js";
import { foldCase, looksLikeEmail, looksLikePhoneNumber } from "../users/userKeys.js";
import { type CodeDeliveryDetails, maskDestination } from "./codeDelivery.js";
import { MEDIUM_ATTRIBUTE } from "./messages.js";

/**
 * What a code sent to nobody looks like, for a user the caller must not
 * learn about (reference §2.7; developer guide: the simulated medium follows
 * "the input username format and verification settings of the user pool").
 * `mediums` are those the operation could have used for a real user of this
 * pool, preferred first. A name that is an email or phone number such a
 * medium delivers to is masked as itself; otherwise the preferred medium
 * with a made-up destination, stable per pool and name so that asking twice
 * gives the same answer. Nothing is sent. Undefined when there is no
 * medium: the pool sends such codes to nobody, and the operation refuses
 * as it refuses every user.
 */
export function simulatedCodeDelivery(
  ctx: DomainContext,
  pool: Pool,
  username: string,
  mediums: readonly DeliveryMedium[],
): CodeDeliveryDetails | undefined {
  const [preferred] = mediums;
  if (preferred === undefined) return undefined;
  const details = (medium: DeliveryMedium, destination: string): CodeDeliveryDetails => ({
    Destination: destination,
    DeliveryMedium: medium,
    AttributeName: MEDIUM_ATTRIBUTE[medium],
  });
  if (mediums.includes("EMAIL") && looksLikeEmail(username)) return details("EMAIL", maskDestination("EMAIL", username));
  if (mediums.includes("SMS") && looksLikePhoneNumber(username)) return details("SMS", maskDestination("SMS", username));
  const seed = createHmac("sha256", ctx.sealer.deriveKey("simulated-delivery"))
    .update(`${pool.id}\u0000${foldCase(pool.settings, username)}`)
    .digest();
  const letter = (byte: number) => String.fromCharCode(97 + (byte % 26));
  if (preferred === "SMS") {
    const digits = [...seed.subarray(2, 6)].map((b) => String(b % 10)).join("");
    return details("SMS", maskDestination("SMS", `+1000000${digits}`));
  }
  return details("EMAIL", `${letter(seed[0] ?? 0)}***@${letter(seed[1] ?? 0)}***`);
}
