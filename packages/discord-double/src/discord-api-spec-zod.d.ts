// discord-api-spec points its "types" condition at the generated .js file, so TypeScript sees no
// declarations for the zod entry point. Declare only the schemas the double uses.
declare module 'discord-api-spec/zod' {
  import type { ZodMiniObject, ZodMiniType } from 'zod/mini';

  export const ApplicationCommandAutocompleteCallbackRequestSchema: ZodMiniType;
  export const ApplicationCommandUpdateRequestSchema: ZodMiniType;
  export const CreateMessageInteractionCallbackRequestSchema: ZodMiniObject;
  export const IncomingWebhookRequestPartialSchema: ZodMiniObject;
  export const IncomingWebhookUpdateRequestPartialSchema: ZodMiniObject;
  export const IncomingWebhookInteractionRequestSchema: ZodMiniObject;
  export const IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema: ZodMiniObject;
  export const ModalInteractionCallbackRequestDataSchema: ZodMiniObject;
  export const LaunchActivityInteractionCallbackRequestSchema: ZodMiniType;
  export const MessageCreateRequestSchema: ZodMiniObject;
  export const ExternalScheduledEventCreateRequestSchema: ZodMiniObject;
  export const StageScheduledEventCreateRequestSchema: ZodMiniObject;
  export const VoiceScheduledEventCreateRequestSchema: ZodMiniObject;
  export const ExternalScheduledEventPatchRequestPartialSchema: ZodMiniObject;
  export const StageScheduledEventPatchRequestPartialSchema: ZodMiniObject;
  export const VoiceScheduledEventPatchRequestPartialSchema: ZodMiniObject;
  export const MessageEditRequestPartialSchema: ZodMiniObject;
  export const ModalInteractionCallbackRequestSchema: ZodMiniType;
  export const PongInteractionCallbackRequestSchema: ZodMiniType;
  export const UpdateMessageInteractionCallbackRequestSchema: ZodMiniType;
}
