import { InvalidParameterException, LimitExceededException, UnsupportedOperationException } from "../../errors.js";
import { atomically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import { getPool, type Pool } from "../pools/pools.js";
import { saveUser } from "../users/saveUser.js";
import { type User, userFromRecord } from "../users/user.js";
import { requireUser, userNotFound } from "../users/userLookup.js";
import { getIdentityProvider } from "./identityProviders.js";
import { SOCIAL_TYPES } from "./providerDetails.js";

const KIND = "provider-link";
/** Reference §8.2: linked identities per user. */
export const MAX_IDENTITIES_PER_USER = 5;
/** The provider name that stands for the pool's own (native) users. */
const COGNITO = "Cognito";

export interface ProviderUser {
  ProviderName?: string;
  ProviderAttributeName?: string;
  ProviderAttributeValue?: string;
}

/**
 * One entry of the `identities` attribute, in the shape Cognito writes it
 * (AdminGetUser's sample response in the API reference; a real answer for an
 * OIDC provider quoted in research-pool-surface.md):
 * {"userId","providerName","providerType","issuer":null,"primary":false,"dateCreated":<epoch ms>}.
 */
interface Identity {
  userId: string;
  providerName: string;
  providerType: string;
  issuer: null;
  primary: boolean;
  dateCreated: number;
}

function identitiesOf(user: User): Identity[] {
  const raw = user.attributes.identities;
  return raw === undefined ? [] : (JSON.parse(raw) as Identity[]);
}

const linkName = (providerName: string, value: string) => `${providerName}:${value}`;

/**
 * The user a source identity is linked to (the link row holds the user's
 * `sub`, which never changes), if that user still exists: a deleted user's
 * links are dropped here.
 */
async function linkedUser(ctx: DomainContext, pool: Pool, name: string): Promise<User | undefined> {
  const row = await ctx.store.poolResources.get(pool.id, KIND, name);
  if (row === undefined) return undefined;
  const record = await ctx.store.users.find(pool.id, { by: "sub", value: row.body as string });
  if (record !== undefined) return userFromRecord(record);
  await ctx.store.poolResources.delete(pool.id, KIND, name);
  return undefined;
}

function required(user: ProviderUser, role: string): { ProviderName: string; ProviderAttributeValue: string } {
  if (user.ProviderName === undefined || user.ProviderAttributeValue === undefined) {
    throw new InvalidParameterException(`${role} must have a ProviderName and a ProviderAttributeValue.`);
  }
  return { ProviderName: user.ProviderName, ProviderAttributeValue: user.ProviderAttributeValue };
}

/**
 * AdminLinkProviderForUser, as data (federated sign-in is not built): the
 * source identity is recorded in the destination user's `identities`.
 * Checks, per the API reference: the destination is a user of the pool
 * (ProviderName "Cognito", the value its username; its attribute name is
 * ignored); the source names an identity provider of the pool, not
 * "Cognito" (InvalidParameterException "Invalid SourceUser: Cognito users
 * with a username/password may not be passed in as a SourceUser, only as a
 * DestinationUser", quoted in boto/boto3#4163); a social source uses the
 * attribute name Cognito_Subject. A source already linked to a user of the
 * pool is refused with the message Cognito gives for merging (quoted in
 * aws/aws-sdk-net#1000); a user has 5 linked identities at most.
 */
export async function linkProviderForUser(
  ctx: DomainContext,
  poolId: string,
  destination: ProviderUser,
  source: ProviderUser,
): Promise<void> {
  const pool = await getPool(ctx, poolId);
  const dest = required(destination, "DestinationUser");
  const src = required(source, "SourceUser");
  if (dest.ProviderName !== COGNITO) {
    throw new UnsupportedOperationException("A federated DestinationUser is not supported yet: federated users are not built.");
  }
  if (src.ProviderName === COGNITO) {
    throw new InvalidParameterException(
      "Invalid SourceUser: Cognito users with a username/password may not be passed in as a SourceUser, only as a DestinationUser",
    );
  }
  const provider = await getIdentityProvider(ctx, pool.id, src.ProviderName).catch(() => {
    // Message guessed (research-pool-surface.md).
    throw new InvalidParameterException(
      `SourceUser ProviderName ${src.ProviderName} is not an identity provider of user pool ${pool.id}.`,
    );
  });
  if (SOCIAL_TYPES.has(provider.type) && source.ProviderAttributeName !== "Cognito_Subject") {
    throw new InvalidParameterException(`ProviderAttributeName of a ${provider.type} SourceUser must be Cognito_Subject.`);
  }
  const name = linkName(provider.name, src.ProviderAttributeValue);
  await atomically(ctx, async (tx) => {
    const user = await requireUser(tx, pool, dest.ProviderAttributeValue);
    const linkedTo = await linkedUser(tx, pool, name);
    if (linkedTo?.id === user.id) return;
    if (linkedTo !== undefined) {
      throw new InvalidParameterException(
        "Merging is not currently supported, provide a SourceUser that has not been signed up in order to link",
      );
    }
    const identities = identitiesOf(user);
    if (identities.length >= MAX_IDENTITIES_PER_USER) {
      throw new LimitExceededException(`A user can be linked to at most ${MAX_IDENTITIES_PER_USER} identities.`);
    }
    const identity: Identity = {
      userId: src.ProviderAttributeValue,
      providerName: provider.name,
      providerType: provider.type,
      issuer: null,
      primary: false,
      dateCreated: tx.clock.now(),
    };
    const attributes = { ...user.attributes, identities: JSON.stringify([...identities, identity]) };
    await saveUser(tx, pool, user, { attributes });
    await tx.store.poolResources.insert({
      poolId: pool.id,
      kind: KIND,
      name,
      body: user.sub,
      createdAt: identity.dateCreated,
      modifiedAt: identity.dateCreated,
    });
  });
}

/**
 * AdminDisableProviderForUser for a linked external identity: the link is
 * removed from the user it was linked to. An identity linked to no user is
 * UserNotFoundException. Disabling a native user's password sign-in
 * (ProviderName "Cognito") is not built.
 */
export async function disableProviderForUser(ctx: DomainContext, poolId: string, user: ProviderUser): Promise<void> {
  const pool = await getPool(ctx, poolId);
  const src = required(user, "User");
  if (src.ProviderName === COGNITO) {
    throw new UnsupportedOperationException("AdminDisableProviderForUser for a native user is not supported yet.");
  }
  const name = linkName(src.ProviderName, src.ProviderAttributeValue);
  await atomically(ctx, async (tx) => {
    const linked = await linkedUser(tx, pool, name);
    if (linked === undefined) throw userNotFound();
    const remaining = identitiesOf(linked).filter(
      (i) => !(i.providerName === src.ProviderName && i.userId === src.ProviderAttributeValue),
    );
    const { identities: _old, ...others } = linked.attributes;
    const attributes = remaining.length === 0 ? others : { ...others, identities: JSON.stringify(remaining) };
    await saveUser(tx, pool, linked, { attributes });
    await tx.store.poolResources.delete(pool.id, KIND, name);
  });
}
