import { getClientById } from "../domain/pools/clients.js";
import { getPool } from "../domain/pools/pools.js";
import { initiateAuth } from "../domain/signIn/signIn.js";
import { authOutput } from "./authOutput.js";
import {
  AnalyticsMetadataType,
  AuthFlowType,
  ClientIdType,
  ClientMetadataType,
  SensitiveMapType,
  SessionType,
  UserContextDataType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const InitiateAuth = defineOperation(
  "InitiateAuth",
  struct({
    AuthFlow: required(AuthFlowType),
    AuthParameters: SensitiveMapType,
    // ClientMetadata, AnalyticsMetadata and UserContextData feed triggers and risk scoring; accepted and checked.
    ClientMetadata: ClientMetadataType,
    ClientId: required(ClientIdType),
    AnalyticsMetadata: AnalyticsMetadataType,
    UserContextData: UserContextDataType,
    Session: SessionType,
  }),
  async (ctx, input) => {
    const client = await getClientById(ctx, input.ClientId);
    const pool = await getPool(ctx, client.poolId);
    return authOutput(
      await initiateAuth(ctx, { pool, client, flow: input.AuthFlow, parameters: input.AuthParameters ?? {}, admin: false }),
    );
  },
);
