import { ButtonStyle, EmbedBuilder, Options } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { outgoingJson } from '../../../src/platform/discord/outgoing-json.js';
import { createClient } from '../../../src/platform/discord/client.js';

const discordJs = Options.createDefault().jsonTransformer!;

describe('outgoing JSON for embeds and components', () => {
  it('sends API JSON as it is: the same object, not a renamed copy', () => {
    const row = { type: 1, components: [{ type: 2, style: ButtonStyle.Secondary, custom_id: 'ex:1:card:clamshell', label: 'Easier' }] };
    const embed = { title: 'Clamshell', fields: [{ name: 'How to do it', value: '1. Lie on your side', inline: false }], footer: { text: 'General information' } };
    expect(outgoingJson(row)).toBe(row);
    expect(outgoingJson(embed)).toBe(embed);
    expect(outgoingJson(row)).toEqual(discordJs(row));
  });

  it('gives anything else to discord.js: camelCase keys, emoji names, builders', () => {
    const camel = { type: 1, components: [{ type: 2, style: ButtonStyle.Primary, customId: 'ex:1:share:clamshell', label: 'Share' }] };
    expect(outgoingJson(camel)).toEqual({ type: 1, components: [{ type: 2, style: ButtonStyle.Primary, custom_id: 'ex:1:share:clamshell', label: 'Share' }] });
    const emoji = { type: 2, style: ButtonStyle.Primary, custom_id: 'x', emoji: '👍' };
    expect(outgoingJson(emoji)).toEqual(discordJs(emoji));
    expect(outgoingJson(emoji)).not.toBe(emoji);
    const built = new EmbedBuilder().setTitle('Built');
    expect(outgoingJson({ embed: built })).toEqual({ embed: { title: 'Built' } });
  });

  it("is the client's transformer", () => {
    expect(createClient(undefined).options.jsonTransformer).toBe(outgoingJson);
  });
});
