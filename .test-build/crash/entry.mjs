var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/app.ts
import { Events } from "discord.js";

// commands/exercise.ts
import { ApplicationCommandOptionType as ApplicationCommandOptionType2, InteractionContextType } from "discord.js";

// src/bot/command.ts
function defineCommand(module) {
  return module;
}

// src/bot/custom-id.ts
var MAX_CUSTOM_ID_LENGTH = 100;
var SAFE_PART = /^[A-Za-z0-9_.\-~]*$/;
function encodeCustomId(prefix, version, parts) {
  if (!prefix) throw new Error("custom_id prefix must not be empty.");
  if (!Number.isInteger(version) || version < 0 || version > 999) throw new Error(`custom_id version ${version} must be a whole number from 0 to 999.`);
  const text3 = [prefix, String(version), ...parts.map(String)];
  for (const part of text3) {
    if (!SAFE_PART.test(part)) throw new Error(`custom_id part "${part}" has characters outside [A-Za-z0-9_.-~].`);
  }
  const id = text3.join(":");
  if (id.length > MAX_CUSTOM_ID_LENGTH) throw new Error(`custom_id is ${id.length} characters; Discord allows ${MAX_CUSTOM_ID_LENGTH}.`);
  return id;
}
function decodeCustomId(customId) {
  if (customId.length > MAX_CUSTOM_ID_LENGTH) return null;
  const [prefix, versionText, ...parts] = customId.split(":");
  if (!prefix || !versionText || !/^\d{1,3}$/.test(versionText)) return null;
  if (![prefix, ...parts].every((p) => SAFE_PART.test(p))) return null;
  return { prefix, version: Number(versionText), parts };
}

// src/bot/options.ts
import { ApplicationCommandOptionType } from "discord.js";
function readArgs(interaction, definition4) {
  const top = definition4.options ?? [];
  const subcommand = interaction.options.getSubcommand(false);
  const declared = subcommand ? top.find((o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === subcommand)?.options ?? [] : top;
  const args = subcommand ? { subcommand } : {};
  for (const option of declared) {
    args[option.name] = interaction.options.get(option.name)?.value ?? null;
  }
  return args;
}

// src/content/conditions.ts
var PATTERN_IDS = [
  "PFP",
  "ITBS",
  "PES_ANSERINE",
  "PATELLAR_TENDINOPATHY",
  "MENISCUS",
  "LIGAMENT",
  "KNEE_OA"
];
var SELF_MANAGE_PATTERNS = ["PFP", "ITBS", "PES_ANSERINE", "PATELLAR_TENDINOPATHY"];
var PATTERN_NAMES = {
  PFP: { plain: "runner's knee (pain around or behind the kneecap)", clinical: "patellofemoral pain" },
  ITBS: { plain: "IT band pain (pain on the outside of the knee)", clinical: "iliotibial band syndrome" },
  PES_ANSERINE: { plain: "inner knee pain just below the joint", clinical: "pes anserine pain" },
  PATELLAR_TENDINOPATHY: { plain: "kneecap tendon pain (jumper's knee)", clinical: "patellar tendinopathy" },
  MENISCUS: { plain: "an injury to the knee cartilage (meniscus)", clinical: "meniscal tear" },
  LIGAMENT: { plain: "a knee ligament injury", clinical: "cruciate or collateral ligament injury" },
  KNEE_OA: { plain: "knee arthritis (wear and repair of the joint)", clinical: "knee osteoarthritis" }
};
var ROUTINE_CONDITIONS = ["PFP", "ITBS", "PES_ANSERINE", "PATELLAR_TENDINOPATHY", "KNEE_OA", "GENERAL"];
var ROUTINE_CONDITION_LABELS = {
  PFP: "Runner's knee",
  ITBS: "IT band (outer knee)",
  PES_ANSERINE: "Inner knee",
  PATELLAR_TENDINOPATHY: "Kneecap tendon",
  KNEE_OA: "Knee arthritis",
  GENERAL: "General strength for runners"
};

// src/exercises/catalogue.ts
import { z } from "zod";

// src/content/exercise-ids.ts
var EXERCISE_IDS = [
  "clamshell",
  // EX01
  "side-lying-hip-abduction",
  // EX02
  "glute-bridge",
  // EX03
  "single-leg-bridge",
  // EX04
  "eccentric-hamstring-bridge",
  // EX05
  "banded-crab-walk",
  // EX06
  "single-leg-balance",
  // EX07
  "wall-push",
  // EX08
  "single-leg-squat",
  // EX09
  "step-down",
  // EX10
  "split-squat",
  // EX11
  "reverse-lunge",
  // EX12
  "spanish-squat",
  // EX13
  "wall-sit",
  // EX14
  "calf-raise",
  // EX15
  "copenhagen-plank",
  // EX16
  "it-band-stretch",
  // EX17
  "standing-hamstring-curl",
  // EX18
  "straight-leg-raise",
  // EX19
  "isometric-knee-extension",
  // EX20
  "sit-to-stand",
  // EX21
  "step-up",
  // EX22
  "single-leg-romanian-deadlift"
  // EX23
];
function isExerciseId(value) {
  return EXERCISE_IDS.includes(value);
}

// src/content/exercises/calf-and-balance.ts
var CALF_AND_BALANCE_CARDS = [
  {
    id: "calf-raise",
    name: "Calf raise",
    aliases: ["calf raises", "heel raise", "heel raises", "bent-knee calf raise", "soleus raise"],
    area: "calf",
    conditions: ["GENERAL", "KNEE_OA", "PFP", "ITBS", "PES_ANSERINE", "PATELLAR_TENDINOPATHY"],
    phase: ["early", "mid", "late"],
    targets: ["calf with a straight knee (gastrocnemius)", "deeper calf with a bent knee (soleus)"],
    why: "The calves take a big share of the load in every running step, so strong calves help any runner get back to running. A single-leg raise test is a common check that the legs are ready.",
    steps: [
      "Stand on a step with your heels over the edge, holding a wall for balance.",
      "Rise up onto your toes as high as you can, taking 1 second.",
      "Lower slowly over 2 to 3 seconds.",
      "Start on two legs, then move to one leg.",
      "Bent-knee version: keep the knees a little bent the whole way."
    ],
    dose: {
      amount: "3 sets of 15 to 20 on two legs, moving to one leg; plus 3 sets of 15 with bent knees",
      timesPerWeek: "3 times a week",
      minutes: 5
    },
    progressWhen: "You can do 3 sets of 20 on one leg through the full range.",
    cues: ["All the way up.", "Weight over the big and second toes.", "Slow on the way down."],
    mistakes: ["Bouncing.", "Going only part of the way up.", "Rolling onto the outside of the foot."],
    easier: { text: "Use both legs and keep your hands on the wall." },
    harder: { text: "One leg off the edge of a step, hold a weight, or add weight to the bent-knee version." },
    equipment: ["A step", "A wall for balance", "A weight to make it harder (optional)"],
    cautions: ["Pain where the Achilles tendon meets the heel: do not drop below the level of the step at first."],
    sources: ["S41", "S42"]
  },
  {
    id: "single-leg-balance",
    name: "Single-leg balance",
    aliases: ["one-leg stand", "single-leg stance", "balance", "one leg balance"],
    area: "balance",
    conditions: ["PFP", "ITBS", "KNEE_OA", "GENERAL"],
    phase: ["early"],
    targets: ["muscles that turn and steady the hip", "small muscles of the foot and ankle", "sense of where the leg is (balance)"],
    why: "Running is a series of one-leg landings. Practising steady balance on one leg, with the knee kept in line, trains that control gently.",
    steps: [
      "Stand next to a wall or chair.",
      "Lift one foot off the floor.",
      "Keep the standing knee soft and pointing over your second or third toe.",
      "Keep your pelvis level and stand tall.",
      "Hold, then swap legs."
    ],
    dose: { amount: "3 holds of 30 seconds on each leg", timesPerWeek: "Every day", minutes: 3 },
    progressWhen: "You can hold 30 seconds steady without touching anything, with your pelvis level.",
    cues: ["Soft knee.", 'Think "knee slightly out", over the middle toes.', "Tall and level."],
    mistakes: ["Hip sinking to one side.", "Knee locking back or caving in.", "Gripping with the toes."],
    easier: { text: "Rest your fingertips on the wall or chair." },
    harder: { text: "Close your eyes, stand on a cushion, reach out with the other foot in different directions, or catch a ball." },
    equipment: ["None", "A wall or chair close by"],
    cautions: ["If balance is a problem or falls are a worry, always stand right next to support."],
    sources: ["seed"]
  },
  {
    id: "single-leg-romanian-deadlift",
    name: "Single-leg Romanian deadlift",
    aliases: ["RDL", "single-leg RDL", "SL RDL", "single-leg deadlift", "hip hinge"],
    area: "balance",
    conditions: ["ITBS", "PFP", "GENERAL"],
    phase: ["mid", "late"],
    targets: ["buttock (gluteus maximus)", "back of the thigh (hamstrings)", "side of the hip (gluteus medius)", "balance"],
    why: "One of the exercises that makes the buttock and side-of-hip muscles work hardest, while also training balance on one leg. A good later-stage move for runners.",
    steps: [
      "Stand on one leg with the knee a little bent.",
      "Hinge forward at the hip, keeping your back flat, as the other leg reaches straight back.",
      "Keep both hips facing the floor.",
      "Go as far as you can with a flat back.",
      "Squeeze your buttock to stand back up. Repeat, then swap."
    ],
    dose: { amount: "2 to 3 sets of 8 to 10 on each side", timesPerWeek: "2 times a week", minutes: 4 },
    progressWhen: "You can do 3 sets of 10 with your pelvis level.",
    cues: ["Soft standing knee.", "Flat back, like a table top.", "Hips square to the floor."],
    mistakes: ["Rounding the back.", "The hip of the lifted leg twisting open.", "Locking the standing knee straight."],
    easier: { text: "Touch a wall with your fingertips, or keep the back toe lightly on the floor (kickstand)." },
    harder: { text: "Hold a weight in the hand opposite the standing leg." },
    equipment: ["None", "A dumbbell or kettlebell to make it harder (optional)"],
    cautions: ["Low back pain: hinge through a smaller range."],
    sources: ["S40"]
  }
];

// src/content/exercises/hip.ts
var HIP_CARDS = [
  {
    id: "clamshell",
    name: "Clamshell",
    aliases: ["clam", "clams", "clamshells", "side-lying clam", "banded clamshell"],
    area: "hip",
    conditions: ["PFP", "ITBS", "GENERAL"],
    phase: ["early"],
    targets: ["side and back of the hip (gluteus medius)", "small muscles that turn the hip out", "buttock (gluteus maximus), a little"],
    why: "Wakes up the muscles on the side of the hip that help steady the knee when you land on one leg. It is a good first step, but it works those muscles less hard than side-lying leg lifts do.",
    steps: [
      "Lie on your side with your hips bent a little (about 45 degrees) and your knees bent to about a right angle.",
      "Keep your heels touching and stack one hip straight on top of the other.",
      "Tip your top hip very slightly forward.",
      "Lift your top knee up, counting 2, while your feet stay together.",
      "Lower it back down, counting 2."
    ],
    dose: { amount: "2 to 3 sets of 10 to 20 on each side", timesPerWeek: "3 or 4 times a week (every day is fine without a band)", minutes: 4 },
    progressWhen: "You can do 3 sets of 20 easily, with pain no higher than 3 out of 10.",
    cues: ["Only the knee moves; the pelvis stays still.", "Slow and smooth: 2 counts up, 2 counts down.", "Keep your back long, not arched."],
    mistakes: ["Letting the pelvis roll backwards as the knee lifts.", "Letting the feet come apart.", "Swinging the knee up fast.", "Arching the lower back."],
    easier: { text: "Make the lift smaller and leave the band off." },
    harder: { text: "Put a mini-band just above your knees, then hold 3 to 5 seconds at the top, then try it while holding a side plank." },
    equipment: ["A mat", "A mini-band above the knees (optional)"],
    cautions: ["If the bony point on the side of your hip is sore, lying on it may hurt: put a pillow under it or try the standing wall push instead."],
    sources: ["S40", "seed"]
  },
  {
    id: "side-lying-hip-abduction",
    name: "Side-lying hip abduction",
    aliases: ["side leg raise", "side-lying leg lift", "side leg lift", "hip abduction", "side lying leg raise"],
    area: "hip",
    conditions: ["PFP", "ITBS", "PES_ANSERINE", "PATELLAR_TENDINOPATHY", "KNEE_OA", "GENERAL"],
    phase: ["early", "mid"],
    targets: ["side of the hip (gluteus medius and minimus)", "front-side hip muscle (tensor fasciae latae)"],
    why: "Of the common hip exercises tested, this one made the side-of-hip muscles work hardest. Stronger hips are linked to less knee pain in runners, though it is not proven that weak hips cause it.",
    steps: [
      "Lie on your side with your bottom knee bent to help you balance.",
      "Keep your top leg straight, in line with your body or a little behind it.",
      "Point your toes forward or slightly down.",
      "Lift the top leg to about a third of the way up (around 30 degrees).",
      "Lower it slowly and repeat."
    ],
    dose: { amount: "2 to 3 sets of 10 to 15 on each side", timesPerWeek: "3 times a week", minutes: 4 },
    progressWhen: "You can do 3 sets of 15 with good form.",
    cues: ["Lead with the heel, not the toes.", "Keep the top hip stacked over the bottom one.", "Lower slower than you lift."],
    mistakes: [
      "Letting the leg drift forward, so the front of the hip does the work.",
      "Hitching the hip up towards the ribs.",
      "Rolling backwards."
    ],
    easier: { text: "Lift through a shorter range, or keep the top knee bent." },
    harder: { text: "Add an ankle weight or a band, and take 3 seconds to lower." },
    equipment: ["A mat", "An ankle weight or band (optional)"],
    cautions: ["Sore side of the hip: lying on it may hurt, so pad it or shorten the range."],
    sources: ["S40", "S40b"]
  },
  {
    id: "glute-bridge",
    name: "Glute bridge",
    aliases: ["bridge", "bridges", "hip bridge", "banded bridge", "double-leg bridge"],
    area: "hip",
    conditions: ["PFP", "ITBS", "PES_ANSERINE", "PATELLAR_TENDINOPATHY", "KNEE_OA", "GENERAL"],
    phase: ["early"],
    targets: ["buttock (gluteus maximus)", "back of the thigh (hamstrings)", "side of the hip when you use a band (gluteus medius)"],
    why: "Builds the big buttock muscles without bending the knee much, so it is usually kind to a sore knee. It is a standard starting point in strength plans for runners.",
    steps: [
      "Lie on your back, knees bent, feet flat and hip-width apart, heels about a ruler length (30 cm) from your bottom.",
      "Tighten your tummy gently and keep your ribs down.",
      "Push through your heels and lift your hips until shoulders, hips and knees make a straight line.",
      "Hold for 2 to 3 seconds at the top.",
      "Lower slowly and repeat."
    ],
    dose: { amount: "Start with 1 set of 10 and build up to 3 sets of 10, holding 2 to 3 seconds at the top", timesPerWeek: "3 times a week", minutes: 2 },
    progressWhen: "You can do 3 sets of 12 with your hips level and no back pain.",
    cues: ["Squeeze your buttocks to lift, not your back.", "With a band, press your knees gently out against it.", "Keep your weight in your heels."],
    mistakes: ["Arching the lower back at the top.", "Feet too far away, which can make the back of the thigh cramp.", "Knees falling in towards each other."],
    easier: { text: "Make the lift smaller, or lift once and hold still for 5 seconds." },
    harder: { text: "Add a band, then a marching bridge, then move on to the single-leg bridge.", cardId: "single-leg-bridge" },
    equipment: ["A mat", "A mini-band (optional)"],
    cautions: [
      "Low back pain: keep the lift small.",
      "Later in pregnancy, lying flat for long spells is not advised: ask your midwife first."
    ],
    sources: ["S42", "seed"]
  },
  {
    id: "single-leg-bridge",
    name: "Single-leg bridge",
    aliases: ["one-leg bridge", "SL bridge", "single-leg glute bridge", "one leg glute bridge"],
    area: "hip",
    conditions: ["PFP", "ITBS", "GENERAL"],
    phase: ["mid"],
    targets: ["buttock (gluteus maximus)", "back of the thigh (hamstrings)", "muscles that keep the pelvis level"],
    why: "Running is a string of one-leg moments, and this bridge trains each side on its own. It is a natural next step once the two-leg bridge feels easy.",
    steps: [
      "Lie on your back with both knees bent and feet flat.",
      "Hug one knee to your chest, or hold that leg straight in line with the other thigh.",
      "Push through the heel of the foot on the floor and lift your hips.",
      "Keep your pelvis level at the top.",
      "Lower slowly and repeat, then swap sides."
    ],
    dose: { amount: "2 to 3 sets of 8 to 12 on each side", timesPerWeek: "2 or 3 times a week", minutes: 3 },
    progressWhen: "You can do 3 sets of 12 with your pelvis staying level.",
    cues: ["Picture a glass of water on your belly that must not spill.", "Push through the heel, not the toes.", "Ribs down, back long."],
    mistakes: ["Letting one side of the pelvis drop or twist.", "Pushing through the toes.", "Arching the back."],
    easier: { text: "Do a two-leg bridge with most of your weight on one leg.", cardId: "glute-bridge" },
    harder: { text: "Put the foot on a step or bench, take 3 seconds to lower, or add a weight on your hips." },
    equipment: ["A mat"],
    cautions: ["If the back of the thigh cramps, bring the foot a little closer to your bottom."],
    sources: ["seed", "S42"]
  },
  {
    id: "banded-crab-walk",
    name: "Banded crab walk",
    aliases: ["crab walk", "crab walks", "lateral band walk", "band walk", "side steps with band", "monster walk"],
    area: "hip",
    conditions: ["PFP", "ITBS"],
    phase: ["mid"],
    targets: ["side of the hip (gluteus medius)", "buttock (gluteus maximus)"],
    why: "Works the side-of-hip muscles while you stand and move, which is closer to running than lying down. It trains you to keep the knees from caving in.",
    steps: [
      "Put a mini-band around your legs just above the knees.",
      "Stand with feet hip-width apart, bend into a small squat and keep your chest up.",
      "Step sideways with one foot, keeping the band tight.",
      "Bring the other foot after it, but not all the way in.",
      "Take all your steps one way, then the same number back."
    ],
    dose: { amount: "2 to 3 sets of 10 to 15 steps each way", timesPerWeek: "3 times a week", minutes: 3 },
    progressWhen: "You can do 3 sets of 15 steps each way with your knees staying over your toes.",
    cues: ["Toes point forward.", "Knees stay over the second toe.", "Stay low and keep the band tight the whole time."],
    mistakes: ["Toes turning out.", "Rocking the upper body side to side.", "Knees caving in.", "Dragging the back foot."],
    easier: { text: "Keep the band above the knees and stand taller." },
    harder: { text: "Move the band to the ankles or feet, squat a bit lower, use a stronger band, or walk on a diagonal (monster walk)." },
    equipment: ["A mini-band"],
    cautions: ["If the half-squat makes your knee hurt more than 3 out of 10, stand taller."],
    sources: ["seed"]
  },
  {
    id: "wall-push",
    name: "Wall push",
    aliases: ["wall press", "hip wall push", "standing hip abduction hold", "isometric hip abduction"],
    area: "hip",
    conditions: ["PFP", "ITBS"],
    phase: ["early"],
    targets: ["side of the hip on the standing leg (gluteus medius)", "side of the hip on the pushing leg"],
    why: "Makes the hip muscles of the standing leg work hard while the knee barely moves. That makes it a good choice when the knee is sore and bending it is not comfortable yet.",
    steps: [
      "Stand side-on to a wall, about a hand width away.",
      "Lift the leg nearest the wall so hip and knee are both bent to a right angle.",
      "Press the outside of that knee into the wall at about half to two-thirds of your full effort.",
      "Hold, keeping the standing knee soft and your pelvis level.",
      "Relax, rest a moment, and repeat. Then turn round and do the other side."
    ],
    dose: { amount: "5 holds of 5 to 10 seconds on each side", timesPerWeek: "Every day", minutes: 2 },
    progressWhen: "10-second holds feel easy; then build up to 5 holds of 20 to 30 seconds.",
    cues: ["Feel the side of the standing hip working.", "Standing knee points over your toes.", "Breathe normally."],
    mistakes: ["Leaning your body onto the wall.", "Hitching the hip up.", "Holding your breath."],
    easier: { text: "Push less hard and hold for a shorter time." },
    harder: { text: "Hold for longer, bend the standing knee a little, or add a small mini-squat on the standing leg." },
    equipment: ["A wall"],
    cautions: ["If balance is tricky, rest a hand lightly on a chair."],
    sources: ["seed"]
  },
  {
    id: "it-band-stretch",
    name: "IT band stretch",
    aliases: ["ITB stretch", "iliotibial band stretch", "standing IT band stretch", "outer thigh stretch"],
    area: "hip",
    conditions: ["ITBS"],
    phase: ["early", "mid", "late"],
    targets: ["outer hip and thigh (tensor fasciae latae, glutes)"],
    why: "Can make the outer hip and thigh feel looser and more comfortable. The IT band itself is very stiff and will not get longer, so use this for comfort alongside hip strength work, not instead of it.",
    steps: [
      "Stand side-on to a wall with the sore leg nearest it, one hand on the wall.",
      "Cross the sore leg behind the other one.",
      "Push your hip out towards the wall.",
      "Lean your upper body away, or reach the other arm over your head.",
      "Hold where you feel a gentle stretch on the outer hip or thigh, then relax."
    ],
    dose: { amount: "2 to 3 holds of 30 seconds on each side", timesPerWeek: "Every day, or after runs", minutes: 2 },
    progressWhen: "There is no harder stage: keep it as a comfort stretch.",
    cues: ["A gentle pull, never pain.", "Keep breathing and stay still.", "Hips push out, shoulders lean away."],
    mistakes: ["Bouncing.", "Twisting the knee.", "Expecting it to stretch the band longer."],
    easier: { text: "Lean less." },
    harder: {
      text: "No harder version: put extra effort into hip strength instead, like side-lying hip abduction.",
      cardId: "side-lying-hip-abduction"
    },
    equipment: ["A wall to lean on"],
    cautions: ["It does not replace hip strengthening and easing off the running that hurts.", "Stop if it hurts your knee."],
    sources: ["S6", "S34b"]
  }
];

// src/content/exercises/legs.ts
var LEG_CARDS = [
  {
    id: "single-leg-squat",
    name: "Single-leg squat",
    aliases: ["one-leg squat", "SL squat", "single leg squats"],
    area: "legs",
    conditions: ["PFP", "ITBS", "GENERAL"],
    phase: ["mid"],
    targets: ["front of the thigh (quadriceps)", "buttock and side of the hip (gluteus maximus and medius)", "hip and knee control"],
    why: "Trains the hip and knee to work together on one leg, just like each running step. It also makes the hip muscles work hard. How it feels is a handy check on how a sore kneecap is doing.",
    steps: [
      "Stand on one leg next to a chair or box, with something to hold if needed.",
      "Push your hips back a little and lean your chest slightly forward.",
      "Bend the standing knee slowly, only as deep as you can control.",
      "Keep the knee in line with your second toe and your pelvis level.",
      "Stand back up, then repeat. Swap legs."
    ],
    dose: { amount: "2 to 3 sets of 8 to 10 on each leg", timesPerWeek: "2 or 3 times a week", minutes: 4 },
    progressWhen: "You can do 3 sets of 10 with the knee over the toes and pain no higher than 3 out of 10.",
    cues: ["Knee follows the second toe; it does not cave in.", "Pelvis stays level.", "Go only as low as you control with pain at 3 out of 10 or less."],
    mistakes: ["Knee diving inwards.", "One hip dropping.", "Going too deep too soon."],
    easier: {
      text: "Sit down to a high box on one leg and stand up again, do a two-leg squat, or hold a doorframe.",
      cardId: "sit-to-stand"
    },
    harder: { text: "Squat to a lower box, take 3 seconds to go down, or hold a weight." },
    equipment: ["A chair or box to mark depth", "Something to hold (optional)"],
    cautions: ["Pain around the kneecap: deep knee bends press the kneecap harder, so add depth slowly."],
    sources: ["S40", "S1b", "seed"]
  },
  {
    id: "step-down",
    name: "Step-down",
    aliases: ["lateral step-down", "forward step-down", "step downs", "heel tap"],
    area: "legs",
    conditions: ["PFP", "ITBS", "PATELLAR_TENDINOPATHY", "GENERAL"],
    phase: ["mid"],
    targets: ["front of the thigh, controlling the lowering (quadriceps)", "side of the hip (gluteus medius)"],
    why: "Teaches the thigh to control the knee as you lower, like going downstairs or downhill. Stairs often bother a sore kneecap, so this builds that skill in small steps.",
    steps: [
      "Stand on a low step (10 to 20 cm) on one leg, holding a rail if needed.",
      "Slowly bend the standing knee so the other heel lowers to tap the floor.",
      "Take 3 seconds to lower.",
      "Keep the knee over your toes and your pelvis level.",
      "Straighten back up without pushing off the floor foot."
    ],
    dose: { amount: "2 to 3 sets of 8 to 10 on each leg, 3 seconds down", timesPerWeek: "2 or 3 times a week", minutes: 4 },
    progressWhen: "You can do 3 sets of 10 under control at this step height.",
    cues: ["Slow on the way down.", "Just a light heel tap, no weight on it.", "Knee over toes, hips level."],
    mistakes: ["Dropping down fast.", "Hitching one hip up.", "Knee caving in."],
    easier: { text: "Use a lower step (5 to 10 cm) and hold the rail." },
    harder: { text: "Use a higher step, step down forwards, or hold a weight; then move on to the single-leg squat.", cardId: "single-leg-squat" },
    equipment: ["A step 10 to 20 cm high", "A rail or wall to hold"],
    cautions: ["If stairs already hurt, start on a very low step."],
    sources: ["S5"]
  },
  {
    id: "split-squat",
    name: "Split squat",
    aliases: ["static lunge", "stationary lunge", "split squats"],
    area: "legs",
    conditions: ["PFP", "PATELLAR_TENDINOPATHY", "PES_ANSERINE", "KNEE_OA", "GENERAL"],
    phase: ["mid"],
    targets: ["front of the thigh (quadriceps)", "buttock (gluteus maximus)", "inner thigh (adductors)"],
    why: "A steady way to strengthen the whole leg with both feet on the ground. It fits basic strength guidelines and, in a range that feels fine, suits kneecap and tendon pain once the first weeks are past.",
    steps: [
      "Stand with one foot a big step in front of the other, feet hip-width apart.",
      "Lower your back knee towards the floor.",
      "Keep your front knee over the middle of your front foot.",
      "Push up through the whole front foot.",
      "Do all your reps, then swap legs."
    ],
    dose: { amount: "2 to 3 sets of 8 to 12 on each side", timesPerWeek: "2 or 3 times a week", minutes: 4 },
    progressWhen: "You can do 3 sets of 12 with body weight and pain no higher than 3 out of 10.",
    cues: ["Feet on two train tracks, not a tightrope.", "Back knee goes down, not forward.", "Push through the whole front foot."],
    mistakes: ["Feet in one line, so you wobble.", "Front knee caving in.", "Bouncing at the bottom."],
    easier: { text: "Go only part of the way down, and hold something." },
    harder: {
      text: "Hold dumbbells, rest the back foot on a bench (Bulgarian split squat), slow it down, or move on to the reverse lunge.",
      cardId: "reverse-lunge"
    },
    equipment: ["None", "Dumbbells to make it harder (optional)"],
    cautions: ["Pain around the kneecap: only go as deep as feels acceptable."],
    sources: ["S42", "seed"]
  },
  {
    id: "reverse-lunge",
    name: "Reverse lunge",
    aliases: ["backward lunge", "back lunge", "reverse lunges", "lunge"],
    area: "legs",
    conditions: ["PFP", "ITBS", "GENERAL"],
    phase: ["mid"],
    targets: ["buttock (gluteus maximus)", "back of the thigh (hamstrings)", "front of the thigh (quadriceps)"],
    why: "Stepping back shifts more of the work to the hip, so many people with front-of-knee pain find it kinder than a forward lunge. That comes from practice rather than trials.",
    steps: [
      "Stand tall with feet hip-width apart.",
      "Take a long step back with one foot.",
      "Lower your back knee towards the floor, leaning slightly forward from the hips.",
      "Keep the front shin fairly upright and your weight in the front heel and middle of the foot.",
      "Drive up through the front leg and bring the back foot in. Repeat, then swap."
    ],
    dose: { amount: "2 to 3 sets of 8 to 10 on each side", timesPerWeek: "2 or 3 times a week", minutes: 4 },
    progressWhen: "You can do 3 sets of 10 under control.",
    cues: ["Long step back.", "Front shin stays upright.", "Push up through the front hip."],
    mistakes: ["A short step, so the front knee shoots forward.", "Upper body slumping.", "Knee caving in."],
    easier: { text: "Do a split squat instead, hold a support, or go part of the way down.", cardId: "split-squat" },
    harder: { text: "Hold dumbbells, step back off a low step, or lower slowly." },
    equipment: ["None", "Weights to make it harder (optional)"],
    cautions: ["Balance: keep a wall or chair close by."],
    sources: ["seed"]
  },
  {
    id: "spanish-squat",
    name: "Spanish squat",
    aliases: ["belt squat", "Spanish squat hold", "band squat hold"],
    area: "legs",
    conditions: ["PATELLAR_TENDINOPATHY"],
    phase: ["early", "mid"],
    targets: ["front of the thigh and the kneecap tendon (quadriceps, patellar tendon)"],
    why: "A belt behind the knees lets you squat with upright shins, loading the thigh and kneecap tendon while sparing the front of the knee. In a small study without a comparison group, five 30-second holds eased tendon pain over 4 weeks.",
    steps: [
      "Loop a strong belt or heavy band behind both knees and fix it to something solid at knee height.",
      "Step back until the belt is tight.",
      "Sit back, keeping your shins straight up and your body upright.",
      "Bend your knees to a comfortable angle (start shallow; later up to a right angle) and push into the belt.",
      "Hold, then stand up and rest. Later you can do slow squats instead of holds."
    ],
    dose: {
      amount: "Holds: 5 of 30 to 45 seconds, about 2 minutes rest between. Later: 3 sets of 10 to 15 slow squats",
      timesPerWeek: "Holds most days while it is painful; squats 3 times a week",
      minutes: 11
    },
    progressWhen: "The holds feel easy with pain at 3 out of 10 or less; then go deeper, then do moving reps.",
    cues: ["Shins straight up.", "Lean back into the belt.", "Start shallow."],
    mistakes: ["Shins tipping forward because the belt is slack.", "Leaning forward.", "Going too deep on the first day."],
    easier: { text: "Use a shallower angle and shorter holds, or try a wall sit.", cardId: "wall-sit" },
    harder: { text: "Go deeper, hold longer, hold dumbbells, then switch to slow moving squats." },
    equipment: ["A strong belt or heavy band, fixed to something solid at knee height"],
    cautions: ["Pain around the kneecap: deep bends can stir it up, so stay shallow.", "Check the anchor is secure before you lean back."],
    sources: ["S26", "S25"]
  },
  {
    id: "wall-sit",
    name: "Wall sit",
    aliases: ["wall squat", "wall squat hold", "wall sits"],
    area: "legs",
    conditions: ["PATELLAR_TENDINOPATHY", "PFP", "KNEE_OA", "PES_ANSERINE"],
    phase: ["early"],
    targets: ["front of the thigh (quadriceps)"],
    why: "A still hold that builds thigh strength at a knee angle you choose, so you can stay where it feels fine. Holds like this are a common early step for kneecap and tendon pain.",
    steps: [
      "Stand with your back flat against a wall, feet hip-width apart and a step forward.",
      "Slide down until your knees are a little bent, at a comfortable angle.",
      "Keep your knees over your ankles and your weight in your heels.",
      "Hold, breathing normally.",
      "Slide back up and rest."
    ],
    dose: { amount: "3 to 5 holds of 20 to 45 seconds", timesPerWeek: "3 to 5 times a week (most days for kneecap tendon pain)", minutes: 3 },
    progressWhen: "You can do 5 holds of 45 seconds with pain no higher than 3 out of 10.",
    cues: ["Back flat on the wall.", "Knees over ankles.", "Pick the angle that hurts least."],
    mistakes: ["Knees pushing far past the toes.", "Going too deep too soon.", "Holding your breath."],
    easier: { text: "Stand higher up the wall and hold for less time." },
    harder: { text: "Slide lower, hold longer, shift more weight onto one leg, or hold a weight." },
    equipment: ["A wall"],
    cautions: ["Pain around the kneecap: choose the least painful angle and stop if you get sharp pain."],
    sources: ["S25", "S42"]
  },
  {
    id: "sit-to-stand",
    name: "Sit-to-stand",
    aliases: ["chair squat", "chair stand", "chair stands", "box squat"],
    area: "legs",
    conditions: ["KNEE_OA", "PES_ANSERINE", "PFP"],
    phase: ["early"],
    targets: ["front of the thigh (quadriceps)", "buttocks (glutes)"],
    why: "Standing up from a chair is an everyday move, and doing it on purpose builds thigh and hip strength. Strength work like this is a core part of care for knee arthritis.",
    steps: [
      "Sit near the front of a sturdy chair, feet hip-width apart and slightly behind your knees.",
      "Lean forward.",
      "Stand up without using your hands.",
      "Sit back down slowly, taking 3 seconds.",
      "Repeat."
    ],
    dose: { amount: "2 to 3 sets of 8 to 12", timesPerWeek: "3 times a week", minutes: 3 },
    progressWhen: "You can do 3 sets of 12 without using your hands.",
    cues: ["Nose over toes as you stand.", "Knees stay in line with your feet.", "Slow on the way down."],
    mistakes: ["Knees falling inwards.", "Dropping into the chair."],
    easier: { text: "Use a higher seat, or push off your thighs with your hands." },
    harder: { text: "Use a lower seat, hold a weight, or put more weight on one leg; later try the single-leg squat.", cardId: "single-leg-squat" },
    equipment: ["A sturdy chair"],
    cautions: ["If falls are a worry, put the chair against a wall."],
    sources: ["S13", "S42"]
  },
  {
    id: "step-up",
    name: "Step-up",
    aliases: ["step ups", "box step-up", "stair step-up"],
    area: "legs",
    conditions: ["KNEE_OA", "PFP", "PES_ANSERINE"],
    phase: ["early", "mid"],
    targets: ["front of the thigh (quadriceps)", "buttock and side of the hip (gluteus maximus and medius)"],
    why: "Builds leg strength for stairs and hills in a move you can scale by step height. It works the side-of-hip muscles fairly well too.",
    steps: [
      "Stand facing a low step (10 to 20 cm).",
      "Put your whole foot on the step.",
      "Push through the heel of that foot to step up, keeping the knee over your toes.",
      "Keep your pelvis level at the top.",
      "Step down slowly. Do all your reps, then swap legs."
    ],
    dose: { amount: "2 to 3 sets of 10 on each leg", timesPerWeek: "3 times a week", minutes: 4 },
    progressWhen: "You can do 3 sets of 10 under control.",
    cues: ["Whole foot on the step.", "Drive through the top heel.", "Step down slowly."],
    mistakes: ["Pushing off with the bottom foot.", "Knee caving in.", "Swinging the upper body."],
    easier: { text: "Use a lower step and hold a rail." },
    harder: { text: "Use a higher step, step up sideways, or hold weights." },
    equipment: ["A step 10 to 20 cm high"],
    cautions: [],
    sources: ["S40b"]
  }
];

// src/content/exercises/thigh.ts
var THIGH_CARDS = [
  {
    id: "eccentric-hamstring-bridge",
    name: "Eccentric hamstring bridge",
    aliases: ["bridge walk-out", "bridge walkouts", "hamstring walkout", "hamstring bridge", "slow lowering bridge"],
    area: "thigh",
    conditions: ["GENERAL", "PES_ANSERINE", "PFP", "ITBS"],
    phase: ["mid", "late"],
    targets: ["back of the thigh, working while it lengthens (hamstrings)", "buttock (gluteus maximus)"],
    why: "Strong hamstrings that can control a slow lowering help the back of the leg cope with running. For inner-knee pain, use it only once things have settled, and start gently.",
    steps: [
      "Lie on your back, knees bent, and lift into a bridge.",
      "Keeping your hips up, walk your heels away from you in small steps.",
      "Walk them back in, then lower your hips.",
      "Other way to do it: lift on two legs, then lower slowly on one leg.",
      "Take 3 to 4 seconds for each lowering."
    ],
    dose: { amount: "2 to 3 sets of 6 to 8, lowering over 3 to 4 seconds", timesPerWeek: "2 times a week", minutes: 3 },
    progressWhen: "You can do 3 sets of 8 smoothly without cramping.",
    cues: ["Keep the hips high for as long as you can.", "Small steps, smooth lowering.", "Ribs down so the back stays flat."],
    mistakes: ["Letting the hips sag early.", "Jerky lowering.", "Arching the back."],
    easier: { text: "Take fewer steps out, or lower on two legs." },
    harder: { text: "Put your heels on sliders and slide them out and in, then try it on one leg." },
    equipment: ["A mat", "A step or sliders (optional)"],
    cautions: [
      "Recent hamstring strain: follow your physio or doctor.",
      "Inner-knee pain: one of the hamstring tendons joins there, so start very gently."
    ],
    sources: ["seed"]
  },
  {
    id: "standing-hamstring-curl",
    name: "Standing hamstring curl",
    aliases: ["hamstring curl", "standing knee curl", "leg curl", "standing leg curl"],
    area: "thigh",
    conditions: ["PES_ANSERINE", "KNEE_OA"],
    phase: ["early"],
    targets: ["back of the thigh (hamstrings)"],
    why: "A gentle way to use the back of the thigh and keep the knee moving, with very little load through the joint. Good for getting started when the knee is grumpy.",
    steps: [
      "Stand tall, holding the back of a chair.",
      "Keep your thighs side by side, with the knee of the working leg pointing down.",
      "Bend that knee, bringing your heel up towards your bottom, to about a right angle.",
      "Hold for 5 seconds.",
      "Lower slowly, then repeat."
    ],
    dose: {
      amount: "Start with 3 slow curls on each leg, holding 5 seconds at the top; build to 2 to 3 sets of 10 to 12",
      timesPerWeek: "3 times a week (the gentle version every day)",
      minutes: 2
    },
    progressWhen: "You can do 2 sets of 12 easily.",
    cues: ["Thigh stays still; only the lower leg moves.", "Stand tall, tummy gently tight.", "Lower slowly."],
    mistakes: ["Arching the lower back.", "Swinging the thigh forward.", "Bending further than is comfortable."],
    easier: { text: "Bend the knee less far." },
    harder: { text: "Add an ankle weight or a band, or do the curl lying face down or on a gym machine." },
    equipment: ["A chair to hold", "An ankle weight or band (optional)"],
    cautions: [
      "Weak bones (osteoporosis), especially after a spine fracture: keep your back straight and ask your clinician first.",
      "If the muscle cramps, bend the knee less far."
    ],
    sources: ["seed"]
  },
  {
    id: "straight-leg-raise",
    name: "Straight-leg raise",
    aliases: ["SLR", "quad set", "quad sets", "straight leg lift", "quad squeeze"],
    area: "thigh",
    conditions: ["PFP", "KNEE_OA", "PES_ANSERINE"],
    phase: ["early"],
    targets: ["front of the thigh (quadriceps)"],
    why: "Strengthens the front of the thigh without bending the knee, so it suits days when squats hurt. Building thigh strength is a core part of care for knee arthritis.",
    steps: [
      "Lie on your back with one knee bent and that foot flat.",
      "Quad set first: press the back of the straight knee down into the floor or a rolled towel, hold 5 seconds, relax.",
      "For the raise: tighten the thigh, lock the knee straight and pull your toes up.",
      "Lift the straight leg to the height of the other knee and hold 3 seconds.",
      "Lower slowly."
    ],
    dose: { amount: "10 quad sets of 5 seconds, then 2 to 3 sets of 10 to 15 raises on each side", timesPerWeek: "Every day", minutes: 4 },
    progressWhen: "You can do 3 sets of 15 easily.",
    cues: ["Thigh tight before you lift.", "Toes pulled up towards you.", "Lower slower than you lift."],
    mistakes: ["Letting the knee bend as you lift.", "Lifting too high.", "Arching the back."],
    easier: { text: "Do the quad sets only." },
    harder: { text: "Add an ankle weight." },
    equipment: ["A mat", "A rolled towel"],
    cautions: ["Low back pain: keep the other knee bent."],
    sources: ["S9", "S13"]
  },
  {
    id: "isometric-knee-extension",
    name: "Isometric knee extension",
    aliases: ["knee extension hold", "quad hold", "isometric leg extension", "seated knee extension hold"],
    area: "thigh",
    conditions: ["PATELLAR_TENDINOPATHY"],
    phase: ["early"],
    targets: ["front of the thigh and the kneecap tendon (quadriceps, patellar tendon)"],
    why: "Long, still holds can ease kneecap tendon pain for a while and are a comfortable way to start loading the tendon. One tiny study showed big pain relief; later, larger studies found smaller effects, so treat it as a starting point, not a fix.",
    steps: [
      "Sit tall on a chair with a strong band looped round your ankle and fixed behind you, or use a leg-extension machine.",
      "Bend the knee to about 60 degrees (a bit more than halfway straight).",
      "Push against the band or pad fairly hard, about 7 out of 10 effort, without moving.",
      "Hold steady for 30 to 45 seconds.",
      "Rest about 2 minutes, then repeat."
    ],
    dose: { amount: "5 holds of 30 to 45 seconds, about 2 minutes rest between holds", timesPerWeek: "1 to 3 times a day while it is painful, and before training", minutes: 11 },
    progressWhen: "A single-leg squat on a downward slope hurts 3 out of 10 or less; then add moving strength work.",
    cues: ["Sit tall.", "Hold still and steady.", "A dull ache is fine; no sharp tendon pain."],
    mistakes: ["Straightening the knee all the way (the holds are done bent).", "Going too hard too soon."],
    easier: { text: "Push less hard, or use both legs together." },
    harder: {
      text: "One leg at a time, then heavier; later move on to moving exercises like the Spanish squat, split squat and step-down.",
      cardId: "spanish-squat"
    },
    equipment: ["A chair and a strong band fixed behind you, or a leg-extension machine"],
    cautions: ["High blood pressure: keep breathing during long holds, never hold your breath."],
    sources: ["S25", "S27", "S28"]
  },
  {
    id: "copenhagen-plank",
    name: "Copenhagen plank",
    aliases: ["Copenhagen", "Copenhagen adduction", "adductor side plank", "Copenhagen adductor"],
    area: "thigh",
    conditions: ["GENERAL"],
    phase: ["mid", "late"],
    targets: ["inner thigh (adductors)", "side of the trunk"],
    why: "Builds inner-thigh strength and helps control the pelvis when running. A programme built on it cut groin problems in footballers. It is not a first-choice exercise for knee pain.",
    steps: [
      "Level 1: lie on your side and lift the bottom leg up and down.",
      "Level 2 (short lever): lie on your side with the top knee resting on a bench or chair seat.",
      "Prop yourself on your forearm and lift your hips until your body is in a straight line.",
      "Lower halfway and lift again, or just hold.",
      "Level 3 (long lever) rests the top ankle on the bench instead: only once level 2 is easy."
    ],
    dose: { amount: "Level 1 or 2: 1 to 2 sets of 3 to 5 lifts, or 10 to 15 second holds, on each side", timesPerWeek: "1 to 3 times a week, building over 6 to 8 weeks", minutes: 3 },
    progressWhen: "You can do 2 sets of 8 lifts (or 2 holds of 30 seconds) at your level without pain.",
    cues: ["Body in one straight line.", "Lift from the inner thigh of the top leg.", "Steady, not rushed."],
    mistakes: ["Hips sagging or piking up.", "Jumping straight to the long-lever version."],
    easier: { text: "Level 1 (side-lying bottom-leg lift), or shorter holds." },
    harder: { text: "Level 3: top ankle on the bench, then lifts instead of holds." },
    equipment: ["A bench or chair, or a partner to hold your leg"],
    cautions: [
      "Inner-knee pain or an inner-knee ligament injury: the long lever loads the inside of the knee, so use the short lever or skip it.",
      "Groin pain: ask a physio first.",
      "Shoulder pain on the arm you lean on."
    ],
    sources: ["S39", "S39b"]
  }
];

// src/content/exercises/types.ts
var AREAS = ["hip", "thigh", "legs", "calf", "balance"];
var AREA_LABELS = {
  hip: "Hips and glutes",
  thigh: "Thighs (front, back and inner)",
  legs: "Squats, lunges and steps",
  calf: "Calves and ankles",
  balance: "Balance and single-leg control"
};
var PHASES = ["early", "mid", "late"];

// src/content/exercises/index.ts
var EXERCISE_CARDS = [...HIP_CARDS, ...THIGH_CARDS, ...LEG_CARDS, ...CALF_AND_BALANCE_CARDS];

// src/exercises/normalise.ts
function normaliseText(text3) {
  return text3.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

// src/exercises/catalogue.ts
var MAX_FIELD_CHARS = 1024;
var MAX_CARD_CHARS = 3500;
var SOURCE_TAG = /^(S\d+[a-z]?(-[A-Za-z]+)?|seed)$/;
var text = z.string().trim().min(1).max(MAX_FIELD_CHARS);
var textList = z.array(text);
var variantSchema = z.strictObject({ text, cardId: z.enum(EXERCISE_IDS).optional() });
var cardSchema = z.strictObject({
  id: z.enum(EXERCISE_IDS),
  name: z.string().trim().min(1).max(100),
  aliases: z.array(z.string().trim().min(1).max(100)),
  area: z.enum(AREAS),
  conditions: z.array(z.enum(ROUTINE_CONDITIONS)).min(1),
  phase: z.array(z.enum(PHASES)).min(1),
  targets: textList.min(1),
  why: text,
  steps: textList.min(1),
  dose: z.strictObject({ amount: text, timesPerWeek: text, minutes: z.number().int().min(1).max(15) }),
  progressWhen: text,
  cues: textList.min(1),
  mistakes: textList.min(1),
  easier: variantSchema,
  harder: variantSchema,
  equipment: textList.min(1),
  cautions: textList,
  sources: z.array(z.string().regex(SOURCE_TAG, "source tags look like S40, S40b or seed")).min(1)
});
var CatalogueError = class extends Error {
  constructor(problems) {
    super(`Exercise catalogue is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):
- ${problems.join("\n- ")}`);
    this.problems = problems;
    this.name = "CatalogueError";
  }
};
var LIST_FIELDS = ["targets", "steps", "cues", "mistakes", "equipment", "cautions"];
function listFieldLength(items) {
  return items.reduce((sum, item) => sum + item.length + 3, 0);
}
function cardTextLength(card) {
  const prose = [card.name, card.why, card.progressWhen, card.dose.amount, card.dose.timesPerWeek, card.easier.text, card.harder.text];
  return prose.reduce((sum, part) => sum + part.length, 0) + LIST_FIELDS.reduce((sum, key) => sum + listFieldLength(card[key]), 0);
}
function label(raw, index2) {
  const id = typeof raw === "object" && raw !== null && "id" in raw ? String(raw.id) : "?";
  return `card ${index2 + 1} (${id})`;
}
function checkLengths(card, where, problems) {
  for (const key of LIST_FIELDS) {
    const length = listFieldLength(card[key]);
    if (length > MAX_FIELD_CHARS) problems.push(`${where}: ${key} is ${length} characters as one field (limit ${MAX_FIELD_CHARS})`);
  }
  const total = cardTextLength(card);
  if (total > MAX_CARD_CHARS) problems.push(`${where}: card text is ${total} characters (limit ${MAX_CARD_CHARS})`);
}
function checkCrossLinks(cards, problems) {
  const ids = new Set(cards.map((card) => card.id));
  const seenIds = /* @__PURE__ */ new Set();
  const owners = /* @__PURE__ */ new Map();
  for (const card of cards) {
    if (seenIds.has(card.id)) problems.push(`duplicate id "${card.id}"`);
    seenIds.add(card.id);
    for (const [kind, variant] of [["easier", card.easier], ["harder", card.harder]]) {
      if (variant.cardId === void 0) continue;
      if (variant.cardId === card.id) problems.push(`${card.id}: ${kind} links to itself`);
      else if (!ids.has(variant.cardId)) problems.push(`${card.id}: ${kind} links to missing card "${variant.cardId}" (dangling link)`);
    }
    for (const [kind, value] of [["name", card.name], ...card.aliases.map((alias) => ["alias", alias])]) {
      const key = normaliseText(value);
      const owner = owners.get(key);
      if (owner !== void 0) problems.push(`${card.id}: duplicate ${kind} "${value}" (already used by ${owner})`);
      else owners.set(key, card.id);
    }
  }
  for (const id of EXERCISE_IDS) {
    if (!ids.has(id)) problems.push(`missing card for id "${id}"`);
  }
}
function loadCatalogue(raw = EXERCISE_CARDS) {
  const problems = [];
  const cards = [];
  raw.forEach((entry, index2) => {
    const where = label(entry, index2);
    const parsed = cardSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.length > 0 ? issue.path.join(".") : "(card)";
        problems.push(`${where}: ${path}: ${issue.message}`);
      }
      return;
    }
    checkLengths(parsed.data, where, problems);
    cards.push(parsed.data);
  });
  checkCrossLinks(cards, problems);
  if (problems.length > 0) throw new CatalogueError(problems);
  return cards.sort((a, b) => EXERCISE_IDS.indexOf(a.id) - EXERCISE_IDS.indexOf(b.id));
}
var loaded;
function catalogue() {
  if (loaded === void 0) {
    const cards = Object.freeze(loadCatalogue());
    loaded = { cards, byId: new Map(cards.map((card) => [card.id, card])) };
  }
  return loaded;
}
function allCards() {
  return catalogue().cards;
}
function getCard(id) {
  return isExerciseId(id) ? catalogue().byId.get(id) : void 0;
}
function cardsFor(filter = {}) {
  return allCards().filter(
    (card) => (filter.condition === void 0 || card.conditions.includes(filter.condition)) && (filter.area === void 0 || card.area === filter.area) && (filter.phase === void 0 || card.phase.includes(filter.phase))
  );
}

// src/exercises/paging.ts
function pageCards(cards, page, perPage) {
  const size = Number.isFinite(perPage) ? Math.max(1, Math.floor(perPage)) : 1;
  const pageCount = Math.max(1, Math.ceil(cards.length / size));
  const requested = Number.isFinite(page) ? Math.floor(page) : 1;
  const current = Math.min(Math.max(1, requested), pageCount);
  const start = (current - 1) * size;
  return { items: cards.slice(start, start + size), page: current, pageCount, total: cards.length };
}

// src/content/safety.ts
var NOT_A_DIAGNOSIS = "This is not a diagnosis. Only a health professional who examines your knee can tell what is going on.";
var PAIN_RULE = {
  title: "The pain rule (a traffic light)",
  green: "Green, 0 to 3 out of 10 while you exercise or run, and settled by the next morning: carry on, and build up slowly.",
  amber: "Amber, 4 or 5 out of 10, or a bit sore the next morning but fine by midday: keep the same amount, do not add more yet.",
  red: "Red, more than 5 out of 10, sharp pain, limping, swelling, or worse the next day: do less (about half, or go back a step). If this keeps happening, book a check with a physio or doctor."
};
function painRuleText() {
  return [PAIN_RULE.green, PAIN_RULE.amber, PAIN_RULE.red].join("\n");
}
var SAFETY_NET = "Get checked sooner if your knee swells up, locks or gives way; if it turns hot or red or you get a fever; if you cannot put weight on it; if pain wakes you at night or keeps getting worse; or if it is not getting better after 2 to 3 weeks. Run /symptom-check again whenever things change.";
var CARD_SAFETY_NET = "Stop and get advice if the exercise gives you sharp pain, your knee swells, locks or gives way, or the pain is worse the next day and keeps getting worse. This card is general information, not a treatment plan for you.";

// src/exercises/routines.ts
var TWO_BALANCE_HOLDS = { cardId: "single-leg-balance", dose: "2 holds of 30 seconds on each leg", minutes: 2 };
var PLANS = {
  PFP: {
    intro: "A gentle starter set for pain around the kneecap. It works the hips and thighs with very little knee bending, which suits the first couple of weeks while the knee is easily stirred up.",
    timesPerWeek: "3 or 4 times a week",
    items: [
      { cardId: "wall-push" },
      { cardId: "clamshell", dose: "2 sets of 10 on each side", minutes: 3 },
      { cardId: "glute-bridge" },
      { cardId: "straight-leg-raise", dose: "10 quad sets of 5 seconds, then 1 set of 10 raises on each side", minutes: 3, note: "A good swap on days when squats hurt." },
      TWO_BALANCE_HOLDS
    ]
  },
  ITBS: {
    intro: "A starter set for pain on the outside of the knee. It builds the side-of-hip muscles, which is the main exercise advice for this kind of pain, and ends with an optional stretch for comfort.",
    timesPerWeek: "3 or 4 times a week",
    items: [
      { cardId: "wall-push" },
      { cardId: "side-lying-hip-abduction", dose: "2 sets of 10 on each side", minutes: 3 },
      { cardId: "clamshell", dose: "2 sets of 10 on each side", minutes: 3 },
      TWO_BALANCE_HOLDS,
      { cardId: "it-band-stretch", note: "For comfort only; the strength work matters more." }
    ]
  },
  PES_ANSERINE: {
    intro: "A calm starter set for pain on the inner knee just below the joint. It strengthens the thigh and hip without pressing on the sore spot. Heavy inner-thigh exercises, such as the long-lever Copenhagen plank, are left out for now.",
    timesPerWeek: "3 times a week",
    items: [
      { cardId: "straight-leg-raise", dose: "10 quad sets of 5 seconds, then 2 sets of 10 raises on each side", minutes: 4 },
      { cardId: "glute-bridge" },
      { cardId: "side-lying-hip-abduction", dose: "2 sets of 10 on each side", minutes: 3 },
      { cardId: "standing-hamstring-curl", dose: "3 slow curls on each leg, holding 5 seconds at the top", minutes: 2, note: "Keep it gentle at first." }
    ]
  },
  PATELLAR_TENDINOPATHY: {
    intro: "A starter set for pain in the tendon just below the kneecap. Long still holds load the tendon in a way most people find comfortable, and hip work keeps the rest of the leg strong. Cut back on jumping and hills for now rather than stopping everything.",
    timesPerWeek: "The holds most days while it is painful; the hip work 3 times a week",
    items: [
      {
        cardId: "isometric-knee-extension",
        dose: "5 holds of 30 seconds, resting about 2 minutes between holds",
        note: "With a belt and a solid anchor, Spanish squat holds can be used instead."
      },
      { cardId: "side-lying-hip-abduction", dose: "2 sets of 10 on each side", minutes: 3 }
    ]
  },
  KNEE_OA: {
    intro: "A starter set for knees with arthritis. Strong thigh and hip muscles are one of the best-supported ways to ease arthritis pain, and staying active is better for the knee than resting it.",
    timesPerWeek: "3 times a week",
    items: [
      { cardId: "straight-leg-raise", dose: "10 quad sets of 5 seconds, then 1 set of 10 raises on each side", minutes: 3 },
      { cardId: "sit-to-stand", dose: "2 sets of 8 to 10", minutes: 3 },
      { cardId: "glute-bridge" },
      TWO_BALANCE_HOLDS
    ]
  },
  GENERAL: {
    intro: "A short strength set for any runner: single-leg hip strength, whole-leg strength and calves. Do it on days apart, and add a little only when the last session felt easy.",
    timesPerWeek: "2 or 3 times a week, on days apart",
    items: [
      { cardId: "single-leg-bridge", dose: "2 sets of 10 on each side", minutes: 3 },
      { cardId: "split-squat", dose: "2 sets of 10 on each side", minutes: 4 },
      { cardId: "side-lying-hip-abduction", dose: "2 sets of 12 on each side", minutes: 3 },
      { cardId: "calf-raise", dose: "2 sets of 15 with straight knees, then 1 set of 15 with bent knees", minutes: 3 }
    ]
  }
};
function toItem(planned, condition) {
  const card = getCard(planned.cardId);
  if (card === void 0) throw new Error(`Routine ${condition} uses unknown card "${planned.cardId}"`);
  if (!card.conditions.includes(condition)) throw new Error(`Routine ${condition} uses ${card.id}, which does not list ${condition}`);
  const item = { cardId: card.id, name: card.name, dose: planned.dose ?? card.dose.amount, minutes: planned.minutes ?? card.dose.minutes };
  if (planned.note !== void 0) item.note = planned.note;
  return item;
}
function buildRoutine(condition) {
  const plan = PLANS[condition];
  const items = plan.items.map((planned) => toItem(planned, condition));
  const totalMinutes = items.reduce((sum, item) => sum + item.minutes, 0);
  return {
    condition,
    title: `${ROUTINE_CONDITION_LABELS[condition]} routine (about ${totalMinutes} minutes)`,
    intro: plan.intro,
    timesPerWeek: plan.timesPerWeek,
    items,
    totalMinutes,
    painRule: { title: PAIN_RULE.title, text: painRuleText() },
    safetyNet: CARD_SAFETY_NET
  };
}

// src/exercises/search.ts
var SCORE = { exact: 1e3, prefix: 900, wordPrefix: 800, substring: 600, fuzzyBase: 300, fuzzyRange: 200 };
var NAME_BONUS = 5;
var MIN_FUZZY_SIMILARITY = 0.6;
function indexText(raw) {
  const text3 = normaliseText(raw);
  return { text: text3, words: text3.split(" ").filter(Boolean), compact: text3.replace(/ /g, "") };
}
function buildSearchIndex(cards) {
  return cards.map((card) => ({
    id: card.id,
    name: card.name,
    texts: [card.name, ...card.aliases, card.id].map(indexText)
  })).sort((a, b) => a.name.localeCompare(b.name));
}
function editDistance(a, b) {
  if (a === b) return 0;
  let beforePrevious = new Array(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2] + 1);
      current[j] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}
function allowedEdits(length) {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 8) return 2;
  return 3;
}
function similarity(query, target) {
  if (target.startsWith(query)) return 1;
  const candidates = [target];
  if (query.length >= 4 && target.length > query.length) candidates.push(target.slice(0, query.length + 1));
  let best = 0;
  const allowed = allowedEdits(query.length);
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - query.length) > allowed) continue;
    const distance = editDistance(query, candidate);
    if (distance <= allowed) best = Math.max(best, 1 - distance / Math.max(query.length, candidate.length));
  }
  return best;
}
function fuzzySimilarity(query, target) {
  const perWord = query.words.map((word) => Math.max(0, ...target.words.map((candidate) => similarity(word, candidate))));
  const wordAverage = perWord.reduce((sum, value) => sum + value, 0) / perWord.length;
  return Math.max(wordAverage, similarity(query.compact, target.compact));
}
function scoreText(query, target) {
  if (query.text === target.text || query.compact === target.compact) return SCORE.exact;
  if (target.text.startsWith(query.text) || target.compact.startsWith(query.compact)) return SCORE.prefix;
  if (query.words.every((word) => target.words.some((candidate) => candidate.startsWith(word)))) return SCORE.wordPrefix;
  if (target.text.includes(query.text)) return SCORE.substring;
  const fuzzy = fuzzySimilarity(query, target);
  return fuzzy >= MIN_FUZZY_SIMILARITY ? SCORE.fuzzyBase + SCORE.fuzzyRange * fuzzy : 0;
}
function scoreCard(query, card) {
  let best = 0;
  card.texts.forEach((target, index2) => {
    const score2 = scoreText(query, target);
    if (score2 > 0) best = Math.max(best, score2 + (index2 === 0 ? NAME_BONUS : 0));
  });
  return best;
}
function rankCards(index2, query, limit = 25) {
  const max = Math.max(0, Math.floor(limit));
  const normalised = indexText(query);
  if (normalised.compact.length === 0) return index2.slice(0, max).map(({ id, name }) => ({ id, name }));
  return index2.map((card) => ({ card, score: scoreCard(normalised, card) })).filter(({ score: score2 }) => score2 > 0).sort((a, b) => b.score - a.score || a.card.name.localeCompare(b.card.name)).slice(0, max).map(({ card }) => ({ id: card.id, name: card.name }));
}
var defaultIndex;
function searchCards(query, limit = 25) {
  defaultIndex ??= buildSearchIndex(allCards());
  return rankCards(defaultIndex, query, limit);
}

// src/bot/router.ts
import { randomBytes } from "node:crypto";

// src/bot/responder.ts
import {
  MessageFlags
} from "discord.js";
var Responder = class {
  constructor(interaction, ephemeralByDefault) {
    this.interaction = interaction;
    this.ephemeralByDefault = ephemeralByDefault;
  }
  acknowledgement = null;
  get acknowledged() {
    return this.acknowledgement !== null;
  }
  /** A new response (chat input, or a component that answers with a fresh message). */
  async reply(payload) {
    if (!this.acknowledgement) {
      this.acknowledgement = this.interaction.reply(asReply(payload));
      await this.acknowledgement;
      return;
    }
    await this.acknowledgement;
    await this.interaction.editReply(asEdit(payload));
  }
  /** Replace the message the component sits on (buttons, selects, modals opened from a message). */
  async update(payload) {
    const i = this.interaction;
    if (!this.acknowledgement && (i.isMessageComponent() || i.isModalSubmit() && i.isFromMessage())) {
      this.acknowledgement = i.update(asEdit(payload));
      await this.acknowledgement;
      return;
    }
    await this.reply(payload);
  }
  /** An extra private message after the first response. */
  async followUp(payload) {
    if (!this.acknowledgement) return this.reply({ ...payload, ephemeral: true });
    await this.acknowledgement;
    await this.interaction.followUp(asReply({ ...payload, ephemeral: true }));
  }
  /**
   * Opens a modal; only possible as the first response (a deferred interaction cannot show one). The
   * acknowledgement is taken synchronously, so a handler that calls this before its first `await` can never
   * be overtaken by the router's watchdog.
   */
  async showModal(modal) {
    const i = this.interaction;
    if (this.acknowledgement || i.isModalSubmit()) throw new Error("A modal can only be the first response to a command or component.");
    this.acknowledgement = i.showModal(modal);
    await this.acknowledgement;
  }
  /** Acknowledge now without content, if nothing has answered yet. Called by the router's watchdog. */
  deferIfIdle() {
    if (this.acknowledgement) return;
    const i = this.interaction;
    this.acknowledgement = i.isMessageComponent() || i.isModalSubmit() && i.isFromMessage() ? i.deferUpdate() : i.deferReply(this.ephemeralByDefault ? { flags: MessageFlags.Ephemeral } : {});
    this.acknowledgement.catch(() => void 0);
  }
  /** A short private error, whatever state the interaction is in. */
  async fail(content) {
    const payload = { content, embeds: [], components: [], ephemeral: true };
    if (!this.acknowledgement) {
      this.acknowledgement = this.interaction.reply(asReply(payload));
      await this.acknowledgement;
      return;
    }
    await this.acknowledgement.catch(() => void 0);
    if (this.interaction.deferred && !this.interaction.replied && this.interaction.ephemeral) {
      await this.interaction.editReply(asEdit(payload));
    } else {
      await this.interaction.followUp(asReply(payload));
    }
  }
};
function asReply({ ephemeral, allowedMentions, ...rest }) {
  return { ...rest, allowedMentions: allowedMentions ?? { parse: [] }, ...ephemeral ? { flags: MessageFlags.Ephemeral } : {} };
}
function asEdit({ ephemeral: _ephemeral, allowedMentions, ...rest }) {
  return { ...rest, allowedMentions: allowedMentions ?? { parse: [] } };
}

// src/bot/router.ts
var DEFER_AFTER_MS = 2e3;
var UNKNOWN_COMMAND_TEXT = "I don't know that command. Pacer's commands may have just been updated: wait a minute and try again, or ask a moderator.";
var STALE_COMPONENT_TEXT = "This button or menu no longer works. Please run the command again.";
function errorText(reference) {
  return `Sorry, something went wrong on Pacer's side. Nothing was changed. Please try again; if it keeps happening, tell a moderator and quote reference ${reference}.`;
}
function createRouter(registry, app2, options = {}) {
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  return async function route(interaction) {
    if (interaction.isAutocomplete()) {
      const module2 = registry.command(interaction.commandName);
      try {
        if (module2?.autocomplete) await module2.autocomplete(interaction, app2);
        else await interaction.respond([]);
      } catch (error) {
        app2.logger.warn({ err: error, command: interaction.commandName }, "autocomplete failed");
        if (!interaction.responded) await interaction.respond([]).catch(() => void 0);
      }
      return;
    }
    if (!interaction.isRepliable()) return;
    const module = findModule(registry, interaction);
    const respond = new Responder(interaction, module?.ephemeral ?? true);
    const ctx = { ...app2, respond };
    const watchdog = setTimeout(() => respond.deferIfIdle(), deferAfterMs);
    const started = Date.now();
    try {
      await dispatch(module, interaction, ctx);
    } catch (error) {
      const reference = newReference();
      app2.logger.error({ err: error, reference, ...describe(interaction) }, "interaction handler failed");
      await respond.fail(errorText(reference)).catch((replyError) => {
        app2.logger.error({ err: replyError, reference }, "could not tell the user about the failure");
      });
    } finally {
      clearTimeout(watchdog);
      app2.logger.debug({ ...describe(interaction), ms: Date.now() - started }, "interaction handled");
    }
  };
}
function findModule(registry, interaction) {
  if (interaction.isChatInputCommand()) return registry.command(interaction.commandName);
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return registry.ownerOf(interaction.customId);
  return void 0;
}
async function dispatch(module, interaction, ctx) {
  if (interaction.isChatInputCommand()) {
    if (!module) return ctx.respond.fail(UNKNOWN_COMMAND_TEXT);
    return module.execute(interaction, ctx);
  }
  if (interaction.isMessageComponent()) {
    if (!module?.component) return ctx.respond.fail(STALE_COMPONENT_TEXT);
    return module.component(interaction, ctx);
  }
  if (interaction.isModalSubmit()) {
    if (!module?.modal) return ctx.respond.fail(STALE_COMPONENT_TEXT);
    return module.modal(interaction, ctx);
  }
  return ctx.respond.fail(UNKNOWN_COMMAND_TEXT);
}
function newReference() {
  return randomBytes(4).toString("base64url").slice(0, 6).toUpperCase();
}
function describe(interaction) {
  return {
    interactionId: interaction.id,
    guildId: interaction.guildId,
    userId: interaction.user.id,
    command: interaction.isChatInputCommand() ? interaction.commandName : void 0,
    customIdPrefix: interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId.split(":")[0] : void 0
  };
}

// src/views/exercise-views.ts
import { ButtonStyle as ButtonStyle2 } from "discord.js";

// src/views/components.ts
import {
  ButtonStyle,
  ComponentType
} from "discord.js";
var MAX_BUTTONS_PER_ROW = 5;
var MAX_LABEL = 80;
function button(customId, label2, style = ButtonStyle.Secondary, disabled = false) {
  return { type: ComponentType.Button, custom_id: customId, label: clip(label2, MAX_LABEL), style, disabled };
}
function buttonRows(buttons) {
  const rows = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + MAX_BUTTONS_PER_ROW) });
  }
  return rows;
}
function selectRow(customId, placeholder, options, { min = 1, max = 1 } = {}) {
  const select = {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: clip(placeholder, 150),
    min_values: min,
    max_values: Math.min(max, options.length),
    options: options.slice(0, 25).map((o) => ({
      value: o.value,
      label: clip(o.label, 100),
      ...o.description ? { description: clip(o.description, 100) } : {}
    }))
  };
  return { type: ComponentType.ActionRow, components: [select] };
}
function clip(text3, max) {
  return text3.length <= max ? text3 : `${text3.slice(0, max - 1).trimEnd()}\u2026`;
}
function bulletList(items) {
  return items.map((item) => `\u2022 ${item}`).join("\n");
}
function numberedList(items) {
  return items.map((item, i) => `${i + 1}. ${item}`).join("\n");
}

// src/views/exercise-views.ts
var EXERCISE_PREFIX = "ex";
var EXERCISE_ID_VERSION = 1;
var PACER_GREEN = 3055195;
var FIELD_MAX = 1024;
var exerciseIds = {
  card: (cardId) => encodeCustomId(EXERCISE_PREFIX, EXERCISE_ID_VERSION, ["card", cardId]),
  pick: () => encodeCustomId(EXERCISE_PREFIX, EXERCISE_ID_VERSION, ["pick"]),
  listPage: (page, condition, area) => encodeCustomId(EXERCISE_PREFIX, EXERCISE_ID_VERSION, ["list", page, condition ?? "-", area ?? "-"])
};
function field(name, value, inline = false) {
  return { name, value: clip(value, FIELD_MAX), inline };
}
function variantText(variant) {
  const linked = variant.cardId ? getCard(variant.cardId) : void 0;
  return linked ? `${variant.text}
\u2192 See the **${linked.name}** card.` : variant.text;
}
function cardView(card) {
  const dose = [`**${card.dose.amount}**, ${card.dose.timesPerWeek}.`, `Move on when: ${card.progressWhen}`].join("\n");
  const takeCare = [...card.cautions.map((c) => `\u2022 ${c}`), `\u2022 ${CARD_SAFETY_NET}`].join("\n");
  const embed = {
    title: card.name,
    color: PACER_GREEN,
    description: clip(`${card.why}

**Works:** ${card.targets.join("; ")}`, 4096),
    fields: [
      field("How to do it", numberedList(card.steps)),
      field("Starting dose", dose),
      field("Cues", bulletList(card.cues)),
      field("Common mistakes", bulletList(card.mistakes)),
      field("Easier", variantText(card.easier), true),
      field("Harder", variantText(card.harder), true),
      field("You need", card.equipment.length ? card.equipment.join(" \xB7 ") : "Nothing"),
      field("Take care", takeCare),
      field(PAIN_RULE.title, painRuleText())
    ],
    footer: { text: clip(`General information, not a diagnosis or a treatment plan. Sources: ${card.sources.join(", ")} (see the README).`, 2048) }
  };
  const buttons = [
    ["Easier", card.easier],
    ["Harder", card.harder]
  ].flatMap(([label2, variant]) => {
    const linked = variant.cardId ? getCard(variant.cardId) : void 0;
    return linked ? [button(exerciseIds.card(linked.id), `${label2}: ${linked.name}`)] : [];
  });
  return { embeds: [embed], components: buttonRows(buttons) };
}
function listView(page, filter) {
  const scope = [
    filter.condition ? ROUTINE_CONDITION_LABELS[filter.condition] : null,
    filter.area ? AREA_LABELS[filter.area] : null
  ].filter(Boolean);
  if (page.total === 0) {
    return {
      embeds: [{ title: "Exercise cards", color: PACER_GREEN, description: `No cards match ${scope.join(" and ")}. Try a wider search with /exercise list.` }],
      components: []
    };
  }
  const lines = page.items.map((card) => `**${card.name}** \xB7 ${AREA_LABELS[card.area]}
${card.dose.amount}, ${card.dose.timesPerWeek}`);
  const embed = {
    title: scope.length ? `Exercise cards: ${scope.join(", ")}` : "Exercise cards",
    color: PACER_GREEN,
    description: lines.join("\n\n"),
    footer: { text: `Page ${page.page} of ${page.pageCount} \xB7 ${page.total} cards \xB7 Open one below or with /exercise show` }
  };
  const rows = [
    selectRow(
      exerciseIds.pick(),
      "Open a card",
      page.items.map((card) => ({ value: card.id, label: card.name, description: AREA_LABELS[card.area] }))
    )
  ];
  if (page.pageCount > 1) {
    rows.push(
      ...buttonRows([
        button(exerciseIds.listPage(page.page - 1, filter.condition, filter.area), "\u25C0 Previous", ButtonStyle2.Secondary, page.page <= 1),
        button(exerciseIds.listPage(page.page + 1, filter.condition, filter.area), "Next \u25B6", ButtonStyle2.Secondary, page.page >= page.pageCount)
      ])
    );
  }
  return { embeds: [embed], components: rows };
}
function routineView(routine) {
  const steps = routine.items.map(
    (item, i) => `**${i + 1}. ${item.name}** (about ${item.minutes} min)
${item.dose}${item.note ? `
_${item.note}_` : ""}`
  );
  const embed = {
    title: clip(routine.title, 256),
    color: PACER_GREEN,
    description: clip(`${routine.intro}

**About ${routine.totalMinutes} minutes, ${routine.timesPerWeek}.**`, 4096),
    fields: [
      field("The routine", steps.join("\n\n")),
      field(routine.painRule.title, routine.painRule.text),
      field("Take care", routine.safetyNet)
    ],
    footer: { text: "General information, not a diagnosis or a treatment plan. Open each card for the full steps." }
  };
  const components = [
    selectRow(
      exerciseIds.pick(),
      "Open a card from this routine",
      routine.items.map((item) => ({ value: item.cardId, label: item.name }))
    )
  ];
  return { embeds: [embed], components };
}
function unknownCardView(query) {
  return {
    content: `I couldn't find an exercise card called "${clip(query, 80)}". Pick one from the suggestions as you type, or browse with /exercise list.`,
    embeds: [],
    components: []
  };
}

// commands/exercise.ts
var CARDS_PER_PAGE = 8;
var MIN_FREE_TEXT = 3;
var conditionChoices = ROUTINE_CONDITIONS.map((c) => ({ name: ROUTINE_CONDITION_LABELS[c], value: c }));
var areaChoices = AREAS.map((a) => ({ name: AREA_LABELS[a], value: a }));
var definition = {
  name: "exercise",
  description: "Strength and mobility cards for runners",
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    {
      type: ApplicationCommandOptionType2.Subcommand,
      name: "show",
      description: "Show one exercise card",
      options: [
        { type: ApplicationCommandOptionType2.String, name: "name", description: "Start typing an exercise", required: true, autocomplete: true, max_length: 100 },
        { type: ApplicationCommandOptionType2.Boolean, name: "private", description: "Only you see the card (default: posted in the channel)" }
      ]
    },
    {
      type: ApplicationCommandOptionType2.Subcommand,
      name: "list",
      description: "Browse the cards, by condition or body area",
      options: [
        { type: ApplicationCommandOptionType2.String, name: "condition", description: "Cards that help with", choices: conditionChoices },
        { type: ApplicationCommandOptionType2.String, name: "area", description: "Body area", choices: areaChoices }
      ]
    },
    {
      type: ApplicationCommandOptionType2.Subcommand,
      name: "routine",
      description: "A short routine (5 to 15 minutes) for a condition",
      options: [
        { type: ApplicationCommandOptionType2.String, name: "condition", description: "What the routine is for", required: true, choices: conditionChoices }
      ]
    }
  ]
};
function asCondition(value) {
  return ROUTINE_CONDITIONS.includes(value ?? "") ? value : null;
}
function asArea(value) {
  return AREAS.includes(value ?? "") ? value : null;
}
async function showList(ctx, filter, page, mode) {
  const view = listView(pageCards(cardsFor({ condition: filter.condition ?? void 0, area: filter.area ?? void 0 }), page, CARDS_PER_PAGE), filter);
  if (mode === "update") await ctx.respond.update(view);
  else await ctx.respond.reply({ ...view, ephemeral: true });
}
var exerciseCommand = defineCommand({
  definition,
  componentPrefixes: [EXERCISE_PREFIX],
  ephemeral: false,
  async execute(interaction, ctx) {
    const args = readArgs(interaction, definition);
    switch (args.subcommand) {
      case "show": {
        const card = getCard(args.name) ?? (args.name.trim().length >= MIN_FREE_TEXT ? getCard(searchCards(args.name, 1)[0]?.id ?? "") : void 0);
        if (!card) return ctx.respond.reply({ ...unknownCardView(args.name), ephemeral: true });
        return ctx.respond.reply({ ...cardView(card), ephemeral: args.private ?? false });
      }
      case "list":
        return showList(ctx, { condition: asCondition(args.condition), area: asArea(args.area) }, 1, "reply");
      case "routine": {
        const condition = asCondition(args.condition);
        if (!condition) return ctx.respond.reply({ content: "Please pick a condition from the list.", ephemeral: true });
        return ctx.respond.reply({ ...routineView(buildRoutine(condition)), ephemeral: true });
      }
    }
  },
  async autocomplete(interaction) {
    const focused = interaction.options.getFocused();
    await interaction.respond(searchCards(focused, 25).map((r) => ({ name: r.name, value: r.id })));
  },
  async component(interaction, ctx) {
    const id = decodeCustomId(interaction.customId);
    if (!id || id.version !== EXERCISE_ID_VERSION) return ctx.respond.fail(STALE_COMPONENT_TEXT);
    const [action, ...rest] = id.parts;
    if (action === "card" || action === "pick") {
      const cardId = action === "card" ? rest[0] : interaction.isStringSelectMenu() ? interaction.values[0] : void 0;
      const card = getCard(cardId ?? "");
      if (!card) return ctx.respond.fail(STALE_COMPONENT_TEXT);
      return ctx.respond.reply({ ...cardView(card), ephemeral: true });
    }
    if (action === "list" && rest.length === 3) {
      const [pageText, condition, area] = rest;
      const page = /^\d{1,3}$/.test(pageText) ? Number(pageText) : 0;
      if (page < 1) return ctx.respond.fail(STALE_COMPONENT_TEXT);
      return showList(ctx, { condition: asCondition(condition), area: asArea(area) }, page, "update");
    }
    return ctx.respond.fail(STALE_COMPONENT_TEXT);
  }
});

// commands/symptom-check.ts
import { InteractionContextType as InteractionContextType2 } from "discord.js";

// src/db/clubs.ts
import { eq } from "drizzle-orm";

// src/db/schema.ts
var schema_exports = {};
__export(schema_exports, {
  announcements: () => announcements,
  challenges: () => challenges,
  clubs: () => clubs,
  enrolments: () => enrolments,
  members: () => members,
  scheduleRuns: () => scheduleRuns,
  schedules: () => schedules,
  sessionLogs: () => sessionLogs,
  triageOutcomeCounts: () => triageOutcomeCounts
});
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text as text2, uniqueIndex } from "drizzle-orm/sqlite-core";
var timestampNow = (name) => integer(name, { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
var clubs = sqliteTable("clubs", {
  guildId: text2("guild_id").primaryKey(),
  /** IANA zone for everything the club schedules and for its week boundaries. */
  timezone: text2("timezone").notNull().default("Europe/London"),
  /** Emergency numbers for the symptom check; null = the deployment's PACER_REGION. */
  region: text2("region", { enum: ["UK", "EU", "US"] }),
  moderatorRoleId: text2("moderator_role_id"),
  /** Where Pacer tells moderators about paused posts and skipped occurrences; null = DM the set-up member. */
  noticesChannelId: text2("notices_channel_id"),
  setupByUserId: text2("setup_by_user_id"),
  createdAt: timestampNow("created_at"),
  updatedAt: timestampNow("updated_at")
});
var members = sqliteTable(
  "members",
  {
    guildId: text2("guild_id").notNull().references(() => clubs.guildId),
    userId: text2("user_id").notNull(),
    firstSeenAt: timestampNow("first_seen_at"),
    /** A paused member is left out of reminders and leaderboards until they log again. */
    paused: integer("paused", { mode: "boolean" }).notNull().default(false)
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId] })]
);
var challenges = sqliteTable(
  "challenges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guildId: text2("guild_id").notNull().references(() => clubs.guildId),
    /** The local date (YYYY-MM-DD) of the Monday that starts the challenge week, in the club's zone. */
    weekStart: text2("week_start").notNull(),
    templateId: text2("template_id").notNull(),
    /** Which step of the template's progression this week is (1-based). */
    weekNumber: integer("week_number").notNull().default(1),
    targetSessions: integer("target_sessions").notNull(),
    channelId: text2("channel_id"),
    messageId: text2("message_id"),
    status: text2("status", { enum: ["open", "closed", "skipped"] }).notNull().default("open"),
    opensAt: integer("opens_at", { mode: "timestamp_ms" }).notNull(),
    closesAt: integer("closes_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: timestampNow("created_at")
  },
  (t) => [uniqueIndex("challenges_guild_week").on(t.guildId, t.weekStart), index("challenges_status").on(t.status, t.closesAt)]
);
var enrolments = sqliteTable(
  "enrolments",
  {
    challengeId: integer("challenge_id").notNull().references(() => challenges.id),
    guildId: text2("guild_id").notNull(),
    userId: text2("user_id").notNull(),
    joinedAt: timestampNow("joined_at")
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.userId] }), index("enrolments_member").on(t.guildId, t.userId)]
);
var sessionLogs = sqliteTable(
  "session_logs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guildId: text2("guild_id").notNull(),
    userId: text2("user_id").notNull(),
    challengeId: integer("challenge_id").references(() => challenges.id),
    /** The local date (YYYY-MM-DD) the session was done, in the club's zone. */
    day: text2("day").notNull(),
    exerciseId: text2("exercise_id").notNull().default(""),
    loggedAt: timestampNow("logged_at")
  },
  (t) => [
    uniqueIndex("session_logs_unique").on(t.guildId, t.userId, t.day, t.exerciseId),
    index("session_logs_member_day").on(t.guildId, t.userId, t.day),
    index("session_logs_challenge").on(t.challengeId)
  ]
);
var schedules = sqliteTable(
  "schedules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    guildId: text2("guild_id").notNull().references(() => clubs.guildId),
    kind: text2("kind", { enum: ["weekly_challenge", "challenge_recap", "announcement"] }).notNull(),
    channelId: text2("channel_id").notNull(),
    ruleKind: text2("rule_kind", { enum: ["once", "cron"] }).notNull(),
    /** A five-field cron rule in `timezone` (for rule_kind = 'cron'). */
    cron: text2("cron"),
    timezone: text2("timezone").notNull(),
    nextRunAt: integer("next_run_at", { mode: "timestamp_ms" }),
    status: text2("status", { enum: ["active", "paused", "done", "failed", "cancelled"] }).notNull().default("active"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text2("last_error"),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    createdBy: text2("created_by"),
    createdAt: timestampNow("created_at"),
    updatedAt: timestampNow("updated_at")
  },
  (t) => [index("schedules_due").on(t.status, t.nextRunAt), index("schedules_guild").on(t.guildId, t.kind)]
);
var scheduleRuns = sqliteTable(
  "schedule_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scheduleId: integer("schedule_id").notNull().references(() => schedules.id),
    scheduledFor: integer("scheduled_for", { mode: "timestamp_ms" }).notNull(),
    status: text2("status", { enum: ["claimed", "posted", "skipped", "failed"] }).notNull().default("claimed"),
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }).notNull().default(sql`0`),
    /** Post attempts so far (transient failures retry with backoff, then the run fails). */
    attempts: integer("attempts").notNull().default(0),
    postedAt: integer("posted_at", { mode: "timestamp_ms" }),
    messageId: text2("message_id"),
    /** Why the run was skipped or failed, in words a moderator can read. */
    reason: text2("reason")
  },
  (t) => [uniqueIndex("schedule_runs_once").on(t.scheduleId, t.scheduledFor), index("schedule_runs_open").on(t.scheduleId, t.status)]
);
var announcements = sqliteTable("announcements", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  scheduleId: integer("schedule_id").notNull().unique().references(() => schedules.id),
  guildId: text2("guild_id").notNull(),
  title: text2("title"),
  content: text2("content").notNull(),
  /** The role to ping, or the guild id for @everyone; null pings nobody. */
  pingRoleId: text2("ping_role_id"),
  /** How the moderator asked for the repeat (the rule itself is the schedule's cron). */
  repeat: text2("repeat", { enum: ["none", "daily", "weekdays", "weekly", "monthly", "cron"] }).notNull().default("none"),
  createdBy: text2("created_by").notNull(),
  createdAt: timestampNow("created_at"),
  updatedAt: timestampNow("updated_at"),
  editedBy: text2("edited_by"),
  editedAt: integer("edited_at", { mode: "timestamp_ms" }),
  pausedBy: text2("paused_by"),
  pausedAt: integer("paused_at", { mode: "timestamp_ms" }),
  resumedBy: text2("resumed_by"),
  resumedAt: integer("resumed_at", { mode: "timestamp_ms" }),
  cancelledBy: text2("cancelled_by"),
  cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
  lastMessageId: text2("last_message_id"),
  lastPostedAt: integer("last_posted_at", { mode: "timestamp_ms" })
}, (t) => [index("announcements_guild").on(t.guildId)]);
var triageOutcomeCounts = sqliteTable(
  "triage_outcome_counts",
  {
    month: text2("month").notNull(),
    level: text2("level", { enum: ["EMERGENCY", "URGENT", "ROUTINE", "SELF_MANAGE"] }).notNull(),
    count: integer("count").notNull().default(0)
  },
  (t) => [primaryKey({ columns: [t.month, t.level] })]
);

// src/db/clubs.ts
function clubRegion(db, guildId) {
  if (!guildId) return void 0;
  return db.select({ region: clubs.region }).from(clubs).where(eq(clubs.guildId, guildId)).get()?.region ?? void 0;
}
function clubModeratorRoleId(db, guildId) {
  return db.select({ roleId: clubs.moderatorRoleId }).from(clubs).where(eq(clubs.guildId, guildId)).get()?.roleId ?? void 0;
}

// src/db/triage-counts.ts
import { sql as sql2 } from "drizzle-orm";
function countTriageOutcome(db, level, now) {
  const month = now.toISOString().slice(0, 7);
  db.insert(triageOutcomeCounts).values({ month, level, count: 1 }).onConflictDoUpdate({ target: [triageOutcomeCounts.month, triageOutcomeCounts.level], set: { count: sql2`${triageOutcomeCounts.count} + 1` } }).run();
}

// src/content/card-sets.ts
var CONDITION_CARD_SETS = {
  PFP: {
    phase1: ["wall-push", "clamshell", "glute-bridge", "straight-leg-raise", "single-leg-balance"],
    phase2: ["side-lying-hip-abduction", "banded-crab-walk", "sit-to-stand", "single-leg-squat", "step-down", "wall-sit"],
    phase3: ["split-squat", "reverse-lunge", "single-leg-bridge", "calf-raise"]
  },
  ITBS: {
    phase1: ["wall-push", "side-lying-hip-abduction", "clamshell", "single-leg-balance", "it-band-stretch"],
    phase2: ["banded-crab-walk", "single-leg-bridge", "step-down", "single-leg-squat"],
    phase3: ["single-leg-romanian-deadlift", "reverse-lunge", "calf-raise"]
  },
  PES_ANSERINE: {
    phase1: ["straight-leg-raise", "glute-bridge", "side-lying-hip-abduction", "standing-hamstring-curl"],
    phase2: ["sit-to-stand", "step-up", "wall-sit"],
    phase3: ["split-squat", "calf-raise", "eccentric-hamstring-bridge"]
  },
  PATELLAR_TENDINOPATHY: {
    // The clinical table offers the seated hold or the Spanish squat hold as alternatives.
    phase1: ["isometric-knee-extension", "wall-sit", "side-lying-hip-abduction", "spanish-squat"],
    phase2: ["spanish-squat", "split-squat", "step-down", "calf-raise"],
    phase3: []
  },
  KNEE_OA: {
    phase1: ["straight-leg-raise", "sit-to-stand", "glute-bridge", "single-leg-balance"],
    phase2: ["step-up", "side-lying-hip-abduction", "wall-sit"],
    phase3: ["split-squat", "calf-raise"]
  }
};

// src/triage/facts.ts
function has(list, ...options) {
  return list !== void 0 && options.some((option) => list.includes(option));
}
function onlyLocation(a, place) {
  return a.Q09_location?.length === 1 && a.Q09_location[0] === place;
}
function hadInjury(a) {
  return a.Q02_onset === "injury" || a.Q03_mechanism !== void 0 || a.Q04_injury_features !== void 0 || hasOttawaAnswers(a);
}
function hasOttawaAnswers(a) {
  return a.Q05_ottawa !== void 0 && Object.keys(a.Q05_ottawa).length > 0;
}
function injuryWithin7Days(a) {
  return hadInjury(a) && hasOttawaAnswers(a);
}
function injuryWithin6Weeks(a) {
  return hadInjury(a) && a.Q13_duration !== "6_to_12w" && a.Q13_duration !== "over_12w";
}
function isAge(a, ...bands) {
  return a.Q00_age !== void 0 && bands.includes(a.Q00_age);
}
var isUnder16 = (a) => isAge(a, "age_under_13", "age_13_15");
var isAged16Plus = (a) => isAge(a, "age_16_17", "age_18_39", "age_40_54", "age_55_64", "age_65_plus");
var isAged40Plus = (a) => isAge(a, "age_40_54", "age_55_64", "age_65_plus");
var isAged55Plus = (a) => isAge(a, "age_55_64", "age_65_plus");
var hasFever = (a) => has(a.Q16_systemic, "fever_or_chills") || a.Q08_heat_redness === "warm_or_red_with_fever" || has(a.Q01_emergency_screen, "hot_swollen_and_fever");
var hasMechanicalSymptoms = (a) => has(a.Q06_mechanical, "locked_now", "locking_episodes_resolved", "catching_painful", "giving_way");

// src/content/triage/cards.ts
var MAX_CARDS = 3;
var PHASE_1_CARDS = Object.fromEntries(
  Object.entries(CONDITION_CARD_SETS).map(([pattern, sets]) => [pattern, sets.phase1])
);
function cardsForPattern(pattern, a) {
  if (pattern === "KNEE_OA" && a.Q23_prior_diagnosis !== "oa_diagnosed_by_clinician") return [];
  if (pattern === "PFP" && has(a.Q10_aggravators, "squat_or_kneel")) return ["wall-push", "clamshell", "straight-leg-raise"];
  return (PHASE_1_CARDS[pattern] ?? []).slice(0, MAX_CARDS);
}

// src/content/triage/messages.ts
var MESSAGES = {
  intro: "This check gives general information for runners with a sore knee. It is not a medical assessment and it cannot tell you what is wrong. Your answers are not saved. If you feel very unwell or are worried, contact a health professional now.",
  disclaimer: NOT_A_DIAGNOSIS,
  safety_net: SAFETY_NET,
  emergency: "From your answers, please get medical help now. Call {emergency_number} or go to the nearest emergency department. Do not run. Do not drive yourself if you cannot put weight on the leg.",
  urgent: "Please get your knee seen by a health professional today if you can, and within 48 hours at the latest, for example {urgent_services}. Until then, do not run, rest the knee, and call {emergency_number} straight away if it gets much worse, your foot goes cold or numb, or you get a fever or feel short of breath.",
  routine: "It would be a good idea to book a visit with a GP or a physiotherapist in the next week or two (in many places you can book a physio yourself). Until then, keep moving in ways that feel comfortable and ease off what clearly makes it worse.",
  routine_pattern: "Your answers share some features with a pattern often called {pattern_plain}. A health professional can check this.",
  routine_two_patterns: "Your answers share some features with two patterns: {pattern_plain} or {pattern_plain_2}. A health professional can check which fits, if either.",
  no_pattern_fit: "Your answers do not fit one of the common running patterns closely, so it is worth having someone look at your knee.",
  self_manage: "Your answers share some features with a pattern often called {pattern_plain}. This is common in runners and usually gets better with a change in training and some strength work. It is reasonable to look after it yourself for now. Do the check again in 2 to 3 weeks, or straight away if anything changes.",
  self_manage_two_patterns: "Your answers share some features with two patterns often seen together in runners: {pattern_plain} and {pattern_plain_2}. Both usually get better with a change in training and some strength work. Do the check again in 2 to 3 weeks, or straight away if anything changes.",
  cards_intro: "Here are up to three gentle exercises to start with. Follow the pain rule on each card.",
  pain_rule: painRuleText(),
  not_for_you: "Sorry, this check is made for people aged 13 and over. Please talk to a parent or carer, and ask them to help you see a doctor or physio about your knee.",
  under_16_guardian: "Knee pain in young people who are still growing can have different causes from knee pain in adults, so this check does not name a pattern or give exercises. Please tell a parent or carer, and see a GP or physio together.",
  load_PFP: "What usually helps first: run less for now (many physios suggest cutting weekly distance by about a third to a half), leave out hills, downhill running and stairs sessions, and run on flatter ground. Shorter runs or run-walk are fine if they feel OK. Changing your training is one of the best-proven steps for this pattern.",
  load_ITBS: "What usually helps first: cut down the runs that bring the pain on, mostly long runs and downhill running. Avoid sloping road edges, and change direction on a track. Build back up slowly. Stretching the outer thigh may feel nice, but it does not make the band longer.",
  load_PES_ANSERINE: "What usually helps first: ease back on running rather than stopping everything, especially hills and extra distance. Take stairs gently for a while. Pain on the inner knee at night can ease if you put a pillow between your knees.",
  load_PATELLAR_TENDINOPATHY: "What usually helps first: cut back on jumping, hopping, sprinting and hills for now, but keep the tendon working with steady holds (like a wall sit). Tendons get stronger slowly, so expect this to take weeks to months.",
  oa_keep_active: "Staying active is one of the main treatments for knee arthritis. Many people keep running by changing how they run: softer ground, shorter runs, run-walk, and strength work twice a week. A pharmacist can advise on simple pain relief.",
  hip_referral: "Pain in the hip, groin or thigh can sometimes come from the hip even when it is felt in the knee, so mention it when you are seen.",
  back_referral: "Back pain with leg symptoms can mean the knee pain comes from the back, so mention it when you are seen."
};
var RULE_WHY = {
  RF01_deformity_dislocation: "The knee or kneecap looks out of place, which can mean a broken bone or a joint that has come out.",
  RF02_cannot_bear_weight_after_injury: "Not being able to take 4 steps after an injury can mean a broken bone.",
  RF03_septic_joint: "A hot, swollen knee with a fever can mean an infection in the joint, which needs treatment fast.",
  RF04_hot_joint_high_risk_host: "A warm or red knee after knee surgery, an injection or a replacement, or with diabetes or a weak immune system, can mean an infection even without a fever.",
  RF05_neurovascular: "A cold, pale or numb foot after an injury can mean the blood supply or nerves are hurt.",
  RF06_extensor_mechanism: "Not being able to straighten the knee or lift the straight leg after a fall or landing can mean a torn tendon or broken kneecap.",
  RF07_possible_PE: "A swollen calf with breathlessness or chest pain can mean a blood clot that has reached the lungs.",
  RF08_high_energy_or_open: "A big impact or a deep wound over the knee needs checking straight away.",
  RF09_cauda_equina_screen: "New bladder or bowel problems, or numbness between the legs, can mean pressure on nerves in the back.",
  RF10_ottawa_positive_weight_bearing: "After a recent injury, your answers match signs that mean an X-ray is needed to check for a broken bone.",
  RF11_rapid_swelling_after_injury: "Swelling soon after an injury can mean bleeding inside the knee, for example from a torn ligament.",
  RF12_patellar_dislocation_reduced: "A kneecap that slipped out and went back needs checking for damage inside the knee.",
  RF13_locked_now: "A knee that is stuck and will not straighten can mean a torn piece of cartilage caught in the joint.",
  RF14_instability_after_injury: "A knee that gives way after an injury with a pop or swelling can mean a torn ligament.",
  RF15_recent_twist_with_locking_history: "A knee that gets stuck after a recent injury can mean a cartilage tear, and some tears can only be repaired in the first few weeks.",
  RF16_hot_joint_no_fever: "A warm or red knee needs checking to rule out infection or gout.",
  RF17_fever_with_knee_pain_no_local_signs: "Knee pain with a fever or chills needs checking the same day.",
  RF18_calf_clot_signs: "A swollen, sore or warm calf can mean a blood clot in the leg (DVT), which needs a test soon.",
  RF19_serious_pathology: "Constant or night pain together with weight loss or past cancer needs checking soon.",
  RF20_child_hip_or_limp: "In young people, a limp or pain in the hip, groin or thigh can come from a hip problem that needs checking soon.",
  RF21_neuro_no_injury: "Numbness, tingling or weakness in the foot needs checking soon.",
  RF_UNSURE: "You were not sure about a safety question, so the check cannot rule that problem out.",
  RT01: "It has not got better after a few weeks of looking after it at home.",
  RT02: "It has lasted more than 6 weeks without getting better.",
  RT03: "The whole knee is swollen, which is not usual for a running strain.",
  RT04: "Catching, giving way or getting stuck can mean something inside the knee needs checking.",
  RT05: "After an injury, a physio or doctor should check the knee, ideally within about 2 weeks.",
  RT06: "Knee arthritis should first be confirmed by a health professional, who can also make a plan with you.",
  RT07: "Long morning stiffness, or problems in other joints, skin, eyes or when peeing, can mean a joint condition that needs checking.",
  RT08: "Young people who are still growing should see a health professional about knee pain.",
  RT09: "Your answers do not match a common running pattern.",
  RT10: "The pain is strong, you are limping, or running hurts a lot.",
  RT11: "A sore bony bump below the knee in someone still growing needs a health professional to confirm what it is.",
  RT12: "A lump behind the knee (a Baker's cyst) usually goes with another knee problem that needs checking.",
  RT13: "A lump on the front of the kneecap (bursitis) needs checking; get help fast if it turns hot or red.",
  RT14: "Pain at night needs checking.",
  RT15: "A knee that gives way needs checking.",
  RT16_hip_referral: "Pain in the hip, groin or thigh can come from the hip, so it needs checking.",
  RT17_back_referral: "Back pain with leg symptoms can mean the knee pain comes from the back.",
  AGE_UNKNOWN: "Your age was not given, so the check cannot suggest looking after it yourself.",
  NOT_FOR_YOU: "This check is made for people aged 13 and over."
};
var SELF_MANAGE_WHY = "No warning signs came up in your answers, and they fit a common running pattern that usually settles with training changes.";
function renderMessage(key, values = {}) {
  return MESSAGES[key].replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);
}

// src/content/triage/rules.ts
var TRIAGE_CONTENT_VERSION = "knee-triage-2025.11-r1 (clinical.md 0.1, not yet clinician-reviewed)";
var q01 = (a, ...options) => has(a.Q01_emergency_screen, ...options);
var ottawa = (a) => a.Q05_ottawa ?? {};
function unsureRedFlagQuestions(a) {
  const out = [];
  if (has(a.Q01_emergency_screen, "unsure")) out.push("Q01_emergency_screen");
  if (Object.values(ottawa(a)).includes("unsure")) out.push("Q05_ottawa");
  if (has(a.Q06_mechanical, "unsure")) out.push("Q06_mechanical");
  if (a.Q08_heat_redness === "unsure") out.push("Q08_heat_redness");
  if (has(a.Q16_systemic, "unsure")) out.push("Q16_systemic");
  if (has(a.Q17_calf, "unsure")) out.push("Q17_calf");
  if (has(a.Q18_neuro, "unsure")) out.push("Q18_neuro");
  return out;
}
function injuryLooksSevere(a) {
  const o = ottawa(a);
  return has(a.Q04_injury_features, "heard_or_felt_pop", "kneecap_shifted_then_went_back", "could_not_carry_on", "swelling_within_2h") || Object.values(o).includes("no") || a.Q07_swelling === "obvious_whole_knee" || has(a.Q06_mechanical, "locked_now") || (a.Q19_pain_scores?.at_rest ?? 0) >= 7;
}
var RED_FLAG_RULES = [
  // EMERGENCY: stop the flow, no pattern, no cards.
  { id: "RF01_deformity_dislocation", level: "EMERGENCY", when: (a) => q01(a, "deformed_or_kneecap_out") },
  {
    id: "RF02_cannot_bear_weight_after_injury",
    level: "EMERGENCY",
    when: (a) => q01(a, "cannot_take_4_steps") || hadInjury(a) && ottawa(a).can_take_4_steps_now === "no"
  },
  {
    id: "RF03_septic_joint",
    level: "EMERGENCY",
    // A lump on the front of the kneecap with fever is added here: clinical.md 3.8 routes a
    // front-of-kneecap bursa with fever to EMERGENCY.
    when: (a) => q01(a, "hot_swollen_and_fever") || a.Q08_heat_redness === "warm_or_red_with_fever" || has(a.Q16_systemic, "fever_or_chills") && (a.Q07_swelling === "obvious_whole_knee" || a.Q07_swelling === "lump_on_front_of_kneecap" || a.Q08_heat_redness === "warm_or_red" || has(a.Q10_aggravators, "at_rest"))
  },
  {
    id: "RF04_hot_joint_high_risk_host",
    level: "EMERGENCY",
    when: (a) => a.Q08_heat_redness === "warm_or_red" && has(a.Q16_systemic, "knee_replacement_or_recent_knee_surgery_or_injection", "immunosuppressed_or_diabetes")
  },
  { id: "RF05_neurovascular", level: "EMERGENCY", when: (a) => q01(a, "foot_cold_pale_numb_after_injury") },
  { id: "RF06_extensor_mechanism", level: "EMERGENCY", when: (a) => q01(a, "cannot_straighten_or_lift_leg_after_injury") },
  {
    id: "RF07_possible_PE",
    level: "EMERGENCY",
    when: (a) => q01(a, "calf_swollen_plus_breathless") || has(a.Q17_calf, "breathless_chest_pain_or_coughing_blood")
  },
  { id: "RF08_high_energy_or_open", level: "EMERGENCY", when: (a) => q01(a, "high_energy_trauma", "open_wound_over_knee") },
  { id: "RF09_cauda_equina_screen", level: "EMERGENCY", when: (a) => has(a.Q18_neuro, "new_bladder_bowel_problems_or_saddle_numbness") },
  {
    id: "RF_UNSURE",
    level: "EMERGENCY",
    // 2.3: "EMERGENCY if Q01 also mentions injury plus severe pain". The same holds for "not sure" on
    // "can you take 4 steps now" (the question behind RF02) after an injury that looks severe.
    when: (a) => hadInjury(a) && injuryLooksSevere(a) && (q01(a, "unsure") || ottawa(a).can_take_4_steps_now === "unsure")
  },
  // URGENT: same day where possible, within 48 hours at most; no cards.
  {
    id: "RF10_ottawa_positive_weight_bearing",
    level: "URGENT",
    // Injury within 7 days = Q05 was answered (see facts.ts). "can_take_4_steps_now = yes" is not
    // required: "no" is RF02 and "unsure" must not hide an Ottawa-positive answer.
    when: (a) => {
      if (!injuryWithin7Days(a)) return false;
      const o = ottawa(a);
      return isAged55Plus(a) || o.can_bend_to_right_angle === "no" || o.sore_on_kneecap_bone_only === "yes" || o.sore_on_outer_bony_bump_below_knee === "yes";
    }
  },
  {
    id: "RF11_rapid_swelling_after_injury",
    level: "URGENT",
    // 2.7: pregnancy or recent surgery (the Q17 risk answer) raises the stakes of any swelling after an injury.
    when: (a) => has(a.Q04_injury_features, "swelling_within_2h") || hadInjury(a) && has(a.Q17_calf, "recent_long_travel_surgery_pregnancy_hormonal_pill_or_immobility") && (has(a.Q04_injury_features, "swelling_next_day") || a.Q07_swelling === "obvious_whole_knee")
  },
  { id: "RF12_patellar_dislocation_reduced", level: "URGENT", when: (a) => has(a.Q04_injury_features, "kneecap_shifted_then_went_back") },
  { id: "RF13_locked_now", level: "URGENT", when: (a) => has(a.Q06_mechanical, "locked_now") },
  {
    id: "RF14_instability_after_injury",
    level: "URGENT",
    when: (a) => hadInjury(a) && has(a.Q06_mechanical, "giving_way") && has(a.Q04_injury_features, "heard_or_felt_pop", "swelling_within_2h", "swelling_next_day")
  },
  {
    id: "RF15_recent_twist_with_locking_history",
    level: "URGENT",
    when: (a) => injuryWithin6Weeks(a) && has(a.Q06_mechanical, "locking_episodes_resolved")
  },
  {
    id: "RF16_hot_joint_no_fever",
    level: "URGENT",
    when: (a, fired) => a.Q08_heat_redness === "warm_or_red" && !fired.has("RF03_septic_joint") && !fired.has("RF04_hot_joint_high_risk_host")
  },
  {
    id: "RF17_fever_with_knee_pain_no_local_signs",
    level: "URGENT",
    when: (a, fired) => has(a.Q16_systemic, "fever_or_chills") && !fired.has("RF03_septic_joint")
  },
  {
    id: "RF18_calf_clot_signs",
    level: "URGENT",
    when: (a, fired) => has(a.Q17_calf, "calf_swollen_tender_or_warm") && !fired.has("RF07_possible_PE")
  },
  {
    id: "RF19_serious_pathology",
    level: "URGENT",
    when: (a) => has(a.Q16_systemic, "unexplained_weight_loss", "history_of_cancer") && (has(a.Q16_systemic, "constant_night_pain") || has(a.Q10_aggravators, "at_night_wakes_me") || has(a.Q11_pain_behaviour, "constant")) || has(a.Q16_systemic, "constant_night_pain") && has(a.Q10_aggravators, "at_rest")
  },
  {
    id: "RF20_child_hip_or_limp",
    level: "URGENT",
    // Under-13s are included too: the reason (hip problems felt in the knee while growing) applies even more.
    when: (a) => isAge(a, "age_under_13", "age_13_15", "age_16_17") && (has(a.Q09_location, "also_hip_groin_or_thigh") || a.Q19_pain_scores?.limping === "yes")
  },
  { id: "RF21_neuro_no_injury", level: "URGENT", when: (a) => has(a.Q18_neuro, "numb_or_pins_needles_foot", "foot_weak_or_dropping") },
  {
    id: "RF_UNSURE",
    level: "URGENT",
    // No follow-up question can be asked from a saved answers object, so an unresolved "not sure" on a
    // red-flag question leaves that flag open: at least URGENT.
    when: (a) => unsureRedFlagQuestions(a).length > 0
  }
];
var showsPattern = (ctx, ...ids) => ctx.patterns.some((p) => ids.includes(p));
function atypicalOaFeatures(a) {
  return hadInjury(a) || a.Q12_morning_stiffness === "over_30_min" || a.Q14_trajectory?.trajectory === "worse" || a.Q07_swelling === "obvious_whole_knee" || a.Q08_heat_redness !== void 0 && a.Q08_heat_redness !== "no" || has(a.Q16_systemic, "unexplained_weight_loss", "constant_night_pain", "history_of_cancer", "fever_or_chills");
}
var ROUTINE_TRIGGERS = [
  {
    id: "RT01",
    cardsAllowed: true,
    when: (a) => (a.Q14_trajectory?.trajectory === "same" || a.Q14_trajectory?.trajectory === "worse") && a.Q14_trajectory.home_care_tried_2w_plus === "yes"
  },
  {
    id: "RT02",
    cardsAllowed: true,
    // An unanswered trajectory is not "improving".
    when: (a) => (a.Q13_duration === "6_to_12w" || a.Q13_duration === "over_12w") && a.Q14_trajectory?.trajectory !== "improving"
  },
  {
    id: "RT03",
    cardsAllowed: false,
    // Whole-knee swelling without a red flag is always worth a review; the injury case is covered by RT05.
    when: (a) => a.Q07_swelling === "obvious_whole_knee" && !hadInjury(a) && !hasFever(a)
  },
  {
    id: "RT04",
    cardsAllowed: false,
    // Recent-injury versions of these are URGENT (RF14, RF15); what is left here is always worth a review.
    when: (a) => has(a.Q06_mechanical, "catching_painful", "giving_way", "locking_episodes_resolved")
  },
  {
    id: "RT05",
    cardsAllowed: false,
    // Extended to every injury onset: acute injuries go to a physio with review about 2 weeks after (4.4),
    // and the pain rule does not apply to acute injuries (4.2).
    when: (a, ctx) => showsPattern(ctx, "MENISCUS", "LIGAMENT") || hadInjury(a)
  },
  {
    id: "RT06",
    cardsAllowed: true,
    // Any shown OA pattern (not only the top one) that is not yet diagnosed, or diagnosed OA with atypical features.
    when: (a, ctx) => showsPattern(ctx, "KNEE_OA") && (a.Q23_prior_diagnosis !== "oa_diagnosed_by_clinician" || atypicalOaFeatures(a))
  },
  {
    id: "RT07",
    cardsAllowed: false,
    when: (a) => a.Q12_morning_stiffness === "over_30_min" || has(a.Q16_systemic, "other_joints_swollen_or_rash_or_eye_or_urinary_symptoms")
  },
  { id: "RT08", cardsAllowed: false, when: (a) => isAge(a, "age_13_15") },
  { id: "RT09", cardsAllowed: false, when: (_a, ctx) => ctx.scored && ctx.patterns.length === 0 },
  {
    id: "RT10",
    cardsAllowed: false,
    // "Cannot run at all for more than 7 days" has no answer of its own; pain of 8/10 or more while
    // running is taken as its stand-in.
    when: (a) => (a.Q19_pain_scores?.at_rest ?? 0) >= 5 || a.Q19_pain_scores?.limping === "yes" || (a.Q19_pain_scores?.during_run ?? 0) >= 8
  },
  {
    id: "RT11",
    cardsAllowed: false,
    when: (a) => has(a.Q09_location, "bony_bump_below_knee_on_shin") && isAge(a, "age_under_13", "age_13_15", "age_16_17")
  },
  { id: "RT12", cardsAllowed: false, when: (a) => a.Q07_swelling === "lump_behind_knee" },
  { id: "RT13", cardsAllowed: false, when: (a) => a.Q07_swelling === "lump_on_front_of_kneecap" },
  { id: "RT14", cardsAllowed: false, when: (a) => has(a.Q16_systemic, "constant_night_pain") },
  {
    id: "RT15",
    cardsAllowed: false,
    // Whether giving way causes falls is not asked, so any giving way counts.
    when: (a) => has(a.Q06_mechanical, "giving_way")
  },
  {
    id: "RT16_hip_referral",
    cardsAllowed: false,
    // 2.7 / 3.8: hip problems can be felt in the knee; adults with hip, groin or thigh pain get a review.
    when: (a) => has(a.Q09_location, "also_hip_groin_or_thigh") && isAged16Plus(a) && !isAge(a, "age_16_17")
  },
  {
    id: "RT17_back_referral",
    cardsAllowed: false,
    // Not in 2.4: back pain with leg symptoms means the knee pain may come from the back.
    when: (a) => has(a.Q18_neuro, "back_pain_with_leg_symptoms")
  },
  {
    id: "AGE_UNKNOWN",
    cardsAllowed: false,
    // Self-management needs age 16 or over; with no age answer it cannot be offered.
    when: (a) => a.Q00_age === void 0
  }
];
var PATTERN_DEPENDENT_TRIGGERS = /* @__PURE__ */ new Set(["RT05", "RT06", "RT09"]);
var NOT_FOR_YOU_RULE = "NOT_FOR_YOU";

// src/content/triage/scoring.ts
var THRESHOLD_SHOW = 5;
var MARGIN_SINGLE = 3;
var MAX_SHOWN = 2;
var loc = (place) => (a) => has(a.Q09_location, place);
var agg = (what) => (a) => has(a.Q10_aggravators, what);
var behaviour = (what) => (a) => has(a.Q11_pain_behaviour, what);
var mech = (what) => (a) => has(a.Q06_mechanical, what);
var injuryFeature = (what) => (a) => has(a.Q04_injury_features, what);
var gradual = (a) => a.Q02_onset === "gradual";
var injury = (a) => hadInjury(a);
var wholeKneeSwelling = (a) => a.Q07_swelling === "obvious_whole_knee";
var locking = [mech("locked_now"), mech("locking_episodes_resolved")];
var youngAdult = (a) => isAge(a, "age_16_17", "age_18_39");
var female = (a) => a.Q20_sex === "female";
var bothKnees = (a) => a.Q21_both_knees === "yes";
var oaDiagnosed = (a) => a.Q23_prior_diagnosis === "oa_diagnosed_by_clinician";
var each = (points, features) => features.map((f) => [points, f]);
var PATTERN_WEIGHTS = {
  PFP: [
    ...each(3, [loc("front_around_or_behind_kneecap")]),
    ...each(2, [agg("stairs_down"), agg("squat_or_kneel"), agg("sitting_long_with_bent_knees")]),
    ...each(1, [
      agg("stairs_up"),
      agg("rising_from_chair"),
      agg("running_downhill"),
      mech("painless_clicking"),
      gradual,
      youngAdult,
      (a) => has(a.Q15_training_change, "mileage_up", "more_hills_or_downhill"),
      bothKnees,
      female
    ]),
    ...each(-2, [(a) => onlyLocation(a, "outer_side_above_joint_line"), (a) => onlyLocation(a, "just_below_kneecap_on_tendon"), wholeKneeSwelling]),
    ...each(-3, [...locking, injuryFeature("swelling_within_2h"), (a) => injury(a) && has(a.Q04_injury_features, "heard_or_felt_pop")])
  ],
  ITBS: [
    ...each(3, [loc("outer_side_above_joint_line")]),
    ...each(2, [agg("pain_at_predictable_point_in_run"), agg("running_downhill"), behaviour("eases_within_minutes_of_stopping")]),
    ...each(1, [
      gradual,
      (a) => has(a.Q15_training_change, "mileage_up", "cambered_roads_or_same_track_direction", "more_speed_or_track"),
      agg("stairs_down")
    ]),
    ...each(-2, [loc("outer_joint_line"), injury, wholeKneeSwelling]),
    ...each(-3, [...locking, mech("giving_way")])
  ],
  PES_ANSERINE: [
    ...each(3, [loc("inner_below_joint_line")]),
    ...each(1, [
      agg("stairs_up"),
      agg("stairs_down"),
      agg("rising_from_chair"),
      isAged40Plus,
      female,
      (a) => has(a.Q15_training_change, "mileage_up", "more_hills_or_downhill"),
      agg("at_night_wakes_me")
    ]),
    ...each(-2, [(a) => onlyLocation(a, "inner_joint_line"), injury, wholeKneeSwelling]),
    ...each(-3, locking)
  ],
  PATELLAR_TENDINOPATHY: [
    ...each(3, [loc("just_below_kneecap_on_tendon")]),
    ...each(2, [agg("jumping_hopping_sprinting"), behaviour("warms_up_then_worse_after"), behaviour("worse_next_morning")]),
    ...each(1, [agg("squat_or_kneel"), agg("stairs_down"), (a) => a.Q22_sport === "also_jumping_sports", youngAdult, agg("sitting_long_with_bent_knees")]),
    ...each(-2, [wholeKneeSwelling, injury]),
    ...each(-3, locking)
  ],
  MENISCUS: [
    ...each(3, [...locking, (a) => injury(a) && a.Q03_mechanism === "twist_foot_planted"]),
    ...each(2, [loc("inner_joint_line"), loc("outer_joint_line"), mech("catching_painful"), injuryFeature("swelling_next_day"), agg("twisting_pivoting")]),
    ...each(1, [agg("squat_or_kneel"), isAged40Plus, mech("giving_way")]),
    ...each(-2, [(a) => onlyLocation(a, "front_around_or_behind_kneecap"), (a) => gradual(a) && !hasMechanicalSymptoms(a)])
  ],
  LIGAMENT: [
    ...each(3, [injuryFeature("heard_or_felt_pop"), injuryFeature("swelling_within_2h"), mech("giving_way")]),
    ...each(2, [
      (a) => a.Q03_mechanism === "twist_foot_planted" || a.Q03_mechanism === "landing_from_jump" || a.Q03_mechanism === "hyperextension",
      injuryFeature("could_not_carry_on"),
      (a) => a.Q03_mechanism === "blow_to_side_of_knee",
      (a) => a.Q22_sport === "also_cutting_pivoting_sports"
    ]),
    ...each(1, [injuryFeature("swelling_next_day"), injuryFeature("bruising")]),
    ...each(-3, [gradual])
  ],
  KNEE_OA: [
    ...each(3, [(a) => isAge(a, "age_55_64", "age_65_plus"), oaDiagnosed]),
    // The band 40-54 cannot tell whether someone is over the NICE age of 45, so it gets the full +2.
    ...each(2, [(a) => isAge(a, "age_40_54"), (a) => a.Q12_morning_stiffness === "up_to_30_min", gradual, agg("first_steps_after_rest")]),
    ...each(1, [
      loc("whole_knee_hard_to_pinpoint"),
      loc("inner_joint_line"),
      mech("painless_clicking"),
      bothKnees,
      (a) => a.Q07_swelling === "mild_puffiness_after_runs",
      agg("stairs_up"),
      agg("stairs_down")
    ]),
    ...each(-2, [(a) => a.Q12_morning_stiffness === "over_30_min"]),
    ...each(-3, [(a) => isAge(a, "age_13_15", "age_16_17", "age_18_39")])
  ]
};
var PATTERN_GATES = {
  PFP: loc("front_around_or_behind_kneecap"),
  ITBS: loc("outer_side_above_joint_line"),
  PES_ANSERINE: loc("inner_below_joint_line"),
  PATELLAR_TENDINOPATHY: loc("just_below_kneecap_on_tendon"),
  MENISCUS: (a) => has(a.Q09_location, "inner_joint_line", "outer_joint_line") || has(a.Q06_mechanical, "locked_now", "locking_episodes_resolved"),
  LIGAMENT: injury,
  KNEE_OA: (a) => isAged40Plus(a) || oaDiagnosed(a)
};
var COEXISTING_PAIRS = [
  ["PFP", "ITBS"],
  ["PES_ANSERINE", "KNEE_OA"],
  ["PFP", "KNEE_OA"]
];
var TIE_BREAK_ORDER = ["LIGAMENT", "MENISCUS", "KNEE_OA", "PATELLAR_TENDINOPATHY", "PES_ANSERINE", "ITBS", "PFP"];

// src/triage/pattern-scoring.ts
function scorePatterns(a) {
  const scores = {};
  for (const pattern of PATTERN_IDS) {
    scores[pattern] = PATTERN_WEIGHTS[pattern].reduce((sum, [points, feature]) => feature(a) ? sum + points : sum, 0);
  }
  return scores;
}
var coexist = (x, y) => COEXISTING_PAIRS.some(([p, q2]) => p === x && q2 === y || p === y && q2 === x);
function choosePatterns(a, scores) {
  const ranked = PATTERN_IDS.filter((p) => PATTERN_GATES[p](a) && scores[p] >= THRESHOLD_SHOW).sort(
    (x, y) => scores[y] - scores[x] || TIE_BREAK_ORDER.indexOf(x) - TIE_BREAK_ORDER.indexOf(y)
  );
  const [top, second] = ranked;
  if (top === void 0) return [];
  if (second !== void 0 && scores[top] - scores[second] < MARGIN_SINGLE) return [top, second].slice(0, MAX_SHOWN);
  const partner = ranked.find((p) => p !== top && coexist(top, p));
  return partner === void 0 ? [top] : [top, partner];
}

// src/triage/levels.ts
var TRIAGE_LEVELS = ["SELF_MANAGE", "ROUTINE", "URGENT", "EMERGENCY"];
function levelRank(level) {
  return TRIAGE_LEVELS.indexOf(level);
}

// src/triage/red-flags.ts
function firedRedFlags(a) {
  const fired = /* @__PURE__ */ new Map();
  for (const rule of RED_FLAG_RULES) {
    const previous = fired.get(rule.id);
    if (previous !== void 0 && levelRank(previous) >= levelRank(rule.level)) continue;
    if (rule.when(a, new Set(fired.keys()))) fired.set(rule.id, rule.level);
  }
  return [...fired].map(([id, level]) => ({ id, level }));
}
function highestRedFlagLevel(flags) {
  if (flags.some((f) => f.level === "EMERGENCY")) return "EMERGENCY";
  return flags.length > 0 ? "URGENT" : null;
}

// src/triage/flow.ts
var always = () => true;
var SCREEN = [
  ["Q02_onset", always],
  // The answers format has no injury date. Asking how long ago first (Q13) tells whether the injury can
  // be within 7 days, which is when the Ottawa checks (Q05) apply: only for "less than 2 weeks".
  ["Q13_duration", hadInjury],
  ["Q03_mechanism", hadInjury],
  ["Q04_injury_features", hadInjury],
  // A skipped Q13 leaves the injury date unknown: ask the Ottawa checks anyway.
  ["Q05_ottawa", (a) => hadInjury(a) && (a.Q13_duration === "under_2w" || a.Q13_duration === void 0)],
  ["Q06_mechanical", always],
  ["Q07_swelling", always],
  ["Q08_heat_redness", always],
  ["Q16_systemic", always],
  ["Q17_calf", always],
  ["Q18_neuro", always]
];
var CHILD_EXTRA = [
  ["Q09_location", always],
  ["Q19_pain_scores", always],
  ["Q10_aggravators", (a) => has(a.Q16_systemic, "fever_or_chills", "unexplained_weight_loss", "history_of_cancer", "constant_night_pain")],
  ["Q11_pain_behaviour", (a) => has(a.Q16_systemic, "unexplained_weight_loss", "history_of_cancer")]
];
var PATTERN_QUESTIONS = [
  ["Q09_location", always],
  ["Q10_aggravators", always],
  ["Q11_pain_behaviour", always],
  ["Q12_morning_stiffness", always],
  ["Q13_duration", always],
  ["Q14_trajectory", always],
  ["Q15_training_change", always],
  ["Q19_pain_scores", always],
  ["Q21_both_knees", (a) => has(a.Q09_location, "front_around_or_behind_kneecap", "whole_knee_hard_to_pinpoint") || isAged40Plus(a)],
  ["Q22_sport", (a) => has(a.Q09_location, "just_below_kneecap_on_tendon") || hadInjury(a)],
  ["Q23_prior_diagnosis", isAged40Plus]
];
var NOTHING_SKIPPED = /* @__PURE__ */ new Set();
function nextQuestion(a, skipped = NOTHING_SKIPPED) {
  const open = (id) => a[id] === void 0 && !skipped.has(id);
  const firstOpen = (steps) => steps.find(([id, applies]) => open(id) && applies(a))?.[0] ?? null;
  if (open("Q01_emergency_screen")) return "Q01_emergency_screen";
  const level = highestRedFlagLevel(firedRedFlags(a));
  if (level === "EMERGENCY") return null;
  if (open("Q00_age")) return "Q00_age";
  if (isAge(a, "age_under_13")) return null;
  const screening = firstOpen(SCREEN);
  if (screening !== null) return screening;
  if (level === "URGENT") return null;
  return firstOpen(isAge(a, "age_13_15") ? CHILD_EXTRA : PATTERN_QUESTIONS);
}

// src/triage/engine.ts
var OVERUSE_LOAD_ADVICE = {
  PFP: "load_PFP",
  ITBS: "load_ITBS",
  PES_ANSERINE: "load_PES_ANSERINE",
  PATELLAR_TENDINOPATHY: "load_PATELLAR_TENDINOPATHY"
};
var CLOSING = ["disclaimer", "safety_net"];
function referralNotes(a) {
  const notes = [];
  if (isUnder16(a)) notes.push("under_16_guardian");
  if (has(a.Q09_location, "also_hip_groin_or_thigh")) notes.push("hip_referral");
  if (has(a.Q18_neuro, "back_pain_with_leg_symptoms")) notes.push("back_referral");
  return notes;
}
var whyLines = (ruleIds) => ruleIds.map((id) => RULE_WHY[id]).filter((line) => line !== void 0);
function patternMessage(level, patterns2) {
  if (patterns2.length === 0) return [];
  if (level === "SELF_MANAGE") return [patterns2.length === 2 ? "self_manage_two_patterns" : "self_manage"];
  return [patterns2.length === 2 ? "routine_two_patterns" : "routine_pattern"];
}
function pickCards(a, patterns2) {
  for (const pattern of patterns2) {
    const cards = cardsForPattern(pattern, a);
    if (cards.length > 0) return cards.slice(0, MAX_CARDS);
  }
  return [];
}
function selfManageAllowed(a, patterns2) {
  const top = patterns2[0];
  if (top === void 0 || !isAged16Plus(a)) return false;
  if (patterns2.some((p) => p === "MENISCUS" || p === "LIGAMENT")) return false;
  return SELF_MANAGE_PATTERNS.includes(top) || top === "KNEE_OA" && a.Q23_prior_diagnosis === "oa_diagnosed_by_clinician";
}
function evaluate(a) {
  const flags = firedRedFlags(a);
  const flagLevel = highestRedFlagLevel(flags);
  if (flagLevel !== null) {
    const rules2 = flags.map((f) => f.id);
    return {
      level: flagLevel,
      patterns: [],
      cards: [],
      rules: rules2,
      messages: [flagLevel === "EMERGENCY" ? "emergency" : "urgent", ...referralNotes(a), ...CLOSING],
      reasons: whyLines(rules2)
    };
  }
  if (isAge(a, "age_under_13")) {
    return { level: "ROUTINE", patterns: [], cards: [], rules: [NOT_FOR_YOU_RULE], messages: ["not_for_you", ...CLOSING], reasons: whyLines([NOT_FOR_YOU_RULE]) };
  }
  const firstPass = ROUTINE_TRIGGERS.filter((t) => !PATTERN_DEPENDENT_TRIGGERS.has(t.id));
  const noPatterns = { patterns: [], scored: false };
  const early = firstPass.filter((t) => t.when(a, noPatterns));
  const scored = !isUnder16(a) && !early.some((t) => t.id === "RT07");
  const scores = scored ? scorePatterns(a) : void 0;
  const patterns2 = scores ? choosePatterns(a, scores) : [];
  const ctx = { patterns: patterns2, scored };
  const fired = ROUTINE_TRIGGERS.filter((t) => PATTERN_DEPENDENT_TRIGGERS.has(t.id) ? t.when(a, ctx) : early.includes(t));
  const rules = fired.map((t) => t.id);
  const level = rules.length === 0 && selfManageAllowed(a, patterns2) ? "SELF_MANAGE" : "ROUTINE";
  const cardsAllowed = isAged16Plus(a) && fired.every((t) => t.cardsAllowed);
  const cards = cardsAllowed ? pickCards(a, patterns2) : [];
  const messages = [];
  if (level === "ROUTINE") messages.push("routine");
  messages.push(...patternMessage(level, patterns2));
  if (rules.includes("RT09")) messages.push("no_pattern_fit");
  messages.push(...referralNotes(a));
  if (cards.length > 0) {
    for (const pattern of patterns2) {
      const advice = OVERUSE_LOAD_ADVICE[pattern];
      if (advice) messages.push(advice);
    }
  }
  if (patterns2.includes("KNEE_OA")) messages.push("oa_keep_active");
  if (cards.length > 0) messages.push("cards_intro", "pain_rule");
  messages.push(...CLOSING);
  const outcome = {
    level,
    patterns: patterns2,
    cards,
    rules,
    messages,
    reasons: level === "SELF_MANAGE" ? [SELF_MANAGE_WHY] : whyLines(rules)
  };
  if (scores) outcome.scores = scores;
  return outcome;
}
function patternPlaceholders(patterns2) {
  const values = {};
  const [first, second] = patterns2;
  if (first) values.pattern_plain = PATTERN_NAMES[first].plain;
  if (second) values.pattern_plain_2 = PATTERN_NAMES[second].plain;
  return values;
}

// src/triage/progress.ts
import { createHash } from "node:crypto";

// src/content/triage/answer-options.ts
var YES_NO = ["yes", "no"];
var YES_NO_UNSURE = ["yes", "no", "unsure"];
var Q01_OPTIONS = [
  "deformed_or_kneecap_out",
  "cannot_take_4_steps",
  "hot_swollen_and_fever",
  "foot_cold_pale_numb_after_injury",
  "cannot_straighten_or_lift_leg_after_injury",
  "calf_swollen_plus_breathless",
  "open_wound_over_knee",
  "high_energy_trauma",
  "none",
  "unsure"
];
var Q00_OPTIONS = ["age_under_13", "age_13_15", "age_16_17", "age_18_39", "age_40_54", "age_55_64", "age_65_plus"];
var Q02_OPTIONS = ["injury", "gradual", "sudden_no_injury", "unsure"];
var Q03_OPTIONS = ["twist_foot_planted", "landing_from_jump", "fall_or_blow_onto_knee", "blow_to_side_of_knee", "hyperextension", "other"];
var Q04_OPTIONS = [
  "heard_or_felt_pop",
  "kneecap_shifted_then_went_back",
  "could_not_carry_on",
  "swelling_within_2h",
  "swelling_next_day",
  "no_swelling",
  "bruising"
];
var Q06_OPTIONS = ["locked_now", "locking_episodes_resolved", "catching_painful", "giving_way", "painless_clicking", "none", "unsure"];
var Q07_OPTIONS = ["none", "mild_puffiness_after_runs", "obvious_whole_knee", "lump_on_front_of_kneecap", "lump_behind_knee"];
var Q08_OPTIONS = ["no", "warm_or_red", "warm_or_red_with_fever", "unsure"];
var Q09_OPTIONS = [
  "front_around_or_behind_kneecap",
  "just_below_kneecap_on_tendon",
  "bony_bump_below_knee_on_shin",
  "outer_side_above_joint_line",
  "outer_joint_line",
  "inner_joint_line",
  "inner_below_joint_line",
  "back_of_knee",
  "whole_knee_hard_to_pinpoint",
  "also_hip_groin_or_thigh"
];
var Q10_OPTIONS = [
  "stairs_down",
  "stairs_up",
  "squat_or_kneel",
  "sitting_long_with_bent_knees",
  "rising_from_chair",
  "running_downhill",
  "pain_at_predictable_point_in_run",
  "jumping_hopping_sprinting",
  "twisting_pivoting",
  "first_steps_after_rest",
  "pressure_when_kneeling",
  "at_rest",
  "at_night_wakes_me"
];
var Q11_OPTIONS = ["warms_up_then_worse_after", "eases_within_minutes_of_stopping", "worse_next_morning", "constant"];
var Q12_OPTIONS = ["none", "up_to_30_min", "over_30_min"];
var Q13_OPTIONS = ["under_2w", "2_to_6w", "6_to_12w", "over_12w"];
var Q14_TRAJECTORY_OPTIONS = ["improving", "same", "worse"];
var Q15_OPTIONS = [
  "mileage_up",
  "more_hills_or_downhill",
  "more_speed_or_track",
  "new_shoes_or_surface",
  "cambered_roads_or_same_track_direction",
  "new_to_running",
  "none"
];
var Q16_OPTIONS = [
  "fever_or_chills",
  "unexplained_weight_loss",
  "constant_night_pain",
  "history_of_cancer",
  "immunosuppressed_or_diabetes",
  "knee_replacement_or_recent_knee_surgery_or_injection",
  "other_joints_swollen_or_rash_or_eye_or_urinary_symptoms",
  "none",
  "unsure"
];
var Q17_OPTIONS = [
  "calf_swollen_tender_or_warm",
  "recent_long_travel_surgery_pregnancy_hormonal_pill_or_immobility",
  "breathless_chest_pain_or_coughing_blood",
  "none",
  "unsure"
];
var Q18_OPTIONS = [
  "numb_or_pins_needles_foot",
  "foot_weak_or_dropping",
  "back_pain_with_leg_symptoms",
  "new_bladder_bowel_problems_or_saddle_numbness",
  "none",
  "unsure"
];
var Q20_OPTIONS = ["female", "male", "other_or_prefer_not"];
var Q22_OPTIONS = ["mainly_running", "also_jumping_sports", "also_cutting_pivoting_sports"];
var Q23_OPTIONS = ["oa_diagnosed_by_clinician", "pfp_diagnosed_by_clinician", "none"];
var QUESTION_IDS = [
  "Q01_emergency_screen",
  "Q00_age",
  "Q02_onset",
  "Q03_mechanism",
  "Q04_injury_features",
  "Q05_ottawa",
  "Q06_mechanical",
  "Q07_swelling",
  "Q08_heat_redness",
  "Q09_location",
  "Q10_aggravators",
  "Q11_pain_behaviour",
  "Q12_morning_stiffness",
  "Q13_duration",
  "Q14_trajectory",
  "Q15_training_change",
  "Q16_systemic",
  "Q17_calf",
  "Q18_neuro",
  "Q19_pain_scores",
  "Q20_sex",
  "Q21_both_knees",
  "Q22_sport",
  "Q23_prior_diagnosis"
];

// src/content/triage/questions.ts
function opts(ids, labels) {
  return ids.map((id) => ({ id, label: labels[id] }));
}
var YES_NO_LABELS = { yes: "Yes", no: "No" };
var YES_NO_UNSURE_LABELS = { ...YES_NO_LABELS, unsure: "I'm not sure" };
var yesNo = opts(YES_NO, YES_NO_LABELS);
var yesNoUnsure = opts(YES_NO_UNSURE, YES_NO_UNSURE_LABELS);
var q = (spec) => ({ items: [], redFlag: false, optional: false, ...spec });
var QUESTIONS = [
  q({
    id: "Q01_emergency_screen",
    kind: "multi",
    redFlag: true,
    prompt: "First, a safety check. Is any of these true right now? Pick all that fit.",
    options: opts(Q01_OPTIONS, {
      deformed_or_kneecap_out: "My knee looks the wrong shape, or my kneecap is out of place",
      cannot_take_4_steps: "Since an injury I cannot take 4 steps on that leg, even with a limp",
      hot_swollen_and_fever: "My knee is hot, red or swollen AND I have a fever, shivers or feel very ill",
      foot_cold_pale_numb_after_injury: "Since an injury my foot or lower leg is cold, pale, blue or numb",
      cannot_straighten_or_lift_leg_after_injury: "Since a fall or landing I cannot straighten my knee or lift my leg up straight",
      calf_swollen_plus_breathless: "Swollen or sore calf AND short of breath, chest pain or coughing blood",
      open_wound_over_knee: "I have a deep cut or wound over my knee from a fall",
      high_energy_trauma: "I was hit by a car or bike, or fell from a height",
      none: "None of these",
      unsure: "I'm not sure"
    })
  }),
  q({
    id: "Q00_age",
    kind: "single",
    prompt: "How old are you?",
    options: opts(Q00_OPTIONS, {
      age_under_13: "Under 13",
      age_13_15: "13 to 15",
      age_16_17: "16 or 17",
      age_18_39: "18 to 39",
      age_40_54: "40 to 54",
      age_55_64: "55 to 64",
      age_65_plus: "65 or over"
    })
  }),
  q({
    id: "Q02_onset",
    kind: "single",
    prompt: "How did the knee pain start?",
    options: opts(Q02_OPTIONS, {
      injury: "All at once, with an injury (a twist, fall, bad landing or knock)",
      gradual: "Slowly, with no injury",
      sudden_no_injury: "All at once, with no injury (for example, I woke up with it)",
      unsure: "I'm not sure"
    })
  }),
  q({
    id: "Q03_mechanism",
    kind: "single",
    prompt: "How did you hurt your knee?",
    options: opts(Q03_OPTIONS, {
      twist_foot_planted: "I twisted with my foot stuck on the ground",
      landing_from_jump: "I landed badly from a jump",
      fall_or_blow_onto_knee: "I fell on my knee, or something hit the front of it",
      blow_to_side_of_knee: "Something hit the side of my knee",
      hyperextension: "My knee bent backwards too far (hyperextension)",
      other: "Some other way"
    })
  }),
  q({
    id: "Q04_injury_features",
    kind: "multi",
    prompt: "When you hurt it, what happened? Pick all that fit.",
    options: opts(Q04_OPTIONS, {
      heard_or_felt_pop: "I heard or felt a pop",
      kneecap_shifted_then_went_back: "My kneecap slipped out of place and then went back",
      could_not_carry_on: "I could not carry on with what I was doing",
      swelling_within_2h: "It swelled up within 2 hours",
      swelling_next_day: "It swelled up later, by the next day",
      no_swelling: "It did not swell",
      bruising: "It is bruised"
    })
  }),
  q({
    id: "Q05_ottawa",
    kind: "group",
    redFlag: true,
    prompt: "A few checks about your injury. Answer what you can; try the movements gently.",
    options: [],
    items: [
      { key: "can_take_4_steps_now", kind: "choice", prompt: "Can you take 4 steps on that leg now, even with a limp?", options: yesNoUnsure },
      { key: "can_bend_to_right_angle", kind: "choice", prompt: "Can you bend your knee to an L shape (a right angle)?", options: yesNoUnsure },
      {
        key: "sore_on_kneecap_bone_only",
        kind: "choice",
        prompt: "Is the sore spot on the kneecap bone itself, and nowhere else?",
        options: yesNoUnsure
      },
      {
        key: "sore_on_outer_bony_bump_below_knee",
        kind: "choice",
        prompt: "Is the bony bump on the outside, just below the knee, sore to press?",
        options: yesNoUnsure
      }
    ]
  }),
  q({
    id: "Q06_mechanical",
    kind: "multi",
    redFlag: true,
    prompt: "Does your knee do any of these? Pick all that fit.",
    options: opts(Q06_OPTIONS, {
      locked_now: "It is stuck right now: I cannot straighten it all the way",
      locking_episodes_resolved: "It has got stuck before, then freed up",
      catching_painful: "It catches or clicks, and that hurts",
      giving_way: "It gives way or feels wobbly",
      painless_clicking: "It clicks or crunches, but that does not hurt",
      none: "None of these",
      unsure: "I'm not sure"
    })
  }),
  q({
    id: "Q07_swelling",
    kind: "single",
    prompt: "Is your knee swollen?",
    options: opts(Q07_OPTIONS, {
      none: "No",
      mild_puffiness_after_runs: "A little puffy after runs",
      obvious_whole_knee: "Yes, the whole knee is clearly swollen",
      lump_on_front_of_kneecap: "There is a soft lump on the front of the kneecap",
      lump_behind_knee: "There is a lump at the back of the knee"
    })
  }),
  q({
    id: "Q08_heat_redness",
    kind: "single",
    redFlag: true,
    prompt: "Is your knee warm to touch or red?",
    options: opts(Q08_OPTIONS, {
      no: "No",
      warm_or_red: "Yes, warm or red",
      warm_or_red_with_fever: "Yes, warm or red, and I also have a fever or shivers",
      unsure: "I'm not sure"
    })
  }),
  q({
    id: "Q09_location",
    kind: "multi",
    prompt: "Where does it hurt? Pick the main spot and any other places.",
    options: opts(Q09_OPTIONS, {
      front_around_or_behind_kneecap: "Around or behind the kneecap",
      just_below_kneecap_on_tendon: "Just below the kneecap, on the band that joins it to the shin",
      bony_bump_below_knee_on_shin: "On the bony bump at the top of the shin, below the kneecap",
      outer_side_above_joint_line: "On the outside of the knee, a little above the joint",
      outer_joint_line: "On the outside, right on the joint (the gap between the bones)",
      inner_joint_line: "On the inside, right on the joint (the gap between the bones)",
      inner_below_joint_line: "On the inside, a few centimetres below the joint, at the top of the shin",
      back_of_knee: "At the back of the knee",
      whole_knee_hard_to_pinpoint: "All over the knee, hard to point to one spot",
      also_hip_groin_or_thigh: "Also in my hip, groin or thigh"
    })
  }),
  q({
    id: "Q10_aggravators",
    kind: "multi",
    prompt: "What makes it hurt more? Pick all that fit.",
    options: opts(Q10_OPTIONS, {
      stairs_down: "Going down stairs",
      stairs_up: "Going up stairs",
      squat_or_kneel: "Squatting or kneeling",
      sitting_long_with_bent_knees: "Sitting for a long time with bent knees",
      rising_from_chair: "Getting up from a chair",
      running_downhill: "Running downhill",
      pain_at_predictable_point_in_run: "It starts at about the same point in every run",
      jumping_hopping_sprinting: "Jumping, hopping or sprinting",
      twisting_pivoting: "Twisting or turning sharply",
      first_steps_after_rest: "The first steps after resting",
      pressure_when_kneeling: "Pressing on it when I kneel",
      at_rest: "It hurts even when I am resting",
      at_night_wakes_me: "It wakes me up at night"
    })
  }),
  q({
    id: "Q11_pain_behaviour",
    kind: "multi",
    prompt: "How does the pain behave? Pick all that fit, or none.",
    options: opts(Q11_OPTIONS, {
      warms_up_then_worse_after: "It eases once I warm up, then is worse afterwards",
      eases_within_minutes_of_stopping: "It goes away within minutes of stopping",
      worse_next_morning: "It is worse the next morning",
      constant: "It is there all the time"
    })
  }),
  q({
    id: "Q12_morning_stiffness",
    kind: "single",
    prompt: "Is your knee stiff when you get up in the morning?",
    options: opts(Q12_OPTIONS, {
      none: "No",
      up_to_30_min: "Yes, for up to half an hour",
      over_30_min: "Yes, for more than half an hour"
    })
  }),
  q({
    id: "Q13_duration",
    kind: "single",
    prompt: "How long have you had this knee pain (or how long ago was the injury)?",
    options: opts(Q13_OPTIONS, {
      under_2w: "Less than 2 weeks",
      "2_to_6w": "2 to 6 weeks",
      "6_to_12w": "6 to 12 weeks",
      over_12w: "More than 12 weeks"
    })
  }),
  q({
    id: "Q14_trajectory",
    kind: "group",
    prompt: "How is it going?",
    options: [],
    items: [
      {
        key: "trajectory",
        kind: "choice",
        prompt: "Is it getting better, staying the same, or getting worse?",
        options: opts(Q14_TRAJECTORY_OPTIONS, { improving: "Getting better", same: "About the same", worse: "Getting worse" })
      },
      {
        key: "home_care_tried_2w_plus",
        kind: "choice",
        prompt: "Have you tried looking after it yourself (less running, easier runs) for 2 weeks or more?",
        options: yesNo
      }
    ]
  }),
  q({
    id: "Q15_training_change",
    kind: "multi",
    prompt: "In the weeks before it started, did your running change? Pick all that fit.",
    options: opts(Q15_OPTIONS, {
      mileage_up: "I ran more distance each week",
      more_hills_or_downhill: "More hills or downhill running",
      more_speed_or_track: "More fast running or track sessions",
      new_shoes_or_surface: "New shoes or a new surface",
      cambered_roads_or_same_track_direction: "Sloping road edges, or always the same way round a track",
      new_to_running: "I am new to running",
      none: "No changes"
    })
  }),
  q({
    id: "Q16_systemic",
    kind: "multi",
    redFlag: true,
    prompt: "Is any of these true for you? Pick all that fit.",
    options: opts(Q16_OPTIONS, {
      fever_or_chills: "A fever or shivers",
      unexplained_weight_loss: "Losing weight without trying",
      constant_night_pain: "Pain all the time, also at night",
      history_of_cancer: "I have had cancer",
      immunosuppressed_or_diabetes: "Diabetes, or medicine or illness that weakens my immune system",
      knee_replacement_or_recent_knee_surgery_or_injection: "A knee replacement, or recent knee surgery or a knee injection",
      other_joints_swollen_or_rash_or_eye_or_urinary_symptoms: "Other swollen joints, a rash, sore eyes, or pain when peeing",
      none: "None of these",
      unsure: "I'm not sure"
    })
  }),
  q({
    id: "Q17_calf",
    kind: "multi",
    redFlag: true,
    prompt: "Now about your calf (the back of your lower leg). Pick all that fit.",
    options: opts(Q17_OPTIONS, {
      calf_swollen_tender_or_warm: "My calf is swollen, sore to touch or warm",
      recent_long_travel_surgery_pregnancy_hormonal_pill_or_immobility: "Recent long trip, surgery, pregnancy, hormone pill, or a lot of time still",
      breathless_chest_pain_or_coughing_blood: "I am short of breath, have chest pain, or cough up blood",
      none: "None of these",
      unsure: "I'm not sure"
    })
  }),
  q({
    id: "Q18_neuro",
    kind: "multi",
    redFlag: true,
    prompt: "Do you have any of these? Pick all that fit.",
    options: opts(Q18_OPTIONS, {
      numb_or_pins_needles_foot: "Numbness or pins and needles in my foot",
      foot_weak_or_dropping: "My foot feels weak or drops or slaps when I walk",
      back_pain_with_leg_symptoms: "Back pain, with pain or tingling going down my leg",
      new_bladder_bowel_problems_or_saddle_numbness: "New trouble peeing or pooing, or numbness between my legs",
      none: "None of these",
      unsure: "I'm not sure"
    })
  }),
  q({
    id: "Q19_pain_scores",
    kind: "group",
    prompt: "How bad is the pain? 0 means no pain and 10 means the worst pain you can imagine.",
    options: [],
    items: [
      { key: "at_rest", kind: "score", prompt: "Pain when resting (0 to 10)", options: [] },
      { key: "during_run", kind: "score", prompt: "Pain while running (0 to 10)", options: [] },
      { key: "worse_next_morning", kind: "choice", prompt: "Is it worse the morning after a run?", options: yesNo },
      { key: "limping", kind: "choice", prompt: "Are you limping?", options: yesNo }
    ]
  }),
  q({
    id: "Q20_sex",
    kind: "single",
    optional: true,
    prompt: "If you like: what is your sex? Some knee problems are a bit more common in women. You can skip this.",
    options: opts(Q20_OPTIONS, { female: "Female", male: "Male", other_or_prefer_not: "Other, or I would rather not say" })
  }),
  q({
    id: "Q21_both_knees",
    kind: "single",
    optional: true,
    prompt: "Do both knees hurt?",
    options: opts(YES_NO, YES_NO_LABELS)
  }),
  q({
    id: "Q22_sport",
    kind: "single",
    optional: true,
    prompt: "What sport do you do?",
    options: opts(Q22_OPTIONS, {
      mainly_running: "Mostly running",
      also_jumping_sports: "Also jumping sports (like basketball or volleyball)",
      also_cutting_pivoting_sports: "Also sports with quick turns (like football or netball)"
    })
  }),
  q({
    id: "Q23_prior_diagnosis",
    kind: "single",
    optional: true,
    prompt: "Has a doctor or physio already told you what this knee problem is?",
    options: opts(Q23_OPTIONS, {
      oa_diagnosed_by_clinician: "Yes: knee arthritis (osteoarthritis)",
      pfp_diagnosed_by_clinician: "Yes: runner's knee (patellofemoral pain)",
      none: "No"
    })
  })
];
var BY_ID = new Map(QUESTIONS.map((question) => [question.id, question]));
function questionById(id) {
  const question = BY_ID.get(id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}

// src/triage/answers.ts
import { z as z2 } from "zod";
var score = z2.number().int().min(0).max(10);
var multi = (ids) => z2.array(z2.enum(ids)).optional();
var single = (ids) => z2.enum(ids).optional();
var answersSchema = z2.strictObject({
  Q01_emergency_screen: multi(Q01_OPTIONS),
  Q00_age: single(Q00_OPTIONS),
  Q02_onset: single(Q02_OPTIONS),
  Q03_mechanism: single(Q03_OPTIONS),
  Q04_injury_features: multi(Q04_OPTIONS),
  Q05_ottawa: z2.strictObject({
    can_take_4_steps_now: single(YES_NO_UNSURE),
    can_bend_to_right_angle: single(YES_NO_UNSURE),
    sore_on_kneecap_bone_only: single(YES_NO_UNSURE),
    sore_on_outer_bony_bump_below_knee: single(YES_NO_UNSURE)
  }).optional(),
  Q06_mechanical: multi(Q06_OPTIONS),
  Q07_swelling: single(Q07_OPTIONS),
  Q08_heat_redness: single(Q08_OPTIONS),
  Q09_location: multi(Q09_OPTIONS),
  Q10_aggravators: multi(Q10_OPTIONS),
  Q11_pain_behaviour: multi(Q11_OPTIONS),
  Q12_morning_stiffness: single(Q12_OPTIONS),
  Q13_duration: single(Q13_OPTIONS),
  Q14_trajectory: z2.strictObject({
    trajectory: single(Q14_TRAJECTORY_OPTIONS),
    home_care_tried_2w_plus: single(YES_NO)
  }).optional(),
  Q15_training_change: multi(Q15_OPTIONS),
  Q16_systemic: multi(Q16_OPTIONS),
  Q17_calf: multi(Q17_OPTIONS),
  Q18_neuro: multi(Q18_OPTIONS),
  Q19_pain_scores: z2.strictObject({
    at_rest: score.optional(),
    during_run: score.optional(),
    worse_next_morning: single(YES_NO),
    limping: single(YES_NO)
  }).optional(),
  Q20_sex: single(Q20_OPTIONS),
  Q21_both_knees: single(YES_NO),
  Q22_sport: single(Q22_OPTIONS),
  Q23_prior_diagnosis: single(Q23_OPTIONS)
});
var isPlainObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function dropNulls(input) {
  const out = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null) continue;
    out[key] = isPlainObject(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) : value;
  }
  return out;
}
function valueAt(input, path) {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[key];
  }
  return current;
}
function describe2(value) {
  if (value === void 0) return "nothing";
  const text3 = JSON.stringify(value);
  return text3.length > 60 ? `${text3.slice(0, 57)}...` : text3;
}
function formatIssue(issue, input) {
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "answers";
  const got = describe2(valueAt(input, issue.path));
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.path.length === 0 ? `unknown question id ${issue.keys.map((k) => `"${k}"`).join(", ")}` : `${where}: unknown item ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      return `${where}: ${got} is not an option of this question (allowed: ${issue.values.map(String).join(", ")})`;
    case "invalid_type":
      return `${where}: expected ${issue.expected === "int" ? "a whole number" : issue.expected}, got ${got}`;
    case "too_big":
    case "too_small":
      return `${where}: ${got} is out of range (a score from 0 to 10)`;
    default:
      return `${where}: ${issue.message} (got ${got})`;
  }
}
function parseAnswers(input) {
  if (!isPlainObject(input)) {
    return { ok: false, errors: [`answers: expected one JSON object of question ids, got ${describe2(input)}`] };
  }
  const cleaned = dropNulls(input);
  const result = answersSchema.safeParse(cleaned);
  if (result.success) return { ok: true, answers: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => formatIssue(issue, cleaned)) };
}

// src/triage/progress.ts
var UNSET = 0;
var SKIPPED = 1;
var FIRST_VALUE = 2;
var SCORE_OPTIONS = Array.from({ length: 11 }, (_, n) => ({ id: String(n), label: String(n) }));
function slotFor(index2, question, item) {
  const kind = item ? item.kind : question.kind;
  const options = item ? item.kind === "score" ? SCORE_OPTIONS : item.options : question.options;
  const valueCount = kind === "multi" ? 2 ** options.length : options.length;
  return {
    index: index2,
    question,
    item,
    kind,
    prompt: item ? item.prompt : question.prompt,
    options,
    skippable: !question.redFlag && !options.some((o) => o.id === "unsure"),
    radix: BigInt(FIRST_VALUE + valueCount)
  };
}
var SLOTS = QUESTIONS.flatMap(
  (question) => question.kind === "group" ? question.items.map((item) => ({ question, item })) : [{ question, item: null }]
).map(({ question, item }, index2) => slotFor(index2, question, item));
var slotsOf = (id) => SLOTS.filter((s) => s.question.id === id);
var PROGRESS_LAYOUT_VERSION = createHash("sha256").update(JSON.stringify(SLOTS.map((s) => [s.question.id, s.item?.key ?? "", s.options.map((o) => o.id)]))).digest("hex").slice(0, 4);
var emptyProgress = () => SLOTS.map(() => UNSET);
function withAnswer(progress, slot, answer) {
  let value;
  if ("skip" in answer) {
    if (!slot.skippable) throw new RangeError("This question cannot be skipped.");
    value = SKIPPED;
  } else if ("option" in answer) {
    if (slot.kind === "multi" || !Number.isInteger(answer.option) || answer.option < 0 || answer.option >= slot.options.length) {
      throw new RangeError("No such option.");
    }
    value = FIRST_VALUE + answer.option;
  } else {
    if (slot.kind !== "multi" || answer.options.some((i) => !Number.isInteger(i) || i < 0 || i >= slot.options.length)) {
      throw new RangeError("No such option.");
    }
    value = FIRST_VALUE + answer.options.reduce((mask, i) => mask | 1 << i, 0);
  }
  return progress.map((v, i) => i === slot.index ? value : v);
}
function slotAnswer(slot, value) {
  const v = value - FIRST_VALUE;
  if (slot.kind === "multi") return slot.options.filter((_, i) => (v & 1 << i) !== 0).map((o) => o.id);
  if (slot.kind === "score") return v;
  return slot.options[v].id;
}
function toAnswers(progress) {
  const answers = {};
  for (const slot of SLOTS) {
    const value = progress[slot.index] ?? UNSET;
    const id = slot.question.id;
    if (slot.item) {
      if (value === UNSET) continue;
      const group = answers[id] ??= {};
      if (value !== SKIPPED) group[slot.item.key] = slotAnswer(slot, value);
    } else if (value >= FIRST_VALUE) {
      answers[id] = slotAnswer(slot, value);
    }
  }
  return answers;
}
function skippedQuestions(progress) {
  return new Set(SLOTS.filter((s) => !s.item && progress[s.index] === SKIPPED).map((s) => s.question.id));
}
var isEmergency = (answers) => highestRedFlagLevel(firedRedFlags(answers)) === "EMERGENCY";
function currentSlot(progress) {
  const answers = toAnswers(progress);
  if (isEmergency(answers)) return null;
  const unfinishedGroupItem = SLOTS.find(
    (s) => s.item && progress[s.index] === UNSET && slotsOf(s.question.id).some((other) => progress[other.index] !== UNSET)
  );
  if (unfinishedGroupItem) return unfinishedGroupItem;
  const next = nextQuestion(answers, skippedQuestions(progress));
  return next ? slotsOf(next)[0] : null;
}
function endsInEmergency(progress) {
  return isEmergency(toAnswers(progress));
}
function unsureOption(slot) {
  const index2 = slot.options.findIndex((o) => o.id === "unsure");
  return slot.question.redFlag && index2 >= 0 ? index2 : null;
}
function answeredPath(progress) {
  let replay = emptyProgress();
  const path = [];
  for (let slot = currentSlot(replay); slot && progress[slot.index] !== UNSET; slot = currentSlot(replay)) {
    replay = replay.map((v, i) => i === slot.index ? progress[i] : v);
    path.push(slot);
  }
  return path;
}
function back(progress) {
  const last = answeredPath(progress).at(-1);
  return last ? progress.map((v, i) => i === last.index ? UNSET : v) : progress;
}
function isReachable(progress) {
  if (progress.length !== SLOTS.length) return false;
  const path = answeredPath(progress);
  const setCount = progress.filter((v) => v !== UNSET).length;
  return path.length === setCount && parseAnswers(toAnswers(progress)).ok;
}
var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var BASE = BigInt(ALPHABET.length);
function encodeProgress(progress) {
  let n = 0n;
  for (let i = SLOTS.length - 1; i >= 0; i--) n = n * SLOTS[i].radix + BigInt(progress[i] ?? UNSET);
  let text3 = "";
  do {
    text3 = ALPHABET[Number(n % BASE)] + text3;
    n /= BASE;
  } while (n > 0n);
  return text3;
}
function decodeProgress(text3) {
  if (!/^[0-9A-Za-z]{1,40}$/.test(text3)) return null;
  let n = 0n;
  for (const ch of text3) n = n * BASE + BigInt(ALPHABET.indexOf(ch));
  const progress = [];
  for (const slot of SLOTS) {
    progress.push(Number(n % slot.radix));
    n /= slot.radix;
  }
  if (n !== 0n) return null;
  return isReachable(progress) ? progress : null;
}

// src/views/triage-views.ts
import { ButtonStyle as ButtonStyle3 } from "discord.js";

// src/content/triage/checks.ts
var UNSURE_CHECKS = {
  Q01_emergency_screen: "Please check what you safely can. Look at both knees side by side. If you hurt it in a fall or twist, hold on to something steady and try 4 steps. If you feel hot or shivery, take your temperature if you have a thermometer. Then answer again.",
  Q06_mechanical: "Sit with your leg out in front and try to straighten the knee all the way, gently. Then walk a few steps and notice whether it clicks, catches or gives way. Then answer again.",
  Q08_heat_redness: "Lay the back of your hand on the sore knee, then on the other knee. Is the sore one warmer, or redder? Take your temperature if you have a thermometer. Then answer again.",
  Q16_systemic: "Take your temperature if you can, and think back over the last few weeks: weight loss you cannot explain, pain every night, or other joints swelling. Then answer again.",
  Q17_calf: "Look at both calves side by side. Is one more swollen, sore when you squeeze it gently, or warmer? Have you felt short of breath or had chest pain? Then answer again.",
  Q18_neuro: "Touch the top and the sole of each foot: do they feel the same? Try walking a few steps on your heels, then on your toes. Then answer again."
};
var UNSURE_ITEM_CHECKS = {
  can_take_4_steps_now: "Hold on to something steady, like a wall or a chair, and try to take 4 steps. A limp is fine. Then answer again.",
  can_bend_to_right_angle: "Sit on a chair and slowly let the knee bend, without forcing it. Can it reach an L shape? Then answer again.",
  sore_on_kneecap_bone_only: "Press gently with two fingers on the kneecap bone, then on the skin around it. Where is it sore? Then answer again.",
  sore_on_outer_bony_bump_below_knee: "Find the small bony bump on the outside of your leg, just below the knee, and press it gently. Is it sore? Then answer again."
};
var STILL_UNSURE_NOTE = 'If you still cannot tell, choose "Still not sure". The check will then treat this warning sign as not ruled out, to be safe.';

// src/content/regions.ts
var REGION_SERVICES = {
  UK: {
    emergency_number: "999",
    urgent_services: "NHS 111, an urgent treatment centre, or a same-day GP appointment",
    advice_line: "NHS 111 (phone 111 or go to 111.nhs.uk)"
  },
  EU: {
    emergency_number: "112",
    urgent_services: "an urgent care centre, an out-of-hours doctor, or a same-day appointment with your doctor",
    advice_line: "your doctor, or the out-of-hours doctor service where you live"
  },
  US: {
    emergency_number: "911",
    urgent_services: "an urgent care clinic or a same-day appointment with your doctor",
    advice_line: "your doctor or a nurse advice line"
  }
};

// src/views/triage-views.ts
var TRIAGE_PREFIX = "sc";
var TRIAGE_ID_VERSION = 1;
var NONE_OF_THESE = "_none";
var ACTION_CODES = { go: "g", intro: "i", back: "b", skip: "s", cancel: "x", multi: "m" };
function triageId(progress, action) {
  const code = typeof action !== "object" ? ACTION_CODES[action] : "option" in action ? `o${action.option}` : `u${action.stillUnsure.toString(36)}`;
  return encodeCustomId(TRIAGE_PREFIX, TRIAGE_ID_VERSION, [PROGRESS_LAYOUT_VERSION, progress ? encodeProgress(progress) : "0", code]);
}
function parseTriageAction(code) {
  const option = /^o(\d{1,2})$/.exec(code);
  if (option) return { option: Number(option[1]) };
  const unsure = /^u([0-9a-z]{1,4})$/.exec(code);
  if (unsure) return { stillUnsure: Number.parseInt(unsure[1], 36) };
  const entry = Object.entries(ACTION_CODES).find(([, c]) => c === code);
  return entry ? entry[0] : null;
}
var BLUE = 3900150;
var LEVEL_STYLE = {
  EMERGENCY: { color: 14233637, title: "Get medical help now" },
  URGENT: { color: 15898880, title: "Get your knee seen today if you can" },
  ROUTINE: { color: 16040461, title: "Book a check with a GP or physio" },
  SELF_MANAGE: { color: 3055195, title: "You can look after this yourself for now" }
};
function introView(region) {
  const services = REGION_SERVICES[region];
  return {
    embeds: [
      {
        title: "Knee check for runners",
        color: BLUE,
        description: [
          MESSAGES.intro,
          `If you are badly hurt or feel very unwell, call **${services.emergency_number}** now instead.`,
          "Only you can see these messages. It takes about 15 taps, and you can go back or stop at any time."
        ].join("\n\n"),
        footer: { text: MESSAGES.disclaimer }
      }
    ],
    components: buttonRows([button(triageId(null, "go"), "I understand, start", ButtonStyle3.Primary), button(triageId(null, "cancel"), "Cancel")])
  };
}
function stepView(progress, slot, stepNumber) {
  const rows = [];
  if (slot.kind === "multi") {
    const hasNone = slot.options.some((o) => o.id === "none");
    const options = slot.options.map((o) => ({ value: o.id, label: o.label }));
    if (!hasNone) options.push({ value: NONE_OF_THESE, label: "None of these" });
    rows.push(selectRow(triageId(progress, "multi"), "Pick all that fit", options, { min: 1, max: options.length }));
  } else {
    rows.push(...buttonRows(slot.options.map((o, i) => button(triageId(progress, { option: i }), o.label, ButtonStyle3.Primary))));
  }
  const nav = [button(triageId(progress, stepNumber === 1 ? "intro" : "back"), "\u25C0 Back")];
  if (slot.skippable) nav.push(button(triageId(progress, "skip"), "Skip / not sure"));
  nav.push(button(triageId(progress, "cancel"), "Stop", ButtonStyle3.Danger));
  rows.push(...buttonRows(nav));
  const groupLead = slot.item ? `${slot.question.prompt}

` : "";
  return {
    embeds: [
      {
        title: `Knee check \xB7 question ${stepNumber}`,
        color: BLUE,
        description: clip(`${groupLead}**${slot.prompt}**${slot.kind === "multi" ? "\n\nPick everything that fits in the menu below." : ""}`, 4096),
        footer: { text: "Private to you. Nothing is saved." }
      }
    ],
    components: rows
  };
}
function checkView(progress, slot, stepNumber, tickedMask) {
  const check = (slot.item ? UNSURE_ITEM_CHECKS[slot.item.key] : UNSURE_CHECKS[slot.question.id]) ?? "Please check what you can, then answer again.";
  const rows = [];
  const choices = slot.options.map((o, i) => ({ o, i })).filter(({ o }) => o.id !== "unsure");
  if (slot.kind === "multi") {
    const options = choices.map(({ o }) => ({ value: o.id, label: o.label }));
    rows.push(selectRow(triageId(progress, "multi"), "Pick all that fit", options, { min: 1, max: options.length }));
  } else {
    rows.push(...buttonRows(choices.map(({ o, i }) => button(triageId(progress, { option: i }), o.label, ButtonStyle3.Primary))));
  }
  rows.push(
    ...buttonRows([
      button(triageId(progress, stepNumber === 1 ? "intro" : "back"), "\u25C0 Back"),
      button(triageId(progress, { stillUnsure: tickedMask }), "Still not sure"),
      button(triageId(progress, "cancel"), "Stop", ButtonStyle3.Danger)
    ])
  );
  return {
    embeds: [
      {
        title: `Knee check \xB7 question ${stepNumber}: let's check`,
        color: BLUE,
        description: clip(`**${slot.prompt}**

${check}

${STILL_UNSURE_NOTE}`, 4096),
        footer: { text: "Private to you. Nothing is saved." }
      }
    ],
    components: rows
  };
}
var FIELD_HEADINGS = {
  load_PFP: "What to change in your running",
  load_ITBS: "What to change in your running",
  load_PES_ANSERINE: "What to change in your running",
  load_PATELLAR_TENDINOPATHY: "What to change in your running",
  oa_keep_active: "Keep moving",
  hip_referral: "Good to know",
  back_referral: "Good to know",
  under_16_guardian: "Good to know",
  cards_intro: "Exercises to start with",
  pain_rule: "The pain rule",
  safety_net: "Get checked sooner if things change"
};
var LEAD_MESSAGES = /* @__PURE__ */ new Set([
  "emergency",
  "urgent",
  "routine",
  "self_manage",
  "self_manage_two_patterns",
  "routine_pattern",
  "routine_two_patterns",
  "no_pattern_fit",
  "not_for_you"
]);
var TELLING_ANSWERS = [
  ["Q09_location", "Where it hurts"],
  ["Q10_aggravators", "What makes it worse"],
  ["Q11_pain_behaviour", "How the pain behaves"],
  ["Q15_training_change", "Recent changes"]
];
function tellingAnswers(progress) {
  const answers = toAnswers(progress);
  return TELLING_ANSWERS.flatMap(([id, heading]) => {
    const given = answers[id];
    if (!Array.isArray(given)) return [];
    const labels = questionById(id).options.filter((o) => given.includes(o.id) && o.id !== "none").map((o) => o.label);
    return labels.length ? [`${heading}: ${labels.join("; ")}`] : [];
  });
}
function resultView(outcome, region, progress) {
  const services = REGION_SERVICES[region];
  const values = { ...services, ...patternPlaceholders(outcome.patterns) };
  const lead = [];
  const fields = [];
  const cardNames = outcome.cards.map((id) => getCard(id)?.name).filter((name) => Boolean(name));
  for (const key of outcome.messages) {
    const text3 = renderMessage(key, values);
    if (LEAD_MESSAGES.has(key)) lead.push(text3);
    else if (key === "disclaimer") continue;
    else if (key === "cards_intro") fields.push({ name: FIELD_HEADINGS.cards_intro, value: clip(`${text3}
${bulletList(cardNames)}`, 1024) });
    else {
      const name = FIELD_HEADINGS[key] ?? "Good to know";
      const same = fields.find((f) => f.name === name);
      if (same) same.value = clip(`${same.value}

${text3}`, 1024);
      else fields.push({ name, value: clip(text3, 1024) });
    }
  }
  fields.push({
    name: "Who to contact",
    value: `In an emergency: call **${services.emergency_number}**.
For advice when it is not an emergency: ${services.advice_line}.`
  });
  const why = [...outcome.reasons, ...outcome.patterns.length ? tellingAnswers(progress) : []];
  if (why.length > 0) fields.unshift({ name: "Why", value: clip(bulletList(why), 1024) });
  const style = LEVEL_STYLE[outcome.level];
  const embed = {
    title: style.title,
    color: style.color,
    description: clip(lead.join("\n\n"), 4096),
    fields,
    footer: { text: MESSAGES.disclaimer }
  };
  const cardButtons = outcome.cards.filter((id) => getCard(id)).map((id) => button(exerciseIds.card(id), `Open card: ${getCard(id).name}`, ButtonStyle3.Success));
  const components = [
    ...buttonRows(cardButtons),
    ...buttonRows([button(triageId(progress, "back"), "\u25C0 Change my last answer"), button(triageId(null, "go"), "Start again")])
  ];
  return { content: `**${MESSAGES.disclaimer}**`, embeds: [embed], components };
}
function cancelledView() {
  return { content: "Knee check stopped. Nothing was saved. You can start again any time with /symptom-check.", embeds: [], components: [] };
}
var EXPIRED_TEXT = "This knee check has expired or could not be read, so it cannot go on. Nothing was saved. Please start again.";
function expiredView() {
  return {
    content: EXPIRED_TEXT,
    embeds: [],
    components: buttonRows([button(triageId(null, "go"), "Start again", ButtonStyle3.Primary)])
  };
}

// commands/symptom-check.ts
var definition2 = {
  name: "symptom-check",
  description: "A private, step-by-step check for knee pain from running (not a diagnosis)",
  contexts: [InteractionContextType2.Guild, InteractionContextType2.BotDM]
};
function regionFor(ctx, guildId) {
  return clubRegion(ctx.db, guildId) ?? ctx.config.defaultRegion;
}
async function showProgress(interaction, ctx, progress) {
  const slot = currentSlot(progress);
  if (slot) return ctx.respond.update(stepView(progress, slot, answeredPath(progress).length + 1));
  const outcome = evaluate(toAnswers(progress));
  countTriageOutcome(ctx.db, outcome.level, ctx.clock.now());
  return ctx.respond.update(resultView(outcome, regionFor(ctx, interaction.guildId), progress));
}
function answerFrom(interaction, slot, action) {
  if (action === "skip") return slot.skippable ? { skip: true } : null;
  if (typeof action === "object" && "stillUnsure" in action) {
    const unsure = unsureOption(slot);
    if (unsure === null) return null;
    if (slot.kind !== "multi") return { option: unsure };
    const ticked = slot.options.map((_, i) => i).filter((i) => i !== unsure && (action.stillUnsure & 1 << i) !== 0);
    return { options: [...ticked, unsure] };
  }
  if (typeof action === "object") return slot.kind !== "multi" && action.option < slot.options.length ? { option: action.option } : null;
  if (action !== "multi" || slot.kind !== "multi" || !interaction.isStringSelectMenu()) return null;
  const ids = slot.options.map((o) => o.id);
  let values = interaction.values.filter((v) => v !== NONE_OF_THESE);
  if (interaction.values.some((v) => !ids.includes(v) && v !== NONE_OF_THESE)) return null;
  if (values.length > 1) values = values.filter((v) => v !== "none");
  return { options: values.map((v) => ids.indexOf(v)) };
}
function firstUnsure(slot, answer, action) {
  const unsure = unsureOption(slot);
  if (unsure === null || typeof action === "object" && "stillUnsure" in action) return false;
  return "option" in answer ? answer.option === unsure : "options" in answer && answer.options.includes(unsure);
}
var symptomCheckCommand = defineCommand({
  definition: definition2,
  componentPrefixes: [TRIAGE_PREFIX],
  ephemeral: true,
  async execute(interaction, ctx) {
    await ctx.respond.reply({ ...introView(regionFor(ctx, interaction.guildId)), ephemeral: true });
  },
  async component(interaction, ctx) {
    const id = decodeCustomId(interaction.customId);
    const [layout, state, code] = id?.parts ?? [];
    const action = code ? parseTriageAction(code) : null;
    if (!id || id.version !== TRIAGE_ID_VERSION || layout !== PROGRESS_LAYOUT_VERSION || !state || !action || id.parts.length !== 3) {
      return ctx.respond.update(expiredView());
    }
    if (action === "cancel") return ctx.respond.update(cancelledView());
    if (action === "go") return showProgress(interaction, ctx, emptyProgress());
    if (action === "intro") return ctx.respond.update(introView(regionFor(ctx, interaction.guildId)));
    const progress = decodeProgress(state);
    if (!progress) return ctx.respond.update(expiredView());
    if (action === "back") return showProgress(interaction, ctx, back(progress));
    const slot = currentSlot(progress);
    const answer = slot ? answerFrom(interaction, slot, action) : null;
    if (!slot || !answer) return ctx.respond.update(expiredView());
    const next = withAnswer(progress, slot, answer);
    if (firstUnsure(slot, answer, action) && !endsInEmergency(next)) {
      const ticked = "options" in answer ? answer.options.reduce((mask, i) => mask | 1 << i, 0) : 0;
      return ctx.respond.update(checkView(progress, slot, answeredPath(progress).length + 1, ticked));
    }
    return showProgress(interaction, ctx, next);
  }
});

// commands/announce.ts
import {
  ApplicationCommandOptionType as ApplicationCommandOptionType3,
  ChannelType,
  InteractionContextType as InteractionContextType3,
  PermissionFlagsBits as PermissionFlagsBits2
} from "discord.js";

// src/announcements/announcement.ts
var REPEATS = ["none", "daily", "weekdays", "weekly", "monthly"];
var REPEAT_LABELS = {
  none: "once",
  daily: "daily",
  weekdays: "weekdays (Mon-Fri)",
  weekly: "weekly",
  monthly: "monthly",
  cron: "cron"
};
function pingFromRoleId(roleId, guildId) {
  if (!roleId) return { kind: "nobody" };
  return roleId === guildId ? { kind: "everyone" } : { kind: "role", roleId };
}
function pingToRoleId(ping, guildId) {
  return ping.kind === "nobody" ? null : ping.kind === "everyone" ? guildId : ping.roleId;
}

// src/announcements/repeat.ts
import { Temporal as Temporal2 } from "temporal-polyfill";

// src/scheduler/rules.ts
import { Cron } from "croner";
import { Temporal } from "temporal-polyfill";
var RuleError = class extends Error {
  constructor(message2) {
    super(message2);
    this.name = "RuleError";
  }
};
var patterns = /* @__PURE__ */ new Map();
function wallClockPattern(rule) {
  let cron2 = patterns.get(rule);
  if (!cron2) {
    try {
      cron2 = new Cron(rule, { timezone: "UTC", mode: "5-part", fixedTimeRule: "no-wildcard", paused: true });
    } catch (error) {
      const detail = error instanceof Error ? error.message.replace(/^CronPattern:\s*/, "") : String(error);
      throw new RuleError(`"${rule}" is not a valid five-field cron rule (minute hour day month weekday): ${detail}.`);
    }
    if (patterns.size > 1e3) patterns.clear();
    patterns.set(rule, cron2);
  }
  return cron2;
}
function assertTimeZone(zone) {
  if (!zone || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) throw new RuleError(`"${zone}" is not a time zone name such as Europe/London.`);
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    throw new RuleError(`"${zone}" is not a known time zone. Use a name such as Europe/London or America/New_York.`);
  }
}
function validateRule(rule, zone) {
  assertTimeZone(zone);
  const trimmed = rule.trim().replace(/\s+/g, " ");
  if (trimmed.split(" ").length !== 5) {
    throw new RuleError(`"${rule}" must have exactly five fields: minute hour day-of-month month weekday (for example "0 18 * * 1").`);
  }
  const cron2 = wallClockPattern(trimmed);
  if (!cron2.nextRun(new Date(Date.UTC(2e3, 0, 1)))) throw new RuleError(`"${rule}" never runs.`);
}
function wallClockToInstant(wall, zone) {
  const earlier = wall.toZonedDateTime(zone, { disambiguation: "earlier" });
  const later = wall.toZonedDateTime(zone, { disambiguation: "later" });
  const exists = Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wall) === 0;
  if (exists) return earlier.toInstant();
  const gapEnd = earlier.getTimeZoneTransition("next");
  return (gapEnd ?? later).toInstant();
}
function toWallDate(instant, zone) {
  const wall = instant.toZonedDateTimeISO(zone).toPlainDateTime();
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond));
}
function fromWallDate(date) {
  return new Temporal.PlainDateTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes());
}
function nextRun(rule, zone, after) {
  assertTimeZone(zone);
  const cron2 = wallClockPattern(rule.trim().replace(/\s+/g, " "));
  const afterInstant = Temporal.Instant.fromEpochMilliseconds(after.getTime());
  let cursor = toWallDate(afterInstant, zone);
  for (let i = 0; i < 1e4 && cursor; i++) {
    cursor = cron2.nextRun(cursor);
    if (!cursor) return null;
    const instant = wallClockToInstant(fromWallDate(cursor), zone);
    if (Temporal.Instant.compare(instant, afterInstant) > 0) return new Date(instant.epochMilliseconds);
  }
  return null;
}
function nextRuns(rule, zone, after, count2) {
  const runs = [];
  let from = after;
  while (runs.length < count2) {
    const next = nextRun(rule, zone, from);
    if (!next) break;
    runs.push(next);
    from = next;
  }
  return runs;
}

// src/announcements/repeat.ts
var MIN_GAP_MS = 60 * 6e4;
var GAP_HORIZON_DAYS = 366;
var GAP_MAX_RUNS = 9e3;
function normaliseCron(rule) {
  return rule.trim().replace(/\s+/g, " ").toUpperCase();
}
function timingFor(start, zone, repeat, cron2) {
  if (cron2 !== null && cron2.trim() !== "") {
    if (repeat !== null && repeat !== "none") {
      return { ok: false, error: "Choose either `repeat` or `cron`, not both. Nothing was saved." };
    }
    return cronTiming(start, zone, normaliseCron(cron2));
  }
  const local = Temporal2.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO(zone);
  const time = `${local.minute} ${local.hour}`;
  switch (repeat ?? "none") {
    case "none":
      return { ok: true, repeat: "none", cron: null, firstRun: start, notes: [] };
    case "daily":
      return named("daily", `${time} * * *`, start, zone, []);
    case "weekdays": {
      const notes = local.dayOfWeek >= 6 ? ["That day is a weekend, so the first post is on the next weekday."] : [];
      return named("weekdays", `${time} * * 1-5`, start, zone, notes);
    }
    case "weekly":
      return named("weekly", `${time} * * ${local.dayOfWeek % 7}`, start, zone, []);
    case "monthly": {
      const notes = local.day >= 29 ? [shortMonthNote(local.day)] : [];
      return named("monthly", `${time} ${local.day} * *`, start, zone, notes);
    }
    default:
      return { ok: false, error: "Unknown repeat. Choose none, daily, weekdays, weekly or monthly." };
  }
}
function shortMonthNote(day) {
  const months = day === 31 ? "February, April, June, September and November" : day === 30 ? "February" : "February, except in leap years";
  return `Monthly on the ${day}${ordinal(day)}: months without a ${day}${ordinal(day)} (${months}) are skipped, not moved. For the last day of every month use \`cron\`, for example \`0 18 L * *\`.`;
}
function named(repeat, rule, start, zone, notes) {
  const firstRun = nextRun(rule, zone, new Date(start.getTime() - 1));
  if (!firstRun) return { ok: false, error: "That repeat never runs. Nothing was saved." };
  return { ok: true, repeat, cron: rule, firstRun, notes };
}
function cronTiming(start, zone, rule) {
  try {
    validateRule(rule, zone);
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, error: `${error.message} Nothing was saved.` };
    throw error;
  }
  const firstRun = nextRun(rule, zone, new Date(start.getTime() - 1));
  if (!firstRun) return { ok: false, error: `\`${rule}\` never runs after that time. Nothing was saved.` };
  const tooOften = shortestGap(rule, zone, firstRun);
  if (tooOften) {
    return {
      ok: false,
      error: `\`${rule}\` would post more than once an hour (for example at <t:${tooOften[0].getTime() / 1e3}:f> and <t:${tooOften[1].getTime() / 1e3}:t>). An announcement may post at most once an hour. Nothing was saved.`
    };
  }
  return { ok: true, repeat: "cron", cron: rule, firstRun, notes: [] };
}
function shortestGap(rule, zone, from) {
  const minuteField = rule.split(" ")[0] ?? "";
  if (!/^\d{1,2}$/.test(minuteField)) {
    const closest = walk(rule, zone, from, from.getTime() + GAP_HORIZON_DAYS * 864e5, GAP_MAX_RUNS);
    return closest ?? pairWithin(rule, zone, from) ?? [from, from];
  }
  const horizon = Temporal2.Instant.fromEpochMilliseconds(from.getTime() + GAP_HORIZON_DAYS * 864e5);
  let transition = Temporal2.Instant.fromEpochMilliseconds(from.getTime()).toZonedDateTimeISO(zone).getTimeZoneTransition("next");
  while (transition && Temporal2.Instant.compare(transition.toInstant(), horizon) < 0) {
    const at = transition.epochMilliseconds;
    const found = walk(rule, zone, new Date(Math.max(from.getTime(), at - TRANSITION_WINDOW_MS)), at + TRANSITION_WINDOW_MS, 100);
    if (found) return found;
    transition = transition.getTimeZoneTransition("next");
  }
  return null;
}
var TRANSITION_WINDOW_MS = 3 * 60 * 6e4;
function walk(rule, zone, from, until, maxRuns) {
  let previous = nextRun(rule, zone, new Date(from.getTime() - 1));
  for (let i = 0; previous && previous.getTime() <= until && i < maxRuns; i++) {
    const next = nextRun(rule, zone, previous);
    if (!next || next.getTime() > until) return null;
    if (next.getTime() - previous.getTime() < MIN_GAP_MS) return [previous, next];
    previous = next;
  }
  return null;
}
function pairWithin(rule, zone, from) {
  const [a, b] = nextRuns(rule, zone, new Date(from.getTime() - 1), 2);
  return a && b ? [a, b] : null;
}
function notBefore(timing, zone, now) {
  if (timing.firstRun > now) return timing;
  if (timing.cron === null) return null;
  const next = nextRun(timing.cron, zone, now);
  return next ? { ...timing, firstRun: next } : null;
}
function upcomingRuns(cron2, zone, firstRun, count2) {
  if (cron2 === null) return [firstRun];
  return [firstRun, ...nextRuns(cron2, zone, firstRun, count2 - 1)];
}
function ordinal(day) {
  return day === 31 ? "st" : "th";
}

// src/announcements/edit-timing.ts
function editedTiming(current, change, zone, now) {
  if (!change.start && !change.repeat && !change.cron) return null;
  const upcoming = current.nextRunAt && current.nextRunAt > now ? current.nextRunAt : null;
  if (change.cron) return timingFor(change.start ?? now, zone, change.repeat, change.cron);
  const start = change.start ?? upcoming;
  if (!start) return { ok: false, error: "This announcement has no upcoming post, so please give a new `when` as well. Nothing was changed." };
  if (change.repeat) return timingFor(start, zone, change.repeat, null);
  if (current.repeat === "cron") return timingFor(start, zone, null, current.cron);
  return timingFor(start, zone, current.repeat, null);
}

// src/announcements/text-limits.ts
var TITLE_MAX = 256;
var BODY_MAX = 4e3;
var CONTENT_MAX = 2e3;
function textProblem(title, body) {
  if (!body.trim()) return "The message is empty. Nothing was saved.";
  if (body.length > BODY_MAX) {
    return `The message is ${body.length.toLocaleString("en-GB")} characters; an announcement can hold at most ${BODY_MAX.toLocaleString("en-GB")}. Nothing was saved: shorten it and try again.`;
  }
  if (title !== null && title.length > TITLE_MAX) {
    return `The title is ${title.length} characters; Discord allows ${TITLE_MAX}. Nothing was saved.`;
  }
  return null;
}

// src/announcements/when.ts
import * as chrono from "chrono-node";
import { Temporal as Temporal3 } from "temporal-polyfill";
function dateOrderFor(region) {
  return region === "US" ? "month-first" : "day-first";
}
function whenExamples(zone) {
  return `Try \`2026-12-01 18:00\`, \`tomorrow 18:00\`, \`next monday 7am\`, \`in 2 hours\` or \`2026-12-01T18:00+01:00\` (times are read in ${zone}).`;
}
var SLASH_DATE = /\b\d{1,2}\/\d{1,2}\b/;
function parseWhen(text3, zone, now, order) {
  const input = text3.trim().replace(/\s+/g, " ");
  const refuse = (why) => ({ ok: false, error: `${why} ${whenExamples(zone)}` });
  if (!input) return refuse("Please say when to post.");
  const nowInZone = Temporal3.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone);
  const parser = order === "day-first" ? chrono.en.GB : chrono.en.casual;
  const results = parser.parse(input, { instant: now, timezone: nowInZone.offsetNanoseconds / 6e10 }, { forwardDate: true });
  const [result] = results;
  if (!result || results.length > 1 || result.index !== 0 || result.text.length !== input.length || result.end) {
    return refuse(`I could not read "${clipQuote(input)}" as one date and time.`);
  }
  const start = result.start;
  if (!start.isCertain("hour")) return refuse(`"${clipQuote(input)}" needs a time of day too.`);
  const notes = [];
  let at;
  if (start.isCertain("timezoneOffset")) {
    at = start.date();
  } else {
    let wall;
    try {
      wall = Temporal3.PlainDateTime.from(
        { year: start.get("year"), month: start.get("month"), day: start.get("day"), hour: start.get("hour"), minute: start.get("minute") ?? 0 },
        { overflow: "reject" }
      );
    } catch {
      return refuse(`"${clipQuote(input)}" is not a real date.`);
    }
    const instant = wallClockToInstant(wall, zone);
    const landed = instant.toZonedDateTimeISO(zone);
    if (Temporal3.PlainDateTime.compare(landed.toPlainDateTime(), wall) !== 0) notes.push("gap");
    else if (wall.toZonedDateTime(zone, { disambiguation: "later" }).offsetNanoseconds !== landed.offsetNanoseconds) notes.push("overlap");
    at = new Date(instant.epochMilliseconds);
  }
  if (SLASH_DATE.test(input)) notes.push(order);
  if (at.getTime() <= now.getTime()) {
    return refuse(`${formatLocal(at, zone)} (${zone}) has already passed: please give a time in the future.`);
  }
  return { ok: true, at, notes };
}
function formatLocal(at, zone) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23"
  }).format(at);
}
function describeWhenNote(note, at, zone) {
  const local = Temporal3.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone);
  const monthName = new Intl.DateTimeFormat("en-GB", { timeZone: zone, month: "long" }).format(at);
  switch (note) {
    case "gap":
      return `That time does not exist on that day in ${zone} (the clocks go forward), so it moves to ${pad(local.hour)}:${pad(local.minute)}, the first minute after the change.`;
    case "overlap":
      return `That time happens twice on that day in ${zone} (the clocks go back); Pacer posts at the first one (UTC${local.offset}).`;
    case "day-first":
      return `Dates with slashes are read day first in this club's region: ${local.day}/${local.month} is ${local.day} ${monthName}.`;
    case "month-first":
      return `Dates with slashes are read month first in this club's region (US): ${local.month}/${local.day} is ${monthName} ${local.day}.`;
  }
}
function pad(n) {
  return String(n).padStart(2, "0");
}
function clipQuote(text3) {
  return text3.length > 60 ? `${text3.slice(0, 59)}\u2026` : text3;
}

// src/bot/moderators.ts
import { PermissionFlagsBits } from "discord.js";
var NOT_A_MODERATOR_TEXT = "Only moderators can do that: members with the Manage Server permission, or the club's moderator role set in `/club setup`. Nothing was changed.";
function isModerator(interaction, db) {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roleId = clubModeratorRoleId(db, interaction.guildId);
  if (!roleId) return false;
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId);
}

// src/db/announcements.ts
import { and, count, desc, eq as eq2, like, or, sql as sql3 } from "drizzle-orm";
function clubTimeSettings(db, guildId) {
  return db.select({ timezone: clubs.timezone, region: clubs.region }).from(clubs).where(eq2(clubs.guildId, guildId)).get();
}
var columns = {
  id: announcements.id,
  scheduleId: announcements.scheduleId,
  guildId: announcements.guildId,
  title: announcements.title,
  body: announcements.content,
  pingRoleId: announcements.pingRoleId,
  repeat: announcements.repeat,
  channelId: schedules.channelId,
  cron: schedules.cron,
  timezone: schedules.timezone,
  nextRunAt: schedules.nextRunAt,
  status: schedules.status,
  lastError: schedules.lastError,
  createdBy: announcements.createdBy,
  editedBy: announcements.editedBy,
  pausedBy: announcements.pausedBy,
  resumedBy: announcements.resumedBy,
  cancelledBy: announcements.cancelledBy,
  lastMessageId: announcements.lastMessageId,
  lastPostedAt: announcements.lastPostedAt
};
function toRow(r) {
  const { pingRoleId, ...rest } = r;
  return { ...rest, ping: pingFromRoleId(pingRoleId, r.guildId) };
}
function base(db) {
  return db.select(columns).from(announcements).innerJoin(schedules, eq2(schedules.id, announcements.scheduleId));
}
function getAnnouncement(db, guildId, id) {
  const row = base(db).where(and(eq2(announcements.id, id), eq2(announcements.guildId, guildId))).get();
  return row ? toRow(row) : void 0;
}
function listAnnouncements(db, guildId, offset, limit) {
  const rows = base(db).where(eq2(announcements.guildId, guildId)).orderBy(desc(announcements.id)).limit(limit).offset(offset).all();
  const total = db.select({ n: count() }).from(announcements).where(eq2(announcements.guildId, guildId)).get()?.n ?? 0;
  return { rows: rows.map(toRow), total };
}
function searchAnnouncements(db, guildId, typed) {
  const text3 = typed.trim().replace(/^#/, "");
  const filter = text3 ? or(sql3`CAST(${announcements.id} AS TEXT) LIKE ${`${text3}%`}`, like(announcements.title, `%${text3}%`), like(announcements.content, `%${text3}%`)) : void 0;
  return base(db).where(and(eq2(announcements.guildId, guildId), sql3`${schedules.status} <> 'cancelled'`, filter)).orderBy(desc(announcements.id)).limit(25).all().map(toRow);
}
function createAnnouncement(db, a) {
  return db.transaction((tx) => {
    const schedule = tx.insert(schedules).values({
      guildId: a.guildId,
      kind: "announcement",
      channelId: a.channelId,
      ruleKind: a.cron === null ? "once" : "cron",
      cron: a.cron,
      timezone: a.timezone,
      nextRunAt: a.firstRun,
      status: "active",
      createdBy: a.by,
      createdAt: a.at,
      updatedAt: a.at
    }).returning({ id: schedules.id }).get();
    return tx.insert(announcements).values({
      scheduleId: schedule.id,
      guildId: a.guildId,
      title: a.title,
      content: a.body,
      pingRoleId: a.pingRoleId,
      repeat: a.repeat,
      createdBy: a.by,
      createdAt: a.at,
      updatedAt: a.at
    }).returning({ id: announcements.id }).get().id;
  });
}
function editAnnouncement(db, row, edit) {
  db.transaction((tx) => {
    tx.update(announcements).set({ title: edit.title, content: edit.body, editedBy: edit.by, editedAt: edit.at, updatedAt: edit.at, ...edit.timing ? { repeat: edit.timing.repeat } : {} }).where(eq2(announcements.id, row.id)).run();
    if (edit.timing) {
      tx.update(schedules).set({
        ruleKind: edit.timing.cron === null ? "once" : "cron",
        cron: edit.timing.cron,
        nextRunAt: edit.timing.firstRun,
        // A finished one-off given a new time runs again; a paused one stays paused.
        status: row.status === "paused" ? "paused" : "active",
        attempts: 0,
        lastError: null,
        updatedAt: edit.at
      }).where(eq2(schedules.id, row.scheduleId)).run();
    }
  });
}
function pauseAnnouncement(db, row, by, at) {
  db.transaction((tx) => {
    tx.update(schedules).set({ status: "paused", updatedAt: at }).where(eq2(schedules.id, row.scheduleId)).run();
    tx.update(announcements).set({ pausedBy: by, pausedAt: at, updatedAt: at }).where(eq2(announcements.id, row.id)).run();
  });
}
function resumeAnnouncement(db, row, nextRunAt, by, at) {
  db.transaction((tx) => {
    tx.update(schedules).set({ status: "active", nextRunAt, attempts: 0, lastError: null, lockedUntil: null, updatedAt: at }).where(eq2(schedules.id, row.scheduleId)).run();
    tx.update(announcements).set({ resumedBy: by, resumedAt: at, updatedAt: at }).where(eq2(announcements.id, row.id)).run();
  });
}
function cancelAnnouncement(db, row, by, at) {
  db.transaction((tx) => {
    tx.update(schedules).set({ status: "cancelled", nextRunAt: null, updatedAt: at }).where(eq2(schedules.id, row.scheduleId)).run();
    tx.update(announcements).set({ cancelledBy: by, cancelledAt: at, updatedAt: at }).where(eq2(announcements.id, row.id)).run();
  });
}
function announcementJobStore(db) {
  return {
    contentForSchedule(scheduleId) {
      const row = base(db).where(eq2(announcements.scheduleId, scheduleId)).get();
      if (!row || row.status === "cancelled") return void 0;
      const { id, title, body, ping } = toRow(row);
      return { id, title, body, ping };
    },
    recordPost(scheduleId, messageId, at) {
      db.update(announcements).set({ lastMessageId: messageId, lastPostedAt: at }).where(eq2(announcements.scheduleId, scheduleId)).run();
    }
  };
}

// src/views/announcement-ids.ts
var ANNOUNCE_PREFIX = "an";
var ANNOUNCE_ID_VERSION = 1;
var REPEAT_CODES = { none: "n", daily: "d", weekdays: "k", weekly: "w", monthly: "m", cron: "c" };
var NOTE_BITS = { gap: 1, overlap: 2, "day-first": 4, "month-first": 8 };
var CRON_CHARS = { " ": "_", "*": "x", ",": ".", "/": "~", "#": "h", "?": "q" };
var SNOWFLAKE = /^\d{17,20}$/;
function encodeCron(cron2) {
  return [...cron2].map((c) => CRON_CHARS[c] ?? c).join("");
}
function decodeCron(text3) {
  const back2 = Object.fromEntries(Object.entries(CRON_CHARS).map(([k, v]) => [v, k]));
  if (!/^[A-Z0-9\-_x.~hq]+$/.test(text3)) return null;
  return [...text3].map((c) => back2[c] ?? c).join("");
}
function encodePing(ping) {
  return ping.kind === "nobody" ? "0" : ping.kind === "everyone" ? "e" : ping.roleId;
}
function decodePing(text3) {
  if (text3 === "0") return { kind: "nobody" };
  if (text3 === "e") return { kind: "everyone" };
  return SNOWFLAKE.test(text3) ? { kind: "role", roleId: text3 } : null;
}
function decodeTime(text3) {
  if (!/^[0-9a-z]{1,10}$/.test(text3)) return null;
  const ms = parseInt(text3, 36);
  return Number.isSafeInteger(ms) ? new Date(ms) : null;
}
function decodeId(text3) {
  return text3 !== void 0 && /^[1-9]\d{0,9}$/.test(text3) ? Number(text3) : null;
}
function encodeAnnounceId(action) {
  const parts = (() => {
    switch (action.kind) {
      case "new": {
        const d = action.draft;
        const notes = d.notes.reduce((bits, note) => bits | NOTE_BITS[note], 0);
        return ["new", d.channelId, d.start.getTime().toString(36), REPEAT_CODES[d.repeat], encodePing(d.ping), notes.toString(16), d.cron ? encodeCron(d.cron) : "-"];
      }
      case "edit": {
        const d = action.draft;
        return ["edit", d.id, d.start ? d.start.getTime().toString(36) : "-", d.repeat ? REPEAT_CODES[d.repeat] : "-", d.cron ? encodeCron(d.cron) : "-"];
      }
      case "preview":
        return ["pv", action.id];
      case "cancel":
        return ["cx", action.id];
      case "keep":
        return ["keep", action.id];
      case "list":
        return ["ls", action.page];
    }
  })();
  return encodeCustomId(ANNOUNCE_PREFIX, ANNOUNCE_ID_VERSION, parts);
}
function decodeAnnounceId(customId) {
  const decoded = decodeCustomId(customId);
  if (!decoded || decoded.prefix !== ANNOUNCE_PREFIX || decoded.version !== ANNOUNCE_ID_VERSION) return null;
  const [kind, ...p] = decoded.parts;
  switch (kind) {
    case "new": {
      if (p.length !== 6) return null;
      const [channelId, time, repeatCode, pingText, notesText, cronText] = p;
      const start = decodeTime(time);
      const repeat = repeatFromCode(repeatCode);
      const ping = decodePing(pingText);
      const cron2 = cronText === "-" ? null : decodeCron(cronText);
      if (!SNOWFLAKE.test(channelId) || !start || !repeat || !ping || !/^[0-9a-f]$/.test(notesText) || cronText !== "-" && !cron2) return null;
      if (repeat === "cron" !== (cron2 !== null)) return null;
      const bits = parseInt(notesText, 16);
      const notes = Object.keys(NOTE_BITS).filter((note) => bits & NOTE_BITS[note]);
      return { kind: "new", draft: { channelId, start, repeat, ping, notes, cron: cron2 } };
    }
    case "edit": {
      if (p.length !== 4) return null;
      const [idText, time, repeatCode, cronText] = p;
      const id = decodeId(idText);
      const start = time === "-" ? null : decodeTime(time);
      const repeat = repeatCode === "-" ? null : repeatFromCode(repeatCode);
      const cron2 = cronText === "-" ? null : decodeCron(cronText);
      if (id === null || time !== "-" && !start || repeatCode !== "-" && (!repeat || repeat === "cron") || cronText !== "-" && !cron2) return null;
      return { kind: "edit", draft: { id, start, repeat, cron: cron2 } };
    }
    case "pv":
    case "cx":
    case "keep": {
      const id = p.length === 1 ? decodeId(p[0]) : null;
      if (id === null) return null;
      return { kind: kind === "pv" ? "preview" : kind === "cx" ? "cancel" : "keep", id };
    }
    case "ls": {
      const page = p.length === 1 ? decodeId(p[0]) : null;
      return page === null ? null : { kind: "list", page };
    }
    default:
      return null;
  }
}
function repeatFromCode(code) {
  const found = Object.entries(REPEAT_CODES).find(([, c]) => c === code);
  return found ? found[0] : null;
}

// src/views/announcement-views.ts
import { ButtonStyle as ButtonStyle4, ComponentType as ComponentType2, TextInputStyle } from "discord.js";

// src/announcements/mentions.ts
function allowedMentionsFor(ping) {
  switch (ping.kind) {
    case "nobody":
      return { parse: [] };
    case "role":
      return { parse: [], roles: [ping.roleId] };
    case "everyone":
      return { parse: ["everyone"] };
  }
}
function pingMention(ping) {
  switch (ping.kind) {
    case "nobody":
      return "";
    case "role":
      return `<@&${ping.roleId}>`;
    case "everyone":
      return "@everyone";
  }
}
function describePing(ping) {
  return ping.kind === "nobody" ? "nobody" : pingMention(ping);
}

// src/announcements/post.ts
var EMBED_COLOUR = 3113197;
function announcementPost(announcement) {
  const mention = pingMention(announcement.ping);
  const allowed_mentions = allowedMentionsFor(announcement.ping);
  const plain = mention ? `${mention}
${announcement.body}` : announcement.body;
  if (announcement.title === null && plain.length <= CONTENT_MAX) {
    return { content: plain, allowed_mentions };
  }
  const embed = {
    ...announcement.title !== null ? { title: announcement.title } : {},
    description: announcement.body,
    color: EMBED_COLOUR
  };
  return { ...mention ? { content: mention } : {}, embeds: [embed], allowed_mentions };
}

// src/views/announcement-views.ts
var TITLE_FIELD = "title";
var BODY_FIELD = "body";
var LIST_PAGE_SIZE = 10;
var NO_PINGS = { parse: [] };
function announcementModal(customId, heading, current) {
  return {
    custom_id: customId,
    title: clip(heading, 45),
    components: [
      {
        type: ComponentType2.ActionRow,
        components: [
          {
            type: ComponentType2.TextInput,
            custom_id: TITLE_FIELD,
            label: "Title (optional: posts as an embed)",
            style: TextInputStyle.Short,
            required: false,
            max_length: TITLE_MAX,
            ...current?.title ? { value: current.title } : {}
          }
        ]
      },
      {
        type: ComponentType2.ActionRow,
        components: [
          {
            type: ComponentType2.TextInput,
            custom_id: BODY_FIELD,
            label: "Message",
            style: TextInputStyle.Paragraph,
            required: true,
            min_length: 1,
            max_length: BODY_MAX,
            ...current ? { value: current.body } : {}
          }
        ]
      }
    ]
  };
}
var ts = (at, style = "F") => `<t:${Math.floor(at.getTime() / 1e3)}:${style}>`;
function repeatLabel(repeat, cron2) {
  return repeat === "cron" && cron2 ? `cron \`${cron2}\`` : REPEAT_LABELS[repeat];
}
function confirmationView(input, verb) {
  const lines = [
    `**Announcement #${input.id} ${verb}** for <#${input.channelId}>.`,
    `Repeat: ${repeatLabel(input.repeat, input.cron)} (club time zone ${input.zone}).`,
    input.runs.length > 1 ? "Next posts:" : "Posts at:",
    ...input.runs.map((run) => `\u2022 ${ts(run)} (${ts(run, "R")})`),
    `Pings: ${describePing(input.ping)}.`,
    ...input.paused ? ["It is paused: nothing posts until `/announce resume`."] : [],
    ...input.notes.map((note) => `Note: ${note}`)
  ];
  return {
    content: lines.join("\n"),
    components: buttonRows([button(encodeAnnounceId({ kind: "preview", id: input.id }), "Preview", ButtonStyle4.Secondary)]),
    allowedMentions: NO_PINGS,
    ephemeral: true
  };
}
function previewView(content) {
  const post = announcementPost(content);
  return {
    content: post.content ?? "",
    embeds: post.embeds ?? [],
    components: [],
    allowedMentions: NO_PINGS,
    ephemeral: true
  };
}
var STATUS_LABELS = {
  active: "active",
  paused: "paused",
  done: "posted (done)",
  failed: "failed",
  cancelled: "cancelled"
};
function listView2(entries, page, total) {
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  if (total === 0) {
    return { content: "This server has no announcements yet. Schedule one with `/announce schedule`.", components: [], allowedMentions: NO_PINGS, ephemeral: true };
  }
  const lines = entries.map((e) => {
    const next = e.nextRunAt && (e.status === "active" || e.status === "paused") ? ts(e.nextRunAt, "f") : "-";
    const label2 = clip((e.title ?? e.body).replace(/\s+/g, " "), 40);
    return `**#${e.id}** ${label2}
<#${e.channelId}> \xB7 next: ${next} \xB7 ${repeatLabel(e.repeat, e.cron)} \xB7 by <@${e.createdBy}> \xB7 ${STATUS_LABELS[e.status]}${e.lastError && e.status !== "active" ? ` (${clip(e.lastError, 80)})` : ""}`;
  });
  const buttons = [
    button(encodeAnnounceId({ kind: "list", page: Math.max(1, page - 1) }), "\u25C0 Newer", ButtonStyle4.Secondary, page <= 1),
    button(encodeAnnounceId({ kind: "list", page: Math.min(pages, page + 1) }), "Older \u25B6", ButtonStyle4.Secondary, page >= pages)
  ];
  return {
    content: [`**Announcements** (page ${page} of ${pages}, ${total} in all)`, ...lines].join("\n"),
    components: pages > 1 ? buttonRows(buttons) : [],
    allowedMentions: NO_PINGS,
    ephemeral: true
  };
}
function cancelPromptView(id, channelId) {
  return {
    content: `Cancel announcement #${id} for <#${channelId}>? It will not post again. This cannot be undone.`,
    components: buttonRows([
      button(encodeAnnounceId({ kind: "cancel", id }), "Cancel announcement", ButtonStyle4.Danger),
      button(encodeAnnounceId({ kind: "keep", id }), "Keep it", ButtonStyle4.Secondary)
    ]),
    allowedMentions: NO_PINGS,
    ephemeral: true
  };
}
function plainView(content) {
  return { content, components: [], embeds: [], allowedMentions: NO_PINGS, ephemeral: true };
}
function notFoundText(id) {
  return `There is no announcement #${id} in this server. \`/announce list\` shows this server's announcements.`;
}

// commands/announce.ts
var NO_CLUB_TEXT = "This server has no Pacer club settings yet. Run `/club setup` first: it sets the time zone that announcement times are read in. Nothing was saved.";
var NO_EVERYONE_TEXT = "Only members with the Mention Everyone permission can ping @everyone. Pick a role, or leave `ping` empty. Nothing was saved.";
var CRON_TOO_LONG_TEXT = "That cron rule is too long to carry through the form. Write it more briefly (for example `0 18 * * 1`). Nothing was saved.";
var idOption = { type: ApplicationCommandOptionType3.Integer, name: "id", description: "The announcement (start typing)", required: true, autocomplete: true, min_value: 1 };
var repeatOption = {
  type: ApplicationCommandOptionType3.String,
  name: "repeat",
  description: "How often (default: once)",
  choices: REPEATS.map((r) => ({ name: r, value: r }))
};
var cronOption = { type: ApplicationCommandOptionType3.String, name: "cron", description: "Instead of repeat: five cron fields in the club zone, e.g. 0 18 * * 1", max_length: 60 };
var definition3 = {
  name: "announce",
  description: "Schedule announcements (moderators)",
  contexts: [InteractionContextType3.Guild],
  default_member_permissions: String(PermissionFlagsBits2.ManageGuild),
  options: [
    {
      type: ApplicationCommandOptionType3.Subcommand,
      name: "schedule",
      description: "Schedule an announcement (you write it in the next step)",
      options: [
        { type: ApplicationCommandOptionType3.Channel, name: "channel", description: "Where to post", required: true, channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] },
        { type: ApplicationCommandOptionType3.String, name: "when", description: "In the club zone: 2026-12-01 18:00, tomorrow 18:00, next monday 7am, in 2 hours", required: true, max_length: 100 },
        repeatOption,
        cronOption,
        { type: ApplicationCommandOptionType3.Role, name: "ping", description: "A role to ping (default: nobody)" }
      ]
    },
    { type: ApplicationCommandOptionType3.Subcommand, name: "list", description: "This server's announcements" },
    { type: ApplicationCommandOptionType3.Subcommand, name: "preview", description: "See an announcement privately, exactly as it will post", options: [idOption] },
    {
      type: ApplicationCommandOptionType3.Subcommand,
      name: "edit",
      description: "Change the text, and optionally the time or repeat",
      options: [idOption, { type: ApplicationCommandOptionType3.String, name: "when", description: "A new first post time (club zone)", max_length: 100 }, repeatOption, cronOption]
    },
    { type: ApplicationCommandOptionType3.Subcommand, name: "pause", description: "Stop posting until resumed", options: [idOption] },
    { type: ApplicationCommandOptionType3.Subcommand, name: "resume", description: "Start posting again", options: [idOption] },
    { type: ApplicationCommandOptionType3.Subcommand, name: "cancel", description: "Stop an announcement for good", options: [idOption] }
  ]
};
function asRepeat(value) {
  return REPEATS.includes(value ?? "") ? value : null;
}
var POSTING_PERMISSIONS = [
  ["View Channel", PermissionFlagsBits2.ViewChannel],
  ["Send Messages", PermissionFlagsBits2.SendMessages],
  ["Embed Links", PermissionFlagsBits2.EmbedLinks]
];
function botMissingIn(interaction, channelId) {
  const me = interaction.guild?.members.me;
  const channel = interaction.guild?.channels.cache.get(channelId);
  if (!me || !channel) return [];
  const permissions = me.permissionsIn(channel);
  return POSTING_PERMISSIONS.filter(([, bit]) => !permissions.has(bit)).map(([name]) => name);
}
function canMentionEveryone(interaction) {
  return interaction.memberPermissions?.has(PermissionFlagsBits2.MentionEveryone) ?? false;
}
function gate(interaction, ctx) {
  if (!interaction.inGuild() || !isModerator(interaction, ctx.db)) return { refusal: NOT_A_MODERATOR_TEXT };
  const club = clubTimeSettings(ctx.db, interaction.guildId);
  if (!club) return { refusal: NO_CLUB_TEXT };
  return { guildId: interaction.guildId, club };
}
function whenNotes(notes, at, zone) {
  return notes.map((note) => describeWhenNote(note, at, zone));
}
function confirmation(row, timing, notes, verb) {
  return confirmationView(
    {
      id: row.id,
      channelId: row.channelId,
      repeat: timing.repeat,
      cron: timing.cron,
      ping: row.ping,
      zone: row.timezone,
      runs: upcomingRuns(timing.cron, row.timezone, timing.firstRun, 3),
      notes,
      paused: row.status === "paused"
    },
    verb
  );
}
function modalText(interaction) {
  const read = (id) => {
    try {
      return interaction.fields.getTextInputValue(id);
    } catch {
      return "";
    }
  };
  const title = read(TITLE_FIELD).trim();
  return { title: title ? title : null, body: read(BODY_FIELD).trim() };
}
var announceCommand = defineCommand({
  definition: definition3,
  componentPrefixes: [ANNOUNCE_PREFIX],
  ephemeral: true,
  // Everything before showModal is synchronous: the modal must be the first response.
  async execute(interaction, ctx) {
    const gated = gate(interaction, ctx);
    if ("refusal" in gated) return ctx.respond.fail(gated.refusal);
    const { guildId, club } = gated;
    const zone = club.timezone;
    const now = ctx.clock.now();
    const args = readArgs(interaction, definition3);
    const order = dateOrderFor(club.region ?? ctx.config.defaultRegion);
    switch (args.subcommand) {
      case "schedule": {
        const missing = botMissingIn(interaction, args.channel);
        if (missing.length > 0) {
          return ctx.respond.fail(`Pacer cannot post in <#${args.channel}>: it lacks ${missing.join(", ")} there. Give Pacer those permissions in that channel, or pick another. Nothing was saved.`);
        }
        const when = parseWhen(args.when, zone, now, order);
        if (!when.ok) return ctx.respond.fail(when.error);
        const timing = timingFor(when.at, zone, asRepeat(args.repeat), args.cron);
        if (!timing.ok) return ctx.respond.fail(timing.error);
        let ping = { kind: "nobody" };
        if (args.ping === guildId) {
          if (!canMentionEveryone(interaction)) return ctx.respond.fail(NO_EVERYONE_TEXT);
          ping = { kind: "everyone" };
        } else if (args.ping) ping = { kind: "role", roleId: args.ping };
        let customId;
        try {
          customId = encodeAnnounceId({ kind: "new", draft: { channelId: args.channel, start: when.at, repeat: timing.repeat, ping, notes: when.notes, cron: timing.repeat === "cron" ? timing.cron : null } });
        } catch {
          return ctx.respond.fail(CRON_TOO_LONG_TEXT);
        }
        return ctx.respond.showModal(announcementModal(customId, "New announcement"));
      }
      case "list":
        return showList2(ctx, guildId, 1, "reply");
      case "preview": {
        const row = getAnnouncement(ctx.db, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        return ctx.respond.reply(previewView(row));
      }
      case "edit": {
        const row = getAnnouncement(ctx.db, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        if (row.status === "cancelled") return ctx.respond.fail(`Announcement #${row.id} was cancelled and cannot be edited. Schedule a new one with \`/announce schedule\`.`);
        let start = null;
        if (args.when) {
          const when = parseWhen(args.when, zone, now, order);
          if (!when.ok) return ctx.respond.fail(when.error);
          start = when.at;
        }
        const repeat = asRepeat(args.repeat);
        const cron2 = args.cron?.trim() ? args.cron : null;
        const timing = editedTiming(row, { start, repeat, cron: cron2 }, zone, now);
        if (timing && !timing.ok) return ctx.respond.fail(timing.error);
        let customId;
        try {
          customId = encodeAnnounceId({ kind: "edit", draft: { id: row.id, start, repeat, cron: timing?.ok && timing.repeat === "cron" ? timing.cron : null } });
        } catch {
          return ctx.respond.fail(CRON_TOO_LONG_TEXT);
        }
        return ctx.respond.showModal(announcementModal(customId, `Edit announcement #${row.id}`, row));
      }
      case "pause": {
        const row = getAnnouncement(ctx.db, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        if (row.status !== "active") return ctx.respond.fail(`Announcement #${row.id} is ${row.status}, so there is nothing to pause.`);
        pauseAnnouncement(ctx.db, row, interaction.user.id, now);
        return ctx.respond.reply(plainView(`Announcement #${row.id} is paused. Nothing posts until \`/announce resume id:${row.id}\`.`));
      }
      case "resume": {
        const row = getAnnouncement(ctx.db, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        if (row.status !== "paused" && row.status !== "failed") return ctx.respond.fail(`Announcement #${row.id} is ${row.status}, so there is nothing to resume.`);
        const next = row.cron ? nextRun(row.cron, row.timezone, now) : row.nextRunAt && row.nextRunAt > now ? row.nextRunAt : null;
        if (!next) {
          return ctx.respond.fail(`Announcement #${row.id}'s time has passed while it was paused. Give it a new time with \`/announce edit id:${row.id} when:\u2026\`, then resume it.`);
        }
        resumeAnnouncement(ctx.db, row, next, interaction.user.id, now);
        const resumed = { ...row, status: "active" };
        return ctx.respond.reply(confirmation(resumed, { cron: row.cron, repeat: row.repeat, firstRun: next }, [], "updated"));
      }
      case "cancel": {
        const row = getAnnouncement(ctx.db, guildId, args.id);
        if (!row) return ctx.respond.fail(notFoundText(args.id));
        if (row.status === "cancelled") return ctx.respond.fail(`Announcement #${row.id} is already cancelled.`);
        return ctx.respond.reply(cancelPromptView(row.id, row.channelId));
      }
    }
  },
  async autocomplete(interaction, ctx) {
    if (!interaction.inGuild() || !isModerator(interaction, ctx.db)) return interaction.respond([]);
    const typed = String(interaction.options.getFocused());
    const rows = searchAnnouncements(ctx.db, interaction.guildId, typed);
    await interaction.respond(
      rows.map((row) => {
        const label2 = `#${row.id} \xB7 ${row.status} \xB7 ${(row.title ?? row.body).replace(/\s+/g, " ")}`;
        return { name: label2.length > 100 ? `${label2.slice(0, 99)}\u2026` : label2, value: row.id };
      })
    );
  },
  async modal(interaction, ctx) {
    const action = decodeAnnounceId(interaction.customId);
    if (!action || action.kind !== "new" && action.kind !== "edit") return ctx.respond.fail(STALE_COMPONENT_TEXT);
    const gated = gate(interaction, ctx);
    if ("refusal" in gated) return ctx.respond.fail(gated.refusal);
    const { guildId, club } = gated;
    const now = ctx.clock.now();
    const text3 = modalText(interaction);
    const problem = textProblem(text3.title, text3.body);
    if (problem) return ctx.respond.fail(problem);
    if (action.kind === "new") {
      const draft2 = action.draft;
      if (!interaction.guild?.channels.cache.has(draft2.channelId)) return ctx.respond.fail(STALE_COMPONENT_TEXT);
      if (draft2.ping.kind === "everyone" && !canMentionEveryone(interaction)) return ctx.respond.fail(NO_EVERYONE_TEXT);
      const computed = timingFor(draft2.start, club.timezone, draft2.repeat === "cron" || draft2.repeat === "none" ? null : draft2.repeat, draft2.cron);
      if (!computed.ok) return ctx.respond.fail(computed.error);
      const timing2 = notBefore(computed, club.timezone, now);
      if (!timing2) {
        return ctx.respond.fail(`The time you chose passed while the form was open. Nothing was saved; run \`/announce schedule\` again. Your text:
${text3.body.slice(0, 1500)}`);
      }
      const id = createAnnouncement(ctx.db, {
        guildId,
        channelId: draft2.channelId,
        timezone: club.timezone,
        repeat: timing2.repeat,
        cron: timing2.cron,
        firstRun: timing2.firstRun,
        title: text3.title,
        body: text3.body,
        ping: draft2.ping,
        pingRoleId: pingToRoleId(draft2.ping, guildId),
        by: interaction.user.id,
        at: now
      });
      const row2 = getAnnouncement(ctx.db, guildId, id);
      return ctx.respond.reply(confirmation(row2, timing2, [...whenNotes(draft2.notes, draft2.start, club.timezone), ...timing2.notes], "scheduled"));
    }
    const draft = action.draft;
    const row = getAnnouncement(ctx.db, guildId, draft.id);
    if (!row) return ctx.respond.fail(notFoundText(draft.id));
    if (row.status === "cancelled") return ctx.respond.fail(`Announcement #${row.id} was cancelled and cannot be edited. Nothing was changed.`);
    const edited = editedTiming(row, { start: draft.start, repeat: draft.repeat, cron: draft.cron }, club.timezone, now);
    if (edited && !edited.ok) return ctx.respond.fail(edited.error);
    const timing = edited ? notBefore(edited, club.timezone, now) : null;
    if (edited && !timing) {
      return ctx.respond.fail(`The new time passed while the form was open. Nothing was changed; run \`/announce edit id:${row.id}\` again.`);
    }
    editAnnouncement(ctx.db, row, { ...text3, ...timing ? { timing } : {}, by: interaction.user.id, at: now });
    const updated = getAnnouncement(ctx.db, guildId, row.id);
    const shown = timing ?? { cron: updated.cron, repeat: updated.repeat, firstRun: updated.nextRunAt };
    if (!shown.firstRun || updated.status === "done") {
      return ctx.respond.reply(plainView(`Announcement #${row.id} updated. It has already posted and has no further posts; give it a \`when\` with \`/announce edit\` to post it again.`));
    }
    return ctx.respond.reply(confirmation(updated, { ...shown, firstRun: shown.firstRun }, timing ? timing.notes : [], "updated"));
  },
  async component(interaction, ctx) {
    const action = decodeAnnounceId(interaction.customId);
    if (!action || action.kind === "new" || action.kind === "edit") return ctx.respond.fail(STALE_COMPONENT_TEXT);
    const gated = gate(interaction, ctx);
    if ("refusal" in gated) return ctx.respond.fail(gated.refusal);
    const { guildId } = gated;
    switch (action.kind) {
      case "list":
        return showList2(ctx, guildId, action.page, "update");
      case "preview": {
        const row = getAnnouncement(ctx.db, guildId, action.id);
        if (!row) return ctx.respond.fail(notFoundText(action.id));
        return ctx.respond.reply(previewView(row));
      }
      case "keep":
        return ctx.respond.update(plainView(`Announcement #${action.id} is kept; nothing was changed.`));
      case "cancel": {
        const row = getAnnouncement(ctx.db, guildId, action.id);
        if (!row) return ctx.respond.fail(notFoundText(action.id));
        if (row.status !== "cancelled") cancelAnnouncement(ctx.db, row, interaction.user.id, ctx.clock.now());
        return ctx.respond.update(plainView(`Announcement #${row.id} is cancelled. It will not post again.`));
      }
    }
  }
});
async function showList2(ctx, guildId, page, mode) {
  const { rows, total } = listAnnouncements(ctx.db, guildId, (page - 1) * LIST_PAGE_SIZE, LIST_PAGE_SIZE);
  const view = listView2(rows, page, total);
  return mode === "update" ? ctx.respond.update(view) : ctx.respond.reply(view);
}

// commands/index.ts
var commandModules = [symptomCheckCommand, exerciseCommand, announceCommand];

// src/bot/client.ts
import { Client, GatewayIntentBits, Options } from "discord.js";
function createClient(apiUrl) {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: apiUrl ? { api: apiUrl } : {},
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0, GuildMemberManager: 50 })
  });
}

// src/bot/poster.ts
import { DiscordAPIError, HTTPError, RateLimitError, Routes } from "discord.js";

// src/scheduler/contract.ts
var PostError = class extends Error {
  constructor(kind, reason) {
    super(reason);
    this.kind = kind;
    this.reason = reason;
    this.name = "PostError";
  }
};

// src/bot/poster.ts
function createPoster(rest) {
  const send2 = async (channelId, message2, options = {}) => {
    const { body, files } = toRequest(message2);
    if (options.nonce !== void 0) {
      body.nonce = options.nonce;
      if (options.enforceNonce) body.enforce_nonce = true;
    }
    try {
      const created = await rest.post(Routes.channelMessages(channelId), { body, files });
      return { messageId: created.id };
    } catch (error) {
      throw toPostError(error);
    }
  };
  return {
    post: send2,
    async edit(channelId, messageId, message2) {
      const { body, files } = toRequest(message2);
      try {
        await rest.patch(Routes.channelMessage(channelId, messageId), { body, files });
      } catch (error) {
        throw toPostError(error);
      }
    },
    async directMessage(userId, message2) {
      let channelId;
      try {
        channelId = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })).id;
      } catch (error) {
        throw toPostError(error);
      }
      return send2(channelId, message2);
    }
  };
}
function toRequest(message2) {
  const { files, ...rest } = message2;
  const body = { ...rest };
  if (!files || files.length === 0) return { body, files: void 0 };
  body.attachments = files.map((file, index2) => ({ id: index2, filename: file.name, ...file.description ? { description: file.description } : {} }));
  return { body, files: files.map((file) => ({ name: file.name, data: Buffer.from(file.data) })) };
}
var PERMANENT_REASONS = {
  10003: "the channel no longer exists (Unknown Channel)",
  50001: "Pacer cannot see that channel (Missing Access)",
  50013: "Pacer lacks a permission it needs in that channel (Missing Permissions)",
  50007: "that member does not accept direct messages from Pacer"
};
function toPostError(error) {
  if (error instanceof PostError) return error;
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === "number" ? error.code : Number(error.code);
    if (error.status >= 500) return new PostError("transient", `Discord had a server error (${error.status})`);
    if (error.status === 429) return new PostError("transient", "Discord rate limit");
    const reason = PERMANENT_REASONS[code] ?? (error.status === 403 ? "Pacer is not allowed to post there (Forbidden)" : `Discord refused the message (${error.status}, code ${code})`);
    return new PostError("permanent", reason);
  }
  if (error instanceof HTTPError) {
    return error.status >= 500 || error.status === 429 ? new PostError("transient", `Discord had a server error (${error.status})`) : new PostError("permanent", `Discord refused the message (${error.status})`);
  }
  if (error instanceof RateLimitError) return new PostError("transient", "Discord rate limit");
  const name = error instanceof Error ? error.name : "Error";
  return new PostError("transient", name === "AbortError" || name === "TimeoutError" ? "Discord did not answer in time" : "could not reach Discord");
}

// src/bot/registry.ts
var CommandRegistry = class {
  byName = /* @__PURE__ */ new Map();
  byPrefix = /* @__PURE__ */ new Map();
  constructor(modules) {
    for (const module of modules) {
      const name = module.definition.name;
      if (this.byName.has(name)) throw new Error(`Two command modules are named /${name}.`);
      this.byName.set(name, module);
      for (const prefix of module.componentPrefixes ?? []) {
        if (prefix.includes(":")) throw new Error(`custom_id prefix "${prefix}" of /${name} must not contain ':'.`);
        const owner = this.byPrefix.get(prefix);
        if (owner) throw new Error(`custom_id prefix "${prefix}" is claimed by /${owner.definition.name} and /${name}.`);
        this.byPrefix.set(prefix, module);
      }
    }
  }
  command(name) {
    return this.byName.get(name);
  }
  /** The module owning a `custom_id` of the form `<prefix>:<rest>`. */
  ownerOf(customId) {
    const colon = customId.indexOf(":");
    return colon > 0 ? this.byPrefix.get(customId.slice(0, colon)) : void 0;
  }
  definitions() {
    return [...this.byName.values()].map((m) => m.definition);
  }
};

// src/clock.ts
var systemClock = { now: () => /* @__PURE__ */ new Date() };

// src/db/connection.ts
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
function migrationsFolder() {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, "../../migrations"), resolve(here, "../../../migrations")];
  return candidates.find((dir) => existsSync(resolve(dir, "meta/_journal.json"))) ?? candidates[0];
}
function openDatabase(path) {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema: schema_exports });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return {
    db,
    sqlite,
    close: () => {
      if (sqlite.open) sqlite.close();
    }
  };
}

// src/db/schedule-store.ts
import { and as and2, asc, eq as eq3 } from "drizzle-orm";
var runColumns = {
  id: scheduleRuns.id,
  scheduleId: scheduleRuns.scheduleId,
  scheduledFor: scheduleRuns.scheduledFor,
  status: scheduleRuns.status,
  attempts: scheduleRuns.attempts,
  messageId: scheduleRuns.messageId
};
function createScheduleStore(handle) {
  const { db, sqlite } = handle;
  const dueStatements = /* @__PURE__ */ new Map();
  return {
    due(now, limit, kinds) {
      if (kinds.length === 0) return [];
      const key = kinds.join(",");
      let statement = dueStatements.get(key);
      if (!statement) {
        statement = sqlite.prepare(
          `select id, guild_id, kind, channel_id, rule_kind, cron, timezone, next_run_at from schedules
           where status = 'active' and next_run_at <= ? and kind in (${kinds.map((kind) => `'${kind.replace(/'/g, "''")}'`).join(", ")})
           order by next_run_at limit ?`
        );
        dueStatements.set(key, statement);
      }
      return statement.all(now.getTime(), limit).map((row) => ({
        id: row.id,
        guildId: row.guild_id,
        kind: row.kind,
        channelId: row.channel_id,
        ruleKind: row.rule_kind,
        cron: row.cron,
        timezone: row.timezone,
        nextRunAt: new Date(row.next_run_at)
      }));
    },
    openRun(scheduleId) {
      return db.select(runColumns).from(scheduleRuns).where(and2(eq3(scheduleRuns.scheduleId, scheduleId), eq3(scheduleRuns.status, "claimed"))).orderBy(asc(scheduleRuns.scheduledFor)).get();
    },
    claim(scheduleId, scheduledFor, now) {
      db.insert(scheduleRuns).values({ scheduleId, scheduledFor, status: "claimed", claimedAt: now, attempts: 0 }).onConflictDoNothing().run();
      return db.select(runColumns).from(scheduleRuns).where(and2(eq3(scheduleRuns.scheduleId, scheduleId), eq3(scheduleRuns.scheduledFor, scheduledFor))).get();
    },
    resolve(run, outcome, schedule, now, alsoInTransaction) {
      let alsoFailed;
      db.transaction((tx) => {
        tx.update(scheduleRuns).set({
          status: outcome.status,
          attempts: outcome.attempts,
          messageId: outcome.messageId ?? run.messageId,
          postedAt: outcome.postedAt ?? null,
          reason: outcome.reason ?? null
        }).where(eq3(scheduleRuns.id, run.id)).run();
        tx.update(schedules).set({ status: schedule.status, nextRunAt: schedule.nextRunAt, lastError: schedule.lastError, attempts: 0, lockedUntil: null, updatedAt: now }).where(eq3(schedules.id, run.scheduleId)).run();
        if (alsoInTransaction) {
          try {
            tx.transaction(() => alsoInTransaction());
          } catch (error) {
            alsoFailed = error;
          }
        }
      });
      return alsoFailed;
    },
    retryLater(run, attempts, retryAt, lastError, now) {
      db.transaction((tx) => {
        tx.update(scheduleRuns).set({ attempts, reason: lastError }).where(eq3(scheduleRuns.id, run.id)).run();
        tx.update(schedules).set({ nextRunAt: retryAt, attempts, lastError, updatedAt: now }).where(eq3(schedules.id, run.scheduleId)).run();
      });
    },
    contacts(guildId) {
      const row = db.select({ noticesChannelId: clubs.noticesChannelId, setupByUserId: clubs.setupByUserId }).from(clubs).where(eq3(clubs.guildId, guildId)).get();
      return row ?? { noticesChannelId: null, setupByUserId: null };
    }
  };
}

// src/announcements/job.ts
var GRACE_WINDOW_MS = 60 * 6e4;
function announcementJob(store) {
  return {
    kind: "announcement",
    decide(occurrence) {
      const announcement = store.contentForSchedule(occurrence.scheduleId);
      if (!announcement) return { action: "skip", reason: "the announcement no longer exists" };
      const lateMs = occurrence.now.getTime() - occurrence.scheduledFor.getTime();
      if (lateMs > GRACE_WINDOW_MS) {
        return {
          action: "skip",
          reason: `announcement #${announcement.id} was due <t:${Math.floor(occurrence.scheduledFor.getTime() / 1e3)}:f> while Pacer was offline. It was ${Math.round(lateMs / 6e4)} minutes late, past the ${GRACE_WINDOW_MS / 6e4}-minute grace window, so that post was skipped; later posts go ahead as scheduled.`,
          notifyModerators: true
        };
      }
      return { action: "post", message: announcementPost(announcement) };
    },
    posted(occurrence, messageId) {
      store.recordPost(occurrence.scheduleId, messageId, occurrence.now);
    }
  };
}

// src/scheduled-jobs.ts
var scheduledJobs = [(context) => announcementJob(announcementJobStore(context.db))];

// src/scheduler/engine.ts
import cron from "node-cron";

// src/scheduler/notices.ts
var WHAT = {
  weekly_challenge: "the weekly challenge",
  challenge_recap: "the weekly recap",
  announcement: "a scheduled announcement"
};
var RESUME = {
  weekly_challenge: "`/club challenge resume`",
  challenge_recap: "`/club challenge resume`",
  announcement: "`/announce list`, then `/announce resume` with its id"
};
function message(content) {
  return { content, allowed_mentions: { parse: [] } };
}
function pausedNotice(subject, reason) {
  return message(
    [
      `**Pacer paused ${WHAT[subject.kind]} in <#${subject.channelId}>.**`,
      `Why: ${reason}`,
      `To fix it: make sure Pacer can see that channel and has the Send Messages and Embed Links permissions there (or choose another channel), then run ${RESUME[subject.kind]}.`
    ].join("\n")
  );
}
function failedNotice(subject, reason, attempts) {
  return message(
    [
      `**Pacer could not post ${WHAT[subject.kind]} in <#${subject.channelId}>** after ${attempts} tries.`,
      `Why: ${reason}`,
      "The next one is still scheduled. If this keeps happening, check that Discord is reachable from where Pacer runs."
    ].join("\n")
  );
}
function skippedNotice(subject, reason) {
  return message(`Pacer did not post ${WHAT[subject.kind]} in <#${subject.channelId}>: ${reason}`);
}

// src/scheduler/occurrences.ts
var MINUTE = 6e4;
var SEARCH_WINDOWS_MS = [60 * MINUTE, 24 * 60 * MINUTE, 8 * 24 * 60 * MINUTE, 32 * 24 * 60 * MINUTE, 367 * 24 * 60 * MINUTE];
function latestDueOccurrence(schedule, now) {
  const first = schedule.nextRunAt;
  if (schedule.ruleKind !== "cron" || !schedule.cron || now.getTime() <= first.getTime()) return { scheduledFor: first, collapsed: false };
  const rule = schedule.cron;
  let cursor = first;
  for (const window of SEARCH_WINDOWS_MS) {
    const start = new Date(Math.max(first.getTime(), now.getTime() - window));
    if (start.getTime() === first.getTime()) break;
    const candidate = nextRun(rule, schedule.timezone, new Date(start.getTime() - 1));
    if (candidate && candidate.getTime() <= now.getTime()) {
      cursor = candidate;
      break;
    }
  }
  for (; ; ) {
    const following = nextRun(rule, schedule.timezone, cursor);
    if (!following || following.getTime() > now.getTime()) return { scheduledFor: cursor, collapsed: cursor.getTime() !== first.getTime() };
    cursor = following;
  }
}
function occurrenceNonce(scheduleId, scheduledFor, purpose = "p") {
  const nonce = `${purpose}${scheduleId.toString(36)}.${Math.floor(scheduledFor.getTime() / 1e3).toString(36)}`;
  if (nonce.length > 25) throw new Error("nonce longer than 25 characters");
  return nonce;
}

// src/scheduler/pacing.ts
var DEFAULT_PER_SECOND = 47;
var DEFAULT_PER_CHANNEL = { count: 5, windowMs: 5250 };
var QueueClosedError = class extends Error {
  constructor() {
    super("The post queue is stopping; the post was not sent.");
    this.name = "QueueClosedError";
  }
};
var QueueFullError = class extends Error {
  constructor(capacity) {
    super(`The post queue is full (${capacity} waiting).`);
    this.name = "QueueFullError";
  }
};
var PostQueue = class {
  perSecond;
  capacity;
  perChannel;
  concurrency;
  now;
  waiting = [];
  channelStarts = /* @__PURE__ */ new Map();
  nextGlobalStart = 0;
  inFlight = 0;
  timer;
  closed = false;
  idleWaiters = [];
  constructor(options = {}) {
    this.perSecond = options.perSecond ?? DEFAULT_PER_SECOND;
    this.perChannel = options.perChannel ?? DEFAULT_PER_CHANNEL;
    this.capacity = options.capacity ?? 5e3;
    this.concurrency = options.concurrency ?? 50;
    this.now = options.monotonicNow ?? (() => performance.now());
  }
  /** Posts waiting to start. */
  get waitingCount() {
    return this.waiting.length;
  }
  get freeCapacity() {
    return Math.max(0, this.capacity - this.waiting.length);
  }
  /** Runs `task` when the limits allow. Rejects with QueueClosedError if the queue closes before it starts. */
  run(channelId, task) {
    if (this.closed) return Promise.reject(new QueueClosedError());
    if (this.waiting.length >= this.capacity) return Promise.reject(new QueueFullError(this.capacity));
    return new Promise((resolve2, reject) => {
      this.waiting.push({
        channelId,
        start: () => {
          this.inFlight += 1;
          task().then(resolve2, reject).finally(() => {
            this.inFlight -= 1;
            this.pump();
          });
        },
        abandon: reject
      });
      this.pump();
    });
  }
  /** Abandons every post not yet started; resolves when the started ones finish or `graceMs` passes. */
  async close(graceMs) {
    this.closed = true;
    clearTimeout(this.timer);
    for (const item of this.waiting.splice(0)) item.abandon(new QueueClosedError());
    if (this.inFlight === 0) return;
    await Promise.race([
      new Promise((resolve2) => this.idleWaiters.push(resolve2)),
      new Promise((resolve2) => setTimeout(resolve2, graceMs).unref())
    ]);
  }
  channelWait(channelId, at) {
    const starts = this.channelStarts.get(channelId);
    if (!starts) return 0;
    while (starts.length > 0 && starts[0] <= at - this.perChannel.windowMs) starts.shift();
    if (starts.length === 0) this.channelStarts.delete(channelId);
    return starts.length < this.perChannel.count ? 0 : starts[0] + this.perChannel.windowMs - at;
  }
  pump() {
    if (this.inFlight === 0 && this.waiting.length === 0) {
      for (const resolve2 of this.idleWaiters.splice(0)) resolve2();
      return;
    }
    if (this.closed || this.timer) return;
    while (this.waiting.length > 0 && this.inFlight < this.concurrency) {
      const at = this.now();
      const globalWait = this.nextGlobalStart - at;
      if (globalWait > 0) return this.wake(globalWait);
      let soonest = Infinity;
      const index2 = this.waiting.findIndex((item2) => {
        const wait = this.channelWait(item2.channelId, at);
        soonest = Math.min(soonest, wait);
        return wait <= 0;
      });
      if (index2 < 0) return this.wake(soonest);
      const [item] = this.waiting.splice(index2, 1);
      const starts = this.channelStarts.get(item.channelId) ?? [];
      starts.push(at);
      this.channelStarts.set(item.channelId, starts);
      this.nextGlobalStart = Math.max(at, this.nextGlobalStart) + 1e3 / this.perSecond;
      item.start();
    }
  }
  wake(ms) {
    this.timer = setTimeout(() => {
      this.timer = void 0;
      this.pump();
    }, Math.max(1, Math.ceil(ms)));
  }
};

// src/scheduler/engine.ts
var DEFAULT_RETRY_DELAYS_MS = [1e4, 3e4, 6e4, 12e4];
var Scheduler = class {
  name = "scheduler";
  store;
  poster;
  clock;
  logger;
  jobs = /* @__PURE__ */ new Map();
  queue;
  retryDelaysMs;
  stopGraceMs;
  tickExpression;
  inFlight = /* @__PURE__ */ new Set();
  task;
  stopped = false;
  /** Set once stop() returns: the app may close the database, so a post that answers later is not recorded. */
  writesClosed = false;
  currentRun;
  constructor(options) {
    this.store = options.store;
    this.poster = options.poster;
    this.clock = options.clock;
    this.logger = options.logger;
    for (const job of options.jobs) {
      if (this.jobs.has(job.kind)) throw new Error(`Two scheduled jobs registered for kind "${job.kind}".`);
      this.jobs.set(job.kind, job);
    }
    this.queue = new PostQueue(options.pacing);
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.stopGraceMs = options.stopGraceMs ?? 5e3;
    this.tickExpression = options.tickExpression ?? "0 * * * * *";
  }
  get kinds() {
    return [...this.jobs.keys()];
  }
  /** Starts the one-minute heartbeat (UTC, never overlapping) and runs what is due now. */
  start() {
    if (this.stopped || this.task) return;
    this.task = cron.schedule(this.tickExpression, () => this.tick(), {
      timezone: "UTC",
      noOverlap: true,
      name: "pacer-scheduler",
      suppressMissedWarning: true
    });
    void this.tick();
    this.logger.info({ kinds: this.kinds }, "scheduler started");
  }
  /** Stops the heartbeat, abandons posts not yet sent (they stay claimed or due), waits briefly for the rest. */
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    await this.task?.destroy();
    await this.queue.close(this.stopGraceMs);
    if (this.currentRun) await Promise.race([this.currentRun.catch(() => void 0), delay(this.stopGraceMs)]);
    this.writesClosed = true;
    this.logger.info({ abandoned: this.inFlight.size }, "scheduler stopped");
  }
  async tick() {
    try {
      await this.runDue();
    } catch (error) {
      this.logger.error({ err: error }, "scheduler tick failed");
    }
  }
  /**
   * Runs everything due at the clock's now and resolves when those posts are done. Tests and the
   * playground call it directly; the heartbeat calls it every minute.
   */
  async runDue() {
    const run = this.runDueOnce();
    this.currentRun = run;
    try {
      return await run;
    } finally {
      if (this.currentRun === run) this.currentRun = void 0;
    }
  }
  async runDueOnce() {
    const report = { due: 0, posted: 0, skipped: 0, retrying: 0, failed: 0, paused: 0 };
    if (this.stopped || this.jobs.size === 0) return report;
    const now = this.clock.now();
    const limit = this.queue.freeCapacity + this.inFlight.size;
    if (limit === 0) return report;
    const due = this.store.due(now, limit, this.kinds).filter((row) => !this.inFlight.has(row.id));
    report.due = due.length;
    const results = await Promise.all(due.map((row) => this.runSchedule(row, now)));
    for (const result of results) if (result !== "abandoned") report[result] += 1;
    if (due.length > 0) this.logger.info({ ...report }, "scheduler tick");
    return report;
  }
  async runSchedule(row, tickNow) {
    this.inFlight.add(row.id);
    try {
      return await this.runOccurrence(row, tickNow);
    } catch (error) {
      if (error instanceof QueueClosedError || this.writesClosed) return "abandoned";
      this.logger.error({ err: error, scheduleId: row.id }, "scheduled run failed unexpectedly");
      return "failed";
    } finally {
      this.inFlight.delete(row.id);
    }
  }
  async runOccurrence(row, now) {
    const job = this.jobs.get(row.kind);
    let run = this.store.openRun(row.id);
    if (!run) {
      const { scheduledFor, collapsed } = latestDueOccurrence(row, now);
      if (collapsed) this.logger.info({ scheduleId: row.id, first: row.nextRunAt, latest: scheduledFor }, "missed occurrences collapsed into the latest");
      run = this.store.claim(row.id, scheduledFor, now);
      if (run.status !== "claimed") {
        this.store.resolve(run, { status: run.status, attempts: run.attempts }, this.advance(row, run, now), now);
        return "skipped";
      }
    }
    const occurrence = {
      scheduleId: row.id,
      guildId: row.guildId,
      kind: row.kind,
      channelId: row.channelId,
      timezone: row.timezone,
      scheduledFor: run.scheduledFor,
      now
    };
    let decision;
    try {
      decision = job.decide(occurrence);
    } catch (error) {
      return this.transientFailure(row, run, `could not prepare the post (${errorText2(error)})`);
    }
    if (decision.action === "skip") {
      this.store.resolve(run, { status: "skipped", attempts: run.attempts, reason: decision.reason }, this.advance(row, run, now), now);
      this.logger.info({ scheduleId: row.id, kind: row.kind, reason: decision.reason }, "scheduled occurrence skipped");
      if (decision.notifyModerators) await this.notify(row, run, skippedNotice(row, decision.reason));
      return "skipped";
    }
    const nonce = occurrenceNonce(row.id, run.scheduledFor);
    let messageId;
    try {
      ({ messageId } = await this.queue.run(row.channelId, () => this.poster.post(row.channelId, decision.message, { nonce, enforceNonce: true })));
    } catch (error) {
      if (error instanceof QueueClosedError || this.writesClosed) return "abandoned";
      if (error instanceof PostError && error.kind === "permanent") return this.pause(row, run, error.reason);
      return this.transientFailure(row, run, error instanceof PostError ? error.reason : errorText2(error));
    }
    if (this.writesClosed) return "abandoned";
    const postedAt = this.clock.now();
    const postedFailed = this.store.resolve(
      run,
      { status: "posted", attempts: run.attempts + 1, messageId, postedAt },
      this.advance(row, run, postedAt),
      postedAt,
      job.posted ? () => job.posted(occurrence, messageId) : void 0
    );
    if (postedFailed) this.logger.error({ err: postedFailed, scheduleId: row.id, kind: row.kind }, "the job could not record its posted message");
    this.logger.info({ scheduleId: row.id, kind: row.kind, guildId: row.guildId, messageId, lateMs: postedAt.getTime() - run.scheduledFor.getTime() }, "scheduled post sent");
    return "posted";
  }
  /** The schedule row after this occurrence: the next one strictly after both now and the occurrence. */
  advance(row, run, now) {
    if (row.ruleKind !== "cron" || !row.cron) return { status: "done", nextRunAt: null, lastError: null };
    const after = new Date(Math.max(now.getTime(), run.scheduledFor.getTime()));
    try {
      const next = nextRun(row.cron, row.timezone, after);
      return next ? { status: "active", nextRunAt: next, lastError: null } : { status: "done", nextRunAt: null, lastError: null };
    } catch (error) {
      return { status: "paused", nextRunAt: null, lastError: errorText2(error) };
    }
  }
  async pause(row, run, reason) {
    this.logger.warn({ scheduleId: row.id, kind: row.kind, guildId: row.guildId, reason }, "scheduled post refused: schedule paused");
    await this.notify(row, run, pausedNotice(row, reason));
    if (this.writesClosed) return "abandoned";
    this.store.resolve(run, { status: "failed", attempts: run.attempts + 1, reason }, { status: "paused", nextRunAt: null, lastError: reason }, this.clock.now());
    return "paused";
  }
  async transientFailure(row, run, reason) {
    const attempts = run.attempts + 1;
    const now = this.clock.now();
    const delayMs = this.retryDelaysMs[attempts - 1];
    if (delayMs !== void 0) {
      this.store.retryLater(run, attempts, new Date(now.getTime() + delayMs), reason, now);
      this.logger.warn({ scheduleId: row.id, kind: row.kind, attempts, retryInMs: delayMs, reason }, "scheduled post failed; will retry");
      return "retrying";
    }
    this.logger.error({ scheduleId: row.id, kind: row.kind, guildId: row.guildId, attempts, reason }, "scheduled post failed; giving up on this occurrence");
    await this.notify(row, run, failedNotice(row, reason, attempts));
    if (this.writesClosed) return "abandoned";
    const after = this.advance(row, run, now);
    const schedule = row.ruleKind === "cron" ? { ...after, lastError: reason } : { status: "failed", nextRunAt: null, lastError: reason };
    this.store.resolve(run, { status: "failed", attempts, reason }, schedule, now);
    return "failed";
  }
  /** Tells the club's moderators: its notices channel, else a DM to the member who set it up. */
  async notify(row, run, message2) {
    const contacts = this.store.contacts(row.guildId);
    const nonce = occurrenceNonce(row.id, run.scheduledFor, "n");
    if (contacts.noticesChannelId) {
      try {
        await this.queue.run(contacts.noticesChannelId, () => this.poster.post(contacts.noticesChannelId, message2, { nonce, enforceNonce: true }));
        return;
      } catch (error) {
        if (error instanceof QueueClosedError) throw error;
        this.logger.warn({ scheduleId: row.id, reason: errorText2(error) }, "could not post in the notices channel");
      }
    }
    if (contacts.setupByUserId) {
      try {
        await this.queue.run(`dm:${contacts.setupByUserId}`, () => this.poster.directMessage(contacts.setupByUserId, message2));
        return;
      } catch (error) {
        if (error instanceof QueueClosedError) throw error;
        this.logger.warn({ scheduleId: row.id, reason: errorText2(error) }, "could not send a direct message to the member who set the club up");
      }
    }
    this.logger.warn({ scheduleId: row.id, guildId: row.guildId }, "no way to tell this club's moderators");
  }
};
function errorText2(error) {
  return error instanceof Error ? error.message : String(error);
}
function delay(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms).unref());
}

// src/triage/content-check.ts
import { z as z3 } from "zod";
var optionSchema = z3.strictObject({
  id: z3.string().regex(/^[a-z0-9][a-z0-9_]*$/, "option ids are lower_snake_case"),
  label: z3.string().min(1).max(80, "a button label holds at most 80 characters")
});
var questionSchema = z3.object({
  id: z3.enum(QUESTION_IDS),
  kind: z3.enum(["single", "multi", "group"]),
  prompt: z3.string().min(1).max(300),
  options: z3.array(optionSchema).max(24, 'a menu holds at most 25 options, one kept for "None of these"'),
  items: z3.array(
    z3.object({
      key: z3.string().min(1),
      prompt: z3.string().min(1).max(300),
      kind: z3.enum(["choice", "score"]),
      options: z3.array(optionSchema).max(20)
    })
  ),
  redFlag: z3.boolean(),
  optional: z3.boolean()
}).refine((q2) => q2.kind === "group" ? q2.items.length > 0 : q2.options.length > 0, "a question needs options (or items, for a group)").refine((q2) => new Set(q2.options.map((o) => o.id)).size === q2.options.length, "option ids repeat");
var TRIAGE_CONTENT = {
  questions: QUESTIONS,
  messages: MESSAGES,
  ruleWhy: RULE_WHY,
  ruleIds: [...RED_FLAG_RULES.map((r) => r.id), ...ROUTINE_TRIGGERS.map((t) => t.id), NOT_FOR_YOU_RULE],
  cardLists: PHASE_1_CARDS
};
function triageContentProblems(content = TRIAGE_CONTENT) {
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  for (const [i, raw] of content.questions.entries()) {
    const parsed = questionSchema.safeParse(raw);
    const id = raw.id ?? `question #${i + 1}`;
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `${id}${issue.path.length ? `.${issue.path.join(".")}` : ""}: ${issue.message}`));
      continue;
    }
    if (seen.has(parsed.data.id)) problems.push(`${id}: asked twice`);
    seen.add(parsed.data.id);
  }
  for (const id of QUESTION_IDS) if (!seen.has(id)) problems.push(`${id}: no question text`);
  for (const question of QUESTIONS.filter((q2) => q2.redFlag)) {
    if (question.options.some((o) => o.id === "unsure") && !UNSURE_CHECKS[question.id]) problems.push(`${question.id}: no check to offer after "not sure"`);
    for (const item of question.items) {
      if (item.options.some((o) => o.id === "unsure") && !UNSURE_ITEM_CHECKS[item.key]) problems.push(`${question.id}.${item.key}: no check to offer after "not sure"`);
    }
  }
  for (const id of content.ruleIds) if (!content.ruleWhy[id]) problems.push(`rule ${id}: no plain "why" sentence`);
  for (const [key, text3] of Object.entries(content.messages)) {
    if (!text3.trim()) problems.push(`message ${key}: empty`);
    if (/\byou have\b/i.test(text3)) problems.push(`message ${key}: says "you have"; say "your answers share features with"`);
  }
  for (const [pattern, cards] of Object.entries(content.cardLists)) {
    for (const card of cards ?? []) if (!isExerciseId(card)) problems.push(`cards for ${pattern}: no exercise card "${card}"`);
  }
  return problems;
}
function assertTriageContent(content) {
  const problems = triageContentProblems(content);
  if (problems.length > 0) throw new Error(`The symptom-check content has ${problems.length} problem(s):
- ${problems.join("\n- ")}`);
}

// src/app.ts
async function startApp(options) {
  const { config: config3, logger: logger2 } = options;
  const cards = allCards();
  assertTriageContent();
  logger2.info({ exerciseCards: cards.length, triageContent: TRIAGE_CONTENT_VERSION }, "content checked");
  const database = openDatabase(config3.databasePath);
  logger2.info({ databasePath: config3.databasePath }, "database ready, migrations applied");
  const context = { config: config3, db: database.db, logger: logger2, clock: options.clock ?? systemClock };
  const registry = new CommandRegistry(options.commands ?? commandModules);
  const route = createRouter(registry, context, options.router);
  const client = createClient(config3.apiUrl);
  const poster = createPoster(client.rest);
  context.poster = poster;
  const scheduler = new Scheduler({
    ...options.scheduler,
    store: createScheduleStore(database),
    poster,
    clock: context.clock,
    logger: logger2,
    jobs: (options.jobs ?? scheduledJobs).map((createJob) => createJob(context))
  });
  const services = [scheduler];
  const inFlight = /* @__PURE__ */ new Set();
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) return;
    const work = route(interaction).catch((error) => logger2.error({ err: error }, "router failed"));
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  client.on(Events.Error, (error) => logger2.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message2) => logger2.warn(message2));
  client.on(Events.ShardResume, (shardId, replayed) => logger2.info({ shardId, replayed }, "gateway session resumed"));
  client.on(Events.ShardDisconnect, (event, shardId) => logger2.warn({ shardId, code: event.code }, "gateway disconnected"));
  try {
    await loginAndWaitUntilReady(client, config3.token, options.readyTimeoutMs ?? 3e4);
  } catch (error) {
    await client.destroy();
    database.close();
    throw error;
  }
  logger2.info({ user: client.user?.tag, guilds: client.guilds.cache.size, commands: registry.definitions().length }, "Pacer is ready");
  for (const service of services) await service.start();
  let stopping = null;
  const stop = () => stopping ??= (async () => {
    accepting = false;
    logger2.info({ inFlight: inFlight.size }, "shutting down");
    const servicesStopped = Promise.allSettled(services.map((service) => service.stop()));
    await Promise.race([Promise.allSettled([...inFlight, servicesStopped]), delay2(1e4)]);
    await client.destroy();
    database.close();
    logger2.info("stopped");
  })();
  return { client, database, context, scheduler, stop };
}
async function loginAndWaitUntilReady(client, token, timeoutMs) {
  const ready = new Promise((resolve2, reject) => {
    const timer = setTimeout(() => reject(new Error(`Discord did not report ready within ${timeoutMs / 1e3} s.`)), timeoutMs);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve2();
    });
  });
  await client.login(token);
  await ready;
}
function delay2(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms).unref());
}

// src/config.ts
import { z as z4 } from "zod";
var LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
var snowflake = z4.string().regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)");
var EnvSchema = z4.object({
  DISCORD_TOKEN: z4.string({ error: "is not set" }).trim().min(1, "is empty").refine((v) => !/\s/.test(v), "must not contain spaces"),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DATABASE_PATH: z4.string().trim().min(1, "is empty").default("./data/pacer.sqlite"),
  DISCORD_API_URL: z4.url({ error: "must be a URL such as http://127.0.0.1:8080/api" }).optional(),
  LOG_LEVEL: z4.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  PACER_REGION: z4.enum(["UK", "EU", "US"], { error: "must be one of UK, EU, US" }).default("UK")
});
var HINTS = {
  DISCORD_TOKEN: "Create a bot at https://discord.com/developers/applications (Bot > Reset Token) and put DISCORD_TOKEN=... in .env.",
  DISCORD_APPLICATION_ID: 'It is the "Application ID" on the General Information page of your Discord application; or leave it out and Pacer asks Discord.',
  DISCORD_GUILD_ID: 'Right-click your server in Discord (Developer Mode on) and "Copy Server ID"; or leave it out to deploy commands globally.'
};
var ConfigError = class extends Error {
  constructor(message2) {
    super(message2);
    this.name = "ConfigError";
  }
};
function parseConfig(env) {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === "" && k !== "DISCORD_TOKEN" ? void 0 : v])
  );
  const result = EnvSchema.safeParse(blankToUndefined);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    const hint = HINTS[name] ? ` ${HINTS[name]}` : "";
    throw new ConfigError(`Configuration error: ${name} ${issue.message}.${hint}`);
  }
  const e = result.data;
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    databasePath: e.DATABASE_PATH,
    apiUrl: e.DISCORD_API_URL?.replace(/\/+$/, ""),
    logLevel: e.LOG_LEVEL,
    defaultRegion: e.PACER_REGION
  };
}

// src/logger.ts
import { pino } from "pino";
function createLogger(level, destination) {
  return pino(
    {
      level,
      base: { app: "pacer" },
      redact: { paths: ["token", "*.token", "config.token", "headers.authorization", "*.headers.authorization"], censor: "[redacted]" }
    },
    destination ?? process.stdout
  );
}

// test/scheduler/support.ts
import { REST } from "discord.js";

// test/discord-double/server.ts
import { WebSocketServer } from "ws";

// test/discord-double/fixtures.ts
var PermissionBits = {
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  ManageRoles: 1n << 28n,
  UseApplicationCommands: 1n << 31n,
  ManageEvents: 1n << 33n,
  SendMessagesInThreads: 1n << 38n,
  CreateEvents: 1n << 44n
};
var ALL_PERMISSIONS = (1n << 53n) - 1n;
var EVERYONE_PERMISSIONS = PermissionBits.ViewChannel | PermissionBits.SendMessages | PermissionBits.AddReactions | PermissionBits.EmbedLinks | PermissionBits.AttachFiles | PermissionBits.ReadMessageHistory | PermissionBits.UseApplicationCommands | PermissionBits.SendMessagesInThreads;
var BOT_ROLE_PERMISSIONS = PermissionBits.ViewChannel | PermissionBits.SendMessages | PermissionBits.EmbedLinks | PermissionBits.ReadMessageHistory | PermissionBits.MentionEveryone | PermissionBits.CreateEvents | PermissionBits.ManageEvents;

// test/discord-double/channel-posts.ts
var NONCE_MEMORY_MS = 5 * 6e4;

// test/discord-double/gateway.ts
var PRIVILEGED_INTENTS = 1 << 1 | 1 << 8 | 1 << 15;

// test/discord-double/interaction-payloads.ts
var InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 };
var OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11
};
var RESOLVABLE = /* @__PURE__ */ new Set([OptionType.User, OptionType.Channel, OptionType.Role, OptionType.Mentionable]);

// test/discord-double/messages.ts
var MessageFlags2 = { Ephemeral: 1 << 6, Loading: 1 << 7 };
var TOGGLEABLE_FLAGS = 1 << 2 | 1 << 12;
var IS_COMPONENTS_V2 = 1 << 15;

// test/discord-double/interaction-state.ts
var TOKEN_LIFETIME_MS = 15 * 60 * 1e3;
var CALLBACKS_BY_INTERACTION = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.Autocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7]
};

// test/discord-double/validation.ts
import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandUpdateRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  LaunchActivityInteractionCallbackRequestSchema,
  MessageCreateRequestSchema,
  MessageEditRequestPartialSchema,
  ModalInteractionCallbackRequestSchema,
  PongInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema
} from "discord-api-spec/zod";
import * as z5 from "zod/mini";

// test/discord-double/limits.ts
var IS_COMPONENTS_V22 = 1 << 15;

// test/discord-double/validation.ts
z5.config(z5.locales.en());

// test/scheduler/support.ts
var MINUTE2 = 6e4;
var HOUR = 60 * MINUTE2;
var DAY = 24 * HOUR;
var TestJob = class {
  constructor(kind = "weekly_challenge", lateLimitMs = 7 * DAY) {
    this.kind = kind;
    this.lateLimitMs = lateLimitMs;
  }
  decided = [];
  postedIds = [];
  decide(occurrence) {
    this.decided.push(occurrence);
    const lateBy = occurrence.now.getTime() - occurrence.scheduledFor.getTime();
    if (lateBy > this.lateLimitMs) return { action: "skip", reason: `too late (${Math.round(lateBy / MINUTE2)} minutes)` };
    const late = lateBy >= MINUTE2 ? " (late)" : "";
    return {
      action: "post",
      message: { content: `${this.kind} #${occurrence.scheduleId} for ${occurrence.scheduledFor.toISOString()}${late}`, allowed_mentions: { parse: [] } }
    };
  }
  posted(occurrence, messageId) {
    this.postedIds.push({ scheduleId: occurrence.scheduleId, scheduledFor: occurrence.scheduledFor, messageId });
  }
};

// test/scheduler/support/process-entry.ts
var config2 = parseConfig(process.env);
var logger = createLogger(config2.logLevel);
var app = await startApp({ config: config2, logger, jobs: [() => new TestJob("weekly_challenge")] });
process.once("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
