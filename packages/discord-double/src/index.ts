export { DiscordDouble, type DiscordDoubleOptions, type DoubleEvent, type MessagesInOptions, startDiscordDouble } from './server.js';
export { InteractionHandle, type ComponentActorInput, type SelectActorInput } from './interactions.js';
export type {
  ActorTarget,
  AutocompleteInput,
  CommandInput,
  InteractionPayload,
  ModalFieldValue,
  OptionInput,
  OptionScalar,
} from './interaction-payloads.js';
export { ActorError, ComponentType, InteractionType, OptionType } from './interaction-payloads.js';
export { CallbackType, type AcceptedCallback, type EndpointDelivery, type RejectedCallback } from './interaction-state.js';
export { EndpointRefused, type SignedHeaders } from './interactions-endpoint.js';
export type { FaultSpec, FaultMatch, InjectedFault } from './faults.js';
export {
  ALL_PERMISSIONS,
  ChannelTypes,
  defaultBotUser,
  defaultFixtureGuild,
  FIXTURE,
  manyFixtureGuilds,
  memberPermissions,
  smallFixtureGuild,
  PermissionBits,
  type FixtureChannel,
  type FixtureGuild,
  type FixtureMember,
  type FixtureOverwrite,
  type FixtureRole,
  type FixtureUser,
} from './fixtures.js';
export type { IdentifyRecord, ReceivedFrame, ResumeRecord } from './gateway.js';
export { PRIVILEGED_INTENTS } from './gateway.js';
export type { ApiMessage, MessageChange, MessageSource } from './messages.js';
export type { RecordedRequest, ValidationFailure } from './recorder.js';
export type { StoredCommand, CommandOptionDefinition } from './command-registry.js';
export {
  checkAutocompleteChoices,
  checkCommandDefinitions,
  checkMessageLimits,
  collectMessageLimitIssues,
  LIMITS,
  type LimitIssue,
  type MessageLimitOptions,
} from './limits.js';
export { validateBody, type BodyKind, type BodyValidation } from './validation.js';
export { DISCORD_RATE_LIMITS, NONCE_MEMORY_MS, type RateLimitSettings, type RateLimitStats } from './channel-posts.js';
export type { ScheduledEvent } from './scheduled-events.js';
export { MAX_GUILDS_PER_SHARD, RECOMMENDED_GUILDS_PER_SHARD, recommendedShards, shardOf } from './sharding.js';
