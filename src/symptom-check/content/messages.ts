/**
 * Text of the symptom-check outcomes, keyed by message key. Written in plain words for Pacer.
 * Placeholders: {pattern_plain}, {pattern_plain_2}, and the region's {doctor}, {advice_line}, {urgent_services}, {emergency_number}.
 * Never state a diagnosis: answers "share features with" a pattern.
 */
import { NOT_A_DIAGNOSIS, painRuleText } from '../../content/safety.js';

export const MESSAGES = {
  intro:
    'This check gives general information for runners with a sore knee. It is not a medical assessment and it cannot tell you what is wrong. ' +
    'Your answers are not saved. If you feel very unwell or are worried, contact a health professional now.',
  disclaimer: NOT_A_DIAGNOSIS,
  routine:
    'Book a visit with a {doctor} or a physiotherapist in the next week or two (in many places you can book a physio yourself). ' +
    'Until then, keep moving in ways that feel comfortable and ease off what clearly makes it worse.',
  routine_pattern: 'Your answers share some features with a pattern often called {pattern_plain}. A health professional can check this.',
  routine_two_patterns:
    'Your answers share some features with two patterns: {pattern_plain} or {pattern_plain_2}. A health professional can check which fits, if either.',
  no_pattern_fit: 'Your answers do not fit one of the common running patterns closely, so it is worth having someone look at your knee.',
  self_manage:
    'Your answers share some features with a pattern often called {pattern_plain}. This is common in runners and usually gets better with a change in training and some strength work. ' +
    'It is reasonable to look after it yourself for now.',
  self_manage_two_patterns:
    'Your answers share some features with two patterns often seen together in runners: {pattern_plain} and {pattern_plain_2}. ' +
    'Both usually get better with a change in training and some strength work. It is reasonable to look after it yourself for now.',
  self_manage_oa:
    'Your answers share some features with {pattern_plain}, which a health professional has already found in this knee, and they fit a usual flare-up. ' +
    'It is reasonable to look after it yourself for now, and to keep active.',
  cards_intro: 'Up to three gentle exercises to start with. Follow the pain rule on each card.',
  pain_rule: painRuleText(),
  not_for_you:
    'Sorry, this check is made for people aged 13 and over. Please talk to a parent or carer, and ask them to help you see a doctor or physio about your knee.',
  under_16_guardian:
    'Knee pain in young people who are still growing can have different causes from knee pain in adults, so this check does not name a pattern or give exercises. ' +
    'Please tell a parent or carer, and see a {doctor} or physio together.',
  under_16_urgent: 'Please tell a parent or carer, and go together.',
  load_PFP:
    'Run less for now (many physios suggest cutting weekly distance by about a third to a half), leave out hills, downhill running and stairs sessions, ' +
    'and run on flatter ground. Shorter runs or run-walk are fine if they feel OK. Changing your training is one of the best-proven steps for this pattern.',
  load_ITBS:
    'Cut down the runs that bring the pain on, mostly long runs and downhill running. Avoid sloping road edges, and change direction on a track. ' +
    'Build back up slowly. Stretching the outer thigh may feel nice, but it does not make the band longer.',
  load_PES_ANSERINE:
    'Ease back on running rather than stopping everything, especially hills and extra distance. Take stairs gently for a while. ' +
    'Pain on the inner knee at night can ease if you put a pillow between your knees.',
  load_PATELLAR_TENDINOPATHY:
    'Cut back on jumping, hopping, sprinting and hills for now, but keep the tendon working with steady holds (like a wall sit). ' +
    'Tendons get stronger slowly, so expect this to take weeks to months.',
  oa_keep_active:
    'Staying active is one of the main treatments for knee arthritis, and running is not known to make it worse. Many people keep running by changing how they run: ' +
    'softer ground, shorter runs, run-walk, and strength work twice a week. A pharmacist can advise on simple pain relief.',
  hip_referral: 'Hip, groin or thigh pain can come from the hip even when felt in the knee: mention it when you are seen.',
  hip_referred:
    'Pain felt in the knee can come from the hip. Please ask the {doctor} or physio to examine your hip as well as your knee; say if putting on socks or cutting your toenails on that side is hard. This check does not name a knee pattern for you.',
  back_referral: 'Back pain with leg symptoms can mean the pain comes from the back: mention it when you are seen.',
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function renderMessage(key: MessageKey, values: Record<string, string> = {}): string {
  return MESSAGES[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
