import { signUp } from "../domain/flows/signUp.js";
import { compact } from "../domain/kernel/compact.js";
import { AttributeListType, PasswordType, selfServiceMembers } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { struct } from "./shape.js";

export const SignUp = defineOperation(
  "SignUp",
  struct({
    ...selfServiceMembers,
    Password: PasswordType,
    UserAttributes: AttributeListType,
    // Goes to the PreSignUp trigger; accepted and checked until triggers exist.
    ValidationData: AttributeListType,
  }),
  async (ctx, input) => {
    const result = await signUp(
      ctx,
      compact({
        clientId: input.ClientId,
        secretHash: input.SecretHash,
        username: input.Username,
        password: input.Password,
        attributes: input.UserAttributes ?? [],
      }),
    );
    // UserConfirmed is true only when a PreSignUp trigger confirms the user (reference §3.4).
    return compact({ UserConfirmed: false, UserSub: result.userSub, CodeDeliveryDetails: result.codeDeliveryDetails });
  },
);
