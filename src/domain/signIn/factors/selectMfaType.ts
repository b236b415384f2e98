import { InvalidParameterException } from "../../../errors.js";
import { requiredParameter } from "../authParameters.js";
import type { Factor } from "../factor.js";
import { mfaStepOf } from "./mfaStep.js";

/**
 * SELECT_MFA_TYPE (reference §4.5, cognito-2024-2026.md §6): the user has
 * several factors on and prefers none. MFAS_CAN_CHOOSE lists them as a JSON
 * array; the answer's ANSWER names one, and that challenge is asked next.
 * An answer outside the list is refused (our wording: Cognito's was not found).
 */
export const selectMfaType: Factor = {
  challenge: "SELECT_MFA_TYPE",
  maxWrongAnswers: 5,

  async isDue(_ctx, attempt) {
    return mfaStepOf(attempt).kind === "choose";
  },

  async ask(_ctx, attempt) {
    const step = mfaStepOf(attempt);
    const choices = step.kind === "choose" ? step.factors : [];
    return {
      parameters: { MFAS_CAN_CHOOSE: JSON.stringify(choices), USER_ID_FOR_SRP: attempt.user.username },
      state: { choices },
    };
  },

  async verify(_ctx, _attempt, responses, state) {
    const answer = requiredParameter(responses, "ANSWER");
    const choices = Array.isArray(state.choices) ? state.choices : [];
    if (!choices.includes(answer)) {
      throw new InvalidParameterException(`ANSWER must be one of the MFA types the user can choose: ${JSON.stringify(choices)}`);
    }
    return { right: true, chosen: answer };
  },
};
