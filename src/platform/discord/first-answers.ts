/**
 * How the first answer to an interaction that came over HTTP reaches Discord.
 *
 * `callback`: through the callback endpoint, as over the gateway; the HTTP request is then answered 202.
 * `response`: in the body of the HTTP response itself, Discord's first way, with no callback request on either side.
 * An answer in a response gives no word of when Discord has taken it, and an edit or follow-up that reaches Discord
 * first is refused ("Unknown Webhook"). So a first answer is held until the handler is done and only then goes into
 * the response; if the handler touches that interaction's webhook before (an edit, a follow-up, reading the reply),
 * or is not done within a moment, the held answer goes through the callback endpoint, and is awaited, instead.
 */
import { RequestMethod, type InternalRequest, type REST } from 'discord.js';
import type { FirstAnswerWay } from '../config.js';

/** How long a held first answer waits for its handler to finish before it goes through the callback endpoint. */
export const HOLD_LIMIT_MS = 25;

const CALLBACK_ROUTE = /^\/interactions\/(\d+)\/([^/]+)\/callback$/;
const WEBHOOK_ROUTE = /^\/webhooks\/\d+\/([^/]+)/;

/** The open HTTP requests of interactions, as the endpoint keeps them. */
export interface OpenRequests {
  /** Answers the interaction's open HTTP request with this JSON body; false when it is no longer open. */
  answerWith(interactionId: string, body: unknown): boolean;
  /** Whether the interaction's HTTP request is still open. */
  isOpen(interactionId: string): boolean;
  /** The first answer went through the callback endpoint: the open request may now be answered 202. */
  answered(interactionId: string): void;
}

interface Held {
  interactionId: string;
  token: string;
  request: InternalRequest;
  timer: NodeJS.Timeout;
  /** Set once the answer is on its way through the callback endpoint. */
  sending?: Promise<void>;
}

export interface FirstAnswers {
  /** The handler of this interaction is done: a held first answer goes into the HTTP response. */
  handlerDone(interactionId: string): void;
}

/**
 * Routes the first answers discord.js sends (a handler's reply, defer, update, modal or autocomplete, the interaction
 * guard's private "couldn't read" answer) the configured way.
 */
export function routeFirstAnswers(
  rest: REST,
  way: FirstAnswerWay,
  open: () => OpenRequests | undefined,
  /**
   * A held answer was refused when it went through the callback endpoint, after its handler had been told it was
   * sent: `answerInstead` sends another first answer (a private apology), so the member is not left with "This
   * interaction failed".
   */
  onRefused: (error: unknown, answerInstead: (body: unknown) => Promise<unknown>) => Promise<void>,
  holdLimitMs = HOLD_LIMIT_MS,
): FirstAnswers {
  const send = rest.request.bind(rest);
  /** Held answers not yet on their way. */
  const byInteraction = new Map<string, Held>();
  /** Held answers until Discord has them: a webhook request for the token waits for its answer. */
  const byToken = new Map<string, Held>();

  const forget = (held: Held): void => {
    clearTimeout(held.timer);
    byInteraction.delete(held.interactionId);
  };

  const throughCallback = (held: Held): Promise<void> => {
    if (!held.sending) {
      forget(held);
      held.sending = send(held.request)
        .then(
          () => undefined,
          async (error: unknown) => {
            await onRefused(error, (body) => send({ ...held.request, body })).catch(() => undefined);
            throw error;
          },
        )
        .finally(() => {
          byToken.delete(held.token);
          open()?.answered(held.interactionId);
        });
    }
    return held.sending;
  };

  const mayHold = (request: InternalRequest, interactionId: string): boolean =>
    way === 'response' &&
    !request.files?.length &&
    request.query?.get('with_response') !== 'true' &&
    !byInteraction.has(interactionId) &&
    open()?.isOpen(interactionId) === true;

  rest.request = async (request: InternalRequest) => {
    const callback = request.method === RequestMethod.Post ? CALLBACK_ROUTE.exec(request.fullRoute) : null;
    if (callback) {
      const interactionId = callback[1]!;
      const token = callback[2]!;
      if (mayHold(request, interactionId)) {
        const held: Held = { interactionId, token, request, timer: setTimeout(() => void throughCallback(held).catch(() => undefined), holdLimitMs) };
        byInteraction.set(interactionId, held);
        byToken.set(token, held);
        // What the callback endpoint gives back without `with_response`: nothing.
        return new ArrayBuffer(0);
      }
      try {
        return await send(request);
      } finally {
        open()?.answered(interactionId);
      }
    }
    const webhookToken = WEBHOOK_ROUTE.exec(request.fullRoute)?.[1];
    const held = webhookToken === undefined ? undefined : byToken.get(webhookToken);
    if (held) await throughCallback(held);
    return send(request);
  };

  return {
    handlerDone(interactionId) {
      const held = byInteraction.get(interactionId);
      if (!held) return;
      if (open()?.answerWith(interactionId, held.request.body) === true) {
        forget(held);
        byToken.delete(held.token);
        return;
      }
      void throughCallback(held).catch(() => undefined);
    },
  };
}
