import { getClientById } from "../domain/pools/clients.js";
import { respondToChallenge } from "../domain/signIn/signIn.js";
import { authOutput } from "./authOutput.js";
import {
  AnalyticsMetadataType,
  ChallengeNameType,
  ClientIdType,
  ClientMetadataType,
  SensitiveMapType,
  SessionType,
  UserContextDataType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const RespondToAuthChallenge = defineOperation(
  "RespondToAuthChallenge",
  struct({
    ClientId: required(ClientIdType),
    ChallengeName: required(ChallengeNameType),
    Session: SessionType,
    ChallengeResponses: SensitiveMapType,
    AnalyticsMetadata: AnalyticsMetadataType,
    UserContextData: UserContextDataType,
    ClientMetadata: ClientMetadataType,
  }),
  async (ctx, input) => {
    const client = await getClientById(ctx, input.ClientId);
    const outcome = await respondToChallenge(ctx, {
      client,
      challenge: input.ChallengeName,
      session: input.Session,
      responses: input.ChallengeResponses ?? {},
    });
    return authOutput(outcome);
  },
);
