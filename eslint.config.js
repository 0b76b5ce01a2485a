import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Borders between the layers, as lint rules. Each is matched against the import string as written, for static
 * imports, re-exports and dynamic `import()`. `\x2F` is `/`: esquery (no-restricted-syntax) cannot read a literal
 * slash inside a regex. test/architecture/borders.test.ts proves each rule fails when broken.
 */
const DISCORD = String.raw`^(discord\.js|discord-api-types|@discordjs)(\x2F|$)`;
const BOT_LAYER = String.raw`(^|\x2F)discord(\x2F|$)`;
const COMMANDS = String.raw`(^|\x2F)commands(\x2F|$)`;
const TOOLS = String.raw`(^|\x2F)tools(\x2F|$)`;
const PACKAGES = String.raw`(^|\x2F)packages(\x2F|$)|^@pacer\x2Fdiscord-double`;
const TESTS = String.raw`(^|\x2F)test(\x2F|$)`;
/** The one part of the bot layer that a view may use: the component builders. */
const BOT_INTERNALS = String.raw`(^|\x2F)platform\x2Fdiscord\x2F(?!codec\.js$|components\.js$)`;
const LEAVES_PACKAGE = String.raw`^(\.\.\x2F){2,}`;

/** The programs at the top of src/ that wire commands/ into the app. */
export const COMPOSITION_ROOTS = ['src/main.ts', 'src/app.ts', 'src/deploy-cli.ts'];

const VIEWS = ['commands/*/views.ts', 'commands/*/*-views.ts', 'commands/*/custom-id.ts'];

/** One entry per group of files; the groups do not overlap, since a later rule setting would replace an earlier one. */
export const BORDERS = [
  {
    name: 'src-knows-no-discord',
    files: ['src/**'],
    ignores: ['src/platform/discord/**', ...COMPOSITION_ROOTS],
    forbidden: [DISCORD, BOT_LAYER, COMMANDS, TOOLS, PACKAGES, TESTS],
    message:
      'src/ holds what Pacer knows and never imports Discord: discord.js and src/platform/discord are for commands/ (take what you need as a parameter or port, see src/platform/scheduler/contract.ts). Nothing there imports commands/, tools/, packages/ or test/.',
  },
  {
    name: 'bot-layer-serves-all-commands',
    files: ['src/platform/discord/**'],
    forbidden: [COMMANDS, TOOLS, PACKAGES, TESTS],
    message: 'The bot layer serves every command and imports none (src/app.ts wires them in), nor tools/, packages/ or test/.',
  },
  {
    name: 'roots-ship-no-tools',
    files: COMPOSITION_ROOTS,
    forbidden: [TOOLS, PACKAGES, TESTS],
    message: 'The app never imports tools/, packages/ or test/: they are development tools.',
  },
  {
    name: 'commands-ship-no-tools',
    files: ['commands/**'],
    ignores: VIEWS,
    forbidden: [TOOLS, PACKAGES, TESTS],
    message: 'Commands are shipped code: they never import the playground, the Discord double or tests.',
  },
  {
    name: 'views-are-pure',
    files: VIEWS,
    forbidden: [BOT_INTERNALS, TOOLS, PACKAGES, TESTS],
    message: 'Views and codecs are pure: they may use the codec core and the component builders, not the client, router or responder.',
  },
  {
    name: 'tools-import-no-tests',
    files: ['tools/**'],
    forbidden: [TESTS],
    message: 'Nothing outside test/ imports test code.',
  },
  {
    name: 'double-stands-alone',
    files: ['packages/discord-double/**'],
    forbidden: [LEAVES_PACKAGE],
    message: 'The Discord double is its own package: it imports nothing from Pacer.',
  },
];

function borderRules({ forbidden, message }) {
  const pattern = forbidden.join('|');
  return {
    'no-restricted-imports': ['error', { patterns: [{ regex: pattern, message }] }],
    'no-restricted-syntax': ['error', { selector: `ImportExpression[source.value=/${pattern}/]`, message }],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'migrations/**', 'data/**', 'coverage/**', '.test-build/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...BORDERS.map((border) => ({ name: border.name, files: border.files, ignores: border.ignores ?? [], rules: borderRules(border) })),
);
