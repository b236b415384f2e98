import { getPoolClient } from "../domain/pools/clients.js";
import { initiateAuth } from "../domain/signIn/signIn.js";
import { authOutput } from "./authOutput.js";
import {
  AnalyticsMetadataType,
  AuthFlowType,
  ClientIdType,
  ClientMetadataType,
  ContextDataType,
  SensitiveMapType,
  SessionType,
  UserPoolIdType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminInitiateAuth = defineOperation(
  "AdminInitiateAuth",
  struct({
    UserPoolId: required(UserPoolIdType),
    ClientId: required(ClientIdType),
    AuthFlow: required(AuthFlowType),
    AuthParameters: SensitiveMapType,
    // ClientMetadata, AnalyticsMetadata and ContextData feed triggers and risk scoring; accepted and checked.
    ClientMetadata: ClientMetadataType,
    AnalyticsMetadata: AnalyticsMetadataType,
    ContextData: ContextDataType,
    Session: SessionType,
  }),
  async (ctx, input) => {
    const { pool, client } = await getPoolClient(ctx, input.UserPoolId, input.ClientId);
    return authOutput(
      await initiateAuth(ctx, { pool, client, flow: input.AuthFlow, parameters: input.AuthParameters ?? {}, admin: true }),
    );
  },
);
