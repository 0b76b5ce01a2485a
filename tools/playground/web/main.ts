/** The playground page: state from the server, live events, and Discord-like controls that only send what Discord would. */
import '@skyra/discord-components-core';
import { collectOptions, commandEntries, filterEntries, OptionKind, type CommandDefinition, type CommandEntry, type OptionDefinition } from './commands.js';
import { el, replaceChildren, toDom } from './dom.js';
import { checkModal, modalFields, type ModalField } from './modal-form.js';
import { renderMessage, visibleTo, type ApiAttachment, type RenderContext, type ShownMessageLike } from './render.js';
import { describeClock, relativeTime } from './time-words.js';

interface Member { id: string; name: string; username: string; bot: boolean; roleIds: string[]; permissions: string }
interface ClockState {
  now: string;
  timezone: string | null;
  offsetMs: number;
  nextPostAt: string | null;
  lastRun: { mode: 'running' | 'offline'; posted: number; late: number; skipped: number; failed: number; words: string } | null;
  progress: { done: number; total: number; at: string } | null;
}
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
  membersMayUseClub: boolean;
  events: ShownEvent[];
}
interface ShownEvent {
  id: string;
  name: string;
  start: string;
  end: string | null;
  location: string | null;
  status: number;
}
type PageEvent =
  | { type: 'message'; change: 'created' | 'edited' | 'deleted'; shown: ShownMessageLike }
  | { type: 'problem'; id?: string; text: string; detail?: string[] }
  | { type: 'modal'; userId: string; interactionId: string; modal: Record<string, unknown> }
  | { type: 'clock'; clock: ClockState }
  | { type: 'dm'; channelId: string; userId: string }
  | { type: 'events'; events: ShownEvent[] }
  | { type: 'commands' };

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** This run's key, from the address the terminal printed; every call to the playground's API carries it. */
const pageKey = new URLSearchParams(location.search).get('key') ?? '';
const KEY_HEADER = 'x-playground-key';
const withKey = (path: string): string => `${path}${path.includes('?') ? '&' : '?'}key=${encodeURIComponent(pageKey)}`;

/** Remembered in this browser: the welcome panel was closed; problem boxes that were dismissed. */
const WELCOME_SEEN = 'pacer-playground:welcome-dismissed';
const DISMISSED_PROBLEMS = 'pacer-playground:dismissed-problems';

function dismissedProblems(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(DISMISSED_PROBLEMS) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function rememberDismissed(id: string): void {
  const ids = [...dismissedProblems(), id].slice(-200);
  localStorage.setItem(DISMISSED_PROBLEMS, JSON.stringify(ids));
}

let state: State;
let channelId = '';
let actor = '';
const messages = new Map<string, ShownMessageLike>();
const unread = new Set<string>();
let entry: CommandEntry | undefined;
const typedValues: Record<string, string> = {};
/** Private replies this member dismissed ("Dismiss message"): Discord hides them in this client only. */
const dismissedMessages = new Set<string>();

// ---- server calls ------------------------------------------------------------------------------------------------

async function post<T = unknown>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', [KEY_HEADER]: pageKey }, body: JSON.stringify(body) });
  const json = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(json.error ?? `HTTP ${response.status}`);
  return json;
}

function act(path: string, body: Record<string, unknown>): void {
  post(path, { user: actor, ...body }).catch((error: unknown) => showProblem({ type: 'problem', text: (error as Error).message }));
}

// ---- rendering -----------------------------------------------------------------------------------------------------

async function getState(): Promise<State> {
  const response = await fetch('/api/state', { headers: { [KEY_HEADER]: pageKey } });
  if (!response.ok) throw new Error(await response.text());
  return (await response.json()) as State;
}

/** Times as the club reads them: in its zone once /club setup set one, else in this browser's zone. */
let timeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
let clockFormat = timeFormat;
let shortTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
let formatsZone: string | null | undefined;

function useZone(zone: string | null): void {
  if (zone === formatsZone) return;
  formatsZone = zone;
  const timeZone = zone ?? undefined;
  timeFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  clockFormat = timeFormat;
  shortTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  if (state) renderMessages();
}

function memberName(id: string): string {
  return state.members.find((member) => member.id === id)?.name ?? 'unknown-user';
}

const context: RenderContext = {
  user: (id) => memberName(id),
  channel: (id) => state.channels.find((channel) => channel.id === id)?.name ?? 'unknown-channel',
  // skyra writes the "@" itself: "@everyone" would show as "@@everyone".
  role: (id) => (state.roles.find((role) => role.id === id)?.name ?? 'unknown-role').replace(/^@/, ''),
  time: (unix, style) => {
    const date = new Date(unix * 1000);
    if (style === 'R') return relativeTime(date, new Date(state.clock.now));
    return style === 't' || style === 'T' ? shortTime.format(date) : timeFormat.format(date);
  },
  formatTimestamp: (iso) => timeFormat.format(new Date(iso)),
  attachmentUrl: (messageId, attachment: ApiAttachment, download) => withKey(`/attachments/${messageId}/${encodeURIComponent(attachment.filename)}${download ? '?download' : ''}`),
  menuChoices: (type, channelTypes) => menuChoices(type, channelTypes),
};

/** What Discord's client lists in user, role, mentionable and channel menus. */
function menuChoices(type: number, channelTypes?: number[]): Array<{ label: string; value: string; description?: string }> {
  const users = state.members.map((member) => ({ label: member.name, value: member.id, description: member.username }));
  // @everyone is the role whose id is the server's; Discord lists it in role pickers under that name.
  const roles = state.roles.map((role) => ({ label: role.name.startsWith('@') ? role.name : `@${role.name}`, value: role.id }));
  if (type === 5) return users;
  if (type === 6) return roles;
  if (type === 7) return [...users, ...roles];
  // The demo club's channels are all text channels (type 0).
  return channelTypes && !channelTypes.includes(0) ? [] : state.channels.map((channel) => ({ label: `#${channel.name}`, value: channel.id }));
}

function byId(a: ShownMessageLike, b: ShownMessageLike): number {
  const x = BigInt(a.message.id);
  const y = BigInt(b.message.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Like Discord, the list follows new messages (and late-loading images) while you are at the bottom. */
let stickToBottom = true;

function renderMessages(): void {
  const shown = [...messages.values()]
    .filter((item) => item.message.channel_id === channelId && visibleTo(item, actor) && !dismissedMessages.has(item.message.id))
    .sort(byId);
  const list = $('messages');
  if (shown.length === 0) {
    list.replaceChildren(el('div', { class: 'pg-empty' }, `This is the start of #${context.channel(channelId)}. Type / below to use one of Pacer's commands.`));
  } else {
    replaceChildren(list, shown.map((item) => renderMessage(item, context)));
    for (const node of list.querySelectorAll<HTMLElement>('discord-message[ephemeral]')) {
      const id = node.dataset.messageId ?? '';
      (node as HTMLElement & { dismissMessageClicked?: () => void }).dismissMessageClicked = () => {
        dismissedMessages.add(id);
        renderMessages();
      };
    }
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
        showSidebar(false);
      });
      return el('li', {}, link);
    }),
  );
}

/** The server's Events list: upcoming and active scheduled events, with their start in the club's zone. */
function renderEvents(): void {
  $('events-title').textContent = `Events (${state.events.length})`;
  const items = state.events.map((event) =>
    el(
      'li',
      { 'data-event-id': event.id },
      el('strong', {}, event.name),
      el('span', { class: 'event-when' }, `${timeFormat.format(new Date(event.start))}${event.status === 2 ? ' · happening now' : ''}`),
      event.location ? el('span', { class: 'event-where' }, `Meet at ${event.location}`) : '',
    ),
  );
  $('event-list').replaceChildren(...(items.length > 0 ? items : [el('li', { class: 'event-none' }, 'No upcoming events')]));
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

let clockMoving = false;
/** The bot's minute the messages were last drawn at. */
let drawnAt = '';

function renderClock(): void {
  const { clock } = state;
  useZone(clock.timezone);
  $('clock-now').textContent = describeClock(clockFormat.format(new Date(clock.now)), clock.timezone, clock.offsetMs);
  const next = $<HTMLButtonElement>('clock-next');
  next.disabled = clock.nextPostAt === null || clockMoving;
  next.title = clock.nextPostAt ? `Next scheduled post: ${timeFormat.format(new Date(clock.nextPostAt))}` : 'Nothing is scheduled yet';
  document.querySelectorAll<HTMLButtonElement>('#clock button[data-step]:not(#clock-next)').forEach((button) => (button.disabled = clockMoving));
  $<HTMLSelectElement>('clock-offline').disabled = clockMoving;
  // Relative times ("in 2 hours") follow the bot's clock: redraw once it has moved.
  if (!clock.progress && clock.now.slice(0, 16) !== drawnAt) {
    drawnAt = clock.now.slice(0, 16);
    renderMessages();
  }
  const run = $('clock-run');
  if (clock.progress) {
    const percent = Math.round((clock.progress.done / Math.max(1, clock.progress.total)) * 100);
    run.textContent = `Running Pacer minute by minute: ${timeFormat.format(new Date(clock.progress.at))} (${percent}%)`;
  } else if (!clockMoving) {
    run.textContent = clock.lastRun?.words ?? '';
  }
}

function moveClock(path: string, body: Record<string, unknown>): void {
  clockMoving = true;
  $('clock-run').textContent = path === '/api/offline' ? 'Pacer is offline… starting it again.' : 'Running Pacer minute by minute…';
  renderClock();
  post<ClockState>(path, body).then(
    (clock) => {
      clockMoving = false;
      state.clock = clock;
      renderClock();
    },
    (error: unknown) => {
      clockMoving = false;
      renderClock();
      showProblem({ type: 'problem', text: (error as Error).message });
    },
  );
}

function showSidebar(open: boolean): void {
  document.body.classList.toggle('pg-sidebar-open', open);
  $('channels-toggle').setAttribute('aria-expanded', String(open));
  $('sidebar-backdrop').hidden = !open;
}

function showWelcome(open: boolean): void {
  $('welcome').hidden = !open;
  if (!open) localStorage.setItem(WELCOME_SEEN, 'yes');
}

function showProblem(problem: Extract<PageEvent, { type: 'problem' }>): void {
  if (problem.id && dismissedProblems().has(problem.id)) return;
  const item = el('div', { class: 'pg-problem', role: 'alert' }, el('strong', {}, problem.text));
  if (problem.id) item.dataset.problemId = problem.id;
  if (problem.detail?.length) item.append(el('ul', {}, ...problem.detail.map((line) => el('li', {}, line))));
  const close = el('button', { type: 'button', class: 'pg-problem-close', 'aria-label': 'Dismiss' }, '×');
  close.addEventListener('click', () => {
    if (problem.id) rememberDismissed(problem.id);
    item.remove();
  });
  item.prepend(close);
  $('problems').append(item);
}

// ---- composer ------------------------------------------------------------------------------------------------------

function entries(): CommandEntry[] {
  const me = state.members.find((member) => member.id === actor);
  return commandEntries(state.commands, me?.permissions ?? '0', new Set(state.membersMayUseClub ? ['club'] : []));
}

/** The command list's highlighted row (arrow keys move it, Enter picks it), as in Discord. */
let pickerMatches: CommandEntry[] = [];
let pickerIndex = 0;

function highlightPicker(index: number): void {
  const rows = [...$('command-picker').querySelectorAll<HTMLElement>('.pg-command')];
  if (rows.length === 0) return;
  pickerIndex = (index + rows.length) % rows.length;
  rows.forEach((row, position) => row.setAttribute('aria-selected', String(position === pickerIndex)));
  rows[pickerIndex]?.scrollIntoView({ block: 'nearest' });
}

function showPicker(typed: string): void {
  const picker = $('command-picker');
  const matches = filterEntries(entries(), typed);
  pickerMatches = matches;
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
  picker.scrollTop = 0;
  highlightPicker(0);
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
  else if (option.type === OptionKind.User) control = pick(state.members.filter((member) => !member.bot).map((member) => ({ value: member.id, label: `@${member.name}` })));
  else if (option.type === OptionKind.Mentionable) control = pick(menuChoices(7));
  else if (option.type === OptionKind.Channel) control = pick(state.channels.map((channel) => ({ value: channel.id, label: `#${channel.name}` })));
  else if (option.type === OptionKind.Role) control = pick(menuChoices(6));
  else {
    control = el('input', { id, name: option.name, type: 'text', placeholder: option.description ?? '' });
    if (option.autocomplete) control.setAttribute('aria-autocomplete', 'list');
    // Discord's client stops typing at the option's limit.
    if (option.type === OptionKind.String && option.max_length !== undefined) control.maxLength = option.max_length;
  }
  control.addEventListener('input', () => {
    typedValues[option.name] = control.value;
    if (option.autocomplete) scheduleAutocomplete(option, control as HTMLInputElement);
  });
  // A picked suggestion shows its name but sends its value: the change event on leaving the field must not undo that.
  control.addEventListener('change', () => {
    if (!option.autocomplete) typedValues[option.name] = control.value;
  });
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
  autocompleteSeq += 1; // an answer still on its way belongs to the command just sent or dropped

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
  const fields = modalFields(modal, menuChoices);
  openModal = { customId: String(modal.custom_id), fields };
  $('modal-heading').textContent = typeof modal.title === 'string' ? modal.title : '';
  $('modal-errors').textContent = '';
  const container = $('modal-fields');
  container.replaceChildren(
    ...fields.map((field): Node => {
      if (field.kind === 'text-display') return el('p', { class: 'pg-modal-text' }, field.content);
      if (field.kind === 'unsupported') return el('p', { class: 'pg-unsupported' }, `(modal component type ${field.type}: the playground cannot show it yet)`);
      const id = modalFieldId(field.customId);
      const label = el('label', { for: id }, field.label, field.required ? el('span', { class: 'pg-required' }, ' *') : '');
      const description = field.description ? el('div', { class: 'pg-modal-description' }, field.description) : '';
      if (field.kind === 'text') {
        const input = field.paragraph ? el('textarea', { id, name: field.customId, rows: '4' }) : el('input', { id, name: field.customId, type: 'text' });
        input.value = field.value;
        if (field.placeholder) input.placeholder = field.placeholder;
        if (field.maxLength !== undefined) input.maxLength = field.maxLength;
        const limits = el('div', { class: 'pg-modal-limits', id: `${id}-count`, 'aria-live': 'polite' });
        const count = () => (limits.textContent = limitWords(input.value.length, field.minLength, field.maxLength ?? 4000));
        input.addEventListener('input', count);
        count();
        input.setAttribute('aria-describedby', limits.id);
        return el('div', { class: 'pg-modal-field' }, label, description, input, limits);
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

/** Field ids live in their own prefix: the dialog's heading and buttons use `modal-…` ids of their own. */
function modalFieldId(customId: string): string {
  return `modal-field-${customId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** "12 / 256 characters" (Discord's limit shown before sending), with the minimum when there is one. */
function limitWords(length: number, min: number | undefined, max: number): string {
  const minimum = min !== undefined && min > 0 && length < min ? ` (at least ${min})` : '';
  return `${length} / ${max} characters${minimum}`;
}

function submitModal(event: Event): void {
  event.preventDefault();
  if (!openModal) return;
  const values: Record<string, string | string[]> = {};
  for (const field of openModal.fields) {
    if (field.kind !== 'text' && field.kind !== 'select') continue;
    const control = document.getElementById(modalFieldId(field.customId)) as HTMLInputElement | HTMLSelectElement | null;
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
    case 'events':
      state.events = event.events;
      renderEvents();
      break;
    case 'commands':
      void getState().then((fresh) => {
        state.commands = fresh.commands;
        state.membersMayUseClub = fresh.membersMayUseClub;
        $<HTMLInputElement>('members-use-club').checked = fresh.membersMayUseClub;
      });
      break;
  }
}

async function start(): Promise<void> {
  if (!localStorage.getItem(WELCOME_SEEN)) showWelcome(true);
  $('welcome-close').addEventListener('click', () => showWelcome(false));
  $('help-open').addEventListener('click', () => showWelcome($('welcome').hidden));
  if (!pageKey) throw new Error('this address has no key. Open the address printed in the terminal by `npm run playground` (it ends in ?key=…).');
  state = await getState();
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
  renderEvents();
  state.problems.forEach((problem) => problem.type === 'problem' && showProblem(problem));

  const events = new EventSource(withKey('/api/events'));
  events.onmessage = (message) => onEvent(JSON.parse(message.data as string) as PageEvent);

  const input = $<HTMLInputElement>('composer-input');
  input.addEventListener('input', () => {
    $('composer-errors').textContent = '';
    if (input.value.startsWith('/')) showPicker(input.value);
    else $('command-picker').hidden = true;
  });
  input.addEventListener('keydown', (event) => {
    const picker = $('command-picker');
    if (event.key === 'Escape') picker.hidden = true;
    if (picker.hidden || pickerMatches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      highlightPicker(pickerIndex + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const chosen = pickerMatches[pickerIndex];
      if (!chosen) return;
      event.preventDefault();
      chooseCommand(chosen);
    }
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
    button.addEventListener('click', () => moveClock('/api/clock', { step: button.dataset.step })),
  );
  const offline = $<HTMLSelectElement>('clock-offline');
  offline.addEventListener('change', () => {
    const span = offline.value;
    offline.value = '';
    if (span) moveClock('/api/offline', { span });
  });
  $('channels-toggle').addEventListener('click', () => showSidebar(!document.body.classList.contains('pg-sidebar-open')));
  $('sidebar-backdrop').addEventListener('click', () => showSidebar(false));
  const allowClub = $<HTMLInputElement>('members-use-club');
  allowClub.checked = state.membersMayUseClub;
  allowClub.addEventListener('change', () => {
    state.membersMayUseClub = allowClub.checked;
    act('/api/members-use-club', { allowed: allowClub.checked });
  });
  document.body.dataset.ready = 'true';
}

void start().catch((error: unknown) => {
  document.body.prepend(toDom({ tag: 'div', attrs: { class: 'pg-problem', role: 'alert' }, children: [`The playground could not start: ${String(error)}`] }));
});
