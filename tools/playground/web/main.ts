/** The playground page: state from the server, live events, and Discord-like controls that only send what Discord would. */
import '@skyra/discord-components-core';
import { collectOptions, commandEntries, filterEntries, OptionKind, type CommandDefinition, type CommandEntry, type OptionDefinition } from './commands.js';
import { el, replaceChildren, toDom } from './dom.js';
import { checkModal, modalFields, type ModalField } from './modal-form.js';
import { renderMessage, visibleTo, type ApiAttachment, type RenderContext, type ShownMessageLike } from './render.js';

interface Member { id: string; name: string; username: string; bot: boolean; roleIds: string[]; permissions: string }
interface ClockState { now: string; offsetMs: number; nextPostAt: string | null; lastRun: { due: number; posted: number; skipped: number; failed: number } | null }
interface State {
  guild: { id: string; name: string };
  bot: { id: string; name: string };
  channels: Array<{ id: string; name: string; topic: string | null }>;
  roles: Array<{ id: string; name: string }>;
  members: Member[];
  actors: Array<{ id: string; label: string }>;
  commands: CommandDefinition[];
  messages: ShownMessageLike[];
  dms: Array<{ channelId: string; userId: string }>;
  problems: PageEvent[];
  clock: ClockState;
}
type PageEvent =
  | { type: 'message'; change: 'created' | 'edited' | 'deleted'; shown: ShownMessageLike }
  | { type: 'problem'; text: string; detail?: string[] }
  | { type: 'modal'; userId: string; interactionId: string; modal: Record<string, unknown> }
  | { type: 'clock'; clock: ClockState }
  | { type: 'dm'; channelId: string; userId: string }
  | { type: 'commands' };

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

let state: State;
let channelId = '';
let actor = '';
const messages = new Map<string, ShownMessageLike>();
const unread = new Set<string>();
let entry: CommandEntry | undefined;
const typedValues: Record<string, string> = {};

// ---- server calls ------------------------------------------------------------------------------------------------

async function post<T = unknown>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(json.error ?? `HTTP ${response.status}`);
  return json;
}

function act(path: string, body: Record<string, unknown>): void {
  post(path, { user: actor, ...body }).catch((error: unknown) => showProblem({ type: 'problem', text: (error as Error).message }));
}

// ---- rendering -----------------------------------------------------------------------------------------------------

const timeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });

function memberName(id: string): string {
  return state.members.find((member) => member.id === id)?.name ?? 'unknown-user';
}

const context: RenderContext = {
  user: (id) => memberName(id),
  channel: (id) => state.channels.find((channel) => channel.id === id)?.name ?? 'unknown-channel',
  role: (id) => state.roles.find((role) => role.id === id)?.name ?? 'unknown-role',
  time: (unix, style) => {
    const date = new Date(unix * 1000);
    if (style === 'R') return relative(date);
    return style === 't' || style === 'T' ? date.toLocaleTimeString() : timeFormat.format(date);
  },
  formatTimestamp: (iso) => timeFormat.format(new Date(iso)),
  attachmentUrl: (messageId, attachment: ApiAttachment, download) => `/attachments/${messageId}/${encodeURIComponent(attachment.filename)}${download ? '?download' : ''}`,
};

function relative(date: Date): string {
  const minutes = Math.round((date.getTime() - new Date(state.clock.now).getTime()) / 60_000);
  const abs = Math.abs(minutes);
  const text = abs < 60 ? `${abs} minutes` : abs < 48 * 60 ? `${Math.round(abs / 60)} hours` : `${Math.round(abs / 1440)} days`;
  return minutes >= 0 ? `in ${text}` : `${text} ago`;
}

function byId(a: ShownMessageLike, b: ShownMessageLike): number {
  const x = BigInt(a.message.id);
  const y = BigInt(b.message.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Like Discord, the list follows new messages (and late-loading images) while you are at the bottom. */
let stickToBottom = true;

function renderMessages(): void {
  const shown = [...messages.values()].filter((item) => item.message.channel_id === channelId && visibleTo(item, actor)).sort(byId);
  const list = $('messages');
  if (shown.length === 0) {
    list.replaceChildren(el('div', { class: 'pg-empty' }, `This is the start of #${context.channel(channelId)}. Type / below to use one of Pacer's commands.`));
  } else {
    replaceChildren(list, shown.map((item) => renderMessage(item, context)));
  }
}

/** Guild channels, then the acting member's direct messages from the bot. */
function channelList(): Array<{ id: string; name: string; label: string; topic: string | null }> {
  const dms = state.dms
    .filter((dm) => dm.userId === actor)
    .map((dm) => ({ id: dm.channelId, name: `dm-${state.bot.name.toLowerCase()}`, label: `@ ${state.bot.name} (direct message)`, topic: `Only ${memberName(actor)} sees this conversation` }));
  return [...state.channels.map((channel) => ({ ...channel, label: `# ${channel.name}` })), ...dms];
}

function renderChannels(): void {
  const list = $('channels');
  list.replaceChildren(
    ...channelList().map((channel) => {
      const link = el('a', { href: `#${channel.name}`, 'data-channel-id': channel.id }, channel.label);
      if (channel.id === channelId) link.setAttribute('aria-current', 'page');
      if (unread.has(channel.id)) link.classList.add('unread');
      link.addEventListener('click', (event) => {
        event.preventDefault();
        selectChannel(channel.id);
      });
      return el('li', {}, link);
    }),
  );
}

function selectChannel(id: string): void {
  channelId = id;
  stickToBottom = true;
  unread.delete(id);
  const channel = channelList().find((candidate) => candidate.id === id);
  $('channel-title').textContent = channel?.label ?? '';
  $('channel-topic').textContent = channel?.topic ?? '';
  const input = $<HTMLInputElement>('composer-input');
  const direct = state.dms.some((dm) => dm.channelId === id);
  input.disabled = direct;
  input.placeholder = direct
    ? "Pacer's commands are registered for the club's server: use them in a server channel."
    : `Message #${channel?.name ?? ''}, or type / for Pacer's commands`;
  renderChannels();
  renderMessages();
}

function renderClock(): void {
  const { clock } = state;
  const ahead = clock.offsetMs > 0 ? ` (${formatOffset(clock.offsetMs)} ahead)` : '';
  $('clock-now').textContent = `Bot time: ${timeFormat.format(new Date(clock.now))}${ahead}`;
  const next = $<HTMLButtonElement>('clock-next');
  next.disabled = clock.nextPostAt === null;
  next.title = clock.nextPostAt ? `Next scheduled post: ${timeFormat.format(new Date(clock.nextPostAt))}` : 'Nothing is scheduled yet';
  const run = clock.lastRun;
  $('clock-run').textContent = run
    ? run.due === 0
      ? 'Nothing was due.'
      : [`${run.posted} posted`, run.skipped ? `${run.skipped} with nothing to post` : '', run.failed ? `${run.failed} failed` : ''].filter(Boolean).join(', ')
    : '';
}

function formatOffset(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  return hours >= 48 ? `${Math.round(hours / 24)} days` : `${hours} h`;
}

function showProblem(problem: Extract<PageEvent, { type: 'problem' }>): void {
  const item = el('div', { class: 'pg-problem', role: 'alert' }, el('strong', {}, problem.text));
  if (problem.detail?.length) item.append(el('ul', {}, ...problem.detail.map((line) => el('li', {}, line))));
  const close = el('button', { type: 'button', class: 'pg-problem-close', 'aria-label': 'Dismiss' }, '×');
  close.addEventListener('click', () => item.remove());
  item.prepend(close);
  $('problems').append(item);
}

// ---- composer ------------------------------------------------------------------------------------------------------

function entries(): CommandEntry[] {
  const me = state.members.find((member) => member.id === actor);
  return commandEntries(state.commands, me?.permissions ?? '0');
}

function showPicker(typed: string): void {
  const picker = $('command-picker');
  const matches = filterEntries(entries(), typed);
  if (matches.length === 0) {
    picker.replaceChildren(el('div', { class: 'pg-picker-empty' }, 'No commands match'));
  } else {
    picker.replaceChildren(
      el('div', { class: 'pg-picker-title' }, state.bot.name),
      ...matches.map((candidate) => {
        const row = el('div', { class: 'pg-command', role: 'option', 'data-command': candidate.label },
          el('span', { class: 'pg-command-name' }, candidate.label),
          ...candidate.options.map((option) => el('span', { class: option.required ? 'pg-opt required' : 'pg-opt' }, option.name)),
          el('span', { class: 'pg-command-description' }, candidate.description));
        row.addEventListener('mousedown', (event) => {
          event.preventDefault();
          chooseCommand(candidate);
        });
        return row;
      }),
    );
  }
  picker.hidden = false;
}

function chooseCommand(chosen: CommandEntry): void {
  entry = chosen;
  for (const key of Object.keys(typedValues)) delete typedValues[key];
  $('command-picker').hidden = true;
  const input = $<HTMLInputElement>('composer-input');
  input.value = '';
  input.hidden = true;
  const line = $('command-line');
  const cancel = el('button', { type: 'button', class: 'pg-cancel', 'aria-label': 'Cancel command' }, '×');
  cancel.addEventListener('click', resetComposer);
  const send = el('button', { type: 'submit', class: 'pg-send' }, 'Send');
  line.replaceChildren(el('span', { class: 'pg-chip-command' }, chosen.label), ...chosen.options.map(optionField), send, cancel);
  line.hidden = false;
  line.querySelector<HTMLElement>('input, select')?.focus();
}

function optionField(option: OptionDefinition): HTMLElement {
  const id = `opt-${option.name}`;
  const label = el('label', { for: id, title: option.description ?? '' }, `${option.name}${option.required ? '' : ' (optional)'}`);
  let control: HTMLInputElement | HTMLSelectElement;
  const pick = (values: Array<{ value: string; label: string }>) => {
    const select = el('select', { id, name: option.name });
    select.append(el('option', { value: '' }, option.required ? 'choose…' : '(none)'), ...values.map((value) => el('option', { value: value.value }, value.label)));
    return select;
  };
  if (option.choices?.length) control = pick(option.choices.map((choice) => ({ value: String(choice.value), label: choice.name })));
  else if (option.type === OptionKind.Boolean) control = pick([{ value: 'true', label: 'True' }, { value: 'false', label: 'False' }]);
  else if (option.type === OptionKind.User || option.type === OptionKind.Mentionable) control = pick(state.members.filter((member) => !member.bot).map((member) => ({ value: member.id, label: `@${member.name}` })));
  else if (option.type === OptionKind.Channel) control = pick(state.channels.map((channel) => ({ value: channel.id, label: `#${channel.name}` })));
  else if (option.type === OptionKind.Role) control = pick(state.roles.map((role) => ({ value: role.id, label: `@${role.name}` })));
  else {
    control = el('input', { id, name: option.name, type: 'text', placeholder: option.description ?? '' });
    if (option.autocomplete) control.setAttribute('aria-autocomplete', 'list');
  }
  control.addEventListener('input', () => {
    typedValues[option.name] = control.value;
    if (option.autocomplete) scheduleAutocomplete(option, control as HTMLInputElement);
  });
  control.addEventListener('change', () => (typedValues[option.name] = control.value));
  if (option.autocomplete) control.addEventListener('focus', () => scheduleAutocomplete(option, control as HTMLInputElement));
  return el('span', { class: option.required ? 'pg-chip required' : 'pg-chip' }, label, control);
}

let autocompleteTimer: ReturnType<typeof setTimeout> | undefined;
let autocompleteSeq = 0;

function scheduleAutocomplete(option: OptionDefinition, input: HTMLInputElement): void {
  clearTimeout(autocompleteTimer);
  autocompleteTimer = setTimeout(() => void runAutocomplete(option, input), 200);
}

async function runAutocomplete(option: OptionDefinition, input: HTMLInputElement): Promise<void> {
  if (!entry) return;
  const seq = ++autocompleteSeq;
  const others: Record<string, string | number | boolean> = {};
  for (const definition of entry.options) {
    const value = typedValues[definition.name];
    if (definition.name !== option.name && value) others[definition.name] = definition.type === OptionKind.Integer || definition.type === OptionKind.Number ? Number(value) : value;
  }
  const { choices } = await post<{ choices: Array<{ name: string; value: string | number }> }>('/api/autocomplete', {
    user: actor,
    channelId,
    name: entry.name,
    subcommandGroup: entry.subcommandGroup,
    subcommand: entry.subcommand,
    options: others,
    focused: { name: option.name, value: input.value },
  });
  if (seq !== autocompleteSeq) return;
  const box = $('option-choices');
  box.replaceChildren(
    el('div', { class: 'pg-picker-title' }, `${option.name}: choices from ${state.bot.name}`),
    ...choices.map((choice) => {
      const row = el('div', { class: 'pg-choice', role: 'option', 'data-value': String(choice.value) }, choice.name);
      row.addEventListener('mousedown', (event) => {
        event.preventDefault();
        input.value = choice.name;
        typedValues[option.name] = String(choice.value);
        box.hidden = true;
      });
      return row;
    }),
  );
  box.hidden = choices.length === 0;
}

function resetComposer(): void {
  entry = undefined;
  $('command-line').hidden = true;
  $('command-line').replaceChildren();
  $('option-choices').hidden = true;
  $('composer-errors').textContent = '';
  const input = $<HTMLInputElement>('composer-input');
  input.hidden = false;
  input.value = '';
  input.focus();
}

function submitCommand(): void {
  if (!entry) {
    const typed = $<HTMLInputElement>('composer-input').value;
    if (typed.startsWith('/')) {
      const match = filterEntries(entries(), typed)[0];
      if (match) chooseCommand(match);
    } else if (typed.trim() !== '') {
      $('composer-errors').textContent = 'Pacer does not read messages (it has no Message Content access). Type / to use its commands.';
    }
    return;
  }
  const { options, errors } = collectOptions(entry, typedValues);
  if (errors.length > 0) {
    $('composer-errors').textContent = errors.join('; ');
    return;
  }
  stickToBottom = true;
  act('/api/slash', { channelId, name: entry.name, subcommandGroup: entry.subcommandGroup, subcommand: entry.subcommand, options });
  resetComposer();
}

// ---- components on messages ----------------------------------------------------------------------------------------

function onMessageClick(event: MouseEvent): void {
  const target = event.target as HTMLElement;
  const button = target.closest('discord-button[data-custom-id]');
  if (button) {
    if (button.hasAttribute('disabled')) return;
    act('/api/button', { messageId: button.getAttribute('data-message-id'), customId: button.getAttribute('data-custom-id') });
    return;
  }
  const select = target.closest<HTMLElement>('.pg-select');
  if (!select || select.dataset.disabled === 'true') return;
  const options = select.querySelector<HTMLElement>('.pg-select-options');
  if (!options) return;
  const max = Number(select.dataset.max ?? 1);
  const option = target.closest<HTMLElement>('.pg-option');
  if (target.closest('.pg-select-box')) {
    const opening = options.hidden;
    document.querySelectorAll<HTMLElement>('.pg-select-options').forEach((other) => (other.hidden = true));
    options.hidden = !opening;
    if (opening && max > 1) select.querySelectorAll('.pg-option').forEach((item) => item.setAttribute('aria-selected', 'false'));
    if (opening) options.scrollIntoView({ block: 'nearest' });
  } else if (option && max <= 1) {
    options.hidden = true;
    sendSelect(select, [option.dataset.value ?? '']);
  } else if (option) {
    const selected = option.getAttribute('aria-selected') === 'true';
    const count = select.querySelectorAll('.pg-option[aria-selected="true"]').length;
    if (!selected && count >= max) return;
    option.setAttribute('aria-selected', String(!selected));
  } else if (target.closest('.pg-select-apply')) {
    const values = [...select.querySelectorAll<HTMLElement>('.pg-option[aria-selected="true"]')].map((item) => item.dataset.value ?? '');
    if (values.length < Number(select.dataset.min ?? 1)) return;
    options.hidden = true;
    sendSelect(select, values);
  }
}

function sendSelect(select: HTMLElement, values: string[]): void {
  act('/api/select', { messageId: select.dataset.messageId, customId: select.dataset.customId, values });
}

// ---- modals --------------------------------------------------------------------------------------------------------

let openModal: { customId: string; fields: ModalField[] } | undefined;

function showModal(modal: Record<string, unknown>): void {
  const fields = modalFields(modal);
  openModal = { customId: String(modal.custom_id), fields };
  $('modal-title').textContent = typeof modal.title === 'string' ? modal.title : '';
  $('modal-errors').textContent = '';
  const container = $('modal-fields');
  container.replaceChildren(
    ...fields.map((field): Node => {
      if (field.kind === 'text-display') return el('p', { class: 'pg-modal-text' }, field.content);
      if (field.kind === 'unsupported') return el('p', { class: 'pg-unsupported' }, `(modal component type ${field.type}: the playground cannot show it yet)`);
      const id = `modal-${field.customId}`;
      const label = el('label', { for: id }, field.label, field.required ? el('span', { class: 'pg-required' }, ' *') : '');
      const description = field.description ? el('div', { class: 'pg-modal-description' }, field.description) : '';
      if (field.kind === 'text') {
        const input = field.paragraph ? el('textarea', { id, name: field.customId, rows: '4' }) : el('input', { id, name: field.customId, type: 'text' });
        input.value = field.value;
        if (field.placeholder) input.placeholder = field.placeholder;
        if (field.maxLength !== undefined) input.maxLength = field.maxLength;
        return el('div', { class: 'pg-modal-field' }, label, description, input);
      }
      const select = el('select', { id, name: field.customId });
      if (field.max > 1) select.multiple = true;
      else select.append(el('option', { value: '' }, 'Make a selection'));
      for (const option of field.options) {
        const item = el('option', { value: option.value }, option.label);
        item.selected = option.default;
        select.append(item);
      }
      return el('div', { class: 'pg-modal-field' }, label, description, select);
    }),
  );
  $<HTMLDialogElement>('modal').showModal();
}

function submitModal(event: Event): void {
  event.preventDefault();
  if (!openModal) return;
  const values: Record<string, string | string[]> = {};
  for (const field of openModal.fields) {
    if (field.kind !== 'text' && field.kind !== 'select') continue;
    const control = document.getElementById(`modal-${field.customId}`) as HTMLInputElement | HTMLSelectElement | null;
    if (!control) continue;
    values[field.customId] = field.kind === 'select' ? [...(control as HTMLSelectElement).selectedOptions].map((option) => option.value).filter(Boolean) : control.value;
  }
  const errors = checkModal(openModal.fields, values);
  if (errors.length > 0) {
    $('modal-errors').textContent = errors.join('; ');
    return;
  }
  act('/api/modal', { customId: openModal.customId, fields: values });
  openModal = undefined;
  $<HTMLDialogElement>('modal').close();
}

// ---- events and start-up -------------------------------------------------------------------------------------------

function onEvent(event: PageEvent): void {
  switch (event.type) {
    case 'message':
      if (event.change === 'deleted') messages.delete(event.shown.message.id);
      else messages.set(event.shown.message.id, event.shown);
      if (event.shown.message.channel_id === channelId) renderMessages();
      else if (event.change === 'created' && visibleTo(event.shown, actor)) {
        unread.add(event.shown.message.channel_id);
        renderChannels();
      }
      break;
    case 'problem':
      showProblem(event);
      break;
    case 'modal':
      if (event.userId === actor) showModal(event.modal);
      break;
    case 'clock':
      state.clock = event.clock;
      renderClock();
      break;
    case 'dm':
      state.dms.push({ channelId: event.channelId, userId: event.userId });
      renderChannels();
      break;
    case 'commands':
      void fetch('/api/state').then(async (response) => {
        state.commands = ((await response.json()) as State).commands;
      });
      break;
  }
}

async function start(): Promise<void> {
  state = (await (await fetch('/api/state')).json()) as State;
  for (const item of state.messages) messages.set(item.message.id, item);
  $('guild-name').textContent = state.guild.name;
  document.title = `${state.guild.name}: Pacer playground`;
  const who = $<HTMLSelectElement>('acting-as');
  who.replaceChildren(...state.actors.map((candidate) => el('option', { value: candidate.id }, candidate.label)));
  actor = state.actors[0]?.id ?? '';
  who.addEventListener('change', () => {
    actor = who.value;
    resetComposer();
    if (!channelList().some((channel) => channel.id === channelId)) selectChannel(state.channels[0]?.id ?? '');
    renderChannels();
    renderMessages();
  });
  const fromHash = state.channels.find((channel) => `#${channel.name}` === location.hash);
  selectChannel(fromHash?.id ?? state.channels[0]?.id ?? '');
  renderClock();
  state.problems.forEach((problem) => problem.type === 'problem' && showProblem(problem));

  const events = new EventSource('/api/events');
  events.onmessage = (message) => onEvent(JSON.parse(message.data as string) as PageEvent);

  const input = $<HTMLInputElement>('composer-input');
  input.addEventListener('input', () => {
    $('composer-errors').textContent = '';
    if (input.value.startsWith('/')) showPicker(input.value);
    else $('command-picker').hidden = true;
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') $('command-picker').hidden = true;
  });
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    submitCommand();
  });
  $('messages').addEventListener('click', onMessageClick);
  const scroller = $('messages-scroll');
  scroller.addEventListener('scroll', () => (stickToBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80));
  new ResizeObserver(() => {
    if (stickToBottom) scroller.scrollTop = scroller.scrollHeight;
  }).observe($('messages'));
  $('modal-form').addEventListener('submit', submitModal);
  $('modal-cancel').addEventListener('click', () => {
    openModal = undefined;
    $<HTMLDialogElement>('modal').close();
  });
  document.querySelectorAll<HTMLButtonElement>('#clock button[data-step]').forEach((button) =>
    button.addEventListener('click', () => {
      post<ClockState>('/api/clock', { step: button.dataset.step }).then(
        (clock) => {
          state.clock = clock;
          renderClock();
        },
        (error: unknown) => showProblem({ type: 'problem', text: (error as Error).message }),
      );
    }),
  );
  document.body.dataset.ready = 'true';
}

void start().catch((error: unknown) => {
  document.body.prepend(toDom({ tag: 'div', attrs: { class: 'pg-problem', role: 'alert' }, children: [`The playground could not start: ${String(error)}`] }));
});
