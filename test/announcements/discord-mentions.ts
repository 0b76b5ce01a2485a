/**
 * Test oracle: who Discord would notify for a message, from its content and `allowed_mentions`, following
 * Discord's documented rule (a mention in the text notifies only if allowed_mentions lets that kind or that id
 * through; with no allowed_mentions every mention in the text would notify).
 */
export interface Notified {
  everyone: boolean;
  roles: string[];
  users: string[];
}

interface AllowedMentions {
  parse?: readonly string[];
  roles?: readonly string[];
  users?: readonly string[];
}

export function notifiedBy(message: { content?: string; allowed_mentions?: AllowedMentions }): Notified {
  const content = message.content ?? '';
  const allowed = message.allowed_mentions;
  const parse = allowed ? (allowed.parse ?? []) : ['everyone', 'roles', 'users'];
  const roleIds = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!);
  const userIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
  return {
    everyone: /@(everyone|here)/.test(content) && parse.includes('everyone'),
    roles: [...new Set(roleIds.filter((id) => parse.includes('roles') || (allowed?.roles ?? []).includes(id)))],
    users: [...new Set(userIds.filter((id) => parse.includes('users') || (allowed?.users ?? []).includes(id)))],
  };
}
