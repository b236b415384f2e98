import { getClient } from "../domain/pools/clients.js";
import { respondToChallenge } from "../domain/signIn/signIn.js";
import { authOutput } from "./authOutput.js";
import {
  AnalyticsMetadataType,
  ChallengeNameType,
  ClientIdType,
  ClientMetadataType,
  ContextDataType,
  SensitiveMapType,
  SessionType,
  UserPoolIdType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminRespondToAuthChallenge = defineOperation(
  "AdminRespondToAuthChallenge",
  struct({
    UserPoolId: required(UserPoolIdType),
    ClientId: required(ClientIdType),
    ChallengeName: required(ChallengeNameType),
    ChallengeResponses: SensitiveMapType,
    Session: SessionType,
    AnalyticsMetadata: AnalyticsMetadataType,
    ContextData: ContextDataType,
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, input) => {
    const client = await getClient(ctx, input.UserPoolId, input.ClientId);
    const outcome = await respondToChallenge(ctx, {
      client,
      challenge: input.ChallengeName,
      session: input.Session,
      responses: input.ChallengeResponses ?? {},
    });
    return authOutput(outcome);
  },
);
