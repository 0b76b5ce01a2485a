/** Reads the group run form's fields as submitted (a field Discord left out reads as empty). */
import type { ModalSubmitInteraction } from 'discord.js';
import type { RunFormText } from '../../src/runs/run-form.js';
import { FIELD } from './manage-views.js';

export function formText(interaction: ModalSubmitInteraction): RunFormText {
  const read = (id: string) => {
    try {
      return interaction.fields.getTextInputValue(id);
    } catch {
      return '';
    }
  };
  return {
    title: read(FIELD.title),
    when: read(FIELD.when),
    meetingPoint: read(FIELD.meetingPoint),
    distanceAndNotes: read(FIELD.distance),
    paceGroups: read(FIELD.paceGroups),
  };
}
