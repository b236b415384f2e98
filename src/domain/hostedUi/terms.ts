import { InvalidParameterException, ResourceNotFoundException, TermsExistsException } from "../../errors.js";
import type { PoolResourceRecord } from "../../store/records.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { nameListing, readPage } from "../kernel/pageToken.js";
import { getClient } from "../pools/clients.js";
import { getPool } from "../pools/pools.js";

const KIND = "terms";

/** Terms documents (terms of use, privacy policy) an app client's managed login sign-up page links to. Nothing renders them yet. */
export interface Terms {
  poolId: string;
  id: string;
  clientId: string;
  name: string;
  source: "LINK";
  enforcement: "NONE";
  links: Record<string, string>;
  createdAt: number;
  modifiedAt: number;
}

type Body = Pick<Terms, "clientId" | "name" | "source" | "enforcement" | "links">;

function fromRow(row: PoolResourceRecord): Terms {
  const body = row.body as Body;
  return { poolId: row.poolId, id: row.name, ...body, createdAt: row.createdAt, modifiedAt: row.modifiedAt };
}

function toRow(terms: Terms): PoolResourceRecord {
  const body: Body = {
    clientId: terms.clientId,
    name: terms.name,
    source: terms.source,
    enforcement: terms.enforcement,
    links: terms.links,
  };
  return { poolId: terms.poolId, kind: KIND, name: terms.id, body, createdAt: terms.createdAt, modifiedAt: terms.modifiedAt };
}

/**
 * TermsName "Must begin with terms-of-use or privacy-policy as
 * identification of the document type" (CreateTerms API reference); the
 * message is guessed.
 */
function checkName(name: string): void {
  if (!name.startsWith("terms-of-use") && !name.startsWith("privacy-policy")) {
    throw new InvalidParameterException("TermsName must begin with terms-of-use or privacy-policy.");
  }
}

/** Links map a managed login language (`cognito:default`, `cognito:english`, …) to an https URL (CreateTerms API reference). */
function checkLinks(links: Record<string, string>): void {
  for (const [language, url] of Object.entries(links)) {
    if (!/^cognito:[a-z-]+$/.test(language)) throw new InvalidParameterException(`Invalid language key in Links: ${language}`);
    if (!/^https:\/\/\S+$/.test(url)) throw new InvalidParameterException(`Invalid URL in Links for ${language}.`);
  }
}

/** The kind of document a name identifies: an app client has one of each. */
const documentType = (name: string) => (name.startsWith("terms-of-use") ? "terms-of-use" : "privacy-policy");

async function termsOfPool(ctx: DomainContext, poolId: string): Promise<Terms[]> {
  // Two documents per client at most; a pool has at most as many as its clients allow.
  return (await ctx.store.poolResources.list(poolId, KIND, { limit: 100_000 })).map(fromRow);
}

export interface TermsInput {
  name: string;
  links?: Record<string, string>;
}

/** CreateTerms: a second document of one type for a client is TermsExistsException (message guessed). */
export async function createTerms(ctx: DomainContext, poolId: string, clientId: string, input: TermsInput): Promise<Terms> {
  const pool = await getPool(ctx, poolId);
  await getClient(ctx, pool.id, clientId);
  checkName(input.name);
  checkLinks(input.links ?? {});
  const existing = await termsOfPool(ctx, pool.id);
  if (existing.some((t) => t.clientId === clientId && documentType(t.name) === documentType(input.name))) {
    throw new TermsExistsException(`Terms of type ${documentType(input.name)} already exist for client ${clientId}.`);
  }
  const now = ctx.clock.now();
  const terms: Terms = {
    poolId: pool.id,
    id: ctx.random.uuid(),
    clientId,
    name: input.name,
    source: "LINK",
    enforcement: "NONE",
    links: input.links ?? {},
    createdAt: now,
    modifiedAt: now,
  };
  await ctx.store.poolResources.insert(toRow(terms));
  return terms;
}

function termsNotFound(): ResourceNotFoundException {
  return new ResourceNotFoundException("Terms do not exist.");
}

export async function getTerms(ctx: DomainContext, poolId: string, termsId: string): Promise<Terms> {
  const pool = await getPool(ctx, poolId);
  const row = await ctx.store.poolResources.get(pool.id, KIND, termsId);
  if (row === undefined) throw termsNotFound();
  return fromRow(row);
}

/** DescribeTermsByClient: the client's document of that name. */
export async function getTermsByClient(ctx: DomainContext, poolId: string, clientId: string, name: string): Promise<Terms> {
  const pool = await getPool(ctx, poolId);
  await getClient(ctx, pool.id, clientId);
  const found = (await termsOfPool(ctx, pool.id)).find((t) => t.clientId === clientId && t.name === name);
  if (found === undefined) throw termsNotFound();
  return found;
}

/** UpdateTerms: what the request gives replaces the document's; the rest is kept. */
export async function updateTerms(
  ctx: DomainContext,
  poolId: string,
  termsId: string,
  input: Partial<TermsInput>,
): Promise<Terms> {
  const current = await getTerms(ctx, poolId, termsId);
  if (input.name !== undefined) {
    checkName(input.name);
    if (documentType(input.name) !== documentType(current.name)) {
      throw new InvalidParameterException("TermsName cannot change the type of a terms document.");
    }
  }
  if (input.links !== undefined) checkLinks(input.links);
  const updated: Terms = {
    ...current,
    name: input.name ?? current.name,
    links: input.links ?? current.links,
    modifiedAt: ctx.clock.now(),
  };
  if (!(await ctx.store.poolResources.update(toRow(updated)))) throw termsNotFound();
  return updated;
}

export async function deleteTerms(ctx: DomainContext, poolId: string, termsId: string): Promise<void> {
  const pool = await getPool(ctx, poolId);
  if (!(await ctx.store.poolResources.delete(pool.id, KIND, termsId))) throw termsNotFound();
}

/** ListTerms: by terms id, MaxResults 1..60 (60 when absent; the model's limit was not found). */
export async function listTerms(
  ctx: DomainContext,
  poolId: string,
  limit: number | undefined,
  nextToken: string | undefined,
): Promise<{ terms: Terms[]; nextToken?: string }> {
  const pool = await getPool(ctx, poolId);
  const listing = nameListing(`terms:${pool.id}`, (terms: Terms) => terms.id);
  const page = await readPage(ctx, listing, limit ?? 60, nextToken, async (range) =>
    (await ctx.store.poolResources.list(pool.id, KIND, range)).map(fromRow),
  );
  return compact({ terms: page.items, nextToken: page.nextToken });
}
