/**
 * Every symptom-check question (clinical.md 2.2) as data, in plain words.
 * Discord limits kept for the UI: prompt <= 300 characters, label <= 80, at most 25 options.
 */
import * as O from './answer-options.js';
import type { QuestionId } from './answer-options.js';

export type QuestionKind = 'single' | 'multi' | 'group';

export interface QuestionOption {
  id: string;
  label: string;
  /** A button's label where the full label is too long for a phone's button (the text then lists the full one). */
  short?: string;
}

export interface GroupItem {
  key: string;
  prompt: string;
  kind: 'choice' | 'score';
  /** Empty for a 0-10 score. */
  options: readonly QuestionOption[];
}

export interface Question {
  id: QuestionId;
  kind: QuestionKind;
  prompt: string;
  options: readonly QuestionOption[];
  items: readonly GroupItem[];
  redFlag: boolean;
  optional: boolean;
  /** Cannot be skipped, and says why in one line (clinical.md 0.3 item 1). */
  required?: string;
}

function opts<T extends string>(ids: readonly T[], labels: Record<T, string>, shorts: Partial<Record<T, string>> = {}): QuestionOption[] {
  return ids.map((id) => ({ id, label: labels[id], ...(shorts[id] ? { short: shorts[id] } : {}) }));
}

const YES_NO_LABELS = { yes: 'Yes', no: 'No' };
const YES_NO_UNSURE_LABELS = { ...YES_NO_LABELS, unsure: "I'm not sure" };
const yesNo = opts(O.YES_NO, YES_NO_LABELS);
const yesNoUnsure = opts(O.YES_NO_UNSURE, YES_NO_UNSURE_LABELS);

type Spec = Omit<Question, 'items' | 'redFlag' | 'optional'> & Partial<Pick<Question, 'items' | 'redFlag' | 'optional'>>;
const q = (spec: Spec): Question => ({ items: [], redFlag: false, optional: false, ...spec });

export const QUESTIONS: readonly Question[] = [
  q({
    id: 'Q01_emergency_screen',
    kind: 'multi',
    redFlag: true,
    prompt: 'First, a safety check. Is any of these true right now? Pick all that fit.',
    options: opts(O.Q01_OPTIONS, {
      deformed_or_kneecap_out: 'My knee looks the wrong shape, or my kneecap is out of place',
      cannot_take_4_steps: 'Since an injury I cannot take 4 steps on that leg, even with a limp',
      hot_swollen_and_fever: 'My knee is hot, red or swollen AND I have a fever, shivers or feel very ill',
      foot_cold_pale_numb_after_injury: 'Since an injury my foot or lower leg is cold, pale, blue or numb',
      cannot_straighten_or_lift_leg_after_injury: 'Since a fall or landing I cannot straighten my knee or lift my leg up straight',
      calf_swollen_plus_breathless: 'Swollen or sore calf AND short of breath, chest pain or coughing blood',
      open_wound_over_knee: 'I have a deep cut or wound over my knee from a fall',
      high_energy_trauma: 'I was hit by a car or bike, or fell from a height',
      none: 'None of these',
      unsure: "I'm not sure",
    }),
  }),
  q({
    id: 'Q00_age',
    kind: 'single',
    prompt: 'How old are you?',
    required: 'Your age changes which warning signs matter, so this one cannot be skipped.',
    options: opts(O.Q00_OPTIONS, {
      age_under_13: 'Under 13',
      age_13_15: '13 to 15',
      age_16_17: '16 or 17',
      age_18_39: '18 to 39',
      age_40_54: '40 to 54',
      age_55_64: '55 to 64',
      age_65_plus: '65 or over',
    }),
  }),
  q({
    id: 'Q02_onset',
    kind: 'single',
    prompt: 'How did the knee pain start?',
    options: opts(O.Q02_OPTIONS, {
      injury: 'All at once, with an injury (a twist, fall, bad landing or knock)',
      gradual: 'Slowly, with no injury',
      sudden_no_injury: 'All at once, with no injury (for example, I woke up with it)',
      unsure: "I'm not sure",
    }, { injury: 'With an injury', gradual: 'Slowly, no injury', sudden_no_injury: 'Suddenly, no injury', unsure: 'Not sure' }),
  }),
  q({
    id: 'Q03_mechanism',
    kind: 'single',
    prompt: 'How did you hurt your knee?',
    options: opts(O.Q03_OPTIONS, {
      twist_foot_planted: 'I twisted with my foot stuck on the ground',
      landing_from_jump: 'I landed badly from a jump',
      fall_or_blow_onto_knee: 'I fell on my knee, or something hit the front of it',
      blow_to_side_of_knee: 'Something hit the side of my knee',
      hyperextension: 'My knee bent backwards too far (hyperextension)',
      other: 'Some other way',
    }, { twist_foot_planted: 'Twisted it', landing_from_jump: 'Bad landing', fall_or_blow_onto_knee: 'Fell on it or hit it', blow_to_side_of_knee: 'Hit on the side', hyperextension: 'Bent backwards' }),
  }),
  q({
    id: 'Q04_injury_features',
    kind: 'multi',
    prompt: 'When you hurt it, what happened? Pick all that fit.',
    options: opts(O.Q04_OPTIONS, {
      heard_or_felt_pop: 'I heard or felt a pop',
      kneecap_shifted_then_went_back: 'My kneecap slipped out of place and then went back',
      could_not_carry_on: 'I could not carry on with what I was doing',
      swelling_within_2h: 'It swelled up within 2 hours',
      swelling_next_day: 'It swelled up later, by the next day',
      no_swelling: 'It did not swell',
      bruising: 'It is bruised',
    }),
  }),
  q({
    id: 'Q05_ottawa',
    kind: 'group',
    redFlag: true,
    prompt: 'A few checks about your injury. Answer what you can; try the movements gently.',
    options: [],
    items: [
      { key: 'can_take_4_steps_now', kind: 'choice', prompt: 'Can you take 4 steps on that leg now, even with a limp?', options: yesNoUnsure },
      { key: 'can_bend_to_right_angle', kind: 'choice', prompt: 'Can you bend your knee to an L shape (a right angle)?', options: yesNoUnsure },
      {
        key: 'sore_on_kneecap_bone_only',
        kind: 'choice',
        prompt: 'Is the sore spot on the kneecap bone itself, and nowhere else?',
        options: yesNoUnsure,
      },
      {
        key: 'sore_on_outer_bony_bump_below_knee',
        kind: 'choice',
        prompt: 'Is the bony bump on the outside, just below the knee, sore to press?',
        options: yesNoUnsure,
      },
    ],
  }),
  q({
    id: 'Q06_mechanical',
    kind: 'multi',
    redFlag: true,
    prompt: 'Does your knee do any of these? Pick all that fit.',
    options: opts(O.Q06_OPTIONS, {
      locked_now: 'It is stuck right now: I cannot straighten it all the way',
      locking_episodes_resolved: 'It has got stuck before, then freed up',
      catching_painful: 'It catches or clicks, and that hurts',
      giving_way: 'It gives way or feels wobbly',
      painless_clicking: 'It clicks or crunches, but that does not hurt',
      none: 'None of these',
      unsure: "I'm not sure",
    }),
  }),
  q({
    id: 'Q07_swelling',
    kind: 'single',
    prompt: 'Is your knee swollen?',
    options: opts(O.Q07_OPTIONS, {
      none: 'No',
      mild_puffiness_after_runs: 'A little puffy after runs',
      obvious_whole_knee: 'Yes, the whole knee is clearly swollen',
      lump_on_front_of_kneecap: 'There is a soft lump on the front of the kneecap',
      lump_behind_knee: 'There is a lump at the back of the knee',
    }, { mild_puffiness_after_runs: 'A little puffy', obvious_whole_knee: 'Clearly swollen', lump_on_front_of_kneecap: 'Lump on kneecap', lump_behind_knee: 'Lump at the back' }),
  }),
  q({
    id: 'Q08_heat_redness',
    kind: 'single',
    redFlag: true,
    prompt: 'Is your knee warm to touch or red?',
    options: opts(O.Q08_OPTIONS, {
      no: 'No',
      warm_or_red: 'Yes, warm or red',
      warm_or_red_with_fever: 'Yes, warm or red, and I also have a fever or shivers',
      unsure: "I'm not sure",
    }, { warm_or_red_with_fever: 'Warm or red + fever' }),
  }),
  q({
    id: 'Q09_location',
    kind: 'multi',
    prompt: 'Where does it hurt? Pick the main spot and any other places.',
    options: opts(O.Q09_OPTIONS, {
      front_around_or_behind_kneecap: 'Around or behind the kneecap',
      just_below_kneecap_on_tendon: 'Just below the kneecap, on the band that joins it to the shin',
      bony_bump_below_knee_on_shin: 'On the bony bump at the top of the shin, below the kneecap',
      outer_side_above_joint_line: 'On the outside of the knee, a little above the joint',
      outer_joint_line: 'On the outside, right on the joint (the gap between the bones)',
      inner_joint_line: 'On the inside, right on the joint (the gap between the bones)',
      inner_below_joint_line: 'On the inside, a few centimetres below the joint, at the top of the shin',
      back_of_knee: 'At the back of the knee',
      whole_knee_hard_to_pinpoint: 'All over the knee, hard to point to one spot',
      also_groin_or_front_of_hip: 'Also in my groin or the front of my hip',
      also_outside_of_thigh_or_hip: 'Also on the outside of my thigh or hip',
    }),
  }),
  q({
    id: 'Q10_aggravators',
    kind: 'multi',
    prompt: 'What makes it hurt more? Pick all that fit.',
    options: opts(O.Q10_OPTIONS, {
      stairs_down: 'Going down stairs',
      stairs_up: 'Going up stairs',
      squat_or_kneel: 'Squatting or kneeling',
      sitting_long_with_bent_knees: 'Sitting for a long time with bent knees',
      rising_from_chair: 'Getting up from a chair',
      running_downhill: 'Running downhill',
      pain_at_predictable_point_in_run: 'It starts at about the same point in every run',
      jumping_hopping_sprinting: 'Jumping, hopping or sprinting',
      twisting_pivoting: 'Twisting or turning sharply',
      first_steps_after_rest: 'The first steps after resting',
      pressure_when_kneeling: 'Pressing on it when I kneel',
      at_rest: 'It hurts even when I am resting',
      at_night_wakes_me: 'It wakes me up at night',
    }),
  }),
  q({
    id: 'Q11_pain_behaviour',
    kind: 'multi',
    prompt: 'How does the pain behave? Pick all that fit, or none.',
    // "Worse the next morning" is asked once, with the pain scores (Q19); the answers format still accepts it here.
    options: opts(O.Q11_ASKED_OPTIONS, {
      warms_up_then_worse_after: 'It eases once I warm up, then is worse afterwards',
      eases_within_minutes_of_stopping: 'It goes away within minutes of stopping',
      constant: 'It is there all the time',
    }),
  }),
  q({
    id: 'Q12_morning_stiffness',
    kind: 'single',
    prompt: 'Is your knee stiff when you get up in the morning?',
    options: opts(O.Q12_OPTIONS, {
      none: 'No',
      up_to_30_min: 'Yes, for up to half an hour',
      over_30_min: 'Yes, for more than half an hour',
    }, { up_to_30_min: 'Up to 30 minutes', over_30_min: 'Over 30 minutes' }),
  }),
  q({
    id: 'Q13_duration',
    kind: 'single',
    prompt: 'How long have you had this knee pain (or how long ago was the injury)?',
    options: opts(O.Q13_OPTIONS, {
      under_1w: 'Less than a week',
      '1_to_2w': '1 to 2 weeks',
      '2_to_6w': '2 to 6 weeks',
      '6_to_12w': '6 to 12 weeks',
      over_12w: 'More than 12 weeks',
    }),
  }),
  q({
    id: 'Q14_trajectory',
    kind: 'group',
    prompt: 'How is it going?',
    options: [],
    items: [
      {
        key: 'trajectory',
        kind: 'choice',
        prompt: 'Is it getting better, staying the same, or getting worse?',
        options: opts(O.Q14_TRAJECTORY_OPTIONS, { improving: 'Getting better', same: 'About the same', worse: 'Getting worse' }),
      },
      {
        key: 'home_care_tried_2w_plus',
        kind: 'choice',
        prompt: 'Have you looked after it yourself (less running, easier runs) for 2 weeks or more?',
        options: yesNo,
      },
    ],
  }),
  q({
    id: 'Q15_training_change',
    kind: 'multi',
    prompt: 'In the weeks before it started, did your running change? Pick all that fit.',
    options: opts(O.Q15_OPTIONS, {
      mileage_up: 'I ran more distance each week',
      more_hills_or_downhill: 'More hills or downhill running',
      more_speed_or_track: 'More fast running or track sessions',
      new_shoes_or_surface: 'New shoes or a new surface',
      cambered_roads_or_same_track_direction: 'Sloping road edges, or always the same way round a track',
      new_to_running: 'I am new to running',
      none: 'No changes',
    }),
  }),
  q({
    id: 'Q16_systemic',
    kind: 'multi',
    redFlag: true,
    prompt: 'Is any of these true for you? Pick all that fit.',
    options: opts(O.Q16_OPTIONS, {
      fever_or_chills: 'A fever or shivers',
      unexplained_weight_loss: 'Losing weight without trying',
      constant_night_pain: 'Pain all the time, also at night',
      history_of_cancer: 'I have had cancer',
      immunosuppressed_or_diabetes: 'Diabetes, or medicine or illness that weakens my immune system',
      knee_replacement_or_recent_knee_surgery_or_injection: 'A knee replacement, or recent knee surgery or a knee injection',
      other_joints_swollen_or_rash_or_eye_or_urinary_symptoms: 'Other swollen joints, a rash, sore eyes, or pain when peeing',
      none: 'None of these',
      unsure: "I'm not sure",
    }),
  }),
  q({
    id: 'Q17_calf',
    kind: 'multi',
    redFlag: true,
    prompt: 'Now about your calf (the back of your lower leg). Pick all that fit.',
    options: opts(O.Q17_OPTIONS, {
      calf_swollen_tender_or_warm: 'My calf is swollen, sore to touch or warm',
      recent_long_travel_surgery_pregnancy_hormonal_pill_or_immobility: 'Recent long trip, surgery, pregnancy, hormone pill, or a lot of time still',
      breathless_chest_pain_or_coughing_blood: 'I am short of breath, have chest pain, or cough up blood',
      none: 'None of these',
      unsure: "I'm not sure",
    }),
  }),
  q({
    id: 'Q18_neuro',
    kind: 'multi',
    redFlag: true,
    prompt: 'Do you have any of these? Pick all that fit.',
    options: opts(O.Q18_OPTIONS, {
      numb_or_pins_needles_foot: 'Numbness or pins and needles in my foot',
      foot_weak_or_dropping: 'My foot feels weak or drops or slaps when I walk',
      back_pain_with_leg_symptoms: 'Back pain, with pain or tingling going down my leg',
      new_bladder_bowel_problems_or_saddle_numbness: 'New trouble peeing or pooing, or numbness between my legs',
      none: 'None of these',
      unsure: "I'm not sure",
    }),
  }),
  q({
    id: 'Q19_pain_scores',
    kind: 'group',
    prompt: 'How bad is the pain? 0 means no pain and 10 means the worst pain you can imagine.',
    options: [],
    items: [
      { key: 'at_rest', kind: 'score', prompt: 'Pain when resting (0 to 10)', options: [] },
      { key: 'during_run', kind: 'score', prompt: 'Pain while running (0 to 10)', options: [] },
      { key: 'worse_next_morning', kind: 'choice', prompt: 'Is it worse the morning after a run?', options: yesNo },
      { key: 'limping', kind: 'choice', prompt: 'Are you limping?', options: yesNo },
    ],
  }),
  q({
    id: 'Q20_sex',
    kind: 'single',
    optional: true,
    prompt: 'If you like: what is your sex? Some knee problems are a bit more common in women. You can skip this.',
    options: opts(O.Q20_OPTIONS, { female: 'Female', male: 'Male', other_or_prefer_not: 'Other, or I would rather not say' }),
  }),
  q({
    id: 'Q21_both_knees',
    kind: 'single',
    optional: true,
    prompt: 'Do both knees hurt?',
    options: opts(O.YES_NO, YES_NO_LABELS),
  }),
  q({
    id: 'Q22_sport',
    kind: 'single',
    optional: true,
    prompt: 'What sport do you do?',
    options: opts(O.Q22_OPTIONS, {
      mainly_running: 'Mostly running',
      also_jumping_sports: 'Also jumping sports (like basketball or volleyball)',
      also_cutting_pivoting_sports: 'Also sports with quick turns (like football or netball)',
    }, { also_jumping_sports: 'Also jumping sports', also_cutting_pivoting_sports: 'Also quick-turn sports' }),
  }),
  q({
    id: 'Q23_prior_diagnosis',
    kind: 'single',
    optional: true,
    prompt: 'Has a doctor or physio already told you what this knee problem is?',
    options: opts(O.Q23_OPTIONS, {
      oa_diagnosed_by_clinician: 'Yes: knee arthritis (osteoarthritis)',
      pfp_diagnosed_by_clinician: "Yes: runner's knee (patellofemoral pain)",
      none: 'No',
    }, { oa_diagnosed_by_clinician: 'Yes: arthritis', pfp_diagnosed_by_clinician: "Yes: runner's knee" }),
  }),
];

const BY_ID = new Map(QUESTIONS.map((question) => [question.id, question]));

export function questionById(id: QuestionId): Question {
  const question = BY_ID.get(id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}
