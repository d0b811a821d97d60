/** Most models a single balance request may name (the original service's limit). */
export const MAX_MODELS_PER_REQUEST = 50;
export const MAX_MODEL_ID_LENGTH = 200;
export const MAX_API_KEY_LENGTH = 512;
